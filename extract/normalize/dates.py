"""Temporal expressions → TIMEX3 values, resolved against a reference date.

``normalize_date(text, reference=..., tense=...)`` reads one expression that the pipeline found
("April 28 this year", "the beginning of 2019", "three months", "from 2014 to June 2020") and
returns its TIMEX3 value with the calendar interval it covers, or None when the text is not a
date. Hand rules cover the forms news uses (word lists in ``rules/dates.json``); dateparser is
the fallback for numeric and unusual absolute formats only, parsed with a reused, cached parser.

Resolution of expressions without a year follows the tense of the sentence: ``past`` picks the
latest occurrence on or before the reference date, ``future`` the first one on or after it,
``present`` the nearest one. Without a reference date, relative expressions keep ``X``
placeholders (``XXXX-04-28``) and null ``start``/``end``.

Pure: no spaCy import, no clock; results are cached by (text, reference, tense).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from dateparser.date import DateDataParser

from extract.normalize import dates_calendar as cal
from extract.normalize.dates_lexicon import load_dates_lexicon
from extract.normalize.numbers import parse_number

TENSES = ("past", "present", "future")
# How far ahead of the reference date a year-less day may be in a past-tense sentence.
PAST_DAY_GRACE_DAYS = 45
LEX = load_dates_lexicon()


class DateValue(NamedTuple):
    kind: str  # date, range, duration or set
    timex: str  # TIMEX3 value
    start: dt.date | None  # first day covered (inclusive)
    end: dt.date | None  # last day covered (inclusive)
    grain: str | None  # time, day, week, month, season, quarter, half, year, decade, century
    mod: str | None  # TIMEX3 mod
    relative: bool  # the value needed the reference date


class _Context(NamedTuple):
    reference: dt.date | None
    tense: str


def normalize_date(
    text: str, *, reference: dt.date | None, tense: str = "past"
) -> DateValue | None:
    """The TIMEX3 value of ``text``, or None when it is not a date.

    ``reference`` is the date relative expressions resolve against (None: keep ``X``
    placeholders); ``tense`` (past, present, future) is the tense of the sentence, which
    decides the direction of "March" or "on Tuesday"."""
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {TENSES}, not {tense!r}")
    return _normalize(text, reference, tense)


@lru_cache(maxsize=65536)
def _normalize(text: str, reference: dt.date | None, tense: str) -> DateValue | None:
    clean = clean_date_text(text)
    if not clean or clean in LEX.ambiguous_alone:
        return None
    ctx = _Context(reference, tense)
    return _parse_range(clean, ctx) or _parse_single(clean, ctx)


# --------------------------------------------------------------------------- text clean-up


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


MONTH = _alternation(LEX.months)
WEEKDAY = _alternation(LEX.weekdays)
SEASON = _alternation(LEX.seasons)
POD = _alternation(LEX.parts_of_day)
ORDINAL = _alternation(LEX.ordinals)
HALF = _alternation(LEX.halves)
OFFSET = _alternation(LEX.deictic_offsets)
TZ = _alternation(LEX.time_zones)
_ABBREVIATIONS = _alternation(
    [w for w in (*LEX.months, *LEX.weekdays) if len(w) <= 5] + ["a.d", "b.c", "st", "mid"]
)
_PUNCT = " \t\n\"'“”‘’()[],.;:!?"
_LEADING_PREPOSITIONS = re.compile(
    r"^(?:on|in|at|during|since|until|till|by|for|within|through|throughout|as of|from|of|"
    r"starting|beginning|ending|effective)\s+"
)


_YEARS_PERIOD = re.compile(
    r"^(?P<year>\d{4})'s (?P<period>(?:first|second|third|fourth|1st|2nd|3rd|4th)[ -](?:quarter|half))$"
)


@lru_cache(maxsize=65536)
def clean_date_text(text: str) -> str:
    """Lower-case, unify quotes and dashes, drop dots of abbreviations and outer punctuation,
    split word hyphens ("mid-2020" → "mid 2020", "two-year" → "two year")."""
    s = text.lower().strip()
    s = s.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"\b([ap])\.\s?m\b\.?", r"\1m", s)
    s = re.sub(rf"\b({_ABBREVIATIONS})\.", r"\1", s)
    s = re.sub(r"'s$", "", s)
    s = _YEARS_PERIOD.sub(r"\g<period> of \g<year>", s)  # "1987's second quarter"
    s = s.strip(_PUNCT)
    s = re.sub(r"(?<=[a-z])-(?=[a-z0-9'])|(?<=[0-9])-(?=[a-z])", " ", s)
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\s*,(?!\d{3}\b)\s*", ", ", s)  # keeps "1,500"
    return re.sub(r"\s+", " ", s).strip(_PUNCT)


# --------------------------------------------------------------------------- value builders


def _value(timex: str, interval: tuple[dt.date, dt.date], grain: str, rel: bool) -> DateValue:
    return DateValue("date", timex, interval[0], interval[1], grain, None, rel)


def _day(day: dt.date, rel: bool) -> DateValue:
    return _value(day.isoformat(), (day, day), "day", rel)


def _month(year: int, month: int, rel: bool) -> DateValue:
    return _value(f"{year:04d}-{month:02d}", cal.month_interval(year, month), "month", rel)


def _year(year: int, rel: bool) -> DateValue:
    return _value(f"{year:04d}", cal.year_interval(year), "year", rel)


def _quarter(year: int, quarter: int, rel: bool) -> DateValue:
    return _value(f"{year:04d}-Q{quarter}", cal.quarter_interval(year, quarter), "quarter", rel)


def _half(year: int, half: int, rel: bool) -> DateValue:
    return _value(f"{year:04d}-H{half}", cal.half_interval(year, half), "half", rel)


def _season(year: int, code: str, rel: bool) -> DateValue:
    return _value(f"{year:04d}-{code}", cal.season_interval(year, code), "season", rel)


def _week(day: dt.date, rel: bool) -> DateValue:
    return _value(cal.week_timex(day), cal.week_interval(day), "week", rel)


def _weekend(day: dt.date, rel: bool) -> DateValue:
    monday, sunday = cal.week_interval(day)
    return _value(cal.week_timex(day) + "-WE", (sunday - dt.timedelta(days=1), sunday), "week", rel)


def _decade(decade: int, rel: bool) -> DateValue:
    interval = (dt.date(max(decade * 10, 1), 1, 1), dt.date(decade * 10 + 9, 12, 31))
    return _value(f"{decade:03d}", interval, "decade", rel)


def _century(century: int, rel: bool) -> DateValue:
    interval = (dt.date(max(century * 100, 1), 1, 1), dt.date(century * 100 + 99, 12, 31))
    return _value(f"{century:02d}", interval, "century", rel)


def _unknown(timex: str, grain: str) -> DateValue:
    return DateValue("date", timex, None, None, grain, None, True)


def _ref(value: str) -> DateValue:
    return DateValue("date", value, None, None, None, None, False)


def _duration(timex: str, grain: str | None) -> DateValue:
    return DateValue("duration", timex, None, None, grain, None, False)


def _set(timex: str, grain: str | None) -> DateValue:
    return DateValue("set", timex, None, None, grain, None, False)


# --------------------------------------------------------------------------- resolution


def _pick_year(
    interval_of: Callable[[int], tuple[dt.date, dt.date]],
    ctx: _Context,
    *,
    nearest_in_future: bool = False,
) -> int:
    """The year of an expression without one ("March", "April 28", "the third quarter").

    ``nearest_in_future``: quarters and halves are reported on after they end ("expects to
    report third-quarter earnings"), so in future sentences they take the nearest one."""
    assert ctx.reference is not None
    ref = ctx.reference
    year = ref.year
    if ctx.tense == "past":
        # Grace forward: news leaves out the year of dates in the current year, and past-tense
        # reports name deadlines weeks ahead ("extended the offer to Nov. 20"); a month is
        # still the last one ("cut jobs in December" written in October is last December).
        start, end = interval_of(year)
        grace = dt.timedelta(days=PAST_DAY_GRACE_DAYS if start == end else 7)
        return year if start <= ref + grace else year - 1
    if ctx.tense == "future" and not nearest_in_future:
        # One day of grace: publication dates and event dates straddle time zones.
        return year if interval_of(year)[1] >= ref - dt.timedelta(days=1) else year + 1
    return min((year, year - 1, year + 1), key=lambda y: cal.distance(interval_of(y), ref))


def _anchor_year(explicit: str | None, deictic: str | None, ctx: _Context) -> int | None:
    """The year written with an expression: "2019", or "this/last/next year" (needs the
    reference). None when the expression has no year."""
    if explicit:
        return int(explicit)
    if deictic and ctx.reference is not None:
        return ctx.reference.year + {"this": 0, "last": -1, "next": 1}[deictic]
    return None


def _weekday_date(weekday: int, ctx: _Context, how: str | None = None) -> dt.date:
    """The date of a weekday: ``how`` is last/next/this, else the sentence tense decides."""
    assert ctx.reference is not None
    ref = ctx.reference
    today = ref.isoweekday()
    if how == "last":
        back = (today - weekday) % 7 or 7
        return ref - dt.timedelta(days=back)
    if how == "next":
        return ref + dt.timedelta(days=(weekday - today) % 7 or 7)
    if how == "this":
        return ref + dt.timedelta(days=weekday - today)
    if ctx.tense == "past":
        return ref - dt.timedelta(days=(today - weekday) % 7)
    if ctx.tense == "future":
        return ref + dt.timedelta(days=(weekday - today) % 7 or 7)
    # Present tense leans forward ("is scheduled to close Monday"): two days back to four ahead.
    return ref + dt.timedelta(days=(weekday - today + 2) % 7 - 2)


# --------------------------------------------------------------------------- patterns

_YEAR = r"(?P<year>1\d{3}|20\d{2})"
_DEIC_YEAR = r"(?:,? (?:of )?(?P<deic>this|last|next) year)"
_RE = {
    "iso_day": re.compile(r"^(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})$"),
    "iso_month": re.compile(r"^(?P<year>\d{4})-(?P<mon>\d{2})$"),
    "numeric_day": re.compile(r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})$"),
    "month_day": re.compile(
        rf"^(?:(?P<wd>{WEEKDAY}),? )?(?:the )?(?P<mon>{MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:,? {_YEAR}|{_DEIC_YEAR})?$"
    ),
    "day_month": re.compile(
        rf"^(?:(?P<wd>{WEEKDAY}),? )?(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
        rf"(?P<mon>{MONTH})(?:,? {_YEAR}|{_DEIC_YEAR})?$"
    ),
    "month_year": re.compile(
        rf"^(?:the month of )?(?P<mon>{MONTH})(?:,? (?:of )?{_YEAR}|{_DEIC_YEAR})?$"
    ),
    "year": re.compile(
        rf"^(?:(?:the )?(?:calendar |fiscal |financial )?year |(?:fiscal|fy) ?)?{_YEAR}$"
    ),
    "decade": re.compile(r"^(?:the )?(?P<dec>1\d\d|20\d)0'?s$"),
    "word_year": re.compile(
        r"^(?:the year )?(?:(?P<century>nineteen|twenty) (?P<tail>[a-z]+(?: [a-z]+)?)|"
        r"(?<=^the year )two thousand(?:(?: and)? (?P<tail2>[a-z]+(?: [a-z]+)?))?)$"
    ),
    "short_decade": re.compile(r"^(?:the )?'?(?P<d>\d)0'?s$"),
    "word_decade": re.compile(rf"^(?:the )?(?P<w>{_alternation(LEX.decade_words)})$"),
    "century": re.compile(
        rf"^(?:the )?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{_alternation(LEX.century_words)}))"
        r" century$"
    ),
    "quarter": re.compile(
        rf"^(?:the )?(?:fiscal )?(?P<ord>{ORDINAL})(?: fiscal)? quarter"
        rf"(?:(?:,| of)? (?:fiscal )?{_YEAR}|{_DEIC_YEAR})?$"
    ),
    "q_quarter": re.compile(
        rf"^(?:{_YEAR} )?(?:q(?P<q>[1-4])|(?P<q2>[1-4])q)(?:,? {_YEAR.replace('year', 'year2')})?$"
    ),
    "year_quarter": re.compile(rf"^(?:the )?{_YEAR} (?:fiscal )?(?P<ord>{ORDINAL}) quarter$"),
    "half": re.compile(
        rf"^(?:the )?(?P<ord>{HALF}) half(?:(?:,| of)? (?:fiscal )?{_YEAR}|{_DEIC_YEAR})?$"
    ),
    "h_half": re.compile(
        rf"^(?:h(?P<h>[12]) {_YEAR}|{_YEAR.replace('year', 'year2')} h(?P<h2>[12]))$"
    ),
    "season": re.compile(rf"^(?:the )?(?P<s>{SEASON})(?:(?:,| of)? {_YEAR}|{_DEIC_YEAR})?$"),
    "weekday": re.compile(rf"^(?P<wd>{WEEKDAY})$"),
    "deictic_unit": re.compile(
        rf"^(?:(?:earlier|later) )?(?P<off>{OFFSET}) (?:(?:fiscal|financial) (?=year|quarter))?"
        rf"(?P<unit>year|month|week|weekend|quarter|decade|century|{MONTH}|{WEEKDAY}|{SEASON})$"
    ),
    "ago": re.compile(
        r"^(?:(?P<q>.+?) )?(?P<unit>[a-z]+?)(?:s|es)? (?P<ago>ago|earlier|before|back|later|"
        r"from now|hence)$"
    ),
    "every": re.compile(
        rf"^(?:every|each)(?: other| single)? (?P<what>{MONTH}|{WEEKDAY}|{SEASON}|[a-z]+?)s?"
        rf"(?: (?P<pod>{POD}))?$"
    ),
    "weekday_plural": re.compile(
        rf"^(?P<wd>{WEEKDAY})(?:s(?: (?P<pod>{POD}))?| (?P<pod2>{POD})s)$"
    ),
    "clock": re.compile(
        rf"(?P<clock>(?P<h>\d{{1,2}})(?::(?P<mi>\d{{2}}))? ?(?P<ampm>am|pm)|(?P<h24>\d{{1,2}}):"
        rf"(?P<mi24>\d{{2}})|(?P<word>noon|midnight|midday))(?: (?P<tz>{TZ}))?"
    ),
    "holiday": re.compile(
        rf"^(?:the )?(?P<h>{_alternation(LEX.holidays)})(?:,? {_YEAR}|{_DEIC_YEAR})?$"
    ),
    "week_of": re.compile(
        r"^(?:the )?week (?:of|ended|ending|to|beginning|starting) (?P<rest>.+)$"
    ),
    "pod": re.compile(rf"^(?P<rest>.+?) (?:(?:in|at) the )?(?P<pod>{POD})$"),
    "pod_first": re.compile(rf"^(?:(?:early|late|mid) )?(?P<pod>{POD}),? (?P<rest>.+)$"),
}
_TIME_THEN_DAY = re.compile(
    rf"^(?:at |around |about )?{_RE['clock'].pattern},? (?:on )?(?P<rest>.+)$"
)
_DAY_THEN_TIME = re.compile(rf"^(?P<rest>.+?),? (?:at |around |about )?{_RE['clock'].pattern}$")
_YEAR_AGO_QUARTER = LEX.year_ago_quarters
_FISCAL_YEAR = LEX.fiscal_years
_CURRENT_PERIOD_WORDS = LEX.current_period_words
_UNIT_GRAINS = {
    "S": "time",
    "MIN": "time",
    "H": "time",
    "D": "day",
    "W": "week",
    "FORTNIGHT": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
}
_DURATION_LEADS = LEX.duration_leads
_DURATION_FILLERS = LEX.duration_fillers


