"""Our spaCy components, one per module; importing this package registers their factories."""

from extract.components import (
    attribute_ruler,
    blocks,
    countries,
    counts,
    dates,
    facts,
    home_country,
    money,
    persons,
    reference_date,
)

__all__ = [
    "attribute_ruler",
    "blocks",
    "counts",
    "countries",
    "dates",
    "facts",
    "home_country",
    "money",
    "persons",
    "reference_date",
]
