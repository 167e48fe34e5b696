"""Bytes to text: a declared encoding, else a byte-order mark, else UTF-8, else detection.

Detection is deterministic and cautious, because detectors guess wildly on short texts
(charset-normalizer calls ``caf\\xe9 au lait`` Urdu, cp1006). In order:

1. valid UTF-8 (ASCII included) is UTF-8;
2. a detector's guess is believed only when it names a common non-Western news encoding
   (``DETECTABLE``), the text has at least ``MIN_EVIDENCE_BYTES`` non-ASCII bytes, and the
   guess decodes the text differently from windows-1252 (a cp1250 guess that decodes "café"
   exactly as cp1252 does is reported as cp1252);
3. otherwise windows-1252, when it decodes every byte: it is the Latin-1 of real archives
   (Latin-1 itself puts invisible C1 controls at 0x80-0x9F where cp1252 has curly quotes,
   dashes and the euro sign; WHATWG decodes the label iso-8859-1 as windows-1252 for this
   reason), and it agrees with Latin-1 on every other byte;
4. otherwise the text is undecodable: an error row that suggests ``--encoding``.

See docs/ingest.md ("Encodings").
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

from extract.errors import Errors

UTF8 = "utf-8"
WINDOWS_1252 = "cp1252"
MIN_EVIDENCE_BYTES = 20
DETECTION_SAMPLE_BYTES = 1 << 20  # the detector reads at most this much of a text
BINARY_SNIFF_BYTES = 8192  # a NUL byte in this prefix (without a UTF-16/32 mark): binary
_ASCII = bytes(range(0x80))
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def canonical(name: str) -> str:
    """Python's name for an encoding label (``latin1`` -> ``iso8859-1``); LookupError if
    unknown."""
    return codecs.lookup(name).name


DETECTABLE = frozenset(
    canonical(name)
    for name in (
        "cp1250",
        "iso8859_2",
        "cp1251",
        "koi8_r",
        "koi8_u",
        "iso8859_5",
        "cp1253",
        "iso8859_7",
        "cp1254",
        "iso8859_9",
        "cp1255",
        "iso8859_8",
        "cp1256",
        "iso8859_6",
        "cp1257",
        "cp874",
        "cp932",
        "shift_jis",
        "euc_jp",
        "gb18030",
        "gb2312",
        "gbk",
        "big5",
        "cp950",
        "cp949",
        "euc_kr",
    )
)


@dataclass(frozen=True)
class Decoded:
    """Text and the encoding it was read with, or a coded error."""

    text: str | None
    encoding: str | None
    error: str | None = None


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def reported_name(encoding: str) -> str:
    """The name written to ``documents.encoding``: utf-8-sig is utf-8."""
    return UTF8 if encoding == "utf-8-sig" else canonical(encoding)


def decode_declared(data: bytes, encoding: str) -> Decoded:
    """``data`` in the user's declared ``encoding`` (a UTF-8 mark is dropped)."""
    codec = "utf-8-sig" if canonical(encoding) == UTF8 else encoding
    try:
        return Decoded(data.decode(codec), reported_name(codec))
    except UnicodeDecodeError as error:
        detail = f"byte {error.start}: {error.reason}"
        return Decoded(None, None, Errors.E047.format(encoding=reported_name(codec), detail=detail))


def guess_encoding(data: bytes) -> str | None:
    """A detected non-Western encoding for ``data``, or None (see the module docstring)."""
    sample = data[:DETECTION_SAMPLE_BYTES]
    if len(sample.translate(None, _ASCII)) < MIN_EVIDENCE_BYTES:
        return None
    best = charset_normalizer.from_bytes(sample).best()
    if best is None or best.encoding is None:
        return None
    name = canonical(best.encoding)
    return name if name in DETECTABLE else None


def decode_text(data: bytes, declared: str | None = None) -> Decoded:
    """``data`` as text: declared encoding, byte-order mark, UTF-8, detection, windows-1252."""
    codec = declared or _bom_encoding(data)
    wide = codec is not None and canonical(codec).startswith(("utf-16", "utf-32"))
    if not wide and b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return Decoded(None, None, Errors.E003)
    if codec is not None:
        return decode_declared(data, codec)
    try:
        return Decoded(data.decode(UTF8), UTF8)
    except UnicodeDecodeError as error:
        not_utf8 = f"byte {error.start}: {error.reason}"
    western = _decode(data, WINDOWS_1252)
    guess = guess_encoding(data)
    if guess is not None:
        text = _decode(data, guess)
        if text is not None and text != western:
            return Decoded(text, guess)
    if western is not None:
        return Decoded(western, WINDOWS_1252)
    return Decoded(None, None, Errors.E048.format(detail=not_utf8))


def _decode_prefix(sample: bytes, encoding: str) -> str | None:
    """``sample`` decoded, allowing a character cut at its end; None if it does not decode."""
    try:
        return codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None


def stream_encoding(sample: bytes, declared: str | None = None) -> str:
    """The codec to read a stream (CSV) with, chosen from its first bytes like
    ``decode_text``. Bytes it cannot decode further on make their own rows errors."""
    if declared is not None:
        return "utf-8-sig" if canonical(declared) == UTF8 else canonical(declared)
    bom = _bom_encoding(sample)
    if bom is not None:
        return bom
    if _decode_prefix(sample, UTF8) is not None:
        return "utf-8-sig"
    guess = guess_encoding(sample)
    if guess is not None:
        text = _decode_prefix(sample, guess)
        if text is not None and text != _decode_prefix(sample, WINDOWS_1252):
            return guess
    return WINDOWS_1252
