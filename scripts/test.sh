#!/usr/bin/env bash
# Runs every test of the portal, installing what it needs first:
#   1. format, CSS-token, layer and dependency checks, native `cargo test` (pure logic, the
#      reference backend, property tests),
#   2. component tests with wasm-bindgen-test in headless Chromium,
#   3. the API contract: the conformance kit (behaviour and Schemathesis) against the reference
#      backend, and its proof against a backend made only from the schemas,
#   4. the release build, its size budget, and Playwright journeys with axe against it,
#   5. Lighthouse (simulated mobile) on every route of the release build, gated.
# Every layer runs even if an earlier one fails; the last line sums them up.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

scripts/setup.sh --test || { echo "test: set-up failed"; echo "total: 0 passed, 1 failed"; exit 1; }

logs="$ROOT/test-artifacts/logs"
rm -rf "$ROOT/test-artifacts"
mkdir -p "$logs"
passed=0 failed=0 skipped=0
summary=()

# Adds a cargo run's "test result:" counts; a run that failed without any counts is one failure.
count_cargo() { # layer log exit-code
  local p f
  read -r p f < <(awk '/^test result:/ {
      for (i = 1; i < NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i }
    } END { print p + 0, f + 0 }' "$2")
  if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)) failed=$((failed + f))
  summary+=("$1: $p passed, $f failed")
}

check() { # name command...: a single pass/fail step
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); summary+=("$name: ok"); else failed=$((failed + 1)); summary+=("$name: FAILED"); fi
}

echo "== 1/5 native tests (cargo test --workspace)"
check "format" cargo fmt --all -- --check
check "CSS uses tokens" node scripts/check-css-tokens.mjs
check "layer boundaries" node scripts/check-boundaries.mjs
check "every sentence from the catalogue" node scripts/check-text.mjs
# Dependencies: sources, licences and yanked crates always; known advisories only where their
# services answer (counted as skipped otherwise, so it shows).
cargo fetch --quiet 2>&1 | tail -n 3
node scripts/audit.mjs 2>&1 | tee "$logs/audit.log"
if [ "${PIPESTATUS[0]}" -eq 0 ]; then
  passed=$((passed + 1))
  if grep -q "advisories: skipped" "$logs/audit.log"; then
    skipped=$((skipped + 1)); summary+=("dependency audit: ok; advisories skipped (their services are unreachable here)")
  else
    summary+=("dependency audit: ok")
  fi
else
  failed=$((failed + 1)); summary+=("dependency audit: FAILED")
fi
cargo test --workspace 2>&1 | tee "$logs/native.log"
count_cargo "native" "$logs/native.log" "${PIPESTATUS[0]}"

echo "== 2/5 component tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test shell --test home --test onboarding --test deals --test survey 2>&1 | tee "$logs/wasm.log"
count_cargo "browser components" "$logs/wasm.log" "${PIPESTATUS[0]}"

echo "== 3/5 API contract (the conformance kit against the reference backend, and its proof)"
built=true
cargo build -p portal-server 2>&1 | tail -n 1 || built=false
scripts/contract-test.sh 2>&1 | tee "$logs/contract.log"
contract_exit=${PIPESTATUS[0]}
contract_cases=$(grep -E '^ +[0-9]+ generated' "$logs/contract.log" | awk '{ s += $1 } END { print s }')
read -r p f < <(sed -nE 's/^contract: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$logs/contract.log" | tail -n 1)
if [ -z "${p:-}" ]; then p=0 f=1; fi
if [ "$contract_exit" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
passed=$((passed + p)) failed=$((failed + f))
summary+=("API contract: $p passed, $f failed (${contract_cases:-no} Schemathesis cases)")

echo "== 4/5 release build, size budget, end-to-end journeys"
trunk build --release --offline 2>&1 | tail -n 3 || built=false
trunk build --release --offline --public-url /portal/ --dist dist-portal 2>&1 | tail -n 3 || built=false
if $built && [ -f dist/index.html ] && [ -f dist-portal/index.html ]; then
  check "size budget" node scripts/size-report.mjs dist
  (cd tests/e2e && npx playwright test)
  e2e_exit=$?
  read -r p f s < <(node -e '
    const r = require(process.argv[1]).stats;
    console.log(r.expected + r.flaky, r.unexpected, r.skipped);' "$ROOT/test-artifacts/e2e-results.json" 2>/dev/null || echo "0 0 0")
  if [ "$e2e_exit" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  summary+=("end-to-end: $p passed, $f failed, $s skipped")

  echo "== 5/5 Lighthouse on every route (release server, demo data)"
  if cargo build --release -p portal-server 2>&1 | tail -n 1; then
    lh_db=$(mktemp -d)
    target/release/portal-server --demo --addr 127.0.0.1:4179 --static-dir dist --db "$lh_db/lighthouse.sqlite3" >"$logs/lighthouse-server.log" 2>&1 &
    lh_server=$!
    for _ in $(seq 1 100); do curl -sf -o /dev/null http://127.0.0.1:4179/config.json && break; sleep 0.2; done
    check "Lighthouse gate" node scripts/lighthouse.mjs http://127.0.0.1:4179 "$ROOT/test-artifacts/lighthouse"
    kill "$lh_server" 2>/dev/null
    rm -rf "$lh_db"
  else
    failed=$((failed + 1)); summary+=("Lighthouse: server build FAILED")
  fi
else
  failed=$((failed + 1))
  summary+=("release build: FAILED")
fi

echo
echo "== summary"
printf '  %s\n' "${summary[@]}"
echo "Screenshots and logs: test-artifacts/"
echo "total: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
