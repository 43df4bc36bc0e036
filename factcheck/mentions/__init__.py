"""Mentions stage: every number expression of a document, with interval, qualifier and role."""

from factcheck.mentions.find import find_mentions

__all__ = ["find_mentions"]
