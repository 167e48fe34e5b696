"""Country names, aliases and demonyms → ISO 3166."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import pycountry


class Country(NamedTuple):
    iso2: str
    iso3: str
    name: str
    mention_type: str
    former: bool = False


@lru_cache(maxsize=8192)
def lookup_country(text: str) -> Country | None:
    """The country ``text`` names, or None."""
    name = text.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    try:
        record = pycountry.countries.lookup(name)
    except LookupError:
        return None
    return Country(record.alpha_2, record.alpha_3, record.name, "name")
