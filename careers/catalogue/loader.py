"""Loading the occupation catalogue from the data pack (`manage.py load_catalogue`).

The whole pack is read and checked before anything is written. Then the releases
and major groups are written, and the occupations with their titles and generated
guides follow in batches, each batch in its own short transaction, so a live site
never waits long on the write lock (SQLite has one writer at a time).

The guides' rule holds: a row staff saved in the admin since the last load is left
as it is. A row whose pack record is unchanged (its digest matches) is not written
at all, so a second run writes nothing.
"""

from dataclasses import dataclass, field
from itertools import batched
from pathlib import Path

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify

from careers.catalogue.pack import PACK_PATH, read_pack
from careers.catalogue.records import OccupationRow, normalize_title
from careers.catalogue.similarity import refresh_similar
from careers.catalogue.summaries import list_summary
from careers.catalogue.validation import validated_rows
from careers.industries import occupation_industries_link
from careers.loader import guides_changed
from careers.models import (
    Career,
    DataRelease,
    Occupation,
    OccupationGroup,
    OccupationTitle,
)
from core.content import LoadReport, content_digest, is_untouched_since_loaded

# Occupations per transaction: about 0.1 s of writing on SQLite (with ~6,500 titles).
BATCH_SIZE = 100

# BLS's typical entry education, as the guides' own levels; "Some college, no
# degree" has no level of its own and is left blank.
EDUCATION = {
    "No formal educational credential": Career.Education.NONE,
    "High school diploma or equivalent": Career.Education.HIGH_SCHOOL,
    "Postsecondary nondegree award": Career.Education.POSTSECONDARY,
    "Associate's degree": Career.Education.ASSOCIATE,
    "Bachelor's degree": Career.Education.BACHELOR,
    "Master's degree": Career.Education.MASTER,
    "Doctoral or professional degree": Career.Education.DOCTORATE,
}
OCCUPATION_FIELDS = [
    "soc_code",
    "title",
    "slug",
    "job_zone",
    "employment",
    "pay_unit",
    "median_annual",
    "median_hourly_cents",
    "growth_percent",
    "annual_openings",
    "typical_education",
    "facts",
]
GUIDE_FIELDS = ["title", "slug", "summary", "status", "typical_education"]
BOOKKEEPING = ["updated_at", "loaded_at", "loaded_digest"]


@dataclass
class CatalogueReport:
    """What a load did: occupations by code, generated guides by slug."""

    occupations: LoadReport = field(default_factory=LoadReport)
    guides: LoadReport = field(default_factory=LoadReport)
    releases_written: list[str] = field(default_factory=list)
    groups_written: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            [
                self.occupations.created,
                self.occupations.updated,
                self.guides.created,
                self.guides.updated,
                self.releases_written,
                self.groups_written,
                self.linked,
                self.unpublished,
            ]
        )

    def summary(self) -> list[str]:
        """Counts, then every row left alone because staff edited it."""
        if not self.changed and not self.occupations.kept_staff_edits:
            total = len(self.occupations.unchanged)
            return [
                f"Nothing changed: the {total} occupations and their guides "
                "already match the pack."
            ]
        lines = []
        kinds = (("Occupations", self.occupations), ("Guides", self.guides))
        for name, report in kinds:
            lines.append(
                f"{name}: {len(report.created)} created, {len(report.updated)} "
                f"updated, {len(report.unchanged)} unchanged, "
                f"{len(report.kept_staff_edits)} kept because staff edited them."
            )
        for name, report in kinds:
            if report.kept_staff_edits:
                kept = ", ".join(report.kept_staff_edits)
                lines.append(f"Kept staff edits to {name.lower()}: {kept}")
        if self.releases_written:
            lines.append(f"Releases written: {', '.join(self.releases_written)}")
        if self.groups_written:
            lines.append(f"Major groups written: {len(self.groups_written)}")
        lines.extend(f"Linked the hand-written guide {link}" for link in self.linked)
        lines.extend(
            f"Unpublished the generated guide {slug}: its occupation has a "
            "hand-written guide"
            for slug in self.unpublished
        )
        return lines


def load_catalogue(*, path: Path = PACK_PATH) -> CatalogueReport:
    """Create or refresh every release, group, occupation and generated guide from
    the pack; raise PackError, having written nothing, for a pack that is not sound."""
    pack = read_pack(path)
    rows = validated_rows(pack)
    report = CatalogueReport()
    with transaction.atomic():
        _write_releases(pack["manifest"]["releases"], report)
        groups = _write_groups(pack["major_groups"], report)
    guide_codes = _guide_code_by_soc(rows)
    for batch in batched(rows, BATCH_SIZE):
        with transaction.atomic():
            occupations = _write_occupations(batch, groups, report)
            _write_guides(batch, occupations, guide_codes, report)
    if report.changed:
        # Every occupation's closest matches depend on every other's skills.
        refresh_similar()
        guides_changed()
    return report


