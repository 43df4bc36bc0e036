"""A document's text as HTML, with marked spans: every text piece escaped, nothing else added.

Spans are offsets into the original ``Document.text``; the HTML is built by cutting the text
at those offsets and escaping each piece with ``html.escape``, so whatever the document holds
(tags, scripts, links) is shown as text and never becomes markup.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.model import Document

#: Unicode bidi embedding and override controls (U+202A–U+202E): left out of the page, where a
#: stray one would reorder the text around it. Offsets are unaffected: they index the document
#: text, which keeps them.
BIDI_EMBEDDINGS = re.compile("[\u202a-\u202e]")
#: Bidi isolates (U+2066–U+2068 open, U+2069 closes): a balanced pair becomes ``<bdi>``, an
#: unbalanced one is left out.
BIDI_ISOLATES = re.compile("[\u2066-\u2069]")
_PDI = "\u2069"
#: A blank line separates paragraphs.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to highlight: where, which CSS class, an optional anchor id, link and tooltip."""

    start: int
    end: int
    css: str
    anchor: str = ""
    href: str = ""
    tip: str = ""
    background: str = ""


def safe_id(*parts: str) -> str:
    """An HTML id made of letters, digits, '-' and '_' only, unique per input.

    >>> safe_id("claim", "ap-wire:57")
    'claim-ap-wire_57-f26848'
    """
    raw = "-".join(parts)
    readable = re.sub(r"[^A-Za-z0-9_-]+", "_", raw)[:60]
    return f"{readable}-{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:6]}"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text`` (blank-line separated, blanks dropped)."""
    out, pos = [], 0
    for gap in PARAGRAPH_BREAK.finditer(text):
        out.append((pos, gap.start()))
        pos = gap.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def escape(text: str) -> str:
    """Text made inert in HTML: escaped, and no raw bidi control left (embeddings and
    overrides removed, balanced isolates turned into ``<bdi>``, unbalanced ones removed).

    >>> escape("<b>\u202e12</b> \u2067داعش\u2069 \u2066x")
    '&lt;b&gt;12&lt;/b&gt; <bdi>داعش</bdi> x'
    """
    text = BIDI_EMBEDDINGS.sub("", text)
    if not BIDI_ISOLATES.search(text):
        return html.escape(text, quote=True)
    parts = BIDI_ISOLATES.split(text)
    controls = [m.group() for m in BIDI_ISOLATES.finditer(text)]
    tags = [""] * len(controls)
    opened: list[int] = []
    for k, control in enumerate(controls):
        if control != _PDI:
            opened.append(k)
        elif opened:
            tags[opened.pop()], tags[k] = "<bdi>", "</bdi>"
    out = [html.escape(parts[0], quote=True)]
    for tag, part in zip(tags, parts[1:], strict=True):
        out += [tag, html.escape(part, quote=True)]
    return "".join(out)


def _piece(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _open(mark: Mark, first: bool) -> str:
    attrs = [f'class="{html.escape(mark.css, quote=True)}"']
    if mark.anchor and first:
        attrs.append(f'id="{html.escape(mark.anchor, quote=True)}"')
    if mark.tip:
        attrs.append(f'title="{escape(mark.tip)}"')
    if mark.background:
        attrs.append(f'style="background:{html.escape(mark.background, quote=True)}"')
    if mark.href:
        return f'<a href="{html.escape(mark.href, quote=True)}" {" ".join(attrs)}>'
    return f"<mark {' '.join(attrs)}>"


def _close(mark: Mark) -> str:
    return "</a>" if mark.href else "</mark>"


def highlight(doc: Document, marks: Iterable[Mark]) -> str:
    """The document as ``<p dir="auto">`` paragraphs with the marks highlighted.

    Marks are applied in order of start; a mark that overlaps an earlier one is skipped (the
    earlier one wins), so the output is always well nested. A mark crossing a paragraph break
    is cut in two.
    """
    text = doc.text
    ordered = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end)
    )
    kept: list[Mark] = []
    for m in ordered:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    out, opened = [], set()
    for p_start, p_end in paragraphs(text):
        parts, pos = [], p_start
        for m in kept:
            start, end = max(m.start, p_start), min(m.end, p_end)
            if start >= end:
                continue
            parts.append(_piece(text[pos:start]))
            parts.append(_open(m, id(m) not in opened) + _piece(text[start:end]) + _close(m))
            opened.add(id(m))
            pos = end
        parts.append(_piece(text[pos:p_end]))
        out.append(f'<p dir="auto">{"".join(parts)}</p>')
    return "\n".join(out)
