#!/usr/bin/env bash
# Makes the trained lessons with the program's own --train (docs/training.md), from the
# build in build/ (scripts/run.sh or scripts/test.sh builds it). The files are committed;
# run this again after a change to training, and look at what changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
attnviz="${ATTNVIZ:-$root/build/bin/attnviz}"
lessons="$root/resources/lessons/transformers"
export QT_QPA_PLATFORM=offscreen

# Two blocks of two heads, d_model 32, trained 600 steps on prefix + s + s (seed 1): block 2
# head 1 becomes the induction head (docs/classroom.md, "Watching a head learn").
"$attnviz" --headless --train induction --steps 600 --seed 1 \
  --save-session "$lessons/induction-trained.attn.json"
