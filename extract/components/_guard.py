"""Per-document failure isolation shared by our components."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from extract.errors import Errors
from extract.extensions import add_issue


def run_guarded(doc: Doc, table: str, where: str, build: Callable[[Doc], list[dict]]) -> Doc:
    """Store ``build(doc)`` as ``doc._.<table>``. A failure empties the table for this Doc and
    is recorded as an issue, so one bad article never stops a batch."""
    try:
        setattr(doc._, table, build(doc))
    except Exception as error:  # noqa: BLE001 - any bug in one Doc must not stop the run
        setattr(doc._, table, [])
        add_issue(doc, Errors.E009.format(where=where, detail=f"{type(error).__name__}: {error}"))
    return doc


def run_guarded_step(doc: Doc, where: str, step: Callable[[Doc], None]) -> None:
    """``step(doc)``, a failure of which is recorded as an issue of this Doc only."""
    try:
        step(doc)
    except Exception as error:  # noqa: BLE001 - any bug in one Doc must not stop the run
        add_issue(doc, Errors.E009.format(where=where, detail=f"{type(error).__name__}: {error}"))
