"""How long `make run`'s setup takes with the occupation catalogue.

On a new, empty SQLite database in bench/.data/, runs each setup step as `make
run` does (a separate manage.py process each, so every figure includes Django's
start-up) and prints its wall-clock and CPU time: migrate, load_careers, load_catalogue,
load_assessments, then load_catalogue a second time (nothing to write), and the
total before the server could start.

    python -m bench.catalogue_load
"""

import os
import resource
import time

from bench.server import DATA_DIR, manage, production_env

STEPS = [
    ("migrate", ("migrate", "--noinput")),
    ("createcachetable", ("createcachetable",)),
    ("load_careers", ("load_careers",)),
    ("load_catalogue (empty database)", ("load_catalogue",)),
    ("load_assessments", ("load_assessments",)),
]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(env: dict, *args: str) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one manage.py command."""
    started, cpu = time.perf_counter(), _children_cpu()
    manage(env, *args, "--verbosity", "0")
    return time.perf_counter() - started, _children_cpu() - cpu


def main() -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    database = DATA_DIR / "catalogue-load.sqlite3"
    for path in DATA_DIR.glob(f"{database.name}*"):
        path.unlink()
    env = production_env(
        database_url=f"sqlite:///{database}", cache_url="locmemcache://"
    )
    rows = [(label, timed(env, *args)) for label, args in STEPS]
    setup = tuple(sum(times[i] for _, times in rows) for i in (0, 1))
    rows.append(
        ("load_catalogue again (nothing changed)", timed(env, "load_catalogue"))
    )
    rows.insert(len(STEPS), ("setup before serving: the steps above", setup))
    width = max(len(label) for label, _ in rows)
    # The machine may be shared: the load says how much the figures are inflated.
    print("load average (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    print(f"{'step':<{width}}  {'wall':>8}  {'CPU':>8}")
    for label, (wall, cpu) in rows:
        print(f"{label:<{width}}  {wall:6.1f} s  {cpu:6.1f} s")


if __name__ == "__main__":
    main()
