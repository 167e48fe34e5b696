"""Command-line interface: thin shells over the importable functions."""

from extract.cli import (  # noqa: F401  (register commands)
    eval_cmd,
    model_cmd,
    query_cmd,
    report_cmd,
    run_cmd,
    show_cmd,
    tables_cmd,
)
from extract.cli._app import app

# An example in every command's help: commands without their own epilog get this one.
EXAMPLES = {
    "show": "Example: extract show corpora/samples/seed_article.txt --html seed.html",
    "tables": "Example: extract tables > docs/tables.md",
    "build-model": "Example: extract build-model models/news-en  (then: extract run IN --model "
    "models/news-en)",
    "report": "Example: extract report out/ --html report.html --max-articles 100",
    "query": 'Example: extract query out/ "SELECT currency, sum(amount) FROM money GROUP BY 1"',
    "run": "Example: extract run corpora/samples --out out/",
    "eval": "Example: extract eval corpora/gold --run",
}
for _command in app.registered_commands:
    _own = _command.epilog or ""
    if "Example" not in _own and _command.name in EXAMPLES:
        _command.epilog = f"{_own}  {EXAMPLES[_command.name]}".strip()

__all__ = ["app"]
