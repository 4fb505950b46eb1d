# Two commands: `make build` (set up + build package and site) and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-from-lock

.PHONY: build test test-full serve package lint clean

build: $(STAMP)
	$(PY) scripts/build.py

test: build
	$(PY) -m ruff check scripts tests
	$(PY) -m pytest

# Every page in both colour schemes, every chart page drawn, axe on every page (CI runs
# it weekly and before each deploy; `make test` samples chart pages and dark mode).
test-full: build
	$(PY) -m ruff check scripts tests
	$(PY) -m pytest --full

serve: build
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve

package: $(STAMP)
	$(PY) scripts/build.py package

# The venv itself is a prerequisite too, so a removed .venv is rebuilt (pyvenv.cfg is a
# real file; bin/python is a symlink whose date is the system interpreter's).
$(VENV)/pyvenv.cfg:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.lock $(VENV)/pyvenv.cfg
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	touch $(STAMP)

clean:
	rm -rf site $(VENV)
