#!/usr/bin/env bash
# Build Clausier.msi from packaging/windows/clausier.wxs with Debian's wixl.
#
#   packaging/windows/build_msi.sh [BUNDLE_DIR] [-o OUT.msi]
#       BUNDLE_DIR: the Windows one-folder bundle built on Windows
#       (default packaging/dist/clausier, with clausier.exe and clausierw.exe)
#   packaging/windows/build_msi.sh --stand-in [-o OUT.msi]
#       proves the WiX source here, on Linux: a stand-in bundle with placeholder
#       executables and the real resources/ and templates/ takes the bundle's place
#
# Then `msiinfo tables OUT.msi` and `msiinfo export OUT.msi File|Shortcut|Registry|Property`
# show what the package holds. The release MSI is built on Windows with WiX 3.14
# (heat, candle, light) and signed there: see docs/deploy.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."

bundle=packaging/dist/clausier
out=""
stand_in=0
while [ $# -gt 0 ]; do
  case "$1" in
    --stand-in) stand_in=1 ;;
    -o) out=$2; shift ;;
    -*) echo "usage: $0 [--stand-in | BUNDLE_DIR] [-o OUT.msi]" >&2; exit 2 ;;
    *) bundle=$1 ;;
  esac
  shift
done
for tool in wixl wixl-heat; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install wixl)" >&2; exit 1; }
done

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
work=packaging/build/msi
mkdir -p "$work"
out=${out:-packaging/dist/Clausier-$version-x64.msi}

if [ "$stand_in" = 1 ]; then
  bundle=$work/stand-in
  rm -rf "$bundle" && mkdir -p "$bundle/_internal"
  printf 'stand-in for the PyInstaller console executable\n' > "$bundle/clausier.exe"
  printf 'stand-in for the PyInstaller windowed executable\n' > "$bundle/clausierw.exe"
  cp -r resources templates "$bundle/_internal/"
  find "$bundle" \( -name '*.po' -o -name '*.pot' -o -name __pycache__ \) -prune -exec rm -rf {} +
  # Qt's French and Dutch catalogs, where PyInstaller puts them in a Windows bundle.
  python=${PYTHON:-.venv/bin/python}
  qt_translations=$("$python" -c 'from PySide6.QtCore import QLibraryInfo as I; print(I.path(I.LibraryPath.TranslationsPath))')
  mkdir -p "$bundle/_internal/PySide6/translations"
  cp "$qt_translations/qtbase_fr.qm" "$qt_translations/qtbase_nl.qm" "$bundle/_internal/PySide6/translations/"
fi
for exe in clausier.exe clausierw.exe; do
  [ -f "$bundle/$exe" ] || { echo "error: $bundle/$exe is missing (a Windows bundle?)" >&2; exit 1; }
done
# Qt's French and Dutch words (file dialogs, standard buttons), loaded by the window at run time.
for qm in qtbase_fr.qm qtbase_nl.qm; do
  [ -n "$(find "$bundle" -name "$qm" -print -quit)" ] \
    || { echo "error: $bundle lacks Qt's $qm (see QT_TRANSLATIONS_KEPT in packaging/clausier.spec)" >&2; exit 1; }
done
# The French and Dutch spelling dictionaries and their licences (issue 13): without them
# the installed program would check nothing.
for file in fr.aff fr.dic nl.aff nl.dic MPL-2.0.txt COPYING-fr.txt COPYING-nl.txt; do
  [ -f "$bundle/_internal/resources/dictionaries/$file" ] \
    || { echo "error: $bundle lacks resources/dictionaries/$file (see packaging/clausier.spec)" >&2; exit 1; }
done
# wixl resolves sources relative to the current folder and refuses absolute paths.
bundle=$(realpath --relative-to=. "$bundle")

# Harvest every file of the bundle into the component group BundleFiles, one
# component per file under INSTALLDIR (what heat.exe dir does on Windows).
find "$bundle" -type f | LC_ALL=C sort \
  | wixl-heat --prefix "$bundle/" --var var.BundleDir --directory-ref INSTALLDIR \
      --component-group BundleFiles --win64 > "$work/bundle-files.wxs"

mkdir -p "$(dirname "$out")"
wixl --arch x64 \
  -D Version="$version" -D Win64=yes -D BundleDir="$bundle" -D IconFile=resources/icons/clausier.ico \
  -o "$out" packaging/windows/clausier.wxs "$work/bundle-files.wxs"
echo "msi: $out ($(du -k "$out" | cut -f1) KB, $(grep -c '<File ' "$work/bundle-files.wxs") files)"
