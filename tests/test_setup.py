"""The set-up: CI fails without Chromium, a laptop skips and the summary says which."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
ONE_BROWSER_TEST = "test_browser.py::test_payloads_show_literally_and_never_run"


def _pytest_without_chromium(ci: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["KURILS_CHROMIUM"] = str(REPO / "no-such-chromium")
    if ci:
        env["CI"] = "1"
    cmd = [sys.executable, "-m", "pytest", "-c", str(REPO / "pyproject.toml")]
    cmd += [f"--rootdir={REPO}", "-p", "no:cacheprovider", ONE_BROWSER_TEST]
    return subprocess.run(cmd, cwd=TESTS, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_browser_tests_fail_on_ci_without_chromium():
    res = _pytest_without_chromium(ci=True)
    assert res.returncode == 1, res.stdout
    assert "chromium is missing: .ci/run should have installed it" in res.stdout


@pytest.mark.slow
def test_a_skipped_test_is_named_in_the_summary():
    res = _pytest_without_chromium(ci=False)
    assert res.returncode == 0, res.stdout
    named = f"SKIPPED tests/{ONE_BROWSER_TEST}: Debian's chromium is not installed"
    assert named in res.stdout


def test_ci_script_sets_ci():
    script = (REPO / ".ci" / "run").read_text()
    assert "export CI=1" in script
    assert script.index("export CI=1") < script.index("make test")


def test_make_map_installs_only_what_the_map_needs():
    """`make map` does not install the test toolchain; `make test` adds it."""
    plan = subprocess.run(
        ["make", "-n", "-B", "map"], cwd=REPO, capture_output=True, text=True
    ).stdout
    assert '".[test]"' not in plan and "pytest" not in plan
    assert "echo" in plan  # it says what it does
    plan = subprocess.run(
        ["make", "-n", "-B", "test"], cwd=REPO, capture_output=True, text=True
    ).stdout
    assert '".[test]"' in plan
