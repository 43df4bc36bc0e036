"""Which units a corpus run reads: plain text files and cases, from files, folders, globs."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from factcheck.errors import FactcheckError

#: Column added to the claims table in corpus mode: the unit each row came from.
UNIT_COLUMN: Final = "case_id"
_GLOB_CHARS: Final = frozenset("*?[")


@dataclass(frozen=True)
class Unit:
    """One thing to extract: a plain text file (its own case) or a case (case.yaml)."""

    id: str
    path: str
    kind: str  # "text" or "case"
    #: The folder this unit was found in by walking it: the unit must resolve inside it
    #: (a symlink out is refused unless --allow-outside-paths). Empty when named directly.
    root: str = ""


def is_corpus(
    inputs: Sequence[str], output: str | None, jobs: int | None, corpus: bool = False
) -> bool:
    """Whether ``factcheck extract`` runs in corpus mode: ``--corpus`` or ``--jobs`` given, a
    Parquet output, or a glob pattern the shell did not expand. A folder alone stays one case
    of all its .txt files (documents of one event compared together)."""
    if corpus or jobs is not None or (output or "").lower().endswith(".parquet"):
        return True
    return any(_GLOB_CHARS & set(given) and not Path(given).exists() for given in inputs)


def find_units(inputs: Sequence[str | Path]) -> list[Unit]:
    """The units named by files, folders and glob patterns, each once, in a stable order.

    A folder holding a case.yaml is one case; any other folder gives every ``.txt`` file
    under it (and every case folder under it), sorted by path.
    """
    units: list[Unit] = []
    seen: set[str] = set()

    def add(unit: Unit) -> None:
        if unit.path not in seen:
            seen.add(unit.path)
            units.append(unit)

    for given in inputs:
        text = str(given)
        if _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise FactcheckError(f"{text}: no file matches this pattern")
            for match in matches:
                for unit in _units_at(Path(match), Path(match).parent):
                    add(unit)
            continue
        path = Path(text)
        if not path.exists():
            raise FactcheckError(f"{text}: no such file or folder")
        for unit in _units_at(path, path if path.is_dir() else path.parent):
            add(unit)
    return _distinct_ids(units)


def _distinct_ids(units: list[Unit]) -> list[Unit]:
    """Units whose ids collide (``a/x.txt`` and ``b/x.txt`` given as two inputs) take their
    path below the folder they share, so that every row of the output names its own unit."""
    by_id: dict[str, list[int]] = {}
    for k, unit in enumerate(units):
        by_id.setdefault(unit.id, []).append(k)
    out = list(units)
    for ks in by_id.values():
        if len(ks) < 2:
            continue
        paths = [_id_path(units[k]) for k in ks]
        common = Path(os.path.commonpath([str(p.parent) for p in paths]))
        ids = [p.relative_to(common).as_posix() for p in paths]
        for k, id_ in zip(ks, ids, strict=True):
            if ids.count(id_) > 1 and units[k].kind == "text":  # "raid.txt" beside case "raid"
                id_ = Path(units[k].path).absolute().relative_to(common).as_posix()
            out[k] = replace(units[k], id=id_)
    return out


def _id_path(unit: Unit) -> Path:
    """The absolute path an id is read from: a text file without its suffix, a case's folder."""
    path = Path(unit.path).absolute()
    if unit.kind == "text":
        return path.with_suffix("")
    return path.parent if path.suffix.lower() in (".yaml", ".yml") else path


def _units_at(path: Path, root: Path) -> Iterator[Unit]:
    if path.is_dir():
        if (path / "case.yaml").is_file():
            yield Unit(_unit_id(path, root.parent), str(path), "case")
            return
        cases = sorted(p.parent for p in path.rglob("case.yaml"))
        for case in cases:
            yield Unit(_unit_id(case, root), str(case), "case", str(path))
        for p in sorted(path.rglob("*.txt")):
            if not any(c in p.parents for c in cases):
                yield Unit(_unit_id(p.with_suffix(""), root), str(p), "text", str(path))
    elif path.suffix.lower() in (".yaml", ".yml"):
        yield Unit(_unit_id(path.parent, root.parent), str(path), "case")
    else:  # a .txt file, or anything else, which load_case then rejects with its reason
        yield Unit(_unit_id(path.with_suffix(""), root), str(path), "text")


def _unit_id(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() or path.name
    except ValueError:
        return path.name
