"""`make bench` rewrites only its own sections of bench/RESULTS.md (bench/results.py;
the benchmark itself is not run here)."""

from bench.results import merged, write_results

OLD = """# Benchmark results

- Date: yesterday

## Pages

| old row |

## Targets

- old target

## Catalogue load (`python -m bench.catalogue_load`)

Written by hand.

## Title search (issue 14)

- Title search p95: met
"""

NEW = """# Benchmark results

- Date: today

## Pages

| new row |

## Targets

- new target
"""


def test_its_own_sections_are_replaced_and_the_others_kept_in_order():
    text = merged(OLD, NEW)

    assert text == (
        NEW
        + "\n## Catalogue load (`python -m bench.catalogue_load`)\n\nWritten by hand."
        + "\n\n## Title search (issue 14)\n\n- Title search p95: met\n"
    )
    assert "yesterday" not in text
    assert "old row" not in text
    assert "old target" not in text


def test_a_section_it_writes_for_the_first_time_comes_before_the_kept_ones():
    text = merged(OLD, NEW + "\n## Catalogue pages\n\n- new\n")

    assert text.index("## Catalogue pages") < text.index("## Catalogue load")
    assert text.count("## Targets") == 1


def test_writing_twice_changes_nothing_more(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text(OLD)

    write_results(NEW, path)
    once = path.read_text()
    write_results(NEW, path)

    assert path.read_text() == once
    assert "## Title search (issue 14)" in once


def test_a_missing_file_gets_just_the_new_sections(tmp_path):
    path = tmp_path / "RESULTS.md"

    write_results(NEW, path)

    assert path.read_text() == NEW
