"""The words of the charts, the report and the exports, in the reader's language.

Every title, axis label, verdict word, reason, note and heading comes from
``factcheck/lang/labels/<code>.yaml`` (en, fr, ar), never from code: adding a language means
adding a file. :func:`labels` loads and checks a file once; every file has the keys of the
English one (a test checks it). Arabic is written right to left (``direction: rtl``); the
charts pass its strings to matplotlib as written, which shapes them itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any, Final

import yaml

from factcheck.errors import LanguageDataError
from factcheck.lang import parse_data

#: Language of the labels when none is chosen.
DEFAULT_LABELS: Final = "en"
#: The measure of counts named by their ``measure_detail`` (docs/tables.md).
OTHER: Final = "other"


def available() -> tuple[str, ...]:
    """Codes of the label files, e.g. ``('ar', 'en', 'fr')``."""
    folder = resources.files("factcheck") / "lang" / "labels"
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml")))


def _missing_keys(reference: Mapping, data: Mapping, prefix: str = "") -> list[str]:
    out = []
    for key, value in reference.items():
        if key not in data:
            out.append(f"missing key {prefix}{key!r}")
        elif isinstance(value, Mapping) and isinstance(data[key], Mapping):
            out += _missing_keys(value, data[key], f"{prefix}{key}.")
    return out


@cache
def _read(code: str) -> dict[str, Any]:
    where = f"lang/labels/{code}.yaml"
    if code not in available():
        raise LanguageDataError(
            where, [f"no labels for {code!r} (known: {', '.join(available())})"]
        )
    path = resources.files("factcheck") / "lang" / "labels" / f"{code}.yaml"
    try:
        data = parse_data(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LanguageDataError(where, [f"not valid YAML: {exc}"]) from None
    if not isinstance(data, dict):
        raise LanguageDataError(where, ["top level must be a mapping"])
    return data


@dataclass(frozen=True)
class Labels:
    """One language's words, with the few helpers every view needs."""

    code: str
    data: Mapping[str, Any]

    @property
    def rtl(self) -> bool:
        """True for a right-to-left language (Arabic)."""
        return self.data["direction"] == "rtl"

    def __call__(self, key: str, **values: object) -> str:
        """The text under ``key`` (dotted for nested keys) with ``{placeholders}`` filled."""
        node: Any = self.data
        for part in key.split("."):
            node = node[part]
        return str(node).format(**values) if values else str(node)

    def word(self, section: str, code: object, default: str | None = None) -> str:
        """A code's word in ``section`` (verdicts, reasons, policies...); unknown codes are
        shown with spaces for underscores rather than hidden."""
        text = "" if code is None else str(code)
        found = (self.data.get(section) or {}).get(text)
        if found is None:
            return default if default is not None else text.replace("_", " ")
        return str(found)

    def group(
        self, measure: object, subject: object, detail: object = "", measure_detail: object = ""
    ) -> str:
        """A group's name: "Killed militants (ISIS)", "القتلى من المسلحين (داعش)"; an
        ``other`` count is named by its ``measure_detail`` ("Launched missiles")."""
        m, s = _text(measure), _text(subject)
        m = _text(measure_detail) or m if m == OTHER else m
        entry = (self.data.get("measures") or {}).get(m)
        subject_word = self.word("subjects", s) if s else ""
        if entry is None:
            label = " ".join(p for p in (m.replace("_", " ").capitalize(), subject_word) if p)
        elif subject_word:
            label = str(entry["group"]).format(subject=subject_word)
        else:
            label = str(entry["name"])
        d = _text(detail)
        label = f"{label} ({d})" if d else label
        return label or self("unlabelled_group")

    def date(self, value: object, *, with_time: bool = False, with_year: bool = True) -> str:
        """A date as "29 Aug 2024" (or "29 août 2024", "29 أغسطس 2024"); "" when unknown."""
        if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
            return ""
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                return value
        if type(value).__name__ == "NaTType":  # pandas' NaT (no pandas import for it)
            return ""
        if not isinstance(value, date):
            return str(value)
        month = self.data["months"][value.month - 1]
        if with_time and isinstance(value, datetime):
            key = "date_time" if with_year else "day_time"
            return self(key, day=value.day, month=month, year=value.year,
                        time=f"{value:%H:%M}")  # fmt: skip
        return self("date", day=value.day, month=month, year=value.year)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def labels(code: str | Labels | None = None) -> Labels:
    """The labels of language ``code`` (en, fr, ar; default English).

    >>> labels("fr").word("verdicts", "discrepant")
    'Les sources divergent'
    >>> labels("ar").rtl, labels().group("killed", "militants", "ISIS")
    (True, 'Killed militants (ISIS)')
    """
    if isinstance(code, Labels):
        return code
    code = code or DEFAULT_LABELS
    data = _read(code)
    problems = _missing_keys(_read(DEFAULT_LABELS), data)
    if data.get("direction") not in ("ltr", "rtl"):
        problems.append("'direction' must be ltr or rtl")
    if len(data.get("months") or ()) != 12:
        problems.append("'months' must list 12 names")
    if problems:
        raise LanguageDataError(f"lang/labels/{code}.yaml", problems)
    return Labels(code, data)
