"""Read BLS's Employment Projections (Excel) and OEWS wages (gzipped SQLite)."""

import gzip
import re
import shutil
import sqlite3
import tempfile
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .xlsx import SourceError, number, sheet_rows, text

BLS = "U.S. Bureau of Labor Statistics"

# --- Employment Projections ------------------------------------------------------

PROJECTIONS_SHEET = "Table 1.2"
PROJECTIONS_CODE = "2024 National Employment Matrix code"
PROJECTIONS_TITLE = "2024 National Employment Matrix title"
PROJECTIONS_COLUMNS = {
    "employment_start": "Employment, {start}",
    "employment_end": "Employment, {end}",
    "change": "Employment change, numeric, {start}–{short}",
    "change_percent": "Employment change, percent, {start}–{short}",
    "openings": "Occupational openings, {start}–{short} annual average",
    "education": "Typical education needed for entry",
    "experience": "Work experience in a related occupation",
    "training": (
        "Typical on-the-job training needed to attain competency in the occupation"
    ),
}


def thousands(value) -> int | None:
    """Return a figure given in thousands as a whole number of people."""
    value = number(value, 3)
    return None if value is None else int(Decimal(str(value)) * 1000)


def category(value) -> str | None:
    """Return a category cell; "—" is not available, while "None" is the word."""
    value = text(value)
    return None if value in (None, "—", "-") else value


def read_projections(path: Path) -> dict:
    """Return the projections' period and the figures of each line item by SOC code."""
    path = Path(path)
    rows = sheet_rows(
        path,
        (PROJECTIONS_CODE, PROJECTIONS_TITLE, "Occupation type"),
        sheet=PROJECTIONS_SHEET,
        header_row=2,
    )
    first = next(rows, None)
    if first is None:
        raise SourceError(f"{path.name}: {PROJECTIONS_SHEET} has no rows")
    matches = [re.fullmatch(r"Employment, (\d{4})", name) for name in first if name]
    years = sorted(int(match[1]) for match in matches if match)
    if len(years) != 2:
        raise SourceError(f"{path.name}: no 'Employment, YYYY' columns for two years")
    start, end = years
    columns = {
        key: name.format(start=start, end=end, short=str(end)[2:])
        for key, name in PROJECTIONS_COLUMNS.items()
    }
    missing = [name for name in columns.values() if name not in first]
    if missing:
        raise SourceError(f"{path.name}: missing column(s) {', '.join(missing)}")
    figures = {}
    for row in (first, *rows):
        if text(row["Occupation type"]) != "Line item":
            continue
        figures[text(row[PROJECTIONS_CODE])] = {
            "title": text(row[PROJECTIONS_TITLE]),
            "employment_start": thousands(row[columns["employment_start"]]),
            "employment_end": thousands(row[columns["employment_end"]]),
            "change": thousands(row[columns["change"]]),
            "change_percent": number(row[columns["change_percent"]], 1),
            "openings": thousands(row[columns["openings"]]),
            "education": category(row[columns["education"]]),
            "experience": category(row[columns["experience"]]),
            "training": category(row[columns["training"]]),
        }
    release = {
        "name": "Employment Projections",
        "publisher": BLS,
        "release": f"{start}–{str(end)[2:]}",
        "date": str(start),
        "start_year": start,
        "end_year": end,
    }
    return {"release": release, "files": [path], "figures": figures}


# --- OEWS -------------------------------------------------------------------------

NATIONAL = "0000000"
ALL_INDUSTRIES = "000000"
TOP_INDUSTRIES = 8
# Data type codes (table `datatype`) of the figures kept, per unit.
EMPLOYMENT = "01"
ANNUAL = {
    "mean": "04",
    "p10": "11",
    "p25": "12",
    "median": "13",
    "p75": "14",
    "p90": "15",
}
HOURLY = {
    "mean": "03",
    "p10": "06",
    "p25": "07",
    "median": "08",
    "p75": "09",
    "p90": "10",
}
# Footnote 4: only an hourly or only an annual figure is published. Footnote 5: the
# value is above the highest figure BLS publishes (held as "-").
ONE_UNIT_ONLY = "4"
ABOVE_TOP = "5"


