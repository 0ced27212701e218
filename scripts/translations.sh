#!/usr/bin/env bash
# Extract the user-visible strings of app/ and ui/ into resources/locale/clausier.pot,
# update the French, Dutch and English catalogs, and compile them.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=.venv/bin/pybabel
$pybabel -q extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 --no-location --sort-output \
  --project Clausier --copyright-holder "Clausier" -o resources/locale/clausier.pot app ui
for lang in fr nl en; do
  po=resources/locale/$lang/LC_MESSAGES/clausier.po
  if [ -f "$po" ]; then
    $pybabel -q update -i resources/locale/clausier.pot -d resources/locale -D clausier -l "$lang" --no-fuzzy-matching --ignore-obsolete
  else
    $pybabel -q init -i resources/locale/clausier.pot -d resources/locale -D clausier -l "$lang"
  fi
done
$pybabel -q compile -d resources/locale -D clausier
