"""Run settings and the checks on user-given options, done once, in the library.

Every check raises a typed exception whose message is coded (extract/errors.py), so a Python
caller gets the same clear error as the command line (dateparser's check_settings, without
global state). The CLI only maps the exception types to exit statuses.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass

from extract.errors import Errors
from extract.normalize.published import parse_published


class SettingsError(ValueError):
    """An option value or combination that cannot be used; the message says which and why."""

    @property
    def code(self) -> str | None:
        """The message's code (``E023``...), when it has one."""
        head = str(self).split(":", 1)[0]
        return head if head[:1] in "EW" and head[1:].isdigit() else None


class InputError(SettingsError):
    """An input that is missing, unreadable, or whose storage backend is not installed."""


class ModelError(SettingsError):
    """The spaCy pipeline named by ``model`` cannot be found or loaded."""


# Longest article processed by default: one worker on one article of 200,000 characters peaks
# at about 0.85 GB and 42 s (benchmarks/long_articles.py; 990,000 took 3 GB and 33 s on a
# quiet machine). Longer articles are error rows E007; raise --max-chars to process them.
DEFAULT_MAX_CHARS = 200_000


@dataclass(frozen=True)
class RunSettings:
    model: str
    reference_date: dt.date | None = None  # used when an article has no usable published date
    home_country: str | None = None  # ISO alpha-3, used when an article names none
    batch_size: int = 64
    max_chars: int = DEFAULT_MAX_CHARS
    texts: bool = True  # write the texts table (--no-texts leaves it out)
    encoding: str | None = None  # declared encoding of .txt/.csv inputs; None: detected
    # ISO 639-1 codes of the articles to process (others are skipped); None accepts every one.
    languages: tuple[str, ...] | None = ("en",)
    # Skip articles whose body repeats an earlier one's (documents.duplicate_of names it); None:
    # on when an input is a web archive, off otherwise (extract.run resolves it).
    skip_duplicates: bool | None = None
    # Jaccard threshold of near-duplicates (MinHash of 5-word shingles); None: exact ones only.
    near_duplicates: float | None = None

    def __post_init__(self) -> None:
        if self.encoding is not None:
            object.__setattr__(self, "encoding", parse_encoding(self.encoding))
        if self.batch_size < 1:
            raise SettingsError(Errors.E027.format(option="batch-size", value=self.batch_size))
        if self.max_chars < 1:
            raise SettingsError(Errors.E027.format(option="max-chars", value=self.max_chars))
        if self.near_duplicates is not None and not 0.5 <= self.near_duplicates < 1:
            raise SettingsError(Errors.E086.format(value=self.near_duplicates))


def parse_encoding(value: str) -> str:
    """Python's name for an encoding label (``latin1`` -> ``iso8859-1``)."""
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        raise SettingsError(Errors.E049.format(value=value)) from None


def parse_languages(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """``--languages``: codes or names, comma-separated or a list ('en,de', ['English']), as
    sorted ISO 639-1 codes; 'all', '*' or None accepts every language (None)."""
    from extract.normalize.languages import language_code

    if value is None:
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    items = [item.strip() for item in parts if item.strip()]
    if not items:
        raise SettingsError(Errors.E052.format(value=value))
    if any(item.lower() in ("all", "*") for item in items):
        return None
    codes = set()
    for item in items:
        code = language_code(item)
        if code is None:
            raise SettingsError(Errors.E052.format(value=item))
        codes.add(code)
    return tuple(sorted(codes))


def parse_reference_date(value: str | dt.date | None) -> dt.date | None:
    """A date, an ISO string or any common date format; None stays None."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    parsed = parse_published(value)
    if parsed is None:
        raise SettingsError(Errors.E023.format(value=value))
    return parsed.date


def parse_home_country(value: str | None) -> str | None:
    """The ISO alpha-3 code of a country name or ISO code; None or "" stays None."""
    if not value:
        return None
    from extract.normalize.countries import lookup_country

    found = lookup_country(value)
    if found is None:
        raise SettingsError(Errors.E025.format(value=value))
    return found.iso3


def check_inputs(inputs: Iterable[str]) -> None:
    """Every input exists and is readable (``-`` is stdin); URLs are looked up in their store."""
    from extract.storage import RemotePath, StorageError, as_path, input_problem, is_url

    for item in inputs:
        local = item
        if is_url(item):
            try:
                source = as_path(item)
            except StorageError as error:
                raise InputError(str(error)) from None
            if isinstance(source, RemotePath):
                problem = input_problem(source)
                if problem:
                    raise InputError(problem)
                continue
            local = str(source)  # a file:// URL: a local path
        if local == "-":
            continue
        if not os.path.exists(local):
            raise InputError(Errors.E021.format(path=item))
        if not os.access(local, os.R_OK):
            raise InputError(Errors.E026.format(path=item))


def check_output(out: str) -> None:
    """An output URL's storage backend is installed (checked before the model loads)."""
    from extract.storage import StorageError, as_path, is_url

    if is_url(out):
        try:
            as_path(out)
        except StorageError as error:
            raise InputError(str(error)) from None


def check_engine(
    engine: str, *, scheduler: str | None, workers: int | None, shard_size: int
) -> None:
    from extract.engines import ENGINES

    if engine not in ENGINES:
        raise SettingsError(Errors.E028.format(engine=engine, engines=" or ".join(ENGINES)))
    if scheduler and engine != "dask":
        raise SettingsError(Errors.E029)
    if workers is not None and workers < 1:
        raise SettingsError(Errors.E027.format(option="workers", value=workers))
    if shard_size < 1:
        raise SettingsError(Errors.E027.format(option="shard-size", value=shard_size))


def check_model(model: str) -> None:
    """``model`` names an installed package or a pipeline folder (cheap: nothing loads)."""
    from extract.engines.loader import model_is_available

    if not model_is_available(model):
        raise ModelError(Errors.E024.format(model=model))
