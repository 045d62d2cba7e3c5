"""Extraction: document text -> candidate figure rows (pure), with readers for files at the edge."""
