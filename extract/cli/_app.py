"""The typer app and helpers shared by every command module.

Exit statuses (the same for every command; docs/cli.md):

* 0: the command completed (a run may have error rows in ``documents``: bad records never stop
  a run);
* 1: the command failed (the run could not start or stopped: output folder in use, a write
  error, lost workers, a failing query);
* 2: unusable arguments: an unknown option or value, an input that does not exist, an unknown
  model;
* 3: the run completed but some input files could not be read at all (their error rows say
  why);
* 130: interrupted (Ctrl-C).
"""

from __future__ import annotations

from enum import IntEnum

import typer
from rich.console import Console
from rich.markup import escape

# -h as well as --help on every command; the groups inherit it.
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


class ExitStatus(IntEnum):
    OK = 0
    FAILED = 1
    USAGE = 2
    UNREADABLE_INPUTS = 3
    INTERRUPTED = 130


app = typer.Typer(
    name="extract",
    help="Turn batches of news articles into clean, typed tables of facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings=CONTEXT_SETTINGS,
)
# soft_wrap: a message is one line however wide; on a terminal rich still folds it for display,
# in a file or pipe it stays whole (rich would hard-wrap at 80 columns otherwise).
stderr = Console(stderr=True, soft_wrap=True)
stdout = Console()


def fail(message: str, status: ExitStatus = ExitStatus.FAILED) -> typer.Exit:
    """Print ``message`` on stderr; the caller raises the returned Exit."""
    stderr.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code=int(status))
