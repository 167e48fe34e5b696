"""The typer app and helpers shared by every command module."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="extract",
    help="Turn batches of news articles into clean, typed tables of facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)
stdout = Console()


def fail(message: str) -> typer.Exit:
    """Print ``message`` on stderr; the caller raises the returned Exit."""
    stderr.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code=1)
