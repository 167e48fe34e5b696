"""news_facts: links quantities and person events to predicates, places and dates."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components._guard import run_guarded


class FactLinker:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "facts", self.name, lambda d: [])


@Language.factory(
    "news_facts",
    assigns=["doc._.facts"],
    requires=["doc._.persons", "doc._.countries", "doc._.dates", "doc._.counts", "doc._.money"],
)
def make_fact_linker(nlp: Language, name: str) -> FactLinker:
    return FactLinker(nlp, name)
