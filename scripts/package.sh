#!/usr/bin/env bash
# Builds the packages a facilitator installs, from this Linux machine, into dist/:
#   mpa-trainer-VERSION-linux-x86_64.tar.gz   unpack anywhere, run ./mpa-trainer
#   mpa-trainer_VERSION_amd64.deb             /usr/bin/mpa-trainer, the course in /usr/share/mpa-trainer
#   mpa-trainer-VERSION-windows-x86_64.zip    cross-compiled with mingw-w64; double-click mpa-trainer.exe
# Each holds the stripped program, scenarios/, plans/, assets/ (with the font's licence), the
# format reference, READ-ME-FIRST.txt, the project's licences and THIRD-PARTY-LICENCES.txt.
#
#   scripts/package.sh [linux] [windows]      (both by default)
#
# The programs are built with the `dist` profile (no line tables, stripped); LINUX_PROFILE and
# WINDOWS_PROFILE choose another. LINUX_PROGRAM=PATH packages a Linux program already built
# instead (CI gives the one `cargo test --release` built: a separate `cargo build` would build Bevy
# again with other features). The copy is stripped either way. Installs mingw-w64 and the Rust
# target when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
LINUX_PROFILE=${LINUX_PROFILE:-dist}
WINDOWS_PROFILE=${WINDOWS_PROFILE:-dist}
WINDOWS_TARGET=x86_64-pc-windows-gnu
DIST=dist
WHICH=("$@")
[ ${#WHICH[@]} -gt 0 ] || WHICH=(linux windows)

say() { printf 'package: %s\n' "$*"; }
fail() { printf 'package: FAILED: %s\n' "$*" >&2; exit 1; }
SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
# A profile's output folder: `dev` builds into debug/, every other profile into its own name.
out_dir() { if [ "$1" = dev ]; then echo debug; else echo "$1"; fi; }

# The folder every package carries: the course, the read-me and the licences.
stage_common() {
  local into=$1 eol=$2
  mkdir -p "$into"
  cp -r scenarios plans assets "$into/"
  cp docs/scenario-format.md "$into/"
  sed "s/@VERSION@/$VERSION/g" packaging/READ-ME-FIRST.txt >"$into/READ-ME-FIRST.txt"
  cp LICENSE-MIT LICENSE-APACHE "$into/"
  if [ "$eol" = crlf ]; then
    # Notepad on older Windows shows a file with bare line feeds on one line.
    for f in "$into/READ-ME-FIRST.txt" "$into/LICENSE-MIT" "$into/LICENSE-APACHE"; do
      sed -i 's/\r\?$/\r/' "$f"
    done
  fi
}

# Files written in a fixed order with fixed times, so the same sources give the same archive.
STAMP=$(git log -1 --format=%ct 2>/dev/null || date +%s)

package_linux() {
  local program
  if [ -n "${LINUX_PROGRAM:-}" ]; then
    [ -x "$LINUX_PROGRAM" ] || fail "LINUX_PROGRAM=$LINUX_PROGRAM is not a program"
    say "Linux: the program already built, $LINUX_PROGRAM"
    program=$LINUX_PROGRAM
  else
    say "Linux: cargo build --profile $LINUX_PROFILE"
    cargo build --profile "$LINUX_PROFILE" --bin mpa-trainer
    program=target/$(out_dir "$LINUX_PROFILE")/mpa-trainer
  fi
  local name=mpa-trainer-$VERSION-linux-x86_64
  local stage=$DIST/stage/$name
  rm -rf "$stage" && mkdir -p "$stage"
  stage_common "$stage" lf
  cp "$program" "$stage/mpa-trainer"
  strip "$stage/mpa-trainer"
  python3 scripts/third-party-licences.py x86_64-unknown-linux-gnu "$stage/THIRD-PARTY-LICENCES.txt"
  tar --sort=name --mtime="@$STAMP" --owner=0 --group=0 --numeric-owner \
    -C "$DIST/stage" -czf "$DIST/$name.tar.gz" "$name"
  say "$DIST/$name.tar.gz"

  # The Debian package: the same files in the places Debian puts them.
  local deb=$DIST/stage/deb
  rm -rf "$deb"
  mkdir -p "$deb/DEBIAN" "$deb/usr/bin" "$deb/usr/share/mpa-trainer" \
    "$deb/usr/share/doc/mpa-trainer" "$deb/usr/share/applications"
  install -m 0755 "$stage/mpa-trainer" "$deb/usr/bin/mpa-trainer"
  cp -r "$stage/scenarios" "$stage/plans" "$stage/assets" "$deb/usr/share/mpa-trainer/"
  cp "$stage/READ-ME-FIRST.txt" "$stage/scenario-format.md" "$stage/THIRD-PARTY-LICENCES.txt" \
    "$deb/usr/share/doc/mpa-trainer/"
  { echo "mpa-trainer is licensed MIT OR Apache-2.0."; echo; cat LICENSE-MIT; } \
    >"$deb/usr/share/doc/mpa-trainer/copyright"
  cp packaging/mpa-trainer.desktop "$deb/usr/share/applications/"
  local size
  size=$(du -sk "$deb/usr" | cut -f1)
  sed -e "s/@VERSION@/$VERSION/" -e "s/@SIZE@/$size/" packaging/deb-control >"$deb/DEBIAN/control"
  find "$deb" -type d -exec chmod 0755 {} +
  find "$deb/usr/share" -type f -exec chmod 0644 {} +
  dpkg-deb --root-owner-group -Zxz --build "$deb" "$DIST/mpa-trainer_${VERSION}_amd64.deb" >/dev/null
  say "$DIST/mpa-trainer_${VERSION}_amd64.deb"
}

package_windows() {
  if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
    say "installing mingw-w64"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends gcc-mingw-w64-x86-64
  fi
  if ! rustup target list --installed | grep -qx "$WINDOWS_TARGET"; then
    rustup target add "$WINDOWS_TARGET"
  fi
  say "Windows: cargo build --profile $WINDOWS_PROFILE --target $WINDOWS_TARGET"
  cargo build --profile "$WINDOWS_PROFILE" --target "$WINDOWS_TARGET" --bin mpa-trainer
  local name=mpa-trainer-$VERSION-windows-x86_64
  local stage=$DIST/stage/$name
  rm -rf "$stage" && mkdir -p "$stage"
  stage_common "$stage" crlf
  cp "target/$WINDOWS_TARGET/$(out_dir "$WINDOWS_PROFILE")/mpa-trainer.exe" "$stage/"
  x86_64-w64-mingw32-strip "$stage/mpa-trainer.exe"
  python3 scripts/third-party-licences.py "$WINDOWS_TARGET" "$stage/THIRD-PARTY-LICENCES.txt"
  sed -i 's/\r\?$/\r/' "$stage/THIRD-PARTY-LICENCES.txt"
  rm -f "$DIST/$name.zip"
  python3 - "$DIST/stage" "$name" "$DIST/$name.zip" "$STAMP" <<'EOF'
import os, sys, time, zipfile
base, name, out, stamp = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
when = time.gmtime(stamp)[:6]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for folder, dirs, files in os.walk(os.path.join(base, name)):
        dirs.sort()
        for f in sorted(files):
            path = os.path.join(folder, f)
            info = zipfile.ZipInfo(os.path.relpath(path, base).replace(os.sep, "/"), when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(path, "rb") as data:
                z.writestr(info, data.read())
EOF
  say "$DIST/$name.zip"
}

mkdir -p "$DIST"
for which in "${WHICH[@]}"; do
  case $which in
    linux) package_linux ;;
    windows) package_windows ;;
    *) fail "unknown package '$which' (linux or windows)" ;;
  esac
done
# Sizes: what a facilitator downloads, and what it takes once unpacked.
for f in "$DIST"/*.tar.gz "$DIST"/*.deb "$DIST"/*.zip; do
  [ -e "$f" ] || continue
  base=$(basename "$f")
  case $base in
    *.tar.gz) unpacked=$DIST/stage/${base%.tar.gz} ;;
    *.zip) unpacked=$DIST/stage/${base%.zip} ;;
    *.deb) unpacked=$DIST/stage/deb/usr ;;
  esac
  awk -v name="$base" -v packed="$(stat -c %s "$f")" -v unpacked="$(du -sb "$unpacked" | cut -f1)" \
    'BEGIN { printf "package: %-46s %6.1f MB packed, %6.1f MB unpacked\n", name, packed / 1e6, unpacked / 1e6 }'
done
