"""Coded messages, in the style of spaCy's errors.py: every user-facing message has a code."""

from __future__ import annotations

# Error codes of a whole input file whose bytes could not be read or decoded (not of one record
# in it): a run that meets one completes but exits with status 3 (docs/cli.md).
UNREADABLE_FILE_CODES = (
    "E002",
    "E003",
    "E010",
    "E020",
    "E021",
    "E032",
    "E033",
    "E034",
    "E085",
)


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """``1 row``, ``2 rows``, ``0 rows``: counts in messages read right."""
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"


class Errors:
    E001 = "E001: empty article (no text)"
    E002 = "E002: not valid UTF-8 text ({detail})"
    E003 = "E003: looks like a binary file, not text"
    E004 = "E004: malformed JSON ({detail})"
    E005 = "E005: missing required field '{field}'"
    E006 = "E006: duplicate id '{doc_id}' (first seen at {first})"
    E007 = "E007: article too long ({n_chars} characters, limit {limit}; raise --max-chars)"
    E008 = "E008: field '{field}' has the wrong type ({type_name}, expected text)"
    E009 = "E009: processing failed in {where}: {detail}"
    E010 = "E010: cannot read {path}: {detail}"
    E011 = "E011: malformed CSV row ({detail})"
    E012 = "E012: JSON line is not an object"
    E020 = (
        "E020: unknown input format for {path}; use .txt, .jsonl, .json, .csv, .html, .warc, "
        ".arc (optionally .gz, .bz2, .xz or .zst) or .parquet"
    )
    E021 = "E021: input not found: {path}"
    E022 = "E022: output folder {path} already holds a run; pass --overwrite or --resume"
    E023 = "E023: cannot parse --reference-date '{value}'"
    E024 = "E024: unknown model '{model}': install it or pass a path to a spaCy pipeline"
    E025 = "E025: unknown --home-country '{value}': use a country name or an ISO 3166 code"
    E026 = "E026: permission denied: cannot read {path}"
    E027 = "E027: --{option} must be at least 1, not {value}"
    E028 = "E028: unknown --engine '{engine}': use {engines}"
    E029 = "E029: --scheduler needs --engine dask"
    E030 = "E030: --overwrite and --resume exclude each other"
    E031 = "E031: unknown --format '{value}': use parquet, csv, jsonl or duckdb"
    E032 = "E032: web page over {limit} bytes, not read (limit: extract.ingest.html.MAX_PAGE_BYTES)"
    E033 = "E033: HTML could not be parsed ({detail})"
    E034 = "E034: page text cannot be decoded (tried {tried} and detection)"
    E035 = (
        "E035: no text in the page (only scripts or markup, or text nested deeper than 255"
        " elements, which the HTML parser drops)"
    )
    E036 = (
        "E036: input folder {path} holds nothing to read ({n_skipped} files not read: hidden, "
        "unknown format or unsupported archive; see docs/ingest.md)"
    )
    E037 = "E037: {path} holds no tables of a run"

    # extract query's sandbox (extract/query.py)
    E038 = (
        "E038: {kind} statements are refused by the query sandbox: only SELECT and EXPLAIN run,"
        " over the run's tables; pass --unsafe for full DuckDB"
    )
    E039 = (
        "E039: writing files ({kind}: COPY … TO, EXPORT DATABASE) is refused by the query"
        " sandbox; pass --unsafe to write files"
    )
    E040 = (
        "E040: {kind} is refused by the query sandbox: only the run's tables are open;"
        " pass --unsafe to attach databases"
    )
    E041 = (
        "E041: installing or loading DuckDB extensions ({kind}) is refused by the query sandbox;"
        " pass --unsafe"
    )
    E042 = (
        "E042: changing DuckDB settings ({kind}: SET, RESET, PRAGMA, IMPORT) is refused by the"
        " query sandbox; pass --unsafe"
    )
    E043 = (
        "E043: the query sandbox reads only the run's own tables ({detail}); pass --unsafe to"
        " read other files or URLs"
    )

    # --overwrite and --resume (extract/output_folder.py)
    E044 = (
        "E044: {path} is a symbolic link; --overwrite and --resume never follow or delete links:"
        " remove it yourself or choose another --out"
    )
    E045 = (
        "E045: {path} was not written by extract; --overwrite and --resume delete only an"
        " earlier run's own files: move it away or choose another --out"
    )
    E047 = "E047: text does not decode as {encoding} ({detail})"
    E048 = (
        "E048: text is neither UTF-8 nor windows-1252 and no other encoding was detected "
        "({detail}); pass --encoding"
    )
    E049 = "E049: unknown --encoding '{value}': use a Python codec name (utf-8, cp1252, latin-1...)"
    E050 = (
        "E050: {what} over the reading limit ({limit} bytes, after decompression), not read; "
        "see extract/ingest/limits.py"
    )
    E052 = "E052: unknown language '{value}' in --languages: use ISO 639-1 codes (en,de) or all"

    # component settings (extract/components/_rules.py)
    E075 = "E075: {component}: unknown rule(s) {unknown} in {setting}; known rules: {known}"
    E076 = "E076: a {table} row with unknown columns ({unknown}) or missing ones ({missing})"
    E077 = (
        "E077: {component}: the pipeline's rule files differ from this package's ({files}); "
        "rebuild the pipeline with extract build-model"
    )

    # web archives (extract/ingest/warc.py)
    E046 = "E046: corrupt or truncated archive record at byte {offset} ({detail})"
    E051 = "E051: archive record payload cannot be decoded ({detail})"

    # ingestion details (extract/ingest/)
    E086 = (
        "E086: --near-duplicates {value} is not a Jaccard similarity from 0.5 to below 1 (0.8:"
        " most 5-word shingles shared; exact repeats are always found)"
    )
    E085 = (
        "E085: {path} is a compressed Parquet file ({suffix}), which is not read: Parquet"
        " compresses its columns itself and is read by row group, which needs the plain file;"
        " decompress it first (e.g. gunzip)"
    )


class ModelVersionWarning(UserWarning):
    """The model was trained for another spaCy version than the one installed (W026)."""


class Warnings:
    W001 = "W001: unparseable published date '{value}'; reference date taken from {fallback}"
    W002 = "W002: text was decoded as {encoding}, not UTF-8"
    W003 = "W003: {n} invalid UTF-8 byte sequences replaced"
    W004 = (
        "W004: the number of '{text}' does not fit the {table} table's type (money: DECIMAL(38, 8),"
        " counts: int64); left null, not rounded"
    )
    W005 = "W005: unknown language '{value}' in metadata; language detected from the text"
    W006 = "W006: skipped: language '{language}' is not in --languages ({allowed})"
    W020 = (
        "W020: skipped: duplicate of '{first}' (the same text once case, spacing and Unicode"
        " forms are normalised; --keep-duplicates processes repeats)"
    )
    W021 = (
        "W021: skipped: near-duplicate of '{first}' (at least {threshold} of its 5-word shingles"
        " shared, MinHash estimate; --keep-duplicates processes repeats)"
    )
    W026 = (
        "W026: model {model} was trained with spaCy {trained}; running it on spaCy {running} "
        "(measured on this version: docs/models.md)"
    )
