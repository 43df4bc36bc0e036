"""The command line's last resort: an unexpected exception is one line and exit status 3,
the traceback only on request; Ctrl-C exits 130 quietly."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck.pipeline
import factcheck.rows
from factcheck.cli import DEBUG_VARIABLE, EXIT_INTERNAL, EXIT_INTERRUPTED, main


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "wire.txt"
    path.write_text("Police said 14 people were hurt in the blast on Tuesday.\n", encoding="utf-8")
    return path


def _broken_stage(exc: BaseException):
    def stage(*_args: object, **_kwargs: object) -> None:
        raise exc

    return stage


@pytest.mark.parametrize("command", ["mentions", "extract"])
def test_an_unexpected_exception_is_one_line_naming_the_file(
    command: str, article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(DEBUG_VARIABLE, raising=False)
    monkeypatch.setattr(factcheck.pipeline, "find_mentions", _broken_stage(KeyError("lexicon")))
    assert main([command, str(article)]) == EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    assert err.startswith(f"factcheck: internal error while reading {article}: KeyError: 'lexicon'")
    assert "please report" in err


def test_the_traceback_is_shown_on_request(
    article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(factcheck.pipeline, "find_mentions", _broken_stage(ValueError("bad\nx")))
    monkeypatch.delenv(DEBUG_VARIABLE, raising=False)
    assert main(["--debug", "extract", str(article)]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "ValueError: bad x (" in err.splitlines()[0]  # the message stays on one line
    assert "Traceback (most recent call last)" in err
    monkeypatch.setenv(DEBUG_VARIABLE, "1")
    assert main(["extract", str(article)]) == EXIT_INTERNAL
    assert "Traceback (most recent call last)" in capsys.readouterr().err
    monkeypatch.setenv(DEBUG_VARIABLE, "0")
    assert main(["extract", str(article)]) == EXIT_INTERNAL
    assert "Traceback" not in capsys.readouterr().err


def test_a_fault_outside_any_document_names_no_file(
    article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(DEBUG_VARIABLE, raising=False)
    # the places of the table are settled after every document is read
    monkeypatch.setattr(factcheck.rows, "places_of", _broken_stage(RuntimeError("boom")))
    assert main(["extract", str(article)]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.startswith("factcheck: internal error: RuntimeError: boom (")


def test_ctrl_c_exits_130_quietly(
    article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(factcheck.pipeline, "find_mentions", _broken_stage(KeyboardInterrupt()))
    assert main(["extract", str(article)]) == EXIT_INTERRUPTED == 130
    assert capsys.readouterr().err == ""
