"""Bytes to text: find the encoding of a Chinese plain-text file, refuse what is not text."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not a text file we can read; the message says why, for an editor."""


# Encodings a Chinese newsroom's files come in. The detector is asked only about these so that it
# cannot pick a Cyrillic or Latin code page for GBK bytes (a known failure on short texts).
CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "utf_16", "utf_32")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in a text article; a few of them mean "binary file".
_BINARY_CONTROLS = set(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | set(range(0x10, 0x1B)) | {0x1C, 0x1D, 0x1E, 0x1F}


_BINARY_CONTROL_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_BINARY_CONTROLS)) + "]")


def _looks_binary(text: str) -> bool:
    return bool(_BINARY_CONTROL_RE.search(text, 0, 65536))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise DecodeError with a reason an editor understands."""
    if not data:
        raise DecodeError("the file is empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"the file starts with a {name} byte-order mark but is not valid {name}: {exc.reason} at byte {exc.start}") from None
            if "\x00" in text or _looks_binary(text):
                raise DecodeError("the file contains NUL or other binary control bytes; it is not a text article")
            return text, name.replace("-sig", "")
    if b"\x00" in data:
        raise DecodeError("the file contains NUL bytes (binary, or UTF-16 without a byte-order mark)")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
        if best is None:
            raise DecodeError("the bytes are not UTF-8, GB18030/GBK or Big5 text") from None
        encoding = _canonical(best.encoding)
        text = data.decode(encoding)
    if _looks_binary(text):
        raise DecodeError("the file contains binary control bytes; it is not a text article")
    return text, encoding


def _canonical(name: str) -> str:
    return {"utf_8": "utf-8", "gb18030": "gb18030", "big5": "big5", "utf_16": "utf-16", "utf_32": "utf-32"}.get(
        name, name.replace("_", "-")
    )
