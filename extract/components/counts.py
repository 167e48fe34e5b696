"""news_counts: numbers with the thing they count (shell over normalize.counts)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components._guard import run_guarded
from extract.extensions import mention_id
from extract.normalize.counts import parse_count


class CountExtractor:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "counts", self.name, self._rows)

    def _rows(self, doc: Doc) -> list[dict]:
        rows: list[dict] = []
        for ent in doc.ents:
            if ent.label_ != "CARDINAL":
                continue
            head = ent.root.head
            if ent.root.dep_ != "nummod" or head.pos_ not in ("NOUN", "PROPN"):
                continue
            count = parse_count(ent.text)
            if count is None:
                continue
            rows.append(
                {
                    "mention_id": mention_id(doc, "counts", len(rows)),
                    "start_char": ent.start_char,
                    "end_char": head.idx + len(head),
                    "text": doc.text[ent.start_char : head.idx + len(head)],
                    **count._asdict(),
                    "object": head.text,
                    "object_lemma": head.lemma_,
                }
            )
        return rows


@Language.factory("news_counts", assigns=["doc._.counts"], requires=["doc.ents", "token.dep"])
def make_count_extractor(nlp: Language, name: str) -> CountExtractor:
    return CountExtractor(nlp, name)
