"""The development evaluation: matching, scores, and exit status on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.evaluate import main, score

REPO = Path(__file__).resolve().parents[1]


def _case(tmp_path: Path, expected: str) -> Path:
    folder = tmp_path / "mini"
    folder.mkdir()
    (folder / "case.yaml").write_text(
        "id: mini\ndocuments:\n  - {id: a, publisher: Example Wire, language: en,"
        " published: 2024-08-31, path: a.txt}\n",
        encoding="utf-8",
    )
    (folder / "a.txt").write_text(
        "The army said 12 fighters were killed. About 900 US troops remain in Syria.\n",
        encoding="utf-8",
    )
    (folder / "expected.yaml").write_text(expected, encoding="utf-8")
    return folder


def test_scores_a_small_case(tmp_path: Path) -> None:
    folder = _case(
        tmp_path,
        "claims:\n"
        "  - {doc: a, value_text: '12', speaker: the army, via: '', measure: killed,"
        " subject: militants, qualifier: exact, low: 12, high: 12}\n"
        "  - {doc: a, value_text: 'About 900', speaker: Example Wire, via: '',"
        " measure: deployed, subject: soldiers, qualifier: about, low: 900, high: 900}\n",
    )
    tallies, problems = score([str(folder)])
    en = tallies["en"]
    assert (en.expected, en.predicted, en.matched) == (2, 2, 2)
    assert en.right["measure"] == 2 and en.right["subject"] == 2
    assert not problems


def test_missing_figure_is_an_annotation_problem(tmp_path: Path) -> None:
    folder = _case(
        tmp_path,
        "claims:\n  - {doc: a, value_text: '13', speaker: x, measure: killed, subject: people}\n",
    )
    tallies, problems = score([str(folder)])
    assert tallies["en"].expected == 0 and problems


def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_runs_on_the_development_set(capsys: pytest.CaptureFixture[str]) -> None:
    if not (REPO / "tests" / "devset").is_dir():
        pytest.skip("no development set in this checkout")
    assert main([str(REPO / "tests" / "devset")]) == 0
    assert "precision" in capsys.readouterr().out


def test_a_folder_of_bundled_expectations_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    if not (REPO / "tests" / "bundled").is_dir():
        pytest.skip("no bundled expectations in this checkout")
    assert main([str(REPO / "tests" / "bundled")]) == 0
    assert "recall" in capsys.readouterr().out


#: Floors of the held-out sets (tests/holdout*/README.md): the scores measured after the
#: fixes, rounded down. Blind first scores: holdout precision 0.963, recall 0.975, speaker
#: 0.430; holdout2 precision 0.955, recall 1.000, speaker 0.343, measure 0.790.
HOLDOUT_FLOORS = {"precision": 0.97, "recall": 0.99, "speaker": 0.92, "measure": 0.93}
HOLDOUT2_FLOORS = {"precision": 0.96, "recall": 0.99, "speaker": 0.76, "measure": 0.89}


@pytest.mark.parametrize(
    ("folder", "floors"), [("holdout", HOLDOUT_FLOORS), ("holdout2", HOLDOUT2_FLOORS)]
)
def test_held_out_set_keeps_its_measured_level(folder: str, floors: dict[str, float]) -> None:
    if not (REPO / "tests" / folder).is_dir():
        pytest.skip("no held-out set in this checkout")
    tallies, problems = score([str(REPO / "tests" / folder)])
    assert not problems
    expected = sum(t.expected for t in tallies.values())
    predicted = sum(t.predicted for t in tallies.values())
    matched = sum(t.matched for t in tallies.values())
    checked = {f: sum(t.checked[f] for t in tallies.values()) for f in ("speaker", "measure")}
    right = {f: sum(t.right[f] for t in tallies.values()) for f in ("speaker", "measure")}
    got = {
        "precision": matched / predicted,
        "recall": matched / expected,
        "speaker": right["speaker"] / checked["speaker"],
        "measure": right["measure"] / checked["measure"],
    }
    assert all(got[k] >= v for k, v in floors.items()), got
