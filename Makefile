# The entry points a person types. `make run` and `make test` work on a fresh
# Debian 12 machine: they install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(CURDIR)/.cache/ccache

.PHONY: help deps venv build dev asan tsan run test test-cpp test-asan bench check-format format clean

help:
	@echo "make run    build and start dogcare on var/dogcare.db"
	@echo "make test   build and run every test suite"
	@echo "make build | dev | asan | tsan | bench | format | clean"

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

tsan: venv
	@cmake --preset tsan >/dev/null
	@cmake --build --preset tsan -j $(JOBS)

run: build
	@mkdir -p var
	build/bin/dogcare-admin migrate var/dogcare.db

test: check-format test-cpp test-asan

test-cpp: build
	ctest --preset release -j $(JOBS)

test-asan: asan
	ctest --preset asan -j $(JOBS)

bench: build
	bench/run

check-format: deps
	@git ls-files -z '*.cpp' '*.hpp' | xargs -0 clang-format --dry-run --Werror

format: deps
	@git ls-files -z '*.cpp' '*.hpp' | xargs -0 clang-format -i

clean:
	rm -rf build build-dev build-asan build-tsan build-coverage
