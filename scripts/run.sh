#!/usr/bin/env bash
# Builds the portal in release mode and serves it with the reference backend in demo mode
# (demo data, demo accounts whose password is "partner-demo", loopback only), as one process
# on one address.
#   scripts/run.sh                  http://127.0.0.1:8080/ with the demo program
#   PORT=9000 scripts/run.sh        another port
#   SEED=large scripts/run.sh       50,000 deals and 20,000 leaderboard entries (own database file)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
scripts/setup.sh
echo "run: building the portal (release)"
trunk build --release --offline
cargo build --release -p portal-server
seed=${SEED:-demo}
db=${PORTAL_DB:-$ROOT/portal-$seed.sqlite3}
echo "run: open http://127.0.0.1:${PORT:-8080}/ and sign in with a demo account (Ctrl+C stops; data in $db, delete it to start over)"
exec target/release/portal-server --demo --addr "127.0.0.1:${PORT:-8080}" --static-dir dist --db "$db" --seed "$seed"
