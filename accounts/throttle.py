"""Slow down password guessing and reset-email floods, using the shared cache.

Failed sign-ins are counted per account (the email address in its canonical
form, accounts.emails) and per client address. After a few free failures each
further one locks that key for longer (1, 2, 4, 8 … minutes, at most the rule's
max_lock); the counts are forgotten after its window without failures. A
successful sign-in clears its account's count but not its address's, so one
real account cannot be used to reset an address that is guessing at others.

The counts live in the "throttle" cache alias (THROTTLE_CACHE_URL), apart from
the page cache so cached pages can never evict them; it must be shared by every
worker (Redis or the database cache in production) for the limits to hold.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

from accounts.emails import canonical_email


@dataclass(frozen=True)
class Rule:
    name: str
    free_failures: int  # failures before the first lock
    first_lock: int  # seconds
    max_lock: int  # seconds
    window: int  # seconds after the last failure before the count is forgotten


SIGN_IN_ACCOUNT = Rule("sign-in-account", 5, 60, 15 * 60, 60 * 60)
# Addresses are shared (offices, phone networks), so they get more room.
SIGN_IN_ADDRESS = Rule("sign-in-address", 20, 60, 15 * 60, 60 * 60)


@dataclass(frozen=True)
class Limit:
    name: str
    requests: int  # allowed in one window
    window: int  # seconds, from the window's first request


# Password reset: every request counts, sent or not, so the limit says
# nothing about whether an account exists.
RESET_ACCOUNT = Limit("reset-account", 3, 60 * 60)
RESET_ADDRESS = Limit("reset-address", 10, 60 * 60)
# Sign-up must say when an address is taken, so it is slowed per client address:
# enough for a family or an office behind one address, too few to probe a list.
SIGN_UP_ADDRESS = Limit("sign-up-address", 20, 60 * 60)


def lock_seconds(rule: Rule, failures: int) -> int:
    """Return how long the key is locked after its `failures`-th failure."""
    if failures <= rule.free_failures:
        return 0
    return min(
        rule.first_lock * 2 ** (failures - rule.free_failures - 1), rule.max_lock
    )


def minutes_text(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def client_address(request) -> str:
    """Return the client's IP address (the proxy's last X-Forwarded-For entry
    when TRUST_X_FORWARDED_FOR is on)."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")


def account_key(email: str) -> str:
    """Identify an account by its canonical address (so every spelling that
    reaches it shares its counts), without storing the address."""
    return hashlib.sha256(canonical_email(email).encode()).hexdigest()


def _cache():
    return caches["throttle"]


def _keys(rule: Rule | Limit, who: str) -> tuple[str, str]:
    return f"throttle:{rule.name}:{who}:count", f"throttle:{rule.name}:{who}:until"


def locked_for(rule: Rule, who: str) -> int:
    """Return the seconds left on `who`'s lock, 0 when they may try."""
    _, until_key = _keys(rule, who)
    until = _cache().get(until_key)
    if until is None:
        return 0
    return max(0, math.ceil(until - time.time()))


def record_failure(rule: Rule, who: str) -> int:
    """Count a failure for `who`; return the seconds it is now locked for."""
    count_key, until_key = _keys(rule, who)
    cache = _cache()
    if cache.add(count_key, 1, rule.window):
        failures = 1
    else:
        try:
            failures = cache.incr(count_key)
        except ValueError:  # expired between add() and incr()
            cache.set(count_key, 1, rule.window)
            failures = 1
        # incr() on the database cache re-saves with the default timeout.
        cache.touch(count_key, rule.window)
    seconds = lock_seconds(rule, failures)
    if seconds:
        cache.set(until_key, time.time() + seconds, seconds)
    return seconds


def reset(rule: Rule, who: str) -> None:
    _cache().delete_many(_keys(rule, who))


def take(limit: Limit, who: str) -> int:
    """Count one request; return 0 if it is within the limit, otherwise the
    seconds until the window ends."""
    count_key, until_key = _keys(limit, who)
    cache = _cache()
    now = time.time()
    cache.add(until_key, now + limit.window, limit.window)
    until = cache.get(until_key, now + limit.window)
    if cache.add(count_key, 1, limit.window):
        return 0
    try:
        count = cache.incr(count_key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(count_key, 1, limit.window)
        return 0
    left = max(1, math.ceil(until - now))
    # incr() on the database cache re-saves with the default timeout.
    cache.touch(count_key, left)
    return 0 if count <= limit.requests else left


# Sign-in


def sign_in_locked_for(request, email: str) -> int:
    """Return the seconds before this account, or this address, may try again."""
    return max(
        locked_for(SIGN_IN_ACCOUNT, account_key(email)),
        locked_for(SIGN_IN_ADDRESS, client_address(request)),
    )


def sign_in_failed(request, email: str) -> int:
    """Count a failed sign-in; return the seconds it is now locked for."""
    return max(
        record_failure(SIGN_IN_ACCOUNT, account_key(email)),
        record_failure(SIGN_IN_ADDRESS, client_address(request)),
    )


def sign_in_succeeded(email: str) -> None:
    reset(SIGN_IN_ACCOUNT, account_key(email))


# Password reset


def password_reset_succeeded(email: str) -> None:
    """Clear the account's sign-in lock: setting a new password through the
    emailed link proved the person holds the mailbox."""
    reset(SIGN_IN_ACCOUNT, account_key(email))


def password_reset_wait(request, email: str) -> int:
    """Count a reset request; return the seconds to wait if it is one too many."""
    return take(RESET_ADDRESS, client_address(request)) or take(
        RESET_ACCOUNT, account_key(email)
    )


# Sign-up


def sign_up_wait(request) -> int:
    """Count a sign-up attempt; return the seconds to wait if it is one too many."""
    return take(SIGN_UP_ADDRESS, client_address(request))
