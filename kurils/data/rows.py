"""How an error message names a table's values and rows.

Every check that finds something wrong says which values (a few, then how many
more) and which rows (their numbers under the header, with the key where there
is one), so that the user can find them in their file or frame.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .schema import TableSchema

__all__: list[str] = []


def _listing(values, limit: int = 5) -> str:
    values = [str(v) for v in values]
    more = f" (+{len(values) - limit} more)" if len(values) > limit else ""
    return ", ".join(values[:limit]) + more


def _rows(out: pd.DataFrame, mask, schema: TableSchema | None = None) -> str:
    """Name the rows where ``mask`` holds: data row numbers (1 = the first row
    under the header), with the key where there is one."""
    mask = np.asarray(mask, dtype=bool)
    positions = np.flatnonzero(mask)
    key = schema.key[0] if schema is not None and schema.key[0] in out else None
    names = []
    for i in positions:
        label = f"{i + 1}"
        if key is not None and pd.notna(out[key].iloc[i]):
            label += f": {out[key].iloc[i]}"
        names.append(label)
    return ("row " if len(names) == 1 else "rows ") + _listing(names)
