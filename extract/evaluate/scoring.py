"""Scores of predicted tables against gold rows: span P/R/F1, values, types, document sets, links.

Pure functions over plain dict rows; the rules are written up in ``docs/evaluation.md``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from extract.evaluate.matching import Row, match_rows, normalize_value, values_agree
from extract.normalize.fact_events import REPORT, load_event_lexicon
from extract.tables.schema import TABLES

# Columns that locate a row rather than describe it: never compared as values.
_LOCATING = frozenset(
    {"doc_id", "mention_id", "fact_id", "start_char", "end_char", "sentence", "text"}
)
# Gold-only keys: ``type`` names the row's breakdown group (e.g. a TIMEX3 type), ``note`` is free.
ATTRIBUTE_KEYS = frozenset({"type", "note"})
# facts: the links scored, each with the columns that carry it. Run-specific ids are not compared.
LINK_COLUMNS: dict[str, tuple[str, ...]] = {
    "predicate": ("predicate", "negated"),
    "subject": ("subject", "subject_person_key", "subject_iso3"),
    "object": ("object", "object_person_key", "object_iso3"),
    "date": ("date_start", "date_end"),
    "country": ("country_iso3",),
    "event": ("event_category",),
    "country_role": ("country_roles",),
}
_SET_LINKS = frozenset({"country", "country_role"})  # multi-valued: scored per element
# A gold row without ``country_roles`` annotates places only (the older guideline): only the
# predicted countries of these roles are compared with it.
_PLACE_ROLES = frozenset({"place", "city"})
# Columns that show a link exists without being compared (a date link to an unresolved date).
_PRESENCE_ONLY: dict[str, tuple[str, ...]] = {"date": ("date_mention_id",)}


def typed_columns(table: str) -> tuple[str, ...]:
    """The columns of ``table`` compared as values when a gold row gives them."""
    return tuple(name for name in TABLES[table].column_names if name not in _LOCATING)


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _timex_type(row: Row) -> str:
    """TIMEX3 type of a dates row: DURATION, SET, TIME or DATE."""
    kind = row.get("kind")
    timex = str(row.get("timex") or "")
    if kind == "duration" or (kind is None and timex.startswith("P")):
        return "DURATION"
    if kind == "set":
        return "SET"
    if "T" in timex and not timex.startswith("P"):
        return "TIME"
    return "DATE"


# Which group a row falls in for the per-type breakdown: dates by TIMEX3 type, countries by
# mention_type. A gold row's ``type`` key, when given, wins. Other tables are scored overall.
_TYPE_OF: dict[str, Callable[[Row], str | None]] = {
    "dates": _timex_type,
    "countries": lambda row: row.get("mention_type"),
}


def row_type(table: str, row: Row, *, gold: bool) -> str | None:
    if gold and row.get("type") is not None:
        return str(row["type"])
    type_of = _TYPE_OF.get(table)
    return type_of(row) if type_of else None


@dataclass
class Scores:
    """Span, value and type scores of one group of rows."""

    n_gold: int
    n_predicted: int
    relaxed: PRF
    exact: PRF
    value: PRF
    matched: int

    @property
    def value_accuracy(self) -> float | None:
        return self.value.tp / self.matched if self.matched else None

    def to_dict(self) -> dict[str, Any]:
        accuracy = self.value_accuracy
        return {
            "gold": self.n_gold,
            "predicted": self.n_predicted,
            "relaxed": self.relaxed.to_dict(),
            "exact": self.exact.to_dict(),
            "value": self.value.to_dict(),
            "matched": self.matched,
            "value_accuracy": None if accuracy is None else round(accuracy, 4),
        }


@dataclass
class TableResult:
    table: str
    compared: tuple[str, ...]
    overall: Scores
    by_type: dict[str, Scores] = field(default_factory=dict)
    # Per compared column: the share of matched pairs whose values agree on that column.
    column_accuracy: dict[str, float] = field(default_factory=dict)
    document_sets: PRF | None = None
    false_negatives: list[Row] = field(default_factory=list)
    false_positives: list[Row] = field(default_factory=list)
    wrong_values: list[tuple[Row, Row]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "compared_columns": list(self.compared),
            **self.overall.to_dict(),
            "column_accuracy": {name: round(v, 4) for name, v in self.column_accuracy.items()},
            "by_type": {name: scores.to_dict() for name, scores in sorted(self.by_type.items())},
        }
        if self.document_sets is not None:
            result["document_sets"] = self.document_sets.to_dict()
        return result


def _scores(n_gold: int, n_predicted: int, relaxed_tp: int, exact_tp: int, value_tp: int) -> Scores:
    return Scores(
        n_gold=n_gold,
        n_predicted=n_predicted,
        relaxed=PRF(relaxed_tp, n_predicted - relaxed_tp, n_gold - relaxed_tp),
        exact=PRF(exact_tp, n_predicted - exact_tp, n_gold - exact_tp),
        value=PRF(value_tp, n_predicted - value_tp, n_gold - value_tp),
        matched=relaxed_tp,
    )


def _document_sets(gold: Sequence[Row], predicted: Sequence[Row], column: str) -> PRF:
    """Micro-averaged F1 of the per-document sets of ``column`` (e.g. iso3)."""
    gold_sets: dict[Any, set[Any]] = defaultdict(set)
    predicted_sets: dict[Any, set[Any]] = defaultdict(set)
    for row in gold:
        if row.get(column) is not None:
            gold_sets[row["doc_id"]].add(normalize_value(column, row[column]))
    for row in predicted:
        if row.get(column) is not None:
            predicted_sets[row["doc_id"]].add(normalize_value(column, row[column]))
    tp = fp = fn = 0
    for doc_id in set(gold_sets) | set(predicted_sets):
        expected, found = gold_sets.get(doc_id, set()), predicted_sets.get(doc_id, set())
        tp += len(expected & found)
        fp += len(found - expected)
        fn += len(expected - found)
    return PRF(tp, fp, fn)


def score_table(table: str, gold: Sequence[Row], predicted: Sequence[Row]) -> TableResult:
    """Scores of one mention table (``predicted`` already limited to the gold documents)."""
    compared = tuple(c for c in typed_columns(table) if any(c in row for row in gold))

    def agree(g: Row, p: Row) -> bool:
        return values_agree(g, p, compared)

    def prefer(g: Row, p: Row) -> float:
        return 1.0 if agree(g, p) else 0.0

    relaxed_pairs = match_rows(gold, predicted, prefer=prefer)
    exact_pairs = match_rows(gold, predicted, exact=True, prefer=prefer)
    right = {(gi, pi) for gi, pi in relaxed_pairs if agree(gold[gi], predicted[pi])}

    gold_types = [row_type(table, row, gold=True) for row in gold]
    predicted_types = [row_type(table, row, gold=False) for row in predicted]
    for gi, pi in relaxed_pairs:  # a matched prediction counts in its gold row's group
        predicted_types[pi] = gold_types[gi]

    result = TableResult(
        table,
        compared,
        _scores(len(gold), len(predicted), len(relaxed_pairs), len(exact_pairs), len(right)),
    )
    groups = sorted({t for t in (*gold_types, *predicted_types) if t is not None})
    if all(t is None for t in gold_types):
        groups = []  # the gold gives no groups: overall scores only
    for group in groups:
        result.by_type[group] = _scores(
            sum(t == group for t in gold_types),
            sum(t == group for t in predicted_types),
            sum(gold_types[gi] == group for gi, _ in relaxed_pairs),
            sum(gold_types[gi] == group for gi, _ in exact_pairs),
            sum(gold_types[gi] == group for gi, _ in right),
        )
    for column in compared:
        judged = [(gi, pi) for gi, pi in relaxed_pairs if column in gold[gi]]
        if judged:
            agreeing = sum(values_agree(gold[gi], predicted[pi], (column,)) for gi, pi in judged)
            result.column_accuracy[column] = agreeing / len(judged)
    if table == "countries":
        result.document_sets = _document_sets(gold, predicted, "iso3")
    matched_gold = {gi for gi, _ in relaxed_pairs}
    matched_predicted = {pi for _, pi in relaxed_pairs}
    result.false_negatives = [row for gi, row in enumerate(gold) if gi not in matched_gold]
    result.false_positives = [
        row for pi, row in enumerate(predicted) if pi not in matched_predicted
    ]
    result.wrong_values = [
        (gold[gi], predicted[pi]) for gi, pi in relaxed_pairs if (gi, pi) not in right
    ]
    return result


@dataclass
class FactsResult:
    anchors: PRF
    links: dict[str, PRF]
    anchors_by_type: dict[str, PRF] = field(default_factory=dict)
    country_by_role: dict[str, PRF] = field(default_factory=dict)
    false_negatives: list[Row] = field(default_factory=list)
    false_positives: list[Row] = field(default_factory=list)
    wrong_links: list[tuple[Row, Row, tuple[str, ...]]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "anchors": self.anchors.to_dict(),
            "anchors_by_type": {name: prf.to_dict() for name, prf in self.anchors_by_type.items()},
            "country_by_role": {name: prf.to_dict() for name, prf in self.country_by_role.items()},
            "links": {name: prf.to_dict() for name, prf in self.links.items()},
        }


def fact_group(row: Row) -> str:
    """The anchor group of a fact: its ``fact_type``, with person events of a reporting verb
    (event_category REPORT, or a reporting predicate when the row gives no category) apart
    as ``person_report``."""
    kind = str(row.get("fact_type") or "unknown")
    if kind != "person_event":
        return kind
    category = row.get("event_category")
    if category is None and "event_category" not in row:
        category = load_event_lexicon().category(row.get("predicate"))
    return "person_report" if category == REPORT else kind


def _anchors_by_type(
    gold: Sequence[Row], predicted: Sequence[Row], pairs: Sequence[tuple[int, int]]
) -> dict[str, PRF]:
    """Anchor P/R/F1 per group: a paired prediction counts in its gold row's group."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, predicted, gold
    paired = dict((pi, gi) for gi, pi in pairs)
    for row in gold:
        tally[fact_group(row)][2] += 1
    for pi, row in enumerate(predicted):
        group = fact_group(gold[paired[pi]]) if pi in paired else fact_group(row)
        tally[group][1] += 1
        tally[group][0] += pi in paired
    return {g: PRF(tp, n - tp, m - tp) for g, (tp, n, m) in sorted(tally.items())}


