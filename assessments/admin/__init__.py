"""The assessments admin, by area; importing the modules registers them."""

from assessments.admin import assessments, questions, results

__all__ = ["assessments", "questions", "results"]
