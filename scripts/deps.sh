#!/usr/bin/env bash
# The one list of Debian packages RecForge needs to build, test, benchmark and package.
# Sourced by run.sh and test.sh; installs only what is missing (needs root or sudo).
set -euo pipefail

RECFORGE_PACKAGES=(
    build-essential cmake ccache git pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
    libqcustomplot-dev
    libtorch-dev libgloo-dev
    libopenblas0-openmp   # without it LibTorch falls back to reference BLAS (~20x slower matmul)
    libsqlite3-dev nlohmann-json3-dev libsentencepiece-dev libexpected-dev
    libhnswlib-dev   # approximate top-K (header-only HNSW)
    xvfb xauth imagemagick fonts-noto-cjk   # fonts-noto-cjk: Chinese UI text and screenshots
    python3-torch python3-pandas python3-numpy   # reference implementations for bench/ and interop tests
    dpkg-dev file
)

recforge_missing_packages() {
    local missing=()
    for p in "${RECFORGE_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    echo "${missing[@]:-}"
}

recforge_install_deps() {
    local missing
    missing=$(recforge_missing_packages)
    [ -z "$missing" ] && return 0
    echo "Installing Debian packages: $missing"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

# Configure and build Release into build/ (or $RECFORGE_BUILD_DIR) with all cores.
recforge_build() {
    local root build
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    build="${RECFORGE_BUILD_DIR:-$root/build}"
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release "$@"
    cmake --build "$build" --parallel "$(nproc)"
}
