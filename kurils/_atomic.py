"""Write a file so that a failure never leaves a partial one behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["replace_folder", "staging_folder", "write_atomic"]


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then move it into place.

    ``os.replace`` is atomic on POSIX and Windows: readers see the old file or the
    new one, never half of it; on any error the temporary file is removed.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def staging_folder(path: Path) -> Path:
    """A new, empty folder beside ``path`` to build its replacement in.

    Beside, not in /tmp: the final ``os.replace`` must stay on one file system.
    The caller removes it if anything fails (``shutil.rmtree``).
    """
    stage = Path(
        tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    )
    stage.chmod(0o755)  # mkdtemp makes it private; what it becomes is not
    return stage


def replace_folder(stage: Path, path: Path) -> None:
    """Move the folder ``stage`` to ``path``, replacing a folder already there.

    A folder cannot be swapped in one step: the old one is first moved aside
    (one rename), then the new one into place (one rename); if that fails the
    old one is put back. Readers see the old folder or the new one, whole.
    """
    if not path.exists():
        os.replace(stage, path)
        return
    aside = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.old."))
    os.replace(path, aside / "previous")
    try:
        os.replace(stage, path)
    except BaseException:
        os.replace(aside / "previous", path)
        raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)
