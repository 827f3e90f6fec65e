"""A matplotlib figure that shows itself in Jupyter, with or without pyplot."""

from __future__ import annotations

import io

from matplotlib.figure import Figure

__all__ = ["InlineFigure"]


class InlineFigure(Figure):
    """A :class:`~matplotlib.figure.Figure` that carries its own PNG display.

    IPython shows a figure made without pyplot only as its text repr
    (``<Figure size 1240.5x1380 with 1 Axes>``) until matplotlib's inline backend
    registers its formatters, which only ``%matplotlib inline`` or importing
    pyplot in the kernel does. ``_repr_png_`` makes the figure display in a fresh
    kernel too; where the inline backend is active, its formatter is used
    instead (IPython prefers a registered formatter), so the figure shows once.

    Examples
    --------
    >>> fig = InlineFigure(figsize=(2, 1), dpi=50)
    >>> png = fig._repr_png_()
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", len(png) > 100
    (True, True)
    """

    def _repr_png_(self) -> bytes:
        buf = io.BytesIO()
        # no "Software" chunk: the same figure gives the same bytes
        self.savefig(buf, format="png", metadata={"Software": None})
        return buf.getvalue()
