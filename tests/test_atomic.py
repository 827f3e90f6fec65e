"""Atomic writes: real processes, real signals, no temporary file left behind."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time

import pytest

import kurils._atomic as atomic
from kurils._atomic import write_atomic

# The child loads the installed _atomic.py on its own (stdlib only, so it starts in
# milliseconds) and blocks inside the write, after the temporary file is complete
# and before it is moved into place: the slowest step we can hold still.
CHILD = """
import importlib.util, os, sys, time
spec = importlib.util.spec_from_file_location("_atomic", sys.argv[1])
atomic = importlib.util.module_from_spec(spec)
spec.loader.exec_module(atomic)
if sys.argv[3] == "own-handler":
    signal = __import__("signal")
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(7))
real_replace = os.replace
def slow_replace(src, dst):
    print("writing", flush=True)
    time.sleep(30)
    real_replace(src, dst)
os.replace = slow_replace
atomic.write_atomic(sys.argv[2], b"new")
"""


def _blocked_writer(target, mode="default"):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, atomic.__file__, str(target), mode],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline() == "writing\n"
    return child


def _temps(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_signal_during_write_removes_temp_and_ends_as_before(tmp_path, sig):
    target = tmp_path / "x.html"
    target.write_bytes(b"old")
    child = _blocked_writer(target)
    assert len(_temps(tmp_path)) == 1  # the write really was under way
    child.send_signal(sig)
    # Ended by the same signal, as without kurils (SIGINT: Python re-raises it
    # when KeyboardInterrupt ends the program).
    assert child.wait(timeout=10) == -sig
    assert _temps(tmp_path) == []
    assert target.read_bytes() == b"old"


def test_own_signal_handler_still_runs(tmp_path):
    target = tmp_path / "x.html"
    child = _blocked_writer(target, mode="own-handler")
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=10) == 7  # the program's handler chose the exit
    assert _temps(tmp_path) == []
    assert not target.exists()


def test_handlers_are_restored_after_the_write(tmp_path):
    before = {s: signal.getsignal(s) for s in atomic._SIGNALS}
    write_atomic(tmp_path / "a.txt", b"a")
    assert {s: signal.getsignal(s) for s in atomic._SIGNALS} == before


def test_temp_of_a_killed_writer_is_swept_by_the_next_write(tmp_path):
    target = tmp_path / "x.html"
    child = _blocked_writer(target)
    child.send_signal(signal.SIGKILL)  # no cleanup is possible
    assert child.wait(timeout=10) == -signal.SIGKILL
    [left] = _temps(tmp_path)
    assert left.startswith(".x.html.kurils-")
    write_atomic(tmp_path / "other.png", b"png")  # any write to the folder
    assert _temps(tmp_path) == []


def test_sweep_keeps_live_writers_and_other_files(tmp_path):
    live = tmp_path / f".a.html.kurils-1-{'0' * 16}.tmp"  # pid 1 always exists
    old = tmp_path / f".b.html.kurils-1-{'1' * 16}.tmp"
    users = [tmp_path / ".a.html.abcdefgh.tmp", tmp_path / "notes.kurils-1-x.tmp"]
    for p in [live, old, *users]:
        p.write_bytes(b"")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    for p in users:
        os.utime(p, (hour_ago, hour_ago))
    write_atomic(tmp_path / "c.html", b"c")
    assert live.exists() and not old.exists()
    assert all(p.exists() for p in users)


def test_replacing_keeps_the_mode(tmp_path):
    target = tmp_path / "x.html"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.chmod(0o664)
    write_atomic(target, b"newer")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


def test_new_file_honours_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "x.html", b"new")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x.html").stat().st_mode) == 0o640


def test_symlink_target_is_replaced_and_link_kept(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "real" / "map.html"
    target.write_bytes(b"old")
    link = tmp_path / "links" / "map.html"
    link.symlink_to(target)
    assert write_atomic(link, b"new") == link
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["map.html"]
    # A dangling link: its target is created.
    dangling = tmp_path / "links" / "new.html"
    dangling.symlink_to(tmp_path / "real" / "new.html")
    write_atomic(dangling, b"fresh")
    assert dangling.is_symlink() and dangling.read_bytes() == b"fresh"
