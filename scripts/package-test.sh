#!/usr/bin/env bash
# End-to-end check of installing AttnViz, after scripts/test.sh has built build/:
# a staged `cmake --install` (DESTDIR), the desktop validators on what it installed,
# the installed binary, then the .deb from cpack: inspected, installed for real with
# apt-get, run from /usr/bin and removed again. It installs packages system-wide, so it
# is for CI (root, a throwaway machine). Prints "N passed, M failed"; exits 1 on a failure.
#   ATTNVIZ_BUILD=/other/build scripts/package-test.sh     to use another build folder
set -u
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
set +e +o pipefail # setup.sh sets both; "cmd | grep -q" must not fail when grep stops reading early

SUDO=()
[ "$(id -u)" -ne 0 ] && SUDO=(sudo)
# Waits for another apt-get instead of failing at once when the machine is busy.
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600)

PASSED=0
FAILED=0
# check NAME COMMAND...: runs COMMAND, shows its output only when it fails.
check() {
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then
    PASSED=$((PASSED + 1))
    echo "PASS  $name"
  else
    FAILED=$((FAILED + 1))
    echo "FAIL  $name"
    [ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/      /' | head -40
  fi
}
finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
  exit
}

# What the checks need beyond the build's own packages.
install_packages desktop-file-utils appstream dpkg-dev file shared-mime-info binutils groff-base cmake python3 || { FAILED=$((FAILED + 1)); echo "FAIL  install the tools the checks need"; finish; }
if [ ! -x "$ATTNVIZ_BUILD/bin/attnviz" ]; then
  echo "FAIL  $ATTNVIZ_BUILD/bin/attnviz is missing: run scripts/test.sh first"
  FAILED=$((FAILED + 1))
  finish
fi
# Brings the build up to date with the install rules (re-runs CMake if they changed).
check "build is up to date" cmake --build "$ATTNVIZ_BUILD" --target attnviz

