"""Resume match: each of the person's resume versions against a posting."""

from dataclasses import dataclass

from tracker.matching import Match, Term, match_resume, occupation_terms, posting_terms
from tracker.models import Application, Document, DocumentKind
from tracker.services.documents import document_text


@dataclass
class ResumeMatch:
    document: Document
    match: Match | None  # None: no text could be read from the file

    @property
    def score(self) -> int | None:
        return self.match.score if self.match else None


@dataclass
class ApplicationMatch:
    terms: list[Term]
    occupation: object | None  # careers.Occupation, when the guide has one
    resumes: list[ResumeMatch]

    @property
    def best(self) -> ResumeMatch | None:
        """The version with the highest score; on a tie, the newest."""
        scored = [resume for resume in self.resumes if resume.score is not None]
        return max(scored, key=lambda resume: resume.score, default=None)


def application_resume_matches(*, application: Application) -> ApplicationMatch:
    """Match every resume version of the application's owner to its posting.

    A version's text is read from its file the first time (and kept), so later
    matches only compare words."""
    career = application.career
    occupation = career.occupation if career and career.occupation_id else None
    skills, technologies = (
        occupation_terms(occupation.facts) if occupation else ([], [])
    )
    terms = posting_terms(
        application.job_description, skills=skills, technologies=technologies
    )
    documents = Document.objects.for_user(application.owner).filter(
        kind=DocumentKind.RESUME
    )
    resumes = []
    for document in documents:  # newest first: max() keeps the first of a tie
        text = document_text(document=document) if terms else ""
        match = match_resume(terms, text) if text.strip() else None
        resumes.append(ResumeMatch(document, match))
    return ApplicationMatch(terms=terms, occupation=occupation, resumes=resumes)
