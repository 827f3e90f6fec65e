"""Write notebooks/*.ipynb (without outputs, with stable cell ids). Run from the repo root."""

import nbformat as nbf
from nbformat.v4 import new_code_cell as code
from nbformat.v4 import new_markdown_cell as md
from nbformat.v4 import new_notebook


def save(name, cells):
    nb = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {
                "display_name": "Python 3",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
    )
    # stable ids so that the committed files diff cleanly
    for i, c in enumerate(nb.cells):
        c["id"] = f"{name[:2]}-{i:02d}"
    nbf.write(nb, f"notebooks/{name}.ipynb")


save(
    "01_quickstart",
    [
        md(
            "# kurils quick start\n\nThe Kuril Islands dispute as data and maps. Install with `pip install kurils` "
            "(or, in a clone of the repository, `make test`, which creates `.venv`). Everything below runs "
            "offline: the data and the map's JavaScript ship with the package."
        ),
        code(
            "import kurils\n\nislands = kurils.load_islands()  # GeoDataFrame, EPSG:4326, one row per island\nislands.shape"
        ),
        md(
            "Every island of the chain, plus Hokkaido, Sakhalin (cut at 50°N) and the tip of Kamchatka for context. "
            "The four southern groups are administered by Russia and claimed by Japan:"
        ),
        code(
            'disputed = islands[islands.status == "disputed"]\n'
            'disputed[["name_en", "name_ru", "name_ja", "administered_by", "claimed_by", "area_km2", "ru_district", "jp_municipality"]]'
        ),
        md(
            "Each fact has a source and the year it refers to. The quoted areas come with theirs; `area_km2` is computed "
            "from the geometry in an equal-area projection:"
        ),
        code(
            'disputed[["name_en", "area_km2", "area_km2_quoted", "area_year", "area_source"]].head(4)'
        ),
        md(
            "## The map\n\n`build_map()` returns a `folium.Map`; it displays inline, without the network. "
            "Switch the point of view in the layer control, hover an island for its names, click it for every fact and its source."
        ),
        code("m = kurils.build_map()\nm"),
        md(
            'Japan\'s point of view, in Japanese (Russian: `lang="ru"`; views: `neutral`, `de_facto`, `japan`, `russia`):'
        ),
        code('m_ja = kurils.build_map(view="japan", lang="ja")\nm_ja'),
        md(
            "Save the map as one self-contained HTML file (it opens anywhere, offline). "
            "`m_ja.save(path)`, folium's call, writes the same file. Here it goes to a "
            "temporary folder, so that running the notebook leaves nothing in the repository:"
        ),
        code(
            "import tempfile\nfrom pathlib import Path\n\n"
            'path = kurils.save_map(m_ja, Path(tempfile.mkdtemp()) / "kurils_japan_ja.html")\n'
            'print(path, round(path.stat().st_size / 1e6, 2), "MB")'
        ),
        md(
            "Take the data to a GIS: every layer as a named layer of one GeoPackage "
            "(QGIS opens it as it is), with the licence written beside it. Read back:"
        ),
        code(
            "import pyogrio\n\n"
            'gpkg = kurils.export(Path(tempfile.mkdtemp()) / "kurils.gpkg")\n'
            "layers = pyogrio.list_layers(gpkg)\n"
            "print([str(name) for name, _ in layers])\n"
            'pyogrio.read_dataframe(gpkg, layer="islands")[["island_id", "name_ja", "area_km2"]].head(3)'
        ),
    ],
)

save(
    "02_attributes",
    [
        md(
            "# Attributes, sources, and your own data\n\nWhat each column means, where each fact comes from, "
            "and how to put your own table on top of the dispute map."
        ),
        code(
            "import pandas as pd\n\nimport kurils\nfrom kurils.data import schema\n\nislands = kurils.load_islands()\nsources = kurils.load_sources()\n"
            'print("columns:", ", ".join(schema.ISLANDS.columns))\nprint("vocabularies:", {k: sorted(v) for k, v in schema.ISLANDS.vocab.items()})'
        ),
        md(
            "Each value column has its source column and, where it changes over time, a year column. "
            "The rule is part of the schema:"
        ),
        code("schema.ISLANDS.facts"),
        md("Follow one fact to its source:"),
        code(
            'iturup = islands.set_index("island_id").loc["iturup"]\n'
            "for value, (src, year) in schema.ISLANDS.facts.items():\n"
            "    if pd.notna(iturup[value]):\n"
            "        s = sources.loc[iturup[src]]\n"
            "        print(f\"{value:16} {str(iturup[value]):10} {str(iturup[year]) if year else '':6} {s.title[:60]} — {s.url}\")"
        ),
        md(
            "## Your own table\n\nSay you surveyed something per island. The numbers below are **made up for this "
            "example**; bring your own. Join on `island_id`, then map it as a choropleth on top of the dispute layers."
        ),
        code(
            "survey = pd.DataFrame({\n"
            '    "island_id": ["iturup", "kunashir", "shikotan", "zelyony", "urup", "paramushir"],\n'
            '    "responses": [120, 95, 40, 3, 0, 60],  # example values, not facts\n'
            "})\n"
            'joined = islands.merge(survey, on="island_id", how="inner")\n'
            'joined[["name_en", "responses", "status"]]'
        ),
        code(
            "m = kurils.build_map()\n"
            "# one more layer on the map: colours computed from your column, text escaped\n"
            'kurils.choropleth_layer(joined, "responses", name="Survey (example data)").add_to(m)\n'
            "m"
        ),
        md(
            "A static figure of the same view, for print (PNG, SVG or PDF with `kurils.save_figure`):"
        ),
        code('kurils.figure(view="neutral", lang="en")'),
        md(
            "## Bad input\n\nEvery loader validates what it is given and raises one error type, naming the file or table "
            "and the problem. Nothing is modified."
        ),
        code(
            "broken = kurils.load_island_table()\n"
            'broken.loc[broken.island_id == "iturup", "administered_by"] = "Russia"  # not an ISO code\n'
            'try:\n    kurils.load_islands(attributes=broken)\nexcept kurils.KurilsDataError as e:\n    print(type(e).__name__, "—", e)'
        ),
        code(
            'wrong_crs = islands[["island_id", "geometry"]].to_crs(3857)\n'
            "try:\n    kurils.load_islands(wrong_crs)\nexcept kurils.KurilsDataError as e:\n    print(e)"
        ),
    ],
)

