"""Change versus level: "dropped 45 cents to $23.10" is two facts of one event, a change
(-0.45) and a level (23.10), not a range; "rose 5 pct to 1.2 bln dlrs" is a change of +5
percent and a level of 1.2 bln dlrs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from extract.components._lemma import lemma_of
from extract.components.facts.climb import Link
from extract.normalize.facts import signed_change

if TYPE_CHECKING:
    from extract.components.facts.component import FactBuilder

_PERCENT_WORDS = frozenset({"pct", "percent", "per", "%", "percentage"})


def change_direction(builder: FactBuilder, verb: Token | None) -> str | None:
    """'up' or 'down' for a verb of change ('rose', 'dropped'), else None."""
    if verb is None:
        return None
    lemma = lemma_of(verb).lower()
    if lemma in builder.rules.rise_verbs:
        return "up"
    if lemma in builder.rules.fall_verbs:
        return "down"
    return None


def _range_split(span: Span) -> Token | None:
    """The 'to' of a range 'X to Y' that starts with a number ('45 cents to $23.10'; not
    'from X to Y' or 'between X and Y')."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in ("from", "between"):
        return None
    for token in span[1:-1]:
        if token.lower_ == "to":
            return token
    return None


def split_range(
    builder: FactBuilder, fact: dict[str, Any], span: Span, link: Link
) -> list[dict[str, Any]]:
    """A range on a verb of change split into its change and its level; else ``[fact]``."""
    direction = change_direction(builder, link.verb)
    if direction is None or fact["low"] is None or fact["high"] is None:
        return [fact]
    to = _range_split(span)
    if to is None or fact["low"] == fact["high"]:
        return [fact]
    before, after = span.doc[to.i - 1], span.doc[to.i + 1]
    change = {
        **fact,
        "end_char": before.idx + len(before),
        "value": signed_change(fact["low"], direction),
        "low": None,
        "high": None,
        "measure": "change",
    }
    level = {
        **fact,
        "start_char": after.idx,
        "value": fact["high"],
        "low": None,
        "high": None,
        "measure": "level",
        "role": "to",
    }
    return [change, level]


def _percent_change(verb: Token) -> Span | None:
    """The 'N pct' measure of a verb of change ('rose 5 pct', 'rose by 5 pct')."""
    candidates = [c for c in verb.children if c.dep_ in ("npadvmod", "dobj", "attr")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            candidates.extend(c for c in prep.children if c.dep_ == "pobj")
    for head in candidates:
        if head.lower_ not in _PERCENT_WORDS and head.text != "%":
            continue
        numbers = [c for c in head.children if c.like_num]
        if numbers:
            first = min(numbers[0].left_edge.i, head.i)
            return verb.doc[first : head.i + 1]
    return None


def percent_change(builder: FactBuilder, fact: dict[str, Any], link: Link) -> dict[str, Any] | None:
    """'rose 5 pct to 1.2 bln dlrs': the level fact's change as its own fact (fact_type
    percent), when the verb of change has a percentage measure."""
    verb = link.verb
    direction = change_direction(builder, verb)
    if verb is None or direction is None or fact["role"] != "to":
        return None
    measure = _percent_change(verb)
    if measure is None:
        return None
    number = next((t for t in measure if t.like_num), None)
    if number is None:
        return None
    value = number.text.replace(",", "")
    try:
        float(value)
    except ValueError:
        return None
    return {
        **fact,
        "fact_type": "percent",
        "start_char": measure.start_char,
        "end_char": measure.end_char,
        "role": "attribute",
        "mention_id": None,
        "value": signed_change(value, direction),
        "low": None,
        "high": None,
        "qualifier": None,
        "unit": "percent",
        "measure": "change",
    }


# Roles of a change on a verb of change ('fell 2 dlrs', 'rose by 1,200'); a level is 'to'.
_CHANGE_ROLES = frozenset({"attribute", "by", "object"})


def pair_changes(facts: list[dict[str, Any]]) -> None:
    """'fell 2 dlrs to 40 dlrs' as two mentions: on one verb of change, a quantity in a change
    role and one in the 'to' role are the change (signed) and the level of one event. Works on
    the rows' ``_verb`` (verb index) and ``_direction`` keys; rows already paired are left."""
    by_verb: dict[int, list[dict[str, Any]]] = {}
    for fact in facts:
        if fact.get("_direction") is not None and fact.get("measure") is None:
            by_verb.setdefault(fact["_verb"], []).append(fact)
    for group in by_verb.values():
        changes = [f for f in group if f["role"] in _CHANGE_ROLES]
        levels = [f for f in group if f["role"] == "to"]
        if len(changes) != 1 or len(levels) != 1:
            continue
        [change], [level] = changes, levels
        if change["fact_type"] != level["fact_type"] or change["unit"] != level["unit"]:
            continue
        if change["value"] is None:
            continue
        change.update(
            value=signed_change(change["value"], change["_direction"]),
            low=None,
            high=None,
            measure="change",
            _event=("pair", change["_verb"]),
        )
        level.update(measure="level", _event=("pair", change["_verb"]))
