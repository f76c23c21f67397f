#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ for a bounded time each, after installing cargo-fuzz
# when this machine lacks the pinned version. `make fuzz-smoke` runs it briefly (CI),
# `make fuzz` longer. A crash stops the run with the failing input under
# fuzz/artifacts/TARGET/; each one found becomes a test in tests/fuzz_regressions.rs.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (defaults: 300 s, every target)
#
# Environment: FUZZ_SANITIZER=address|none (default address), FUZZ_VERSION (cargo-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${1:-300}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(front_matter index_one_file decode_index query)
SANITIZER=${FUZZ_SANITIZER:-address}
FUZZ_VERSION=${FUZZ_VERSION:-0.13.2}
say() { printf 'fuzz: %s\n' "$*" >&2; }

have=$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $FUZZ_VERSION (found: ${have:-none}); about 100 s once"
  cargo install cargo-fuzz --version "$FUZZ_VERSION" --locked --force ||
    cargo install cargo-fuzz --version "$FUZZ_VERSION" --force
fi

# cargo-fuzz drives rustc with -Z flags (sanitizer, coverage instrumentation), which only
# nightly accepts; RUSTC_BOOTSTRAP lets this stable toolchain take them.
export RUSTC_BOOTSTRAP=1
FUZZ=(cargo fuzz)
FLAGS=(-O --sanitizer "$SANITIZER")

cd fuzz
started=$(date +%s)
"${FUZZ[@]}" build "${FLAGS[@]}" >&2
say "build: $(($(date +%s) - started)) s"
BIN=target/x86_64-unknown-linux-gnu/release

# Seeds: the repository's fixtures and, when present, the shared real examples. The corpus
# folders are git-ignored; libFuzzer adds what it finds to them, so later runs start richer.
# Only the folders that exist: a clone away from ../shared has no seed articles beside it,
# and a missing folder fails find, which (pipefail) ended the script.
SEED_DIRS=()
for dir in ../tests/fixtures/content ../../shared/seeds; do
  if [ -d "$dir" ]; then SEED_DIRS+=("$dir"); fi
done
seed_text() {
  local dir=corpus/$1
  mkdir -p "$dir"
  find "${SEED_DIRS[@]}" -type f -size -64k |
    while read -r file; do
      cp "$file" "$dir/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
    done
}
seed_text front_matter
seed_text index_one_file
# Inputs that once crashed a target (tests/fuzz_regressions.rs replays them) seed it too.
for target in "${TARGETS[@]}"; do
  mkdir -p "corpus/$target"
  find "../tests/fixtures/fuzz/$target" -maxdepth 1 -type f -exec cp {} "corpus/$target/" \; \
    2>/dev/null || true
done
# Index seeds: the indexer target writes the index it builds from each article seed.
mkdir -p corpus/decode_index
TC_FUZZ_WRITE_INDEX=corpus/decode_index "$BIN/index_one_file" corpus/index_one_file/seed-* \
  >/dev/null 2>&1 || say "index_one_file failed on a seed: run it by hand on corpus/index_one_file/seed-*"
mkdir -p corpus/query

status=0
summary=()
for target in "${TARGETS[@]}"; do
  args=(-max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048
    -print_final_stats=1)
  [ -f "dict/$target.dict" ] && args+=(-dict="dict/$target.dict")
  case $target in
    decode_index) args+=(-max_len=65536) ;;
    query) args+=(-max_len=4096) ;;
    *) args+=(-max_len=16384) ;;
  esac
  log=$(mktemp)
  t0=$(date +%s)
  say "running $target for ${SECONDS_PER_TARGET} s"
  if "${FUZZ[@]}" run "${FLAGS[@]}" "$target" "corpus/$target" -- "${args[@]}" >"$log" 2>&1; then
    result=ok
  else
    result=CRASH
    status=1
    grep -v '^ *#[0-9]' "$log" | tail -40 >&2
  fi
  execs=$(awk '/stat::number_of_executed_units/ { print $NF }' "$log")
  corpus=$(find "corpus/$target" -type f | wc -l)
  summary+=("$(printf '%-15s %-6s %8s execs %4s s  corpus %s' "$target" "$result" \
    "${execs:-?}" "$(($(date +%s) - t0))" "$corpus")")
  rm -f "$log"
done
printf '%s\n' "${summary[@]}"
if [ $status -ne 0 ]; then
  say "crash inputs are in fuzz/artifacts/; reproduce one with"
  say "  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O TARGET artifacts/TARGET/crash-...)"
fi
exit $status
