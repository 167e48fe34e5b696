"""How many records the inputs hold, when that is cheap to know (for the progress bar's total).

A .txt or .html file is one record. An uncompressed local JSONL file is counted by one pass over
its lines (non-blank lines are records), a CSV file by one pass of the csv module (quoted line
breaks are not rows): both about a second per gigabyte, nothing next to the pipeline. A Parquet
file says its row count in its footer. Anything else (compressed JSONL/CSV, URLs, stdin) has no cheap count: the total is then unknown (None).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from extract.ingest.formats import Format, compression, detect_format
from extract.ingest.walk import iter_input_files
from extract.storage import AnyPath

_BLOCK = 1 << 20


def count_records(inputs: Iterable[str | AnyPath]) -> int | None:
    """The number of records in ``inputs``, or None when one input cannot be counted cheaply."""
    total = 0
    for source in iter_input_files(inputs):
        found = _count_file(source)
        if found is None:
            return None
        total += found
    return total


def _count_file(source: AnyPath | str) -> int | None:
    if not isinstance(source, Path):
        return None  # stdin or a URL
    file_format = detect_format(source)
    if file_format in (Format.TEXT, Format.HTML):
        return 1
    if compression(source) is not None:
        return None
    try:
        if file_format is Format.JSONL:
            with source.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        if file_format is Format.PARQUET:
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(source).metadata.num_rows)
        if file_format is Format.CSV:
            with source.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
                return max(sum(1 for _ in csv.reader(handle)) - 1, 0)  # minus the header
    except (OSError, ValueError, csv.Error):  # pyarrow's ArrowInvalid is a ValueError
        return None  # reading it gives the precise error row
    return None
