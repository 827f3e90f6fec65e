"""A language is added in one place (kurils.i18n.LANGS, its strings, the data
columns): these tests fail when a string table, a schema or a builder forgets one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kurils
from kurils import i18n
from kurils.data import schema
from kurils.i18n import LANGS, name_columns

SCHEMAS = {
    name: value
    for name, value in vars(schema).items()
    if isinstance(value, schema.TableSchema)
}


@pytest.mark.parametrize("key", sorted(i18n._TEXT))
def test_every_string_is_in_every_language(key):
    table = i18n._TEXT[key]
    assert tuple(table) == LANGS, f"{key!r}: languages {tuple(table)}, not {LANGS}"
    assert all(isinstance(v, str) and v.strip() for v in table.values()), key


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_language_has_its_data_columns(name):
    """A table with a name (or a title) in one language has it in all of them.
    (Event summaries and places are English only, by design.)"""
    columns = SCHEMAS[name].columns
    for prefix in ("name", "title"):
        if any(c in columns for c in name_columns(prefix)):
            missing = [c for c in name_columns(prefix) if c not in columns]
            assert not missing, f"schema {name} lacks {missing}"


# A literal list of two or more language codes (or of columns named after them):
# builders should loop over LANGS / name_columns() instead. Docstrings listing a
# parameter's choices ("lang : {...}") are documentation, not builders.
_CODES = "|".join(LANGS)
# two adjacent literals of one prefix in two languages ("en", "ru" or
# "name_en", "name_ru"); "summary_en", "place_en" is no list of languages
_LITERAL = re.compile(rf"""["'](\w+_)?({_CODES})["']\s*,\s*["'](\w+_)?({_CODES})["']""")


def _lists_languages(line: str) -> bool:
    return any(m[1] == m[3] and m[2] != m[4] for m in _LITERAL.finditer(line))


PACKAGE = Path(kurils.__file__).parent
# every module of every folder (kurils/data, domain, web, figures, ...)
MODULES = sorted(
    p.relative_to(PACKAGE).as_posix()
    for p in PACKAGE.rglob("*.py")
    if "static" not in p.parts
)
# Modules being rewritten in the redesign of issue 8; strict, so the test says so
# once they are fixed and this entry must go.
NOT_YET: set[str] = set()


@pytest.mark.parametrize(
    "module",
    [
        pytest.param(m, marks=pytest.mark.xfail(strict=True, reason="issue 8"))
        if m in NOT_YET
        else m
        for m in MODULES
        if m != "i18n.py"  # where LANGS is defined
    ],
)
def test_builders_loop_over_the_languages(module):
    source = (PACKAGE / module).read_text(encoding="utf-8")
    hits = [
        f"{module}:{n}: {line.strip()}"
        for n, line in enumerate(source.splitlines(), 1)
        if _lists_languages(line) and not re.match(r"\s*lang : \{", line)
    ]
    assert not hits, "languages written out instead of LANGS:\n" + "\n".join(hits)
