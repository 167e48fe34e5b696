"""Organisation cues on hand-built Docs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.persons.organisations import org_context, organisation_texts


def test_organisations_legal_form_and_short_name(blank_nlp: Language) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=["Pirelli", "SpA", "said"],
        ents=["B-ORG", "I-ORG", "O"],
    )
    ents = tuple(doc.ents)
    assert organisation_texts(doc, ents, [], frozenset(), frozenset()) == frozenset(
        {"pirelli spa", "pirelli"}
    )


def test_organisations_protected_surname_is_kept(blank_nlp: Language) -> None:
    doc = Doc(blank_nlp.vocab, words=["Pirelli", "SpA", "said"], ents=["B-ORG", "I-ORG", "O"])
    ents = tuple(doc.ents)
    found = organisation_texts(doc, ents, [], frozenset(), frozenset({"pirelli"}))
    assert found == frozenset({"pirelli spa"})


def test_organisations_cue_noun_before_a_name(blank_nlp: Language) -> None:
    words = ["the", "newspaper", "Nhan", "Dan", "said"]
    doc = Doc(
        blank_nlp.vocab,
        words=words,
        pos=["DET", "NOUN", "PROPN", "PROPN", "VERB"],
        tags=["DT", "NN", "NNP", "NNP", "VBD"],
        lemmas=["the", "newspaper", "Nhan", "Dan", "say"],
    )
    assert org_context(doc, doc[2:4], frozenset()) is True


def test_organisations_no_cue_for_a_plain_subject(blank_nlp: Language) -> None:
    words = ["Yesterday", "John", "Smith", "left"]
    doc = Doc(blank_nlp.vocab, words=words, pos=["NOUN", "PROPN", "PROPN", "VERB"])
    assert org_context(doc, doc[1:3], frozenset()) is False
