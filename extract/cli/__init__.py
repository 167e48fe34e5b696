"""Command-line interface: thin shells over the importable functions."""

from extract.cli import eval_cmd, model_cmd, query_cmd, run_cmd, show_cmd, tables_cmd  # noqa: F401  (register commands)
from extract.cli._app import app

__all__ = ["app"]
