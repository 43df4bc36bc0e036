"""The `factcheck` command: table output, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.schema import CLAIM_COLUMNS, MENTION_COLUMNS


def factcheck(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "wire.txt"
    path.write_text(
        "The army said on Monday that 12 soldiers were killed and at least 30 "
        "wounded in the attack on Route 6.\n",
        encoding="utf-8",
    )
    return path


def test_extract_json_has_exactly_the_claim_columns(article: Path) -> None:
    done = factcheck("extract", article, "--format", "json", "--published", "2024-03-06")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows, "no claims found"
    assert all(list(r) == list(CLAIM_COLUMNS) for r in rows)
    figures = {(r["value_text"], r["measure"], r["low"], r["high"]) for r in rows}
    assert ("12", "killed", 12, 12) in figures
    assert ("at least 30", "wounded", 30, None) in figures
    text = article.read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["value_text"] for r in rows)


def test_extract_jsonl_and_csv(article: Path, tmp_path: Path) -> None:
    jl = factcheck("extract", article, "--format", "jsonl")
    assert jl.returncode == 0 and all(json.loads(x) for x in jl.stdout.splitlines())
    out = tmp_path / "claims.csv"
    assert factcheck("extract", article, "-o", out).returncode == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(CLAIM_COLUMNS)


def test_mentions_lists_every_number_with_a_role(article: Path) -> None:
    done = factcheck("mentions", article, "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert all(list(r) == list(MENTION_COLUMNS) for r in rows)
    roles = {r["text"]: r["role"] for r in rows}
    assert roles["12"] == "claim" and roles["Route 6"] == "name"


def test_compare_writes_every_output(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The ministry said 20 people were killed in the fire on Sunday.", "utf-8")
    b.write_text("Firefighters said 24 people were killed in the fire on Sunday.", "utf-8")
    out = tmp_path / "out"
    done = factcheck("compare", a, b, "-o", out, "--published", "2024-03-04")
    assert done.returncode == 0, done.stderr
    for name in ("claims.csv", "mentions.csv", "comparison.csv", "report.html"):
        assert (out / name).is_file(), name
    assert list((out / "charts").glob("*.png"))
    assert "discrepant" in done.stdout


BAD = {
    "missing file": (lambda d: d / "nowhere.txt", "nowhere.txt: file not found"),
    "not utf-8": (
        lambda d: _write(d / "latin.txt", "Caf\xe9 12".encode("latin-1")),
        "latin.txt: not UTF-8 text",
    ),
    "empty text": (lambda d: _write(d / "empty.txt", b" \n"), "empty.txt: empty text"),
    "bad case yaml": (lambda d: _write(d / "case.yaml", b"id: [x\n"), "case.yaml: not valid YAML"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_one_line_exit_2(tmp_path: Path, kind: str) -> None:
    make, message = BAD[kind]
    done = factcheck("extract", make(tmp_path))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def test_bad_language_and_date_flags(article: Path) -> None:
    done = factcheck("extract", article, "--published", "yesterday")
    assert done.returncode == 2 and "bad date 'yesterday'" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    done = factcheck("extract", article, "--timezone", "Nowhere/Land")
    assert done.returncode == 2 and "unknown time zone" in done.stderr


@pytest.mark.parametrize("kind", ["unknown language", "duplicate id"])
def test_bad_case_file_one_line_exit_2(tmp_path: Path, kind: str) -> None:
    (tmp_path / "a.txt").write_text("Two were hurt.", encoding="utf-8")
    docs = {
        "unknown language": "  - {id: a, language: xx, path: a.txt}\n",
        "duplicate id": "  - {id: a, path: a.txt}\n  - {id: a, path: a.txt}\n",
    }[kind]
    (tmp_path / "case.yaml").write_text(f"id: c\ndocuments:\n{docs}", encoding="utf-8")
    done = factcheck("compare", tmp_path / "case.yaml", "-o", tmp_path / "out")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "case.yaml" in done.stderr or "a.txt" in done.stderr


def test_a_folder_argument_is_a_case_never_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Police said 12 people were hurt.", encoding="utf-8")
    (tmp_path / "case.yaml").write_text(
        "id: c\ndocuments:\n  - {id: a, publisher: P, language: en, path: a.txt}\n",
        encoding="utf-8",
    )
    done = factcheck("mentions", tmp_path)
    assert done.returncode == 0 and "\na,12,14,12," in done.stdout, done.stdout
    (tmp_path / "case.yaml").write_text("id: c\ndocuments: a.txt\n", encoding="utf-8")
    for where in (tmp_path, tmp_path / "missing"):
        done = factcheck("extract", where)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2 and len(lines) == 1 and str(where) in lines[0], done.stderr


def test_a_dollar_sign_in_a_name_is_not_chart_math(tmp_path: Path) -> None:
    one = tmp_path / "a$\\frac$x.txt"
    one.write_text("The ministry said 12 people were killed on Monday.\n", encoding="utf-8")
    two = tmp_path / "b.txt"
    two.write_text("Police said 15 people were killed on Monday.\n", encoding="utf-8")
    done = factcheck("compare", one, two, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "report.html").is_file()


def test_an_output_that_cannot_be_written_is_one_line_exit_2(article: Path, tmp_path: Path) -> None:
    for args in (("compare", article, "-o", article), ("extract", article, "-o", tmp_path)):
        done = factcheck(*args)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2 and len(lines) == 1, done.stderr
        assert str(args[-1]) in lines[0] and "Traceback" not in done.stderr


def test_a_long_line_of_bare_numbers_finishes(tmp_path: Path) -> None:
    path = tmp_path / "digits.txt"
    path.write_text(" ".join(str(i * 7919 % 100000) for i in range(25000)), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "extract", str(path)],
        capture_output=True,
        text=True,
        timeout=90,  # was quadratic in the figures of one sentence: minutes at this size
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("language", "text", "published", "reported"),
    [
        ("fr", "Selon la préfecture, 1 200 manifestants ont défilé mardi.", "2023-03", "2023-03"),
        ("en", "Police said on Tuesday that 1,200 people marched.", "2023", "2023"),
        ("ar", "قالت الشرطة إن 1200 متظاهر شاركوا في المسيرة.", "2023-03-07", "2023-03-07"),
    ],
)
def test_extract_reads_a_publication_date_of_reduced_precision(
    tmp_path: Path, language: str, text: str, published: str, reported: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    done = factcheck("extract", path, "--language", language, "--published", published,
                     "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)
    assert row["low"] == 1200
    # kept as precise as given: no invented day, no midnight; a weekday is not resolved
    # against a month or a year
    assert row["reported_at"] == reported
    assert row["event_date"] is None


FERRY = Path(__file__).parent / "data" / "ferry-capsize"


def test_version() -> None:
    from importlib.metadata import version

    done = factcheck("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"factcheck {version('factcheck')}"


def test_json_has_one_convention_for_missing_values(article: Path) -> None:
    done = factcheck("extract", article, "--format", "json", "--all-columns")
    rows = json.loads(done.stdout)
    own = next(r for r in rows if r["value_text"] == "at least 30")
    assert own["high"] is None and own["event_date"] is None  # absent: null, never NaN
    assert all(r[k] is None or r[k] != "" for r in rows for k in r)  # never "" for absent
    assert all(isinstance(r["also_at"], list) for r in rows)  # a list, not JSON text


def test_compare_a_folder_without_case_yaml_in_arabic(tmp_path: Path) -> None:
    """A first session: a folder of .txt files, no case.yaml, no -o (./out), a title, and
    Arabic labels: every .txt is read, Arabic charts and report are written."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in FERRY.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    done = factcheck("compare", folder, "--labels", "ar", "--title", "غرق عبّارة كاليمي",
                     cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    claims = (out / "claims.csv").read_text(encoding="utf-8")
    assert claims.splitlines()[0].startswith(",".join(CLAIM_COLUMNS))
    assert claims.splitlines()[0].endswith(",group_id")
    assert {line.split(",")[1] for line in claims.splitlines()[1:]} == {
        p.stem for p in FERRY.glob("*.txt")
    }
    svg = (out / "charts" / "discrepancies.svg").read_text(encoding="utf-8")
    assert "من أعلن أي رقم" in svg and "غرق عبّارة كاليمي" in svg and "الرقم المعلن" in svg
    assert (out / "charts" / "discrepancies-mobile.png").is_file()
    page = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page and '<h1 dir="auto">غرق عبّارة كاليمي</h1>' in page
    assert "المقارنة" in page and "المصادر مختلفة" in page


def test_an_empty_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    done = factcheck("compare", tmp_path, "-o", tmp_path / "out")
    assert done.returncode == 2 and "no case.yaml and no .txt file" in done.stderr
