"""load_case: every kind of input, and a CaseError naming the file for every kind of bad input."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from factcheck.case import detect_language, load_case
from factcheck.errors import CaseError
from factcheck.when import PartialDate


def write_case(folder: Path, docs_yaml: str, files: dict[str, bytes | str]) -> Path:
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    path = folder / "case.yaml"
    path.write_text(
        f"id: demo\ntitle: A demo\ntimezone: Europe/Paris\ndocuments:\n{docs_yaml}",
        encoding="utf-8",
    )
    return path


DOC_A = (
    "  - {id: a, publisher: Agency A, language: en, "
    "published: 2024-05-02T10:00:00+02:00, path: a.txt}\n"
)
DOC_B = "  - {id: b, publisher: Agency B, language: fr, path: b.txt}\n"


def test_case_yaml_loads_documents_with_metadata(tmp_path: Path) -> None:
    path = write_case(
        tmp_path,
        DOC_A + DOC_B,
        {"a.txt": "Police said 12 people were hurt.", "b.txt": "Selon la police, 12 blessés."},
    )
    case = load_case(path)
    assert case.id == "demo" and case.timezone == "Europe/Paris"
    a, b = case.documents
    assert (a.publisher, a.language, b.language) == ("Agency A", "en", "fr")
    assert a.published == datetime.fromisoformat("2024-05-02T10:00:00+02:00")
    assert b.published is None
    assert load_case(tmp_path) == case  # the folder holding case.yaml


def test_txt_files_take_stem_as_id_and_publisher_and_detect_language(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(
        "Officials said that 40 were killed in the attack.", encoding="utf-8"
    )
    (tmp_path / "ina.txt").write_text("قالت الوزارة إن 40 شخصاً قتلوا في الهجوم.", encoding="utf-8")
    case = load_case([tmp_path / "wire.txt", tmp_path / "ina.txt"], published="2024-05-02")
    assert [(d.id, d.publisher, d.language) for d in case.documents] == [
        ("wire", "wire", "en"),
        ("ina", "ina", "ar"),
    ]
    assert case.documents[0].published == date(2024, 5, 2)  # a day, not midnight


def test_dataframe_and_plain_text() -> None:
    frame = pd.DataFrame(
        {
            "id": ["x", "y"],
            "publisher": ["X", None],
            "language": ["en", "auto"],
            "published": ["2024-01-01", None],
            "text": ["Five died.", "Selon le ministère, cinq morts et des blessés."],
        }
    )
    case = load_case(frame)
    assert [(d.id, d.publisher, d.language) for d in case.documents] == [
        ("x", "X", "en"),
        ("y", "y", "fr"),
    ]
    text_case = load_case("Three were hurt.", language="en")
    assert text_case.documents[0].text == "Three were hurt."


def test_original_text_is_kept_byte_for_byte(tmp_path: Path) -> None:
    raw = "Line one\r\n  Ｆｕｌｌｗｉｄｔｈ ١٥ and tabs\t\n"
    (tmp_path / "raw.txt").write_bytes(raw.encode("utf-8"))
    assert load_case(tmp_path / "raw.txt").documents[0].text == raw


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ministry said that the toll was 20 and was rising.", "en"),
        ("Le ministère a indiqué que le bilan est de 20 morts dans la ville.", "fr"),
        ("أعلنت الوزارة أن الحصيلة بلغت 20 قتيلاً", "ar"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


BAD_INPUTS = {
    "missing file": (
        "  - {id: a, publisher: A, language: en, path: nowhere.txt}\n",
        {},
        "nowhere.txt: file not found",
    ),
    "unknown language": (
        "  - {id: a, publisher: A, language: xx, path: a.txt}\n",
        {"a.txt": "Text 1."},
        "unknown language 'xx'",
    ),
    "duplicate id": (
        DOC_A + DOC_A.replace("a.txt", "b.txt"),
        {"a.txt": "One.", "b.txt": "Two."},
        "duplicate document id 'a'",
    ),
    "bad date": (
        "  - {id: a, publisher: A, language: en, published: 31/08/2024, path: a.txt}\n",
        {"a.txt": "Text."},
        "bad date '31/08/2024'",
    ),
    "not utf-8": (DOC_A, {"a.txt": "Caf\xe9 12".encode("latin-1")}, "not UTF-8 text"),
    "empty text": (DOC_A, {"a.txt": "  \n"}, "empty text"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_is_a_case_error_naming_the_file(tmp_path: Path, kind: str) -> None:
    docs, files, message = BAD_INPUTS[kind]
    path = write_case(tmp_path, docs, files)
    with pytest.raises(CaseError) as info:
        load_case(path)
    assert message in str(info.value)
    assert str(tmp_path) in info.value.path


def test_bad_yaml_and_unknown_keys_and_zone(tmp_path: Path) -> None:
    bad = tmp_path / "case.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CaseError, match=r"case\.yaml: not valid YAML at line"):
        load_case(bad)
    bad.write_text("id: x\ndocs: []\n", encoding="utf-8")
    with pytest.raises(CaseError, match="unknown key 'docs'; missing key 'documents'"):
        load_case(bad)
    bad.write_text(
        "id: x\ntimezone: Mars/Olympus\ndocuments:\n  - {id: a, text: Hi 2}\n", encoding="utf-8"
    )
    with pytest.raises(CaseError, match="unknown time zone 'Mars/Olympus'"):
        load_case(bad)


def test_a_non_text_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(CaseError, match=r"a\.pdf: expected a \.txt file"):
        load_case([tmp_path / "a.pdf", tmp_path / "a.pdf"])


def test_a_folder_given_as_a_string_is_read_as_a_case(tmp_path: Path) -> None:
    write_case(tmp_path, DOC_A, {"a.txt": "Police said 12 people were hurt."})
    case = load_case(str(tmp_path))
    assert [d.id for d in case.documents] == ["a"] and case.id == "demo"
    (tmp_path / "case.yaml").write_text("id: x\ndocuments: a.txt\n", encoding="utf-8")
    with pytest.raises(CaseError, match=r"case\.yaml: 'documents' must be a non-empty list"):
        load_case(str(tmp_path))


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("id: x\ndocuments:\n  - {id: a, text: Hi 2, published: 2024-13-45}\n",
         "not valid YAML (month must be in 1..12)"),
        ("id: x\ntitle: " + "[" * 5000 + "]" * 5000 + "\ndocuments: []\n",
         "not valid YAML (nested too deeply)"),
        ("id: x\ntitle: [&a [l, l, l], &b [*a, *a, *a]]\ndocuments:\n  - {id: a, text: Hi 2}\n",
         "'title' must be a single value"),
        ("id: x\ndocuments:\n  - {id: a, publisher: [A, B], text: Hi 2}\n",
         "(documents[0]): 'publisher' must be a single value"),
    ],
)  # fmt: skip
def test_yaml_values_that_cannot_be_built_or_are_not_single(
    tmp_path: Path, yaml_text: str, message: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(CaseError) as info:
        load_case(path)
    assert message in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2023-03", PartialDate(2023, 3)),
        ("2023", PartialDate(2023)),
        ("2023-03-07", date(2023, 3, 7)),
        ("2023-03-07T14:05+01:00", datetime.fromisoformat("2023-03-07T14:05:00+01:00")),
    ],
)
def test_reduced_precision_publication_dates_keep_their_precision(
    tmp_path: Path, published: str, expected: object
) -> None:
    (tmp_path / "note.txt").write_text("Officials said 4 people were hurt.", encoding="utf-8")
    case = load_case([tmp_path / "note.txt"], published=published)
    assert case.documents[0].published == expected


def test_case_yaml_dates_without_a_time_or_day_are_kept_as_written(tmp_path: Path) -> None:
    docs = (
        "  - {id: a, language: en, published: 2023-03, text: Police said 3 were hurt.}\n"
        "  - {id: b, language: fr, published: 2023, text: 'Selon la police, 3 blessés.'}\n"
        "  - {id: c, language: ar, published: 2023-03-07, text: قالت الشرطة إن 3 أصيبوا.}\n"
    )
    case = load_case(write_case(tmp_path, docs, {}))
    assert [d.published for d in case.documents] == [
        PartialDate(2023, 3),
        PartialDate(2023),
        date(2023, 3, 7),
    ]


@pytest.mark.parametrize("bad", ["2023-3", "March 2023", "2023-13", "07/03/2023"])
def test_a_date_that_is_not_iso_is_refused_with_the_file(tmp_path: Path, bad: str) -> None:
    (tmp_path / "note.txt").write_text("Police said 3 were hurt.", encoding="utf-8")
    with pytest.raises(CaseError, match=r"note\.txt: bad date"):
        load_case([tmp_path / "note.txt"], published=bad)
