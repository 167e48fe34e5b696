"""Money expressions → exact decimal amounts with ISO 4217 currencies.

``find_money(text)`` scans a whole article once with patterns compiled from the rules data
(``rules/currencies.jsonl``, ``rules/currency_families.json``, ``rules/money.json``) and returns
every mention with its span. ``parse_money(text)`` reads one expression. Ambiguous currencies ("$",
"dollars", "¥", "francs") are resolved from an explicit currency of the same family elsewhere in
the text, then from the home country, then from the family default, and flagged
``currency_ambiguous``. Span convention (docs/money_counts.md): the amount with its currency and
scale, both ends of a range, without qualifier words or per-unit phrases.

Pure functions: no spaCy import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from extract.normalize.currency_validity import as_day, code_on, still_in_use
from extract.normalize.numbers import (
    ARTICLES,
    DIGITS_PATTERN,
    NUMBER_WORD_INITIALS,
    NUMBER_WORDS_PATTERN,
    RANGE_CONNECTOR_PATTERN,
    RANGE_LEAD_PATTERN,
    RANGE_LEADS,
    SCALE_PATTERN,
    SCALE_WORDS_PATTERN,
    SCALES,
    SEPARATE_LEADS,
    VAGUE,
    Number,
    apply_qualifier,
    decimal_text,
    normalize_decimal,
    parse_number,
    qualifier_after,
    qualifier_before,
    words_alternation,
)
from extract.normalize.rules_data import RulesError, load_rules_object, load_rules_rows


class Money(NamedTuple):
    """One money mention's typed columns (the ``money`` table minus provenance)."""

    amount: str | None
    low: str | None
    high: str | None
    qualifier: str
    currency: str | None
    currency_text: str | None
    currency_ambiguous: bool
    per_unit: str | None


class MoneyMention(NamedTuple):
    start: int
    end: int
    text: str
    money: Money


class CurrencyExpression(NamedTuple):
    text: str
    currency: str | None  # ISO 4217, or None when only the family is known ("dollars")
    family: str | None
    position: str  # prefix, suffix or both
    case_sensitive: bool
    divisor: int  # units per main unit: 100 for "cents", 10 for "dimes", 20 for "nickels"
    multiplier: int = 1  # a scale-prefixed code: "MEUR" is a million euros

    @property
    def is_code(self) -> bool:
        """The ISO code itself is written ("EUR", "eur", "MEUR"), not a name or symbol."""
        return self.currency is not None and self.text.upper().endswith(self.currency)


_CURRENCY_KEYS = {"text", "currency", "family", "position", "case_sensitive", "divisor"}


def _load_currencies() -> tuple[list[CurrencyExpression], dict[str, tuple[str, dict[str, str]]]]:
    expressions = []
    for row in load_rules_rows("currencies.jsonl"):
        if set(row) != _CURRENCY_KEYS:
            raise RulesError(f"currencies.jsonl: keys must be {sorted(_CURRENCY_KEYS)}: {row}")
        if row["position"] not in ("prefix", "suffix", "both") or row["divisor"] not in (
            1,
            10,
            20,
            100,
            1000,
        ):
            raise RulesError(f"currencies.jsonl: bad position or divisor: {row}")
        if row["currency"] is None and row["family"] is None:
            raise RulesError(f"currencies.jsonl: needs a currency or a family: {row}")
        expressions.append(CurrencyExpression(**row))
    expressions += _code_variants(expressions)
    data = load_rules_object("currency_families.json")
    families: dict[str, tuple[str, dict[str, str]]] = {}
    for name, family in data["families"].items():
        if set(family) != {"default", "countries"}:
            raise RulesError(f"currency_families.json: {name} needs default and countries")
        families[name] = (family["default"], family["countries"])
    for expression in expressions:
        if expression.family is not None and expression.family not in families:
            raise RulesError(f"currencies.jsonl: unknown family {expression.family!r}")
    return expressions, families


def _code_variants(expressions: list[CurrencyExpression]) -> list[CurrencyExpression]:
    """Codes in lower case ("eur", unless the word is English: "try") and with a scale letter
    ("MEUR", "kUSD"), in the positions where the code itself is written."""
    variants = []
    excluded = set(MONEY_RULES["lowercase_code_exclusions"])
    scaled = set(MONEY_RULES["scale_prefixed_codes"])
    for expression in expressions:
        if expression.text != expression.currency or not expression.case_sensitive:
            continue
        code = expression.text
        if code.lower() not in excluded:
            variants.append(expression._replace(text=code.lower()))
        if code in scaled:
            for letter, factor in MONEY_RULES["code_scale_prefixes"].items():
                variants.append(expression._replace(text=letter + code, multiplier=factor))
    return variants


def _load_money_rules() -> dict[str, Any]:
    """The word lists of money.json (their keys and types: ``rules_schema``)."""
    data = load_rules_object("money.json")
    rules = {key: value for key, value in data.items() if key != "_doc"}
    if not set(rules["financial_scales"]) <= set(SCALES):
        raise RulesError("financial_scales must be scale words of numbers.json", file="money.json")
    return rules