save(
    "03_history",
    [
        md(
            "# History: who held which island when\n\nThe border moved four times in a century. Every row of the timeline "
            "is sourced, and the holdings are replayed from it."
        ),
        code(
            'import kurils\n\ntimeline = kurils.events()\ntimeline[["date", "title_en", "title_ja", "transfers", "source"]]'
        ),
        md(
            "Who held what on a given day (a change takes effect on the day of its event; before 1855-02-07 there is no "
            "agreed border, and kurils raises `ValueError`):"
        ),
        code(
            'on_1900 = kurils.sovereignty_at("1900-01-01")\non_1900.groupby("held_by").island_id.apply(list)'
        ),
        code(
            'h = kurils.holdings()\nh[h.island_id == "iturup"][["held_by", "since", "until", "basis"]]'
        ),
        md(
            "The map as it stood on one day, and the whole history on a time slider (drag it):"
        ),
        code('kurils.build_map(date="1930-01-01")'),
        code("kurils.build_map(history=True)"),
        code(
            'try:\n    kurils.sovereignty_at("1850-01-01")\nexcept ValueError as e:\n    print(e)'
        ),
    ],
)

save(
    "04_stakes",
    [
        md(
            "# What is at stake: maritime zones and settlement scenarios\n\n"
            "Each scenario says who would hold which island. kurils computes, from the shipped coastlines, "
            "how much land, sea, people and settlements each one moves away from today's holdings. The sea "
            "areas are **illustrations, not legal boundaries**: normal baselines (no 1984 Soviet straight "
            "baselines, no Japanese baselines), every rock a full zone, median lines between the two sides."
        ),
        code(
            "import kurils\n\n[(s.id, s.title_en, s.source) for s in kurils.scenarios()]"
        ),
        code(
            "table = kurils.stakes()\n"
            "table[['scenario_id', 'land_jpn_km2', 'land_rus_km2', 'territorial_sea_moved_km2',\n"
            "       'eez_moved_km2', 'sea_share_jpn', 'population_moved', 'population_year']].round(2)"
        ),
        md(
            "People are counted per island; for an island a scenario cuts (the equal split cuts Iturup), "
            "only the listed settlements on the part that moves count, each with its own figure, year and "
            "source. Iturup's two listed settlements lie on the part that stays, so none of its people move; "
            "its residents outside them cannot be placed on either part and are reported, not counted:"
        ),
        code(
            "table.set_index('scenario_id').loc['equal_land',\n"
            "    ['settlements_moved', 'population_moved', 'population_source',\n"
            "     'population_unplaced', 'settlements_no_figure']]"
        ),
        md(
            "The map that switches between the scenarios in the page: islands by holder (the cut island in "
            "two, land that changes hands dashed), each scenario's zones and cut line, and its stakes table "
            "in the legend (`kurils map --scenarios` on the command line):"
        ),
        code("kurils.build_map(scenarios=True)"),
        md(
            "The zones of one scenario (precomputed for the shipped ones, so this is instant):"
        ),
        code(
            "zones = kurils.maritime_zones(kurils.scenarios()[3])  # the four groups to Japan\n"
            "ax = zones[zones.zone != 'contiguous_zone'].plot(column='holder', alpha=0.5, figsize=(7, 6))\n"
            "kurils.load_islands().plot(ax=ax, color='black', linewidth=0)\n"
            "ax.set_xlim(141, 152); ax.set_ylim(40, 48);\n"
            "print(zones.attrs['method'])"
        ),
        md(
            "Your own scenario: a `Scenario` (or a CSV of `island_id,holder`) naming every disputed island. "
            "Its zones are computed on demand (tens of seconds, with progress on stderr), so here only the "
            "land arithmetic runs; `kurils.stakes([mine])` would add the sea."
        ),
        code(
            "disputed = kurils.load_islands().query(\"status == 'disputed'\").island_id\n"
            "mine = kurils.Scenario('kunashir_only', 'Kunashir to Japan',\n"
            "                       holders={i: 'JPN' if i == 'kunashir' else 'RUS' for i in disputed})\n"
            "mine.validate().holders['kunashir']"
        ),
    ],
)
