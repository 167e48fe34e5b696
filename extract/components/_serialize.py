"""Components write the rule files they read beside the model (spaCy's dict-of-callables
convention): a pipeline folder made by ``extract build-model`` carries its own rules.

Settings need no file of their own: spaCy writes every factory setting (``disabled_rules``,
``entity_labels``) to the pipeline's ``config.cfg`` and builds the component from it. The rules
are written to ``<component>/rules/`` and checked on load: the package's loaders read its own
copy, so a pipeline whose rules differ from the installed package's (built by another version)
is refused with E077 rather than run with rules it was not built with.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import srsly
from spacy import util

from extract.errors import Errors


def package_rule_files(prefixes: Iterable[str]) -> dict[str, str]:
    """The package's rule files whose names start with one of ``prefixes``: name → text."""
    prefixes = tuple(prefixes)
    folder = resources.files("extract").joinpath("rules")
    return {
        item.name: item.read_text(encoding="utf-8")
        for item in sorted(folder.iterdir(), key=lambda item: item.name)
        if item.is_file() and item.name.startswith(prefixes)
    }


class RuleFiles:
    """``to_disk``/``from_disk``/``to_bytes``/``from_bytes`` for a component whose rules are
    the rule files named ``rule_prefixes*`` in ``extract/rules``."""

    name: str
    rule_prefixes: tuple[str, ...] = ()

    def _rules(self) -> dict[str, str]:
        return package_rule_files(self.rule_prefixes)

    def _check(self, found: dict[str, str]) -> None:
        expected = self._rules()
        differ = sorted(
            n for n in expected.keys() | found.keys() if expected.get(n) != found.get(n)
        )
        if differ:
            raise ValueError(Errors.E077.format(component=self.name, files=", ".join(differ)))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        util.to_disk(path, {"rules": self._write_rules}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Any:
        util.from_disk(path, {"rules": self._read_rules}, exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return util.to_bytes({"rules": lambda: srsly.msgpack_dumps(self._rules())}, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Any:
        util.from_bytes(data, {"rules": lambda b: self._check(srsly.msgpack_loads(b))}, exclude)
        return self

    def _write_rules(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in self._rules().items():
            (folder / name).write_text(text, encoding="utf-8")

    def _read_rules(self, folder: Path) -> None:
        found = {}
        if folder.is_dir():
            found = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}
        self._check(found)
