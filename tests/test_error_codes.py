"""Every coded message is defined once and starts with its own code (parallel edits of
extract/errors.py can silently define a code twice: the second definition would win)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from extract.errors import Errors, Warnings

SOURCE = Path(__file__).resolve().parents[1] / "extract" / "errors.py"


def _assigned_names(class_name: str) -> list[str]:
    tree = ast.parse(SOURCE.read_text(encoding="utf-8"))
    body = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name).body
    return [
        t.id
        for n in body
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name)
    ]


@pytest.mark.parametrize("holder", [Errors, Warnings])
def test_error_codes_defined_once_and_self_named(holder: type) -> None:
    names = _assigned_names(holder.__name__)
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    for name in names:
        assert getattr(holder, name).startswith(f"{name}: "), name