MONEY_RULES = _load_money_rules()
CURRENCY_EXPRESSIONS, FAMILIES = _load_currencies()
PER_UNIT_WORDS = MONEY_RULES["per_unit_words"]
PER_UNIT_STOP_WORDS = MONEY_RULES["per_unit_stop_words"]
# Family of every ISO code we know, so an explicit "HK$" can resolve a later bare "$".
CURRENCY_FAMILY: dict[str, str] = {
    e.currency: e.family for e in CURRENCY_EXPRESSIONS if e.currency and e.family
}


def _lookup_table(position: str) -> dict[str, CurrencyExpression]:
    table: dict[str, CurrencyExpression] = {}
    for expression in CURRENCY_EXPRESSIONS:
        if expression.position not in (position, "both"):
            continue
        key = expression.text if expression.case_sensitive else expression.text.lower()
        table.setdefault(key, expression)
    return table


PREFIXES = _lookup_table("prefix")
SUFFIXES = _lookup_table("suffix")


def _alternation(position: str) -> str:
    sensitive: list[tuple[str, str]] = []
    insensitive: list[tuple[str, str]] = []
    for expression in CURRENCY_EXPRESSIONS:
        if expression.position not in (position, "both"):
            continue
        text = re.escape(expression.text).replace(r"\ ", r"\s+")
        (sensitive if expression.case_sensitive else insensitive).append((expression.text, text))
    # Longest first so "US$" wins over "$" and "Swiss francs" over "francs".
    parts = [t for _, t in sorted(sensitive, key=lambda p: -len(p[0]))]
    words = [t for _, t in sorted(insensitive, key=lambda p: -len(p[0]))]
    alternatives = []
    if words:
        alternatives.append("(?i:" + "|".join(words) + ")")
    alternatives.extend(parts)
    return "(?:" + "|".join(alternatives) + ")"


_WORDS = (
    rf"(?:{NUMBER_WORDS_PATTERN}"
    + r"|(?i:(?<![a-z])(?:"
    + words_alternation(ARTICLES)
    + r")(?=\s+(?:"
    + words_alternation(MONEY_RULES["article_amount_units"])
    + r")\b)))"
)
_DIGITS = DIGITS_PATTERN
_VAGUE_WORDS = words_alternation(VAGUE)
_NUMBER = rf"(?:{_DIGITS}|{_WORDS})"
_SCALE = SCALE_PATTERN
_PREFIX = _alternation("prefix")
_SUFFIX = _alternation("suffix")
_SIGN = r"(?:(?<![\w.,\-])[-\u2212](?=\d))?"


def _first_chars(texts: Iterable[str], *, fold: bool) -> str:
    chars = {t[0] for t in texts if t}
    if fold:
        chars |= {c.upper() for c in chars} | {c.lower() for c in chars}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


# Each branch starts with a cheap look-ahead on its possible first characters: the engine tries
# alternatives one by one, so failing early at most positions is what keeps the scan fast.
_PREFIX_START = _first_chars(
    [e.text for e in CURRENCY_EXPRESSIONS if e.position in ("prefix", "both")], fold=False
)
_WORD_START = _first_chars(NUMBER_WORD_INITIALS, fold=True)
_SUFFIX_START = _first_chars(
    [e.text for e in CURRENCY_EXPRESSIONS if e.position in ("suffix", "both")], fold=True
)
MONEY_PATTERN = re.compile(
    # A prefix that starts with a letter never follows an apostrophe: "it's $5" is not "s $5".
    rf"(?={_PREFIX_START})(?<![A-Za-z0-9$])(?!(?<=['\u2019])[A-Za-z])(?P<pcur>{_PREFIX})\s?(?P<psign>{_SIGN})"
    rf"(?P<pnum>{_NUMBER})(?P<pscale>{_SCALE})?(?![\d])"
    rf"|(?={_WORD_START})(?P<vnum>(?i:(?<![a-z])(?:{_VAGUE_WORDS})))\s+(?i:of)\s+(?={_SUFFIX_START})(?P<vcur>{_SUFFIX})"
    rf"(?![A-Za-z])"
    rf"|(?=[\d.\-\u2212]|{_WORD_START})(?<![\w.,/])(?P<ssign>{_SIGN})(?P<snum>{_NUMBER})"
    rf"(?P<sscale>{_SCALE})?(?:\s|-\s?)?(?={_SUFFIX_START})(?P<scur>{_SUFFIX})(?![A-Za-z])"
)
# A code's scale written after it: "40 EUR million".
_SCALE_AFTER_CODE = re.compile(rf"\s{SCALE_WORDS_PATTERN}(?![a-z])")
_CONNECTOR = RANGE_CONNECTOR_PATTERN
_LEFT_NUMBER = re.compile(
    rf"(?:(?P<lead>{RANGE_LEAD_PATTERN})\s+)?(?P<num>{_DIGITS})(?P<scale>{_SCALE})?"
    rf"(?P<conn>{_CONNECTOR})$"
)


def _words(key: str) -> str:
    """The money.json word list ``key`` as a regex alternation."""
    return words_alternation(MONEY_RULES[key])


