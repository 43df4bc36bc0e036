"""Text stage: normalised text that maps back to original offsets, and sentences."""

from factcheck.text.normalize import NormalizedText, lookup_key, normalize
from factcheck.text.sentences import split_sentences

__all__ = ["NormalizedText", "lookup_key", "normalize", "split_sentences"]
