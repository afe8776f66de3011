"""Title search speed (issue 14): p95 ≤ 30 ms at concurrency 1, signed out and in.

Builds the whole catalogue (all 923 occupations of the data pack, each with a
generated guide) in a scratch SQLite database under bench/.data once, then, in
this process with production settings, times the index build and its memory
(tracemalloc) and 200 searches of mixed queries through the Django test client
(the results page, each query new so the page cache never answers), signed out
and signed in, and 200 as-you-type suggestions. Prints milliseconds, wall clock and CPU.

    python -m bench.search
"""

import random
import time
import tracemalloc

from bench.timing import clocked, fill_catalogue, print_table, start_django, timed_get

SEARCHES = 200
EVERYDAY = [
    "call center representative", "help desk", "RN", "software engineer",
    "forklift operator", "bookkeeping", "receptionist", "cashier", "truck driver",
    "nurse", "janitor", "waiter", "electrician", "plumber", "accountant", "lawyer",
    "recepcionist", "electirician", "microsoft excel", "python", "welder",
    "dental hygienist", "security guard", "web developer", "data scientist",
]  # fmt: skip


def queries(titles: list[str], count: int, seed: int) -> list[str]:
    """Everyday titles, then official titles, their first words and typos."""
    chooser = random.Random(seed)
    found = list(EVERYDAY)
    while len(found) < count:
        title = chooser.choice(titles)
        words = title.split()
        match chooser.randrange(3):
            case 0:
                found.append(title)
            case 1:
                found.append(" ".join(words[:2]))
            case _:
                word = chooser.choice(words)
                cut = chooser.randrange(len(word))
                found.append(word[:cut] + word[cut + 1 :])  # a letter left out
    return found[:count]


def main() -> None:
    start_django("search.sqlite3")
    from django.core.cache import cache
    from django.test import Client

    from accounts.models import User
    from careers.models import Occupation, OccupationTitle
    from careers.search import forget_title_index, title_index

    fill_catalogue()
    forget_title_index()
    tracemalloc.start()
    started = time.perf_counter()
    index = title_index()
    build = time.perf_counter() - started
    memory = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    forget_title_index()
    started = time.perf_counter()
    index = title_index()
    build_untraced = time.perf_counter() - started
    titles = list(Occupation.objects.values_list("title", flat=True))
    print(
        f"Index: {Occupation.objects.count()} occupations, "
        f"{OccupationTitle.objects.count():,} titles, {len(index.entry_text):,} "
        f"entries (titles and tool names); built in {build_untraced:.2f} s "
        f"({build:.2f} s traced), {memory:.1f} MB"
    )

    user, _ = User.objects.get_or_create(email="bench-search@example.com")
    signed_in = Client()
    signed_in.force_login(user)
    rows = []
    for name, client, seed in [
        ("Results page, signed out", Client(), 1),
        ("Results page, signed in", signed_in, 2),
    ]:
        cache.clear()
        timings = [
            timed_get(client, "/careers/search/", {"q": query})
            for query in queries(titles, SEARCHES, seed)
        ]
        rows.append((name, timings))
    # One client for them all: a new Client loads the middleware again.
    typing = Client()
    timings = [
        timed_get(
            typing,
            "/careers/search/suggest/",
            {"q": query[:5]},
            headers={"HX-Request": "true"},
        )
        for query in queries(titles, SEARCHES, 3)
    ]
    rows.append(("Suggestions, 5 letters typed", timings))
    in_process = [
        clocked(lambda query=query: index.search(query))
        for query in queries(titles, SEARCHES, 4)
    ]
    rows.append(("search_titles() alone", in_process))

    print_table(f"{SEARCHES} searches, concurrency 1", rows)


if __name__ == "__main__":
    main()
