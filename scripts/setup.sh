#!/usr/bin/env bash
# Shared by run.sh and test.sh: installs the Debian packages AttnViz needs (only the
# missing ones), then configures and builds into build/. Source it; do not run it.
set -euo pipefail

ATTNVIZ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ATTNVIZ_BUILD="${ATTNVIZ_BUILD:-$ATTNVIZ_ROOT/build}"

ATTNVIZ_PACKAGES=(
  g++ cmake ninja-build pkg-config
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgl-dev libglx-dev libopengl-dev
  libeigen3-dev libqcustomplot-dev libqcustomplot2.1-qt6 nlohmann-json3-dev libzip-dev libpcre2-dev libopenblas-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-numpy
  clang libclang-rt-14-dev
  fonts-wqy-microhei
)

# install_packages [PACKAGE…]: installs those of the packages (default: ATTNVIZ_PACKAGES)
# that are missing, waiting for another apt-get rather than failing when apt is busy.
install_packages() {
  local wanted=("$@")
  [ ${#wanted[@]} -eq 0 ] && wanted=("${ATTNVIZ_PACKAGES[@]}")
  local missing=()
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600)
  "${apt[@]}" update && "${apt[@]}" install --no-install-recommends "${missing[@]}"
}

# npm fetches GPT-2's tokeniser files for the tests (tests/gpt2/fetch_tokenizer.sh). A
# machine with its own Node.js (not Debian's) keeps it: Debian's npm would conflict with it.
install_npm() {
  command -v npm >/dev/null && return 0
  install_packages nodejs npm
}

configure_and_build() {
  if [ ! -f "$ATTNVIZ_BUILD/build.ninja" ]; then
    cmake -S "$ATTNVIZ_ROOT" -B "$ATTNVIZ_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DATTNVIZ_PYTHON=/usr/bin/python3 "$@"
  fi
  cmake --build "$ATTNVIZ_BUILD" --parallel "$(nproc)"
}
