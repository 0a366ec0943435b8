#!/usr/bin/env bash
# The national data set under load (loopback only, bounded in time).
#
# Fills a scratch database with `server seed-bench` (SQLite in a temporary folder; with
# BENCH_DATABASE_URL, a scratch PostgreSQL database made and dropped for the run), serves the
# release build on it and loads, with wrk at 64 kept-alive connections: the landing page, a
# lesson page for a signed-in volunteer and the same bytes as a static file, the matching
# candidates of a group (its time on one connection against the budget, its throughput on
# all), the learner overview of the large course and the three dashboards, then sign-in and
# a first load of the lesson page in headless Chromium. Prints every figure against its
# budget, and writes them with the machine and
# date to bench/results/national-<engine>-<date>-<time>.json (a run never overwrites another).
# Usage: bench/national.sh [SERVER_BINARY] [SITE_ROOT]   (after `make build-release`)
# Sizes: BENCH_PEOPLE, BENCH_IGANGSAETTERE, BENCH_GROUPS, BENCH_PROGRESS, BENCH_ATTEMPTS,
# BENCH_BIG_COURSE (defaults: the national set); BENCH_DURATION per address (default 10s).
set -euo pipefail
cd "$(dirname "$0")/.."

server="${1:-${CARGO_TARGET_DIR:-target}/release/server}"
site="${2:-target/site}"
port="${BENCH_PORT:-3191}"
duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-64}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
[ -x "$server" ] || { echo "no server binary at $server: run make build-release"; exit 1; }

work="$(mktemp -d)"
cp -r "$site" "$work/site"
engine=sqlite
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  engine=postgres
  scratch="igang_bench_$$"
  psql "$BENCH_DATABASE_URL" -qc "CREATE DATABASE $scratch" >/dev/null
  export DATABASE_URL="${BENCH_DATABASE_URL%/*}/$scratch"
fi
drop_scratch() {
  [ -n "${scratch:-}" ] && psql "$BENCH_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" >/dev/null || true
}

export IGANG_DATA_DIR="$work/data"
echo "Filling the $engine scratch database (seed-bench)..."
seed_started=$(date +%s)
"$server" seed-bench \
  --people "${BENCH_PEOPLE:-100000}" --igangsaettere "${BENCH_IGANGSAETTERE:-20000}" \
  --groups "${BENCH_GROUPS:-10000}" --progress "${BENCH_PROGRESS:-1000000}" \
  --attempts "${BENCH_ATTEMPTS:-200000}" --big-course "${BENCH_BIG_COURSE:-5000}" \
  --out "$work/sessions.env"
seed_seconds=$(( $(date +%s) - seed_started ))
# A PostgreSQL database in use has planner statistics and a visibility map (autovacuum keeps
# both); a freshly filled one has neither until autovacuum's next round. Plans made without
# statistics took minutes for the training dashboard where they take milliseconds, and
# without the visibility map every read that an index could answer alone visits the table.
if [ "$engine" = postgres ]; then
  psql "$DATABASE_URL" -qc "VACUUM ANALYZE" >/dev/null
fi
# shellcheck disable=SC1091
. "$work/sessions.env"

# shellcheck source=bench/serve.sh
. bench/serve.sh
trap 'cleanup; drop_scratch' EXIT

# The lesson page's bytes as a file: the same-run reference for SSR throughput.
curl -fs -H "Cookie: $BENCH_VOLUNTEER_COOKIE" -H "Accept: text/html" "$base$BENCH_LESSON" \
  -o "$work/site/pkg/bench-lesson.html"

