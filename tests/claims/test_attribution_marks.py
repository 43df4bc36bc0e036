"""The attribution reader's look-ups by marks: clause starts, colons, brackets, quotations and
hard line breaks give the readings a token-by-token walk gives."""

from __future__ import annotations

from factcheck.claims.attribution import clauses
from factcheck.claims.build import extract_claims
from factcheck.claims.lexicon import lexicon
from factcheck.mentions import find_mentions
from factcheck.model import Document


def _starts(text: str) -> list[str]:
    lex = lexicon("en")
    tokens = lex.tokenize(text)
    return [tokens[i].text for i in clauses(tokens, 0, len(tokens), lex)]


def test_clauses_start_at_breaks_semicolons_and_a_comma_before_as() -> None:
    assert _starts("Police said 4 died; the army said 6, as the toll rose") == [
        "Police",
        ";",  # the semicolon opens the clause after it
        "as",
    ]
    assert _starts("Police said 4 died, while the army said 6") == ["Police", "while"]
    assert _starts("Police, army and medics said 4 died,") == ["Police"]  # a comma ends it


def _speakers(text: str) -> list[str]:
    doc = Document("d", "Example Wire", "en", text)
    return [c.speaker for c in extract_claims(doc, find_mentions(doc))]


def test_readers_by_marks_find_their_speakers() -> None:
    assert _speakers("Reuters: 12 people were killed in Mosul.") == ["Reuters"]
    assert _speakers("Between 3,100 (police) and 8,500 (CGT) marched in Brest.") == [
        "French National Police",  # the office's name is an alias of this registry entry
        "General Confederation of Labour",
    ]
    quoted = _speakers('The army said "12 were killed, police said" on Monday.')
    assert quoted == ["army"]  # the cue inside the quotation is not the report's


def test_a_line_cut_without_terminal_punctuation_keeps_its_speaker() -> None:
    head = "Headline\n\nThe civil defence said the storm "
    assert _speakers(head + "that struck\nthe village injured 9 people.") == ["civil defence"]
    assert _speakers(head + "struck.\nThe village lost 9 people.") == ["Example Wire"]
    closed = head + 'struck ("here")\nThe village lost 9 people.'  # quotes and brackets close it
    assert _speakers(closed) == ["civil defence"]
