"""Build kurils/figures/fonts/KurilsSans-Regular.ttf, the font of kurils' printed figures.

A subset of Noto Sans CJK JP Regular (SIL Open Font License 1.1) from Debian's
``fonts-noto-cjk`` package (``apt-get install fonts-noto-cjk``), holding Latin,
Cyrillic, kana, CJK punctuation and every character that kurils' own data and
interface text use, converted to TrueType outlines (matplotlib embeds TrueType in
PDF and PS; CFF-flavoured OpenType it cannot). About 0.4 MB instead of 19 MB, so
the wheel can ship it: figures then render Japanese and Russian on any machine.

Run from the repository root after changing the data or the interface text::

    .venv/bin/python scripts/subset_font.py

The output is deterministic (fixed timestamps, sorted tables).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

REPO = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_INDEX = 0  # "Noto Sans CJK JP" in the collection
COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
OUT_DIR = REPO / "kurils" / "fonts"
OUT = OUT_DIR / "KurilsSans-Regular.ttf"
FAMILY = "Kurils Sans"  # a reserved font name may not be used for a modified font
FIXED_TIME = 3_786_912_000  # 2020-01-01, seconds since 1904 (the OpenType epoch)

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1, Latin Extended-A (romaji macrons: ō, ū)
    (0x0400, 0x045F),  # Cyrillic
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2190, 0x2193),  # arrows (north arrow)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0xFF01, 0xFF5E),  # fullwidth forms
]


def wanted_characters() -> set[int]:
    chars = {c for lo, hi in RANGES for c in range(lo, hi + 1)}
    for path in sorted((REPO / "geodata" / "attributes").glob("*.csv")):
        chars |= {ord(c) for c in path.read_text(encoding="utf-8")}
    i18n = (REPO / "kurils" / "i18n.py").read_text(encoding="utf-8")
    for literal in re.findall(r'"([^"\n]*)"', i18n):
        chars |= {ord(c) for c in literal}
    return {c for c in chars if c >= 0x20}


def to_truetype(font) -> None:
    """Convert CFF outlines to quadratic TrueType ``glyf`` outlines, in place."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font) -> None:
    names = font["name"]
    for rec in list(names.names):
        if rec.nameID in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=rec.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName("Regular", 2, 3, 1, 0x409)
    names.setName(f"{FAMILY} Regular; subset of Noto Sans CJK JP", 3, 3, 1, 0x409)
    names.setName(f"{FAMILY} Regular", 4, 3, 1, 0x409)
    names.setName("KurilsSans-Regular", 6, 3, 1, 0x409)


def main() -> None:
    if not SOURCE.exists():
        sys.exit(f"{SOURCE} is missing: apt-get install fonts-noto-cjk")
    font = TTCollection(str(SOURCE)).fonts[SOURCE_INDEX]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["vhea", "vmtx", "VORG", "BASE", "GPOS", "GSUB"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(wanted_characters()))
    sub.subset(font)
    to_truetype(font)
    rename(font)
    font["head"].created = font["head"].modified = FIXED_TIME
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    font.recalcTimestamp = False
    font.save(str(OUT), reorderTables=True)
    licence = COPYRIGHT.read_text(encoding="utf-8")
    ofl = licence[licence.index("SIL OPEN FONT LICENSE Version 1.1") :]
    ofl = "\n".join(
        line[1:] if line.startswith(" ") else line for line in ofl.splitlines()
    )
    (OUT_DIR / "OFL.txt").write_text(
        "KurilsSans-Regular.ttf is a subset of Noto Sans CJK JP Regular,\n"
        "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name\n"
        "'Source'. Noto is a trademark of Google Inc. Renamed 'Kurils Sans' as the\n"
        "licence asks of modified versions. Source: Debian package fonts-noto-cjk\n"
        "1:20220127+repack1-1. Built by scripts/subset_font.py.\n\n"
        + ofl.strip()
        + "\n",
        encoding="utf-8",
    )
    n = len(font.getBestCmap())
    print(
        f"wrote {OUT.relative_to(REPO)}: {n} characters, {OUT.stat().st_size / 1e3:.0f} kB"
    )


if __name__ == "__main__":
    csv.field_size_limit(10**7)
    main()
