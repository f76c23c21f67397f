# The two commands of the README's quick start:
#   make demo   sets up what is missing, builds, serves the demo pages on 127.0.0.1
#   make test   sets up what is missing and runs every test (what CI runs)
# Each installs only what it needs and finds missing (scripts/setup.sh), so both are
# idempotent and cost seconds on a warm machine.

PORT ?= 8080
WASM_TEST = CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
	cargo test --target wasm32-unknown-unknown --no-default-features

.PHONY: demo build test lint test-native test-wasm test-browser bench bench-smoke fuzz fuzz-smoke clean

demo: build
	node scripts/serve.mjs $(PORT) .

build:
	scripts/setup.sh wasm npm
	scripts/build.sh

test:
	scripts/setup.sh wasm browser npm
	$(MAKE) lint test-native build test-wasm bench-smoke fuzz-smoke test-browser

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings

test-native:
	cargo test

test-wasm:
	$(WASM_TEST) --test 'web_*'

test-browser:
	node --test --test-concurrency=1 tests/browser/ bench/test/

# The benchmark's quick 1k run: figures and budget verdicts printed, never a failure.
# (test-browser runs last so the log closes on a test runner's summary.)
bench-smoke:
	scripts/bench.sh --smoke

# Fuzzing (cargo-fuzz on stable Rust; scripts/fuzz.sh installs it when missing). fuzz-smoke
# is the bounded CI run; `make fuzz FUZZ_SECONDS=3600` runs longer.
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 15

fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-smoke:
	scripts/fuzz.sh $(FUZZ_SMOKE_SECONDS)

bench:
	scripts/setup.sh wasm browser npm
	scripts/bench.sh

clean:
	cargo clean
	rm -rf build test-output www/images www/vite-app/dist
