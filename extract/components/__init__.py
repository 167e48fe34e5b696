"""Our spaCy components, one per module; importing this package registers their factories."""

from extract.components import (
    attribute_ruler,
    blocks,
    countries,
    counts,
    dates,
    facts,
    money,
    persons,
)

__all__ = ["attribute_ruler", "blocks", "counts", "countries", "dates", "facts", "money", "persons"]
