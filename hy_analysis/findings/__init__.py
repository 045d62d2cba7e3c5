"""Findings: reader-facing text and tables per family, in the reader's language (vi/en)."""
