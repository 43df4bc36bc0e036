"""Claims stage: who asserts each figure, through whom, about what, and when."""

from factcheck.claims.build import extract_claims

__all__ = ["extract_claims"]
