#!/usr/bin/env bash
# Builds the trainer for a browser into dist/web/, ready for any static web server:
#   index.html, mpa-trainer.js, mpa-trainer_bg.wasm   the trainer (WebGL2)
#   course/                                           scenarios/, plans/, assets/ and index.json
#   LICENSE-*, THIRD-PARTY-LICENCES.txt               the licences
# The course is read over HTTP from course/ when the page opens: a facilitator who changes a
# scenario copies the file there and runs `scripts/web.sh --index dist/web` (or any tool that
# writes course/index.json); nothing is compiled.
#
#   scripts/web.sh [OUT]            build into OUT (default dist/web)
#   scripts/web.sh --index OUT      only rewrite OUT/course/index.json
#
# wasm-bindgen-cli is installed at the version Cargo.lock pins when it is missing. The module is
# then optimised for size by binaryen's wasm-opt, at the version pinned below, installed with npm
# into target/binaryen when it is missing (about 5 minutes on two cores: 25.4 MB to 21.6 MB, the
# gzipped download 7.78 to 7.74 MB). WASM_OPT=/path/to/wasm-opt uses another (binaryen 116 or
# later: Debian bookworm's binaryen 108 breaks the module); WASM_OPT=none skips it (CI, whose
# unoptimised build is for the tests only).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=wasm32-unknown-unknown
say() { printf 'web: %s\n' "$*"; }

# index.json: every file under course/, relative to it, sorted.
write_index() {
  python3 - "$1/course" <<'PY'
import json, os, sys
root = sys.argv[1]
files = sorted(
    os.path.relpath(os.path.join(d, f), root).replace(os.sep, "/")
    for d, _, names in os.walk(root) for f in names
    if f != "index.json" and not f.startswith(".")
)
with open(os.path.join(root, "index.json"), "w") as out:
    json.dump({"files": files}, out, indent=1)
print(f"web: {len(files)} course files in {root}/index.json")
PY
}

if [ "${1:-}" = "--index" ]; then
  write_index "${2:?give the folder served, e.g. dist/web}"
  exit 0
fi
OUT=${1:-dist/web}

WB_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"/\1/p}' Cargo.lock)
[ -n "$WB_VERSION" ] || { echo "web: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
rustup target list --installed | grep -qx "$TARGET" || rustup target add "$TARGET"
if ! wasm-bindgen --version 2>/dev/null | grep -qF " $WB_VERSION"; then
  say "installing wasm-bindgen-cli $WB_VERSION (the version Cargo.lock pins)"
  cargo install --force wasm-bindgen-cli --version "$WB_VERSION"
fi

say "building for $TARGET"
# The release profile, as the desktop's tests: the build scripts and macros are shared. For a
# page that phones download, as small as it goes: optimised for size, in one unit, linked as a
# whole, without line tables (wasm-bindgen drops them anyway). A caller's own settings win: CI
# builds without optimisation (.ci/run).
CARGO_PROFILE_RELEASE_DEBUG=false \
  CARGO_PROFILE_RELEASE_OPT_LEVEL="${CARGO_PROFILE_RELEASE_OPT_LEVEL:-s}" \
  CARGO_PROFILE_RELEASE_LTO="${CARGO_PROFILE_RELEASE_LTO:-true}" \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS="${CARGO_PROFILE_RELEASE_CODEGEN_UNITS:-1}" \
  cargo build --release --target "$TARGET" --bin mpa-trainer
rm -rf "$OUT"
mkdir -p "$OUT/course"
wasm-bindgen --target web --no-typescript --remove-name-section --out-name mpa-trainer \
  --out-dir "$OUT" "target/$TARGET/release/mpa-trainer.wasm"
BINARYEN_VERSION=132
if [ -z "${WASM_OPT:-}" ]; then
  WASM_OPT=target/binaryen/node_modules/.bin/wasm-opt
  if ! "$WASM_OPT" --version 2>/dev/null | grep -qF "version $BINARYEN_VERSION"; then
    if command -v npm >/dev/null; then
      say "installing binaryen $BINARYEN_VERSION (wasm-opt) with npm into target/binaryen"
      npm install --prefix target/binaryen --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
    else
      say "no npm: the module is not optimised by wasm-opt (WASM_OPT=/path/to/wasm-opt gives one)"
      WASM_OPT=none
    fi
  fi
fi
if [ "$WASM_OPT" != none ]; then
  say "optimising for size with $("$WASM_OPT" --version)"
  "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals -o "$OUT/mpa-trainer_bg.wasm" "$OUT/mpa-trainer_bg.wasm"
fi
cp web/index.html "$OUT/"
cp -r scenarios plans assets "$OUT/course/"
cp LICENSE-MIT LICENSE-APACHE "$OUT/"
python3 scripts/third-party-licences.py "$TARGET" "$OUT/THIRD-PARTY-LICENCES.txt"
write_index "$OUT"

wasm="$OUT/mpa-trainer_bg.wasm"
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
js=$(stat -c %s "$OUT/mpa-trainer.js")
course=$(du -sb "$OUT/course" | cut -f1)
say "wasm $((raw / 1000)) kB raw, $((gz / 1000)) kB gzipped; js $((js / 1000)) kB; course $((course / 1000)) kB"
say "ready in $OUT: serve it with any static web server, e.g. python3 -m http.server -d $OUT"