_PERCENT = "(?:" + _words("percent_words") + ")"
# A change verb just before an amount: "rose 5 cents to 31 dlrs" is a change and a level.
_CHANGE_BEFORE = re.compile(
    r"(?i:(?<![a-z])(?:"
    + _words("change_words")
    + r"))\s+(?:(?i:by)\s+)?(?:(?i:an?|some|about)\s+)?$"
)
_RIGHT_NUMBER = re.compile(
    rf"^(?P<conn>{_CONNECTOR})(?P<num>{_DIGITS})(?P<scale>{_SCALE})?(?![\d$%\w])(?!\s*{_PERCENT})"
)
_JOIN = re.compile(rf"^{_CONNECTOR}$")
_LEAD_BEFORE = re.compile(rf"(?i:(?<![a-z])({RANGE_LEAD_PATTERN}))\s+$")
_PER_UNIT = re.compile(
    r"\s*(?:(?P<per>per|/)\s*(?P<any>[A-Za-z][A-Za-z\-]*(?:\s(?:"
    + _words("per_unit_measure_words")
    + r"))?)(?![A-Za-z])|(?i:"
    + _words("per_unit_leads")
    + r")\s+(?P<listed>"
    + words_alternation(PER_UNIT_WORDS)
    + r")(?![A-Za-z])(?!\s+(?:"
    + words_alternation(PER_UNIT_STOP_WORDS)
    + r")\b))"
)
# Words that may follow an elided amount ("from 455 mln at the same time last year"); any other
# word ("from 5 tonnes") means the number measures something else.
_AFTER_ELIDED = "(?:" + _words("words_after_elided") + r")\b"
_ELIDED = re.compile(
    r"\s*,?\s*(?:(?:(?i:"
    + _words("elided_change_words")
    + r")\s+)?(?i:"
    + _words("elided_after")
    + r")|(?i:"
    + _words("elided_directions")
    + r"))\s+(?:(?:"
    + _words("elided_determiners")
    + r")\s+)?(?:(?:"
    + _words("elided_modifiers")
    + r")\s+)*"
    + rf"(?P<num>{_DIGITS})(?P<scale>{_SCALE})?"
    + rf"(?![\d/]|[.,]\d)(?!\s*(?:{_PERCENT}|(?:"
    + _words("point_words")
    + r")\b))"
    + rf"(?=\s*(?:$|[^\w\s$\u00a3\u20ac\u00a5]|{_AFTER_ELIDED}))"
)
_TABLE_LINE = re.compile(
    r"^(?i:"
    + _words("table_labels")
    + r")(?:\s+(?i:"
    + _words("table_label_suffixes")
    + r"))?[ \t]+"
    + rf"(?P<a>{_DIGITS})(?P<ascale>{_SCALE})?"
    + r"(?:[ \t]+vs\.?[ \t]+(?:(?i:"
    + _words("table_value_labels")
    + r")[ \t]+)?"
    + rf"(?P<b>{_DIGITS})(?P<bscale>{_SCALE})?)?[ \t]*$",
    re.MULTILINE,
)
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


def _financial_lookahead(words: list[str]) -> str:
    """A look-ahead that the pattern after it implies (a financial word, an optional second
    word, then a digit), checked first so that most words are not tried against every
    financial word; empty when a word is not letters and hyphens only."""
    if not all(re.fullmatch(r"[A-Za-z][A-Za-z-]*", w) for w in words):
        return ""
    first = "".join(sorted({w[0] for w in words}))
    return rf"(?i:(?<![a-z])(?=[{first}][a-z\-]*\s+(?:[a-z]+\s+)?[\d.]))"


_FINANCIAL_AMOUNT = re.compile(
    _financial_lookahead(MONEY_RULES["financial_words"])
    + r"(?i:(?<![a-z])(?:"
    + _words("financial_words")
    + r"))(?:\s+(?i:"
    + _words("financial_links")
    + r"))?"
    + rf"\s+(?<![\w.,/])(?P<num>{_DIGITS})(?P<scale>\s?(?i:"
    + _words("financial_scales")
    + r")\b)"
    + rf"(?![\d/]|[.,]\d)(?!\s*{_PERCENT})"
    + rf"(?=\s*(?:$|[^\w\s$\u00a3\u20ac\u00a5]|{_AFTER_ELIDED}))"
)
_IN_YEAR = re.compile(r"(?i:\bin\s+(?:(?:" + _words("price_base_words") + r")\s+)?)$")
_WINDOW = 80


class _Raw(NamedTuple):
    """A detected amount before ranges, qualifiers and currency resolution."""

    start: int
    end: int
    number: Number
    scale: int  # factor of the scale word as written ("million" → 10**6), else 1
    currency_text: str
    expression: CurrencyExpression


def _number(num: str, scale: str | None, sign: str | None) -> Number | None:
    if num.strip().lower() in ("a", "an"):  # "a penny"
        return Number(Decimal(1), Decimal(1), Decimal(1))
    number = parse_number(num.strip())
    if number is None:
        return None
    if scale:
        factor = SCALES.get(scale.strip(" -").lower())
        if factor is None:
            return None
        number = Number(*(None if v is None else v * factor for v in number))
    if sign and number.value is not None:
        number = Number(-number.value, -number.value, -number.value)
    return number


