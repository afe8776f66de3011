"""The careers app's models: guides (hand-written or generated) and the
occupation catalogue they are drawn from."""

from careers.models.guides import (
    FAQ,
    Career,
    CareerChild,
    CareerIndustry,
    CareerQuerySet,
    CareerSkill,
    Con,
    EducationOption,
    GuideSection,
    Industry,
    PathLevel,
    Pro,
    ProOrCon,
    RelatedCareer,
    Responsibility,
    SalaryLevel,
    Skill,
    Step,
)
from careers.models.occupations import (
    DataRelease,
    Occupation,
    OccupationGroup,
    OccupationIndustry,
    OccupationTitle,
)
from careers.models.visits import GuideView

__all__ = [
    "FAQ",
    "Career",
    "CareerChild",
    "CareerIndustry",
    "CareerQuerySet",
    "CareerSkill",
    "Con",
    "DataRelease",
    "EducationOption",
    "GuideSection",
    "GuideView",
    "Industry",
    "Occupation",
    "OccupationGroup",
    "OccupationIndustry",
    "OccupationTitle",
    "PathLevel",
    "Pro",
    "ProOrCon",
    "RelatedCareer",
    "Responsibility",
    "SalaryLevel",
    "Skill",
    "Step",
]
