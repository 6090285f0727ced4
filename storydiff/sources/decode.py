"""Bytes to text that every later stage can trust.

All character offsets downstream point into the text produced here, so decoding and
normalisation must be deterministic and must never change line structure beyond making every
line break a plain ``\\n``: the cleaner works line by line and reports removed lines by number.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from storydiff.errors import Code, InputError

# File signatures of formats people drop into an article folder by mistake. Naming the format
# in the error tells the user what went wrong far better than "cannot decode".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx, .xlsx, .epub)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh91AY&SY", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"(\xb5/\xfd", "a Zstandard-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document"),
    (b"\x7fELF", "an ELF executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3\x03\x00", "an MP3 audio file"),
    (b"ID3\x04\x00", "an MP3 audio file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 media file"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 media file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

# UTF-32 first: its little-endian BOM begins with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A charset declared by the page itself beats statistics on short pages. Only the head is
# searched: a declaration further down is not one a browser would honour either.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_DECLARATION_WINDOW = 4096

# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do real pages: a page
# labelled latin-1 with curly quotes in it is common, and only windows-1252 decodes it. A
# UTF-16/32 label inside the bytes contradicts itself (it was readable as ASCII), so browsers
# ignore it, and so do we: decoding 8-bit bytes as UTF-16 "succeeds" with garbage.
_WINDOWS_1252_ALIASES = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "ascii", "us-ascii"}
)
_WIDE_LABELS = ("utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2", "ucs-4", "ucs4")

# When statistics cannot tell code pages apart (short texts tie at zero "coherence"), prefer
# the encodings legacy news pages actually use, in this order.
_PREFERRED_ENCODINGS = (
    "cp1252",
    "cp1251",
    "koi8_r",
    "iso8859_15",
    "cp1250",
    "cp932",
    "gb18030",
    "big5",
    "euc_kr",
)
_TIE = 0.01

# Control characters other than tab and line breaks never occur in prose; a text with more
# than this share of them is a binary file that happened to decode.
_MAX_CONTROL_SHARE = 0.05
_CONTROL_SAMPLE = 65536
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c")

# Normalisation tables. Every line break becomes "\n" so that str.splitlines() and
# str.split("\n") agree on line numbers; invisible characters go because they split words
# for the tokenizer without showing in the report; every other space separator becomes a
# plain space so that "Bashar al\u00a0Assad" matches "Bashar al Assad".
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2060\ufeff]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Lone surrogates come only from JSON escapes such as "\\ud800"; they cannot be written out as
# UTF-8 later, so they become the replacement character now.
_SURROGATES = re.compile("[\ud800-\udfff]")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode without normalising: JSON escapes must be resolved before normalisation sees them.

    Raises InputError E003 for binary data and E005 when no encoding fits.
    """
    reject_binary(data, source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, source)
    if b"\x00" in data:
        raise InputError(source, Code.E003, detail="contains NUL bytes")
    for decoder in (_utf8, _declared, _detected):
        text = decoder(data)
        if text is not None:
            return text
    raise InputError(source, Code.E005)


def reject_binary(data: bytes, source: str) -> None:
    """Name a known binary format from its signature, before any decoding is attempted."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, Code.E003, detail=name)


def reject_control_characters(text: str, source: str) -> None:
    """Catch binary data that an 8-bit code page decoded without complaint."""
    sample = text[:_CONTROL_SAMPLE]
    if not sample:
        return
    controls = sum(1 for ch in sample if _is_control(ch))
    share = controls / len(sample)
    if share > _MAX_CONTROL_SHARE:
        raise InputError(
            source, Code.E003, detail=f"{share:.0%} of its characters are control codes"
        )


def normalise(text: str) -> str:
    """Make equal-looking text equal, keeping every visible character and every line."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", replace_surrogates(text))


def replace_surrogates(text: str) -> str:
    """Lone surrogates as U+FFFD: the one change even an identifier (a URL, an id) gets, since
    no UTF-8 writer, SQLite included, accepts them."""
    return _SURROGATES.sub("\ufffd", text)


def count_surrogates(text: str) -> int:
    """How many lone surrogates ``replace_surrogates`` would replace, for the warning that
    says so."""
    return len(_SURROGATES.findall(text))


def peek_text(head: bytes) -> str:
    """A lossy decoding of a file's first bytes, good enough to recognise markup in it."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="ignore")
    return head.decode("utf-8", errors="replace")


def _is_control(ch: str) -> bool:
    return ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(source, Code.E005) from err


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _declared(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_DECLARATION_WINDOW])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    if label.startswith(_WIDE_LABELS):
        return None
    encoding = "cp1252" if label in _WINDOWS_1252_ALIASES else label
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _detected(data: bytes) -> str | None:
    """Let charset_normalizer guess, but break its ties towards common news encodings.

    Left alone it breaks ties alphabetically, so Western European text comes out as cp1250
    ("à" read as "ŕ"). UTF-16/32 guesses are ignored: without a BOM they are noise on short
    8-bit inputs, and with one they never get here.
    """
    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return None
    least_chaos = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= least_chaos + _TIE]
    most_coherent = max(m.coherence for m in calm)
    best = [m for m in calm if m.coherence >= most_coherent - _TIE]
    candidates = [
        enc for enc in _PREFERRED_ENCODINGS if any(enc in m.could_be_from_charset for m in best)
    ]
    for encoding in [*candidates, *(m.encoding for m in best)]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return None