def _minor(number: Number, divisor: int) -> Number:
    if divisor == 1:
        return number
    return Number(*(None if v is None else v / divisor for v in number))


def _raw_matches(text: str) -> Iterable[_Raw]:
    for match in MONEY_PATTERN.finditer(text):
        if match.group("pcur") is not None:
            currency_text = match.group("pcur")
            expression = PREFIXES.get(currency_text) or PREFIXES.get(currency_text.lower())
            number = _number(match.group("pnum"), match.group("pscale"), match.group("psign"))
            scale = _scale_factor(match.group("pscale"))
        elif match.group("vcur") is not None:
            currency_text = match.group("vcur")
            expression = _suffix_expression(currency_text)
            number = parse_number(re.sub(r"\s+", " ", match.group("vnum").lower()))
            scale = 1
        else:
            currency_text = match.group("scur")
            expression = _suffix_expression(currency_text)
            number = _number(match.group("snum"), match.group("sscale"), match.group("ssign"))
            scale = _scale_factor(match.group("sscale"))
            if _is_constant_year_dollars(text, match):
                continue
            if (
                currency_text[:1].isupper()
                and not match.group("sscale")
                and _YEAR_LIKE.fullmatch(match.group("snum"))
            ):
                continue  # "in 2004 Rand Paul", "the 1998 Won Buddhist order": a year and a name
            if (
                len(currency_text) == 1
                and currency_text.isalpha()
                and (
                    match.start("scur") != match.end("snum") + len(match.group("sscale") or "")
                    or text[match.end() : match.end() + 2] in (".m", ".M")
                )
            ):
                continue  # "300p" is pence; "5 p.m." is not
            if expression is not None and _is_weight(text, match, expression):
                continue
        if number is None or expression is None:
            continue
        end = match.end()
        after = _SCALE_AFTER_CODE.match(text, end) if match.group("scur") else None
        if after and expression.is_code and not match.group("sscale"):
            scale = _scale_factor(after.group(0))
            number = Number(*(None if v is None else v * scale for v in number))
            end = after.end()
        if expression.multiplier > 1:
            number = Number(*(None if v is None else v * expression.multiplier for v in number))
            scale = max(scale, expression.multiplier)
        yield _Raw(
            match.start(), end, _minor(number, expression.divisor), scale, currency_text, expression
        )


_COMPOUND_GAP = re.compile(r"\s+(?i:" + _words("compound_joiners") + r")\s+")
# "8 EUR 40": two digits after a written code are its cents (not a count, a percent or a year).
_CODE_MINOR = re.compile(
    r"\s(?P<minor>\d{2})(?![\d.,/%\-\u2013]|\s*(?:[A-Za-z%$\u00a3\u20ac\u00a5]|\d))"
)
_STERLING = MONEY_RULES["pre_decimal_sterling"]
# "£3 10s", "£3 10s 6d": shillings and pence after whole pounds.
_PRE_DECIMAL = re.compile(
    r"\s(?P<s>\d{1,2})s(?![A-Za-z\d])(?:\s(?P<d>\d{1,2})d(?![A-Za-z\d]))?"
    if "s" in _STERLING and "d" in _STERLING
    else r"(?!)"
)


def _whole(raw: _Raw) -> bool:
    value = raw.number.value
    return value is not None and value == value.to_integral_value() and raw.scale == 1


def _compounds(text: str, raws: list[_Raw]) -> list[_Raw]:
    """One amount for a main unit and its minor units: "seven euros and twenty cents", "8 EUR 40",
    "£3 10s"."""
    joined: list[_Raw] = []
    for raw in raws:
        previous = joined[-1] if joined else None
        if previous is not None and _minor_of(text, previous, raw):
            total = previous.number.value + raw.number.value  # type: ignore[operator]
            joined[-1] = previous._replace(end=raw.end, number=Number(total, total, total))
            continue
        joined.append(_written_minor(text, raw))
    return joined


def _minor_of(text: str, main: _Raw, minor: _Raw) -> bool:
    """``minor`` ("twenty cents") completes ``main`` ("seven euros")."""
    if main.expression.divisor != 1 or minor.expression.divisor == 1 or not _whole(main):
        return False
    if minor.number.value is None or not 0 < minor.number.value < 1:
        return False
    gap = _COMPOUND_GAP.fullmatch(text, main.end, minor.start)
    same = minor.expression.currency in (None, main.expression.currency) and (
        minor.expression.family in (None, main.expression.family)
        or minor.expression.currency is None
    )
    return gap is not None and same


