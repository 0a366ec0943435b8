#!/usr/bin/env bash
# HTTP throughput and tail latency on kept-alive connections (loopback only, bounded in time).
#
# Serves the release build on a fresh SQLite database, saves the landing page and a course
# page as static files in the site's pkg/ folder, and loads each address with wrk: the SSR
# pages against the same bytes served as files, plus the probe and the stylesheet.
# Usage: bench/http.sh [SERVER_BINARY] [SITE_ROOT]   (after `make build-release`)
set -euo pipefail
cd "$(dirname "$0")/.."

server="${1:-${CARGO_TARGET_DIR:-target}/release/server}"
site="${2:-target/site}"
port="${BENCH_PORT:-3190}"
duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-64}"
encoding="${BENCH_ENCODING:-gzip, br}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
[ -x "$server" ] || { echo "no server binary at $server: run make build-release"; exit 1; }

work="$(mktemp -d)"
cp -r "$site" "$work/site"
# shellcheck source=bench/serve.sh
. bench/serve.sh

course="/courses/igangsaetteruddannelse"
css="/pkg/$(basename "$(ls "$work"/site/pkg/igang*.css | grep -v '\.\(br\|gz\)$' | head -n1)")"
curl -fs "$base/" -o "$work/site/pkg/bench-landing.html"
curl -fs "$base$course" -o "$work/site/pkg/bench-course.html"

# Prints "requests/s p99" for one address.
measure() {
  local out rps p99
  out="$(wrk -t2 -c"$connections" -d"$duration" --latency -H "Accept-Encoding: $encoding" \
    -H "Accept: text/html" "$base$1")"
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  echo "$rps $p99"
}

printf 'wrk, %s connections, %s each, Accept-Encoding: %s, keep-alive\n\n' \
  "$connections" "$duration" "$encoding"
printf '| %-34s | %12s | %9s |\n' "address" "requests/s" "p99"
printf '|%s|%s|%s|\n' "------------------------------------" "--------------" "-----------"
declare -A rate
for path in /healthz "$css" / /pkg/bench-landing.html "$course" /pkg/bench-course.html; do
  read -r rps p99 <<<"$(measure "$path")"
  rate[$path]="$rps"
  printf '| %-34s | %12s | %9s |\n' "$path" "$rps" "$p99"
done
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
echo "SSR / static, landing page: $(ratio "${rate[/]}" "${rate[/pkg/bench-landing.html]}") (goal: at least 40%)"
echo "SSR / static, course page:  $(ratio "${rate[$course]}" "${rate[/pkg/bench-course.html]}") (goal: at least 40%)"
