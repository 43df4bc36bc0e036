"""Language data: one YAML file per language, loaded once, validated at load.

Language knowledge (number words, hedges, measures, subjects, reporting verbs, weekdays,
months) lives in ``lang/<code>.yaml``, never in code. Adding a language means adding a file.
Words are stored already normalised with :func:`factcheck.text.normalize.lookup_key`, so a
lookup never needs hand-listed spelling variants.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from factcheck.compiled import cached
from factcheck.errors import LanguageDataError

#: libyaml's safe loader when PyYAML was built with it: the same data as ``yaml.safe_load``
#: (checked on every bundled file), several times faster, so start-up stays short.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_data(text: str) -> Any:
    """Parse one of the kit's own data files (language, registry, places) safely; kept
    compiled between runs (:mod:`factcheck.compiled`).

    >>> parse_data("a: [1, 2]")
    {'a': [1, 2]}
    """
    return cached("data", text.encode("utf-8"), lambda: yaml.load(text, Loader=_SAFE_LOADER))


#: Top-level sections every language file must have. Each stage validates its own sections.
REQUIRED_SECTIONS: tuple[str, ...] = ("language", "name", "script")


@cache
def available() -> tuple[str, ...]:
    """Codes of the languages that have a data file, e.g. ``('ar', 'en', 'fr')``."""
    files = resources.files(__package__)
    return tuple(sorted(p.name[:-5] for p in files.iterdir() if p.name.endswith(".yaml")))


@cache
def load(code: str) -> dict[str, Any]:
    """The parsed, validated data of one language (cached; do not mutate).

    >>> load("en")["language"]
    'en'
    """
    if code not in available():
        raise LanguageDataError(f"lang/{code}.yaml", [f"no data file for language {code!r}"])
    path = resources.files(__package__) / f"{code}.yaml"
    try:
        data = parse_data(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LanguageDataError(f"lang/{code}.yaml", [f"not valid YAML: {exc}"]) from None
    if not isinstance(data, dict):
        raise LanguageDataError(f"lang/{code}.yaml", ["top level must be a mapping"])
    problems = [f"missing section {key!r}" for key in REQUIRED_SECTIONS if key not in data]
    if data.get("language") not in (None, code):
        problems.append(f"'language' is {data.get('language')!r}, expected {code!r}")
    if problems:
        raise LanguageDataError(f"lang/{code}.yaml", problems)
    return data
