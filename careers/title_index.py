"""The title index behind careers.search: official, alternate, short and
reported titles, and the names of the technologies and tools the work uses.

Plain Python with no database access: `TitleIndex` is built from `Listing`s,
which careers.search reads from the database and tests can make straight from
the data pack.

Ranking: an exact official title, then an exact alternate, short or reported
title, then titles holding every word of the query (titles before technology
and tool names), then titles holding fewer of its words. Ties go to the
occupation whose official title holds more of the query's words, then to the
one with more matching titles, then to the one employing more people, then to
the title and code, so equal queries always give the same order.

Words compare without case or accents, singular and plural alike (`stem`); a
query word the index does not know is corrected to the most common known word
one letter away (`corrections`), and the last word of an as-you-type query is
also read as the start of a word.
"""

import functools
import re
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from careers.catalogue.records import normalize_title

MAIN, ALTERNATE, SHORT, REPORTED, TECHNOLOGY, TOOL = range(6)
KINDS = {
    "main": MAIN,
    "alternate": ALTERNATE,
    "short": SHORT,
    "reported": REPORTED,
    "technology": TECHNOLOGY,
    "tool": TOOL,
}
KIND_NAMES = {number: name for name, number in KINDS.items()}
MAX_QUERY_WORDS = 8
# A word shorter than this is not corrected: one letter away from "rn" or "it"
# is almost every two- or three-letter word.
CORRECT_FROM_LENGTH = 4
# The last word of an as-you-type query also stands for the most common words
# it starts ("nur": nurse, nursing, nursery …), at most this many.
PREFIX_TERMS = 40
LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


