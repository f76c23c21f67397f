#!/usr/bin/env bash
# `make bench`: builds ours (the indexer CLI and the widget), then runs the side-by-side
# benchmark against Pagefind, MiniSearch, FlexSearch, Fuse.js and the floor page in one
# headless Chromium, and writes bench/RESULTS.md and bench/results.json.
#
#   scripts/bench.sh [--sizes 1k,10k,100k] [--corpora sample,digitalgov] [--runs 5] [--reps 5] ...
#   scripts/bench.sh --smoke     # 1k only, 2 runs: what CI runs (under 2 minutes, exit 0
#                                # even when a budget fails; writes bench/out/RESULTS-smoke.md)
#
# Every option is bench/run.mjs's; see bench/README.md. A build failure is not fatal: the
# harness then records ours as n/a and still measures the others.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build only when an output is missing or older than a source (CI has just built them, and
# a warm scripts/build.sh still costs a minute or more here).
stale() {
  local out
  for out in target/release/topic-cards pkg/topic-cards.js pkg/core_bg.wasm; do
    [ -e "$out" ] || return 0
    [ -z "$(find src js content scripts/build.sh scripts/bundle.mjs Cargo.toml Cargo.lock -newer "$out" -print -quit 2>/dev/null)" ] || return 0
  done
  return 1
}
if stale; then
  if ! scripts/build.sh >&2; then
    echo "bench: scripts/build.sh failed; whatever of ours is missing is recorded as n/a" >&2
  fi
else
  echo "bench: ours is up to date with its sources; not rebuilding" >&2
fi
exec node bench/run.mjs "$@"
