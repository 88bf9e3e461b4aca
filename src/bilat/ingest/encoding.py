"""Turning the bytes of one input into text: binary sniffing and encoding detection.

Order of attempts: a byte-order mark (UTF-8, UTF-16), strict UTF-8, then the legacy
Cyrillic code pages. charset-normalizer proposes a code page among ``LEGACY_CYRILLIC``;
every candidate decoding is then scored by how Russian it looks (letter frequencies and
word shapes, see :func:`cyrillic_score`), because on short texts any single-byte code
page "decodes" and detectors alone confuse cp1251 with KOI8-R.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

# code pages tried when the bytes are not UTF-8, in order of preference on a tie
LEGACY_CYRILLIC = ("cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic")
# always scored, whatever charset-normalizer proposes
ALWAYS_SCORED = ("cp1251", "koi8_r")
# bytes sniffed for binary content
SNIFF_BYTES = 8192
# share of control bytes (other than tab, newline, carriage return, form feed, escape)
# above which the input is binary
MAX_CONTROL_SHARE = 0.05
# minimum "looks Russian" score for a legacy decoding to be accepted
MIN_CYRILLIC_SCORE = 0.5

_TEXT_CONTROLS = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
# a code page outside ALWAYS_SCORED must beat them by this much (short texts are ambiguous)
OTHER_PAGE_MARGIN = 0.35
# frequency (percent) of Russian letters in running text
RUSSIAN_LETTER_FREQ = dict(
    zip(
        "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
        (10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21, 2.98, 2.81,
         2.62, 2.01, 1.90, 1.74, 1.70, 1.65, 1.59, 1.44, 1.21, 0.97, 0.94, 0.73, 0.64, 0.48,
         0.36, 0.32, 0.26, 0.04, 0.04),
        strict=True,
    )
)  # fmt: skip
# mean letter frequency of real Russian text (sum of squared shares), the score's 1.0
EXPECTED_MEAN_FREQ = 5.5
_WORD = re.compile(r"[^\W\d_]+")
# a Russian word is lower case, Capitalised or ALL CAPS, never mIxEd
_WORD_SHAPE = re.compile(r"[А-ЯЁ]?[а-яё]+|[А-ЯЁ]+")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


class NotText(ValueError):
    """The bytes are not text; ``binary`` tells binary content from an unknown encoding."""

    def __init__(self, message: str, *, binary: bool) -> None:
        super().__init__(message)
        self.binary = binary


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or many control bytes in the first ``SNIFF_BYTES`` (BOM-less)."""
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls / len(head) > MAX_CONTROL_SHARE


def cyrillic_score(text: str) -> float:
    """How Russian a decoding looks, 0..1: the mean of (a) the Russian letter frequency of
    its non-ASCII characters against that of real text and (b) the share of its non-ASCII
    words shaped like Russian words (a wrong code page swaps letters and their case)."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return 0.0
    freq = sum(RUSSIAN_LETTER_FREQ.get(c.lower(), 0.0) for c in non_ascii) / len(non_ascii)
    words = [w for w in _WORD.findall(text) if any(ord(c) > 0x7F for c in w)]
    shaped = sum(1 for w in words if _WORD_SHAPE.fullmatch(w)) / len(words) if words else 0.0
    return (min(freq / EXPECTED_MEAN_FREQ, 1.0) + shaped) / 2


def _legacy_candidates(data: bytes) -> list[str]:
    proposed: list[str] = []
    best = from_bytes(data, cp_isolation=list(LEGACY_CYRILLIC)).best()
    if best is not None:
        proposed.append(best.encoding)
    for enc in ALWAYS_SCORED:
        if enc not in proposed:
            proposed.append(enc)
    return proposed


def decode_bytes(data: bytes) -> Decoded:
    """Decode one input; raise :class:`NotText` when it is binary or no decoding fits."""
    if looks_binary(data):
        raise NotText("binary content (NUL or control bytes)", binary=True)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as err:
            raise NotText(
                f"invalid UTF-8 after a UTF-8 byte-order mark: {err}", binary=False
            ) from err
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as err:
            raise NotText(f"invalid UTF-16: {err}", binary=False) from err
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    scored: list[tuple[float, int, str, str]] = []
    for rank, enc in enumerate(_legacy_candidates(data)):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = cyrillic_score(text)
        if enc not in ALWAYS_SCORED:
            score -= OTHER_PAGE_MARGIN
        scored.append((score, -rank, enc, text))
    if not scored:
        raise NotText("not UTF-8 and no Cyrillic code page decodes it", binary=False)
    score, _, enc, text = max(scored)
    if score < MIN_CYRILLIC_SCORE:
        raise NotText(
            f"not UTF-8, and no Cyrillic code page gives readable text (best {enc})",
            binary=False,
        )
    return Decoded(text, enc)
