#!/usr/bin/env bash
# Installs what the portal needs to build, run and test, from the package registries only.
# Idempotent: a second run checks versions and returns in seconds.
#   scripts/setup.sh          build tools (Rust wasm target, Trunk, wasm-bindgen, wasm-split, wasm-opt)
#   scripts/setup.sh --test   and test tools (Chromium, ChromeDriver, Playwright, axe, Lighthouse, wrk)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

want_test_tools=false
[ "${1:-}" = "--test" ] && want_test_tools=true
say() { printf 'setup: %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk 0.22 needs a newer rustc than these machines have, so stay on 0.21.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing Trunk 0.21 (about 8 minutes)"
  cargo install trunk --version '~0.21' --locked
fi

# The CLI must be exactly the wasm-bindgen version in Cargo.lock; `--locked` fails for it.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "^wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  say "Trunk.toml [tools] wasm_bindgen must be \"$bindgen_version\" to match Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  say "installing wasm-bindgen-cli $bindgen_version (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# Splits the WebAssembly by route (scripts/build-wasm.mjs); Trunk 0.21 cannot.
split_version=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$split_version:"; then
  say "installing wasm-split-cli $split_version (about 2 minutes)"
  cargo install wasm_split_cli_support --version "$split_version" --features build-binary --locked --force
fi

npm_install() { # folder: install its locked packages when missing or out of date
  if [ ! -f "$1/node_modules/.package-lock.json" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    say "installing npm packages in $1"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_install tools

if $want_test_tools; then
  # A Japanese font for the journeys' screenshots (DejaVu, already there, covers Arabic).
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v wrk >/dev/null \
    || [ ! -d /usr/share/fonts/opentype/ipafont-gothic ]; then
    say "installing Chromium, ChromeDriver, wrk (the load test) and a Japanese font from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver wrk \
      fonts-ipafont-gothic
  fi
  npm_install tests/e2e
  # Schemathesis (contract tests) lives in a project-local virtualenv.
  wanted=$(cut -d= -f3 tests/contract/requirements.txt)
  if ! .tools/venv/bin/schemathesis --version 2>/dev/null | grep -q "version $wanted\$"; then
    say "installing Schemathesis $wanted into .tools/venv"
    python3 -m venv .tools/venv
    .tools/venv/bin/pip install --quiet --disable-pip-version-check -r tests/contract/requirements.txt
  fi
fi
say "ready"
