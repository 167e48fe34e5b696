"""How much of one input record a reader ever holds in memory: the limits, in one place.

A record over its limit is cut off: it becomes an error row (E050) and the reader goes on with
the next record, having read at most one byte (or one line chunk) past the limit. Compressed
files are decompressed as streams in bounded steps (extract/ingest/compressed.py), so the limits
hold after decompression too: a small ``.gz`` that inflates to gigabytes costs at most a limit's
worth of memory. Readers look the limits up at call time (``limits.MAX_TEXT_BYTES``), so tests
can lower them. See docs/ingest.md ("Limits").
"""

from __future__ import annotations

from typing import IO

MiB = 1024 * 1024

# A one-article file (.txt), decompressed. 16 MiB is 4x the bytes of the longest article
# --max-chars lets through at 4 bytes a character.
MAX_TEXT_BYTES = 16 * MiB
# One JSONL line (one record), decompressed.
MAX_LINE_BYTES = 16 * MiB
# One CSV physical line and one CSV field, in characters (csv.field_size_limit).
MAX_CSV_CHARS = 16 * MiB
# One web page (HTML or a WARC payload): 8 MiB, five times the largest of the 90 benchmark
# news pages (1.5 MB); extract/ingest/html.py.
MAX_PAGE_BYTES = 8 * MiB
# Step of the bounded reads below.
READ_STEP = MiB


def read_bounded(stream: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """At most ``limit`` bytes of ``stream`` and whether there was more (then one extra byte
    was read and is dropped). Memory stays within ``limit`` + one step, whatever the stream."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(READ_STEP, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    data = b"".join(parts)
    if size > limit:
        return data[:limit], True
    return data, False


def read_line_bounded(stream: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """The next line of ``stream`` (with its newline; b"" at the end) and whether it was over
    ``limit`` bytes: then the rest of the line is skipped in steps and only its first ``limit``
    bytes are returned."""
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, False
    while True:
        rest = stream.readline(READ_STEP)
        if not rest or rest.endswith(b"\n"):
            return line[:limit], True