def _written_minor(text: str, raw: _Raw) -> _Raw:
    """``raw`` with the bare minor units written after it: "8 EUR 40", "£3 10s 6d"."""
    if not _whole(raw) or raw.expression.divisor != 1:
        return raw
    value = raw.number.value
    assert value is not None
    if raw.expression.is_code and raw.expression.multiplier == 1:
        minor = _CODE_MINOR.match(text, raw.end)
        if minor and raw.expression.position in ("suffix", "both") and text[raw.end - 1].isalpha():
            total = value + Decimal(minor.group("minor")) / 100
            return raw._replace(end=minor.end(), number=Number(total, total, total))
    if raw.expression.currency == "GBP" and not raw.expression.is_code:
        old = _PRE_DECIMAL.match(text, raw.end)
        if old:
            total = value + Decimal(old.group("s")) / _STERLING["s"]
            if old.group("d"):
                total += Decimal(old.group("d")) / _STERLING["d"]
            total = normalize_decimal(total)
            return raw._replace(end=old.end(), number=Number(total, total, total))
    return raw


def _scale_factor(scale: str | None) -> int:
    return SCALES.get(scale.strip(" -").lower(), 1) if scale else 1


def _suffix_expression(currency_text: str) -> CurrencyExpression | None:
    key = re.sub(r"\s+", " ", currency_text)
    return SUFFIXES.get(key) or SUFFIXES.get(key.lower())


def _is_constant_year_dollars(text: str, match: re.Match[str]) -> bool:
    """ "in 1990 dollars" is a price base, not an amount."""
    num = match.group("snum")
    return (
        re.fullmatch(r"(?:19|20)\d\d", num) is not None
        and not match.group("sscale")
        and _IN_YEAR.search(text, max(0, match.start() - 20), match.start()) is not None
    )


_WEIGHT_CUE = re.compile(r"(?i)\b(?:" + _words("weight_cues") + ")")


def _is_weight(text: str, match: re.Match[str], expression: CurrencyExpression) -> bool:
    """ "twenty-pound bag", "5,000 pounds of cocaine": pounds of weight, not money."""
    if expression.family != "pound" or expression.currency is not None:
        return False
    after = text[match.end() : match.end() + 12]
    if re.match(r"\s+of\b", after):
        return True
    if _WEIGHT_CUE.search(text, max(0, match.start() - 40), match.start()):
        return True  # "it weighs no more than 2,000.45 pounds"
    between = text[match.start("snum") : match.start("scur")]
    return "-" in between[-2:]


def _resolve(
    family: str | None,
    currency: str | None,
    start: int,
    explicit: list[tuple[int, str, str]],
    home: _Home,
) -> tuple[str | None, bool]:
    """(ISO code, guessed?) of a mention whose expression gives ``currency``/``family``."""
    if currency is not None:
        return currency, False
    if family is None:
        return None, True
    before = [c for pos, fam, c in explicit if fam == family and 0 <= pos < start]
    if before:
        return before[-1], True
    after = [c for pos, fam, c in explicit if fam == family and pos > start]
    if after:
        return after[0], True
    context = [c for pos, fam, c in explicit if fam == family and pos < 0]
    if context:
        return context[0], True
    default, countries = FAMILIES[family]
    country = (home.country or "").upper()
    if country in countries and still_in_use(code_on(countries[country], home.day), home.day):
        return countries[country], True  # not the Irish pound for "pounds" in Ireland in 2005
    return default, True


class _Home(NamedTuple):
    """The article's home country (ISO alpha-3) and reference day."""

    country: str | None
    day: dt.date | None


def find_money(
    text: str,
    *,
    home_country: str | None = None,
    context_currencies: Iterable[str] = (),
    reference_date: str | dt.date | None = None,
) -> list[MoneyMention]:
    """Every money mention in ``text``, in order. A bare "$"/"dollars"/"¥" takes the nearest
    explicit currency of its family in ``text`` (before, then after), else one of
    ``context_currencies`` (ISO codes known from elsewhere), else the currency of
    ``home_country`` (ISO alpha-3), else the family default; it is then flagged ambiguous. With
    ``reference_date`` (the article's date) a currency named by a word or symbol gets the code
    valid on that day ("Turkish lira" in 1987 → TRL; rules/currency_validity.jsonl)."""
    home = _Home(home_country, as_day(reference_date))
    raws = _compounds(text, list(_raw_matches(text)))
    explicit = [(-1, CURRENCY_FAMILY[c], c) for c in context_currencies if c in CURRENCY_FAMILY]
    explicit += [
        (raw.start, raw.expression.family or "", raw.expression.currency or "")
        for raw in raws
        if raw.expression.currency is not None and raw.expression.family is not None
    ]
    mentions: list[MoneyMention] = []
    i = 0
    while i < len(raws):
        raw = raws[i]
        reading = _Reading(raw.start, raw.end)
        _join_next_amount(text, raws, i, reading)
        if reading.low is None:
            _take_left_number(text, raw, mentions, reading)
            if reading.low is None and reading.separate_first is None:
                _take_right_number(text, raws, i, reading)
        _append_reading(text, raw, reading, explicit, home, mentions)
        i += reading.consumed
    mentions += _elided(text, mentions, raws, explicit, home)
    mentions += _table_lines(text, mentions, explicit, home)
    mentions += _financial_amounts(text, mentions, explicit, home)
    mentions.sort(key=lambda m: m.start)
    return mentions


