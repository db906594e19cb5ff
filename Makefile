# Two commands do everything on a fresh machine:  make run  |  make test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# torch is pinned and installed first, so nothing ever pulls a multi-GB CUDA build. Where PyPI
# would serve a CUDA wheel, point this at the CPU index: make run TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
TORCH_SPEC ?= torch==2.13.0
TORCH_INDEX_URL ?=
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test test-quick lint install worker clean messages translations

install: $(STAMP)

# The first install downloads a few hundred MB (torch alone is about 200): pip shows what it is
# fetching and its progress, so a first `make run` is never minutes of silence.
$(STAMP): pyproject.toml
	@echo "==> First run: creating $(VENV)/ and installing (a few minutes; later runs start at once)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "==> 1/2: torch, CPU build ($(TORCH_SPEC))"
	$(BIN)/python -m pip install --progress-bar on "$(TORCH_SPEC)" $(if $(TORCH_INDEX_URL),--index-url $(TORCH_INDEX_URL))
	$(BIN)/python -c "import sys, torch; sys.exit('a CUDA build of torch was installed; use the CPU wheel' if torch.version.cuda else 0)"
	@echo "==> 2/2: kindness-challenge and its dependencies"
	$(BIN)/python -m pip install --progress-bar on -e '.[dev]'
	touch $(STAMP)
	@echo "==> Installed."

# make run PORT=8080 (another port), make run HOST=0.0.0.0 (reachable from other machines).
run: $(STAMP)
	$(BIN)/flask --app wsgi db upgrade
	@echo "==> Serving on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/flask --app wsgi run --host $(HOST) --port $(PORT)

worker: $(STAMP)
	$(BIN)/flask --app wsgi score-worker

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# axe-core (pinned in package-lock.json) for the accessibility checks in the browser tests.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: lint node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The quick lane for daily work (about 2 minutes on 2 cores, every module of the package touched):
# everything but the tests marked slow. `make test` (what CI runs) runs those too.
test-quick: lint
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# Languages (README, "Languages"). The compiled catalogs (.mo) are committed beside their .po
# files, so a fresh clone, `pip install` and plain `pytest` have them with no build step;
# tests/test_i18n.py fails when a .mo is older than what its .po compiles to.
BABEL := $(BIN)/pybabel
TRANSLATIONS := kindness_challenge/translations

# Extract every marked string into the two templates and merge them into each locale's catalog.
messages: $(STAMP)
	$(BABEL) extract -F babel.cfg -k _l -k plural:1,2 --project kindness-challenge -o $(TRANSLATIONS)/messages.pot .
	$(BABEL) extract -F babel.cfg --no-default-keywords -k m_ -k lm_ --project kindness-challenge -o $(TRANSLATIONS)/moderate.pot .
	$(BABEL) update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -D messages --no-fuzzy-matching
	# The moderator side has no catalogs yet (English): merged once one is started with init.
	if ls $(TRANSLATIONS)/*/LC_MESSAGES/moderate.po >/dev/null 2>&1; then \
	  $(BABEL) update -i $(TRANSLATIONS)/moderate.pot -d $(TRANSLATIONS) -D moderate --no-fuzzy-matching; fi

# Compile every catalog (.po -> .mo), with the statistics of each.
translations: $(STAMP)
	$(BABEL) compile -d $(TRANSLATIONS) -D messages --statistics
	if ls $(TRANSLATIONS)/*/LC_MESSAGES/moderate.po >/dev/null 2>&1; then \
	  $(BABEL) compile -d $(TRANSLATIONS) -D moderate --statistics; fi
