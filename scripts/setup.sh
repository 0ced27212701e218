#!/usr/bin/env bash
# Set up Clausier on a fresh Debian or Ubuntu machine: the system libraries Qt
# needs, a virtual environment in .venv with the application, and its compiled
# translations. With --test, also what the test suite needs (LibreOffice to
# open the exported files, poppler to count their pages).
#
#   scripts/setup.sh            # then: .venv/bin/clausier
#   scripts/setup.sh --test     # then: .venv/bin/python -m pytest
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1

packages=(libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 fonts-dejavu-core
  fonts-crosextra-carlito)
if [ "$with_tests" = 1 ]; then
  packages+=(libreoffice-writer-nogui poppler-utils wixl msitools desktop-file-utils)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  else
    echo "warning: please install these system packages: ${missing[*]}" >&2
  fi
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$with_tests" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
# Translations are data compiled at build time.
.venv/bin/pybabel -q compile -d resources/locale -D clausier
