"""Run settings, validated once (dateparser's check_settings, without global state)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from extract.errors import Errors
from extract.normalize.published import parse_published


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class RunSettings:
    model: str
    reference_date: dt.date | None = None  # used when an article has no usable published date
    home_country: str | None = None  # ISO alpha-3, used when an article names none
    batch_size: int = 64
    max_chars: int = 1_000_000
    texts: bool = True  # write the texts table (--no-texts leaves it out)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise SettingsError("batch_size must be at least 1")
        if self.max_chars < 1:
            raise SettingsError("max_chars must be at least 1")


def parse_reference_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    parsed = parse_published(value)
    if parsed is None:
        raise SettingsError(Errors.E023.format(value=value))
    return parsed.date
