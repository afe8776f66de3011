"""Reading Excel sheets row by row, for the catalogue builder only."""

from collections.abc import Iterator
from pathlib import Path


class SourceError(Exception):
    """A raw release file is missing or not laid out as the builder expects."""


def sheet_rows(
    path: Path,
    columns: tuple[str, ...],
    *,
    sheet: str | None = None,
    header_row: int = 1,
) -> Iterator[dict]:
    """Yield each row below the header as a dict; stop if a needed column is missing."""
    # openpyxl is a build-only extra: the app itself never imports it.
    try:
        import openpyxl
    except ImportError as error:
        raise SourceError(
            "openpyxl is needed to build the pack: pip install '.[build]'"
        ) from error

    if not path.is_file():
        raise SourceError(f"{path}: file not found")
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            raise SourceError(f"{path.name}: no sheet named {sheet!r}")
        rows = worksheet.iter_rows(min_row=header_row, values_only=True)
        header = next(rows, None)
        if not header:
            raise SourceError(f"{path.name}: no header on row {header_row}")
        names = [str(name).strip() if name is not None else "" for name in header]
        missing = [column for column in columns if column not in names]
        if missing:
            raise SourceError(f"{path.name}: missing column(s) {', '.join(missing)}")
        for row in rows:
            if row is None or all(value is None for value in row):
                continue
            yield dict(zip(names, row, strict=False))
    finally:
        workbook.close()


def text(value) -> str | None:
    """Return a cell as stripped text, or None when it is empty."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def number(value, digits: int = 2) -> float | None:
    """Return a cell as a float rounded to `digits`, or None when it holds no number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        result = round(float(str(value).replace(",", "")), digits)
    except ValueError:
        return None
    # 4.0 and 4 print differently in JSON; keep whole numbers as ints for one form.
    return int(result) if result == int(result) else result
