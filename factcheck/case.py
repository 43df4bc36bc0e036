"""Load a Case: from a case.yaml, a folder holding one, plain .txt files, a DataFrame, or text.

Everything is validated before any stage runs, and every problem is a ``CaseError`` that names
the file and the problem, so the command line can print one line and exit 2.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Union
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from factcheck import lang
from factcheck.errors import CaseError, processing
from factcheck.files import MAX_FILE_BYTES, in_folder, inside, read_text
from factcheck.model import Case, Document
from factcheck.when import Moment, PartialDate, parse_moment

if TYPE_CHECKING:
    import pandas as pd

CASE_FILE: Final = "case.yaml"
#: Keys a document entry of case.yaml may carry; anything else is a typo worth reporting.
DOCUMENT_KEYS: Final = frozenset({"id", "publisher", "language", "published", "path", "text"})
CASE_KEYS: Final = frozenset({"id", "title", "timezone", "documents"})
AUTO: Final = "auto"
#: A character a reader sees: not white space, not a format, control or combining character.
_VISIBLE: Final = re.compile(
    r"[^\s\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5"
    r"\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f"
    r"\ufeff\uffa0\ufff0-\ufffb\U000e0000-\U000e0fff\u0300-\u036f]"
)
#: Share of letters in Arabic script above which a text is taken to be Arabic.
ARABIC_SHARE_MIN: Final = 0.3

CaseSource = Union[str, Path, Case, "pd.DataFrame", Sequence[str | Path]]


def _pandas() -> Any:
    """pandas when something already imported it, else None: a DataFrame, a Timestamp or NaT
    can only reach this module from a program that did, and reading files never needs it
    (the command starts faster without it)."""
    return sys.modules.get("pandas")


def load_case(
    source: CaseSource,
    *,
    language: str = AUTO,
    publisher: str | None = None,
    published: str | Moment | None = None,
    timezone: str | None = None,
    allow_outside_paths: bool = False,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Case:
    """Load documents into a validated Case.

    ``source`` is a case.yaml, a folder with a case.yaml (or, without one, every .txt file in
    it, in name order), one or more .txt files, a DataFrame
    with columns ``id, publisher, language, published, text``, an existing Case, or a text
    (a string that is neither a path ending in .txt/.yaml/.yml nor an existing folder).
    ``language``, ``publisher`` and ``published`` apply to plain text files and texts, where
    the file gives no metadata. A one-line string ending in .txt/.yaml/.yml is a path: an
    error says so when no such file exists (add a line break to read it as text).
    Files are read by :func:`factcheck.files.read_text` (regular files up to
    ``max_file_bytes``); a case.yaml's ``path`` must stay in its folder unless
    ``allow_outside_paths``.

    >>> case = load_case("Officials said 12 people were hurt.", publisher="Example Times")
    >>> case.documents[0].language, case.documents[0].publisher
    ('en', 'Example Times')
    """
    if isinstance(source, Case):
        return source
    pd = _pandas()
    if pd is not None and isinstance(source, pd.DataFrame):
        return _from_frame(source, timezone)
    if isinstance(source, str) and not _looks_like_path(source):
        doc = _document(
            "<text>",
            {
                "id": "text",
                "publisher": publisher or "text",
                "text": source,
                "language": language,
                "published": published,
            },
        )
        return Case(id="text", documents=(doc,), timezone=_zone("<text>", timezone))
    paths = [Path(source)] if isinstance(source, str | Path) else [Path(p) for p in source]
    if not paths:
        raise CaseError("<input>", "no files given")
    if len(paths) == 1 and not paths[0].suffix and not paths[0].exists():
        raise CaseError(str(paths[0]), "no such folder (give a folder of .txt files or a case)")
    if len(paths) == 1 and paths[0].is_dir() and not (paths[0] / CASE_FILE).exists():
        # a folder of articles, no case.yaml: every .txt, held inside the folder
        paths = _folder_texts(paths[0], allow_outside_paths)
    elif len(paths) == 1 and (paths[0].is_dir() or paths[0].suffix in (".yaml", ".yml")):
        yaml_path = paths[0] / CASE_FILE if paths[0].is_dir() else paths[0]
        return _from_yaml(yaml_path, allow_outside_paths, max_file_bytes)
    if isinstance(source, str) and not paths[0].exists():
        raise CaseError(
            source,
            "no such file (a one-line text ending in .txt, .yaml or .yml is read as a path; "
            "add a line break to analyse it as text)",
        )
    return _from_texts(paths, language, publisher, published, timezone, max_file_bytes)


def _folder_texts(folder: Path, allow_outside: bool = False) -> list[Path]:
    """The .txt files of a folder without a case.yaml, in name order; an error when none, and
    when one is a symlink out of the folder (unless ``allow_outside``)."""
    found = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
    if not found:
        raise CaseError(str(folder), f"no {CASE_FILE} and no .txt file in this folder")
    return [in_folder(folder, p, allow_outside) for p in found]


def _looks_like_path(value: str) -> bool:
    """A name ending in .txt/.yaml/.yml, or an existing folder (one holding a case.yaml)."""
    if "\n" in value:
        return False
    return bool(re.search(r"\.(txt|ya?ml)$", value.strip(), re.I)) or os.path.isdir(value)


def _from_yaml(path: Path, allow_outside: bool, max_bytes: int) -> Case:
    data = _read_yaml(path, max_bytes)
    if not isinstance(data, Mapping):
        raise CaseError(str(path), "a case file must be a mapping with 'id' and 'documents'")
    problems = [f"unknown key {k!r}" for k in data if k not in CASE_KEYS]
    problems += [f"missing key {k!r}" for k in ("id", "documents") if k not in data]
    if problems:
        raise CaseError(str(path), "; ".join(problems))
    _scalars(str(path), data, ("id", "title", "timezone"))
    entries = data["documents"]
    if not isinstance(entries, list) or not entries:
        raise CaseError(str(path), "'documents' must be a non-empty list")
    docs = []
    for i, entry in enumerate(entries):
        where = f"{path} (documents[{i}])"
        if not isinstance(entry, Mapping):
            raise CaseError(where, "each document must be a mapping")
        entry = dict(entry)
        _scalars(where, entry, tuple(DOCUMENT_KEYS))
        if "path" in entry:
            doc_path = inside(path, str(entry["path"]), allow_outside)
            entry["text"] = read_text(doc_path, max_bytes)
            where = str(doc_path)
        docs.append(_document(where, entry, path=entry.get("path")))
    return Case(
        id=str(data["id"]),
        title=str(data.get("title") or ""),
        timezone=_zone(str(path), data.get("timezone")),
        documents=_unique(str(path), docs),
        path=str(path),
    )


def _from_texts(
    paths: Iterable[Path],
    language: str,
    publisher: str | None,
    published: str | Moment | None,
    timezone: str | None,
    max_bytes: int,
) -> Case:
    docs = []
    for p in paths:
        if p.suffix.lower() != ".txt":
            raise CaseError(str(p), "expected a .txt file, a case.yaml or a folder with one")
        with processing(str(p)):
            entry = {
                "id": p.stem,
                "publisher": publisher or p.stem,
                "language": language,
                "published": published,
                "text": read_text(p, max_bytes),
            }
            docs.append(_document(str(p), entry, path=str(p)))
    first = docs[0].id
    return Case(
        id=first if len(docs) == 1 else f"{first}+{len(docs) - 1}",
        documents=_unique("<files>", docs),
        timezone=_zone("<files>", timezone),
    )


def _from_frame(frame: pd.DataFrame, timezone: str | None) -> Case:
    missing = [c for c in ("id", "text") if c not in frame.columns]
    if missing:
        raise CaseError("<DataFrame>", f"missing column(s) {', '.join(missing)}")
    docs = []
    for i, row in enumerate(frame.to_dict("records")):
        entry = {k: (None if _is_missing(v) else v) for k, v in row.items()}
        entry.setdefault("publisher", entry["id"])
        entry["publisher"] = entry.get("publisher") or entry["id"]
        docs.append(_document(f"<DataFrame> row {i}", entry))
    return Case(
        id="frame", documents=_unique("<DataFrame>", docs), timezone=_zone("<DataFrame>", timezone)
    )


def _document(where: str, entry: Mapping[str, Any], path: str | None = None) -> Document:
    """Validate one document entry; every problem names ``where``."""
    unknown = [k for k in entry if k not in DOCUMENT_KEYS]
    if unknown:
        raise CaseError(where, f"unknown key(s) {', '.join(map(repr, unknown))}")
    if not entry.get("id"):
        raise CaseError(where, "document has no 'id'")
    text = entry.get("text")
    if not isinstance(text, str):
        raise CaseError(where, "document has no text (give 'path' or 'text')")
    if not text.strip():
        raise CaseError(where, "empty text")
    if not _VISIBLE.search(text):
        raise CaseError(where, "no visible text (only invisible or control characters)")
    language = str(entry.get("language") or AUTO).strip().lower()
    if language == AUTO:
        language = detect_language(text)
    elif language not in lang.available():
        raise CaseError(
            where, f"unknown language {language!r} (known: {', '.join(lang.available())}, auto)"
        )
    return Document(
        id=str(entry["id"]),
        publisher=str(entry.get("publisher") or entry["id"]),
        language=language,
        text=text,
        published=_moment(where, entry.get("published")),
        path=path,
    )


def detect_language(text: str) -> str:
    """Guess a document's language: Arabic by script, else the Latin language whose frequent
    function words (``detect_words`` in the language data) occur most often.

    >>> detect_language("Selon la préfecture, les manifestants étaient 12 000.")
    'fr'
    """
    chars = Counter(text)  # each distinct character is looked at once
    letters = sum(n for ch, n in chars.items() if ch.isalpha())
    arabic = sum(
        n
        for ch, n in chars.items()
        if ch.isalpha() and unicodedata.name(ch, "").startswith("ARABIC")
    )
    if letters and arabic / letters >= ARABIC_SHARE_MIN:
        return "ar"
    words = Counter(re.findall(r"\w+", text.casefold()))
    scores = {}
    for code in lang.available():
        data = lang.load(code)
        if data.get("script") != "latin":
            continue
        vocab = set(data.get("detect_words") or ())
        scores[code] = sum(n for w, n in words.items() if w in vocab)
    return max(sorted(scores), key=lambda c: scores[c]) if scores else "en"


def _moment(where: str, value: object) -> Moment | None:
    """A publication time from YAML (already a date/datetime) or ISO 8601 text, as precise as
    given: "2023" and "2023-03" stay a year or month, "2023-03-07" a day (not midnight)."""
    pd = _pandas()
    if value is None or value == "" or (pd is not None and value is pd.NaT):
        return None
    if pd is not None and isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, datetime | date | PartialDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # YAML reads "published: 2023" as a number
    try:
        return parse_moment(str(value))
    except ValueError:
        raise CaseError(
            where,
            f"bad date {value!r} for 'published' (use ISO 8601: 2024-08-31T06:00:00+03:00, "
            "2024-08-31, 2024-08 or 2024)",
        ) from None


def _zone(where: str, name: object) -> str | None:
    if name is None or name == "":
        return None
    try:
        ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise CaseError(
            where, f"unknown time zone {name!r} (use an IANA name such as Asia/Baghdad)"
        ) from None
    return str(name)


def _unique(where: str, docs: list[Document]) -> tuple[Document, ...]:
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            raise CaseError(where, f"duplicate document id {doc.id!r}")
        seen.add(doc.id)
    return tuple(docs)


def _read_yaml(path: Path, max_bytes: int) -> object:
    text = read_text(path, max_bytes)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise CaseError(str(path), f"not valid YAML{at}") from None
    except (ValueError, OverflowError) as exc:  # a value YAML cannot build: date 2024-13-45
        raise CaseError(str(path), f"not valid YAML ({exc})") from None
    except RecursionError:
        raise CaseError(str(path), "not valid YAML (nested too deeply)") from None


def _scalars(where: str, data: Mapping[str, Any], keys: Sequence[str]) -> None:
    """Refuse a list or mapping where one value is expected (its text could be huge: YAML
    aliases can nest a list a billion items deep in a few lines)."""
    for key in keys:
        if isinstance(data.get(key), list | Mapping):
            raise CaseError(where, f"{key!r} must be a single value, not a list or mapping")


def _is_missing(value: object) -> bool:
    if value is None or (isinstance(value, float) and value != value):
        return True
    pd = _pandas()
    return pd is not None and value is pd.NaT
