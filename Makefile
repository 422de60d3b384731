# The entry points a person types. `make run` and `make test` work on a fresh
# Debian 12 machine: they install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(CURDIR)/.cache/ccache

.PHONY: help deps venv build dev asan tsan fuzz run test test-cpp test-asan test-tsan test-fuzz test-python test-infra test-deploy prefetch-tools stack python bench bench-http check-format format clean

help:
	@echo "make run    build and start dogcare on var/dogcare.db"
	@echo "make test   build and run every test suite"
	@echo "make build | dev | asan | tsan | fuzz | bench | bench-http | format | clean"

deps:
	@scripts/install-deps

venv: deps
	@scripts/venv requirements-dev.txt

build: venv
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

dev: venv
	@cmake --preset dev >/dev/null
	@cmake --build --preset dev -j $(JOBS)

asan: venv
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

# ThreadSanitizer (clang): the library, the server, dogcare-admin and the C++ suites, in build-tsan/.
tsan: venv
	@cmake --preset tsan >/dev/null
	@cmake --build --preset tsan -j $(JOBS)

# libFuzzer targets (clang, ASan+UBSan) in build-fuzz/; nothing else is built there.
fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

# The REST server in the background and the Streamlit UI in the foreground,
# both on loopback over var/dogcare.db; leaving the UI (Ctrl-C) stops the server.
run: build python
	@mkdir -p var
	@echo "REST API: http://127.0.0.1:8080   UI: http://127.0.0.1:8501"
	@build/bin/dogcare-server --listen 127.0.0.1:8080 --database sqlite:var/dogcare.db & server=$$!; \
	  trap 'kill $$server 2>/dev/null; wait $$server 2>/dev/null' EXIT INT TERM; \
	  .venv/bin/python -m streamlit run adapters/python/streamlit_app/app.py $(STREAMLIT_FLAGS)

# The Python module and UI: pinned tools, then `pip install ./adapters/python`
# (rebuilt only when the library or the binding sources change).
STREAMLIT_FLAGS := --server.address=127.0.0.1 --server.port=8501 --server.headless=true \
  --browser.gatherUsageStats=false --client.showErrorDetails=none --client.toolbarMode=minimal
PYTHON_MODULE_SOURCES := $(shell find libdogcare/include libdogcare/src libdogcare/sql libdogcare/cmake \
  adapters/python/cpp adapters/python/src -type f 2>/dev/null) libdogcare/CMakeLists.txt \
  CMakeLists.txt VERSION adapters/python/CMakeLists.txt adapters/python/pyproject.toml

python: .venv/stamps/dogcare-python

.venv/stamps/dogcare-python: $(PYTHON_MODULE_SOURCES) adapters/python/requirements.txt | venv
	@scripts/venv adapters/python/requirements.txt
	.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-build-isolation ./adapters/python
	@touch $@

test-python: python
	cd adapters/python && ../../.venv/bin/python tools/generate_stubs.py --check
	cd adapters/python && ../../.venv/bin/ruff check . && ../../.venv/bin/ruff format --check .
	cd adapters/python && ../../.venv/bin/python -m mypy src tests tests_app tests_browser tools streamlit_app
	cd adapters/python && ../../.venv/bin/python -m pytest -q tests tests_app tests_browser

test: prefetch-tools check-format test-cpp test-asan test-tsan test-fuzz test-python test-infra test-deploy

# On a fresh machine Vault and promtool (Go, for test-deploy) take longer to
# compile than anything else; they build in the background at low priority
# while the suites before test-deploy run (log: .cache/deploy/prefetch.log).
# Instant once cached; the checks wait on the same locks.
prefetch-tools: venv
	@scripts/venv deploy/tests/requirements.txt
	@mkdir -p .cache/deploy
	@cd deploy/tests && nohup nice -n 15 ../../.venv/bin/python prefetch_tools.py \
	  >../../.cache/deploy/prefetch.log 2>&1 </dev/null &

test-cpp: build
	ctest --preset release -j $(JOBS)

test-asan: asan
	ctest --preset asan -j $(JOBS)

# The C++ suites (SQLite and PostgreSQL) and the HTTP API and replica tests
# under ThreadSanitizer; the first report stops the process and fails the test.
test-tsan: tsan
	ctest --preset tsan -j $(JOBS)

# The request fuzzer for FUZZ_SECONDS on a copy of the seed corpus (the checked-in
# one stays as it is), then the JSON writer's fuzzer for FUZZ_WRITER_SECONDS
# from nothing (its inputs are only choices); a failing input is kept in
# build-fuzz/artifacts/, the logs in build-fuzz/fuzz*.log.
FUZZ_SECONDS ?= 60
FUZZ_WRITER_SECONDS ?= 20
FUZZ_FLAGS := -timeout=5 -rss_limit_mb=2048 -close_fd_mask=1 -print_final_stats=1 \
  -artifact_prefix=build-fuzz/artifacts/
FUZZ_REPORT := grep -E '^(\#[0-9]+[[:space:]]+DONE|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb))'
test-fuzz: fuzz
	@mkdir -p build-fuzz/artifacts
	@corpus=$$(mktemp -d) && trap 'rm -rf "$$corpus"' EXIT && \
	  cp adapters/http/fuzz/corpus/* "$$corpus"/ && \
	  if build-fuzz/bin/fuzz_request "$$corpus" -dict=adapters/http/fuzz/http.dict \
	      -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) >build-fuzz/fuzz.log 2>&1; then \
	    $(FUZZ_REPORT) build-fuzz/fuzz.log; \
	  else \
	    tail -n 80 build-fuzz/fuzz.log; echo "test-fuzz: failed, full log in build-fuzz/fuzz.log"; exit 1; \
	  fi
	@corpus=$$(mktemp -d) && trap 'rm -rf "$$corpus"' EXIT && \
	  if build-fuzz/bin/fuzz_json_writer "$$corpus" \
	      -max_total_time=$(FUZZ_WRITER_SECONDS) $(FUZZ_FLAGS) >build-fuzz/fuzz-json-writer.log 2>&1; then \
	    $(FUZZ_REPORT) build-fuzz/fuzz-json-writer.log; \
	  else \
	    tail -n 80 build-fuzz/fuzz-json-writer.log; \
	    echo "test-fuzz: the JSON writer's fuzzer failed, full log in build-fuzz/fuzz-json-writer.log"; exit 1; \
	  fi

# Terraform for OCI: invariants, checkov, tofu fmt, tflint (tools cached in .cache/infra).
test-infra: venv
	scripts/check-infra

# deploy/: kustomize overlays against the Kubernetes and CRD schemas, promtool,
# the dashboards' queries against a real Prometheus, checkov, shellcheck.
test-deploy: build
	scripts/check-deploy

# The local equivalent of the cluster's stack, on loopback: server, UI and a
# Prometheus with the deploy's rules (Ctrl-C stops all of it).
stack: build python
	scripts/stack

# The domain benchmarks (SQLite and PostgreSQL), then the HTTP benchmark
# (dogcare-server against nginx under wrk); neither is part of `make test`.
bench: build
	bench/run
	bench/http/run

bench-http: build
	bench/http/run

check-format: deps
	@git ls-files -z '*.cpp' '*.hpp' | xargs -0 clang-format --dry-run --Werror

format: deps
	@git ls-files -z '*.cpp' '*.hpp' | xargs -0 clang-format -i

clean:
	rm -rf build build-dev build-asan build-tsan build-coverage build-fuzz
