"""Build the catalogue's data pack from the raw O*NET and BLS release files."""

import gzip
import hashlib
import io
import json
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import bls, onet
from .codes import (
    BLS_CODE_FOR_SOC,
    NO_OEWS_FIGURES,
    NO_PROJECTIONS,
    SKILL_GROUPS,
    bls_code_for,
    major_group_code,
    soc_code,
)
from .pack import MANIFEST_NAME, SCHEMA
from .xlsx import SourceError


@dataclass(frozen=True)
class BuildReport:
    path: Path
    manifest: dict

    def summary(self) -> list[str]:
        counts = self.manifest["counts"]
        releases = self.manifest["releases"]
        return [
            f"Wrote {self.path} ({self.manifest['pack']['bytes']:,} bytes, "
            f"sha256 {self.manifest['pack']['sha256'][:12]}…).",
            f"{counts['occupations']} occupations: {counts['with_oews']} with OEWS "
            f"figures, {counts['with_projections']} with projections, "
            f"{counts['with_skills']} with skill ratings, "
            f"{counts['wider_bls_group']} whose figures are for a wider BLS group.",
            "Releases: "
            + "; ".join(f"{r['name']} {r['release']}" for r in releases.values()),
        ]


def file_record(path: Path) -> dict:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return {
        "name": path.name,
        "sha256": digest.hexdigest(),
        "bytes": path.stat().st_size,
    }


def release_record(source: dict) -> dict:
    files = sorted(
        (file_record(path) for path in source["files"]), key=lambda f: f["name"]
    )
    return source["release"] | {"files": files}


def resolve_bls_code(soc: str, oews: dict, projections: dict) -> str | None:
    """Return the BLS code whose figures are joined to `soc`, or None.

    Stops the build when a code has no figures and no entry in codes.py says why:
    a new release must be mapped by a person, not guessed.
    """
    oews_code = bls_code_for(soc, oews["national"].keys())
    projections_code = bls_code_for(soc, projections["figures"].keys())
    if oews_code is None and soc not in NO_OEWS_FIGURES:
        raise SourceError(
            f"SOC {soc}: no OEWS national figures and no entry in BLS_CODE_FOR_SOC "
            "or NO_OEWS_FIGURES (careers/catalogue/codes.py)"
        )
    if oews_code is not None and soc in NO_OEWS_FIGURES:
        raise SourceError(f"SOC {soc}: listed in NO_OEWS_FIGURES but OEWS has figures")
    if projections_code is None and soc not in NO_PROJECTIONS:
        raise SourceError(
            f"SOC {soc}: no projections line item and no entry in BLS_CODE_FOR_SOC "
            "or NO_PROJECTIONS (careers/catalogue/codes.py)"
        )
    if oews_code and projections_code and oews_code != projections_code:
        raise SourceError(
            f"SOC {soc}: OEWS joins {oews_code}, the projections {projections_code}"
        )
    return oews_code or projections_code


def occupation_record(
    occupation: dict, bls_code: str | None, oews: dict, projections: dict
) -> dict:
    soc = soc_code(occupation["code"])
    national = oews["national"].get(bls_code)
    figures = projections["figures"].get(bls_code)
    return occupation | {
        "soc": soc,
        "major_group": major_group_code(soc),
        "onet_url": f"https://www.onetonline.org/link/summary/{occupation['code']}",
        "bls": None
        if bls_code is None
        else {
            "code": bls_code,
            "title": oews["names"].get(bls_code) or (figures or {}).get("title"),
            "mapped": bls_code != soc,
        },
        "oews": None
        if national is None
        else {
            "national": national,
            "states": oews["states_by_soc"].get(bls_code, []),
            "industries": oews["industries"].get(bls_code, []),
        },
        "projections": None
        if figures is None
        else {key: value for key, value in figures.items() if key != "title"},
    }


def assemble(onet_data: dict, oews: dict, projections: dict) -> dict:
    """Return the pack's content (without the pack's own hash) from the read sources."""
    major_groups = {group["code"] for group in oews["major_groups"]}
    occupations = []
    for code in sorted(onet_data["occupations"]):
        occupation = onet_data["occupations"][code]
        soc = soc_code(code)
        if major_group_code(soc) not in major_groups:
            raise SourceError(
                f"{code}: major group {major_group_code(soc)} is not in OEWS"
            )
        bls_code = resolve_bls_code(soc, oews, projections)
        occupations.append(occupation_record(occupation, bls_code, oews, projections))

    sharing = defaultdict(list)
    for occupation in occupations:
        if occupation["bls"]:
            sharing[occupation["bls"]["code"]].append(occupation["code"])
    for occupation in occupations:
        if occupation["bls"]:
            others = [
                c for c in sharing[occupation["bls"]["code"]] if c != occupation["code"]
            ]
            occupation["bls"]["shared_with"] = others
            # The page says its figures are for the wider BLS group when BLS's code
            # covers more than this O*NET occupation.
            occupation["bls"]["wider_group"] = (
                bool(others) or occupation["bls"]["mapped"]
            )

    manifest = {
        "schema": SCHEMA,
        "releases": {
            "onet": release_record(onet_data),
            "oews": release_record(oews),
            "projections": release_record(projections),
        },
        "mapped_codes": dict(sorted(BLS_CODE_FOR_SOC.items())),
        "no_oews_figures": sorted(o["code"] for o in occupations if o["oews"] is None),
        "counts": {
            "occupations": len(occupations),
            "with_oews": sum(1 for o in occupations if o["oews"]),
            "with_projections": sum(1 for o in occupations if o["projections"]),
            "with_skills": sum(1 for o in occupations if o["skills"]),
            "wider_bls_group": sum(
                1 for o in occupations if o["bls"] and o["bls"]["wider_group"]
            ),
        },
    }
    return {
        "manifest": manifest,
        "major_groups": oews["major_groups"],
        "states": oews["states"],
        "skill_groups": [
            {"prefix": prefix, "key": key, "name": name}
            for prefix, key, name in SKILL_GROUPS
        ],
        "elements": onet_data["elements"],
        "education_categories": onet_data["education_categories"],
        "occupations": occupations,
    }


def encode(pack: dict) -> bytes:
    """Return the pack as gzip JSON whose bytes depend on its content only."""
    text = json.dumps(pack, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    buffer = io.BytesIO()
    # mtime=0 and no file name keep the gzip header the same on every build.
    with gzip.GzipFile(
        filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0
    ) as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def build_catalogue(
    *, onet_dir: Path, projections: Path, oews: Path, out: Path
) -> BuildReport:
    """Read the three releases in place; write the pack and its manifest beside it."""
    out = Path(out)
    pack = assemble(
        onet.read_onet(Path(onet_dir)),
        bls.read_oews(Path(oews)),
        bls.read_projections(Path(projections)),
    )
    data = encode(pack)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(out, data)
    manifest = pack["manifest"] | {
        "pack": {
            "file": out.name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "bytes": len(data),
        }
    }
    text = json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    write_atomically(out.parent / MANIFEST_NAME, text.encode("utf-8"))
    return BuildReport(path=out, manifest=manifest)