def _write_releases(releases: dict, report: CatalogueReport) -> None:
    existing = {release.source: release for release in DataRelease.objects.all()}
    for source in DataRelease.Source.values:
        entry = releases[source]
        values = {
            "name": entry["name"],
            "publisher": entry["publisher"],
            "release": entry["release"],
            "date": entry["date"],
            "details": {
                key: value
                for key, value in entry.items()
                if key not in ("name", "publisher", "release", "date")
            },
        }
        release = existing.get(source) or DataRelease(source=source)
        if release.pk and all(getattr(release, k) == v for k, v in values.items()):
            continue
        for name, value in values.items():
            setattr(release, name, value)
        release.save()
        report.releases_written.append(f"{entry['name']} {entry['release']}")


def _write_groups(major_groups: list, report: CatalogueReport) -> dict:
    """Every major group by code, written where new or renamed."""
    groups = {group.code: group for group in OccupationGroup.objects.all()}
    for entry in major_groups:
        group = groups.get(entry["code"]) or OccupationGroup(code=entry["code"])
        slug = slugify(entry["name"])
        if group.pk and (group.name, group.slug) == (entry["name"], slug):
            continue
        group.name, group.slug = entry["name"], slug
        group.save()
        groups[group.code] = group
        report.groups_written.append(group.code)
    return groups


def _write_occupations(
    batch: tuple[OccupationRow, ...], groups: dict, report: CatalogueReport
) -> dict[str, Occupation]:
    """Create or refresh the batch's occupations and their titles; return every
    occupation of the batch by code, as it now is."""
    # Read inside the transaction, so an edit saved a moment ago is seen.
    existing = {
        occupation.code: occupation
        for occupation in Occupation.objects.filter(
            code__in=[row.code for row in batch]
        ).only("code", "title", "slug", "loaded_digest", "loaded_at", "updated_at")
    }
    now = timezone.now()
    created, updated, written = [], [], []
    for row in batch:
        digest = row.digest
        occupation = existing.get(row.code)
        if occupation is None:
            occupation = Occupation(
                code=row.code, group=groups[row.group_code], **row.fields
            )
            occupation.loaded_digest = digest
            created.append(occupation)
            report.occupations.created.append(row.code)
        elif occupation.loaded_digest == digest:
            report.occupations.unchanged.append(row.code)
            continue
        elif is_untouched_since_loaded(occupation):
            occupation = Occupation(
                pk=occupation.pk, code=row.code, group=groups[row.group_code]
            )
            for name, value in row.fields.items():
                setattr(occupation, name, value)
            occupation.updated_at = occupation.loaded_at = now
            occupation.loaded_digest = digest
            updated.append(occupation)
            report.occupations.updated.append(row.code)
        else:
            report.occupations.kept_staff_edits.append(row.code)
            continue
        existing[row.code] = occupation
        written.append((occupation, row))
    if created:
        Occupation.objects.bulk_create(created)
        # bulk_create stamps updated_at itself: loaded_at must equal it.
        Occupation.objects.filter(pk__in=[o.pk for o in created]).update(
            loaded_at=F("updated_at")
        )
    if updated:
        Occupation.objects.bulk_update(
            updated, [*OCCUPATION_FIELDS, "group", *BOOKKEEPING]
        )
    if written:
        OccupationTitle.objects.filter(
            occupation__in=[occupation for occupation, _ in written]
        ).delete()
        _insert_titles(
            (occupation.pk, kind, title, normalize_title(title))
            for occupation, row in written
            for kind, title in row.titles
        )
        occupation_industries_link(
            occupations=[occupation for occupation, _ in written]
        )
    return existing


def _insert_titles(values) -> None:
    """Insert (occupation id, kind, title, normalized) rows, many per statement.

    Plain SQL, not bulk_create: the pack has ~60,000 titles, and building a model
    instance for each made up most of a load's time.
    """
    meta = OccupationTitle._meta
    columns = ", ".join(
        connection.ops.quote_name(meta.get_field(name).column)
        for name in ("occupation", "kind", "title", "normalized")
    )
    insert = (
        f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) VALUES "
    )
    with connection.cursor() as cursor:
        # 200 rows of 4 values stay under SQLite's oldest limit of 999 parameters.
        for chunk in batched(values, 200):
            placeholders = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
            cursor.execute(insert + placeholders, [v for row in chunk for v in row])


