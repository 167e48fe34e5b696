"""extract build-model: write the composed pipeline to disk."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extract.cli._app import app, fail, stderr
from extract.cli._options import ModelOption
from extract.pipeline import DEFAULT_MODEL, build_model


@app.command("build-model")
def build_model_cli(
    output: Annotated[
        Path, typer.Argument(metavar="MODEL_DIR", help="Folder to write the pipeline to.")
    ],
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Compose the base model with our components and save it, rules included (load it back
    with --model, or with spacy.load)."""
    try:
        nlp = build_model(output, model)
    except ValueError as error:
        raise fail(str(error)) from None
    stderr.print(f"wrote {output} ({', '.join(nlp.pipe_names)})", highlight=False)