def _present(row: Row, link: str) -> bool:
    """True when ``row`` gives the link: a non-empty value in one of its columns (``negated``
    alone does not make a predicate link)."""
    columns = (*LINK_COLUMNS[link], *_PRESENCE_ONLY.get(link, ()))
    return any(
        normalize_value(c, row.get(c)) not in (None, (), False) for c in columns if c != "negated"
    )


def _link_values(row: Row, link: str, *, places_only: bool = False) -> set[Any]:
    """The elements of a multi-valued link: country iso3 codes (only those of a place role
    when ``places_only``), or 'ISO3:role' pairs for ``country_role``."""
    values = normalize_value(LINK_COLUMNS[link][0], row.get(LINK_COLUMNS[link][0]))
    if link not in ("country", "country_role"):
        return set(values or ())
    codes = list(row.get("country_iso3") or ())
    roles = row.get("country_roles")
    if roles is None:
        return set(codes) if link == "country" else set()
    pairs = list(zip(codes, list(roles), strict=False))
    if link == "country_role":
        return {f"{code}:{role}" for code, role in pairs}
    return {code for code, role in pairs if not places_only or role in _PLACE_ROLES}


def _country_by_role(
    gold: Sequence[Row], predicted: Sequence[Row], pairs: Sequence[tuple[int, int]]
) -> dict[str, PRF]:
    """Country links per role ('ISO3:role' pairs), on the gold rows that give
    ``country_roles``; predictions of unpaired facts count when the gold set gives roles."""
    if not any("country_roles" in row for row in gold):
        return {}
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, predicted, gold

    def add(values: set[str], slot: int) -> None:
        for value in values:
            tally[value.split(":", 1)[1]][slot] += 1

    paired_gold = {gi for gi, _ in pairs}
    paired_predicted = {pi for _, pi in pairs}
    for gi, pi in pairs:
        if "country_roles" not in gold[gi]:
            continue
        expected = _link_values(gold[gi], "country_role")
        found = _link_values(predicted[pi], "country_role")
        add(expected & found, 0)
        add(found, 1)
        add(expected, 2)
    for pi, row in enumerate(predicted):
        if pi not in paired_predicted:
            add(_link_values(row, "country_role"), 1)
    for gi, row in enumerate(gold):
        if gi not in paired_gold:
            add(_link_values(row, "country_role"), 2)
    return {role: PRF(tp, n - tp, m - tp) for role, (tp, n, m) in sorted(tally.items())}


