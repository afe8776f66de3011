"""Password-reset timing: does a real account answer later than an unknown address?

Starts gunicorn with production settings against a slow fake SMTP server (every
reply 30 ms late, like the mail server in issue 15), posts the reset form for
real accounts and for unknown addresses in turn, and prints how long each took
to answer and how long after the post the email reached the server. The email is
sent after the response (core.responses.RedirectThen), so both answers should
take about as long, and the email should arrive some 200 ms after the answer.
(This script and gunicorn share the machine's cores, so the worker's work after
an answer can delay this script's reading of it by a few milliseconds; a client
elsewhere does not see that.)

    python -m bench.reset_timing [--rounds N]
"""

import argparse
import http.client
import re
import socketserver
import statistics
import threading
import time
import urllib.parse

from bench.server import DATA_DIR, Gunicorn, manage, production_env

PORT = 8767
REPLY_DELAY = 0.030  # seconds before each SMTP reply


class SlowSMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend, every reply REPLY_DELAY late."""

    def reply(self, line: str) -> None:
        time.sleep(REPLY_DELAY)
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 slow-smtp ready")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 slow-smtp")
            elif command == "DATA":
                self.reply("354 go on")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                self.server.delivered.append(time.perf_counter())
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 ok")


class SlowSMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SlowSMTPHandler)
        self.delivered: list[float] = []


def post_reset(port: int, email: str, client: str) -> tuple[float, float]:
    """Post the reset form as a browser would; return the seconds until the
    whole answer arrived and the perf_counter() when the post was sent."""
    headers = {"X-Forwarded-For": client}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/accounts/password/reset/", headers=headers)
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"email": email, "csrfmiddlewaretoken": token})
    connection.close()

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    started = time.perf_counter()
    connection.request(
        "POST",
        "/accounts/password/reset/",
        body=body,
        headers={
            **headers,
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    response = connection.getresponse()
    response.read()
    answered = time.perf_counter() - started
    connection.close()
    if response.status != 302:
        raise RuntimeError(f"the reset form answered {response.status}")
    return answered, started


def milliseconds(values: list[float]) -> str:
    median, worst = statistics.median(values) * 1000, max(values) * 1000
    return f"median {median:6.1f} ms, max {worst:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds

    DATA_DIR.mkdir(exist_ok=True)
    database = DATA_DIR / "reset-timing.sqlite3"
    database.unlink(missing_ok=True)
    smtp = SlowSMTPServer()
    threading.Thread(target=smtp.serve_forever, daemon=True).start()
    env = production_env(
        database_url=f"sqlite:///{database}",
        cache_url="locmemcache://",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.server_address[1]}",
        WEB_CONCURRENCY="1",  # one worker, so the memory caches are shared
        TRUST_X_FORWARDED_FOR="true",  # a new client address for every post
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    # Three resets an hour per account: a fresh account for every post.
    manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from accounts.models import User\n"
        f"for n in range({rounds}):\n"
        "    User.objects.create_user(f'real{n}@example.com', 'a-long-passphrase-1')",
    )

    known, unknown, delivery = [], [], []
    log_path = DATA_DIR / "reset-timing.log"
    with Gunicorn(env, port=PORT, app="config.wsgi", log_path=log_path) as server:
        post_reset(server.port, "warm-up@example.com", "192.0.2.1")
        for n in range(rounds):
            # Alternate which goes first, so neither always follows the other.
            order = ["unknown", "known"] if n % 2 else ["known", "unknown"]
            for kind in order:
                if kind == "unknown":
                    answered, _ = post_reset(
                        server.port, f"nobody{n}@example.com", f"198.51.100.{n}"
                    )
                    unknown.append(answered)
                    continue
                sent_before = len(smtp.delivered)
                answered, started = post_reset(
                    server.port, f"real{n}@example.com", f"203.0.113.{n}"
                )
                known.append(answered)
                deadline = time.monotonic() + 10
                while len(smtp.delivered) == sent_before:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"no email arrived; see {log_path}")
                    time.sleep(0.005)
                delivery.append(smtp.delivered[-1] - started)
                # The worker still says QUIT after the delivery; let it finish
                # so the next post measures the page, not a busy worker.
                time.sleep(0.2)
    smtp.shutdown()

    delay = REPLY_DELAY * 1000
    print(f"Password reset via gunicorn, SMTP replies {delay:.0f} ms late")
    print(f"({rounds} rounds, after one to warm up)")
    print(f"  answer, real account:    {milliseconds(known)}")
    print(f"  answer, unknown address: {milliseconds(unknown)}")
    print(f"  email delivered after:   {milliseconds(delivery)} (from the post)")


if __name__ == "__main__":
    main()
