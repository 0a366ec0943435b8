# Igang: `make run` serves the app with demo content; `make test` runs every check.
# Both install what is missing first, and only what is missing.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := run

CARGO_LEPTOS_VERSION := 0.3.11
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
AIOSMTPD_VERSION := 1.4.6

export PATH := $(CURDIR)/tests/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# The values cargo-leptos compiles into the server, so `cargo test` reuses its build.
export LEPTOS_OUTPUT_NAME := igang
export LEPTOS_SITE_PKG_DIR := pkg
# Hashed file names (igang.<hash>.wasm, ...), listed in target/site/hash.txt for the server,
# so browsers may keep them for a year.
export LEPTOS_HASH_FILES := true
export LEPTOS_HASH_FILE_NAME := $(CURDIR)/target/site/hash.txt
export LEPTOS_RELOAD_PORT := 3001

# Binaries follow CARGO_TARGET_DIR; cargo-leptos keeps the site in ./target/site regardless.
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)

.PHONY: run test tools test-tools build-release bench weight clean

## Install the build tools that are missing (each checked by version first).
tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@if ! cargo leptos --version 2>/dev/null | grep -q "$(CARGO_LEPTOS_VERSION)"; then \
		echo "Installing cargo-leptos $(CARGO_LEPTOS_VERSION): built from source, about 21 minutes on 2 cores"; \
		cargo install cargo-leptos --version $(CARGO_LEPTOS_VERSION) --locked --ignore-rust-version --no-default-features --features no_downloads; \
	fi
	@if ! wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)"; then \
		echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION): built from source, about 4 minutes on 2 cores"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi
	@if [ ! -x tests/node_modules/.bin/sass ] || [ ! -x tests/node_modules/.bin/wasm-opt ] \
		|| [ ! -d tests/node_modules/playwright-core ] \
		|| [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then \
		echo "Installing sass, wasm-opt and playwright-core from npm (tests/package.json)"; \
		npm ci --prefix tests --no-audit --no-fund --loglevel=error; \
	fi

## Tools only the tests need: a real SMTP server (aiosmtpd) and Chromium.
test-tools: tools
	@python3 -c 'import aiosmtpd' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check "aiosmtpd==$(AIOSMTPD_VERSION)"
	@command -v chromium >/dev/null || [ -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ] || { \
		echo "Chromium is missing: apt-get install chromium (or set CHROMIUM_PATH)"; exit 1; }

## Build (release) and serve on http://127.0.0.1:3000 with SQLite and demo content.
run: tools
	cargo leptos build --release --precompress --split
	$(TARGET_DIR)/release/server seed-demo
	LEPTOS_SITE_ROOT=$(CURDIR)/target/site $(TARGET_DIR)/release/server serve

## Every check: formatting, lints (server and browser builds), unit, integration and browser tests.
test: test-tools
	cargo fmt --all --check
	@echo "Lints (server build; the first build on a machine takes about 10 minutes)"
	cargo clippy --workspace --exclude frontend --all-targets -- -D warnings
	@echo "Lints (browser build)"
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
	@echo "Building the site (server and wasm, each island in a chunk of its own)"
	cargo leptos build --split
	@echo "Unit, integration (SQLite$${TEST_DATABASE_URL:+ and PostgreSQL}) and browser tests"
	IGANG_TEST_SITE_ROOT=$(CURDIR)/target/site cargo test --workspace --exclude frontend

## Release build, brotli and gzip copies made at build time; prints what a browser downloads.
build-release: tools
	cargo leptos build --release --precompress --split
	@for f in $(CURDIR)/target/site/pkg/igang.*.wasm $(CURDIR)/target/site/pkg/igang.*.js $(CURDIR)/target/site/pkg/igang.*.css; do \
		printf '%-48s %8d bytes, %8d brotli\n' "$$(basename $$f)" "$$(stat -c %s $$f)" "$$(stat -c %s $$f.br)"; \
	done

## Benchmarks (never part of `make test`): page weight against the budgets, HTTP
## throughput and latency on loopback, matching over 20,000 igangsættere, and the national
## data set under load. Results
## and their history: bench/README.md.
bench: build-release test-tools
	@command -v wrk >/dev/null || { echo "Installing wrk (apt-get)"; apt-get install -y -qq wrk >/dev/null; }
	bench/weight.sh $(TARGET_DIR)/release/server $(CURDIR)/target/site
	bench/http.sh $(TARGET_DIR)/release/server $(CURDIR)/target/site
	cargo bench -p server --bench ranking
	bench/ranking.sh $(TARGET_DIR)/release/server
	bench/national.sh $(TARGET_DIR)/release/server $(CURDIR)/target/site

## Page weight only.
weight: build-release test-tools
	bench/weight.sh $(TARGET_DIR)/release/server $(CURDIR)/target/site

clean:
	cargo clean
	rm -rf tests/node_modules