def _tally_pair(g: Row, p: Row, counts: dict[str, list[int]]) -> list[str]:
    """Adds a paired gold and predicted fact to ``counts`` (tp, predicted, gold per link type)
    and returns the link types they disagree on."""
    wrong: list[str] = []
    for link, columns in LINK_COLUMNS.items():
        if not any(c in g for c in columns):
            continue
        tally = counts[link]
        if link in _SET_LINKS:
            expected = _link_values(g, link)
            found = _link_values(p, link, places_only="country_roles" not in g)
            tally[0] += len(expected & found)
            tally[1] += len(found)
            tally[2] += len(expected)
            if expected != found:
                wrong.append(link)
            continue
        gold_has = _present(g, link)
        predicted_has = _present(p, link)
        tally[1] += predicted_has
        tally[2] += gold_has
        if gold_has and predicted_has and values_agree(g, p, columns):
            tally[0] += 1
        elif gold_has or predicted_has:
            wrong.append(link)
    return wrong


def score_facts(gold: Sequence[Row], predicted: Sequence[Row]) -> FactsResult:
    """Link precision and recall per link type. A predicted fact is paired with a gold fact of
    the same document whose anchor span overlaps it; a link type is scored on the gold rows that
    give at least one of its columns, and a predicted link on an unpaired fact is a false
    positive for the link types the gold set annotates."""
    annotated = {
        link: any(c in row for row in gold for c in columns)
        for link, columns in LINK_COLUMNS.items()
    }

    def agreeing_links(g: Row, p: Row) -> int:
        return sum(
            1
            for link, columns in LINK_COLUMNS.items()
            if any(c in g for c in columns) and values_agree(g, p, columns)
        )

    # One anchor may carry several facts (a person arrested and sent back): among overlapping
    # facts, the pairing prefers the one with more agreeing links.
    pairs = match_rows(gold, predicted, prefer=lambda g, p: float(agreeing_links(g, p)))
    counts = {link: [0, 0, 0] for link in LINK_COLUMNS}  # tp, predicted, gold
    result = FactsResult(
        PRF(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs)),
        {},
        _anchors_by_type(gold, predicted, pairs),
        _country_by_role(gold, predicted, pairs),
    )
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        wrong = _tally_pair(g, p, counts)
        if wrong:
            result.wrong_links.append((g, p, tuple(wrong)))
    paired_gold = {gi for gi, _ in pairs}
    paired_predicted = {pi for _, pi in pairs}
    for pi, p in enumerate(predicted):
        if pi in paired_predicted:
            continue
        result.false_positives.append(p)
        for link in LINK_COLUMNS:
            if annotated[link]:
                counts[link][1] += (
                    len(_link_values(p, link, places_only=not annotated["country_role"]))
                    if link in _SET_LINKS
                    else _present(p, link)
                )
    for gi, g in enumerate(gold):
        if gi in paired_gold:
            continue
        result.false_negatives.append(g)
        for link, columns in LINK_COLUMNS.items():
            if any(c in g for c in columns):
                counts[link][2] += (
                    len(_link_values(g, link)) if link in _SET_LINKS else _present(g, link)
                )
    result.links = {
        link: PRF(tp, n_predicted - tp, n_gold - tp)
        for link, (tp, n_predicted, n_gold) in counts.items()
        if annotated[link]
    }
    return result


def score_tables(
    gold_tables: Mapping[str, Sequence[Row]], predicted_tables: Mapping[str, Sequence[Row]]
) -> tuple[dict[str, TableResult], FactsResult | None]:
    """Scores of every gold table (facts apart)."""
    results = {
        name: score_table(name, rows, predicted_tables.get(name, []))
        for name, rows in gold_tables.items()
        if name != "facts"
    }
    facts = None
    if "facts" in gold_tables:
        facts = score_facts(gold_tables["facts"], predicted_tables.get("facts", []))
    return results, facts
