"""Resume match: which of a posting's important terms a resume contains.

Pure functions, no database. `extract_text` reads a resume's bytes (PDF with
pypdf, Word .docx with the standard library, plain text); `posting_terms`
picks the terms that matter and weighs them; `match_resume` says which a resume
has. The rules are simple on purpose: a person can check every figure on the
page by hand.

- Words are compared stemmed (a light, suffix-stripping stemmer: "managing",
  "managed" and "manages" are one word) with stop words left out.
- The terms: the linked occupation's most important skills, the occupation's
  technologies the posting names, and the posting's own words used at least
  twice (the most used first).
- A term's weight is how many times the posting uses it, from 1 to 3; an
  occupation skill the posting never uses weighs 1.
- A term is found when its words appear in the resume in the same order.
- The score is the found terms' weight over all the terms' weight, as a whole
  percentage (halves round up).
"""

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from xml.etree import ElementTree

# Enough for any resume; bounds the work a hostile file can cause.
MAX_TEXT_CHARS = 200_000
MAX_PDF_PAGES = 30
MAX_DOCX_XML_BYTES = 10 * 1024 * 1024

SKILLS_USED = 10  # the occupation's most important skills
POSTING_TERMS = 15  # the posting's own most used words
MAX_WEIGHT = 3

WORD_NAMESPACE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class UnreadableDocument(Exception):
    """The file's text cannot be read (damaged, encrypted or not what it says)."""


def extract_text(data: bytes, *, suffix: str) -> str:
    """The text of a .pdf, .docx or .txt file's bytes, at most MAX_TEXT_CHARS."""
    match suffix.lower():
        case ".pdf":
            text = _pdf_text(data)
        case ".docx":
            text = _docx_text(data)
        case _:
            text = _plain_text(data)
    return text[:MAX_TEXT_CHARS]


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocument("The PDF is protected by a password.")
        pages = []
        for page in reader.pages[:MAX_PDF_PAGES]:
            pages.append(page.extract_text() or "")
            if sum(map(len, pages)) > MAX_TEXT_CHARS:
                break
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise UnreadableDocument("The PDF could not be read.") from error
    return "\n".join(pages)


def _docx_text(data: bytes) -> str:
    """The paragraphs of word/document.xml, one a line."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise UnreadableDocument("The document is too large to read.")
            xml = archive.read(info)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as error:
        raise UnreadableDocument("The Word document could not be read.") from error
    # Word never writes a DTD; refusing one rules out entity-expansion tricks.
    if b"<!DOCTYPE" in xml[:4096].upper():
        raise UnreadableDocument("The Word document could not be read.")
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise UnreadableDocument("The Word document could not be read.") from error
    paragraphs = []
    for paragraph in root.iter(f"{WORD_NAMESPACE}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{WORD_NAMESPACE}t":
                parts.append(node.text or "")
            elif node.tag in (f"{WORD_NAMESPACE}tab", f"{WORD_NAMESPACE}br"):
                parts.append(" ")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _plain_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # every byte is a character: never fails


# Common English words, and words every posting uses.
_STOP_WORDS = """
    a about above after again against all also am an and any are as at be because
    been before being below between both but by can could did do does doing down
    during each etc few for from further had has have having he her here hers him
    his how i if in into is it its itself just me more most my no nor not now of
    off on once only or other our ours out over own per same she should so some
    such than that the their theirs them then there these they this those through
    to too under until up upon us very via was we were what when where which while
    who whom why will with within without would you your yours
    ability able apply applicant applicants candidate candidates company day days
    employer employment equal experience full hour hours including job join like
    looking must new opportunity part please position preferred related required
    requirement requirements responsibilities responsibility role skill skills
    strong team time well work working year years
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

