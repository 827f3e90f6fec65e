"""The exceptions kurils raises: bad data, and a page that would need the network."""

from __future__ import annotations

import os
import re

__all__ = ["KurilsDataError", "OfflineError", "escape_controls"]

# Characters that act on a terminal or a line instead of showing: C0 and C1
# controls and DEL (ANSI escapes start with ESC), line and paragraph separators,
# and the bidirectional controls that can reorder what a reader sees.
_CONTROLS = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
    r"\u202a-\u202e\u2066-\u2069]"
)


def escape_controls(text: str) -> str:
    r"""Write control characters in ``text`` as Python escapes (``\x1b``, ``\n``).

    Everything else, Japanese and Cyrillic included, is kept as it is; applying it
    twice changes nothing more.

    Examples
    --------
    >>> print(escape_controls("\x1b[31mX\nY\u202e"))
    \x1b[31mX\nY\u202e
    >>> escape_controls("択捉島 Итуруп")
    '択捉島 Итуруп'
    """
    return _CONTROLS.sub(lambda m: repr(m.group())[1:-1], text)


class KurilsDataError(ValueError):
    """Data that kurils cannot use: a missing, corrupt or invalid file or table.

    Raised by every loader and validator for bad input: a missing or corrupt file,
    a wrong or missing CRS, invalid or empty geometry, coordinates outside the
    region (often swapped longitude and latitude), duplicate or unknown
    ``island_id`` values, missing columns, values outside the allowed vocabulary,
    and facts without a source or year.

    Parameters
    ----------
    source : str or os.PathLike
        The file (or a description such as ``"<GeoDataFrame>"``) that is wrong.
    problem : str
        What is wrong with it, in one sentence.

    Attributes
    ----------
    source : str
    problem : str
        As given. The message (``str(err)``) shows their control characters
        escaped (:func:`escape_controls`), so data with ANSI escapes cannot act on
        the terminal it is printed to, and the message stays on one line.

    Examples
    --------
    >>> err = KurilsDataError("islands.csv", "missing columns: name_ja")
    >>> str(err)
    'islands.csv: missing columns: name_ja'
    >>> isinstance(err, ValueError)
    True
    >>> print(KurilsDataError("my.csv", "unknown island_id: \\x1b[31mX"))
    my.csv: unknown island_id: \\x1b[31mX
    """

    def __init__(self, source: str | os.PathLike, problem: str) -> None:
        self.source = os.fspath(source)
        self.problem = problem
        super().__init__(escape_controls(f"{self.source}: {problem}"))


class OfflineError(RuntimeError):
    """A page would still need the network (an asset kurils does not ship).

    Defined here, not beside the renderer (:mod:`kurils.web.offline`), so that the
    command line can catch it without importing folium for a figure.

    Examples
    --------
    >>> import kurils
    >>> from folium.plugins import Terminator  # a plugin kurils does not ship
    >>> m = kurils.KurilsMap(tiles=None)
    >>> _ = Terminator().add_to(m)
    >>> kurils.render_html(m)
    Traceback (most recent call last):
    ...
    kurils.errors.OfflineError: ...
    """
