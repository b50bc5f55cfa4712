#!/usr/bin/env bash
# Builds the Linux bundle (dist/rekisteri/) and the archive an officer installs:
# dist/rekisteri-<version>-linux-<arch>.tar.gz, holding the bundle, the .desktop entry,
# the AppStream metainfo, the icons, and install-desktop-entry.sh to add them to the menu.
#
#   packaging/build-linux.sh              # with .venv/bin/python (pip install -e '.[bundle]')
#   PYTHON=/path/to/python packaging/build-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
    echo "PyInstaller is not installed for $PYTHON: run $PYTHON -m pip install -e '.[bundle]'" >&2
    exit 1
fi
APP_ID=fi.rekisteri.Rekisteri
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' rekisteri_app/__init__.py)
name="rekisteri-$version-linux-$(uname -m)"

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN packaging/rekisteri.spec

stage="build/linux-archive/$name"
rm -rf build/linux-archive
mkdir -p "$stage"
cp -a dist/rekisteri/. "$stage/"
install -Dm644 "packaging/linux/$APP_ID.desktop" "$stage/share/applications/$APP_ID.desktop"
install -Dm644 "packaging/linux/$APP_ID.metainfo.xml" "$stage/share/metainfo/$APP_ID.metainfo.xml"
for png in resources/icons/rekisteri-*.png; do
    size=${png##*-}
    size=${size%.png}
    install -Dm644 "$png" "$stage/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -Dm644 resources/icons/rekisteri.svg "$stage/share/icons/hicolor/scalable/apps/$APP_ID.svg"
install -m755 packaging/linux/install-desktop-entry.sh "$stage/install-desktop-entry.sh"
tar -C build/linux-archive --owner=0 --group=0 -czf "dist/$name.tar.gz" "$name"
echo "dist/$name.tar.gz"
