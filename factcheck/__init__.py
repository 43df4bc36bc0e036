"""factcheck."""
