#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with CTest (GUI tests off screen).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
install_packages
install_npm
configure_and_build
export QT_QPA_PLATFORM=offscreen
cd "$ATTNVIZ_BUILD"
ctest --output-on-failure --timeout 600 -j "$(nproc)"
