"""Every number expression of a document, as mentions with spans into the original text."""

from __future__ import annotations

import re
from typing import Final

from factcheck.model import Document, Mention, Qualifier, Role
from factcheck.text.normalize import normalize

_DIGITS: Final = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")


def find_mentions(doc: Document) -> list[Mention]:
    """Every number expression in ``doc``, sorted by start (first version: digits only).

    >>> doc = Document("d", "p", "ar", "قتل ١٥ عنصراً")
    >>> [(m.text, m.low) for m in find_mentions(doc)]
    [('١٥', 15.0)]
    """
    nt = normalize(doc.text)
    found: list[Mention] = []
    for match in _DIGITS.finditer(nt.text):
        span = nt.to_original(*match.span())
        raw = match.group().replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        found.append(
            Mention(
                doc.id,
                span.start,
                span.end,
                doc.text[span.start : span.end],
                value,
                value,
                Qualifier.EXACT,
                Role.CLAIM,
                "digits (first version: roles not yet assigned)",
            )
        )
    return found
