#!/usr/bin/env bash
# The packages in dist/ as a facilitator gets them (scripts/package.sh makes them):
#  1. what each holds: the program (stripped; on Windows a desktop program that needs no DLL
#     beyond Windows' own), every course file, the read-me and the licences;
#  2. the Linux program unpacked into an empty folder and started from another: it finds its
#     course, validates it, plays every test script and reports the sessions;
#  3. the .deb unpacked: /usr/bin/mpa-trainer finds the course in /usr/share/mpa-trainer;
#  4. the Windows program under wine: validate, script and report print what the Linux program
#     prints, and the records it writes are read by the Linux report;
#  5. the real-window test against the unpacked Linux program.
# Needs: wine (Debian's), gcc-mingw-w64, xvfb and the real-window test's packages.
#
#   tests/packages/check.sh [OUT_DIR]     (default target/package-check)
set -euo pipefail
# The checks read the program's English messages.
export LANG=C.UTF-8
unset LC_ALL LC_MESSAGES
cd "$(dirname "$0")/../.."
REPO=$PWD
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
OUT=$(realpath -m "${1:-target/package-check}")
rm -rf "$OUT"
mkdir -p "$OUT/elsewhere"
fail() { echo "package-check: FAILED: $*" >&2; exit 1; }
say() { echo "package-check: $*"; }

LINUX=mpa-trainer-$VERSION-linux-x86_64
WINDOWS=mpa-trainer-$VERSION-windows-x86_64
DEB=dist/mpa-trainer_${VERSION}_amd64.deb
for f in "dist/$LINUX.tar.gz" "dist/$WINDOWS.zip" "$DEB"; do
  [ -s "$f" ] || fail "$f is missing: run scripts/package.sh first"
done

# 1. Contents: every course file as it is in the repository, and the files around it.
git ls-files scenarios plans assets | sort >"$OUT/course.txt"
[ "$(wc -l <"$OUT/course.txt")" -gt 10 ] || fail "the repository's course has fewer than 10 files"
tar -tzf "dist/$LINUX.tar.gz" | grep -v '/$' | sed "s|^$LINUX/||" | sort >"$OUT/linux-files.txt"
python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' \
  "dist/$WINDOWS.zip" | sed "s|^$WINDOWS/||" | sort >"$OUT/windows-files.txt"
around="READ-ME-FIRST.txt LICENSE-MIT LICENSE-APACHE THIRD-PARTY-LICENCES.txt scenario-format.md"
{ cat "$OUT/course.txt"; printf '%s\n' $around mpa-trainer; } | sort >"$OUT/linux-expected.txt"
{ cat "$OUT/course.txt"; printf '%s\n' $around mpa-trainer.exe; } | sort >"$OUT/windows-expected.txt"
diff "$OUT/linux-expected.txt" "$OUT/linux-files.txt" || fail "the Linux archive does not hold exactly the expected files"
diff "$OUT/windows-expected.txt" "$OUT/windows-files.txt" || fail "the Windows archive does not hold exactly the expected files"
say "archives hold the $(wc -l <"$OUT/course.txt") course files, the program, the read-me and the licences"

mkdir -p "$OUT/linux" "$OUT/windows" "$OUT/deb"
tar -xzf "dist/$LINUX.tar.gz" -C "$OUT/linux"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "dist/$WINDOWS.zip" "$OUT/windows"
dpkg-deb -x "$DEB" "$OUT/deb"
LIN=$OUT/linux/$LINUX
WIN=$OUT/windows/$WINDOWS

for f in "$LIN/scenarios/catalogue.ron" "$WIN/scenarios/catalogue.ron"; do
  cmp -s "$f" scenarios/catalogue.ron || fail "$f differs from the repository's"