# Words: letters and digits, keeping the marks of names like C++, C# and node.js.
WORD = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[.'][a-z0-9+#]+)*")


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """A light stemmer: plurals, -ing, -ed and a final e come off."""
    if len(word) < 4 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            # planning → plann → plan; but not "fill", "pass", "buzz"
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def tokens(text: str) -> list[tuple[str, str]]:
    """(stem, word as written) for each word of `text` that is not a stop word."""
    found = []
    for word in WORD.findall(text.lower().replace("’", "'")):
        word = word.removesuffix("'s")
        if word not in STOP_WORDS and not word.isdigit():
            found.append((stem(word), word))
    return found


class Stems:
    """A text's stems in order, indexed by stem to find phrases quickly."""

    def __init__(self, text: str):
        self.pairs = tokens(text)
        self.stems = [s for s, _ in self.pairs]
        self.positions: dict[str, list[int]] = {}
        for position, s in enumerate(self.stems):
            self.positions.setdefault(s, []).append(position)

    def count(self, phrase: tuple[str, ...]) -> int:
        """How many times the stems of `phrase` appear in this order."""
        if not phrase:
            return 0
        width = len(phrase)
        return sum(
            1
            for start in self.positions.get(phrase[0], ())
            if tuple(self.stems[start : start + width]) == phrase
        )


@dataclass(frozen=True)
class Term:
    label: str
    stems: tuple[str, ...]
    source: str  # "skill", "technology" or "posting"
    mentions: int  # times the posting uses it
    weight: int


def occupation_terms(facts: dict) -> tuple[list[str], list[str]]:
    """The occupation's SKILLS_USED most important skills and all its
    technologies, by name, from Occupation.facts."""
    rated = sorted(
        (skill for skill in facts.get("skills", []) if skill.get("name")),
        key=lambda skill: (-(skill.get("im") or 0), skill["name"]),
    )
    skills = [skill["name"] for skill in rated[:SKILLS_USED]]
    technologies = [
        row["name"] for row in facts.get("technology", []) if row.get("name")
    ]
    return skills, technologies


def _phrase(name: str) -> tuple[str, ...]:
    # "Microsoft Excel software" is named in a posting as "Microsoft Excel".
    stems = tuple(s for s, _ in tokens(name))
    return stems[:-1] if len(stems) > 1 and stems[-1] == "softwar" else stems


def posting_terms(
    description: str, *, skills: list[str] = (), technologies: list[str] = ()
) -> list[Term]:
    """The posting's important terms with their weights (see the module's rules)."""
    posting = Stems(description)
    terms: dict[tuple[str, ...], Term] = {}

    def add(label, phrase, source, *, keep_unused):
        mentions = posting.count(phrase)
        if phrase and phrase not in terms and (mentions or keep_unused):
            weight = min(max(mentions, 1), MAX_WEIGHT)
            terms[phrase] = Term(label, phrase, source, mentions, weight)

    for name in skills:
        add(name, _phrase(name), "skill", keep_unused=True)
    for name in technologies:
        add(name, _phrase(name), "technology", keep_unused=False)
    spellings = Counter(posting.pairs)
    frequent = sorted(
        (s for s, at in posting.positions.items() if len(at) >= 2 and len(s) >= 2),
        key=lambda s: (-len(posting.positions[s]), posting.positions[s][0]),
    )
    for s in frequent[:POSTING_TERMS]:
        # The spelling the posting uses most, to show the term as written.
        label = max(
            (word for (st, word) in spellings if st == s),
            key=lambda word: spellings[s, word],
        )
        add(label, (s,), "posting", keep_unused=False)
    return list(terms.values())


@dataclass
class Match:
    found: list[Term] = field(default_factory=list)
    missing: list[Term] = field(default_factory=list)

    @property
    def found_weight(self) -> int:
        return sum(term.weight for term in self.found)

    @property
    def total_weight(self) -> int:
        return self.found_weight + sum(term.weight for term in self.missing)

    @property
    def score(self) -> int | None:
        """found weight / total weight as a whole percentage, halves up."""
        total = self.total_weight
        if not total:
            return None
        return (200 * self.found_weight + total) // (2 * total)


def match_resume(terms: list[Term], resume_text: str) -> Match:
    """Which of `terms` the resume contains."""
    resume = Stems(resume_text)
    match = Match()
    for term in terms:
        found = resume.count(term.stems) > 0
        (match.found if found else match.missing).append(term)
    return match
