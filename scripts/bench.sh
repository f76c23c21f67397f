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

if ! scripts/build.sh >&2; then
  echo "bench: scripts/build.sh failed; whatever of ours is missing is recorded as n/a" >&2
fi
exec node bench/run.mjs "$@"
