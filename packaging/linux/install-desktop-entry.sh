#!/usr/bin/env bash
# Adds Rekisteri to this user's application menu: run it from the unpacked folder.
#   ./install-desktop-entry.sh            # menu entry, icons, and rekisteri(-app) in ~/.local/bin
#   ./install-desktop-entry.sh --remove   # takes them away again (the folder itself stays)
set -euo pipefail
APP_ID=fi.rekisteri.Rekisteri
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin

if [ "${1:-}" = "--remove" ]; then
    rm -f "$data/applications/$APP_ID.desktop" "$data/metainfo/$APP_ID.metainfo.xml"
    find "$data/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
    for program in rekisteri rekisteri-app; do
        [ "$(readlink "$bin/$program" 2>/dev/null)" = "$here/$program" ] && rm -f "$bin/$program"
    done
    echo "Removed the menu entry of $here."
    exit 0
fi

mkdir -p "$data/applications" "$data/metainfo" "$data/icons" "$bin"
sed "s|^Exec=rekisteri-app|Exec=\"$here/rekisteri-app\"|" \
    "$here/share/applications/$APP_ID.desktop" >"$data/applications/$APP_ID.desktop"
cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$data/metainfo/"
cp -r "$here/share/icons/." "$data/icons/"
for program in rekisteri rekisteri-app; do
    ln -sfn "$here/$program" "$bin/$program"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "Rekisteri is in the application menu; rekisteri and rekisteri-app are in $bin."