done
grep -q "$VERSION" "$LIN/READ-ME-FIRST.txt" || fail "READ-ME-FIRST.txt does not name version $VERSION"
grep -q $'\r$' "$WIN/READ-ME-FIRST.txt" || fail "the Windows READ-ME-FIRST.txt has bare line feeds"
grep -q '^serde ' "$LIN/THIRD-PARTY-LICENCES.txt" || fail "THIRD-PARTY-LICENCES.txt does not list serde"
grep -q '^bevy ' "$LIN/THIRD-PARTY-LICENCES.txt" || fail "THIRD-PARTY-LICENCES.txt does not list bevy"
grep -q 'Bitstream Vera' "$LIN/assets/fonts/DejaVu-LICENSE.txt" || fail "the font's licence is not shipped"
grep -q 'CC0 1.0' "$LIN/assets/people/LICENCE.txt" || fail "the people's licence (Open Peeps, CC0) is not shipped"
grep -q 'Microsoft' "$LIN/assets/places/LICENCE.txt" || fail "the props' licence (Fluent Emoji, MIT) is not shipped"
if readelf -SW "$LIN/mpa-trainer" | grep -qE '\.(debug_(info|line|str|abbrev)|symtab) '; then fail "the Linux program is not stripped"; fi
x86_64-w64-mingw32-objdump -p "$WIN/mpa-trainer.exe" >"$OUT/exe-headers.txt"
grep -q 'Subsystem.*(Windows GUI)' "$OUT/exe-headers.txt" || fail "mpa-trainer.exe is not a desktop program: a console window would open"
sed -n 's/.*DLL Name: //p' "$OUT/exe-headers.txt" | tr 'A-Z' 'a-z' | sort -u >"$OUT/exe-dlls.txt"
if grep -v -E '^(kernel32|user32|gdi32|advapi32|ntdll|ws2_32|bcrypt|bcryptprimitives|userenv|shell32|ole32|oleaut32|opengl32|dwmapi|imm32|uxtheme|comctl32|dbghelp|secur32|crypt32|msvcrt|api-ms-win-[a-z0-9-]*|dxgi|d3d12|d3dcompiler_47|setupapi|propsys|winmm|version|hid|combase|shlwapi|rpcrt4|powrprof|ncrypt|cfgmgr32|synchronization|dcomp|gdiplus|iphlpapi|d3d11|uiautomationcore|comdlg32)\.dll$' "$OUT/exe-dlls.txt"; then
  fail "mpa-trainer.exe needs DLLs that Windows does not have (listed above)"
fi
dpkg-deb -I "$DEB" >"$OUT/deb-info.txt"
grep -q "Version: $VERSION" "$OUT/deb-info.txt" || fail "the .deb has no version $VERSION"
for f in usr/bin/mpa-trainer usr/share/mpa-trainer/scenarios/catalogue.ron usr/share/mpa-trainer/plans \
  usr/share/applications/mpa-trainer.desktop usr/share/doc/mpa-trainer/copyright \
  usr/share/doc/mpa-trainer/READ-ME-FIRST.txt; do
  [ -e "$OUT/deb/$f" ] || fail "the .deb has no $f"
done
say "programs stripped; mpa-trainer.exe is a desktop program needing only $(wc -l <"$OUT/exe-dlls.txt") Windows DLLs; the .deb has its layout"

# 2. The Linux program, started from an empty folder elsewhere: it finds the course beside itself.
cd "$OUT/elsewhere"
"$LIN/mpa-trainer" validate >"$OUT/linux-validate.txt" 2>&1 || { cat "$OUT/linux-validate.txt"; fail "validate failed on the unpacked course"; }
# Scenario files, and translations (`name.es.ron`, the catalogue's among them).
scenario_files=$(find "$REPO/scenarios" -name '*.ron' ! -name 'catalogue*.ron' ! -name '*.??.ron' | wc -l)
translation_files=$(find "$REPO/scenarios" -name '*.??.ron' | wc -l)
grep -q "checked $scenario_files scenario files, $translation_files translations and the catalogue: 0 errors, 0 warnings" "$OUT/linux-validate.txt" ||
  fail "the unpacked program did not find its $scenario_files scenario files and $translation_files translations: $(cat "$OUT/linux-validate.txt")"
