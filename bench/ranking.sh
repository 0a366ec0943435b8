#!/usr/bin/env bash
# Matching at national scale: ranks 20,000 made-up certified igangsættere for a group in each
# of six towns, in-process with the release server binary, on a fresh SQLite database and,
# when BENCH_DATABASE_URL names a PostgreSQL server, on a scratch database created there
# and dropped afterwards.
# Usage: bench/ranking.sh [SERVER_BINARY]   (after `make build-release`)
set -euo pipefail
cd "$(dirname "$0")/.."

server="${1:-${CARGO_TARGET_DIR:-target}/release/server}"
people="${BENCH_PEOPLE:-20000}"
runs="${BENCH_RUNS:-100}"
[ -x "$server" ] || { echo "no server binary at $server: run make build-release"; exit 1; }

work="$(mktemp -d)"
scratch=""
cleanup() {
  rm -rf "$work"
  if [ -n "$scratch" ]; then
    psql "$BENCH_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
export RUST_LOG=warn

echo "SQLite:"
IGANG_DATA_DIR="$work/data" "$server" bench-ranking --people "$people" --runs "$runs"

if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  scratch="igang_bench_ranking_$$"
  psql "$BENCH_DATABASE_URL" -qc "CREATE DATABASE $scratch" >/dev/null
  echo
  echo "PostgreSQL:"
  DATABASE_URL="${BENCH_DATABASE_URL%/*}/$scratch" IGANG_DATA_DIR="$work/data-pg" \
    "$server" bench-ranking --people "$people" --runs "$runs"
fi
