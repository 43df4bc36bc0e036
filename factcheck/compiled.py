"""A disk cache of the kit's own compiled data, so that a short run starts fast.

Parsing the language files and building the character-folding table take most of a second
on every start; their results depend only on the kit's files and the Python version. They
are kept with :mod:`marshal` (plain values only: no code runs when they are read back) in
``$XDG_CACHE_HOME/factcheck`` (default ``~/.cache/factcheck``), under a key made of what they
were built from. Set ``FACTCHECK_NO_CACHE=1`` to neither read nor write it; when the folder
cannot be written, everything is simply built each time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def folder() -> Path:
    """Where compiled data is kept."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "factcheck"


def cached(name: str, source: bytes, build: Callable[[], T]) -> T:
    """``build()``, or what it returned before for the same ``name`` and ``source``.

    >>> cached("doctest", b"1", lambda: {"a": [1, 2]})
    {'a': [1, 2]}
    """
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return build()
    key = hashlib.sha256(source + sys.version.encode()).hexdigest()[:20]
    path = folder() / f"{name}-{key}.marshal"
    try:
        return _read(path)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        data = marshal.dumps(value)
    except ValueError:  # a value marshal cannot hold (a date): not cached
        return value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(path)  # atomic: parallel workers never read half a file
    except OSError:
        pass
    return value


def _read(path: Path) -> Any:
    return marshal.loads(path.read_bytes())
