"""Corpus mode: ``factcheck extract FOLDER -o claims.{csv,jsonl,parquet} --jobs N``."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from factcheck.cli import main
from factcheck.corpus import extract_corpus, find_units
from factcheck.synthetic import LANGUAGES, article

N_DOCUMENTS = 200


def _corpus(folder: Path, n: int) -> Path:
    """``n`` generated articles in three languages, in two sub-folders, and one file that is
    not UTF-8 (it must fail alone)."""
    for i in range(n):
        sub = folder / ("wires" if i % 2 else "sites")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article-{i:03d}.txt").write_text(
            article(i, LANGUAGES[i % 3], paragraphs=1), encoding="utf-8"
        )
    (folder / "sites" / "broken.txt").write_bytes(b"Police said \xff\xfe 12 were killed")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus"), N_DOCUMENTS)


@pytest.fixture(scope="module")
def by_jobs(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    out = tmp_path_factory.mktemp("out")
    written = {}
    for jobs in (1, 2):
        written[jobs] = out / f"claims-{jobs}.csv"
        assert main(["extract", str(corpus), "-o", str(written[jobs]), "--jobs", str(jobs)]) == 0
    return written


def test_one_and_two_workers_write_the_same_file(by_jobs: dict[int, Path]) -> None:
    one, two = (by_jobs[j].read_bytes() for j in (1, 2))
    assert one == two
    table = pd.read_csv(by_jobs[1])
    assert table["case_id"].nunique() == N_DOCUMENTS  # every article gave claims
    assert len(table) > 5 * N_DOCUMENTS


def test_rows_follow_the_documents_in_path_order(by_jobs: dict[int, Path]) -> None:
    ids = list(dict.fromkeys(pd.read_csv(by_jobs[2])["case_id"]))
    assert ids == sorted(ids)
    assert ids[0] == "sites/article-000" and ids[-1] == "wires/article-199"


def test_a_failing_document_lands_in_the_errors_file(by_jobs: dict[int, Path]) -> None:
    for jobs, path in by_jobs.items():
        errors = pd.read_csv(path.with_name(f"claims-{jobs}.errors.csv"))
        assert len(errors) == 1
        assert errors["path"][0].endswith("broken.txt")
        assert "not UTF-8" in errors["error"][0]


def test_a_document_gives_the_rows_extract_gives_it(
    corpus: Path, by_jobs: dict[int, Path], tmp_path: Path
) -> None:
    one = corpus / "wires" / "article-001.txt"
    alone = tmp_path / "alone.csv"
    assert main(["extract", str(one), "-o", str(alone)]) == 0
    expected = pd.read_csv(alone, dtype=str, keep_default_na=False)
    table = pd.read_csv(by_jobs[1], dtype=str, keep_default_na=False)
    rows = table[table["case_id"] == "wires/article-001"].drop(columns="case_id")
    rows = rows.assign(doc_id="article-001", claim_id=rows["claim_id"].str.split(":").str[-1])
    expected = expected.assign(claim_id=expected["claim_id"].str.split(":").str[-1])
    assert rows.reset_index(drop=True).equals(expected)


def test_jsonl_and_parquet_hold_the_same_rows(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    folder = _corpus(tmp_path / "small", 12)
    jsonl, parquet = tmp_path / "c.jsonl", tmp_path / "c.parquet"
    assert main(["extract", str(folder), "-o", str(jsonl), "--jobs", "2", "-q"]) == 0
    assert main(["extract", str(folder / "**" / "*.txt"), "-o", str(parquet), "-q"]) == 0
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    frame = pd.read_parquet(parquet)
    assert len(frame) == len(rows) > 12
    assert frame["value_text"].tolist() == [r["value_text"] for r in rows]
    assert frame["low"].dtype == "float64" and frame["start"].dtype == "int64"


def test_units_a_case_folder_is_one_unit(tmp_path: Path) -> None:
    case = tmp_path / "archive" / "raid"
    case.mkdir(parents=True)
    (case / "case.yaml").write_text(
        "id: raid\ndocuments:\n  - {id: a, publisher: A, language: en, path: a.txt}\n",
        encoding="utf-8",
    )
    (case / "a.txt").write_text("Police said 12 people were killed.", encoding="utf-8")
    (tmp_path / "archive" / "loose.txt").write_text("Two soldiers died.", encoding="utf-8")
    units = find_units([tmp_path / "archive"])
    assert [(u.id, u.kind) for u in units] == [("raid", "case"), ("loose", "text")]


def test_units_with_the_same_name_in_two_folders_keep_distinct_ids(tmp_path: Path) -> None:
    for wire in ("wire-a", "wire-b"):
        (tmp_path / "feeds" / wire).mkdir(parents=True)
        (tmp_path / "feeds" / wire / "morning.txt").write_text(
            "Rescuers said 9 people were missing.", encoding="utf-8"
        )
    (tmp_path / "feeds" / "wire-a" / "evening.txt").write_text("No one died.", encoding="utf-8")
    units = find_units([tmp_path / "feeds" / "wire-a", tmp_path / "feeds" / "wire-b"])
    assert [u.id for u in units] == ["evening", "wire-a/morning", "wire-b/morning"]
    out = tmp_path / "claims.csv"
    extract_corpus([tmp_path / "feeds" / "wire-a", tmp_path / "feeds" / "wire-b"], out,
                   jobs=1, progress=False)  # fmt: skip
    rows = pd.read_csv(out)
    assert sorted(set(rows["doc_id"])) == ["wire-a/morning", "wire-b/morning"]


def test_a_pattern_that_matches_nothing_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(tmp_path / "*.txt"), "-o", str(tmp_path / "c.csv")]) == 2
    assert "no file matches" in capsys.readouterr().err


@pytest.mark.parametrize(("fmt", "raw"), [("csv", False), ("csv", True), ("jsonl", False)])
def test_rows_encoded_in_a_worker_write_the_bytes_a_table_writes(
    tmp_path: Path, fmt: str, raw: bool
) -> None:
    """Workers encode each document's rows (the writing process only appends them): the file
    is byte for byte the one written from the tables, formula cells neutralised the same way."""
    from factcheck.corpus.write import encoder_for, writer_for
    from factcheck.pipeline import extract

    tables = [
        extract("=SUM(A1) Police said 12 people were killed on Monday.", language="en"),
        extract("قالت وزارة الصحة إن 7 أشخاص أصيبوا.", language="ar").iloc[:0],
        extract("Selon la préfecture, 3 000 manifestants ont défilé.", language="fr"),
    ]
    encode = encoder_for(fmt, raw)
    assert encode is not None
    paths = []
    for name, encoded in (("tables", False), ("encoded", True)):
        path = tmp_path / f"{name}.{fmt}"
        writer = writer_for(fmt, path, raw)
        for table in tables:
            writer.write(encode(table) if encoded else table)
        writer.close()
        paths.append(path)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert paths[0].stat().st_size > 0


def test_languages_loaded_before_the_workers_are_those_of_the_first_files(
    tmp_path: Path,
) -> None:
    """The parent loads the languages of the first text files (a guess that only saves time);
    a case, or a file it cannot read, makes it load all three."""
    from factcheck.corpus.units import Unit
    from factcheck.corpus.work import _first_languages

    texts = {
        "a.txt": "قالت الشرطة إن 12 شخصا قتلوا في انفجار.",
        "b.txt": "Police said 12 people were killed in a blast.",
        "c.txt": "Two soldiers were wounded, the army said.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    units = [Unit(name[0], str(tmp_path / name), "text") for name in texts]
    assert _first_languages(units) == ("ar", "en")
    assert _first_languages(units[1:]) == ("en",)
    case = Unit("raid", str(tmp_path), "case")
    assert _first_languages([*units, case]) == ("ar", "en", "fr")
    missing = Unit("gone", str(tmp_path / "gone.txt"), "text")
    assert _first_languages([missing]) == ("ar", "en", "fr")
    assert _first_languages([]) == ("ar", "en", "fr")