def _unit_code(word: str) -> str | None:
    """The duration unit of a (possibly plural) unit word: "months" → "M"."""
    for candidate in (word, word[:-1] if word.endswith("s") else None, _singular_ies(word)):
        if candidate and candidate in LEX.duration_units:
            return LEX.duration_units[candidate]
    return None


def _singular_ies(word: str) -> str | None:
    return word[:-3] + "y" if word.endswith("ies") else None


# --------------------------------------------------------------------------- parsers


def _parse_single(clean: str, ctx: _Context) -> DateValue | None:
    text = clean
    if not any(text.startswith(prefix + " ") for prefix in _MODIFIER_PREFIXES):
        text = _LEADING_PREPOSITIONS.sub("", clean)
    if text in LEX.deictic_refs:
        return _ref(LEX.deictic_refs[text])
    if text in LEX.set_words:
        timex = LEX.set_words[text]
        return _set(timex, _set_grain(timex))
    rest_of = _REST_OF.match(text)
    if rest_of:
        # "the rest of the year" is this year, as "the end of the year"
        return _parse_core(text[rest_of.end() :], ctx, modified=True)
    mod = None
    for prefix in _MODIFIER_PREFIXES:
        if text.startswith(prefix + " "):
            mod, text = LEX.modifiers[prefix], text[len(prefix) + 1 :]
            break
    for suffix, suffix_mod in LEX.suffix_modifiers.items():
        if text.endswith(" " + suffix):
            mod, text = mod or suffix_mod, text[: -len(suffix) - 1]
            break
    value = _parse_core(text, ctx, modified=mod is not None)
    if value is None and mod is None and text in LEX.deictic_refs:
        return _ref(LEX.deictic_refs[text])
    if value is None or mod is None:
        return value
    return _apply_mod(value, mod)


