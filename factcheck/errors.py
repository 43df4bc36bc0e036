"""Every error and warning the kit raises, in one place.

Errors say which input and what is wrong with it; the command line prints them as one line and
exits with status 2. Warnings are named classes whose message says what was done instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager


class FactcheckError(Exception):
    """Base class: an input the kit cannot work with, explained in one line."""


class CaseError(FactcheckError):
    """A case, document or text file that cannot be loaded.

    >>> str(CaseError("a.txt", "empty text"))
    'a.txt: empty text'
    """

    def __init__(self, path: str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class SchemaError(FactcheckError):
    """A table that does not have the columns or types a stage needs; lists every problem."""

    def __init__(self, table: str, problems: Iterable[str]) -> None:
        self.table = table
        self.problems = list(problems)
        super().__init__(f"{table} table: " + "; ".join(self.problems))


class LanguageDataError(FactcheckError):
    """A language or registry data file with missing or malformed entries; lists every one."""

    def __init__(self, path: str, problems: Iterable[str]) -> None:
        self.path = str(path)
        self.problems = list(problems)
        super().__init__(f"{self.path}: " + "; ".join(self.problems))


#: Attribute set on an unexpected exception: the input being processed when it was raised.
INPUT_ATTRIBUTE = "factcheck_input"


@contextmanager
def processing(name: str | None) -> Iterator[None]:
    """Mark an unexpected exception raised inside with the input it was raised on, so the
    command line's last-resort message can name the file (a FactcheckError names it already).
    The innermost name wins."""
    try:
        yield
    except FactcheckError:
        raise
    except Exception as exc:
        if name and not getattr(exc, INPUT_ATTRIBUTE, None):
            setattr(exc, INPUT_ATTRIBUTE, name)
        raise


class FactcheckWarning(UserWarning):
    """Base class for the kit's warnings."""


class UnattributedWarning(FactcheckWarning):
    """A figure with no speaker in the text was kept and attributed to the publisher."""


class LanguageGuessWarning(FactcheckWarning):
    """The language of a document was guessed from its script."""