# Prints "requests/s p50 p95 p99 errors" for one address, with an optional cookie.
measure() {
  local path="$1" cookie="${2:-}" conns="${3:-$connections}"
  local threads=2
  [ "$conns" -lt 2 ] && threads=1
  local args=(-t"$threads" -c"$conns" -d"$duration" -s "$PWD/bench/percentiles.lua" -H "Accept: text/html" -H "Accept-Encoding: gzip, br")
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  wrk "${args[@]}" "$base$path" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

rows=()
row() {  # name path cookie budget-kind budget connections
  local name="$1" path="$2" cookie="$3" kind="$4" budget="$5" conns="${6:-$connections}"
  read -r rps p50 p95 p99 errors <<<"$(measure "$path" "$cookie" "$conns")"
  # The server's peak memory so far: which address raised it.
  local peak_mb=$(( $(awk '/^VmHWM/ {print $2}' "/proc/$pid/status") / 1024 ))
  printf '| %-30s | %9s | %7s | %7s | %7s | %6s | %8s | %-28s |\n' "$name" "$rps" "$p50" "$p95" "$p99" "$errors" "$peak_mb" "$kind $budget"
  rows+=("{\"name\":\"$name\",\"path\":\"$path\",\"connections\":$conns,\"requests_per_s\":$rps,\"p50_ms\":$p50,\"p95_ms\":$p95,\"p99_ms\":$p99,\"errors\":$errors,\"peak_rss_mb\":$peak_mb,\"budget\":\"$kind $budget\"}")
  last_rps="$rps"
}

p99_budget=30; [ "$engine" = postgres ] && p99_budget=40
printf '\n%s, %s connections, %s per address; data set written in %s s\n\n' "$engine" "$connections" "$duration" "$seed_seconds"
printf '| %-30s | %9s | %7s | %7s | %7s | %6s | %8s | %-28s |\n' address "req/s" "p50 ms" "p95 ms" "p99 ms" errors "peak MB" budget
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "--------------------------------" "-----------" "---------" "---------" "---------" "--------" "----------" "------------------------------"
row "landing" / "" "" ""
row "lesson (static file)" /pkg/bench-lesson.html "" "" ""
static_rps="$last_rps"
row "lesson (volunteer)" "$BENCH_LESSON" "$BENCH_VOLUNTEER_COOKIE" "p99 <=" "$p99_budget ms, >=40% static"
lesson_rps="$last_rps"
row "matching candidates (1 conn)" "$BENCH_GROUP" "$BENCH_COORDINATOR_COOKIE" "p95 <=" "25 ms" 1
row "matching candidates" "$BENCH_GROUP" "$BENCH_COORDINATOR_COOKIE" "" ""
row "learner overview (1 conn)" "$BENCH_LEARNERS" "$BENCH_ADMIN_COOKIE" "p50 <=" "150 ms" 1
row "centre dashboard (1 conn)" "$BENCH_CENTRE_DASHBOARD" "$BENCH_COORDINATOR_COOKIE" "p50 <=" "200 ms" 1
row "training dashboard (1 conn)" "$BENCH_TRAINING_DASHBOARD" "$BENCH_ADMIN_COOKIE" "p50 <=" "200 ms" 1
row "national dashboard (1 conn)" "$BENCH_NATIONAL_DASHBOARD" "$BENCH_ADMIN_COOKIE" "p50 <=" "200 ms" 1
ratio=$(awk -v a="$lesson_rps" -v b="$static_rps" 'BEGIN { printf "%.0f", 100 * a / b }')
peak_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
printf '\nLesson SSR / static file: %s%% (budget: at least 40%%)\n' "$ratio"
printf 'Server peak memory (VmHWM): %s MB (budget: at most 150 MB)\n' "$((peak_kb / 1024))"

# A first load of the lesson page in headless Chromium, after the load: bytes per kind and
# time until interactive (budgets: 100 KB, 1 s).
first_load=$(node bench/first-load.mjs "$base" "$BENCH_LESSON" "$BENCH_VOLUNTEER_COOKIE")
printf 'First load of the lesson page: %s\n' "$first_load"

# Sign-in separately: each one hashes with argon2 on purpose.
sign_in=$(curl -s -o /dev/null -w '%{time_total}' -X POST "$base/api/auth/log-in" \
  -H "Origin: $base" -H "Accept: application/json" \
  --data-urlencode "email=$BENCH_SIGN_IN_EMAIL" --data-urlencode "password=$BENCH_SIGN_IN_PASSWORD")
printf 'One sign-in (argon2id): %.0f ms\n' "$(awk -v s="$sign_in" 'BEGIN { print s * 1000 }')"

mkdir -p bench/results
out="bench/results/national-$engine-$(date -u +%Y-%m-%d-%H%M).json"
{
  printf '{"engine":"%s","date":"%s","machine":"%s, %s cores","connections":%s,"duration":"%s",' \
    "$engine" "$(date -u +%FT%TZ)" "$(uname -m)" "$(nproc)" "$connections" "$duration"
  printf '"seed_seconds":%s,"lesson_ssr_percent_of_static":%s,"peak_rss_mb":%s,"sign_in_ms":%.0f,"first_load":%s,"rows":[%s]}\n' \
    "$seed_seconds" "$ratio" "$((peak_kb / 1024))" "$(awk -v s="$sign_in" 'BEGIN { print s * 1000 }')" "$first_load" "$(IFS=,; echo "${rows[*]}")"
} >"$out"
echo "Written to $out"
