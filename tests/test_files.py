"""Reading inputs safely: regular files only, a size limit, encodings, the case folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.case import load_case
from factcheck.errors import CaseError
from factcheck.files import read_text

REPORT = "The ministry said 14 people were killed and 30 wounded."


def _case(folder: Path, path: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    case = folder / "case.yaml"
    case.write_text(
        f"id: c\ndocuments:\n  - id: a\n    publisher: P\n    language: en\n    path: {path}\n",
        encoding="utf-8",
    )
    return case


def _cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Private: 99 accounts.", encoding="utf-8")
    return secret


@pytest.mark.parametrize("path", ["../outside/secret.txt", "sub/../../outside/secret.txt"])
def test_a_path_climbing_out_of_the_case_is_refused(tmp_path: Path, outside: Path, path) -> None:
    case = _case(tmp_path / "case", path)
    with pytest.raises(CaseError, match="leads outside the case folder"):
        load_case(case)
    if path.startswith(".."):
        loaded = load_case(case, allow_outside_paths=True)
        assert loaded.documents[0].text == "Private: 99 accounts."


def test_an_absolute_path_and_a_symlink_out_are_refused(tmp_path: Path, outside: Path) -> None:
    with pytest.raises(CaseError, match="is absolute"):
        load_case(_case(tmp_path / "abs", str(outside)))
    link_case = _case(tmp_path / "link", "a.txt")
    (tmp_path / "link" / "a.txt").symlink_to(outside)
    with pytest.raises(CaseError, match="leads outside"):
        load_case(link_case)


def test_a_symlink_inside_the_case_is_read(tmp_path: Path) -> None:
    case = _case(tmp_path / "case", "a.txt")
    (tmp_path / "case" / "real.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "case" / "a.txt").symlink_to("real.txt")
    assert load_case(case).documents[0].text == REPORT


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(CaseError, match=r"not a regular file \(a FIFO\)"):
        read_text(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    with pytest.raises(CaseError, match=r"not a regular file \(a device\)"):
        read_text(zero)


def test_the_size_limit_names_the_flag(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(REPORT * 10, encoding="utf-8")
    with pytest.raises(CaseError, match=r"larger than the limit of 100 bytes.*--max-file-size"):
        load_case(big, max_file_bytes=100)
    assert load_case(big, max_file_bytes=10_000).documents[0].text.startswith(REPORT)


def test_encodings_nul_bytes_and_invisible_text(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(REPORT.encode("utf-16"))  # with a byte-order mark: read
    assert read_text(path) == REPORT
    path.write_bytes(REPORT.encode("utf-16-le"))
    with pytest.raises(CaseError, match="UTF-16 without a byte-order mark"):
        read_text(path)
    path.write_bytes(REPORT.encode() + b"\x00\x01")
    with pytest.raises(CaseError, match="NUL bytes"):
        read_text(path)
    path.write_bytes(b"\xef\xbb\xbf" + REPORT.encode())
    assert read_text(path) == REPORT
    path.write_text("\u200b\u202e \u00ad\u2066\n", encoding="utf-8")
    with pytest.raises(CaseError, match="no visible text"):
        load_case(path)


def test_a_one_line_string_ending_in_txt_is_a_path_only_if_it_exists(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match=r"no such file.*add a line break to analyse it as text"):
        load_case("Police said 12 were hurt, see report.txt")
    assert load_case("Police said 12 were hurt, see report.txt\n").documents[0].id == "text"
    real = tmp_path / "report.txt"
    real.write_text(REPORT, encoding="utf-8")
    assert load_case(str(real)).documents[0].text == REPORT


@pytest.mark.parametrize("name", ["escape", "fifo", "zero"])
def test_the_command_line_gives_one_line_and_exit_2(tmp_path: Path, outside: Path, name) -> None:
    if name == "escape":
        target = _case(tmp_path / "case", "../outside/secret.txt").parent
    elif name == "fifo":
        target = tmp_path / "pipe.txt"
        os.mkfifo(target)
    else:
        target = tmp_path / "zero.txt"
        target.symlink_to("/dev/zero")
    done = _cli("compare", target, "-o", tmp_path / "out", cwd=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("factcheck: error: ")
    assert "Private" not in done.stdout + done.stderr
    assert not (tmp_path / "out" / "report.html").exists()


def _folder_with_link_out(tmp_path: Path, outside: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").symlink_to(outside)
    return folder


def test_a_folder_of_texts_refuses_a_symlink_out(tmp_path: Path, outside: Path) -> None:
    folder = _folder_with_link_out(tmp_path, outside)
    with pytest.raises(CaseError, match=r"b\.txt: leads outside the folder"):
        load_case(folder)
    loaded = load_case(folder, allow_outside_paths=True)
    assert [d.text for d in loaded.documents] == [REPORT, "Private: 99 accounts."]
    done = _cli("compare", folder, "-o", tmp_path / "out", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1 and "leads outside the folder" in done.stderr
    assert not (tmp_path / "out" / "report.html").exists()


def test_a_symlink_inside_a_folder_of_texts_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "real.md").write_text(REPORT, encoding="utf-8")
    (folder / "a.txt").symlink_to("real.md")
    assert load_case(folder).documents[0].text == REPORT


def test_corpus_mode_refuses_a_symlink_out_of_the_folder(tmp_path: Path, outside: Path) -> None:
    from factcheck.corpus import extract_corpus

    folder = _folder_with_link_out(tmp_path, outside)
    (folder / "sub").mkdir()
    (folder / "sub" / "c.txt").symlink_to(outside)
    out = tmp_path / "claims.csv"
    summary = extract_corpus([folder], out, progress=False, jobs=1)
    assert (summary.documents, summary.failed) == (3, 2)
    errors = summary.errors_path.read_text(encoding="utf-8")
    assert errors.count("leads outside the folder") == 2
    assert "99" not in out.read_text(encoding="utf-8")
    summary = extract_corpus([folder], out, progress=False, jobs=1, allow_outside_paths=True)
    assert (summary.documents, summary.failed) == (3, 0)
