#!/usr/bin/env bash
# Page weight on a first load with an empty cache, against the budgets (loopback only).
#
# Serves the release build on a fresh SQLite database with demo content and loads each page
# of the budget table in headless Chromium (bench/weight.mjs).
# Usage: bench/weight.sh [SERVER_BINARY] [SITE_ROOT]   (after `make build-release`)
set -euo pipefail
cd "$(dirname "$0")/.."

server="${1:-${CARGO_TARGET_DIR:-target}/release/server}"
site="${2:-target/site}"
port="${BENCH_PORT:-3191}"
[ -x "$server" ] || { echo "no server binary at $server: run make build-release"; exit 1; }

work="$(mktemp -d)"
cp -r "$site" "$work/site"
demo=1
# shellcheck source=bench/serve.sh
. bench/serve.sh
node bench/weight.mjs "$base" frivillig.demo@example.org igang-demo-2026 underviser.demo@example.org
