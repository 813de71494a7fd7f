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

# Character language models of text Debian ships (the fortunes and fortunes-zh packages;
# install them first): English quotations (fortune-mod's "literature", BSD licence) and the
# Tang poems of fortunes-zh's "tang300" (GPL-3.0+). Two blocks of four heads, d_model 64, an
# FFN of 256, 2000 steps each (about 2 and 3.5 minutes on one core here). Their heads:
# docs/classroom.md, "Heads of a model of real text"; scripts/text-head-roles.py scores them.
"$attnviz" --headless --train text --corpus /usr/share/games/fortunes/literature --steps 2000 \
  --seed 1 --save-session "$lessons/text-literature-en.attn.json"
"$attnviz" --headless --train text --corpus /usr/share/games/fortunes/tang300 --steps 2000 \
  --seed 1 --save-session "$lessons/text-tang300-zh.attn.json"
