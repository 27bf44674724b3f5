# Two commands for a newcomer: `make run` (the sample study) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
WB     := $(BIN)/workbench
SAMPLE := transcripts/sample-study

.PHONY: setup run test docs bench sample clean lock mutate catalogues

setup: $(VENV)/.installed

# Bytecode for every module, compiled on all CPUs (pip's own compiling runs on one): where PYTHONDONTWRITEBYTECODE
# is set (CI machines, containers) Python writes none on import, and each command would compile SQLAlchemy anew
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-compile -c requirements.lock -e '.[test]'
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib workbench >/dev/null
	touch $@

## Pin what is installed now as the versions every setup uses (after a dependency change).
lock: setup
	{ head -2 requirements.lock; $(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

## Import the bundled sample study into db/workbench.sqlite, auto-code it, print the report, write it as
## Word, then open the coding workbench (in a terminal).
run: setup
	$(WB) import $(SAMPLE)
	$(WB) participants import $(SAMPLE)/participants.csv
	$(WB) codebook import codebook/interview-guide.yaml
	$(WB) autocode --role respondent
	$(WB) guide import codebook/interview-guide.md
	$(WB) guide coverage --transcript interview-01
	$(WB) report frequencies --by programme
	$(WB) suggest --transcript interview-01 --top 1
	$(WB) report frequencies --format docx --language nl --out reports/frequenties.docx --chart reports/frequenties.png
	@if [ -t 0 ] && [ -t 1 ]; then $(WB) --coder "$${USER:-coder}" --new-coder; else echo "(not a terminal: 'make run' in a terminal opens the workbench)"; fi

## The whole test suite (after a lint for mistakes: unused names, import order, bugbears, the layers, the types
## of the domain, and the user guide built strict: a broken link or a page left out fails).
test: setup
	$(BIN)/ruff check workbench tests bench scripts
	$(BIN)/lint-imports
	$(BIN)/mypy
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet
	$(BIN)/python -m pytest

## The user guide (docs/) at http://127.0.0.1:8001, rebuilt as you edit.
docs: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8001

## Mutation testing (minutes; not in CI): deliberate bugs in counting, spans, agreement, re-anchoring, name
## masking and REFI-QDA offsets ([tool.mutmut] in pyproject.toml); docs/benchmarks.md has the score.
mutate: setup
	$(BIN)/python -m pip install --quiet "mutmut>=3.2"
	$(BIN)/mutmut run || true
	$(BIN)/mutmut results

## Benchmarks (not tests): figures printed, nothing asserted.
bench: setup
	$(BIN)/python bench/run.py

## Re-make the sample study from its generator.
sample: setup
	rm -rf $(SAMPLE) && $(BIN)/python -m workbench.sample --out $(SAMPLE)

clean:
	rm -rf $(VENV) db/*.sqlite db/*.sqlite-*

## After changing what the workbench says: extract the messages, add new ones to the Dutch catalogue (then
## translate them in workbench/locale/nl/LC_MESSAGES/workbench.po) and compile it. make test checks both.
catalogues: setup
	$(BIN)/pybabel extract --no-location --omit-header -o $(VENV)/workbench.pot workbench
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -w 120 -i $(VENV)/workbench.pot \
		-d workbench/locale -D workbench -l nl
	$(BIN)/pybabel compile -d workbench/locale -D workbench -l nl
