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

import warnings
from enum import IntEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from extract.errors import ModelVersionWarning

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
    epilog="Exit status: 0 done (bad records are error rows in documents), 1 failed, "
    "2 unusable arguments, 3 some input files unreadable, 130 interrupted. "
    "Example: extract run corpora/samples --out out/",
)
# soft_wrap: a message is one line however wide; on a terminal rich still folds it for display,
# in a file or pipe it stays whole (rich would hard-wrap at 80 columns otherwise).
stderr = Console(stderr=True, soft_wrap=True)
stdout = Console()


def _show_version(value: bool) -> None:
    if value:
        from extract import __version__

        typer.echo(f"extract {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Turn batches of news articles into clean, typed tables of facts."""
    _show_coded_warnings_plainly()


def _show_coded_warnings_plainly() -> None:
    """Our coded warnings (W026: the model's spaCy version) print as one line on stderr, like
    every other message, not with Python's file and line."""
    default = warnings.showwarning

    def show(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
        if issubclass(category, ModelVersionWarning):
            stderr.print(f"[yellow]warning:[/] {escape(str(message))}", highlight=False)
        else:
            default(message, category, *args, **kwargs)

    warnings.showwarning = show


# typer prints each option's Python type (<bool>, <int range>, <list[str]>, <str>): a flag shows
# none, a value a word, as click does.
_TYPE_WORDS = {"int": "INTEGER", "float": "NUMBER", "str": "TEXT", "Path": "PATH", "path": "PATH"}


def _type_word(shown: str | None) -> str | None:
    if not shown or not (shown.startswith("<") and shown.endswith(">")):
        return shown
    label = shown[1:-1].removesuffix(" range")
    if label.startswith("list[") and label.endswith("]"):
        inner = _type_word(f"<{label[5:-1]}>")
        return f"{inner}..." if inner else None
    if "|" in label:
        return f"[{label}]"
    return _TYPE_WORDS.get(label, label.upper())


def _readable_option_type(self: Any, ctx: Any) -> str | None:
    if self.is_flag or self.count:
        return None
    if self.metavar is not None:
        return str(self.metavar)
    word = _type_word(self.display_type(ctx))
    return f"{word}..." if word and self.nargs != 1 else word


def _readable_argument_type(self: Any, ctx: Any) -> str | None:
    word = _type_word(self.display_type(ctx))
    if word in ("TEXT", "TEXT...") or word == self.metavar:
        return None  # the argument's name says enough
    return word


def _argument_name(self: Any) -> str:
    name = str(self.metavar or self.name).upper()
    return f"{name}..." if self.nargs != 1 else name


def _click_style_usage_name(self: Any) -> str:
    # typer writes a required argument as {name}; click's convention (and every man page's) is
    # NAME for required and [NAME] for optional.
    return _argument_name(self) if self.required else f"[{_argument_name(self)}]"


def _use_readable_types() -> None:
    from typer import core

    core.TyperOption.display_type_rich = _readable_option_type  # type: ignore[method-assign]
    core.TyperArgument.display_type_rich = _readable_argument_type  # type: ignore[method-assign]
    core.TyperArgument._usage_display_name = _click_style_usage_name  # type: ignore[method-assign]


_use_readable_types()


def fail(message: str, status: ExitStatus = ExitStatus.FAILED) -> typer.Exit:
    """Print ``message`` on stderr; the caller raises the returned Exit."""
    stderr.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code=int(status))