_MODIFIER_PREFIXES = sorted(LEX.modifiers, key=len, reverse=True)
_REST_OF = re.compile(r"^(?:the )?(?:rest|remainder) of ")


def _set_grain(timex: str) -> str | None:
    return _UNIT_GRAINS.get(timex[-1] if not timex.startswith("PT") else "H")


def _apply_mod(value: DateValue, mod: str) -> DateValue:
    if value.timex.endswith("_REF"):
        return value
    start, end = value.start, value.end
    if value.kind == "date":
        if mod in ("BEFORE", "ON_OR_BEFORE") and start is not None:
            end = start - dt.timedelta(days=1) if mod == "BEFORE" else end
            start = None
        elif mod in ("AFTER", "ON_OR_AFTER") and end is not None:
            start = end + dt.timedelta(days=1) if mod == "AFTER" else start
            end = None
    return value._replace(start=start, end=end, mod=mod)


_TRAILING_WORD_YEAR = re.compile(
    r"^(?P<head>.+?) (?P<words>(?:nineteen|twenty) [a-z]+(?: [a-z]+)?|two thousand(?: and)?"
    r"(?: [a-z]+)?)$"
)


def _with_digit_year(text: str) -> str:
    """ "january nineteen ninety seven" → "january 1997", as broadcast transcripts write."""
    m = _TRAILING_WORD_YEAR.match(text)
    if m is None:
        return text
    spoken = _RE["word_year"].match(
        ("the year " if m["words"].startswith("two") else "") + m["words"]
    )
    value = _word_year(spoken) if spoken else None
    return f"{m['head']} {value.timex}" if value is not None else text


def _parse_core(text: str, ctx: _Context, *, modified: bool = False) -> DateValue | None:
    text = _with_digit_year(text)
    if modified and text in (
        "the year",
        "the month",
        "the week",
        "the quarter",
        "the decade",
        "year",
    ):
        text = "this " + text.removeprefix("the ")
    for parser in _CORE_PARSERS:
        value = parser(text, ctx)
        if value is not None:
            return value
    return None


def _parse_deictic_day(text: str, ctx: _Context) -> DateValue | None:
    if text in LEX.deictic_days:
        offset = LEX.deictic_days[text]
        if ctx.reference is None:
            return _unknown("XXXX-XX-XX" + ("TNI" if text == "tonight" else ""), "day")
        day = ctx.reference + dt.timedelta(days=offset)
        if text == "tonight":
            return _value(day.isoformat() + "TNI", (day, day), "time", True)
        return _day(day, True)
    if text == "last night":
        if ctx.reference is None:
            return _unknown("XXXX-XX-XXTNI", "time")
        day = ctx.reference - dt.timedelta(days=1)
        return _value(day.isoformat() + "TNI", (day, day), "time", True)
    return None


def _day_part(rest: str, ctx: _Context) -> DateValue | None:
    """A day-grain value for the date part of a time expression ("Tuesday", "this", "Nov. 6")."""
    if rest in ("this", "today", "the"):
        rest = "today"
    value = _parse_deictic_day(rest, ctx) or _parse_calendar(rest, ctx) or _parse_weekday(rest, ctx)
    if value is None or value.kind != "date" or value.grain != "day":
        return None
    return value


def _parse_time(text: str, ctx: _Context) -> DateValue | None:
    """Clock times and parts of day, only when they come with a day."""
    match = _TIME_THEN_DAY.match(text) or _DAY_THEN_TIME.match(text)
    if match:
        day = _day_part(match.group("rest"), ctx)
        clock = _clock(match)
        if day is None or clock is None:
            return None
        return day._replace(timex=day.timex + "T" + clock, grain="time")
    match = _RE["pod"].match(text) or _RE["pod_first"].match(text)
    if match:
        day = _day_part(match.group("rest"), ctx)
        if day is None:
            return None
        code = LEX.parts_of_day[match.group("pod")]
        return day._replace(timex=day.timex + "T" + code, grain="time")
    return None


