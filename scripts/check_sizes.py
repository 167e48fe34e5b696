"""Size check run by ``make check``: no file in extract/components over 400 lines and no
function in extract/ over 60 lines.

A declarative table (a function or file that is a long list of data rather than logic) is
exempted by a comment ``# size: declarative table`` on the ``def`` line of the function, or
anywhere in the first ten lines of the file. Prints each violation and exits 1 when there is
any.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "extract"
COMPONENTS = PACKAGE / "components"
MAX_COMPONENT_FILE_LINES = 400
MAX_FUNCTION_LINES = 60
EXEMPT = "# size: declarative table"


def _file_exempt(lines: list[str]) -> bool:
    return any(EXEMPT in line for line in lines[:10])


def violations(package: Path = PACKAGE, components: Path = COMPONENTS) -> list[str]:
    """Every violation under ``package``, as 'path:line: message'."""
    found: list[str] = []
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        relative = path.relative_to(package.parent)
        if _file_exempt(lines):
            continue
        if components in path.parents and len(lines) > MAX_COMPONENT_FILE_LINES:
            found.append(
                f"{relative}:1: {len(lines)} lines (components: at most {MAX_COMPONENT_FILE_LINES})"
            )
        for node in ast.walk(ast.parse(text, filename=str(path))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
            length = (node.end_lineno or node.lineno) - first + 1
            if length > MAX_FUNCTION_LINES and EXEMPT not in lines[node.lineno - 1]:
                found.append(
                    f"{relative}:{node.lineno}: function {node.name} has {length} lines "
                    f"(at most {MAX_FUNCTION_LINES})"
                )
    return found


def main() -> int:
    found = violations()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
