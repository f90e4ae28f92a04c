#!/usr/bin/env bash
# Build RecForge and open it on the built-in demo project. With no display, runs the headless demo
# pipeline through recforge-cli and prints a summary.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=deps.sh
source "$root/scripts/deps.sh"
recforge_install_deps
recforge_build
build="${RECFORGE_BUILD_DIR:-$root/build}"
demo_dir="${RECFORGE_DEMO_DIR:-$HOME/.local/share/recforge}"
mkdir -p "$demo_dir"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$build/app/recforge" "$@"
fi

echo "No display found: running the headless demo pipeline (recforge-cli)."
cli="$build/app/recforge-cli"
project="$demo_dir/demo.recforge"
"$cli" demo-data --project "$project" --replace
"$cli" stats --project "$project" --dataset demo-shop
"$cli" split --project "$project" --dataset demo-shop --kind leave-one-out --seed 42
"$cli" train --project "$project" --dataset demo-shop --model itemknn
"$cli" runs list --project "$project"
echo "Demo project: $project (open it with: $build/app/recforge $project)"
