"""Which date scopes a fact: each date of the piece ranked by how it relates to the fact's
clause, then chosen by ``extract.normalize.facts.choose_date``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from extract.components._lemma import lemma_of
from extract.components.facts.clauses import (
    NOUN_CLAUSE_DEPS,
    ancestor_verbs,
    clause_chain,
    conjoined_verbs,
    logical_arguments,
    modals,
    reported_clause,
)
from extract.components.facts.climb import Link
from extract.normalize.facts import DateCandidate, FactRules, choose_date, date_link_scope

if TYPE_CHECKING:
    from extract.components.facts.component import FactBuilder
    from extract.components.facts.index import DocIndex


def _modifies(token: Token, targets: set[int]) -> bool:
    """True when ``token`` is one of ``targets`` or a noun hanging directly from one ('dlrs a
    share': 'share' measures the amount)."""
    if token.i in targets:
        return True
    return token.dep_ in ("npadvmod", "appos") and token.head.i in targets


@dataclass(frozen=True)
class FactClause:
    """The fact's clause as the date rules see it."""

    order: dict[int, int]  # token index -> closeness rank: the core, then the arguments
    core_ids: set[int]
    governing: set[int]  # verbs governing the clause
    antecedents: list[Token]  # nouns a relative clause of the verb modifies
    verb_ids: set[int]  # the verb and the verbs it is conjoined to
    anchor_nouns: set[int]
    reported: Token | None  # the clause a reporting verb above reports
    other_times: set[int]  # conjoined verbs of another modality
    is_quantity: bool


def fact_clause(rules: FactRules, span: Span, link: Link, *, quantity: bool) -> FactClause:
    """Most specific first: the anchor's own noun phrase ('a 1986 loss of ...'), the verb,
    the verbs it is conjoined to, then its conjoined verbs ('killed ... and caused ...
    earlier this year'); then its arguments ('the May deficit was ... at 866 mln dlrs')."""
    verb = link.verb
    core: list[Token] = list(link.path)
    core.extend(link.extra_clause)
    arguments: list[Token] = []
    clause_verbs: list[Token] = []
    other_times: set[int] = set()
    if verb is not None:
        clause_verbs = clause_chain(verb)
        # A conjoined verb with other modality is another time ('is on schedule and
        # production will begin in 1988').
        for other in [*clause_verbs, *conjoined_verbs(verb)]:
            if modals(other) == modals(verb):
                core.append(other)
            else:
                other_times.add(other.i)
        arguments = [t for t in logical_arguments(verb) if t is not None]
    clause_order = {t.i: rank for rank, t in reversed(list(enumerate([*core, *arguments])))}
    top = verb if verb is not None else link.path[-1]
    return FactClause(
        order=clause_order,
        core_ids={t.i for t in core},
        governing=ancestor_verbs(
            top, set(clause_order), rules.reporting_verbs, rules.temporal_conjunctions
        ),
        antecedents=[v.head for v in clause_verbs if v.dep_ == "relcl" and v.head.i != v.i],
        verb_ids={v.i for v in clause_verbs},
        anchor_nouns={t.i for t in link.path} | set(range(span.start, span.end)),
        reported=reported_clause(top, rules.reporting_verbs),
        other_times=other_times,
        is_quantity=quantity,
    )


def fact_date(builder: FactBuilder, span: Span, link: Link, *, quantity: bool) -> dict[str, Any]:
    """The date columns of a fact: the date that scopes it, if any."""
    index = builder.index
    rules = builder.rules
    piece = index.piece[span.start]
    clause = fact_clause(rules, span, link, quantity=quantity)
    segment = index.segment[(link.verb if link.verb is not None else span.root).i]
    candidates: list[tuple[int, DateCandidate]] = []
    anchor_tokens = range(span.start, span.end)
    for date_index in index.dates_in_piece.get(piece, []):
        date_span = index.spans["dates"][date_index]
        assert date_span is not None
        if date_span.start in anchor_tokens:
            continue
        attach = index.date_attach[date_index]
        kind = index.rows["dates"][date_index].get("kind") or "date"
        same_segment = index.segment[date_span.start] == segment
        date_verb = index.date_verb[date_index]
        rank, scope = date_scope(builder, date_span, attach, date_verb, clause)
        candidates.append((rank, DateCandidate(date_index, scope, same_segment, kind)))
    in_scope = [c for c in candidates if c[1].kind in rules.scope_date_kinds]
    if not in_scope and piece > 0:
        candidates.extend(_previous_dangling(index, piece))
        if not candidates and "previous_period" in builder.date_links:
            candidates.extend(previous_period(builder, piece, link))
    candidates.sort(key=lambda item: (item[0], item[1].date_index))
    choice = choose_date(
        [c for _, c in candidates],
        scope_kinds=rules.scope_date_kinds,
        enabled=builder.date_links,
    )
    if choice is None:
        return {
            "date_mention_id": None,
            "date_start": None,
            "date_end": None,
            "date_link": date_link_scope(None),
            "date_rule": None,
        }
    date_row = index.rows["dates"][choice.date_index]
    return {
        "date_mention_id": date_row["mention_id"],
        "date_start": date_row.get("start"),
        "date_end": date_row.get("end"),
        "date_link": date_link_scope(choice.link),
        "date_rule": choice.link,
    }


def _previous_dangling(index: DocIndex, piece: int) -> list[tuple[int, DateCandidate]]:
    """The dangling date closing the previous piece of the same paragraph, as a candidate."""
    first_token = index.piece_starts[piece]
    previous_token = index.piece_starts[piece - 1]
    if index.paragraph[first_token] != index.paragraph[previous_token]:
        return []
    dangling = index.dangling_date(piece - 1)
    if dangling is None:
        return []
    kind = index.rows["dates"][dangling].get("kind") or "date"
    return [(200, DateCandidate(dangling, "previous_dangling", False, kind))]


def is_past(verb: Token) -> bool:
    """A past-tense clause: a past verb ('rose') or a past auxiliary ('was recovered')."""
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def previous_period(
    builder: FactBuilder, piece: int, link: Link
) -> list[tuple[int, DateCandidate]]:
    """The period the previous sentence set, when this sentence continues it ('In 1986 the
    group earned X. Sales rose to Y.': Y is 1986 too). The sentence has no date mention at all
    and does not open with a time shift ('Meanwhile', 'Now'); both clauses are past with no
    modal; the previous sentence has one dated mention, a period (``period_grains``) that is
    fronted or on its main verb, and not on a reporting verb."""
    index, rules, verb = builder.index, builder.rules, link.verb
    if verb is None or modals(verb) or not is_past(verb):
        return []
    start = index.piece_starts[piece]
    end = index.piece_starts[piece + 1] if piece + 1 < len(index.piece_starts) else len(index.doc)
    if any(index.owner["dates"][i] >= 0 for i in range(start, end)):
        return []
    if index.doc[start].lower_ in rules.context_breakers:
        return []
    dates = index.dates_in_piece.get(piece - 1, [])
    if len(dates) != 1:
        return []
    [date_index] = dates
    row = index.rows["dates"][date_index]
    date_span = index.spans["dates"][date_index]
    attach, date_verb = index.date_attach[date_index], index.date_verb[date_index]
    if date_span is None or row.get("kind") not in rules.scope_date_kinds:
        return []
    if row.get("grain") not in rules.period_grains or date_verb is None:
        return []
    fronted = date_span.start - index.piece_starts[piece - 1] <= 2
    on_main_verb = attach is not None and attach.dep_ == "ROOT"
    if not (fronted or on_main_verb) or modals(date_verb) or not is_past(date_verb):
        return []
    if lemma_of(date_verb).lower() in rules.reporting_verbs:
        return []
    kind = row.get("kind") or "date"
    return [(210, DateCandidate(date_index, "previous_period", False, kind))]


def date_scope(
    builder: FactBuilder,
    date_span: Span,
    attach: Token | None,
    date_verb: Token | None,
    clause: FactClause,
) -> tuple[int, str]:
    """How one date relates to the fact's clause (a ``DateCandidate`` scope), with its
    closeness rank."""
    rules = builder.rules
    if attach is not None and attach.i in clause.order:
        rank = clause.order[attach.i]
        return rank, "clause" if attach.i in clause.core_ids else "argument"
    if attach is not None and attach.i not in clause.anchor_nouns and in_quantity(builder, attach):
        # 'rose to 221.0 mln dlrs from 199.5 mln dlrs a year before': the other amount's.
        return 100, "other_quantity"
    if date_verb is not None and date_verb.i in clause.order:
        return 50 + clause.order[date_verb.i], "argument"
    for antecedent in clause.antecedents:
        # 'the March 5 quake which cost ...'; 'on March 23, the same day that ...'.
        on_antecedent = attach is not None and attach.i == antecedent.i
        is_antecedent = date_span.start <= antecedent.i < date_span.end or (
            antecedent.dep_ == "appos" and date_span.start <= antecedent.head.i < date_span.end
        )
        if on_antecedent or is_antecedent:
            return 60, "relative"
    if (
        date_verb is not None
        and date_verb.dep_ == "advcl"
        and date_verb.head.i in clause.verb_ids
        and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in rules.temporal_conjunctions
            for c in date_verb.children
        )
    ):
        return 70, "temporal"
    if attach is not None and attach.i in clause.governing:
        return 99, "governing"
    if date_verb is not None and date_verb.dep_ in NOUN_CLAUSE_DEPS:
        if (
            clause.is_quantity
            and date_verb.dep_ == "acl"
            and _modifies(date_verb.head, clause.anchor_nouns)
        ):
            return 80, "participle"  # '12.32 dlrs a share earned last year'
        return 100, "noun_clause"
    if date_verb is not None and lemma_of(date_verb).lower() in rules.reporting_verbs:
        return 100, "reported"
    if date_verb is not None and date_verb.i in clause.other_times:
        return 100, "other_time"
    if (
        clause.reported is not None
        and clause.reported.i != date_span.root.i
        and all(a.i != clause.reported.i for a in date_span.root.ancestors)
    ):
        return 100, "reported"  # 'Yesterday X resigned and said he would plead ...'
    return 100, "sentence"


def in_quantity(builder: FactBuilder, token: Token) -> bool:
    owner = builder.index.owner
    return owner["counts"][token.i] >= 0 or owner["money"][token.i] >= 0
