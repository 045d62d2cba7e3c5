"""Findings: reader-facing text and tables per family, in the reader's language (vi/en).

``format`` is the one way numbers, ranges, periods, dates and money are written; ``common``
escapes data-derived text and names sources; each family module (``growth``, ``fdi``,
``urbanisation``, ``consistency``) has its message table and its ``describe_*`` and
``*_table`` functions.
"""
