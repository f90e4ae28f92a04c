#!/usr/bin/env bash
# Builds the CPack packages, unpacks the .deb into a scratch folder (dpkg -x, no root install) and
# runs the packaged recforge-cli from there. Also checks the .tar.gz and the packaged resources.
set -euo pipefail
build="$1"
cmake --build "$build" --target package >"$build/package.log" 2>&1 || { cat "$build/package.log"; exit 1; }
deb=$(ls -t "$build"/packages/recforge*.deb | head -n1)
tgz=$(ls -t "$build"/packages/recforge*.tar.gz | head -n1)
[ -s "$deb" ] && [ -s "$tgz" ] || { echo "missing package files"; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dpkg -x "$deb" "$scratch/root"
for f in usr/bin/recforge-cli usr/share/applications/recforge.desktop \
         usr/share/icons/hicolor/scalable/apps/recforge.svg; do
    [ -e "$scratch/root/$f" ] || { echo "package lacks $f"; exit 1; }
done
if [ -e "$build/app/recforge" ]; then
    for f in usr/bin/recforge usr/share/recforge/translations/recforge_zh_CN.qm; do
        [ -e "$scratch/root/$f" ] || { echo "package lacks $f"; exit 1; }
    done
fi
out=$("$scratch/root/usr/bin/recforge-cli" --version)
echo "$out"
case "$out" in
    "recforge-cli "*) ;;
    *) echo "unexpected --version output: $out"; exit 1 ;;
esac
dpkg-deb --field "$deb" Package Version Depends
tar -tzf "$tgz" | grep -q "bin/recforge-cli" || { echo "tar.gz lacks recforge-cli"; exit 1; }
echo "package test passed"
