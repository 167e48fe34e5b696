"""extract build-model writes a pipeline that carries its rules and loads with plain
spacy.load, in a process that never imports extract itself (trained model: slow)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from tests.conftest import REPO

pytestmark = pytest.mark.slow

SAMPLES = REPO / "corpora" / "samples"
# Loads the built folder with spaCy alone (the factories come from the spacy_factories entry
# points), then runs the seed through it with the runner and prints every table as JSON.
PLAIN_LOAD = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
assert "extract.pipeline" not in sys.modules
from extract.ingest.readers import read_articles
from extract.process import process_articles
from extract.settings import RunSettings
tables = {}
for result in process_articles(read_articles([sys.argv[2]]), nlp, RunSettings(model="x")):
    for name, rows in result.tables.items():
        tables.setdefault(name, []).extend(rows)
print(json.dumps({"pipe_names": nlp.pipe_names, "tables": tables}, default=str, sort_keys=True))
"""


def _seed_tables(nlp: Language) -> dict:
    from extract.ingest.readers import read_articles
    from extract.process import process_articles
    from extract.settings import RunSettings

    tables: dict[str, list] = {}
    for result in process_articles(read_articles([str(SAMPLES)]), nlp, RunSettings(model="x")):
        for name, rows in result.tables.items():
            tables.setdefault(name, []).extend(rows)
    return json.loads(json.dumps(tables, default=str, sort_keys=True))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from extract.pipeline import build_model

    path = tmp_path_factory.mktemp("model") / "news-en"
    build_model(path)
    return path


def test_build_model_round_trip_with_plain_spacy_load(nlp: Language, built: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PLAIN_LOAD, str(built), str(SAMPLES)],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(done.stdout)
    assert loaded["pipe_names"] == nlp.pipe_names
    expected = _seed_tables(nlp)
    assert sum(len(rows) for rows in expected.values()) > 100
    assert loaded["tables"] == expected


@pytest.mark.parametrize(
    "component,rule_file",
    [("news_dates", "dates.json"), ("news_countries", "countries_self_references.txt")],
)
def test_build_model_carries_each_components_rules(
    built: Path, component: str, rule_file: str
) -> None:
    package_copy = REPO / "extract" / "rules" / rule_file
    carried = built / component / "rules" / rule_file
    assert carried.read_text(encoding="utf-8") == package_copy.read_text(encoding="utf-8")


def test_build_model_with_other_rules_is_refused(built: Path, tmp_path: Path) -> None:
    import shutil

    import spacy

    changed = tmp_path / "changed"
    shutil.copytree(built, changed)
    rule = changed / "news_countries" / "rules" / "countries_self_references.txt"
    rule.write_text(rule.read_text(encoding="utf-8") + "our great nation\n", encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        spacy.load(changed)
    assert str(raised.value) == (
        "E077: news_countries: the pipeline's rule files differ from this package's "
        "(countries_self_references.txt); rebuild the pipeline with extract build-model"
    )
