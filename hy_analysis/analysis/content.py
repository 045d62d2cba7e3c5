"""A key for "the same data": what results computed once are remembered by."""

from __future__ import annotations

import hashlib
from typing import Any, Callable, TypeVar

import pandas as pd

__all__ = ["content_key", "remembered"]

T = TypeVar("T")


def content_key(value: Any) -> str:
    """A digest of a frame's columns, types, index and values, or of another value's ``repr``.

    Equal content gives an equal key whatever the object, so an edited frame (even edited in
    place) gets a new key and is computed again.

    Examples
    --------
    >>> a = pd.DataFrame({"x": [1, 2]})
    >>> content_key(a) == content_key(a.copy())
    True
    >>> content_key(a) == content_key(a.assign(x=[1, 3]))
    False
    """
    if not isinstance(value, pd.DataFrame):
        return hashlib.blake2b(repr(("value", value)).encode(), digest_size=16).hexdigest()
    digest = hashlib.blake2b(repr((list(map(str, value.columns)), [str(t) for t in value.dtypes]))
                             .encode(), digest_size=16)
    digest.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    return digest.hexdigest()


def remembered(cache: dict, parts: tuple, compute: Callable[[], T], *, size: int = 8) -> T:
    """``compute()`` once per content of ``parts`` (frames by :func:`content_key`, other parts
    as they are), kept in ``cache`` with the ``size`` latest (oldest out first).

    Where a frame's content cannot be hashed (a cell holding a list), ``compute()`` runs
    every time.

    Examples
    --------
    >>> calls, cache = [], {}
    >>> frame = pd.DataFrame({"x": [1]})
    >>> [remembered(cache, (frame, "a"), lambda: calls.append(1) or len(calls))
    ...  for _ in range(2)]
    [1, 1]
    >>> remembered(cache, (frame.assign(x=[2]), "a"), lambda: calls.append(1) or len(calls))
    2
    """
    try:
        key = tuple(content_key(p) if isinstance(p, pd.DataFrame) else p for p in parts)
    except TypeError:
        return compute()
    if key not in cache:
        while len(cache) >= size:
            cache.pop(next(iter(cache)))
        cache[key] = compute()
    return cache[key]
