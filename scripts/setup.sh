#!/usr/bin/env bash
# Installs whatever this machine is missing to build and test topic-cards, and nothing it
# already has, so `make demo` and `make test` work on a fresh machine and cost seconds on a
# warm one. Each step checks before it installs.
#
#   scripts/setup.sh [wasm] [browser] [npm]    (no argument: all three)
set -euo pipefail
cd "$(dirname "$0")/.."

want() { [ $# -eq 0 ] || [[ " ${WANTED} " == *" $1 "* ]]; }
WANTED="${*:-wasm browser npm}"
say() { printf 'setup: %s\n' "$*" >&2; }

if want wasm; then
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # The Wasm build recompiles the standard library for size (scripts/build.sh); without the
  # sources it falls back to the prebuilt one, so a failure here is not fatal.
  if ! [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
    say "adding the rust-src component (for the size-optimised Wasm build)"
    rustup component add rust-src || say "could not add rust-src; the Wasm will be larger"
  fi
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly, or its output is refused.
  locked=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$locked" ]; then
    say "installing wasm-bindgen-cli $locked (found: ${have:-none}); takes a few minutes once"
    # Not --locked: a locked transitive version is missing from this registry mirror.
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install wasm-bindgen-cli --version "$locked" --force
  fi
fi

if want browser; then
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

if want npm; then
  # npm ci is exact to package-lock.json; skip it when node_modules was made from this lock.
  stamp=node_modules/.topic-cards-lock.sha256
  lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_sum" > "$stamp"
  fi
fi
