#!/usr/bin/env bash
# Fuzzes the session reader, the safetensors header reader and the GPT-2 tokeniser for
# SECONDS each (default 60) with libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer. Builds with clang in build-fuzz/ (ATTNVIZ_FUZZ_BUILD to change),
# runs on a copy of tests/fuzz/corpus, and exits non-zero on any finding: a crash, an
# exception other than SessionError, a leak, a 10 s hang, or more than 2 GB of memory.
# Findings are kept as crash-*/leak-*/timeout-*/oom-* files in the build folder's
# fuzz-findings/; add them to tests/fuzz/corpus/ once fixed.
set -euo pipefail

SECONDS_TO_RUN="${1:-60}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ATTNVIZ_FUZZ_BUILD:-$ROOT/build-fuzz}"

for tool in clang clang++; do
  command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool is missing (apt-get install clang libclang-rt-dev)" >&2; exit 2; }
done

if [ ! -f "$BUILD/build.ninja" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DATTNVIZ_FUZZ=ON -DATTNVIZ_BUILD_TESTS=OFF -DATTNVIZ_BUILD_BENCHMARKS=OFF \
    "${launcher[@]}"
fi
# Only the fuzz targets and the engine they link: the Qt parts are not fuzzed.
TARGETS=(session_reader_fuzz safetensors_header_fuzz tokenizer_fuzz)
cmake --build "$BUILD" --target "${TARGETS[@]}" --parallel "$(nproc)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
findings="$BUILD/fuzz-findings"
mkdir -p "$findings"

# halt_on_error: a UBSan report is a finding, not a warning.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
failed=0
# fuzz TARGET CORPUS DICT: SECONDS_TO_RUN of one target on a copy of its corpus.
fuzz() {
  local target="$1" corpus="$2" dict="$3"
  mkdir -p "$work/$target"
  cp -r "$ROOT/tests/fuzz/$corpus/." "$work/$target/"
  local dictArg=()
  [ -n "$dict" ] && dictArg=(-dict="$ROOT/tests/fuzz/$dict")
  echo "== $target"
  set +e
  "$BUILD/bin/$target" "$work/$target" "${dictArg[@]}" \
    -max_total_time="$SECONDS_TO_RUN" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -malloc_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/$target-" \
    >"$work/$target.log" 2>&1
  local status=$?
  set -e
  # The progress lines are many; the report and the final statistics are what matter.
  grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$work/$target.log" | tail -n 80
  if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: $target found a problem (exit $status); inputs in $findings" >&2
    failed=1
  fi
}
fuzz session_reader_fuzz corpus session.dict
fuzz safetensors_header_fuzz safetensors-corpus ""
fuzz tokenizer_fuzz tokenizer-corpus ""
[ "$failed" -eq 0 ] || exit 1
echo "fuzz.sh: no findings in ${SECONDS_TO_RUN} s each"
