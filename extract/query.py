"""SQL over a run's tables (DuckDB), sandboxed by default.

``connect(out_dir)`` opens an in-memory DuckDB database with one view per table of the run in
``out_dir`` (a folder or an fsspec URL). By default the database can read the run's tables and
nothing else (docs/security.md):

- a local run's views read the part files listed one by one, and only those files are allowed
  (``allowed_paths``); a remote run's tables are copied in through fsspec, then the filesystem
  is unregistered;
- then ``enable_external_access = false`` (no other file, URL, COPY … TO, ATTACH of a file,
  extension install or load) and ``lock_configuration = true`` (no SET re-opens it), with
  extension autoloading and autoinstalling off from the start;
- ``query`` runs only SELECT and EXPLAIN statements; every other kind is refused with a coded
  error before anything runs (QueryRefused).

``unsafe=True`` gives full DuckDB, as a shell would (views over globs, every statement).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.errors import Errors
from extract.storage import AnyPath, RemotePath, StorageError, as_path
from extract.tables.schema import TABLES
from extract.tables.spreadsheet import PREFIX, is_text
from extract.tables.writers import csv_is_neutralised

SAFE_CONFIG = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}
ALLOWED_STATEMENTS = ("SELECT", "EXPLAIN")
# Statement kinds refused by the sandbox with their own message; any other kind gets E038.
REFUSED = {
    "COPY": Errors.E039,
    "EXPORT": Errors.E039,
    "COPY_DATABASE": Errors.E039,
    "ATTACH": Errors.E040,
    "DETACH": Errors.E040,
    "LOAD": Errors.E041,
    "EXTENSION": Errors.E041,
    "SET": Errors.E042,
    "VARIABLE_SET": Errors.E042,
    "PRAGMA": Errors.E042,
}


class QueryError(ValueError):
    """A query could not run: the message says why."""


class QueryRefused(QueryError):
    """The sandbox refused a statement; ``code`` is its E… code."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.code = message.split(":", 1)[0]


def connect(out_dir: str | AnyPath, *, unsafe: bool = False) -> Any:
    """An in-memory DuckDB connection with one view per table of the run in ``out_dir``,
    sandboxed unless ``unsafe`` (see the module docstring)."""
    import duckdb

    from extract.run import output_tables

    try:
        folder = as_path(out_dir)
        tables = output_tables(folder)
    except (StorageError, OSError) as error:
        raise QueryError(str(error)) from error
    if not tables:
        raise QueryError(Errors.E037.format(path=out_dir))
    restore = csv_is_neutralised(folder)
    connection = duckdb.connect(config={} if unsafe else dict(SAFE_CONFIG))
    try:
        if unsafe:
            _open_unsafe(connection, folder, tables, restore)
        elif isinstance(folder, RemotePath):
            _copy_remote(connection, folder, tables, restore)
        else:
            _open_local(connection, folder, tables, restore)
    except BaseException:
        connection.close()
        raise
    return connection


def _open_unsafe(
    connection: Any, folder: AnyPath, tables: dict[str, tuple[str, list[AnyPath]]], restore: bool
) -> None:
    if isinstance(folder, RemotePath):
        connection.register_filesystem(folder.fs)
    for name, (suffix, parts) in tables.items():
        glob = _quote(str(parts[0].parent / f"part-*.{suffix}"))
        connection.execute(f'CREATE VIEW "{name}" AS {_select(name, suffix, glob, restore)}')


def _copy_remote(
    connection: Any, folder: RemotePath, tables: dict[str, tuple[str, list[AnyPath]]], restore: bool
) -> None:
    """Remote tables copied into the database through fsspec; then no file is reachable."""
    connection.register_filesystem(folder.fs)
    for name, (suffix, parts) in tables.items():
        files = _file_list([str(part) for part in parts])
        connection.execute(f'CREATE TABLE "{name}" AS {_select(name, suffix, files, restore)}')
    for name in connection.list_filesystems():
        connection.unregister_filesystem(name)
    _lock(connection)


