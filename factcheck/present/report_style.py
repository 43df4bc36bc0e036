"""The report page's stylesheet and the marker glyphs that echo the charts' marker shapes."""

from __future__ import annotations

from typing import Final

#: Unicode look-alikes of matplotlib marker codes, so a speaker's badge in the report has the
#: shape of its marker in the charts.
MARKER_GLYPHS: Final[dict[str, str]] = {
    "o": "●", "s": "■", "^": "▲", "D": "◆", "v": "▼",
    "P": "✚", "X": "✖", "h": "⬢", "<": "◀", ">": "▶", "p": "⬟", "*": "★",
}  # fmt: skip

#: System fonts only (nothing is downloaded); Arabic falls back to whatever the system has.
CSS: Final = """
body { font-family: system-ui, "DejaVu Sans", "Noto Sans", "Noto Sans Arabic", sans-serif;
       margin: 1.5rem auto; max-width: 1400px; padding: 0 1rem; color: #1a1a1a;
       line-height: 1.45; font-size: 16px; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
.summary, .hint { color: #444; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid #e4e4e4; padding: .35rem .5rem; text-align: start;
         vertical-align: top; }
th { background: #f4f4f4; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
td.figures { min-width: 14rem; }
.scroll { overflow-x: auto; }
td.note { min-width: 12rem; max-width: 26rem; }
td ul { margin: 0; padding-inline-start: 0; list-style: none; }
td li { margin-bottom: .3rem; }
td.group { font-weight: 600; }
tr:target { outline: 3px solid #0072B2; }
small, .src { font-size: .8rem; }
.src { display: block; color: #555; }
.verdict { color: #fff; border-radius: .3rem; padding: .05rem .4rem; font-weight: 600; }
li.denied b { text-decoration: line-through; }
.dot { font-size: 1rem; margin-inline-end: .25rem; }
.via { color: #555; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; display: block; }
figcaption { color: #555; font-size: .9rem; }
.docs { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr));
        gap: 1rem; }
.doc { border: 1px solid #ddd; border-radius: .4rem; padding: .6rem .9rem; background: #fff; }
.doc header { border-bottom: 1px solid #eee; margin-bottom: .4rem; padding-bottom: .3rem; }
.doc[dir="rtl"] p { font-size: 1.05rem; }
a.claim, mark.claim { color: inherit; text-decoration: none; border-radius: .2rem;
                      padding: 0 .1rem; border-bottom: 2px solid #333; }
a.claim.repeat, mark.claim.repeat { outline: 2px dashed #333; outline-offset: 1px; }
a.claim:target, mark.claim:target { outline: 3px solid #D55E00; }
mark.unaligned { background: #eee; border-bottom: 2px dashed #777; }
mark.mention { background: none; border-bottom: 1px dotted #777; }
details summary { cursor: pointer; margin: .5rem 0; }
/* A phone: the comparison becomes one card per group, each cell named by its column. */
@media (max-width: 700px) {
  body { padding: 0 .6rem; margin: .8rem auto; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block;
         width: auto; min-width: 0; max-width: none; }
  table.cards thead { display: none; }
  table.cards tr { border: 1px solid #ddd; border-radius: .4rem; margin-bottom: 1rem;
                   padding: .3rem .2rem; }
  table.cards td { border-bottom: none; padding: .2rem .5rem; text-align: start; }
  table.cards td::before { content: attr(data-label); display: block; font-size: .8rem;
                           color: #555; font-weight: 400; }
  table.cards td.num { display: inline-block; }
}
"""
