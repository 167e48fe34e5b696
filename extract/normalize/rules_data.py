"""Reading the rule files shipped in ``extract/rules/``: one loader for every normaliser, each
check naming the file and line of a malformed entry."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


class RulesError(ValueError):
    """A rules data file is malformed (unknown or missing key, wrong type or value)."""


def read_rules_text(filename: str) -> str:
    return resources.files("extract").joinpath("rules", filename).read_text(encoding="utf-8")


def load_rules_json(name: str, allowed_keys: set[str]) -> dict[str, Any]:
    """Read ``extract/rules/<name>`` and reject keys outside ``allowed_keys`` ("_doc" is free)."""
    data = json.loads(read_rules_text(name))
    if not isinstance(data, dict):
        raise RulesError(f"{name}: top level must be an object")
    unknown = set(data) - allowed_keys - {"_doc"}
    if unknown:
        raise RulesError(f"{name}: unknown keys {sorted(unknown)}; allowed: {sorted(allowed_keys)}")
    return data


def read_jsonl(
    filename: str,
    allowed_keys: frozenset[str] | None = None,
    required: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """Objects of a JSONL rules file; bad JSON, unknown or missing keys raise RulesError naming
    the line. ``allowed_keys`` None accepts any key."""
    records = []
    for number, line in enumerate(read_rules_text(filename).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise RulesError(f"{filename}:{number}: invalid JSON ({error})") from error
        if not isinstance(record, dict):
            raise RulesError(f"{filename}:{number}: expected an object")
        unknown = set() if allowed_keys is None else set(record) - allowed_keys
        missing = required - set(record)
        if unknown or missing:
            raise RulesError(
                f"{filename}:{number}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}"
            )
        records.append(record)
    return records


def load_rules_jsonl(name: str) -> list[dict[str, Any]]:
    return read_jsonl(name)


def read_word_list(filename: str) -> frozenset[str]:
    """Lines of a TXT rules file, lower-cased; '#' starts a comment line."""
    words = set()
    for line in read_rules_text(filename).splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            words.add(word.lower())
    return frozenset(words)
