#!/usr/bin/env bash
# Builds everything `make demo` serves and the npm package holds:
#   build/default-index.json   the sample content's index (the embedded default), and its
#                              first-view part (default-index.first.json)
#   pkg/core.js, core_bg.wasm  ES-module core for bundlers (no index compiled in; JS minified)
#   pkg/api.js                 the JS API with the painter inside (index.js imports it)
#   pkg/controller.js          what runs a widget with the core (loaded with it)
#   pkg/default-index.json     the default index and its first-view part beside it, for
#                              bundlers to emit
#   pkg/topic-cards.js         the classic script (loader: paints the first view), and
#   pkg/topic-cards-core.js    the core it adds after that (Wasm + default index inside)
#   www/images/                the sample articles' images, beside the demo pages
# then prints the size of each part, raw and gzip.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
wasm_opt=node_modules/.bin/wasm-opt
mkdir -p build pkg www/images

echo "build: indexer and the sample index" >&2
cargo build --release --quiet --bin topic-cards
target/release/topic-cards index content/articles --out build/default-index.json \
  --first-view build/default-index.first.json --report build/default-index-report.json
# The widget's CSS and default strings for the JS painter (js/painter.js).
cargo run --quiet --release --example ui_assets > build/ui-assets.js
# The painter and the controller as one self-contained module, which the Wasm tests
# (tests/web_support) mount widgets with.
node scripts/bundle-module.mjs tests/web_support/kit.js build/test-kit.js
# The sample articles' images are relative (images/...): put them beside each demo page.
mkdir -p www/vite-app/public/images
cp content/images/*.svg www/images/
# And beside the script tag's files, where its default index looks for them (its baseUrl).
mkdir -p pkg/images
cp content/images/*.svg pkg/images/
cp content/images/*.svg www/vite-app/public/images/

# The Wasm builds recompile the standard library for size (-Zbuild-std, unlocked on the
# stable toolchain by RUSTC_BOOTSTRAP): its size-optimised code paths, and no file:line
# strings for panics (the panic hook still reports the message; the widget still shows its
# error state), and `{:?}` compiled out (-Zfmt-debug=none: user-facing text must use Display).
# About 15% of the Wasm's gzip size. It needs the rust-src component; without
# it the build falls back to the prebuilt standard library, larger but the same widget.
# Own target dir: other flags than the wasm tests' would otherwise rebuild both each time.
wasm_target_dir=target/size
wasm_std_args=()
# The query path's hot functions are compiled for speed inside this size-optimised build
# (#[optimize(speed)], unstable, unlocked like -Zbuild-std by RUSTC_BOOTSTRAP): at 100k
# articles the engine answers about a third faster, for about 1 kB gzip.
wasm_rustflags="--cfg topic_cards_speed"
if [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ] \
  || rustup component add rust-src >&2; then
  wasm_std_args=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
  wasm_rustflags="$wasm_rustflags -Zlocation-detail=none -Zfmt-debug=none"
else
  echo "build: no rust-src component; the Wasm uses the prebuilt (larger) standard library" >&2
fi

# wasm-opt's candidate pipelines (see build_wasm), and the one that won the last build.
wasm_opt_pipelines=("-Oz" "-Os" "-Oz --flatten --rereloop -Oz -Oz"
  "--merge-similar-functions -Oz --flatten --rereloop -Oz -Oz")
best_passes=""

# One Wasm build: `features` decides whether the default index is compiled in.
build_wasm() {
  local features=$1 target=$2 out_dir=$3
  TOPIC_CARDS_DEFAULT_INDEX="$PWD/build/default-index.json" \
    RUSTC_BOOTSTRAP=1 RUSTFLAGS="$wasm_rustflags" CARGO_TARGET_DIR="$wasm_target_dir" \
    cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm \
    --no-default-features ${features:+--features "$features"} "${wasm_std_args[@]}"
  wasm-bindgen --target "$target" --out-name core --out-dir "$out_dir" \
    "$wasm_target_dir/wasm32-unknown-unknown/wasm/topic_cards.wasm"
  # wasm-opt's size pipelines end within about 0.5% of each other after gzip, and which one
  # is smallest changes with the code (flattening and re-looping the control flow, then
  # shrinking twice more, used to win by 1 kB; merging similar functions first sometimes
  # does; -Os, whose bigger code sometimes gzips smaller, too): run each and keep the
  # smallest gzip -9, what the size budget counts, judged on the finished file. About 45 s,
  # so only the first build (the npm package's, which the budget counts) tries them all; the
  # script tag's, the same code plus the default index, takes the one that won.
  # The finishing step gives the imports and exports between the Wasm and core.js one- or
  # two-letter names, in both files (about 4 kB gzip), and drops the target-features
  # section (browsers ignore it).
  local passes part size best_size=""
  for passes in "${wasm_opt_pipelines[@]}"; do
    # shellcheck disable=SC2086 # one word per pass
    "$wasm_opt" $passes --strip-debug --strip-producers \
      "$out_dir/core_bg.wasm" -o "$out_dir/try_bg.wasm"
    cp "$out_dir/core.js" "$out_dir/try.js"
    node scripts/minify-glue.mjs "$wasm_opt" "$out_dir/try_bg.wasm" "$out_dir/try.js" \
      --map "$out_dir/try.map.json" --strip-target-features
    size=$(gzip -9c "$out_dir/try_bg.wasm" | wc -c)
    if [ -z "$best_size" ] || [ "$size" -lt "$best_size" ]; then
      best_size=$size
      best_passes=$passes
      for part in _bg.wasm .js .map.json; do mv "$out_dir/try$part" "$out_dir/best$part"; done
    fi
  done
  rm -f "$out_dir/try_bg.wasm" "$out_dir/try.js" "$out_dir/try.map.json"
  mv "$out_dir/best_bg.wasm" "$out_dir/core_bg.wasm"
  mv "$out_dir/best.js" "$out_dir/core.js"
  # wasm-bindgen's typings of the raw exports, with the kept file's names.
  node scripts/minify-glue.mjs --typings "$out_dir/best.map.json" \
    "$out_dir/core.d.ts" "$out_dir/core_bg.wasm.d.ts"
  rm "$out_dir/best.map.json"
}

echo "build: Wasm for the npm package" >&2
build_wasm "" web pkg
# The JS API as one module with what it imports inlined (the painter, the prefix scanner, the
# CSS and strings): no further request stands between the page and the first paint. The
# controller comes with the core, after that paint (pkg/index.js imports both).
node scripts/bundle-module.mjs js/api.js pkg/api.js
node scripts/bundle-module.mjs js/controller.js pkg/controller.js --from ./api.js js/frames.js js/hash.js js/prefix.js js/rust-text.js
# The first view as HTML for pages to carry (a Node tool; the painter and the CSS inside).
node scripts/bundle-module.mjs js/prerender.js pkg/prerender.js
node scripts/minify.mjs pkg/core.js pkg/api.js pkg/controller.js
cp build/default-index.json build/default-index.first.json pkg/
# The licence texts the manifest's "license" names travel with the package.
cp LICENSE-MIT LICENSE-APACHE pkg/

echo "build: script-tag files" >&2
wasm_opt_pipelines=("$best_passes")
build_wasm embedded-index no-modules build/single
node scripts/bundle.mjs build/single/core.js build/single/core_bg.wasm build/default-index.first.json pkg "$version"
node scripts/minify.mjs pkg/topic-cards.js pkg/topic-cards-core.js

size_row() {
  printf '  %-34s %9s B raw %9s B gzip\n' "$2" "$(wc -c < "$1")" "$(gzip -9c "$1" | wc -c)"
}
echo "sizes:"
size_row pkg/core_bg.wasm "npm core_bg.wasm (no index)"
size_row pkg/core.js "npm core.js (wasm-bindgen glue)"
size_row pkg/api.js "npm api.js"
size_row pkg/controller.js "npm controller.js"
size_row pkg/index.js "npm index.js"
[ -f src/web/style.css ] && size_row src/web/style.css "CSS source (minified into api.js)"
size_row build/default-index.json "default index"
size_row pkg/topic-cards.js "script-tag topic-cards.js (loader)"
size_row pkg/topic-cards-core.js "script-tag topic-cards-core.js"