def _open_local(
    connection: Any, folder: AnyPath, tables: dict[str, tuple[str, list[AnyPath]]], restore: bool
) -> None:
    """Views over the run's part files, the only files the locked database may read."""
    root = Path(str(folder)).resolve()
    allowed: list[str] = []
    for name, (suffix, parts) in tables.items():
        paths = [Path(str(part)).resolve() for part in parts]
        outside = [
            str(part) for part, path in zip(parts, paths, strict=True) if root not in path.parents
        ]
        if outside:
            raise QueryRefused(Errors.E043.format(detail=f"{outside[0]} leads outside {folder}"))
        files = [str(path) for path in paths]
        allowed += files
        connection.execute(
            f'CREATE VIEW "{name}" AS {_select(name, suffix, _file_list(files), restore)}'
        )
    connection.execute(f"SET allowed_paths = {_file_list(allowed)}")
    _lock(connection)


def _lock(connection: Any) -> None:
    connection.execute("SET enable_external_access = false")
    connection.execute("SET lock_configuration = true")


def _select(table: str, suffix: str, files: str, restore: bool) -> str:
    """SELECT over the parts ``files`` (a quoted glob or list literal) with the declared types,
    so that every format gives the same columns (and empty parts work)."""
    if suffix == "parquet":
        return f"SELECT * FROM read_parquet({files})"
    if suffix == "csv":
        columns = _columns(table, lists_as_text=True)
        select = _restoring_select(table) if restore else "*"
        return f"SELECT {select} FROM read_csv({files}, header = true, columns = {columns})"
    columns = _columns(table)
    return f"SELECT * FROM read_json({files}, format = 'newline_delimited', columns = {columns})"


def _restoring_select(table: str) -> str:
    """A select list giving the original text of neutralised CSV cells (one leading apostrophe
    dropped: extract/tables/spreadsheet.py)."""
    prefix = _quote(PREFIX)
    items = []
    for column in TABLES[table].columns:
        name = '"' + column.name.replace('"', '""') + '"'
        if is_text(column.type):
            items.append(
                f"CASE WHEN starts_with({name}, {prefix}) THEN substr({name}, 2) ELSE {name} END"
                f" AS {name}"
            )
        else:
            items.append(name)
    return ", ".join(items)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _file_list(paths: list[str]) -> str:
    return "[" + ", ".join(_quote(path) for path in paths) + "]"


def _columns(table: str, *, lists_as_text: bool = False) -> str:
    """A DuckDB ``columns`` struct literal for ``table``'s declared schema."""
    import pyarrow as pa

    def duck_type(type_: pa.DataType) -> str:
        if pa.types.is_list(type_):
            return "VARCHAR" if lists_as_text else duck_type(type_.value_type) + "[]"
        if pa.types.is_boolean(type_):
            return "BOOLEAN"
        if pa.types.is_integer(type_):
            return "BIGINT"
        if pa.types.is_decimal(type_):
            return f"DECIMAL({type_.precision}, {type_.scale})"
        if pa.types.is_floating(type_):
            return "DOUBLE"
        if pa.types.is_date(type_):
            return "DATE"
        return "VARCHAR"

    fields = ", ".join(
        f"{_quote(column.name)}: {_quote(duck_type(column.type))}"
        for column in TABLES[table].columns
    )
    return "{" + fields + "}"


def check_statements(connection: Any, sql: str) -> None:
    """Refuse, with its coded message, any statement the sandbox does not run."""
    import duckdb

    try:
        statements = connection.extract_statements(sql)
    except duckdb.Error as error:
        raise QueryError(str(error)) from error
    for statement in statements:
        kind = statement.type.name
        if kind not in ALLOWED_STATEMENTS:
            raise QueryRefused(REFUSED.get(kind, Errors.E038).format(kind=kind))


def query(
    out_dir: str | AnyPath, sql: str, *, unsafe: bool = False
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of ``sql`` run over the tables in ``out_dir``; only SELECT and
    EXPLAIN over the run's tables unless ``unsafe``. Raises QueryRefused or QueryError."""
    import duckdb

    connection = connect(out_dir, unsafe=unsafe)
    try:
        if not unsafe:
            check_statements(connection, sql)
        result = connection.execute(sql)
        columns = [column[0] for column in result.description or []]
        return columns, result.fetchall()
    except duckdb.PermissionException as error:
        if unsafe:
            raise QueryError(str(error)) from error
        raise QueryRefused(Errors.E043.format(detail=_first_line(error))) from error
    except duckdb.Error as error:
        raise QueryError(str(error)) from error
    finally:
        connection.close()


def _first_line(error: Exception) -> str:
    return str(error).split("\n", 1)[0]


__all__ = ["QueryError", "QueryRefused", "check_statements", "connect", "query"]
