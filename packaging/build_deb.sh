#!/usr/bin/env bash
# Build packaging/dist/clausier_<version>_<arch>.deb from the PyInstaller bundle.
#
#   packaging/build_deb.sh                 # builds the bundle first
#   packaging/build_deb.sh --keep-bundle   # reuses packaging/dist/clausier as it is
#
# Layout of the package:
#   /opt/clausier/                       the one-folder bundle
#   /usr/bin/clausier                    a small launcher (see packaging/linux/clausier.sh)
#   /usr/share/applications/clausier.desktop, /usr/share/mime/packages/clausier.xml,
#   /usr/share/icons/hicolor/*/apps/clausier.*, /usr/share/doc/clausier/
# The desktop, MIME and icon caches are refreshed by the dpkg triggers of
# desktop-file-utils, shared-mime-info and the icon theme: no maintainer scripts.
#
# Depends are computed by dpkg-shlibdeps from every ELF file in the bundle (the
# bundle carries Qt and Python; X11/xcb, fonts, GL, DBus, GLib come from Debian),
# so the build machine needs those libraries installed (scripts/setup.sh does it).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--keep-bundle" ] || [ ! -x packaging/dist/clausier/clausier ]; then
  packaging/build_bundle.sh
fi
for tool in dpkg-deb dpkg-shlibdeps zstd file; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install dpkg-dev zstd file)" >&2; exit 1; }
done

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
arch=$(dpkg --print-architecture)
bundle=packaging/dist/clausier
work=packaging/build/deb
root=$work/debian/clausier  # the layout dpkg-shlibdeps expects
deb=packaging/dist/clausier_${version}_${arch}.deb

rm -rf "$work"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/mime/packages" "$root/usr/share/doc/clausier"
cp -a "$bundle" "$root/opt/clausier"
# Qt's French and Dutch words (file dialogs, standard buttons), loaded by the window at run time.
for qm in qtbase_fr.qm qtbase_nl.qm; do
  [ -n "$(find "$root/opt/clausier" -name "$qm" -print -quit)" ] \
    || { echo "error: the bundle lacks Qt's $qm (see QT_TRANSLATIONS_KEPT in packaging/clausier.spec)" >&2; exit 1; }
done
install -m 0755 packaging/linux/clausier.sh "$root/usr/bin/clausier"
install -m 0644 packaging/linux/clausier.desktop "$root/usr/share/applications/clausier.desktop"
install -m 0644 packaging/linux/clausier-mime.xml "$root/usr/share/mime/packages/clausier.xml"
for png in resources/icons/clausier-*.png; do
  size=$(basename "$png" .png | cut -d- -f2)
  for name in apps/clausier mimetypes/application-x-clausier; do
    install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/$name.png"
  done
done
install -D -m 0644 resources/icons/clausier.svg "$root/usr/share/icons/hicolor/scalable/apps/clausier.svg"
install -m 0644 packaging/clausier.ini.example "$root/usr/share/doc/clausier/clausier.ini.example"
install -m 0644 packaging/linux/copyright "$root/usr/share/doc/clausier/copyright"
printf 'clausier (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- Clausier packaging <packaging@clausier.invalid>  %s\n' \
  "$version" "$version" "$(date -R -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")" \
  | gzip -9n > "$root/usr/share/doc/clausier/changelog.Debian.gz"

# --- Depends --------------------------------------------------------------------
mkdir -p "$work/debian"
printf 'Source: clausier\n\nPackage: clausier\nArchitecture: any\n' > "$work/debian/control"
abs_root=$(cd "$root" && pwd)
mapfile -t elves < <(cd "$work" && find debian/clausier/opt/clausier -type f -print0 \
  | xargs -0 file -N --mime-type | awk -F': ' '$2 ~ /x-(sharedlib|executable|pie-executable)/ {print $1}')
private=()
for dir in _internal _internal/PySide6/Qt/lib _internal/PySide6 _internal/shiboken6; do
  private+=(-l"$abs_root/opt/clausier/$dir")
done
# Warnings about Python's C API symbols (they live in the bundled libpython) say nothing.
if ! (cd "$work" && dpkg-shlibdeps -O --ignore-missing-info "${private[@]}" "${elves[@]}" \
  2> shlibdeps.log > substvars); then
  grep 'error' "$work/shlibdeps.log" >&2
  echo "error: install the missing libraries on the build machine (scripts/setup.sh)" >&2
  exit 1
fi
computed=$(sed -n 's/^shlibs:Depends=//p' "$work/substvars")
# What Qt's xcb platform plugin needs on a desktop, stated even if linked indirectly.
baseline="libgl1, libegl1, libfontconfig1, libfreetype6, libxkbcommon0, libxkbcommon-x11-0, libdbus-1-3, libglib2.0-0, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xfixes0, libxcb-xinerama0, libxcb-xkb1"
# Qt no longer ships fonts: with none installed the window has no text at all.
baseline+=", fonts-dejavu-core | fonts-liberation2 | fonts-noto-core"
# One entry per package, keeping the version constraint dpkg-shlibdeps found.
depends=$(printf '%s, %s\n' "$computed" "$baseline" | tr ',' '\n' | sed 's/^ *//; s/ *$//' \
  | awk 'NF { name = $1; if (length($0) > length(best[name])) best[name] = $0 }
         END { for (name in best) print best[name] }' | sort | paste -sd, - | sed 's/,/, /g')

installed_kb=$(du -sk --apparent-size "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: clausier
Version: $version
Architecture: $arch
Maintainer: Clausier packaging <packaging@clausier.invalid>
Installed-Size: $installed_kb
Depends: $depends
Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme, xdg-utils, fonts-crosextra-carlito
Section: editors
Priority: optional
Homepage: https://clausier.invalid/
Description: briefing notes from a library of commitments, exported to Word
 Clausier assembles briefing notes ("notes au ministre" / "nota's aan de
 minister") from a library of commitments and reusable clauses, in French,
 Dutch or both, and exports them as Word files in the cabinet's house style.
 .
 It works offline: it has no updater, no telemetry and never opens a network
 connection. Machine-wide settings: /etc/xdg/Clausier/clausier.ini (see
 /usr/share/doc/clausier/clausier.ini.example).
EOF

# Reproducible, root-owned files whatever the build user's umask.
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f ! -perm -u+x -exec chmod 0644 {} +
mkdir -p packaging/dist
dpkg-deb --root-owner-group -Zzstd -z19 --build "$root" "$deb" >/dev/null
echo "deb: $deb ($(du -m "$deb" | cut -f1) MB; installed $((installed_kb / 1024)) MB)"
echo "Depends: $depends"
