"""Write a file so that a failure or a signal never leaves a partial one behind."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["replace_folder", "staging_folder", "write_atomic"]

# Temporary files are named ``.<target name>.kurils-<pid>-<16 hex>.tmp``: the marker
# lets the sweep recognise its own files (never a user's), the pid tells whether
# the writer is still alive.
_TEMP = re.compile(r"\A\..+\.kurils-(\d+)-[0-9a-f]{16}\.tmp\Z", re.DOTALL)
# A write holds its temporary file for milliseconds; one this old was left by a
# writer that died (or by one on another machine sharing the folder).
STALE_AFTER_S = 300.0
# Signals whose default action ends the process without running Python cleanup.
_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGTERM", "SIGINT", "SIGHUP")
    if hasattr(signal, name)
)


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then move it into place.

    ``os.replace`` is atomic on POSIX and Windows: readers see the old file or the
    new one, never half of it. The temporary file is removed on any error, and
    also when SIGTERM, SIGINT or SIGHUP arrives during the write: while it lasts,
    each of these signals that would end the process by default (``SIG_DFL``)
    gets a handler that removes the temporary file, restores the previous
    handler and raises the signal again, so the process ends just as it would
    have. Signals with a Python handler (SIGINT's ``KeyboardInterrupt``, or your
    own) run it unchanged; ignored ones stay ignored. Handlers can only be
    installed from the main thread; a temporary file left by a write that was
    killed (SIGKILL, power loss, a write from another thread) is swept by the
    next write to the same folder: any ``.<name>.kurils-<pid>-<random>.tmp`` whose
    process is dead or that is older than :data:`STALE_AFTER_S`.

    Replacing a file keeps its permission bits; a new file gets ``0o666`` less the
    umask, as ``open()`` would. If ``path`` is a symbolic link, the file it points
    to is replaced and the link is kept (the temporary file goes beside the
    target, so the final rename stays on one file system).

    Parameters
    ----------
    path : path-like
        The file to write; its folder must exist.
    data : bytes
        The whole new content.

    Returns
    -------
    pathlib.Path
        ``path`` as given (the link, if it is one).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", b"new").read_bytes()
    b'new'
    >>> sorted(p.name for p in folder.iterdir())
    ['a.txt']
    """
    path = Path(path)
    target = Path(os.path.realpath(path))
    _sweep(target.parent)
    mode = _mode_to_keep(target)
    tmp = (
        target.parent
        / f".{target.name}.kurils-{os.getpid()}-{secrets.token_hex(8)}.tmp"
    )
    with _cleanup_on_signals():
        # The name is known before the file exists, so an interruption at any
        # point below still finds the file to remove.
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            if mode is not None:
                os.chmod(tmp, mode)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return path


_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def _mode_to_keep(target: Path) -> int | None:
    """The permission bits of the file being replaced (None: new file, use umask)."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    return stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else None


class _Signalled(BaseException):
    """Raised by our handler so the write unwinds (and cleans up) before exiting."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """While the block runs, turn default-action signals into an exception.

    On leaving, the previous handlers are restored; if a signal arrived, it is
    raised again so the process ends as it would have without us.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal.signal() works only in the main thread
        return

    received: list[int] = []

    def handler(signum: int, frame: object) -> None:
        if not received:  # a second signal must not interrupt the cleanup
            received.append(signum)
            raise _Signalled(signum)

    previous = {}
    for sig in _SIGNALS:
        if signal.getsignal(sig) == signal.SIG_DFL:
            previous[sig] = signal.signal(sig, handler)
    try:
        yield
    except _Signalled as e:
        _restore(previous)
        signal.raise_signal(e.signum)  # default action: the process ends here
        raise SystemExit(128 + e.signum) from None  # if the signal is blocked
    finally:
        _restore(previous)


def _restore(previous: dict) -> None:
    for sig, old in previous.items():
        signal.signal(sig, old)


def _sweep(folder: Path) -> None:
    """Remove our temporary files in ``folder`` left by dead or long-gone writers."""
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # the write itself will report a missing or unreadable folder
    for entry in entries:
        m = _TEMP.match(entry.name)
        if not m:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode):
                continue
            if now - st.st_mtime > STALE_AFTER_S or not _alive(int(m.group(1))):
                os.unlink(entry.path)
        except OSError:
            continue  # gone already, or not ours to remove


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists on this machine (True when unsure)."""
    if os.name != "posix" or pid == os.getpid():
        return True  # os.kill(pid, 0) on Windows would send CTRL_C_EVENT
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


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
