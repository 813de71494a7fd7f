#!/usr/bin/env bash
# Installs what is missing, builds if needed, and runs attnviz with the given options:
#   scripts/run.sh                       the window, on the worked example
#   scripts/run.sh --headless --dump-json -
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
install_packages
configure_and_build >&2
exec "$ATTNVIZ_BUILD/bin/attnviz" "$@"
