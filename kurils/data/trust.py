"""Cross-checks skipped for shipped files the tests checked.

The catalog ties each table to the others: the source ids each fact cites, the
island ids of every link, the claims, transfers and anchors
(:mod:`kurils.data.integrity`). A shipped file whose hash is the manifest's is the
file the tests ran every one of those checks on
(``tests/test_catalog.py::test_shipped_products_pass_every_cross_check``). The
catalog makes each product :func:`trusting` that its tables are such files; the
checks it calls, wrapped by :func:`cross_check`, then do nothing (about 20 ms of
each command). A user's table, a changed file, another thread, or code under
:func:`checked_in_full` gets every check.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Callable, Iterator

from . import integrity, provenance, validate

__all__ = [
    "check_anchors",
    "check_claims",
    "check_groups_1945",
    "check_in_region",
    "check_one_series",
    "check_references",
    "check_transfers",
    "check_urls",
    "checked_in_full",
    "cross_check",
    "trusting",
]

# what the product being made is made from is all intact: asked only when a
# check is about to run (hashing the zones file alone takes 8 ms)
_TRUSTED: contextvars.ContextVar[Callable[[], bool] | None] = contextvars.ContextVar(
    "kurils_trusted", default=None
)
_IN_FULL = contextvars.ContextVar("kurils_in_full", default=False)


def cross_check(check: Callable[..., None]) -> Callable[..., None]:
    """``check``, run unless :func:`trusting` says its tables were checked.

    Examples
    --------
    >>> def fails(table):
    ...     raise ValueError(f"bad {table}")
    >>> with trusting(lambda: True):
    ...     cross_check(fails)("islands")  # skipped
    >>> with trusting(lambda: False):
    ...     cross_check(fails)("islands")
    Traceback (most recent call last):
    ...
    ValueError: bad islands
    """

    @functools.wraps(check)
    def run(*args, **kwargs) -> None:
        trusted = _TRUSTED.get()
        if _IN_FULL.get() or trusted is None or not trusted():
            check(*args, **kwargs)

    return run


@contextlib.contextmanager
def trusting(trusted: Callable[[], bool]) -> Iterator[None]:
    """Within the block, :func:`cross_check`-wrapped checks run only if
    ``trusted()`` is False (a nested block decides for itself)."""
    token = _TRUSTED.set(trusted)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


@contextlib.contextmanager
def checked_in_full() -> Iterator[None]:
    """Every check runs within the block, trusted or not (for the tests)."""
    token = _IN_FULL.set(True)
    try:
        yield
    finally:
        _IN_FULL.reset(token)


# The catalog's cross-checks, as it calls them.
check_anchors = cross_check(integrity.check_anchors)
check_claims = cross_check(integrity.check_claims)
check_groups_1945 = cross_check(integrity.check_groups_1945)
check_in_region = cross_check(integrity.check_in_region)
check_one_series = cross_check(provenance.check_one_series)
check_references = cross_check(validate.check_references)
check_transfers = cross_check(integrity.check_transfers)
check_urls = cross_check(provenance.check_urls)
