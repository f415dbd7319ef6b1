#!/usr/bin/env bash
# Prints every performance figure of the README in one run (about 6 minutes, most of it the
# 60 s load test and seven Lighthouse runs):
#   1. bundle: brotli bytes per route opened directly, and per further route (size-report.mjs);
#   2. Lighthouse, simulated mobile, every route (release build, reference backend, demo data);
#   3. memory: JS heap and WebAssembly memory growth over 100 route changes (Playwright);
#   4. load: the reference backend on the large seed under 200 users (load-test.sh);
#   5. the deal list on the large seed in a browser: first page, filter, search (bench-deals.mjs).
# Each part runs even if one before it fails; the exit code says whether all met their gates.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
scripts/setup.sh --test >/dev/null || exit 1
out="$ROOT/test-artifacts/bench"
mkdir -p "$out"
status=0

echo "== building the release portal and server"
trunk build --release --offline 2>&1 | tail -n 1
cargo build --release -p portal-server 2>&1 | tail -n 1
cargo build -p portal-server 2>&1 | tail -n 1

echo; echo "== 1. bundle (brotli, quality 11)"
node scripts/size-report.mjs dist || status=1

echo; echo "== 2. Lighthouse, simulated mobile"
db=$(mktemp -d)
target/release/portal-server --addr 127.0.0.1:4189 --static-dir dist --db "$db/bench.sqlite3" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null http://127.0.0.1:4189/config.json && break; sleep 0.2; done
node scripts/lighthouse.mjs http://127.0.0.1:4189 "$out/lighthouse" || status=1
kill "$server" 2>/dev/null; rm -rf "$db"

echo; echo "== 3. memory over 100 route changes"
(cd tests/e2e && npx playwright test specs/performance.spec.js -g "100 route changes" --project desktop --reporter line 2>&1) \
  | grep -E "memory over|passed|failed" || status=1

echo; echo "== 4. load: 200 users on the large seed for 60 s"
scripts/load-test.sh 2>&1 | grep -E "^  |load-test:|ready in" || status=1

echo; echo "== 5. the deal list on the large seed, in a browser"
node scripts/bench-deals.mjs || status=1
exit $status
