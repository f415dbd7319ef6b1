#!/usr/bin/env bash
# The reference backend under load, bounded and stopping by itself: the release server on the
# large seed (50,000 deals, 20,000 leaderboard entries), 200 connections for 60 s mixing list,
# search, one deal, leaderboard and registration (tests/load/mix.lua, each partner pausing
# about THINK_MS between requests), while one more connection fetches the main WebAssembly
# file. Fails unless: no errors, API p99 < 300 ms, static p99 < 50 ms.
#   scripts/load-test.sh                       the gate, as in the README's figures
#   THINK_MS=0 scripts/load-test.sh            a stress test: no pause (reported, not gated)
#   DURATION=15 CONNECTIONS=100 ...            shorter or smaller runs
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
command -v wrk >/dev/null || { echo "load-test: wrk is missing (scripts/setup.sh --test installs it)"; exit 1; }
duration=${DURATION:-60} connections=${CONNECTIONS:-200} think=${THINK_MS:-1000} port=${LOAD_PORT:-4590}
[ -f dist/index.html ] || trunk build --release --offline
cargo build --release -p portal-server 2>&1 | tail -n 1
db=$(mktemp -d)/load.sqlite3
target/release/portal-server --demo --addr "127.0.0.1:$port" --static-dir dist --db "$db" --seed large &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$(dirname "$db")"' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$port/config.json" && break; sleep 0.2; done
wasm=$(cd dist && ls wasm-*/partner-portal_bg.wasm)

echo "load-test: $connections connections, ${duration}s, think time ${think} ms"
THINK_MS=$think wrk -t2 -c"$connections" -d"${duration}s" --timeout 2s -s tests/load/mix.lua \
  "http://127.0.0.1:$port" > "$db.api.txt" &
api=$!
wrk -t1 -c1 -d"${duration}s" --timeout 2s -H "Accept-Encoding: br" -s tests/load/report.lua \
  "http://127.0.0.1:$port/$wasm" > "$db.static.txt"
wait $api
grep -E "Requests/sec" "$db.api.txt" | sed 's/^/  api /'
api_result=$(sed -n 's/^RESULT //p' "$db.api.txt")
static_result=$(sed -n 's/^RESULT //p' "$db.static.txt")
node - "$api_result" "$static_result" "$think" <<'JS'
const [api, stat, think] = process.argv.slice(2).map((s, i) => (i < 2 ? JSON.parse(s) : Number(s)));
const line = (name, r) =>
  `  ${name.padEnd(8)} ${String(r.requests).padStart(7)} requests, ${(r.requests / r.seconds).toFixed(0).padStart(6)}/s,` +
  ` p50 ${r.p50_ms.toFixed(1)} ms, p90 ${r.p90_ms.toFixed(1)} ms, p99 ${r.p99_ms.toFixed(1)} ms, max ${r.max_ms.toFixed(1)} ms,` +
  ` errors ${r.non_2xx + r.socket_errors + r.timeouts}`;
console.log(line("api", api));
console.log(line("static", stat));
const failures = [];
if (api.non_2xx + api.socket_errors + api.timeouts > 0) failures.push("API errors");
if (stat.non_2xx + stat.socket_errors + stat.timeouts > 0) failures.push("static errors");
if (think > 0 && api.p99_ms >= 300) failures.push(`API p99 ${api.p99_ms} ms >= 300 ms`);
if (think > 0 && stat.p99_ms >= 50) failures.push(`static p99 ${stat.p99_ms} ms >= 50 ms`);
if (failures.length) { console.error(`load-test: FAILED: ${failures.join("; ")}`); process.exit(1); }
console.log(think > 0 ? "load-test: ok (0 errors, API p99 < 300 ms, static p99 < 50 ms)" : "load-test: stress run, reported only");
JS
