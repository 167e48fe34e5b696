"""news_dates: every temporal expression of an article → one TIMEX3 row (see component.py)."""

from extract.components.dates.component import DateExtractor, make_date_normalizer
from extract.components.dates.patterns import (
    PATTERNS_FILE,
    DatePatterns,
    PatternsError,
    load_date_patterns,
)
from extract.components.dates.tense import sentence_tense

__all__ = [
    "PATTERNS_FILE",
    "DateExtractor",
    "DatePatterns",
    "PatternsError",
    "load_date_patterns",
    "make_date_normalizer",
    "sentence_tense",
]
