"""Make text safe to put into a folium page.

folium escapes neither tooltips, popups nor layer names, and several of its
templates put text inside JavaScript template literals, where ``${...}`` runs even
after HTML escaping. Worse, branca compiles every rendered script *again* as a
Jinja template, so ``{{ ... }}`` in any value, even one that travels inside the
GeoJSON data, runs as Python on the machine that renders the map (``{{ 7*7 }}``
becomes ``49``). Every piece of text kurils puts on a page goes through
:func:`escape_text`, which neutralises all three.
"""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["escape_text"]

_JS_TEMPLATE = str.maketrans(
    {"\\": "&#92;", "`": "&#96;", "$": "&#36;", "{": "&#123;", "}": "&#125;"}
)


def escape_text(value: object) -> str:
    """Escape ``value`` for HTML and for JavaScript template literals.

    The result shows the original text literally wherever it is placed: in HTML
    (``<``, ``>``, ``&``, quotes become character references), in a JavaScript
    template literal (backslash, backtick and ``$`` become character references, so
    ``${...}`` cannot run and the literal cannot be closed) and in the Jinja pass
    that branca makes over rendered scripts (braces become character references).
    Missing values give "".

    Examples
    --------
    >>> escape_text('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    >>> escape_text("${alert(1)} `x` \\\\")
    '&#36;&#123;alert(1)&#125; &#96;x&#96; &#92;'
    >>> escape_text("{{ 7*7 }}")
    '&#123;&#123; 7*7 &#125;&#125;'
    >>> escape_text(None), escape_text(float("nan")), escape_text(1875)
    ('', '', '1875')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True).translate(_JS_TEMPLATE)