def _clock(match: re.Match[str]) -> str | None:
    word = match.group("word")
    if word:
        return "24:00" if word == "midnight" else "12:00"
    if match.group("h24"):
        hour, minute = int(match.group("h24")), int(match.group("mi24"))
    else:
        hour, minute = int(match.group("h")), int(match.group("mi") or 0)
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group("ampm") == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _parse_calendar(text: str, ctx: _Context) -> DateValue | None:
    """Absolute and year-less calendar dates: days, months, years, decades, centuries."""
    m = _RE["iso_day"].match(text)
    if m:
        day = cal.safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
        return _day(day, False) if day else None
    m = _RE["iso_month"].match(text)
    if m and 1 <= int(m["mon"]) <= 12:
        return _month(int(m["year"]), int(m["mon"]), False)
    m = _RE["numeric_day"].match(text)
    if m:
        return _numeric_day(m)
    m = _RE["month_day"].match(text) or _RE["day_month"].match(text)
    if m:
        return _month_day(LEX.months[m["mon"]], int(m["day"]), m["year"], m["deic"], ctx)
    m = _MONTH_WORD_DAY.match(text)
    if m:
        # Reuters writes days under ten in words: "Pay May one", "effective March eighth".
        return _month_day(LEX.months[m["mon"]], LEX.day_words[m["day"]], m["year"], m["deic"], ctx)
    m = _DEICTIC_MONTH_DAY.match(text)
    if m:
        return _deictic_month_day(m["off"], m["rest"], ctx)
    m = _RE["month_year"].match(text)
    if m:
        return _month_of(LEX.months[m["mon"]], m["year"], m["deic"], ctx)
    m = _RE["year"].match(text)
    if m:
        return _year(int(m["year"]), False)
    m = _YEAR_PERIOD.match(text)
    if m:
        # "the 1988 quarter": a quarter of 1988, which one the article said before
        if m["what"] == "period":
            return _year(int(m["year"]), False)
        letter = "Q" if m["what"] == "quarter" else "H"
        return DateValue("date", f"{m['year']}-{letter}X", None, None, m["what"], None, False)
    m = _RE["word_year"].match(text)
    if m:
        return _word_year(m)
    m = _RE["decade"].match(text)
    if m:
        return _decade(int(m["dec"]), False)
    m = _RE["short_decade"].match(text) or _RE["word_decade"].match(text)
    if m:
        digit = int(m["d"]) if "d" in m.groupdict() else LEX.decade_words[m["w"]]
        return _decade(190 + digit, False)
    m = _RE["century"].match(text)
    if m:
        number = int(m["n"]) if m["n"] else LEX.century_words[m["w"]]
        return _century(number - 1, False) if number >= 1 else None
    return None


def _word_year(m: re.Match[str]) -> DateValue | None:
    """Years said in words, as in broadcast transcripts: "nineteen ninety-six",
    "the year two thousand", "two thousand and one"."""
    tail_text = m["tail"] or m["tail2"]
    tail = parse_number(tail_text) if tail_text else None
    if tail_text and (tail is None or tail.value is None):
        return None
    rest = int(tail.value) if tail is not None and tail.value is not None else 0
    if m["century"]:
        if not 10 <= rest <= 99:
            return None
        return _year((19 if m["century"] == "nineteen" else 20) * 100 + rest, False)
    if not 0 <= rest <= 99:
        return None
    return _year(2000 + rest, False)


def _numeric_day(m: re.Match[str]) -> DateValue | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if year < 100:
        year += 1900 if year >= 50 else 2000
    month, day = (a, b) if a <= 12 else (b, a)  # news style is month first unless impossible
    value = cal.safe_date(year, month, day)
    return _day(value, False) if value else None


def _month_day(
    month: int, day: int, year: str | None, deic: str | None, ctx: _Context
) -> DateValue | None:
    if cal.safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 is possible
        return None
    anchored = _anchor_year(year, deic, ctx)
    if anchored is not None:
        value = cal.safe_date(anchored, month, day)
        return _day(value, year is None) if value else None
    if ctx.reference is None:
        return _unknown(f"XXXX-{month:02d}-{day:02d}", "day")

    def interval(y: int) -> tuple[dt.date, dt.date]:
        d = cal.safe_date(y, month, day) or dt.date(y, month, 28)
        return d, d

    picked = _pick_year(interval, ctx)
    value = cal.safe_date(picked, month, day)
    return _day(value, True) if value else None


_MONTH_WORD_DAY = re.compile(
    rf"^(?:(?:{WEEKDAY}),? )?(?:the )?(?P<mon>{MONTH}) (?:the )?(?P<day>{_alternation(LEX.day_words)})"
    rf"(?:,? {_YEAR}|{_DEIC_YEAR})?$"
)
_DEICTIC_MONTH_DAY = re.compile(r"^(?P<off>last|this|next) (?P<rest>.+)$")


def _deictic_month_day(offset: str, rest: str, ctx: _Context) -> DateValue | None:
    """ "last April 24": the latest April 24 before the reference; "next April 24": the first
    one after it; "this April 24": the one in the reference year."""
    m = _RE["month_day"].match(rest) or _RE["day_month"].match(rest)
    if m is None or m["year"] or m["deic"]:
        return None
    month, day = LEX.months[m["mon"]], int(m["day"])
    if ctx.reference is None or offset == "this":
        return _month_day(month, day, None, "this" if offset == "this" else None, ctx)
    ref = ctx.reference
    year = ref.year
    candidate = cal.safe_date(year, month, day)
    if candidate is None:
        return None
    if offset == "last" and candidate >= ref:
        year -= 1
    elif offset == "next" and candidate <= ref:
        year += 1
    value = cal.safe_date(year, month, day)
    return _day(value, True) if value else None


def _month_of(month: int, year: str | None, deic: str | None, ctx: _Context) -> DateValue:
    anchored = _anchor_year(year, deic, ctx)
    if anchored is not None:
        return _month(anchored, month, year is None)
    if ctx.reference is None:
        return _unknown(f"XXXX-{month:02d}", "month")
    return _month(_pick_year(lambda y: cal.month_interval(y, month), ctx), month, True)


def _parse_period(text: str, ctx: _Context) -> DateValue | None:
    """Quarters, halves and seasons, with or without a year."""
    m = _RE["quarter"].match(text) or _RE["year_quarter"].match(text)
    if m:
        quarter = LEX.ordinals[m["ord"]]
        return _period(quarter, m["year"], m.groupdict().get("deic"), ctx, _quarter, "Q")
    m = _RE["q_quarter"].match(text)
    if m:
        quarter = int(m["q"] or m["q2"])
        return _period(quarter, m["year"] or m["year2"], None, ctx, _quarter, "Q")
    m = _RE["half"].match(text)
    if m:
        return _period(LEX.halves[m["ord"]], m["year"], m["deic"], ctx, _half, "H")
    m = _RE["h_half"].match(text)
    if m:
        return _period(int(m["h"] or m["h2"]), m["year"] or m["year2"], None, ctx, _half, "H")
    m = _RE["season"].match(text)
    if m:
        code = LEX.seasons[m["s"]]
        anchored = _anchor_year(m["year"], m["deic"], ctx)
        if anchored is not None:
            return _season(anchored, code, m["year"] is None)
        if ctx.reference is None:
            return _unknown(f"XXXX-{code}", "season")
        year = _pick_year(lambda y: cal.season_interval(y, code), ctx)
        return _season(year, code, True)
    return None


