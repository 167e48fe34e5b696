"""news_persons: PERSON mentions → canonical name, title and key (shell over normalize.persons)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components._guard import run_guarded
from extract.extensions import mention_id
from extract.normalize.persons import person_key


class PersonNormalizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "persons", self.name, self._rows)

    def _rows(self, doc: Doc) -> list[dict]:
        rows: list[dict] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            rows.append(
                {
                    "mention_id": mention_id(doc, "persons", len(rows)),
                    "start_char": ent.start_char,
                    "end_char": ent.end_char,
                    "text": ent.text,
                    "name": ent.text,
                    "surface_name": ent.text,
                    "title": None,
                    "person_key": person_key(ent.text),
                }
            )
        return rows


@Language.factory("news_persons", assigns=["doc._.persons"], requires=["doc.ents"])
def make_person_normalizer(nlp: Language, name: str) -> PersonNormalizer:
    return PersonNormalizer(nlp, name)
