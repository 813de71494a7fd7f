#!/usr/bin/env bash
# Builds the whole project with AddressSanitizer and UndefinedBehaviorSanitizer (gcc) in
# build-asan/ (ATTNVIZ_ASAN_BUILD to change) and runs the whole CTest suite under them:
# leaks are errors (no suppressions: none of the suite's processes leaks, Qt's included),
# and the first undefined behaviour stops the test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
install_packages
install_npm

BUILD="${ATTNVIZ_ASAN_BUILD:-$ATTNVIZ_ROOT/build-asan}"
FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g1"
start=$(date +%s)

if [ ! -f "$BUILD/build.ninja" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$ATTNVIZ_ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DATTNVIZ_PYTHON=/usr/bin/python3 -DATTNVIZ_BUILD_BENCHMARKS=OFF \
    -DCMAKE_CXX_FLAGS="$FLAGS" -DCMAKE_EXE_LINKER_FLAGS="$FLAGS" \
    -DCMAKE_SHARED_LINKER_FLAGS="$FLAGS" "${launcher[@]}"
fi
cmake --build "$BUILD" --parallel "$(nproc)"
built=$(date +%s)

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
cd "$BUILD"
status=0
ctest --output-on-failure --timeout 1200 -j "$(nproc)" || status=$?
end=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, tests $((end - built)) s, exit $status"
exit "$status"
