#!/usr/bin/env bash
# The contract, both ways round:
#   1. the conformance kit (scripts/conformance.sh: behaviour and Schemathesis) against the
#      reference backend, a fresh database in demo mode with the demo partners' tokens and the
#      demo channel team's key: everything must pass;
#   2. the kit's behaviour half against a mock made only from api/openapi.yaml's schemas
#      (tests/conformance/schema-mock.mjs): every rule a schema cannot state must fail, by
#      name, which proves the kit can fail.
# Expects the debug build of portal-server (cargo build -p portal-server) and the venv from setup.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

port=${CONTRACT_PORT:-4390}
mock_port=$((port + 2))
work=$(mktemp -d)
target/debug/portal-server --addr "127.0.0.1:$port" --static-dir dist --db "$work/contract.sqlite3" --demo > "$ROOT/test-artifacts/logs/contract-server.log" 2>&1 &
server=$!
.tools/venv/bin/python -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), open(sys.argv[2], "w"))' \
  api/openapi.yaml "$work/openapi.json"
node tests/conformance/schema-mock.mjs "$work/openapi.json" "$mock_port" > "$ROOT/test-artifacts/logs/schema-mock.log" 2>&1 &
mock=$!
trap 'kill $server $mock 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/products" && curl -s -o /dev/null "http://127.0.0.1:$mock_port/" && break
  sleep 0.2
done

echo "== the conformance kit against the reference backend"
scripts/conformance.sh --base "http://127.0.0.1:$port/api/v1" --partner-token demo-token \
  --other-partner-token sakura-token --ops-key ppk_demo-channel-team | tee "$work/reference.txt"
reference=${PIPESTATUS[0]}

echo "== the kit's behaviour half against a backend made only from the schemas (must fail)"
node tests/conformance/kit.mjs --base "http://127.0.0.1:$mock_port/api/v1" --partner-token a \
  --other-partner-token b --ops-key c > "$work/mock.txt"
mock_exit=$?
cat "$work/mock.txt"
proof=0
[ "$mock_exit" -ne 0 ] || { echo "the kit passed a backend that knows no rule"; proof=1; }
for rule in "conflicts answer 409 naming the reference" "an idempotent retry creates one deal" \
  "cursor pages stay stable while deals are added" "422 names the fields" \
  "a partner never sees another's data" "the deal conversation round-trips" \
  "the notification feed answers 304 while nothing changed" "each side's credentials stay on its side" \
  "money: totals reconcile exactly with the lines" "money: an open deal foretells its lines; the channel team declines with a reason the partner reads"; do
  grep -qF "FAIL  $rule:" "$work/mock.txt" || { echo "the kit did not fail \"$rule\" against the schema-only mock"; proof=1; }
done
[ "$proof" -eq 0 ] && echo "kit proof: every rule a schema cannot state failed against the schema-only mock, by name"

# For the test command's total: each behavioural rule, each Schemathesis half, and the proof.
rules_ok=$(grep -c '^ok    ' "$work/reference.txt")
rules_failed=$(grep -c '^FAIL  ' "$work/reference.txt")
halves_ok=$(grep -o 'schemas of [A-Za-z ]* ok' "$work/reference.txt" | wc -l)
echo "contract: $((rules_ok + halves_ok + (proof == 0))) passed, $((rules_failed + 2 - halves_ok + proof)) failed"
exit $(( reference || proof ))
