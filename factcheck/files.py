"""Reading input files safely: only regular files, within a size limit, as UTF-8 text, and
(for the documents of a case.yaml) only inside the case folder.

A document's text comes from whoever wrote the page or the case file, so reading it must not
hang (a FIFO), exhaust memory (``/dev/zero``, a 5 GB dump), or reach outside the case
(``path: ../../etc/passwd``, a symlink out, an absolute path). Every refusal is a
``CaseError`` naming the file; the table of bad inputs is in ``docs/errors.md``.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import Final

from factcheck.errors import CaseError

#: Default largest input file, in bytes (50 MB: about 25 million Arabic or 50 million Latin
#: characters, far past any news report). ``load_case(max_file_bytes=...)`` and the command
#: line's ``--max-file-size`` raise it.
MAX_FILE_BYTES: Final = 50_000_000
#: Share of NUL bytes at even or odd positions above which a BOM-less file is taken for UTF-16.
UTF16_NUL_SHARE: Final = 0.3
_BOMS: Final = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The text of a regular file of at most ``max_bytes`` bytes, decoded as UTF-8 (or UTF-16
    with a byte-order mark), without its BOM.

    Refused with a one-line CaseError: a missing file, a folder, anything not a regular file
    (FIFO, device, socket: never opened for reading, so nothing blocks), a larger file, text in
    another encoding, UTF-16 without a BOM, and NUL bytes.
    """
    data = _read_bytes(path, max_bytes)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec if codec == "utf-8" else _utf16(bom))
            except UnicodeDecodeError as exc:
                raise CaseError(str(path), f"not {codec.upper()} text (byte {exc.start})") from None
    if b"\x00" in data:
        raise CaseError(str(path), _nul_problem(data))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CaseError(str(path), f"not UTF-8 text (byte {exc.start})") from None


def _utf16(bom: bytes) -> str:
    return "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"


def _nul_problem(data: bytes) -> str:
    sample = data[:4096]
    half = max(1, len(sample) // 2)
    if max(sample[0::2].count(0), sample[1::2].count(0)) / half >= UTF16_NUL_SHARE:
        return "looks like UTF-16 without a byte-order mark; save it as UTF-8"
    return f"contains NUL bytes (byte {data.index(0)}): a binary file, not text"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, refusing anything else before reading from it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise CaseError(str(path), "file not found") from None
    except OSError as exc:
        raise CaseError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise CaseError(str(path), "is a folder, expected a text file")
    if not stat.S_ISREG(info.st_mode):
        raise CaseError(str(path), f"not a regular file (a {_kind(info.st_mode)}); not read")
    if info.st_size > max_bytes:
        raise CaseError(str(path), _too_large(info.st_size, max_bytes))
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since stat, opening does not wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise CaseError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise CaseError(str(path), "not a regular file; not read")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise CaseError(str(path), _too_large(len(data), max_bytes))
    return data


def _too_large(size: int, limit: int) -> str:
    return (
        f"file of {_size(size)} is larger than the limit of {_size(limit)} "
        "(raise it with --max-file-size MB or load_case(max_file_bytes=...))"
    )


def _size(n: int) -> str:
    return f"{n / 1e6:g} MB" if n >= 1_000_000 else f"{n:,} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def inside(case_file: Path, entry: str, allow_outside: bool = False) -> Path:
    """The path of a document named in a case file, refused when it leaves the case folder:
    an absolute path, ``..`` that climbs out, or a symlink that points out (unless
    ``allow_outside``, the command line's ``--allow-outside-paths``)."""
    where = f"{case_file} (path {entry!r})"
    if not entry.strip():
        raise CaseError(where, "empty path")
    if "\x00" in entry:
        raise CaseError(where, "path contains a NUL character")
    relative = Path(entry)
    path = case_file.parent / relative
    if allow_outside:
        return path
    if relative.is_absolute() or relative.drive:
        raise CaseError(where, _outside("is absolute"))
    if not _resolves_inside(case_file.parent, path, where):
        raise CaseError(where, _outside("leads outside the case folder"))
    return path


def in_folder(folder: Path, path: Path, allow_outside: bool = False) -> Path:
    """``path``, a file found inside ``folder`` (a folder of .txt files, a corpus folder),
    refused when it resolves outside it: a symlink out is held to the same boundary as a
    case.yaml ``path`` (unless ``allow_outside``, ``--allow-outside-paths``)."""
    if allow_outside or _resolves_inside(folder, path, str(path)):
        return path
    raise CaseError(
        str(path),
        f"leads outside the folder {str(folder)!r} (a symlink out); files must sit in the "
        "folder given (or pass --allow-outside-paths)",
    )


def _resolves_inside(folder: Path, path: Path, where: str) -> bool:
    root = folder.resolve()
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        raise CaseError(where, "cannot be resolved (a symlink loop?)") from None
    return target.is_relative_to(root)


def _outside(problem: str) -> str:
    return f"{problem}; documents must sit in the case folder (or pass --allow-outside-paths)"