class _Reading:
    """What the amount at one raw match turns out to be: its span, a range's bounds, or a
    bare number before it that is an amount of its own; ``consumed`` raw matches."""

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.low: Number | None = None
        self.high: Number | None = None
        self.separate_first: tuple[int, int, Number] | None = None
        self.consumed = 1


def _join_next_amount(text: str, raws: list[_Raw], i: int, reading: _Reading) -> None:
    """ "$1 and $2 million", "$1.2 million to $23.5 million": two amounts joined into a
    range."""
    if i + 1 >= len(raws):
        return
    raw, nxt = raws[i], raws[i + 1]
    gap = text[raw.end : nxt.start]
    gap_unit = _PER_UNIT.match(gap)
    gap_rest = gap[gap_unit.end() :] if gap_unit else gap
    compatible = raw.expression.currency == nxt.expression.currency and (
        raw.expression.family == nxt.expression.family
    )
    if not (_JOIN.match(gap_rest) and compatible):
        return
    start = reading.start
    if _CHANGE_BEFORE.search(text, max(0, start - 30), start):
        return  # "rose 5 cents to 31 dlrs": the change, then the level
    lead_match = _LEAD_BEFORE.search(text, max(0, start - 12), start)
    is_and = gap_rest.strip().lower() == "and"
    if lead_match and lead_match.group(1).lower() in SEPARATE_LEADS:
        return  # "from $1 to $2": two amounts
    if not is_and or lead_match:
        first = raw.number
        if raw.scale == 1:
            first = _borrow_scale(first, nxt)
        reading.low, reading.high = first, nxt.number
        reading.end = nxt.end
        reading.consumed = 2


def _take_left_number(
    text: str, raw: _Raw, mentions: list[MoneyMention], reading: _Reading
) -> None:
    """ "5 to 10 mln dlrs", "between 5 and 10 mln dlrs": a bare number before the amount."""
    start = reading.start
    left = _LEFT_NUMBER.search(text, max(0, start - _WINDOW), start)
    if not left or not _left_is_free(left, mentions):
        return
    left_number = _number(left.group("num"), left.group("scale"), None)
    is_and = left.group("conn").strip().lower() == "and"
    lead = (left.group("lead") or "").lower()
    year_like = _YEAR_LIKE.fullmatch(left.group("num")) and not left.group("scale")
    if left_number is None or left_number.value is None or year_like:
        return
    first = left_number
    if not left.group("scale"):
        first = _borrow_scale(first, raw)
    first = _minor(first, raw.expression.divisor)
    if lead in SEPARATE_LEADS or (is_and and lead not in RANGE_LEADS):
        # "from 5 to 10 mln dlrs", "191.15 and 955.75 ringgit": two amounts.
        reading.separate_first = (left.start("num"), left.end("num"), first)
    else:
        reading.low, reading.high = first, raw.number
        reading.start = left.start("num")


def _take_right_number(text: str, raws: list[_Raw], i: int, reading: _Reading) -> None:
    """ "$5-6 billion", "$5 to 6 million": the currency is on the first number only."""
    raw = raws[i]
    start, end = reading.start, reading.end
    right = _RIGHT_NUMBER.match(text[end : end + _WINDOW])
    next_start = raws[i + 1].start if i + 1 < len(raws) else len(text)
    if not right or end + right.end() > next_start:
        return
    second = _number(right.group("num"), right.group("scale"), None)
    is_and = right.group("conn").strip().lower() == "and"
    lead_match = _LEAD_BEFORE.search(text, max(0, start - 12), start)
    lead = lead_match.group(1).lower() if lead_match else ""
    if _CHANGE_BEFORE.search(text, max(0, start - 30), start):
        return
    if (
        second is None
        or second.value is None
        or lead in SEPARATE_LEADS
        or (is_and and lead not in RANGE_LEADS)
    ):
        return
    second = _minor(second, raw.expression.divisor)
    first = raw.number
    if right.group("scale") and raw.scale == 1 and first.value is not None:
        factor = SCALES[right.group("scale").strip(" -").lower()]
        first = Number(*(v * factor for v in first if v is not None))
    if first.value is not None and second.value is not None and second.value >= first.value:
        reading.low, reading.high = first, second
        reading.end = end + right.end()


def _append_reading(
    text: str,
    raw: _Raw,
    reading: _Reading,
    explicit: list[tuple[int, str, str]],
    home: _Home,
    mentions: list[MoneyMention],
) -> None:
    """Appends the mentions of one reading: a separate first amount, then the range or the
    amount."""
    start, end = reading.start, reading.end
    per_unit_match = _PER_UNIT.match(text, end)
    per_unit = None
    if per_unit_match:
        per_unit = per_unit_match.group("any") or per_unit_match.group("listed")
    if reading.separate_first is not None:
        s0, e0, number = reading.separate_first
        mentions.append(
            _mention(text, s0, e0, number, "exact", raw, explicit, home, per_unit, written=False)
        )
    if reading.low is not None and reading.high is not None:
        mentions.append(
            _range_mention(
                text,
                start,
                end,
                reading.low,
                reading.high,
                raw,
                explicit,
                home,
                per_unit,
            )
        )
    else:
        qualifier = _qualifier(text, start, end, per_unit_match)
        mentions.append(
            _mention(text, start, end, raw.number, qualifier, raw, explicit, home, per_unit)
        )