WORK=$(mktemp -d "${TMPDIR:-/tmp}/attnviz-package-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
APP_ID=io.github.attnviz.AttnViz
VERSION=$("$ATTNVIZ_BUILD/bin/attnviz" --version | awk '{print $2}')
ARCH=$(dpkg --print-architecture)
echo "AttnViz $VERSION ($ARCH), build $ATTNVIZ_BUILD"

# ---- A staged install into a temporary prefix -------------------------------------------
PREFIX=/opt/attnviz-package-test
STAGE=$WORK/stage
ROOT=$STAGE$PREFIX
check "cmake --install with --prefix and DESTDIR" \
  env DESTDIR="$STAGE" cmake --install "$ATTNVIZ_BUILD" --prefix "$PREFIX"

expected_files() {
  echo "bin/attnviz"
  for lesson in "$ATTNVIZ_ROOT"/resources/lessons/*.attn.json; do
    echo "share/attnviz/lessons/$(basename "$lesson")"
  done
  echo "share/applications/$APP_ID.desktop"
  echo "share/metainfo/$APP_ID.metainfo.xml"
  echo "share/mime/packages/attnviz-mime.xml"
  echo "share/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in 16 32 48 64 128 256; do
    echo "share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  echo "share/man/man1/attnviz.1"
}
all_exist() {
  local root=$1 missing=0
  while read -r f; do
    [ -f "$root/$f" ] || { echo "missing: $root/$f"; missing=1; }
  done < <(expected_files)
  return $missing
}
check "every expected file is installed" all_exist "$ROOT"
check "bin/attnviz is an executable" test -x "$ROOT/bin/attnviz"

icons_have_their_size() {
  local ok=0
  for size in 16 32 48 64 128 256; do
    file "$ROOT/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png" | grep -q "PNG image data, $size x $size," ||
      { file "$ROOT/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"; ok=1; }
  done
  return $ok
}
check "each PNG icon has the size of its folder" icons_have_their_size

translations_match_build() {
  local built installed
  built=$(cd "$ATTNVIZ_BUILD/translations" 2>/dev/null && ls -- *.qm 2>/dev/null | sort)
  installed=$(cd "$ROOT/share/attnviz/translations" 2>/dev/null && ls -- *.qm 2>/dev/null | sort)
  [ "$built" = "$installed" ] || { echo "built: [$built] installed: [$installed]"; return 1; }
}
check "installed translations are those the build made" translations_match_build

# A program that names its checkout breaks once the checkout is gone.
no_source_tree() {
  ! grep -rlF -e "$ATTNVIZ_ROOT/" -e "$ATTNVIZ_BUILD" "$STAGE" &&
    ! readelf -d "$ROOT/bin/attnviz" | grep -E "RPATH|RUNPATH"
}
check "no installed file names the source or build tree" no_source_tree

check "desktop-file-validate" desktop-file-validate "$ROOT/share/applications/$APP_ID.desktop"
check "desktop file opens sessions: Exec=attnviz %f" \
  grep -qx "Exec=attnviz %f" "$ROOT/share/applications/$APP_ID.desktop"
check "desktop file declares MimeType=application/x-attnviz-session;" \
  grep -qx "MimeType=application/x-attnviz-session;" "$ROOT/share/applications/$APP_ID.desktop"
check "appstreamcli validate --no-net" appstreamcli validate --no-net "$ROOT/share/metainfo/$APP_ID.metainfo.xml"
check "appstreamcli validate-tree --no-net (metainfo, desktop file and icon together)" \
  appstreamcli validate-tree --no-net "$ROOT"
newest_release() {
  /usr/bin/python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
print(ET.parse(sys.argv[1]).getroot().find("releases/release").get("version"))
PY
}
check "metainfo's newest release is the program's version ($VERSION)" \
  test "$(newest_release "$ROOT/share/metainfo/$APP_ID.metainfo.xml")" = "$VERSION"

mime_registers() {
  local mime=$WORK/mime/share/mime
  mkdir -p "$mime" && cp -r "$ROOT/share/mime/packages" "$mime/" &&
    update-mime-database "$mime" &&
    grep -qx "50:application/x-attnviz-session:\*.attn.json" "$mime/globs2" &&
    grep -q "application/x-attnviz-session" "$mime/magic" &&
    grep -qx "application/x-attnviz-session application/json" "$mime/subclasses"
}
check "MIME type: update-mime-database registers glob *.attn.json, magic and parent" mime_registers
# What a file manager would decide, when GLib's gio is there to ask.
content_type() {
  XDG_DATA_DIRS=$WORK/mime/share:/usr/share gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}
mime_recognises_sessions() {
  local lesson=$ROOT/share/attnviz/lessons/i-love-nlp.attn.json
  cp "$lesson" "$WORK/renamed" && echo '{"a": 1}' >"$WORK/plain.json" &&
    test "$(content_type "$lesson")" = application/x-attnviz-session &&
    test "$(content_type "$WORK/renamed")" = application/x-attnviz-session &&
    test "$(content_type "$WORK/plain.json")" = application/json ||
    { echo "by name: $(content_type "$lesson"), by content: $(content_type "$WORK/renamed")," \
        "plain JSON: $(content_type "$WORK/plain.json")"; return 1; }
}
if command -v gio >/dev/null; then
  check "gio: a lesson is a session by name and by content, plain JSON is not" mime_recognises_sessions
fi

check "man page formats without warnings" groff -man -ww -z "$ROOT/share/man/man1/attnviz.1"
check "man page's version is the program's version" \
  grep -q "^\.TH ATTNVIZ 1 .*\"AttnViz $VERSION\"" "$ROOT/share/man/man1/attnviz.1"
man_has_every_option() {
  local missing=0 manual
  manual=$(groff -man -Tutf8 "$ROOT/share/man/man1/attnviz.1" 2>/dev/null | sed 's/.\x08//g')
  for option in $("$ROOT/bin/attnviz" --lang en --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    [ "$option" = "--help-all" ] && continue # Qt's variant of --help, not AttnViz's
    grep -qF -- "$option" <<<"$manual" || { echo "not in the man page: $option"; missing=1; }
  done
  return $missing
}
check "man page describes every option of --help" man_has_every_option

# ---- The staged binary, run from elsewhere ----------------------------------------------
export QT_QPA_PLATFORM=offscreen
check "installed attnviz --version" \
  bash -c "cd / && '$ROOT/bin/attnviz' --version | grep -qx 'AttnViz $VERSION'"
exports_figures() {
  local bin=$1 dir=$2
  (cd / && "$bin" --headless --tokens "the cat sat" --d-model 4 --heads 2 --pe sinusoidal --export "$dir") || return 1
  local missing=0
  for f in attention-head-1 attention-head-2 attention-heads scores-head-1 scores-head-2 \
    positional-encoding-curves positional-encoding-heatmap output; do
    file "$dir/$f.png" | grep -q "PNG image data" || { echo "no PNG: $dir/$f.png"; missing=1; }
  done
  return $missing
}
check "installed attnviz --headless --export writes the PNGs" exports_figures "$ROOT/bin/attnviz" "$WORK/figures-staged"
lesson_loads() {
  (cd / && "$ROOT/bin/attnviz" --headless --session "$ROOT/share/attnviz/lessons/i-love-nlp.attn.json" --dump-json -) |
    /usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin); sys.exit(0 if d else 1)'
}
check "installed lesson opens and dumps valid JSON" lesson_loads

# ---- The Debian package -------------------------------------------------------------
DEB=$ATTNVIZ_BUILD/attnviz_${VERSION}_$ARCH.deb
rm -f "$DEB"
check "cpack -G DEB" bash -c "cd '$ATTNVIZ_BUILD' && cpack -G DEB"
check "package is named attnviz_${VERSION}_$ARCH.deb" test -f "$DEB"
INFO=$(dpkg-deb -I "$DEB" 2>&1)
CONTENTS=$(dpkg-deb -c "$DEB" 2>&1)
field() { sed -n "s/^ $1: //p" <<<"$INFO"; }
echo "      Depends: $(field Depends)"
check "control: Package attnviz, Version $VERSION, Architecture $ARCH" \
  test "$(field Package) $(field Version) $(field Architecture)" = "attnviz $VERSION $ARCH"
control_is_complete() {
  local long
  long=$(awk '/^ Description:/ { d = 1; next } d && /^  / { n++ } END { print n + 0 }' <<<"$INFO")
  [ -n "$(field Section)" ] && [ -n "$(field Maintainer)" ] && [ -n "$(field Homepage)" ] &&
    [ -n "$(field Description)" ] && [ "$long" -ge 3 ] ||
    { echo "Section, Maintainer, Homepage or a Description of a summary and >= 3 lines is missing"; return 1; }
}
check "control: Section, Maintainer, Homepage, Description (summary and long text)" control_is_complete
depends_on() { grep -qE "(^|, )$1( \(|,|$)" <<<"$(field Depends)" || { echo "Depends lacks $1"; return 1; }; }
for dep in libqt6widgets6 libqt6gui6 libqt6core6 libqt6svg6 'libqcustomplot2\.1-qt6' libzip4 \
  'fonts-wqy-microhei \| fonts-noto-cjk'; do
  check "Depends: ${dep//\\/}" depends_on "$dep"
done
deb_has_files() {
  local missing=0
  while read -r f; do
    grep -qE " \./usr/$f$" <<<"$CONTENTS" || { echo "not in the package: /usr/$f"; missing=1; }
  done < <(expected_files)
  return $missing
}
check "package holds every expected file under /usr" deb_has_files
only_usr() { ! awk '{ print $6 }' <<<"$CONTENTS" | grep -vE '^\./$|^\./usr(/|$)'; }
check "package holds nothing outside /usr" only_usr
check "packaged binary is stripped" bash -c "dpkg-deb -x '$DEB' '$WORK/deb' && file '$WORK/deb/usr/bin/attnviz' | grep -q ', stripped'"

# ---- Installed for real -------------------------------------------------------------
check "apt-get install ./attnviz_${VERSION}_$ARCH.deb (Depends resolve)" "${APT[@]}" install "$DEB"
check "dpkg reports attnviz $VERSION installed" \
  bash -c "dpkg-query -W -f='\${Status} \${Version}' attnviz | grep -qx 'install ok installed $VERSION'"
check "/usr/bin/attnviz --version" bash -c "cd / && /usr/bin/attnviz --version | grep -qx 'AttnViz $VERSION'"
check "/usr/bin/attnviz --headless --export writes the PNGs" exports_figures /usr/bin/attnviz "$WORK/figures-deb"
if [ -f /usr/share/mime/globs2 ]; then
  check "shared-mime-info trigger registered *.attn.json" \
    grep -qx "50:application/x-attnviz-session:\*.attn.json" /usr/share/mime/globs2
fi
check "apt-get remove attnviz" "${APT[@]}" remove attnviz
check "/usr/bin/attnviz is gone after removal" test ! -e /usr/bin/attnviz

finish
