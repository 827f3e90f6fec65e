"""Control characters in data never reach a terminal raw: errors show them escaped."""

from __future__ import annotations

import re

import kurils
from kurils.cli import main

ANSI_ID = "\x1b[31mX"
# C0/C1 controls, DEL, line/paragraph separators and bidirectional controls.
RAW = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _bad_islands_file(islands, tmp_path):
    frame = islands[["island_id", "geometry"]].copy()
    frame.loc[frame.index[0], "island_id"] = ANSI_ID
    path = tmp_path / "mine\x1b[2J.geojson"  # the file name too
    frame.to_file(path)
    return path


def test_error_message_escapes_controls_and_keeps_the_data():
    err = kurils.KurilsDataError("a\x07.csv", "bad\nvalue \u202eevil \x9b1m: \x1b[31mX")
    assert not RAW.search(str(err))
    assert str(err) == r"a\x07.csv: bad\nvalue \u202eevil \x9b1m: \x1b[31mX"
    assert err.problem == "bad\nvalue \u202eevil \x9b1m: \x1b[31mX"  # as given
    assert (
        str(kurils.KurilsDataError("島.csv", "Итуруп 択捉島"))
        == "島.csv: Итуруп 択捉島"
    )


def test_loader_error_shows_the_escape_literally(islands, tmp_path):
    path = _bad_islands_file(islands, tmp_path)
    try:
        kurils.load_islands(path)
    except kurils.KurilsDataError as e:
        message = str(e)
    assert not RAW.search(message)
    assert r"\x1b[31mX" in message and r"mine\x1b[2J.geojson" in message


def test_cli_prints_one_escaped_line(islands, tmp_path, capsys):
    path = _bad_islands_file(islands, tmp_path)
    out = tmp_path / "map.html"
    assert main(["map", "--islands", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kurils: error: ")
    assert not RAW.search(err[:-1])
    assert r"unknown island_id" in err and r"\x1b[31mX" in err
    assert not out.exists()


def test_cli_escapes_os_errors(tmp_path, capsys):
    # A folder where the figure should go: the rename fails with an OSError
    # whose text carries the path.
    out = tmp_path / "fig\x1b]0;pwned\x07.svg"
    out.mkdir()
    assert main(["figure", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and not RAW.search(err[:-1])
    assert r"fig\x1b]0;pwned\x07.svg" in err