def open_oews(path: Path, workdir: Path) -> sqlite3.Connection:
    """Gunzip the OEWS database into `workdir` and open it read-only."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path}: file not found")
    target = workdir / "oews.sqlite"
    try:
        with gzip.open(path, "rb") as source, target.open("wb") as copy:
            shutil.copyfileobj(source, copy, 1 << 20)
    except (OSError, EOFError) as error:
        raise SourceError(f"{path.name}: not a gzip file ({error})") from error
    connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        connection.execute("SELECT key FROM cell LIMIT 1")
    except sqlite3.DatabaseError as error:
        connection.close()
        raise SourceError(f"{path.name}: not an OEWS database ({error})") from error
    return connection


def cell_figure(value, footnote):
    """Return (value, marker) for a cell; the marker: "above_top" or "not_published"."""
    if value is not None and value.strip() not in ("", "-"):
        try:
            return Decimal(value.strip()), None
        except InvalidOperation:
            return None, "not_published"
    if footnote == ABOVE_TOP:
        return None, "above_top"
    return None, "not_published"


def area_figures(cells: dict[str, tuple]) -> dict:
    """Return one area's employment and wages from its cells by data type.

    Annual wages are whole dollars, hourly ones whole cents. A unit BLS does not
    publish for the occupation (footnote 4) is null and named by `unit`; any other
    missing figure is null and listed under `not_published` or, when top-coded,
    under `above_top` (never replaced by the top code's dollar value).
    """
    not_published, above_top = [], []

    def figure(name, code, scale):
        value, marker = cell_figure(*cells.get(code, (None, None)))
        if marker == "above_top":
            above_top.append(name)
        elif marker:
            not_published.append(name)
        return None if value is None else int(value * scale)

    def one_unit_only(codes):
        return any(
            cells.get(code, (None, None))[1] == ONE_UNIT_ONLY for code in codes.values()
        )

    annual_only, hourly_only = one_unit_only(HOURLY), one_unit_only(ANNUAL)
    unit = "annual" if annual_only else "hourly" if hourly_only else "both"
    employment = figure("employment", EMPLOYMENT, 1)
    annual = (
        None
        if hourly_only
        else {name: figure(f"annual.{name}", code, 1) for name, code in ANNUAL.items()}
    )
    hourly = (
        None
        if annual_only
        else {
            name: figure(f"hourly.{name}", code, 100) for name, code in HOURLY.items()
        }
    )
    return {
        "employment": employment,
        "unit": unit,
        "annual": annual,
        "hourly_cents": hourly,
        "not_published": not_published,
        "above_top": above_top,
    }


def cells_by_type(row: sqlite3.Row) -> dict[str, tuple]:
    return {f"{n:02d}": (row[f"v{n:02d}"], row[f"f{n:02d}"]) for n in range(1, 18)}


def read_oews(path: Path) -> dict:
    """Return OEWS's release, names, and national and state figures by SOC code."""
    with tempfile.TemporaryDirectory(prefix="oews-") as workdir:
        connection = open_oews(path, Path(workdir))
        connection.row_factory = sqlite3.Row
        try:
            return read_oews_tables(Path(path), connection)
        except sqlite3.DatabaseError as error:
            raise SourceError(f"{Path(path).name}: {error}") from error
        finally:
            connection.close()


def read_oews_tables(path: Path, db: sqlite3.Connection) -> dict:
    meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
    if "release" not in meta:
        raise SourceError(f"{path.name}: the meta table names no release")
    release = {
        "name": "Occupational Employment and Wage Statistics",
        "publisher": BLS,
        "release": meta["release"],
        "date": datetime.strptime(meta["release"], "%B %Y").strftime("%Y-%m"),
    }
    occupation_names = dict(
        db.execute("SELECT occupation_code, occupation_name FROM occupation").fetchall()
    )
    major_groups = [
        {"code": f"{code[:2]}-0000", "name": name}
        for code, name in db.execute(
            "SELECT occupation_code, occupation_name FROM occupation"
            " WHERE display_level = 0 AND occupation_code != '000000'"
            " ORDER BY occupation_code"
        )
    ]
    states = [
        {"code": code, "name": name}
        for code, name in db.execute(
            "SELECT state_code, area_name FROM area WHERE areatype_code = 'S'"
            " ORDER BY state_code"
        )
    ]
    sectors = dict(
        db.execute(
            "SELECT industry_code, industry_name FROM industry WHERE display_level = 3"
        )
    )

    national, industries, by_state = {}, {}, {}
    # Keys sort by area type, area, industry then occupation: range scans on the key.
    for row in db.execute(
        "SELECT * FROM cell WHERE key >= ? AND key < ?",
        (f"OEUN{NATIONAL}", f"OEUN{NATIONAL}~"),
    ):
        industry, soc = row["key"][11:17], dashed(row["key"][17:])
        if industry == ALL_INDUSTRIES:
            national[soc] = area_figures(cells_by_type(row))
        elif industry in sectors:
            employment, _ = cell_figure(row["v01"], row["f01"])
            if employment is not None:
                industries.setdefault(soc, []).append((int(employment), industry))
    for row in db.execute("SELECT * FROM cell WHERE key >= 'OEUS' AND key < 'OEUT'"):
        state, industry = row["key"][4:6], row["key"][11:17]
        if industry == ALL_INDUSTRIES:
            figures = area_figures(cells_by_type(row))
            by_state.setdefault(dashed(row["key"][17:]), []).append(
                {"state": state} | figures
            )

    return {
        "release": release,
        "files": [path],
        "names": {dashed(code): name for code, name in occupation_names.items()},
        "major_groups": major_groups,
        "states": states,
        "national": national,
        "states_by_soc": {
            soc: sorted(rows, key=lambda row: row["state"])
            for soc, rows in by_state.items()
        },
        "industries": {
            soc: [
                {"code": code, "name": sectors[code], "employment": employment}
                for employment, code in sorted(rows, key=lambda r: (-r[0], r[1]))[
                    :TOP_INDUSTRIES
                ]
            ]
            for soc, rows in industries.items()
        },
    }


def dashed(code: str) -> str:
    """Return a six-digit OEWS occupation code in SOC form, e.g. 434051 → 43-4051."""
    return f"{code[:2]}-{code[2:]}"
