# The two commands: `make map` and `make test`. Both create (or reuse) .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MAP_STAMP := $(VENV)/.deps-map-stamp
TEST_STAMP := $(VENV)/.deps-test-stamp
OUT ?= build/kurils.html
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: map test lint install data clean

# Dependencies are installed once (re-run when pyproject.toml changes): `make map`
# only what the map needs, `make test` adds the test tools. The package itself is
# re-installed as a wheel every time, so tests see exactly what users get (the
# shipped data included), not the source tree.
$(VENV)/bin/python:
	@echo "kurils: creating the virtual environment $(VENV) (and upgrading its pip)"
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip

$(MAP_STAMP): pyproject.toml | $(VENV)/bin/python
	@echo "kurils: installing what the map needs (geopandas, folium, matplotlib, ...) into $(VENV)"
	$(PIP) . hatchling
	touch $(MAP_STAMP)

$(TEST_STAMP): $(MAP_STAMP)
	@echo "kurils: adding the test tools (the [test] extra: pytest, playwright, ruff, ...)"
	$(PIP) ".[test]"
	touch $(TEST_STAMP)

install: $(MAP_STAMP)
	@echo "kurils: installing kurils itself (as a wheel) into $(VENV)"
	$(PIP) --no-deps --no-build-isolation --force-reinstall .

map: install
	@echo "kurils: rendering the default map to $(OUT)"
	mkdir -p $(dir $(OUT))
	$(BIN)/kurils map --out $(OUT)

test: $(TEST_STAMP) install
	@echo "kurils: linting and format check (ruff)"
	$(BIN)/ruff check kurils tests geodata benchmarks scripts
	$(BIN)/ruff format --check kurils tests geodata benchmarks scripts
	@echo "kurils: pytest (unit, doctests, README, HTML, notebooks, headless Chromium)"
	@# one worker per core (pytest-xdist), each test file on one worker: its maps and
	@# browser are built once
	cd tests && ../$(BIN)/pytest -c ../pyproject.toml --rootdir=.. -n auto --dist loadfile ../tests ../README.md --pyargs kurils

# Rebuild geodata/islands.gpkg, rocks.gpkg, zones.gpkg, derived.gpkg and manifest.json from the registry source
# (needs network once for pip; about 1 GB of memory, 1 min, then about 4 min for the zones, which
# are computed by the installed package from the fresh data).
data: $(MAP_STAMP)
	$(PIP) ".[build-data]"
	$(BIN)/python geodata/build.py
	$(BIN)/python geodata/build_rocks.py
	$(MAKE) install
	$(BIN)/python geodata/build_zones.py
	$(MAKE) install
	$(BIN)/python geodata/build_derived.py

clean:
	rm -rf build dist .pytest_cache
