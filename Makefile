# The two commands: `make report` and `make test`. Both create the virtual
# environment on first use and reuse it afterwards.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?= seeds
OUT ?= reports/seeds
BENCHMARKS ?= ../shared/benchmarks

.PHONY: report test fuzz validate bench profile venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

report: $(STAMP)
	$(PY) -m toolkit report $(CORPUS) --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest tests --nbval-lax notebooks

# The property tests of tests/test_fuzz.py at 10,000 cases each (make test runs a few).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/test_fuzz.py -q

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis

validate: $(STAMP)
	$(PY) -m toolkit.evaluation.validate --corpus seeds --gold tests/gold --benchmarks $(BENCHMARKS) --out toolkit/data/validation.csv

WORDS ?= 1000000
bench: $(STAMP)
	$(PY) -m toolkit.evaluation.bench --seeds seeds --words $(WORDS) --out bench

# Where the time goes: the benchmark's stages under pyinstrument (HTML report).
PROFILE_WORDS ?= 100000
profile: $(STAMP)
	mkdir -p bench
	$(VENV)/bin/pyinstrument -r html -o bench/profile.html -m toolkit.evaluation.bench --seeds seeds --words $(PROFILE_WORDS) --out bench/profile --no-quantulum --no-dask --no-memory
