# The two commands: `make map` and `make test`. Both create (or reuse) .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.deps-stamp
OUT ?= build/kurils.html

.PHONY: map test lint install data clean

# Dependencies are installed once (re-run when pyproject.toml changes); the package
# itself is re-installed as a wheel every time, so tests see exactly what users get
# (the shipped data included), not the source tree.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[test]" hatchling
	touch $(STAMP)

install: $(STAMP)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --force-reinstall .

map: install
	mkdir -p build
	$(BIN)/kurils map --out $(OUT)

test: install
	$(BIN)/ruff check kurils tests geodata benchmarks scripts
	$(BIN)/ruff format --check kurils tests geodata benchmarks scripts
	cd tests && ../$(BIN)/pytest -c ../pyproject.toml --rootdir=.. ../tests ../README.md --pyargs kurils

# Rebuild geodata/islands.gpkg, rocks.gpkg, zones.gpkg and manifest.json from the registry source
# (needs network once for pip; about 1 GB of memory, 1 min, then about 4 min for the zones, which
# are computed by the installed package from the fresh data).
data: $(STAMP)
	$(BIN)/python -m pip install --quiet ".[build-data]"
	$(BIN)/python geodata/build.py
	$(BIN)/python geodata/build_rocks.py
	$(MAKE) install
	$(BIN)/python geodata/build_zones.py

clean:
	rm -rf build dist .pytest_cache
