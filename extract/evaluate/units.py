"""Currency unit names in gold sets → ISO 4217 (data: ``rules/currency_units.json``)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, NamedTuple

import pycountry

from extract.normalize.rules_data import RulesError, load_rules_object

RULES_FILE = "currency_units.json"
_TOP_KEYS = {"description", "currencies", "subunits"}
_SUBUNIT_KEYS = {"currency", "fraction"}
_ISO_4217 = re.compile(r"^[A-Z]{3}$")


class CurrencyUnitsError(RulesError):
    pass


class CurrencyUnit(NamedTuple):
    """A unit name resolved: its ISO code (None when the name does not fix it) and the factor
    that turns an amount in this unit into an amount of the main currency."""

    currency: str | None
    factor: Decimal
    per_unit: str | None = None


def validate_units(data: Any) -> tuple[dict[str, str], dict[str, tuple[str | None, Decimal]]]:
    """The currencies and subunits of ``data``, or CurrencyUnitsError naming what is wrong."""
    if not isinstance(data, dict):
        raise CurrencyUnitsError(f"{RULES_FILE}: expected a JSON object")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise CurrencyUnitsError(f"{RULES_FILE}: unknown keys {sorted(unknown)}")
    currencies: dict[str, str] = {}
    for name, code in data.get("currencies", {}).items():
        if not isinstance(code, str) or not _ISO_4217.match(code):
            raise CurrencyUnitsError(
                f"{RULES_FILE}: '{name}' maps to {code!r}, not an ISO 4217 code"
            )
        currencies[name.casefold()] = code
    subunits: dict[str, tuple[str | None, Decimal]] = {}
    for name, spec in data.get("subunits", {}).items():
        if not isinstance(spec, dict) or set(spec) - _SUBUNIT_KEYS or "fraction" not in spec:
            raise CurrencyUnitsError(
                f"{RULES_FILE}: subunit '{name}' needs 'fraction' and may have 'currency' only"
            )
        code = spec.get("currency")
        if code is not None and (not isinstance(code, str) or not _ISO_4217.match(code)):
            raise CurrencyUnitsError(f"{RULES_FILE}: subunit '{name}' has currency {code!r}")
        try:
            fraction = Decimal(str(spec["fraction"]))
        except InvalidOperation:
            raise CurrencyUnitsError(
                f"{RULES_FILE}: subunit '{name}' has fraction {spec['fraction']!r}"
            ) from None
        subunits[name.casefold()] = (code, fraction)
    return currencies, subunits


@lru_cache(maxsize=1)
def _units() -> tuple[dict[str, str], dict[str, tuple[str | None, Decimal]]]:
    return validate_units(load_rules_object(RULES_FILE))


@lru_cache(maxsize=1024)
def currency_unit(name: str) -> CurrencyUnit | None:
    """The currency a unit name denotes ("pound sterling" → GBP, "dollar per hour" → USD per
    hour, "dime" → USD × 0.1), or None for a unit that is not money."""
    key = " ".join(name.casefold().split())
    head, _, per = key.partition(" per ")
    currencies, subunits = _units()
    per_unit = per or None
    if head in currencies:
        return CurrencyUnit(currencies[head], Decimal(1), per_unit)
    if head in subunits:
        code, fraction = subunits[head]
        return CurrencyUnit(code, fraction, per_unit)
    try:
        record = pycountry.currencies.lookup(head)
    except LookupError:
        return None
    return CurrencyUnit(record.alpha_3, Decimal(1), per_unit)
