#!/usr/bin/env bash
# Builds the portal in release mode and serves it, with the reference backend, on one address.
#   scripts/run.sh                 http://127.0.0.1:8080/
#   PORT=9000 scripts/run.sh       another port
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
scripts/setup.sh
echo "run: building the portal (release)"
trunk build --release --offline
cargo build --release -p portal-server
echo "run: open http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops)"
exec target/release/portal-server --addr "127.0.0.1:${PORT:-8080}" --static-dir dist