_CORE_NUMBER = re.compile(rf"(?<![\w.,/])(?P<num>{_DIGITS})(?P<scale>{_SCALE})?(?![\w/]|[.,]\d)")
_ANY_CURRENCY = re.compile(rf"(?<![A-Za-z])(?:{_PREFIX}|{_SUFFIX})(?![A-Za-z])")


def money_from_entity(
    text: str, start: int, end: int, *, sentence_start: int, mentions: list[MoneyMention]
) -> MoneyMention | None:
    """A money entity found by a tagger without a currency of its own ("from 2.02 billion a
    year earlier", "and about 26 billion in late March"): money in the currency of the last
    amount earlier in the same sentence, or None."""
    span = text[start:end]
    if _ANY_CURRENCY.search(span):
        return None  # it names a currency: find_money already decided about it
    cores = list(_CORE_NUMBER.finditer(span))
    if len(cores) != 1:
        return None
    core = cores[0]
    if _YEAR_LIKE.fullmatch(core.group("num")) and not core.group("scale"):
        return None
    antecedents = [m for m in mentions if sentence_start <= m.start and m.end <= start]
    if not antecedents:
        return None
    antecedent = antecedents[-1].money
    number = _number(core.group("num"), core.group("scale"), None)
    if number is None or number.value is None:
        return None
    num_start = start + core.start()
    num_end = start + core.end()
    qualifier = qualifier_before(text, num_start) or "exact"
    value, low, high = apply_qualifier(number, qualifier)
    money = Money(
        decimal_text(value),
        decimal_text(low),
        decimal_text(high),
        qualifier,
        antecedent.currency,
        None,
        antecedent.currency_ambiguous,
        None,
    )
    return MoneyMention(num_start, num_end, text[num_start:num_end], money)


def _elided(
    text: str,
    mentions: list[MoneyMention],
    raws: list[_Raw],
    explicit: list[tuple[int, str, str]],
    home: _Home,
) -> list[MoneyMention]:
    """ "64.06 ringgit per tonne from 40.96", "1.19 dlrs vs 1.05": the second amount's currency
    is the first's."""
    found: list[MoneyMention] = []
    taken = [(m.start, m.end) for m in mentions]
    raw_at = {raw.start: raw for raw in raws}
    for mention in mentions:
        end = mention.end
        unit = _PER_UNIT.match(text, end)
        match = _ELIDED.match(text, unit.end() if unit else end)
        if not match or mention.money.qualifier == "range":
            continue
        start_num, end_num = match.start("num"), match.end("num") + len(match.group("scale") or "")
        if any(s < end_num and start_num < e for s, e in taken):
            continue
        number = _number(match.group("num"), match.group("scale"), None)
        raw = _raw_covering(mention, raw_at)
        if number is None or raw is None:
            continue
        if not match.group("scale") and raw.scale > 1:
            number = _borrow_scale(number, raw)
        number = _minor(number, raw.expression.divisor)
        found.append(
            _mention(
                text,
                start_num,
                end_num,
                number,
                "exact",
                raw,
                explicit,
                home,
                mention.money.per_unit,
                written=False,
            )
        )
    return found


def _raw_covering(mention: MoneyMention, raw_at: dict[int, _Raw]) -> _Raw | None:
    for start, raw in raw_at.items():
        if mention.start <= start < mention.end:
            return raw
    return None


def _table_lines(
    text: str,
    mentions: list[MoneyMention],
    explicit: list[tuple[int, str, str]],
    home: _Home,
) -> list[MoneyMention]:
    """Earnings-table lines ("Net 102,508 vs 264,910", "Revs 18.8 mln vs 15.8 mln"): amounts in
    the article's currency (its money mentions, else its home country's dollar)."""
    found: list[MoneyMention] = []
    taken = [(m.start, m.end) for m in mentions]
    for line in _TABLE_LINE.finditer(text):
        for group in ("a", "b"):
            if line.group(group) is None:
                continue
            start = line.start(group)
            end = line.end(group) + len(line.group(group + "scale") or "")
            mention = _contextual_mention(
                text,
                start,
                end,
                line.group(group),
                line.group(group + "scale"),
                taken,
                mentions,
                explicit,
                home,
            )
            if mention is not None:
                found.append(mention)
    return found


def _financial_amounts(
    text: str,
    mentions: list[MoneyMention],
    explicit: list[tuple[int, str, str]],
    home: _Home,
) -> list[MoneyMention]:
    """ "excludes loss 12.9 mln for discontinued operations", "a gain of 98.7 mln": a scaled
    number right after a financial word, in an article that states its currency elsewhere."""
    if not mentions:
        return []
    found: list[MoneyMention] = []
    taken = [(m.start, m.end) for m in mentions]
    for match in _FINANCIAL_AMOUNT.finditer(text):
        mention = _contextual_mention(
            text,
            match.start("num"),
            match.end("scale"),
            match.group("num"),
            match.group("scale"),
            taken,
            mentions,
            explicit,
            home,
        )
        if mention is not None:
            found.append(mention)
    return found


