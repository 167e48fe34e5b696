"""news_countries: GPE/NORP/LOC mentions → ISO 3166 (thin shell over normalize.countries)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components._guard import run_guarded
from extract.extensions import mention_id
from extract.normalize.countries import lookup_country


class CountryLinker:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "countries", self.name, self._rows)

    def _rows(self, doc: Doc) -> list[dict]:
        rows: list[dict] = []
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "NORP", "LOC"):
                continue
            country = lookup_country(ent.text)
            if country is None:
                continue
            rows.append(
                {
                    "mention_id": mention_id(doc, "countries", len(rows)),
                    "start_char": ent.start_char,
                    "end_char": ent.end_char,
                    "text": ent.text,
                    "iso2": country.iso2,
                    "iso3": country.iso3,
                    "country": country.name,
                    "mention_type": country.mention_type,
                    "former": country.former,
                }
            )
        return rows


@Language.factory("news_countries", assigns=["doc._.countries"], requires=["doc.ents"])
def make_country_linker(nlp: Language, name: str) -> CountryLinker:
    return CountryLinker(nlp, name)