def _period(
    number: int,
    year: str | None,
    deic: str | None,
    ctx: _Context,
    build: Callable[[int, int, bool], DateValue],
    letter: str,
) -> DateValue:
    anchored = _anchor_year(year, deic, ctx)
    if anchored is not None:
        return build(anchored, number, year is None)
    if ctx.reference is None:
        return _unknown(f"XXXX-{letter}{number}", "quarter" if letter == "Q" else "half")

    def interval(year: int) -> tuple[dt.date, dt.date]:
        value = build(year, number, True)
        assert value.start is not None and value.end is not None
        return value.start, value.end

    return build(_pick_year(interval, ctx, nearest_in_future=True), number, True)


def _parse_weekday(text: str, ctx: _Context) -> DateValue | None:
    m = _RE["weekday"].match(text)
    if not m:
        return None
    weekday = LEX.weekdays[m["wd"]]
    if ctx.reference is None:
        return _unknown(f"XXXX-WXX-{weekday}", "day")
    return _day(_weekday_date(weekday, ctx), True)


def _holiday_date(rule: str, year: int) -> dt.date:
    """The day of a holiday rule in ``year``: "12-25", or "11-W4-4" (4th Thursday), "05-WL-1"
    (last Monday)."""
    month = int(rule[:2])
    if "W" not in rule:
        return dt.date(year, month, int(rule[3:]))
    nth, weekday = rule[4], int(rule[6])
    if nth == "L":
        last = cal.month_end(year, month)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    first_match = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7)
    return first_match + dt.timedelta(weeks=int(nth) - 1)


def _parse_holiday(text: str, ctx: _Context) -> DateValue | None:
    m = _RE["holiday"].match(text)
    if not m:
        return None
    rule = LEX.holidays[m["h"]]
    anchored = _anchor_year(m["year"], m["deic"], ctx)
    if anchored is not None:
        return _day(_holiday_date(rule, anchored), m["year"] is None)
    if ctx.reference is None:
        placeholder = rule if "W" not in rule else rule[:2] + "-XX"
        return _unknown(f"XXXX-{placeholder}", "day")
    year = _pick_year(lambda y: (_holiday_date(rule, y), _holiday_date(rule, y)), ctx)
    return _day(_holiday_date(rule, year), True)


_IN_THE_UNIT = re.compile(r"^(?:earlier|later) in the (?P<unit>week|month|year)$")


