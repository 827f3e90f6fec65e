"""The house keeps its sizes: no module of kurils over 400 lines, no function
over 80 lines of code (its docstring, blank lines and comment lines aside).

A module that grows past the limit is split by idea; a function, into the steps
it takes. Both limits are counted here with ``ast``, so neither can creep back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kurils"  # the source, not the wheel
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def _code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> int:
    """Lines of code from the first decorator to the end, without the docstring,
    blank lines and comment-only lines."""
    doc = set()
    first = node.body[0]
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        doc = set(range(first.lineno, first.end_lineno + 1))
    start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return sum(
        1
        for number in range(start, node.end_lineno + 1)
        if number not in doc
        and lines[number - 1].strip()
        and not lines[number - 1].strip().startswith("#")
    )


def _functions(path: Path):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node.lineno, _code_lines(node, lines)


def test_the_package_is_found():
    assert len(MODULES) > 20, MODULES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_size(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_MODULE_LINES, (
        f"{path.relative_to(PACKAGE)} has {n} lines (limit {MAX_MODULE_LINES}): "
        "split it by idea, one module per idea, named after it"
    )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_function_sizes(path):
    long = [
        f"{name} (line {line}): {n} lines"
        for name, line, n in _functions(path)
        if n > MAX_FUNCTION_LINES
    ]
    assert not long, (
        f"{path.relative_to(PACKAGE)}: functions over {MAX_FUNCTION_LINES} lines "
        f"of code: {'; '.join(long)}"
    )


def test_the_counter_counts_code_only():
    source = '''
@decorator
def f(x):
    """A docstring
    of three lines
    """
    # a comment

    y = x + 1
    return y
'''
    (node,) = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef)]
    assert _code_lines(node, source.splitlines()) == 4  # decorator, def, y, return