def _contextual_mention(
    text: str,
    start: int,
    end: int,
    digits: str,
    scale: str | None,
    taken: list[tuple[int, int]],
    mentions: list[MoneyMention],
    explicit: list[tuple[int, str, str]],
    home: _Home,
) -> MoneyMention | None:
    """An exact amount whose currency comes from the article's context, so it is flagged
    ambiguous; None where another mention holds the span or the number does not parse."""
    if any(s < end and start < e for s, e in taken):
        return None
    number = _number(digits, scale, None)
    if number is None:
        return None
    currency = _table_currency(start, mentions, explicit, home)
    value, low, high = apply_qualifier(number, "exact")
    money = Money(
        decimal_text(value),
        decimal_text(low),
        decimal_text(high),
        "exact",
        currency,
        None,
        True,
        None,
    )
    return MoneyMention(start, end, text[start:end], money)


def _table_currency(
    start: int,
    mentions: list[MoneyMention],
    explicit: list[tuple[int, str, str]],
    home: _Home,
) -> str | None:
    before = [m for m in mentions if m.start < start and m.money.currency]
    if before:
        return before[-1].money.currency
    after = [m for m in mentions if m.start > start and m.money.currency]
    if after:
        return after[0].money.currency
    currency = _resolve("dollar", None, start, explicit, home)[0]
    return None if currency is None else code_on(currency, home.day)


def _left_is_free(left: re.Match[str], mentions: list[MoneyMention]) -> bool:
    return not mentions or mentions[-1].end <= left.start("num")


def _borrow_scale(first: Number, second: _Raw) -> Number:
    """ "$1 and $2 million": a small first number takes the second's scale word."""
    if first.value is None or first.value >= 1000 or second.scale == 1:
        return first
    return Number(*(None if v is None else v * second.scale for v in first))


def _qualifier(text: str, start: int, end: int, per_unit: re.Match[str] | None) -> str:
    """The qualifier written around the amount; a bracketed conversion ("about $45m (£24m)")
    has its own (issue 15: it does not take the bound of the amount it converts)."""
    before = qualifier_before(text, start)
    if before:
        return before
    after = qualifier_after(text, per_unit.end() if per_unit else end)
    if after:
        return after
    return "exact"


def _mention(
    text: str,
    start: int,
    end: int,
    number: Number,
    qualifier: str,
    raw: _Raw,
    explicit: list[tuple[int, str, str]],
    home: _Home,
    per_unit: str | None,
    *,
    written: bool = True,
) -> MoneyMention:
    """``written`` is False when the currency is carried over from another amount ("from 5 to
    10 mln dlrs"): the mention then has no ``currency_text`` of its own."""
    currency, guessed = _resolve(
        raw.expression.family, raw.expression.currency, raw.start, explicit, home
    )
    if currency is not None and not raw.expression.is_code:
        currency = code_on(currency, home.day)
    if number.value is None:
        qualifier = "approx"
    value, low, high = apply_qualifier(number, qualifier)
    money = Money(
        decimal_text(value),
        decimal_text(low),
        decimal_text(high),
        qualifier,
        currency,
        raw.currency_text if written else None,
        guessed,
        per_unit,
    )
    return MoneyMention(start, end, text[start:end], money)


def _range_mention(
    text: str,
    start: int,
    end: int,
    low: Number,
    high: Number,
    raw: _Raw,
    explicit: list[tuple[int, str, str]],
    home: _Home,
    per_unit: str | None,
) -> MoneyMention:
    currency, guessed = _resolve(
        raw.expression.family, raw.expression.currency, raw.start, explicit, home
    )
    if currency is not None and not raw.expression.is_code:
        currency = code_on(currency, home.day)
    money = Money(
        None,
        decimal_text(low.low if low.value is None else low.value),
        decimal_text(high.high if high.value is None else high.value),
        "range",
        currency,
        raw.currency_text,
        guessed,
        per_unit,
    )
    return MoneyMention(start, end, text[start:end], money)


@lru_cache(maxsize=4096)
def parse_money(
    text: str,
    *,
    home_country: str | None = None,
    context_currency: str | None = None,
    reference_date: str | None = None,
) -> Money | None:
    """The money in one expression ("more than 19.654 billion yuan", "$1.13bn", "between $1 and
    $2 million"), or None. ``context_currency`` (ISO code seen nearby, e.g. "HKD") resolves a bare
    "$" of the same family before ``home_country`` does."""
    context = (context_currency,) if context_currency else ()
    mentions = find_money(
        text, home_country=home_country, context_currencies=context, reference_date=reference_date
    )
    if not mentions:
        return None
    return mentions[0].money


def amount_decimal(money: Money) -> Decimal | None:
    """The amount as a ``Decimal`` (None for ranges and vague amounts)."""
    return None if money.amount is None else normalize_decimal(Decimal(money.amount))
