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
        The decoded text, with line endings normalised to ``\\n``.
    encoding : str
        The encoding used to decode it.
    """

    path: Path
    text: str
    encoding: str


def looks_binary(data: bytes) -> bool:
    """True when ``data`` looks like a binary file rather than text.

    >>> looks_binary(b"plain words\\n")
    False
    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    True
    """
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > BINARY_CONTROL_SHARE


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
    """Decode bytes as UTF-8, or detect the encoding and warn.

    Raises
    ------
    CorpusError
        When no encoding decodes the bytes as plausible text.
    """
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return RawText(path=path, text=text, encoding=encoding)


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
