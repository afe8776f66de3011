"""The assessments admin, by area; importing the modules registers them.

Results are not in the admin: their answers and scores are the person's own, and
no staff account reads them. Deleting an account or an assessment in the admin
still deletes its results.
"""

from assessments.admin import assessments, questions

__all__ = ["assessments", "questions"]
