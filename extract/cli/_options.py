"""Arguments and options that several commands share, declared once so that the same thing has
the same name, metavar and help everywhere (the run folder is always OUT_DIR / --out)."""

from __future__ import annotations

from typing import Annotated

import typer

ModelOption = Annotated[
    str, typer.Option(help="spaCy English pipeline: package name or path.", metavar="NAME|PATH")
]
ReferenceDateOption = Annotated[
    str | None,
    typer.Option(
        help="Date to resolve relative dates against when an article has none.", metavar="DATE"
    ),
]
RunFolderArgument = Annotated[
    str,
    typer.Argument(
        metavar="OUT_DIR",
        help="Output folder of `extract run` (a path or an fsspec URL).",
        show_default=False,
    ),
]
OUT_HELP = "Folder for the tables: a path or an fsspec URL."
