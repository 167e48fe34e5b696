"""Everything the linker looks up, built once per Doc: the mention lists and which token
belongs to which mention, sentences, pieces, segments and paragraphs, where each date hangs."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from spacy.attrs import HEAD, IS_SPACE, ORTH, POS, SENT_START
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from extract.components._lemma import lemma_of
from extract.extensions import doc_text, mentions
from extract.normalize.facts import (
    FactRules,
)
from extract.syntax import MAX_CLIMB, verb_above

_VERB_POS_ID, _AUX_POS_ID = POS_IDS["VERB"], POS_IDS["AUX"]
# Where the climb from a date stops: the first word that is not glue between it and a head.
_GLUE_POS = frozenset({"ADP", "SCONJ", "PART", "CCONJ", "PUNCT", "DET"})
_TABLES = ("persons", "countries", "dates", "counts", "money")


class DocIndex:
    """Everything the linker looks up, built once per Doc in linear time."""

    def __init__(self, doc: Doc, rules: FactRules) -> None:
        self.doc = doc
        self.rules = rules
        self.rows: dict[str, list[dict]] = {table: mentions(doc, table) for table in _TABLES}
        n = len(doc)
        self.owner: dict[str, list[int]] = {table: [-1] * n for table in _TABLES}
        self.spans: dict[str, list[Span | None]] = {}
        for table in _TABLES:
            spans: list[Span | None] = []
            owner = self.owner[table]
            for index, row in enumerate(self.rows[table]):
                span = doc.char_span(row["start_char"], row["end_char"], alignment_mode="expand")
                spans.append(span)
                if span is None:
                    continue
                for i in range(span.start, span.end):
                    if owner[i] < 0:
                        owner[i] = index
            self.spans[table] = spans
        # Pieces are sentences cut again at line breaks (a headline glued to the next line);
        # segments are pieces cut at ';'. Paragraphs end at line breaks.
        layout = token_layout(doc)
        self.sentence = layout.sentence
        self.piece = layout.piece
        self.segment = layout.segment
        self.paragraph = layout.paragraph
        self.piece_starts = layout.piece_starts
        self.sentence_starts = layout.sentence_starts
        self.segment_has_verb = layout.segment_has_verb
        self.dates_in_piece: dict[int, list[int]] = {}
        self.date_attach: list[Token | None] = []
        self.date_verb: list[Token | None] = []
        for index, span in enumerate(self.spans["dates"]):
            attach = self._attach_of(span) if span is not None else None
            self.date_attach.append(attach)
            self.date_verb.append(verb_above(attach, rules.naming_participles))
            row = self.rows["dates"][index]
            # A date without a value ('now', 'Monday' with no reference date) scopes nothing.
            if (
                span is not None
                and (row.get("start") or row.get("end"))
                and not _cut_short(span, row)
                and not (
                    attach is not None and lemma_of(attach).lower() in rules.attribute_date_heads
                )
            ):
                self.dates_in_piece.setdefault(self.piece[span.start], []).append(index)
        self._chunks: dict[int, dict[int, str]] = {}  # noun chunk texts by sentence
        self._doc_chunks: dict[int, str] | None = None
        self._parse_in_sentences: bool | None = None
        self._dangling: dict[int, int | None] = {}

    # --- parse helpers -------------------------------------------------------------------

    def _attach_of(self, span: Span) -> Token | None:
        """The word a date hangs from: the first head above it that is not a preposition,
        conjunction or punctuation ('On April 28' → the verb it modifies)."""
        token = span.root
        for _ in range(MAX_CLIMB):
            head = token.head
            if head.i == token.i:
                return None
            token = head
            if span.start <= token.i < span.end or token.pos_ in _GLUE_POS:
                continue
            return token
        return None

    def mention_at(self, table: str, token: Token) -> int:
        return self.owner[table][token.i]

    def phrase(self, token: Token) -> tuple[str, str | None, str | None]:
        """An argument as written, with its person_key or iso3 when it is a mention."""
        for table in ("persons", "countries", "counts", "money"):
            index = self.owner[table][token.i]
            if index >= 0:
                row = self.rows[table][index]
                return (
                    row["text"],
                    row.get("person_key") if table == "persons" else None,
                    row.get("iso3") if table == "countries" else None,
                )
        chunk = self._sentence_chunks(self.sentence[token.i]).get(token.i)
        return (chunk if chunk is not None else token.text), None, None

    def _sentence_chunks(self, sentence: int) -> dict[int, str]:
        """Text of each noun chunk of ``sentence`` by its root token: ``doc.noun_chunks`` of
        the whole Doc costs a Token per word, and few sentences need one."""
        chunks = self._chunks.get(sentence)
        if chunks is not None:
            return chunks
        doc = self.doc
        if self._parse_in_sentences is None:
            # The chunks of one sentence are those of the Doc only when no arc leaves a
            # sentence (a chunk is a root's left edge through the root).
            heads = doc.to_array([HEAD]).astype(np.int64).ravel() + np.arange(len(doc))
            sentence_of = np.asarray(self.sentence)
            self._parse_in_sentences = bool((sentence_of[heads] == sentence_of).all())
        # Doc.noun_chunks' own iterator (the language's syntax iterator), run on one sentence.
        iterator = getattr(doc, "noun_chunks_iterator", None)
        if not self._parse_in_sentences or iterator is None:
            if self._doc_chunks is None:
                self._doc_chunks = {chunk.root.i: chunk.text for chunk in doc.noun_chunks}
            chunks = self._doc_chunks
        else:
            start = self.sentence_starts[sentence]
            following = sentence + 1
            end = (
                self.sentence_starts[following]
                if following < len(self.sentence_starts)
                else len(doc)
            )
            chunks = {}
            text = doc_text(doc)
            for chunk_start, chunk_end, _ in iterator(doc[start:end]):
                chunk = doc[chunk_start:chunk_end]
                chunks[chunk.root.i] = text[chunk.start_char : chunk.end_char]  # chunk.text
        self._chunks[sentence] = chunks
        return chunks

    def _date_spans(self, dates: list[int]) -> list[Span]:
        return [span for span in (self.spans["dates"][d] for d in dates) if span is not None]

    def dangling_date(self, piece: int) -> int | None:
        """A single date closing ``piece`` in a ';'-segment without a verb: the start of a
        clause the sentence splitter cut off ('...; on May 31, "Hongtong staff", ...')."""
        if piece not in self._dangling:
            found: int | None = None
            dates = self.dates_in_piece.get(piece, [])
            segments = [self.segment[span.start] for span in self._date_spans(dates)]
            last = segments[-1] if segments else -1
            if last >= 0 and not self.segment_has_verb[last] and segments.count(last) == 1:
                found = dates[-1]
            self._dangling[piece] = found
        return self._dangling[piece]


class Layout(NamedTuple):
    sentence: list[int]  # per token
    piece: list[int]  # per token
    segment: list[int]  # per token
    paragraph: list[int]  # per token
    piece_starts: list[int]  # token index of each piece's first token
    sentence_starts: list[int]  # token index of each sentence's first token
    segment_has_verb: list[bool]  # per segment


def token_layout(doc: Doc) -> Layout:
    """Sentence, piece, segment and paragraph of every token, from token attribute arrays (no
    Token objects and no per-token Python loop: this used to be most of the linker's cost).

    A sentence start or a line break starts a piece at the next token that is not a line break;
    each piece starts a segment and so does the token after a ';'; a line break token starts a
    paragraph."""
    n = len(doc)
    if n == 0:
        return Layout([], [], [], [], [], [], [])
    strings = doc.vocab.strings
    columns = doc.to_array([SENT_START, IS_SPACE, ORTH, POS])
    sent_start = columns[:, 0] == 1
    sent_start[0] = True
    orth = columns[:, 2]
    line_break = np.zeros(n, dtype=bool)
    for i in np.flatnonzero(columns[:, 1]).tolist():
        line_break[i] = "\n" in strings[int(orth[i])]
    after_break = np.zeros(n, dtype=bool)
    after_break[1:] = line_break[:-1]
    piece_start = ~line_break & (sent_start | after_break)
    semicolon = orth == strings[";"]
    after_semicolon = np.zeros(n, dtype=bool)
    after_semicolon[1:] = semicolon[:-1]
    pieces = np.cumsum(piece_start) - 1
    segments = pieces + np.cumsum(after_semicolon)
    segment_has_verb = np.zeros(int(piece_start.sum() + semicolon.sum()), dtype=bool)
    pos = columns[:, 3]
    verbs = ((pos == _VERB_POS_ID) | (pos == _AUX_POS_ID)) & (segments >= 0)
    segment_has_verb[segments[verbs]] = True
    return Layout(
        (np.cumsum(sent_start) - 1).tolist(),
        np.maximum(pieces, 0).tolist(),
        np.maximum(segments, 0).tolist(),
        np.cumsum(line_break).tolist(),
        np.flatnonzero(piece_start).tolist(),
        np.flatnonzero(sent_start).tolist(),
        segment_has_verb.tolist(),
    )


def _cut_short(span: Span, row: dict) -> bool:
    """A month date right before a number it did not take ('on May one', 'the March five
    quake'): the day was lost, so the value is not the date the text gives."""
    end = span.end
    return row.get("grain") == "month" and end < len(span.doc) and span.doc[end].like_num