def _guide_code_by_soc(rows: list[OccupationRow]) -> dict[str, str]:
    """For each SOC code, the occupation a hand-written guide with that SOC code
    joins: the ".00" one when several share it, else the first."""
    chosen: dict[str, str] = {}
    for row in sorted(rows, key=lambda row: row.code):
        soc = row.fields["soc_code"]
        if soc not in chosen or row.code == f"{soc}.00":
            chosen[soc] = row.code
    return chosen


def _guide_fields(row: OccupationRow, occupation: Occupation) -> dict:
    facts = row.fields["facts"]
    return {
        "title": occupation.title,
        "summary": list_summary(facts),
        "status": Career.Status.PUBLISHED,
        "typical_education": EDUCATION.get(row.fields["typical_education"], ""),
    }


def _write_guides(
    batch: tuple[OccupationRow, ...],
    occupations: dict[str, Occupation],
    guide_codes: dict[str, str],
    report: CatalogueReport,
) -> None:
    """Give each occupation of the batch one guide: the hand-written one whose SOC
    code it has, else a generated one, created or refreshed."""
    by_code = {row.code: occupations[row.code] for row in batch}
    socs = [row.fields["soc_code"] for row in batch]
    careers = list(
        Career.objects.filter(
            Q(occupation__in=by_code.values())
            | Q(slug__in=[o.slug for o in by_code.values()])
            | Q(source=Career.Source.EDITORIAL, occupation=None, soc_code__in=socs)
        ).only("slug", "source", "status", "soc_code", "occupation", *BOOKKEEPING)
    )
    taken = {career.slug: career for career in careers}
    now = timezone.now()
    created, updated = [], []
    for row in batch:
        occupation = by_code[row.code]
        linked = [c for c in careers if c.occupation_id == occupation.pk]
        editorial = next(
            (c for c in linked if c.source == Career.Source.EDITORIAL), None
        ) or next(
            (
                c
                for c in careers
                if c.source == Career.Source.EDITORIAL
                and c.occupation_id is None
                and c.soc_code == row.fields["soc_code"]
                and guide_codes[c.soc_code] == row.code
            ),
            None,
        )
        generated = next(
            (c for c in linked if c.source == Career.Source.GENERATED), None
        ) or _orphan_generated(taken.get(occupation.slug))
        if editorial:
            _join_editorial(editorial, generated, occupation, report)
            continue
        fields = _guide_fields(row, occupation)
        fields["slug"] = _guide_slug(occupation, generated, taken)
        digest = content_digest(fields)
        if generated is None:
            career = Career(
                source=Career.Source.GENERATED,
                occupation=occupation,
                loaded_digest=digest,
                **fields,
            )
            created.append(career)
            taken[career.slug] = career
            report.guides.created.append(career.slug)
        elif generated.loaded_digest == digest and generated.occupation_id:
            report.guides.unchanged.append(generated.slug)
        elif is_untouched_since_loaded(generated):
            for name, value in fields.items():
                setattr(generated, name, value)
            generated.occupation = occupation
            generated.updated_at = generated.loaded_at = now
            generated.loaded_digest = digest
            updated.append(generated)
            report.guides.updated.append(generated.slug)
        else:
            report.guides.kept_staff_edits.append(generated.slug)
    if created:
        Career.objects.bulk_create(created)
        Career.objects.filter(pk__in=[c.pk for c in created]).update(
            loaded_at=F("updated_at")
        )
    if updated:
        Career.objects.bulk_update(updated, [*GUIDE_FIELDS, "occupation", *BOOKKEEPING])


def _orphan_generated(career: Career | None) -> Career | None:
    """A generated guide that lost its occupation (to a hand-written guide that
    has since let go of it) and still holds the address: it is reused."""
    if career and career.source == Career.Source.GENERATED and not career.occupation_id:
        return career
    return None


def _guide_slug(occupation: Occupation, generated: Career | None, taken: dict) -> str:
    """The occupation's address, or it with the code added when another guide has
    it."""
    holder = taken.get(occupation.slug)
    if holder is None or holder is generated:
        return occupation.slug
    return f"{occupation.slug}-{occupation.code.replace('.', '-')}"


def _join_editorial(
    editorial: Career,
    generated: Career | None,
    occupation: Occupation,
    report: CatalogueReport,
) -> None:
    """One guide per occupation: the hand-written one. A generated guide the
    occupation had lets go of it and is unpublished."""
    # update(), not save(): the guides' loader must not mistake this for an edit.
    if generated is not None and generated.occupation_id == occupation.pk:
        Career.objects.filter(pk=generated.pk).update(
            occupation=None, status=Career.Status.DRAFT
        )
        generated.occupation_id = None
        report.unpublished.append(generated.slug)
    if editorial.occupation_id != occupation.pk:
        Career.objects.filter(pk=editorial.pk).update(occupation=occupation)
        editorial.occupation_id = occupation.pk
        report.linked.append(f"{editorial.slug} to occupation {occupation.code}")
