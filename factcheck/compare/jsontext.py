"""JSON cells of the comparison table written directly, as ``json.dumps`` writes them (the
comparison's vectorised path builds hundreds of thousands of them)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from typing import Final


def number(x: float) -> str:
    """``json.dumps`` of a figure as the general path writes it: an integer without ".0"."""
    if math.isnan(x):
        return "null"
    return str(int(x)) if x.is_integer() else repr(x)


PLAIN: Final = re.compile(r'[^"\\\x00-\x1f]*')
PLAIN_ASCII: Final = re.compile(r"[\x20\x21\x23-\x5b\x5d-\x7e]*")


def text(value: str, ascii: bool = True) -> str:
    """``json.dumps`` of a string (quoted directly when nothing needs escaping)."""
    if (PLAIN_ASCII if ascii else PLAIN).fullmatch(value):
        return f'"{value}"'
    return json.dumps(value, ensure_ascii=ascii)


def quoted(values: Sequence[str], ascii: bool = True) -> list[str]:
    """:func:`text` of each value: one pass of the pattern over them all when none needs
    escaping (claim ids, names), else value by value."""
    if (PLAIN_ASCII if ascii else PLAIN).fullmatch("".join(values)):
        return [f'"{value}"' for value in values]
    return [text(value, ascii) for value in values]


def texts(values: Sequence[str]) -> str:
    return "[" + ", ".join(text(t) for t in values) + "]"


def obj(pairs: Sequence[tuple[str, str]], ascii: bool = True) -> str:
    """A JSON object from (key, JSON value) pairs, as ``json.dumps`` writes it."""
    return "{" + ", ".join(f"{text(k, ascii)}: {v}" for k, v in pairs) + "}"


class Quoted(dict):
    """:func:`text` of each string asked for, remembered (speaker names and figure words
    come back on thousands of rows): ``Quoted(ascii=False)[name]``."""

    def __init__(self, ascii: bool = True) -> None:
        super().__init__()
        self.ascii = ascii

    def __missing__(self, key: str) -> str:
        value = self[key] = text(key, self.ascii)
        return value
