"""The layout stays as README describes it: imports flow one way between the
apps, and no module grows past a size a reader can hold."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("core", "accounts", "careers", "assessments", "tracker", "dashboard")
# Which of our packages each one may import. config wires everything; model
# references by string ("careers.Career") are not imports and stay allowed.
ALLOWED = {
    "core": set(),
    "accounts": {"core"},
    "careers": {"core"},
    "assessments": {"core", "careers"},
    "tracker": {"core", "careers"},
    "dashboard": {"core", "accounts", "careers", "assessments", "tracker"},
    "config": {"core", "accounts", "careers", "assessments", "tracker", "dashboard"},
}
OURS = set(ALLOWED)

MAX_LINES = 450


def project_modules(packages=(*APPS, "config")) -> list[Path]:
    """Every non-test, non-migration Python module of the given packages."""
    return sorted(
        path
        for package in packages
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def imported_packages(source: str, package: str) -> set[str]:
    """The top-level packages a module imports, anywhere in it (functions too)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # a relative import stays inside its own package
                found.add(package)
            else:
                found.add(node.module.split(".")[0])
    return found


def imported_modules(source: str) -> set[str]:
    """The absolute module names a module imports from."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.add(node.module)
    return found


def upward_imports(path: Path) -> list[str]:
    package = path.relative_to(ROOT).parts[0]
    imported = imported_packages(path.read_text(encoding="utf-8"), package) & OURS
    return sorted(imported - ALLOWED[package] - {package})


def test_the_import_checker_sees_imports_inside_functions():
    source = (
        "from core.markup import render_markup\n"
        "def export(user):\n"
        "    import tracker.models\n"
        "    from careers.visits import guide_views_export\n"
    )

    assert imported_packages(source, "accounts") == {"core", "tracker", "careers"}


@pytest.mark.parametrize(
    "path",
    project_modules(),
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_imports_flow_one_way(path):
    package = path.relative_to(ROOT).parts[0]
    assert upward_imports(path) == [], (
        f"{package} may import only {sorted(ALLOWED[package]) or 'no app'}"
    )


def _line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_longer_than_a_reader_can_hold():
    too_long = {
        str(path.relative_to(ROOT)): _line_count(path)
        for path in project_modules((*APPS, "config", "bench"))
        if _line_count(path) > MAX_LINES
    }

    assert too_long == {}, f"split these by area, under {MAX_LINES} lines: {too_long}"


def test_tracker_reads_and_rules_do_not_depend_on_its_forms():
    """Selectors and services are the rules; forms and views are built on them,
    never the other way round (the list's SORTS live with application_list)."""
    rules = [
        path
        for path in project_modules(("tracker",))
        if path.stem in {"selectors", "services"} or "services" in path.parts
    ]
    leaning_on_forms = {
        str(path.relative_to(ROOT))
        for path in rules
        if "tracker.forms" in imported_modules(path.read_text(encoding="utf-8"))
    }

    assert rules
    assert leaning_on_forms == set()
