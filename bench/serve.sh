# Shared by the benchmark scripts: a release server on a fresh SQLite database in a
# temporary folder, stopped and removed on exit. Source it with `server`, `port` and
# `work` set; optional `demo=1` loads the demo accounts first. Sets `base` and `pid`.

cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
base="http://127.0.0.1:$port"
export IGANG_DATA_DIR="$work/data" LEPTOS_SITE_ROOT="$work/site" LEPTOS_SITE_ADDR="127.0.0.1:$port" RUST_LOG=warn
[ "${demo:-0}" = 1 ] && "$server" seed-demo >/dev/null
"$server" serve >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$base/readyz" >/dev/null || { cat "$work/server.log"; exit 1; }
