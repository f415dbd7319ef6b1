#!/usr/bin/env bash
# The conformance kit: does a backend implement the partner portal's contract? Two halves:
#   1. behaviour (tests/conformance/kit.mjs): the rules the portal relies on that no schema can
#      say (409 naming the conflicting deal, one deal per idempotent retry, stable cursors, 422
#      naming fields, ranks 1-2-2-4, isolation between partners, the deal conversation,
#      conditional polling, each side's credentials on its own side);
#   2. schemas (Schemathesis, every check): the partner endpoints with a partner's token, then
#      the operations API with an API key.
# One line per behavioural rule, a line per half, and a non-zero exit on any failure.
#
#   scripts/conformance.sh --base https://partners.example.com/api/v1 \
#     --partner-token T1 --other-partner-token T2 --ops-key K [--examples N]
#
# It writes: it registers deals named "Conformance …" and moves them along. Run it against a
# staging backend. Set-up once: scripts/setup.sh --test (Node and Schemathesis).
set -uo pipefail
source "$(dirname "$0")/env.sh"

base="" partner="" other="" ops="" examples=${CONTRACT_EXAMPLES:-40}
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=$2; shift 2 ;;
    --partner-token) partner=$2; shift 2 ;;
    --other-partner-token) other=$2; shift 2 ;;
    --ops-key) ops=$2; shift 2 ;;
    --examples) examples=$2; shift 2 ;;
    *) echo "conformance: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$base" ] || [ -z "$partner" ] || [ -z "$other" ] || [ -z "$ops" ]; then
  echo "usage: scripts/conformance.sh --base URL --partner-token T1 --other-partner-token T2 --ops-key K [--examples N]" >&2
  exit 2
fi

echo "-- behaviour"
node "$ROOT/tests/conformance/kit.mjs" --base "$base" --partner-token "$partner" \
  --other-partner-token "$other" --ops-key "$ops"
behaviour=$?

# The contract's schemas, every check; tests/contract/schemathesis.toml says which extra
# statuses a rule the schema cannot state may answer.
schemas() { # name token tag-flag
  local name=$1 token=$2; shift 2
  (cd "$ROOT/tests/contract" && "$ROOT/.tools/venv/bin/schemathesis" run "$ROOT/api/openapi.yaml" \
    --url "$base" \
    --header "Authorization: Bearer $token" \
    --header "X-Portal-Request: 1" \
    --checks all \
    --max-examples "$examples" \
    --seed 20261123 \
    --output-truncate true \
    --report junit --report-dir "$ROOT/test-artifacts/conformance/$name" \
    "$@")
}
echo "-- schemas: partner endpoints"
schemas partner "$partner" --exclude-tag operations --workers 2
partner_schemas=$?
# One worker: Hypothesis's lambda descriptions are not thread-safe on Python 3.11 ("AST
# constructor recursion depth mismatch" now and then with two), and there are few operations.
echo "-- schemas: operations API"
schemas operations "$ops" --include-tag operations --workers 1
operations_schemas=$?

word() { [ "$1" -eq 0 ] && echo ok || echo FAILED; }
echo "conformance: behaviour $(word $behaviour), schemas of partner endpoints $(word $partner_schemas), schemas of the operations API $(word $operations_schemas)"
exit $(( behaviour || partner_schemas || operations_schemas ))
