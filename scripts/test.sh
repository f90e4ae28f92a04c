#!/usr/bin/env bash
# Install what is missing, build Release into build/, run every test (ctest, output on failure).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=deps.sh
source "$root/scripts/deps.sh"
recforge_install_deps
recforge_build -DRECFORGE_BUILD_TESTS=ON
build="${RECFORGE_BUILD_DIR:-$root/build}"
cd "$build"
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
