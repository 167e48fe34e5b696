"""Opening input files as byte streams, decompressed on the fly (.gz, .bz2, .xz, .zst).

Every decompressor works in bounded steps, so memory does not depend on how far a file inflates:
a decompression bomb is cut by the reader's limits (extract/ingest/limits.py), not by running
out of memory. A stream that ends before its end-of-stream marker raises EOFError.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import lzma
import zlib
from collections.abc import Iterator
from typing import IO, Any

import zstandard

from extract.ingest.formats import compression
from extract.storage import AnyPath, RemotePath

ZSTD_INPUT_STEP = 1024  # compressed bytes per zstd step: at most ~32 MiB out (128 KiB per 4 bytes)
# What reading a damaged file raises besides OSError (lzma and zstd errors are not OSErrors).
READ_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    lzma.LZMAError,
    zstandard.ZstdError,
)


class _ZstdReader(io.RawIOBase):
    """zstd frames (one after another) decompressed in small steps; truncation is an error
    (python-zstandard's stream_reader returns a silent end of file instead)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._decompressor = zstandard.ZstdDecompressor()
        self._frame = self._decompressor.decompressobj()
        self._pending = b""
        self._in_frame = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = self._raw.read(ZSTD_INPUT_STEP)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd stream ends before the end of its frame")
                return 0
            self._feed(chunk)
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _feed(self, chunk: bytes) -> None:
        while chunk:
            self._in_frame = True
            self._pending += self._frame.decompress(chunk)
            if not self._frame.eof:
                return
            self._in_frame = False
            chunk = self._frame.unused_data
            self._frame = self._decompressor.decompressobj()


GZIP_INPUT_STEP = 1 << 16  # compressed bytes per gzip step; output is bounded by the caller's read


class TruncatedGzip(OSError):
    """A gzip stream that ends inside a member (an incomplete download)."""


class GzipStream(io.RawIOBase):
    """gzip members one after another, decompressed in bounded steps. Unlike gzip.GzipFile, a
    read returns what was decompressed so far, and only the read after it raises
    TruncatedGzip (an OSError, not an EOFError) when the stream ends inside a member: readers
    that take EOFError for the end of the data (warcio) neither lose the last block nor miss
    the damage."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._member = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self._input = b""
        self._in_member = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if not self._input:
                self._input = self._raw.read(GZIP_INPUT_STEP)
                if not self._input:
                    if self._in_member:
                        raise TruncatedGzip("gzip stream ends before the end of its member")
                    return 0
            self._in_member = True
            out = self._member.decompress(self._input, len(buffer))
            if self._member.eof:
                self._input = self._member.unused_data
                self._member = zlib.decompressobj(zlib.MAX_WBITS | 16)
                self._in_member = False
            else:
                self._input = self._member.unconsumed_tail
            if out:
                buffer[: len(out)] = out
                return len(out)


def _raw(path: AnyPath) -> IO[bytes]:
    if isinstance(path, RemotePath):
        return path.open_binary()
    return path.open("rb")


@contextlib.contextmanager
def open_input(path: AnyPath) -> Iterator[IO[bytes]]:
    """``path`` as a binary stream, decompressed according to its last suffix."""
    kind = compression(path)
    with _raw(path) as raw:
        if kind is None:
            yield raw
        elif kind == "gzip":
            with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                yield stream  # type: ignore[misc]
        elif kind == "bz2":
            with bz2.BZ2File(raw, "rb") as stream:
                yield stream
        elif kind == "xz":
            with lzma.LZMAFile(raw, "rb") as stream:
                yield stream
        else:
            with io.BufferedReader(_ZstdReader(raw)) as stream:
                yield stream
