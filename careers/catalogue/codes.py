"""Code joins between O*NET-SOC and BLS, and the small tables of names that are ours."""

# O*NET 29.3 splits some SOC codes that BLS publishes only as a combined code (SOC 2018
# merged them; OEWS and the projections follow). Each O*NET SOC code without an exact
# BLS cell is listed here by hand, never derived from its digits, so a new release with
# a code we have not seen stops the build instead of joining the wrong figures.
BLS_CODE_FOR_SOC = {
    "13-1021": "13-1020",  # buyers and purchasing agents, farm products
    "13-1022": "13-1020",  # wholesale and retail buyers
    "13-1023": "13-1020",  # purchasing agents
    "13-2022": "13-2020",  # appraisers of personal and business property
    "13-2023": "13-2020",  # appraisers and assessors of real estate
    "21-1011": "21-1018",  # substance abuse and behavioral disorder counselors
    "21-1014": "21-1018",  # mental health counselors
    "25-2055": "25-2052",  # special education teachers, kindergarten
    "25-2056": "25-2052",  # special education teachers, elementary school
    "25-9042": "25-9045",  # teaching assistants, preschool to secondary
    "25-9043": "25-9045",  # teaching assistants, special education
    "29-2011": "29-2010",  # medical and clinical laboratory technologists
    "29-2012": "29-2010",  # medical and clinical laboratory technicians
    "31-1121": "31-1120",  # home health aides
    "31-1122": "31-1120",  # personal care aides
    "39-7011": "39-7010",  # tour guides and escorts
    "39-7012": "39-7010",  # travel guides
    "47-4091": "47-4090",  # segmental pavers
    "47-4099": "47-4090",  # construction and related workers, all other
    "51-2022": "51-2028",  # electrical and electronic equipment assemblers
    "51-2023": "51-2028",  # electromechanical equipment assemblers
    "51-2092": "51-2090",  # team assemblers
    "53-1042": "53-1047",  # supervisors of helpers, laborers and material movers
    "53-1043": "53-1047",  # supervisors of material-moving machine operators
    "53-1044": "53-1047",  # supervisors of passenger attendants
}

# SOC codes for which OEWS publishes no estimate at all (legislators are elected, and
# fishing and hunting workers are mostly self-employed, whom OEWS does not survey).
# Their occupations carry no OEWS figures, and say so, rather than borrow a neighbour's.
NO_OEWS_FIGURES = frozenset({"11-1031", "45-3031"})

# The same, for the Employment Projections' line items (none in 2024-34).
NO_PROJECTIONS = frozenset()

# O*NET's skill groups, by the start of the Element ID.
SKILL_GROUPS = (
    ("2.A.1", "basic_content", "Basic skills: content"),
    ("2.A.2", "basic_process", "Basic skills: process"),
    ("2.B.1", "social", "Social skills"),
    ("2.B.2", "complex_problem_solving", "Complex problem solving skills"),
    ("2.B.3", "technical", "Technical skills"),
    ("2.B.4", "systems", "Systems skills"),
    ("2.B.5", "resource_management", "Resource management skills"),
)

RIASEC = (
    "Realistic",
    "Investigative",
    "Artistic",
    "Social",
    "Enterprising",
    "Conventional",
)


def soc_code(onet_code: str) -> str:
    """Return the SOC code of an O*NET-SOC code (its first seven characters)."""
    return onet_code[:7]


def major_group_code(soc: str) -> str:
    """Return the SOC major group of a SOC code, e.g. 43-0000 for 43-4051."""
    return f"{soc[:2]}-0000"


def bls_code_for(soc: str, published: set[str] | frozenset[str]) -> str | None:
    """Return the BLS code whose figures cover `soc`, among the `published` codes."""
    if soc in published:
        return soc
    mapped = BLS_CODE_FOR_SOC.get(soc)
    if mapped in published:
        return mapped
    return None


def skill_group(element_id: str) -> str | None:
    """Return the key of the skill group an Element ID belongs to."""
    for prefix, key, _ in SKILL_GROUPS:
        if element_id == prefix or element_id.startswith(prefix + "."):
            return key
    return None
