"""Skills gap analyses for the occupation catalogue.

`load_assessments` generates one for every published guide whose occupation has
skill ratings (O*NET's importance `im`, 1-5, and level `lv`, 0-7, kept in the
occupation's `facts`), except guides that have a hand-written one. `plans` says
what each analysis holds (pure); `generate` writes them.
"""

from assessments.catalogue.generate import (
    BATCH_SIZE,
    GenerationReport,
    generate_skills_gaps,
)
from assessments.catalogue.plans import (
    AnalysisPlan,
    plan_for,
    question_weight,
    required_level,
)

__all__ = [
    "BATCH_SIZE",
    "AnalysisPlan",
    "GenerationReport",
    "generate_skills_gaps",
    "plan_for",
    "question_weight",
    "required_level",
]
