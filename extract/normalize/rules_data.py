"""Reading the rule files shipped in ``extract/rules/``: the one loader for every normaliser.

Each file is validated against its declared shape in ``rules_schema.RULE_FILES`` when it is
read; a malformed file raises ``RulesError`` naming the file and, where it has one, the line.
The callers cache what they build from the data (the loader itself reads afresh each call).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from extract.normalize.rules_schema import (
    RULE_FILES,
    JsonlRows,
    JsonObject,
    RuleFileShape,
    ValueType,
    WordList,
)


class RulesError(ValueError):
    """A rules data file is malformed (unknown or missing key, wrong type or value).

    ``file`` and ``line`` say where, when known; the message starts with ``file:line:``."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None):
        self.file = file
        self.line = line
        where = "" if file is None else f"{file}:{line}: " if line is not None else f"{file}: "
        super().__init__(where + message)


def read_rules_text(filename: str) -> str:
    return resources.files("extract").joinpath("rules", filename).read_text(encoding="utf-8")


def rule_file_shape(filename: str) -> RuleFileShape:
    """The declared shape of a rule file; a file without one is an error."""
    try:
        return RULE_FILES[filename]
    except KeyError:
        raise RulesError(
            "no declared schema (add one to extract/normalize/rules_schema.py)", file=filename
        ) from None


def _key_problem(
    record: dict[str, Any],
    required: Mapping[str, ValueType],
    optional: Mapping[str, ValueType],
) -> tuple[str, str | None] | None:
    """What is wrong with a record's keys or values, and the key it is about (None if missing)."""
    unknown = sorted(set(record) - set(required) - set(optional))
    missing = sorted(set(required) - set(record))
    if unknown or missing:
        parts = [f"unknown keys {unknown}"] if unknown else []
        parts += [f"missing keys {missing}"] if missing else []
        allowed = sorted({*required, *optional})
        return "; ".join(parts) + f" (allowed: {allowed})", unknown[0] if unknown else None
    declared = {**optional, **required}
    for key, value in record.items():
        if not declared[key].accepts(value):
            return f"'{key}' must be {declared[key].name}", key
    return None


def _key_line(text: str, key: str) -> int | None:
    """The line of the first occurrence of ``"key":`` in a JSON text (None when absent)."""
    found = re.search(re.escape(json.dumps(key)) + r"\s*:", text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def _object_shape(filename: str) -> JsonObject:
    shape = rule_file_shape(filename)
    if not isinstance(shape, JsonObject):
        raise RulesError("is not declared as a JSON object", file=filename)
    return shape


def validate_rules_object(filename: str, data: Any, text: str = "") -> dict[str, Any]:
    """Check decoded JSON ``data`` against the declared object shape of ``filename``."""
    shape = _object_shape(filename)
    if not isinstance(data, dict):
        raise RulesError("top level must be an object", file=filename, line=1 if text else None)
    problem = _key_problem(data, shape.required, shape.optional)
    if problem is not None:
        message, key = problem
        line = _key_line(text, key) if key is not None else None
        raise RulesError(message, file=filename, line=line)
    return data


def load_rules_object(filename: str) -> dict[str, Any]:
    """A JSON-object rule file, validated."""
    _object_shape(filename)
    text = read_rules_text(filename)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RulesError(f"invalid JSON ({error.msg})", file=filename, line=error.lineno) from error
    return validate_rules_object(filename, data, text)


def load_rules_numbered_rows(filename: str) -> list[tuple[int, dict[str, Any]]]:
    """The rows of a JSONL rule file with their line numbers, validated."""
    shape = rule_file_shape(filename)
    if not isinstance(shape, JsonlRows):
        raise RulesError("is not declared as JSONL rows", file=filename)
    rows = []
    for number, line in enumerate(read_rules_text(filename).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise RulesError(f"invalid JSON ({error})", file=filename, line=number) from error
        if not isinstance(record, dict):
            raise RulesError("expected an object", file=filename, line=number)
        problem = _key_problem(record, shape.required, shape.optional)
        if problem is None and shape.one_of and sum(k in record for k in shape.one_of) != 1:
            problem = (f"needs exactly one of {list(shape.one_of)}", None)
        if problem is not None:
            raise RulesError(problem[0], file=filename, line=number)
        rows.append((number, record))
    return rows


def load_rules_rows(filename: str) -> list[dict[str, Any]]:
    """The rows of a JSONL rule file, validated."""
    return [record for _, record in load_rules_numbered_rows(filename)]


def load_word_list(filename: str) -> tuple[str, ...]:
    """The entries of a TXT rule file as written (stripped), in file order."""
    if not isinstance(rule_file_shape(filename), WordList):
        raise RulesError("is not declared as a word list", file=filename)
    entries = []
    for line in read_rules_text(filename).splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return tuple(entries)


def load_rule_file(filename: str) -> Any:
    """Any rule file by its declared shape (what the one parametrized test calls)."""
    shape = rule_file_shape(filename)
    if isinstance(shape, JsonObject):
        return load_rules_object(filename)
    if isinstance(shape, JsonlRows):
        return load_rules_rows(filename)
    return load_word_list(filename)


def read_word_list(filename: str) -> frozenset[str]:
    """Lines of a TXT rules file, lower-cased; '#' starts a comment line."""
    return frozenset(entry.lower() for entry in load_word_list(filename))


# The names below predate the declared schemas; they validate against them and then apply the
# caller's own key sets on top.


def load_rules_json(name: str, allowed_keys: set[str]) -> dict[str, Any]:
    """Read ``extract/rules/<name>`` and reject keys outside ``allowed_keys`` ("_doc" is free)."""
    data = load_rules_object(name)
    unknown = set(data) - allowed_keys - {"_doc"}
    if unknown:
        raise RulesError(
            f"unknown keys {sorted(unknown)}; allowed: {sorted(allowed_keys)}", file=name
        )
    return data


def read_jsonl(
    filename: str,
    allowed_keys: frozenset[str] | None = None,
    required: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """Rows of a JSONL rules file (validated), also checked against the given key sets."""
    rows = []
    for number, record in load_rules_numbered_rows(filename):
        unknown = set() if allowed_keys is None else set(record) - allowed_keys
        missing = required - set(record)
        if unknown or missing:
            raise RulesError(
                f"unknown keys {sorted(unknown)}, missing keys {sorted(missing)}",
                file=filename,
                line=number,
            )
        rows.append(record)
    return rows


def load_rules_jsonl(name: str) -> list[dict[str, Any]]:
    return load_rules_rows(name)
