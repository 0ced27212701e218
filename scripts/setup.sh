#!/usr/bin/env bash
# Set up Clausier on a fresh Debian or Ubuntu machine: the system libraries Qt
# needs, a virtual environment in .venv with the application, its compiled
# translations and bytecode (spelling needs no system package: the chunspell
# wheel carries Hunspell, and the dictionaries are in resources/). With --test,
# also what the test suite needs
# (LibreOffice to open the exported files, python3-uno for the system Python to
# edit them as users do, poppler to count their pages).
#
#   scripts/setup.sh            # then: .venv/bin/clausier
#   scripts/setup.sh --test     # then: .venv/bin/python -m pytest
#
# Each step prints one line saying what it does or fetches. Run again with
# nothing changed, it only checks and finishes in a second or two: the Python
# packages are installed again only when pyproject.toml (or the Python) changed.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1

step() { printf '==> %s\n' "$*"; }

packages=(libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 fonts-dejavu-core
  fonts-crosextra-carlito)
if [ "$with_tests" = 1 ]; then
  packages+=(libreoffice-writer-nogui python3-uno poppler-utils wixl msitools desktop-file-utils)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null || true)
  for package in "${packages[@]}"; do
    grep -q "^$package install ok installed" <<<"$installed" || missing+=("$package")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if command -v apt-get >/dev/null 2>&1; then
    step "Reading the package lists (apt-get update)"
    $sudo apt-get update -qq
    step "Downloading and installing ${#missing[@]} system packages: ${missing[*]}"
    step "  (LibreOffice takes a minute or two on a fresh machine)"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  else
    echo "warning: please install these system packages: ${missing[*]}" >&2
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  step "Creating the virtual environment in .venv ($("$python" --version))"
  "$python" -m venv .venv
fi

# What the installed packages were made from: the project's metadata, the kind
# of set-up and the interpreter. Unchanged, nothing is installed again.
extra=""
[ "$with_tests" = 1 ] && extra="[test]"
wanted=$( { cat pyproject.toml; echo "extra=$extra"; .venv/bin/python -c 'import sys; print(sys.version)'; } \
  | sha256sum | cut -d' ' -f1)
stamp=.venv/.clausier-setup
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ] || [ ! -x .venv/bin/clausier ]; then
  rm -f "$stamp"
  if [ "$with_tests" = 1 ]; then
    step "Downloading and installing Clausier with PySide6, python-docx, lxml, Babel, platformdirs, chunspell (Hunspell, inside its wheel: no system package) and the test tools (pytest, pytest-qt, hypothesis, ruff)"
  else
    step "Downloading and installing Clausier with PySide6, python-docx, lxml, Babel, platformdirs and chunspell (Hunspell, inside its wheel: no system package)"
  fi
  # pip warns about index folders this machine's pip configuration names but
  # lacks; those lines are not about Clausier and are left out.
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extra" \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
  echo "$wanted" >"$stamp"
else
  step "Python packages up to date (pyproject.toml unchanged)"
fi

# Translations are data compiled at build time; compiled again only when a
# catalog is newer than its compiled file.
stale=0
for po in resources/locale/*/LC_MESSAGES/clausier.po; do
  [ "${po%.po}.mo" -nt "$po" ] || stale=1
done
if [ "$stale" = 1 ]; then
  step "Compiling the translations"
  .venv/bin/pybabel -q compile -d resources/locale -D clausier
fi

# Bytecode once, so that every start does not compile the program again
# (compileall skips the modules that are up to date).
step "Byte-compiling Clausier"
.venv/bin/python -m compileall -q -j 0 app ui >/dev/null
step "Ready"