def stem(word: str) -> str:
    """The singular of an English plural, near enough: clerks → clerk,
    secretaries → secretary, boxes → box, salesmen → salesman. Title and query
    words go through the same function, so an odd stem still matches itself."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


_NOT_WORD = re.compile(r"[^0-9a-z]+")


def terms(text: str) -> list[str]:
    """The distinct stemmed words of a title or query, in order."""
    # Most titles are plain ASCII, for which lower() is all normalize_title does;
    # skipping its Unicode work halves the time the index takes to build.
    plain = (
        _NOT_WORD.sub(" ", text.lower()) if text.isascii() else normalize_title(text)
    )
    return list(dict.fromkeys(map(_stem, plain.split())))


@functools.lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return stem(word)


def one_letter_away(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, change or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changes = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return (deletes | swaps | changes | inserts) - {word}


@dataclass
class Listing:
    """An occupation (or a guide with none) as the index sees it."""

    code: str  # O*NET-SOC code, "" for a hand-written guide with no occupation
    title: str
    employment: int | None
    titles: list[tuple[str, str]]  # (kind, title), the main title included
    tools: list[tuple[str, str]] = field(default_factory=list)  # ("technology", name)
    occupation: Any = None
    guide: Any = None  # its published guide, if it has one

    @property
    def broad_group(self) -> str:
        # The SOC broad group is the first five digits: 43-4051 is in 43-4050.
        return self.code[:6]


@dataclass(frozen=True)
class TitleMatch:
    """One result: the guide, the occupation whose title matched, and the title."""

    career: Any
    occupation: Any
    title: str
    kind: str  # main, alternate, short, reported, technology or tool
    exact: bool
    # True when the occupation has no guide and this is its broad group's closest.
    nearby: bool = False

    @property
    def kind_label(self) -> str:
        return {
            "main": "official title",
            "alternate": "also called",
            "short": "short title",
            "reported": "title used by workers",
            "technology": "technology used",
            "tool": "tool used",
        }[self.kind]


class TitleIndex:
    """Every title and tool name, word by word, ready to search.

    Entries are numbered titles first, each listing's in order of preference
    (main, alternate, short, reported; shorter first), then technology and tool
    names: a listing's best matching entry is simply its lowest number.
    """

    def __init__(self, listings: list[Listing]):
        self.listings = listings
        self.entry_listing = array("i")
        self.entry_kind = array("b")
        self.entry_text: list[str] = []
        self.main_entry = array("i")
        # Built once per distinct name: many tools belong to hundreds of listings.
        self._terms: dict[str, tuple[str, list[str]]] = {}
        titles: dict[str, list[int]] = {}
        exact: dict[str, list[int]] = {}
        for number, listing in enumerate(listings):
            self.main_entry.append(len(self.entry_text))
            named = [
                ("main", listing.title),
                *sorted(listing.titles, key=lambda p: (KINDS[p[0]], len(p[1]), p[1])),
            ]
            for words, entry in self._add(number, named, titles, set()):
                exact.setdefault(" ".join(sorted(words)), []).append(entry)
        self.first_tool = len(self.entry_text)
        tools: dict[str, list[int]] = {}
        for number, listing in enumerate(listings):
            named = sorted(listing.tools, key=lambda pair: (len(pair[1]), pair[1]))
            seen = {" ".join(self._terms_of(text)[1]) for _, text in listing.titles}
            list(self._add(number, named, tools, seen))
        self.title_postings = {
            word: array("i", found) for word, found in titles.items()
        }
        self.tool_postings = {word: array("i", found) for word, found in tools.items()}
        # Exact matches: a title's distinct words, sorted, joined by spaces.
        self.exact = {key: array("i", found) for key, found in exact.items()}
        self.vocabulary = sorted(titles.keys() | tools.keys())
        self.mains = frozenset(self.main_entry)
        self.guide_of = self._guides()
        # Keep only what results show, not every title and tool name again.
        self.listings = [replace(item, titles=[], tools=[]) for item in listings]
        del self._terms

    def _terms_of(self, text: str) -> tuple[str, list[str]]:
        """The text's words, and one shared copy of the text."""
        found = self._terms.get(text)
        if found is None:
            found = self._terms[text] = (text, terms(text))
        return found

    def _add(self, number: int, named, postings: dict, seen: set):
        """Add a listing's (kind, text) pairs as entries, skipping repeats; yield
        (words, entry) for each added."""
        for kind, text in named:
            text, words = self._terms_of(text)
            key = " ".join(words)
            if not words or key in seen:
                continue
            seen.add(key)
            entry = len(self.entry_text)
            self.entry_listing.append(number)
            self.entry_kind.append(KINDS[kind])
            self.entry_text.append(text)
            for word in words:
                postings.setdefault(word, []).append(entry)
            yield words, entry

    def _guides(self) -> list[tuple[Any, bool]]:
        """(guide, nearby) for each listing: its own guide, else the guide of the
        occupation with the nearest code in its SOC broad group.

        We chose to lead such titles to a neighbour rather than drop them: a
        person who calls the work by a title of an occupation with no guide is
        better served by the guide to the closest work than by nothing. Only
        titles of a broad group with no guide at all are dropped.
        """
        with_guide: dict[str, list[tuple[int, Listing]]] = {}
        for listing in self.listings:
            if listing.guide is not None and listing.code:
                with_guide.setdefault(listing.broad_group, []).append(
                    (_code_number(listing.code), listing)
                )
        guides = []
        for listing in self.listings:
            if listing.guide is not None:
                guides.append((listing.guide, False))
                continue
            here = _code_number(listing.code)
            near = with_guide.get(listing.broad_group, []) if listing.code else []
            closest = min(
                near, key=lambda pair: (abs(pair[0] - here), pair[0]), default=None
            )
            guides.append((closest[1].guide, True) if closest else (None, False))
        return guides

    def _frequency(self, word: str) -> int:
        return len(self.title_postings.get(word, ())) + len(
            self.tool_postings.get(word, ())
        )

    def corrections(self, word: str) -> list[str]:
        """The known word one letter from `word` that most entries use, if any."""
        if len(word) < CORRECT_FROM_LENGTH:
            return []
        known = [w for w in one_letter_away(word) if self._frequency(w)]
        return sorted(known, key=lambda w: (-self._frequency(w), w))[:1]

    def completions(self, start: str) -> list[str]:
        """The most used known words beginning with `start`."""
        if len(start) < 2:
            return []
        found = []
        for word in self.vocabulary[bisect_left(self.vocabulary, start) :]:
            if not word.startswith(start):
                break
            found.append(word)
        found.sort(key=lambda w: (-self._frequency(w), w))
        return found[:PREFIX_TERMS]

    def search(
        self, query: str, *, limit: int = 20, as_you_type: bool = False
    ) -> list[TitleMatch]:
        """The guides for `query`, best first, one result per guide."""
        words = terms(query)[:MAX_QUERY_WORDS]
        if not words or limit < 1:
            return []
        chosen = []  # for each query word: (the word or its correction, all it may be)
        for position, word in enumerate(words):
            known = [word] if self._frequency(word) else self.corrections(word)
            extra = []
            if position == len(words) - 1 and (as_you_type or not known):
                extra = [w for w in self.completions(word) if w not in known]
            chosen.append((known, known + extra))
        title_sets = [_entries(self.title_postings, every) for _, every in chosen]
        results, seen = [], set()
        self._collect(self._every_word(chosen, title_sets), limit, results, seen)
        if len(words) > 1 and len(results) < limit:
            self._collect(self._some_words(title_sets), limit, results, seen)
        return results

    def _order(self, listing: int, tier, matched, is_tool, main_words, matching):
        about = self.listings[listing]
        return (
            tier,
            -matched,
            is_tool,
            -main_words[listing],
            -matching,
            -(about.employment or 0),
            about.title,
            about.code,
        )

    def _main_words(self, title_sets) -> Counter:
        """For each listing, how many query words its official title holds."""
        found = Counter()
        for entries in title_sets:
            found.update(map(self.entry_listing.__getitem__, entries & self.mains))
        return found

    def _every_word(self, chosen, title_sets) -> list[tuple]:
        """(order, listing, entry, exact) for listings with an entry holding every
        query word, best first."""
        size = len(chosen)
        tool_sets = [_entries(self.tool_postings, every) for _, every in chosen]
        # Highest first, so that the lowest (best) entry of a listing is the one
        # left in `best`; zip and Counter keep the work in C for common words.
        titles = sorted(set.intersection(*sorted(title_sets, key=len)), reverse=True)
        tools = sorted(set.intersection(*sorted(tool_sets, key=len)), reverse=True)
        listing_of = self.entry_listing.__getitem__
        best = dict(zip(map(listing_of, tools), tools, strict=True))
        best.update(zip(map(listing_of, titles), titles, strict=True))
        title_counts = Counter(map(listing_of, titles))
        tool_counts = Counter(map(listing_of, tools))
        exact: dict[int, tuple[int, int]] = {}
        if all(known for known, _ in chosen):
            key = " ".join(sorted({known[0] for known, _ in chosen}))
            for entry in self.exact.get(key, ()):
                tier = 0 if self.entry_kind[entry] == MAIN else 1
                listing = listing_of(entry)
                exact[listing] = min(exact.get(listing, (tier, entry)), (tier, entry))
        main_words = self._main_words(title_sets)
        ranked = []
        for listing, entry in best.items():
            tier, entry = exact.get(listing, (2, entry))
            is_tool = entry >= self.first_tool
            matching = (tool_counts if is_tool else title_counts)[listing]
            order = self._order(listing, tier, size, is_tool, main_words, matching)
            ranked.append((order, listing, entry, tier < 2))
        ranked.sort()
        return ranked

    def _some_words(self, title_sets) -> list[tuple]:
        """Listings with a title holding some but not all of the query's words,
        the most words first (technology and tool names are left out: a tool
        that shares one word with the query says little)."""
        size = len(title_sets)
        counts = Counter()
        for entries in title_sets:
            counts.update(entries)
        best: dict[
            int, list[int]
        ] = {}  # listing → [words, entry, entries with as many]
        listing_of = self.entry_listing.__getitem__
        for entry, matched in counts.items():
            if matched == size:
                continue
            listing = listing_of(entry)
            found = best.get(listing)
            if found is None or matched > found[0]:
                best[listing] = [matched, entry, 1]
            elif matched == found[0]:
                found[1] = min(found[1], entry)
                found[2] += 1
        main_words = self._main_words(title_sets)
        ranked = [
            (
                self._order(listing, 2, matched, False, main_words, count),
                listing,
                entry,
                False,
            )
            for listing, (matched, entry, count) in best.items()
        ]
        ranked.sort()
        return ranked

    def _collect(self, ranked, limit: int, results: list, seen: set) -> None:
        """Add a result for each ranked listing whose guide is not shown yet."""
        for _, listing, entry, exact in ranked:
            if len(results) >= limit:
                return
            guide, nearby = self.guide_of[listing]
            if guide is None or id(guide) in seen:
                continue
            seen.add(id(guide))
            results.append(
                TitleMatch(
                    career=guide,
                    occupation=self.listings[listing].occupation,
                    title=self.entry_text[entry],
                    kind=KIND_NAMES[self.entry_kind[entry]],
                    exact=exact,
                    nearby=nearby,
                )
            )


def _entries(postings: dict, words: list[str]) -> set[int]:
    if len(words) == 1:
        return set(postings.get(words[0], ()))
    return set().union(*(postings.get(word, ()) for word in words))


def _code_number(code: str) -> int:
    return int("".join(c for c in code if c.isdigit()) or 0)
