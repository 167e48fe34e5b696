"""IndexedAttributeRuler against spaCy's AttributeRuler: the same attributes on every token."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from extract.components.attribute_ruler import IndexedAttributeRuler, index_attribute_ruler

COLUMNS = [POS, TAG, LEMMA, MORPH, DEP, HEAD]


def _both(vocab, patterns: list[dict]) -> tuple[AttributeRuler, IndexedAttributeRuler]:
    stock, indexed = AttributeRuler(vocab), IndexedAttributeRuler(vocab)
    stock.add_patterns(patterns)
    indexed.add_patterns(patterns)
    return stock, indexed


def _applied(ruler, doc: Doc) -> Doc:
    return ruler(Doc(doc.vocab).from_bytes(doc.to_bytes()))


def _attributes(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in doc]


def _tagged(blank_nlp: Language, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    return Doc(blank_nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


HAND_MADE = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    # a later rule wins, attribute by attribute: POS changes, MORPH stays
    {"patterns": [[{"LOWER": "bank", "TAG": "NN"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBN"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": {"REGEX": "^fl[eo]d$"}}]], "attrs": {"LEMMA": "flee"}},
    {
        "patterns": [[{"TAG": {"NOT_IN": ["NN", "VBD", "VBN"]}, "DEP": "det"}]],
        "attrs": {"POS": "DET"},
    },
    # two tokens, target the second; then the last token of a two-token match
    {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "BANK"}, "index": 1},
    {
        "patterns": [[{"LOWER": "money"}, {"LOWER": "fled"}]],
        "attrs": {"MORPH": "Tense=Past"},
        "index": -1,
    },
    # an operator: this one goes through spaCy's Matcher and must still keep its place in order
    {
        "patterns": [[{"TAG": "NN", "OP": "+"}, {"LOWER": "fled"}]],
        "attrs": {"POS": "AUX"},
        "index": -1,
    },
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
]


def test_attribute_ruler_hand_made_rules_as_spacy(blank_nlp: Language) -> None:
    stock, indexed = _both(blank_nlp.vocab, HAND_MADE)
    doc = _tagged(
        blank_nlp,
        ["the", "bank", "money", "fled", "abroad", "and", "\n", "was", "moved"],
        ["DT", "NN", "NN", "VBD", "RB", "CC", "", "VBD", "VBN"],
        ["det", "nsubj", "compound", "ROOT", "advmod", "cc", "", "auxpass", "conj"],
    )
    expected, got = _applied(stock, doc), _applied(indexed, doc)
    assert _attributes(got) == _attributes(expected)
    assert (got.to_array(COLUMNS) == expected.to_array(COLUMNS)).all()
    assert _attributes(got) == [
        ("the", "DET", "DT", "", ""),
        ("bank", "PROPN", "NN", "BANK", "Number=Sing"),
        ("money", "NOUN", "NN", "", "Number=Sing"),
        ("fled", "AUX", "VBD", "flee", "Tense=Past"),
        ("abroad", "", "RB", "", ""),
        ("and", "", "CC", "", ""),
        ("\n", "SPACE", "_SP", "", ""),
        ("was", "VERB", "VBD", "", ""),
        ("moved", "VERB", "VBN", "", ""),
    ]


def test_attribute_ruler_index_outside_the_match_is_spacys_error(blank_nlp: Language) -> None:
    patterns = [{"patterns": [[{"LOWER": "bank"}]], "attrs": {"POS": "NOUN"}, "index": 2}]
    stock, indexed = _both(blank_nlp.vocab, patterns)
    doc = _tagged(blank_nlp, ["bank"], ["NN"], ["ROOT"])
    with pytest.raises(ValueError, match="E1001"):
        _applied(stock, doc)
    with pytest.raises(ValueError, match="E1001"):
        _applied(indexed, doc)


def test_attribute_ruler_rules_added_after_use_apply(blank_nlp: Language) -> None:
    _, indexed = _both(blank_nlp.vocab, HAND_MADE[:1])
    doc = _tagged(blank_nlp, ["bank"], ["NN"], ["ROOT"])
    assert _applied(indexed, doc)[0].pos_ == "NOUN"
    indexed.add([[{"LOWER": "bank"}]], {"POS": "PROPN"})
    assert _applied(indexed, doc)[0].pos_ == "PROPN"
    indexed.clear()
    assert _applied(indexed, doc)[0].pos_ == ""


def test_attribute_ruler_round_trips_through_bytes(blank_nlp: Language) -> None:
    _, indexed = _both(blank_nlp.vocab, HAND_MADE)
    reloaded = IndexedAttributeRuler(blank_nlp.vocab).from_bytes(indexed.to_bytes())
    assert reloaded.patterns == indexed.patterns


# Sentences for the model's own rules, rare ones included: contractions, "ai n't", "gon na",
# "let 's", "y' all", "nothin'", expletive "there", object pronouns, auxiliaries, space tokens.
MODEL_TEXTS = [
    "Police said 7,831 people who had fled abroad were returned; the money wasn't.",
    "We ain't gonna do nothin' about it, y'all, so let's go. C'mon!",
    "There are more than 120 countries. There's a deal and it's done, isn't it?",
    "She told you and me to give it to them; I'd have said that if I'd known.",
    "Do you think he does? He did, but they have had doubts  \n\n and   did not.",
    "Whether or not the bank agrees, that is what he wants because it is cheap.",
]


@pytest.mark.slow
def test_attribute_ruler_model_rules_as_spacy(nlp: Language) -> None:
    indexed = nlp.get_pipe("attribute_ruler")
    assert isinstance(indexed, IndexedAttributeRuler)
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns(indexed.patterns)
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe(MODEL_TEXTS))
    for doc in docs:
        expected, got = _applied(stock, doc), _applied(indexed, doc)
        assert _attributes(got) == _attributes(expected)
        assert (got.to_array(COLUMNS) == expected.to_array(COLUMNS)).all()
    slang = {t.text: (t.pos_, t.lemma_) for t in _applied(indexed, docs[1])}
    assert slang["ai"][1] == "be"
    assert slang["gon"][1] == "go"
    assert slang["na"][1] == "to"
    assert slang["n't"] == ("PART", "not")
    assert slang["nothin'"][1] == "nothing"


def test_attribute_ruler_index_swaps_only_spacys_ruler(blank_nlp: Language) -> None:
    nlp = Language(blank_nlp.vocab)
    stock = nlp.add_pipe("attribute_ruler")
    stock.add_patterns(HAND_MADE)
    index_attribute_ruler(nlp)
    swapped = nlp.get_pipe("attribute_ruler")
    assert type(swapped) is IndexedAttributeRuler
    assert swapped.patterns == stock.patterns
    index_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is swapped
