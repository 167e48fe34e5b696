"""Person names: canonical form and cross-document keys."""

from __future__ import annotations

import unicodedata


def person_key(name: str) -> str:
    """A key equal for the same name written with other case, accents or hyphens."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return "-".join(folded.lower().replace("-", "").split())