def _parse_deictic_unit(text: str, ctx: _Context) -> DateValue | None:
    """this/last/next + a unit, month, weekday or season: "last year", "next Tuesday"."""
    in_the = _IN_THE_UNIT.match(text)
    if in_the:
        text = f"this {in_the['unit']}"  # "later in the week" is this week, as "later this week"
    m = _RE["deictic_unit"].match(text)
    if not m:
        return None
    offset = LEX.deictic_offsets[m["off"]]
    how = "this" if offset == 0 else ("last" if offset < 0 else "next")
    unit = m["unit"]
    ref = ctx.reference
    if ref is None:
        return _unknown_deictic(unit)
    if unit == "year":
        return _year(ref.year + offset, True)
    if unit == "month":
        return _month(*cal.add_months(ref.year, ref.month, offset), True)
    if unit == "week":
        return _week(ref + dt.timedelta(days=7 * offset), True)
    if unit == "weekend":
        day = ref + dt.timedelta(days=7 * offset)
        if offset == 0 and ctx.tense == "past" and day.isoweekday() < 6:
            day -= dt.timedelta(days=7)  # "agreed this weekend", told on a Monday: the one past
        return _weekend(day, True)
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + offset
        return _quarter(index // 4, index % 4 + 1, True)
    if unit == "decade":
        return _decade(ref.year // 10 + offset, True)
    if unit == "century":
        return _century(ref.year // 100 + offset, True)
    if unit in LEX.months:
        month = LEX.months[unit]
        if how == "last":
            return _month(ref.year if month < ref.month else ref.year - 1, month, True)
        if how == "next":
            return _month(ref.year if month > ref.month else ref.year + 1, month, True)
        return _month(ref.year, month, True)
    if unit in LEX.weekdays:
        return _day(_weekday_date(LEX.weekdays[unit], ctx, how), True)
    code = LEX.seasons[unit]
    season_year, current = cal.season_of(ref)
    candidates = [season_year + delta for delta in (-1, 0, 1)]
    if how == "this":
        year = season_year if current == code else ref.year
    elif how == "last":
        year = max(y for y in candidates if cal.season_interval(y, code)[1] < ref)
    else:
        year = min(y for y in candidates if cal.season_interval(y, code)[0] > ref)
    return _season(year, code, True)


def _parse_week_of(text: str, ctx: _Context) -> DateValue | None:
    """ "the week of March 6", "the week ended February 22", "the weekend", "year-end"."""
    m = _RE["week_of"].match(text)
    if m:
        day = _day_part(m["rest"], ctx)
        if day is None:
            return None
        if day.start is None:
            return _unknown("XXXX-WXX", "week")
        return _week(day.start, day.relative)
    if text in ("the weekend", "weekend"):
        if ctx.reference is None:
            return _unknown("XXXX-WXX-WE", "week")
        ref = ctx.reference
        saturday = ref + dt.timedelta(days=6 - ref.isoweekday())
        if ctx.tense == "past" and saturday > ref:
            saturday -= dt.timedelta(days=7)
        return _weekend(saturday, True)
    if text in _CURRENT_PERIOD_WORDS:
        # "the quarter" of financial news: the latest completed one in past sentences.
        if ctx.reference is None:
            return _unknown("XXXX-QX", "quarter")
        ref = ctx.reference
        latest = text != "the quarter" or ctx.tense == "past"
        index = ref.year * 4 + (ref.month - 1) // 3 - (1 if latest else 0)
        return _quarter(index // 4, index % 4 + 1, True)
    if text in _YEAR_AGO_QUARTER:
        if ctx.reference is None:
            return _unknown("XXXX-QX", "quarter")
        ref = ctx.reference
        index = ref.year * 4 + (ref.month - 1) // 3 - 1 - 4
        return _quarter(index // 4, index % 4 + 1, True)
    if text in _FISCAL_YEAR:
        return _duration("P1Y", "year")
    if text in ("the full year", "full year"):
        return _parse_deictic_unit("this year", ctx)  # "forecast an increase for the full year"
    if text in ("year end", "the year end"):
        value = _parse_deictic_unit("this year", ctx)
        return value._replace(mod="END") if value else None
    return None


def _unknown_deictic(unit: str) -> DateValue:
    if unit in LEX.months:
        return _unknown(f"XXXX-{LEX.months[unit]:02d}", "month")
    if unit in LEX.weekdays:
        return _unknown(f"XXXX-WXX-{LEX.weekdays[unit]}", "day")
    if unit in LEX.seasons:
        return _unknown(f"XXXX-{LEX.seasons[unit]}", "season")
    placeholders = {
        "year": ("XXXX", "year"),
        "month": ("XXXX-XX", "month"),
        "week": ("XXXX-WXX", "week"),
        "weekend": ("XXXX-WXX-WE", "week"),
        "quarter": ("XXXX-QX", "quarter"),
        "decade": ("XXX", "decade"),
        "century": ("XX", "century"),
    }
    return _unknown(*placeholders[unit])


def _quantity(words: list[str]) -> Decimal | None | str:
    """The number of units: a Decimal, "X" for vague quantities, None when not a quantity."""
    phrase = " ".join(w for w in words if w not in _DURATION_FILLERS)
    if not phrase:
        return None  # "consecutive month": a filler is not a quantity
    if phrase in LEX.vague_quantities:
        return "X"
    if phrase in LEX.couple:
        return Decimal(2)
    if phrase in ("a", "an", "one", "a single", "a full"):
        return Decimal(1)
    if phrase.endswith(" and a half") or phrase.endswith(" and half"):
        whole = _quantity(phrase.rsplit(" and ", 1)[0].split())
        return whole + Decimal("0.5") if isinstance(whole, Decimal) else None
    if re.search(r"\d(?:st|nd|rd|th)\b", phrase) or phrase.split()[-1] in LEX.ordinals:
        return None  # "the third consecutive month" is not three months
    if not re.fullmatch(r"[a-z0-9 .,/-]+", phrase) or any(
        re.fullmatch(r"\d{4,}", word) for word in phrase.split()
    ):
        return None  # "1988 quarter", "the first two 1987 months": a year, not 1988 quarters
    number = parse_number(phrase)
    if number is None or number.value is None or number.value <= 0 or number.value > 5000:
        return None
    return number.value


def _parse_ago(text: str, ctx: _Context) -> DateValue | None:
    """ "two years ago", "a year earlier", "three days later", "years ago"."""
    m = _RE["ago"].match(text)
    if not m:
        return None
    unit = _unit_code(m["unit"]) or _unit_code(m["unit"] + "s")
    if unit is None or unit == "WE":
        return None
    words = (m["q"] or "").split()
    if words and words[0] in ("about", "some", "nearly", "almost", "more", "less"):
        return None  # modifiers are split off before this parser runs
    quantity = Decimal(1) if words in ([], ["the"]) else _quantity(words)
    direction = LEX.ago_words[m["ago"]]
    if quantity is None:
        return None
    if m["ago"] in ("later", "after"):
        # Anaphoric: "three days later" counts from an event, not from the reference date.
        return _duration(_duration_timex(quantity, unit), _UNIT_GRAINS[unit])
    if quantity == "X":
        return _ref("PAST_REF" if direction < 0 else "FUTURE_REF")
    assert isinstance(quantity, Decimal)
    if quantity != quantity.to_integral_value():
        return None
    n = int(quantity) * direction
    ref = ctx.reference
    if ref is None:
        grain = _UNIT_GRAINS[unit]
        placeholder = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "quarter": "XXXX-QX"}
        return _unknown(placeholder.get(grain, "XXXX-XX-XX"), grain)
    if unit in ("S", "MIN", "H"):
        return _day(ref, True)
    if unit == "D":
        return _day(ref + dt.timedelta(days=n), True)
    if unit in ("W", "FORTNIGHT"):
        return _week(ref + dt.timedelta(days=7 * n * (2 if unit == "FORTNIGHT" else 1)), True)
    if unit == "M":
        return _month(*cal.add_months(ref.year, ref.month, n), True)
    if unit == "Q":
        index = ref.year * 4 + (ref.month - 1) // 3 + n
        return _quarter(index // 4, index % 4 + 1, True)
    years = n * {"Y": 1, "DE": 10, "CE": 100}[unit]
    return _year(ref.year + years, True) if 1 <= ref.year + years <= 9999 else None


def _parse_duration(text: str, ctx: _Context) -> DateValue | None:
    """ "three months", "the past two years", "a decade", "12 hours", "recent years"."""
    and_a_half = _AND_A_HALF.match(text)
    if and_a_half:
        unit = _unit_code(and_a_half["unit"])
        if unit is None or unit == "WE":
            return None
        return _duration(_duration_timex(Decimal("1.5"), unit), _UNIT_GRAINS[unit])
    words = text.split()
    long = False
    if words and words[-1] in ("long", "old", "olds"):
        if words[-1] != "long":
            return None  # ages ("two year old") are not dates
        words, long = words[:-1], True
    if words and words[0] == "the":
        words = words[1:]
    if words[:2] in (["year", "earlier"], ["year", "ago"]) and len(words) > 3:
        words = words[2:]  # "the year-earlier nine months": the same stretch a year before
    lead = None
    if words and words[0] in _DURATION_LEADS:
        lead, words = words[0], words[1:]
    if not words:
        return None
    unit_word = words[-1]
    unit = _unit_code(unit_word)
    if unit is None or unit == "WE":
        return None
    plural = unit_word not in LEX.duration_units
    quantity_words = words[:-1]
    if len(quantity_words) > 1 and re.fullmatch(r"(?:19|20)\d\d", quantity_words[-1]):
        quantity_words = quantity_words[:-1]  # "the first two 1987 months": two months
    if quantity_words and quantity_words[-1] == "of" and " ".join(quantity_words) not in LEX.couple:
        return None
    if not quantity_words and not plural and lead is None and not long:
        return None  # "the year", "month": too ambiguous alone ("day-long" is one day)
    quantity = _quantity(quantity_words) if quantity_words else ("X" if plural else Decimal(1))
    if quantity is None:
        return None
    return _duration(_duration_timex(quantity, unit), _UNIT_GRAINS[unit])


_RANGE_ITEM_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:or|and)\s+|,(?!\d{3}\b)\s*|\s+or\s+|\s+to\s+|\s+and\s+|-)\s*"
)  # not the thousands comma of "1,500 years"
_ONE_OR_MORE = re.compile(r"^(?:a|an|one) (?P<unit>[a-z]+) or (?P<high>two|three|four|five|so)$")


def _parse_duration_range(text: str, ctx: _Context) -> DateValue | None:
    """A range of durations, one row: "two to three weeks" → ``P2W/P3W``, "between two and six
    days", "the next 12 to 18 months", "a year or two" → ``P1Y/P2Y``, "five, ten, or twenty
    years" → ``P5Y/P20Y`` (the smallest and the largest), "weeks or months" → ``PXW/PXM``.
    Kind ``range`` with no calendar interval (``start``/``end`` null)."""
    words = re.sub(r"(?<=\d)-(?=\d)", " to ", text).split()  # "2-3 weeks"
    between = bool(words) and words[0] in ("between", "from")
    if between:
        words = words[1:]
    if words and words[0] == "the":
        words = words[1:]
    if words and words[0] in _DURATION_LEADS:
        words = words[1:]
    if len(words) < 3:
        return None
    body = " ".join(words)
    one_or_more = _ONE_OR_MORE.match(body)
    if one_or_more:
        unit = _unit_code(one_or_more["unit"])
        if unit is None or unit == "WE" or one_or_more["high"] == "so":
            return None
        high = _quantity([one_or_more["high"]])
        assert isinstance(high, Decimal)
        return _duration_range([Decimal(1), high], [unit, unit])
    if len(words) == 3 and words[1] in ("or", "to"):
        # "weeks or months", "days to weeks": vague amounts of two units
        units = [_unit_code(w) if w not in LEX.duration_units else None for w in words[::2]]
        if None in units or "WE" in units:
            return None
        return _duration_range(["X", "X"], [u for u in units if u is not None])
    unit = _unit_code(words[-1])
    if unit is None or unit == "WE":
        return None
    items = _RANGE_ITEM_SEPARATOR.split(" ".join(words[:-1]))
    joined = " ".join(words[:-1])
    if len(items) < 2 or (" and " in joined and not between and "," not in joined):
        return None
    quantities = [_quantity(item.split()) for item in items]
    if not all(isinstance(q, Decimal) for q in quantities):
        return None
    return _duration_range(quantities, [unit] * len(quantities))


def _duration_range(quantities: list, units: list[str]) -> DateValue | None:
    timexes = [_duration_timex(q, u) for q, u in zip(quantities, units, strict=True)]
    if all(isinstance(q, Decimal) for q in quantities):
        low, high = min(quantities), max(quantities)
        if low == high:
            return None
        timexes = [_duration_timex(low, units[0]), _duration_timex(high, units[0])]
    elif timexes[0] == timexes[1]:
        return None
    grain = _UNIT_GRAINS[units[-1]]
    return DateValue("range", f"{timexes[0]}/{timexes[-1]}", None, None, grain, None, False)


_AND_A_HALF = re.compile(r"^(?:the )?(?:a|an|one) (?P<unit>[a-z]+) and a half$")
_HALF_UNITS = {"Y": "6M", "H": "30M", "MIN": "30S", "D": "T12H", "DE": "5Y", "CE": "50Y"}


def _duration_timex(quantity: Decimal | str, unit: str) -> str:
    if quantity == "X":
        # Decades and centuries are counted in years, as in "a decade" → P10Y.
        symbol = {"MIN": "M", "FORTNIGHT": "W", "DE": "Y", "CE": "Y"}.get(unit, unit)
        return ("PTX" if unit in ("S", "MIN", "H") else "PX") + symbol
    assert isinstance(quantity, Decimal)
    multiplier = {"FORTNIGHT": 2, "DE": 10, "CE": 100}.get(unit, 1)
    amount = quantity * multiplier
    whole = int(amount)
    if amount - whole == Decimal("0.5") and unit in _HALF_UNITS:
        # "2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M
        lead = f"{whole}{unit[0] if unit != 'MIN' else 'M'}" if whole else ""
        prefix = "PT" if unit in ("S", "MIN", "H") else "P"
        if unit == "D":
            return f"P{lead}T12H"
        return prefix + lead + _HALF_UNITS[unit]
    number = str(int(amount)) if amount == amount.to_integral_value() else str(amount.normalize())
    symbol = {"MIN": "M", "FORTNIGHT": "W", "DE": "Y", "CE": "Y"}.get(unit, unit)
    return ("PT" if unit in ("S", "MIN", "H") else "P") + number + symbol


def _parse_set(text: str, ctx: _Context) -> DateValue | None:
    m = _RE["every"].match(text) or _RE["weekday_plural"].match(text)
    if not m:
        return None
    what = m.groupdict().get("what") or m.groupdict().get("wd")
    pod_word = m["pod"] or m.groupdict().get("pod2")
    pod = LEX.parts_of_day.get(pod_word) if pod_word else None
    suffix = "T" + pod if pod else ""
    assert what is not None
    if what in LEX.weekdays:
        return _set(f"XXXX-WXX-{LEX.weekdays[what]}{suffix}", "day")
    if m.re is _RE["weekday_plural"]:
        return None
    if what in LEX.months:
        return _set(f"XXXX-{LEX.months[what]:02d}", "month")
    if what in LEX.seasons:
        return _set(f"XXXX-{LEX.seasons[what]}", "season")
    unit = _unit_code(what)
    if unit is None or unit in ("WE", "DE", "CE"):
        return None
    return _set(_duration_timex(Decimal(1), unit), _UNIT_GRAINS[unit])


_NOT_FOR_DATEPARSER = LEX.not_for_dateparser
_DATEPARSER_CANDIDATE = re.compile(
    rf"\d.*\b(?:{MONTH})\b|\b(?:{MONTH})\b.*\d|^\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}$"
)


def _parse_with_dateparser(text: str, ctx: _Context) -> DateValue | None:
    """Absolute dates in formats the hand rules do not cover ("22.10.2020", "3rd of May,
    2019 at noon"). Only full dates and month-years with a written year are accepted."""
    words = text.split()
    if (
        len(words) > 5
        or _NOT_FOR_DATEPARSER.intersection(words)
        # a unit word is a duration next to the date ("June 1988 a year early"), which
        # dateparser would swallow
        or any(_unit_code(word) for word in words if word not in ("second", "sec", "min"))
        or not _DATEPARSER_CANDIDATE.search(text)
        or not re.search(r"\b\d{4}\b", text)
    ):
        return None
    data = _dateparser(ctx.reference, ctx.tense).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    parts = set(getattr(data, "parts", None) or ())
    day = data.date_obj.date()
    if {"year", "month", "day"} <= parts:
        return _day(day, False)
    if {"year", "month"} <= parts:
        return _month(day.year, day.month, False)
    return None


@lru_cache(maxsize=256)
def _dateparser(reference: dt.date | None, tense: str) -> DateDataParser:
    base = dt.datetime.combine(reference or dt.date(2000, 1, 1), dt.time())
    prefer = {"past": "past", "future": "future"}.get(tense, "current_period")
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


_SAME_PERIOD = re.compile(
    rf"^the same (?P<unit>day|week|month|quarter) (?P<shift>{_alternation(LEX.same_period_shifts)})$"
)


def _parse_same_period(text: str, ctx: _Context) -> DateValue | None:
    """ "the same week last year": the reference's week, a year earlier."""
    m = _SAME_PERIOD.match(text)
    if m is None:
        return None
    unit, shift = m["unit"], LEX.same_period_shifts[m["shift"]]
    if ctx.reference is None:
        timex = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}
        return _unknown(timex[unit], unit)
    ref = ctx.reference
    year = ref.year + shift
    if unit == "month":
        return _month(year, ref.month, True)
    if unit == "quarter":
        return _quarter(year, (ref.month - 1) // 3 + 1, True)
    day = cal.safe_date(year, ref.month, min(ref.day, 28 if ref.month == 2 else ref.day))
    assert day is not None
    if unit == "day":
        return _day(day, True)
    iso_year, iso_week, _ = ref.isocalendar()
    return _week(dt.date.fromisocalendar(iso_year + shift, min(iso_week, 52), 1), True)


_MONTH_SCENE = re.compile(
    rf"^(?:(?P<article>a|an|one|that) (?:[a-z'-]+ ){{0,2}})?(?P<mon>{MONTH}) "
    rf"(?:{POD}|day|weekend)(?: (?:in|of) {_YEAR})?$"
)


def _parse_month_scene(text: str, ctx: _Context) -> DateValue | None:
    """ "a cold March night in 1999": a day of that month, known to the month (1999-03)."""
    m = _MONTH_SCENE.match(text)
    if m is None or not (m["article"] or m["year"]) or m["mon"] == "may" and not m["year"]:
        return None
    return _month_of(LEX.months[m["mon"]], m["year"], None, ctx)


_CORE_PARSERS: tuple[Callable[[str, _Context], DateValue | None], ...] = (
    _parse_deictic_day,
    _parse_calendar,
    _parse_period,
    _parse_weekday,
    _parse_holiday,
    _parse_deictic_unit,
    _parse_week_of,
    _parse_same_period,
    _parse_month_scene,
    _parse_set,
    _parse_time,
    _parse_ago,
    _parse_duration_range,
    _parse_duration,
    _parse_with_dateparser,
)


# --------------------------------------------------------------------------- anaphora

_YEAR_SHIFT = re.compile(
    r"^(?:the )?(?:(?:a|one|the) )?(?:comparable |same )?year (?:ago|earlier|before)"
    r"(?: (?:period|quarter|third quarter|second quarter|first quarter|fourth quarter))?$"
)


def is_period_anaphor(text: str) -> bool:
    """ "the latest period": "period" has no length of its own; in a report that named a
    quarter or a half, it is that period ("the quarter" keeps its calendar meaning)."""
    return clean_date_text(text) in (
        "the latest period",
        "the period",
        "the same period",
        "the quarter",
    )


def is_year_shift(text: str) -> bool:
    """ "a year ago", "a year earlier", "the year-ago period": in reports on a quarter or a
    half these mean the same period one year before."""
    return bool(_YEAR_SHIFT.match(clean_date_text(text)))


_YEAR_PERIOD = re.compile(
    rf"^(?:the )?(?:fiscal )?{_YEAR} (?:fiscal )?(?P<what>quarter|half|period)$"
)


def same_period_in_year(text: str, period: DateValue) -> DateValue | None:
    """ "the 1988 quarter" (or "period") after a report on the third quarter of 1989: the third
    quarter of 1988. None when ``text`` is not such a phrase or ``period`` no quarter or half."""
    m = _YEAR_PERIOD.match(clean_date_text(text))
    if m is None or period.kind != "date" or period.grain not in ("quarter", "half"):
        return None
    if m["what"] not in ("period", period.grain):
        return None
    build = _quarter if period.grain == "quarter" else _half
    return build(int(m["year"]), int(period.timex[-1]), False)


_ONE_BEFORE = re.compile(r"^the (?:previous|prior|preceding) (?P<unit>week|month|quarter|year)$")


def one_before(text: str, anchor: DateValue) -> DateValue | None:
    """ "the previous year" after "1986" in its sentence: 1985 ("profit rose to 275 mln in 1986
    from 222 mln the previous year"); likewise a month, quarter or week. None when ``text`` is
    not such a phrase or ``anchor`` no date of that unit."""
    m = _ONE_BEFORE.match(clean_date_text(text))
    if m is None or anchor.kind != "date" or anchor.grain != m["unit"] or anchor.start is None:
        return None
    first = anchor.start
    if m["unit"] == "year":
        return _year(first.year - 1, True)
    if m["unit"] == "month":
        return _month(*cal.add_months(first.year, first.month, -1), True)
    if m["unit"] == "week":
        return _week(first - dt.timedelta(days=7), True)
    index = first.year * 4 + (first.month - 1) // 3 - 1
    return _quarter(index // 4, index % 4 + 1, True)


def year_before(value: DateValue) -> DateValue | None:
    """The same quarter or half one year earlier, or None for other grains."""
    if value.kind != "date" or value.grain not in ("quarter", "half") or value.start is None:
        return None
    year = value.start.year - 1
    number = int(value.timex[-1])
    build = _quarter if value.grain == "quarter" else _half
    return build(year, number, True)


# --------------------------------------------------------------------------- ranges

_OPENER = re.compile(rf"^(?P<opener>{_alternation(LEX.range_openers)}) (?P<body>.+)$")
_CONNECTOR = re.compile(
    r" (?P<word>" + _alternation([c for c in LEX.range_connectors if c != "-"]) + r") |-"
)
_MONTH_SLASH = re.compile(rf"^(?P<left>{MONTH})/(?P<right>(?:{MONTH})(?:,? {_YEAR})?)$")
_BARE_DAY = re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<year>\d{4}))?$")
_LEFT_MONTH_DAY = re.compile(rf"^(?P<mon>{MONTH}) \d{{1,2}}(?:st|nd|rd|th)?$")


def _parse_range(clean: str, ctx: _Context) -> DateValue | None:
    """One interval from two dates: "from 2014 to June 2020", "between May and July",
    "1998-2001", "June 3-5, 2020"."""
    opener = _OPENER.match(clean)
    body = opener["body"] if opener else clean
    slash = _MONTH_SLASH.match(body)
    if slash:
        # Reuters' "January/May"
        return _range_from(slash["left"], slash["right"], ctx, forward=True)
    for match in _CONNECTOR.finditer(body):
        if match["word"] == "and" and not (opener and opener["opener"] == "between"):
            continue
        left, right = body[: match.start()].strip(), body[match.end() :].strip()
        # "from April 1 to September": the right end follows the left one (not in "revision
        # Friday to December's figures", two dates)
        forward = opener is not None or match["word"] in ("until", "till", "through", "thru")
        value = _range_from(left, right, ctx, forward=forward)
        if value is not None:
            return value
    return None


def _range_from(left: str, right: str, ctx: _Context, *, forward: bool = False) -> DateValue | None:
    if not left or not right:
        return None
    if re.fullmatch(r"\d{4}", left) and re.fullmatch(r"\d{2}", right):
        right = left[:2] + right  # "1998-99"
        if int(right) <= int(left):
            return None
    bare_day = _BARE_DAY.match(right)
    left_month_day = _LEFT_MONTH_DAY.match(left)
    if bare_day and left_month_day:
        right = f"{left_month_day['mon']} {right}"  # "June 3-5, 2020"
    right_value = _parse_single(right, ctx)
    if not _is_range_end(right_value):
        return None
    assert right_value is not None
    left_value = _parse_single(left, ctx)
    if left_value is not None and left_value.relative and not right_value.relative:
        # The left end takes its year from the right one: "between May and July 2020".
        assert right_value.end is not None
        left_value = _parse_single(left, _Context(right_value.end, "past"))
        if left_value is not None:
            left_value = left_value._replace(relative=False)
    if not _is_range_end(left_value):
        return None
    assert left_value is not None
    if (
        forward
        and right_value.relative
        and left_value.start
        and right_value.end
        and right_value.end < left_value.start
    ):
        # the right end follows the left one: "from April 1 to September" (told in March)
        later = _parse_single(right, _Context(left_value.start, "future"))
        right_value = later if later is not None and _is_range_end(later) else right_value
    if left_value.start and right_value.end and left_value.start > right_value.end:
        return None  # ends in the wrong order; "July 15 until the end of this year" is fine
    return DateValue(
        "range",
        f"{left_value.timex}/{right_value.timex}",
        left_value.start,
        right_value.end,
        cal.coarser(left_value.grain, right_value.grain),
        None,
        left_value.relative or right_value.relative,
    )


def _is_range_end(value: DateValue | None) -> bool:
    return value is not None and value.kind == "date" and not value.timex.endswith("_REF")
