"""Lemmas on demand.

Our rules read the lemma of a few tokens per sentence (predicates, counted heads, auxiliaries),
yet spaCy's lemmatizer costs about 7% of pipeline time lemmatising every token. So the pipeline
runs with the lemmatizer disabled (extract/pipeline.py) and the components ask for lemmas here:
the model's own lemmatizer is called on just those tokens, with the same result it would have
written (it also keeps a lemma the attribute ruler set, as its ``overwrite=False`` does).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token
from spacy.vocab import Vocab

LEMMATIZER = "lemmatizer"

# Keyed by id(vocab): the lemmatizer holds its vocab, so the id cannot be reused while listed.
_LEMMATIZERS: dict[int, Callable[[Token], list[str]]] = {}


def register_lemmatizer(nlp: Language) -> None:
    """Let ``lemma_of`` reach ``nlp``'s lemmatizer, enabled or not (called by our factories)."""
    if LEMMATIZER in nlp.component_names:
        lemmatizer = nlp.get_pipe(LEMMATIZER)
        if isinstance(lemmatizer, Lemmatizer):
            _LEMMATIZERS[id(nlp.vocab)] = lemmatizer.lemmatize


def lemma_of(token: Token) -> str:
    """``token.lemma_``, computed now if the pipeline's lemmatizer did not run; lowercase form
    when the pipeline has no lemmatizer at all."""
    if token.lemma:
        return token.lemma_
    lemmatize = _lemmatizer_for(token.vocab)
    if lemmatize is None:
        return token.lower_
    found = lemmatize(token)[0]
    token.lemma_ = found
    return found


def _lemmatizer_for(vocab: Vocab) -> Callable[[Token], list[str]] | None:
    return _LEMMATIZERS.get(id(vocab))