# Each test script on its scenario (by the id the scenario declares).
scripts=0
for s in "$REPO"/tests/scripts/*.ron; do
  name=$(basename "$s" .ron)
  id=${name%-best}; id=${id%-critical}
  file=$(cd "$LIN" && grep -rl "^    id: \"$id\"," scenarios | head -1)
  [ -n "$file" ] || fail "no scenario declares id $id (for $name)"
  echo "$name $file" >>"$OUT/plays.txt"
  "$LIN/mpa-trainer" script "$LIN/$file" "$s" --results "$OUT/linux-results" >"$OUT/linux-$name.json" ||
    fail "script $name failed on the unpacked program"
  scripts=$((scripts + 1))
done
"$LIN/mpa-trainer" report "$OUT/linux-results" --csv "$OUT/linux-report.csv" >"$OUT/linux-report.txt"
grep -q "^$scripts sessions by" "$OUT/linux-report.txt" || fail "the report does not show the $scripts sessions: $(head -1 "$OUT/linux-report.txt")"
say "Linux program from an empty folder: validate, $scripts scripts and the report on its own course"

# 3. The .deb's program finds the course under ../share/mpa-trainer.
"$OUT/deb/usr/bin/mpa-trainer" validate >"$OUT/deb-validate.txt" 2>&1 || fail "validate failed in the .deb layout: $(cat "$OUT/deb-validate.txt")"
grep -q "checked $scenario_files scenario files" "$OUT/deb-validate.txt" || fail "the .deb's program did not find its course"
say "the .deb's program finds its course in share/mpa-trainer"

# 4. The Windows program under wine prints what the Linux program prints.
export WINEPREFIX=$OUT/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
wine=$(command -v wine64 || command -v wine) || fail "wine is not installed"
"$wine" wineboot --init >"$OUT/wineboot.log" 2>&1 || true
# wine 8 lacks bcryptprimitives.dll, which every Windows since 10 has: a stand-in, in the prefix.
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$REPO/tests/packages/bcryptprimitives.c" -ladvapi32
# wine's console adds carriage returns; paths print with the other separator.
normal() { tr -d '\r' | sed -e 's|\\|/|g' -e "s|[A-Z]:$WIN|<course>|g" -e "s|$LIN|<course>|g" -e "s|$WIN|<course>|g"; }
"$wine" "$WIN/mpa-trainer.exe" validate 2>&1 | normal >"$OUT/windows-validate.txt" || true
normal <"$OUT/linux-validate.txt" >"$OUT/linux-validate.norm"
diff "$OUT/linux-validate.norm" "$OUT/windows-validate.txt" || fail "validate prints differently under wine"
while read -r name file; do
  "$wine" "$WIN/mpa-trainer.exe" script "$WIN/$file" "$REPO/tests/scripts/$name.ron" --results "$OUT/windows-results" |
    normal >"$OUT/windows-$name.json"
  diff "$OUT/linux-$name.json" "$OUT/windows-$name.json" >/dev/null || {
    diff "$OUT/linux-$name.json" "$OUT/windows-$name.json" | head -20
    fail "script $name scores differently under wine"
  }
done <"$OUT/plays.txt"
"$wine" "$WIN/mpa-trainer.exe" report "$OUT/linux-results" --csv "$OUT/windows-report.csv" | normal >"$OUT/windows-report.txt"
diff "$OUT/linux-report.txt" "$OUT/windows-report.txt" || fail "the report prints differently under wine"
tr -d '\r' <"$OUT/windows-report.csv" | diff "$OUT/linux-report.csv" - >/dev/null || fail "the report's CSV differs under wine"
"$LIN/mpa-trainer" report "$OUT/windows-results" >"$OUT/linux-reads-windows.txt"
grep -q "^$scripts sessions by" "$OUT/linux-reads-windows.txt" || fail "the records written under wine are not read back on Linux"
say "Windows program under wine: validate, $scripts scripts and the report print what Linux prints; its records read back"

# The Windows trainer's window under wine, on a virtual screen, in wine's own desktop, drawn with
# Vulkan (wine 8's Direct3D 12 cannot compile wgpu's shaders, which a real Windows can): the
# start screen is drawn when most of the screen is the page's light background.
. "$REPO/scripts/xvfb.sh"
XVFB=
trap '[ -n "$XVFB" ] && kill "$XVFB" 2>/dev/null; "${wine}server" -k 2>/dev/null || true' EXIT
start_xvfb "$OUT/wine-display" || fail "no virtual screen for the window under wine"
WGPU_BACKEND=vulkan "$wine" explorer /desktop=mpa,1280x800 "$WIN/mpa-trainer.exe" \
  --results "$OUT/wine-window-results" >"$OUT/wine-window.log" 2>&1 &
page=0
for _ in $(seq 60); do
  sleep 1
  import -window root "$OUT/wine-window.png" 2>/dev/null || continue
  page=$(convert "$OUT/wine-window.png" -fill black +opaque "srgb(248,248,248)" -format "%[fx:mean>0.6]" info:)
  [ "$page" = 1 ] && break
done
"${wine}server" -k 2>/dev/null || true
"${wine}server" -w 2>/dev/null || true
grep -q "could not start" "$OUT/wine-window.log" && fail "the window under wine: $(grep "could not start" "$OUT/wine-window.log")"
[ "$page" = 1 ] || fail "the window under wine drew no start screen in 60 s (see $OUT/wine-window.png)"
# The virtual screen gone for good before the next one starts (a CI run once saw the next
# trainer fail to open its display right after this one was killed).
kill "$XVFB" 2>/dev/null || true
wait "$XVFB" 2>/dev/null || true
XVFB=
say "the Windows trainer draws its start screen under wine ($OUT/wine-window.png)"

# 5. The trainer in a real window, from the unpacked package.
cd "$REPO"
BIN="$LIN/mpa-trainer" APP_CWD="$OUT/elsewhere" tests/real_window.sh "$OUT/window"
say "passed"
