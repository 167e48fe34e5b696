"""Language codes: metadata values and detector labels → ISO 639-1 (pure, no spaCy)."""

from __future__ import annotations

import functools
import re
from typing import Any

import pycountry

from extract.normalize.rules_data import RulesError, load_rules_object

_SUBTAG = re.compile(r"[-_\s]")


@functools.cache
def _rules() -> tuple[dict[str, str], frozenset[str]]:
    data: dict[str, Any] = load_rules_object("languages.json")
    folds, none = data.get("macrolanguages", {}), data.get("no_language", [])
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in folds.items()):
        raise RulesError("languages.json: macrolanguages maps codes to codes")
    if not all(isinstance(code, str) for code in none):
        raise RulesError("languages.json: no_language is a list of codes")
    return folds, frozenset(none)


@functools.lru_cache(maxsize=4096)
def language_code(value: str) -> str | None:
    """ISO 639-1 code of a language tag, code or English name ('en', 'EN-us', 'en_GB', 'eng',
    'English' → 'en'); the ISO 639-3 code for a language without one ('haw'); None for
    values that name no language ('und', 'zxx', 'xx', '')."""
    primary = _SUBTAG.split(value.strip().lower(), maxsplit=1)[0]
    folds, no_language = _rules()
    if not primary or primary in no_language:
        return None
    if primary in folds:
        return folds[primary]
    found = None
    if len(primary) == 2:
        found = pycountry.languages.get(alpha_2=primary)
    elif len(primary) == 3:
        found = pycountry.languages.get(alpha_3=primary) or pycountry.languages.get(
            bibliographic=primary
        )
    else:
        try:
            found = pycountry.languages.lookup(value.strip())
        except LookupError:
            found = None
    if found is None:
        return None
    return getattr(found, "alpha_2", None) or folds.get(found.alpha_3, found.alpha_3)
