"""The one canonical form of an email address: stored, looked up and counted."""

import unicodedata


def canonical_email(email: str) -> str:
    """Return `email` in Foothold's canonical form: NFKC, then lower-, upper- and
    lower-case, then NFKC again, without surrounding spaces.

    Every spelling that a case-insensitive database comparison could match is
    one address: NFKC folds compatibility letters (the long s U+017F to s,
    fullwidth letters, the Kelvin sign U+212A to K) and upper-casing folds the
    dotless i U+0131 to I as PostgreSQL's UPPER() does. The first lower() takes
    the capital sharp s U+1E9E to ß so that it, like ß, ends as ss; the second
    NFKC recomposes what case mapping decomposed. The result is stable:
    canonical_email(canonical_email(x)) == canonical_email(x).
    """
    folded = unicodedata.normalize("NFKC", email or "").lower().upper().lower()
    return unicodedata.normalize("NFKC", folded).strip()
