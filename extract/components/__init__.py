"""Our spaCy components, one per module; importing this package registers their factories."""

from extract.components import countries, counts, dates, facts, money, persons

__all__ = ["counts", "countries", "dates", "facts", "money", "persons"]
