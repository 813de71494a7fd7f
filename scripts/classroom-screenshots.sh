#!/usr/bin/env bash
# Renders what a class sees: presentation mode at 1920×1080, the window, every walkthrough
# step and every demonstration, in English and in Chinese, into OUTDIR/LANG/*.png.
#   scripts/classroom-screenshots.sh OUTDIR
# ATTNVIZ=path/to/attnviz uses that binary (default: build/bin/attnviz, built if missing).
# ATTNVIZ_XVFB=1 renders on a real 1920×1080 X screen (xvfb-run) instead of the offscreen
# platform; both give the same full-screen layout.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
OUT="$1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${ATTNVIZ:-}" ]; then
  source "$ROOT/scripts/setup.sh"
  [ -x "$ATTNVIZ_BUILD/bin/attnviz" ] || { install_packages && configure_and_build >&2; }
  ATTNVIZ="$ATTNVIZ_BUILD/bin/attnviz"
fi
SIZE=1920x1080
STEPS=11
DEMOS=(scaling shuffle relative-position masks cost compare)

shoot() { # shoot FILE OPTION…
  local file="$1"
  shift
  if [ "${ATTNVIZ_XVFB:-0}" = 1 ]; then
    xvfb-run -a -s "-screen 0 ${SIZE}x24" env QT_QPA_PLATFORM=xcb \
      "$ATTNVIZ" --headless --present --screenshot "$file" --screenshot-size "$SIZE" "$@"
  else
    QT_QPA_PLATFORM=offscreen \
      "$ATTNVIZ" --headless --present --screenshot "$file" --screenshot-size "$SIZE" "$@"
  fi
  echo "$file"
}

for lang in en zh_CN; do
  mkdir -p "$OUT/$lang"
  shoot "$OUT/$lang/window.png" --lang "$lang"
  for step in $(seq 1 "$STEPS"); do
    shoot "$OUT/$lang/step-$(printf %02d "$step").png" --lang "$lang" --step "$step"
  done
  for demo in "${DEMOS[@]}"; do
    shoot "$OUT/$lang/demo-$demo.png" --lang "$lang" --demo "$demo"
  done
done
