#!/usr/bin/env bash
# Build the PyInstaller one-folder bundle in packaging/dist/clausier/ and print its size.
#
#   packaging/build_bundle.sh            # uses .venv (made by scripts/setup.sh)
#   PYTHON=/path/to/python packaging/build_bundle.sh
#
# On Windows run the same steps from Git Bash, or by hand:
#   .venv\Scripts\pip install -r packaging\requirements-build.txt
#   .venv\Scripts\pyinstaller --noconfirm --distpath packaging\dist --workpath packaging\build\pyi packaging\clausier.spec
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-.venv/bin/python}
if [ ! -x "$python" ]; then
  echo "error: $python not found; run scripts/setup.sh first (or set PYTHON)" >&2
  exit 1
fi
limit_mb=${BUNDLE_LIMIT_MB:-120}

# The build tools live beside the app's dependencies, pinned, so a bundle is reproducible.
"$python" -m pip install -q -r packaging/requirements-build.txt

# The icon is committed; draw it only if it is missing.
[ -f resources/icons/clausier-256.png ] || "$python" packaging/make_icon.py

rm -rf packaging/dist/clausier
"$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath packaging/dist --workpath packaging/build/pyi packaging/clausier.spec

bundle=packaging/dist/clausier
size_mb=$(du -sm "$bundle" | cut -f1)
echo "bundle: $bundle ($size_mb MB, $(find "$bundle" -type f | wc -l) files)"
if [ "$size_mb" -gt "$limit_mb" ]; then
  echo "error: the bundle is $size_mb MB, over the $limit_mb MB target" >&2
  exit 1
fi
