"""extract.syntax on hand-built parses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.syntax import is_passive, is_verb, verb_above


def test_syntax_verb_above_and_voice(blank_nlp: Language) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=["Money", "was", "recovered", "from", "abroad"],
        pos=["NOUN", "AUX", "VERB", "ADP", "ADV"],
        deps=["nsubjpass", "auxpass", "ROOT", "prep", "pobj"],
        heads=[2, 2, 2, 2, 3],
    )
    assert is_verb(doc[1]) and is_verb(doc[2]) and not is_verb(doc[0])
    verb = verb_above(doc[4])
    assert verb is not None and verb.i == 2
    assert is_passive(doc[2]) is True
    assert verb_above(None) is None


def test_syntax_verb_above_climbs_through_transparent_participles(blank_nlp: Language) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=["farms", "known", "as", "zones"],
        pos=["NOUN", "VERB", "ADP", "NOUN"],
        tags=["NNS", "VBN", "IN", "NNS"],
        deps=["ROOT", "acl", "prep", "pobj"],
        heads=[0, 0, 1, 2],
    )
    found = verb_above(doc[3])
    assert found is not None and found.i == 1
    assert verb_above(doc[3], frozenset({"known"})) is None
