"""Reading raw files safely: size limit, binary detection, encoding detection.

Nothing here writes to disk; input files are opened read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import CorpusError, Notice, notify

#: Default size limit for one input file, in bytes. News articles are a few
#: tens of kilobytes; 5 MB leaves room for long reports while refusing dumps
#: (whole-site crawls, logs) that would swamp a comparison. Override with
#: ``max_bytes=`` or the CLI's ``--max-mb``.
DEFAULT_MAX_BYTES = 5_000_000

#: Share of control bytes (other than tab, newline, carriage return, form
#: feed) above which a file is treated as binary. Plain text has none.
BINARY_CONTROL_SHARE = 0.05

#: Share of zero bytes in the even (big-endian) or odd (little-endian)
#: positions that marks UTF-16 text without a byte-order mark: every ASCII
#: character has one there, and English news text is nearly all ASCII.
UTF16_ZERO_SHARE = 0.6

#: Bytes looked at when sniffing for binary content.
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class RawText:
    """A decoded file.

    Attributes
    ----------
    path : Path
        Where it came from.
    text : str
        The decoded text, with line endings normalised to ``\\n`` and a
        leading byte-order mark dropped.
    encoding : str
        The encoding used to decode it.
    original : str
        The decoded text exactly as read (byte-order mark and line endings kept).
    """

    path: Path
    text: str
    encoding: str
    original: str = ""


def looks_binary(data: bytes) -> bool:
    """True when ``data`` looks like a binary file rather than text.

    A stray NUL or other control byte in otherwise plain text does not make it
    binary (they are removed at load time, see
    :func:`toolkit.text.cleaning.scrub`); UTF-16 text is text.

    >>> looks_binary(b"plain words\\n")
    False
    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    True
    """
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    if utf16_encoding(head) is not None:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > BINARY_CONTROL_SHARE


def utf16_encoding(data: bytes) -> str | None:
    """``"utf-16"`` (byte-order mark), ``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` reads as UTF-16, else ``None``.

    Without a byte-order mark, UTF-16 text in a Latin script has a zero byte
    in (nearly) every other position; :data:`UTF16_ZERO_SHARE` of the even or
    odd bytes of the head must be zero, and almost none of the others.

    >>> utf16_encoding("Text".encode("utf-16"))
    'utf-16'
    >>> utf16_encoding("Text here".encode("utf-16-le"))
    'utf-16-le'
    >>> utf16_encoding(b"plain")
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    head = data[:SNIFF_BYTES]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    even_zero, odd_zero = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_zero >= UTF16_ZERO_SHARE and even_zero <= 1 - UTF16_ZERO_SHARE:
        return "utf-16-le"
    if even_zero >= UTF16_ZERO_SHARE and odd_zero <= 1 - UTF16_ZERO_SHARE:
        return "utf-16-be"
    return None


def check_size(path: Path, size: int, max_bytes: int) -> None:
    """Refuse a file larger than ``max_bytes``."""
    if size > max_bytes:
        raise CorpusError(
            path,
            f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes",
            "split it into one file per article, or raise the limit with "
            "max_bytes= (CLI: --max-mb)",
        )


def decode(path: Path, data: bytes, notices: list[Notice]) -> RawText:
    """Decode bytes as UTF-16 (when they read as such) or UTF-8, or detect the encoding and warn.

    Raises
    ------
    CorpusError
        When no encoding decodes the bytes as plausible text.
    """
    text = None
    utf16 = utf16_encoding(data)
    if utf16 is not None:
        try:
            text, encoding = data.decode(utf16), utf16
        except UnicodeDecodeError:
            text = None
    try:
        if text is None:
            text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise CorpusError(
                path,
                "the text is not UTF-8 and its encoding could not be detected",
                "re-save the file as UTF-8 (for example with iconv -t UTF-8)",
            ) from None
        encoding = best.encoding
        text = str(best)
        notify(
            notices,
            path,
            "not_utf8",
            f"not UTF-8; decoded as {encoding}. Re-save it as UTF-8 to silence this warning",
        )
    original = text
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return RawText(path=path, text=text, encoding=encoding, original=original)


def read_text_file(path: Path, max_bytes: int, notices: list[Notice]) -> RawText | None:
    """Read one text file, or return ``None`` (with a notice) if it is binary.

    Raises
    ------
    CorpusError
        When the file is over the size limit or cannot be decoded.
    """
    try:
        check_size(path, path.stat().st_size, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"the file cannot be read ({exc.strerror or exc.__class__.__name__})",
                          "check that the file exists and is readable (permissions, a broken or looping link)") from None
    if looks_binary(data):
        notify(
            notices,
            path,
            "binary_skipped",
            "looks like a binary file, not text; skipped. Remove it from the "
            "corpus folder or export it as plain text",
        )
        return None
    return decode(path, data, notices)
