"""The HTML report: self-contained, escaped, sources side by side with linked highlights."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from html.parser import HTMLParser

import pandas as pd
import pytest

from factcheck.model import Case, Document, Mention, Qualifier, Role
from factcheck.present.highlight import Mark, highlight, safe_id
from factcheck.present.report import render_report, write_report
from factcheck.schema import claims_frame, mentions_frame

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


def test_hostile_text_never_becomes_markup(tmp_path, claim_maker, comparison_maker):
    hostile = " ".join(PAYLOADS)
    text = f"{hostile}\n\nThe raid killed 15 fighters, said {hostile}.\n\n{hostile}"
    doc = Document(hostile, hostile, "en", text, datetime(2024, 8, 30, tzinfo=UTC))
    claim = claim_maker(doc, "15", low=15, measure="killed", subject="militants",
                       subject_detail=hostile, speaker=hostile, via=hostile,
                       speaker_text=hostile)  # fmt: skip
    claims = claims_frame([claim]).assign(group_id="x1")
    comparison = comparison_maker(
        claims,
        [
            dict(
                group_id="x1",
                low=15.0,
                high=15.0,
                best=15.0,
                verdict="single_source",
                note=hostile,
                reason=hostile,
            )
        ],
    )
    start = text.index(PAYLOADS[2])
    mention = Mention(doc.id, start, start + len(PAYLOADS[2]), PAYLOADS[2], None, None,
                      Qualifier.EXACT, Role.OTHER, reason=hostile)  # fmt: skip
    path = write_report(tmp_path, Case(hostile, (doc,), title=hostile), claims, comparison,
                        mentions=[mention])  # fmt: skip
    page = path.read_text(encoding="utf-8")
    tags = parse(page)
    names = [t for t, _ in tags.tags]
    assert "script" not in names
    for tag, attrs in tags.tags:
        assert not [a for a in attrs if a.lower().startswith("on")], (tag, attrs)
        for value in attrs.values():
            assert not value.strip().lower().startswith("javascript:"), (tag, attrs)
        if tag == "img":
            assert attrs["src"].startswith("data:image/png;base64,")
    assert [a["href"] for t, a in tags.tags if t == "a"] == [
        a["href"] for t, a in tags.tags if t == "a" and a["href"].startswith("#")
    ]
    # the payloads are still there, as text a reader can see
    assert sum("".join(tags.text).count(p) for p in PAYLOADS) >= 3 * 4
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "\\|" not in md or "|" in md  # pipes escaped in cells, file still a table
    json.loads((tmp_path / "claimreview.jsonld").read_text(encoding="utf-8"))


def test_report_is_self_contained(tmp_path, case, anbar):
    claims, comparison = anbar
    page = write_report(tmp_path, case, claims, comparison).read_text(encoding="utf-8")
    tags = parse(page)
    for tag, attrs in tags.tags:
        for key in ("src", "href"):
            value = attrs.get(key, "")
            assert not value or value.startswith(("#", "data:")), (tag, key, value)
        assert tag not in ("script", "link", "iframe", "object", "embed")
    assert "Content-Security-Policy" in page
    images = [a["src"] for t, a in tags.tags if t == "img"]
    assert len(images) == 2  # discrepancies + agreement; no figure changed over time
    png = base64.b64decode(images[0].split(",", 1)[1])
    assert png[:4] == b"\x89PNG"


def test_claims_highlighted_in_group_colour_and_linked(case, anbar):
    claims, comparison = anbar
    tags = parse(render_report(case, claims, comparison, charts=False))
    rows = {a["id"] for t, a in tags.tags if t == "tr" and "id" in a}
    links = [a for t, a in tags.tags if t == "a" and "claim" in a.get("class", "")]
    assert len(links) == len(claims)
    for link in links:
        assert link["href"][1:] in rows
        assert link["style"].startswith("background:#")
    killed = [a for a in links if a["href"] == "#" + safe_id("row", "g1")]
    assert len(killed) == 2 and len({a["style"] for a in killed}) == 1
    ids = {a.get("id") for _, a in tags.tags}
    for cid in claims["claim_id"]:
        assert safe_id("claim", cid) in ids


def test_arabic_documents_right_to_left(case, anbar):
    claims, comparison = anbar
    tags = parse(render_report(case, claims, comparison, charts=False))
    articles = {a["lang"]: a["dir"] for t, a in tags.tags if t == "article"}
    assert articles == {"en": "ltr", "ar": "rtl"}
    assert all(a.get("dir") == "auto" for t, a in tags.tags if t == "p" and "class" not in a)


def test_report_shows_table_verdicts_and_notes(case, anbar):
    claims, comparison = anbar
    page = render_report(case, claims, comparison, charts=False)
    text = "".join(parse(page).text)
    for needed in ("Sources disagree", "One source only", "exact figures 15 and 14 do not overlap",
                   "Iraqi Joint Operations Command", "via Associated Press"):  # fmt: skip
        assert needed in text


def test_charts_given_as_files(tmp_path, case, anbar):
    claims, comparison = anbar
    png = tmp_path / "c.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\nfake")
    page = render_report(case, claims, comparison, charts={"Mine": png})
    assert page.count("<img") == 1 and "Mine" in page


def test_highlight_cuts_at_spans_and_escapes():
    doc = Document("d", "p", "en", "a <b> 12\n\nc & 3 d")
    html_text = highlight(doc, [Mark(2, 8, "claim"), Mark(5, 7, "x"), Mark(14, 15, "m")])
    assert html_text == (
        '<p dir="auto">a <mark class="claim">&lt;b&gt; 12</mark></p>\n'
        '<p dir="auto">c &amp; <mark class="m">3</mark> d</p>'
    )


def test_mentions_are_underlined(case, anbar):
    claims, comparison = anbar
    ina = case.document("ina-report")
    start = ina.text.index("شهرين")
    mentions = mentions_frame(
        [
            Mention(
                ina.id,
                start,
                start + 5,
                "شهرين",
                2,
                2,
                Qualifier.EXACT,
                Role.DURATION,
                reason="duration",
            )
        ]
    )
    tags = parse(render_report(case, claims, comparison, mentions, charts=False))
    marks = [a for t, a in tags.tags if t == "mark" and a.get("class") == "mention"]
    assert marks == [{"class": "mention", "title": "duration: duration"}]


@pytest.mark.parametrize("empty", [True])
def test_empty_comparison(case, empty):
    comparison = pd.DataFrame(columns=["group_id", "verdict", "measure"])
    page = render_report(case, claims_frame([]), comparison, charts=False)
    assert "No aligned group of figures." in page


def test_codes_in_words_with_the_code_kept(case, anbar):
    claims, comparison = anbar
    comparison = comparison.assign(reason="single_source", n_independent=[2, 1, 1])
    tags = parse(render_report(case, claims, comparison, charts=False))
    coded = {(a.get("data-code"), t) for t, a in tags.tags if a.get("data-code")}
    assert ("discrepant", "span") in coded and ("single_source", "td") in coded
    text = "".join(tags.text)
    assert "Sources disagree" in text and "Only one independent source" in text
    assert "independent sources: 2" in text
    assert "single_source" not in text and "n independent" not in text


def test_every_figure_row_names_its_document_and_time(case, anbar):
    claims, comparison = anbar
    page = render_report(case, claims, comparison, charts=False)
    items = page.split("class='figures'>")[1].split("</ul>")[0]
    assert items.count("<li") == 2
    assert "centcom-statement · 30 Aug 2024, 06:00" in items  # Baghdad time of the statement
    assert "ina-report · 30 Aug 2024, 09:00" in items


def test_repeated_figure_is_highlighted_each_time(documents, claim_maker):
    text = "Officials said 12 people died. Later the same officials repeated that 12 people died."
    doc = Document("d", "Daily", "en", text, datetime(2024, 8, 30, tzinfo=UTC))
    claim = claim_maker(doc, "12", low=12, measure="killed", subject="people")
    second = text.rindex("12")
    claims = claims_frame([claim]).assign(group_id="g", also_at=json.dumps([[second, second + 2]]))
    from present_fixtures import comparison_of

    comparison = comparison_of(claims, [dict(group_id="g", low=12.0, high=12.0, best=12.0,
                                             verdict="single_source", note="")])  # fmt: skip
    tags = parse(render_report(Case("c", (doc,)), claims, comparison, charts=False))
    marks = [a for t, a in tags.tags if "claim" in a.get("class", "").split()]
    assert len(marks) == 2 and "repeat" in marks[1]["class"]
    assert marks[0]["style"] == marks[1]["style"] and marks[0]["href"] == marks[1]["href"]
    assert "repeated 2×" in marks[1]["title"]


def test_arabic_report_from_labels(case, anbar):
    claims, comparison = anbar
    page = render_report(case, claims, comparison, charts=False, labels="ar")
    tags = parse(page)
    html_tag = next(a for t, a in tags.tags if t == "html")
    assert html_tag == {"lang": "ar", "dir": "rtl"}
    text = "".join(tags.text)
    for heading in ("المقارنة", "الرسوم", "المصادر جنبًا إلى جنب", "المصادر مختلفة"):
        assert heading in text
    assert "Sources disagree" not in text and "Comparison" not in text


def test_comparison_cells_carry_their_column_name(case, anbar):
    claims, comparison = anbar
    tags = parse(render_report(case, claims, comparison, charts=False, labels="fr"))
    labels = {a["data-label"] for t, a in tags.tags if t == "td" and "data-label" in a}
    assert {"Groupe", "Chiffres par source", "Verdict", "Note"} <= labels


def test_bidi_controls_never_reach_the_page_raw_and_long_words_break() -> None:
    from factcheck.pipeline import analyse
    from factcheck.present.report import render_report
    from factcheck.present.report_style import CSS

    text = (
        "Police\u202e said 12 people were killed, Reuters said \u2067٣٠\u2069 were killed.\n"
        + "x" * 5000
        + "\n"
    )
    result = analyse(text, language="en")
    page = render_report(
        result.case, result.claims_table, result.comparison, result.mentions_table, charts=False
    )
    assert not any(ch in page for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "Police said" in page and "٣٠" in page
    assert "overflow-wrap: anywhere" in CSS
