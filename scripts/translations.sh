#!/usr/bin/env bash
# Extract the user-visible strings of app/ and ui/ into resources/locale/clausier.pot,
# update the French, Dutch and English catalogs, and compile them.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=.venv/bin/pybabel
$pybabel extract -q -F babel.cfg -k _ -k N_ -k ngettext:1,2 --no-location --sort-output \
  --project Clausier --copyright-holder "Clausier" -o resources/locale/clausier.pot app ui
for lang in fr nl en; do
  po=resources/locale/$lang/LC_MESSAGES/clausier.po
  if [ -f "$po" ]; then
    $pybabel update -q -i resources/locale/clausier.pot -d resources/locale -D clausier -l "$lang" --no-fuzzy-matching --ignore-obsolete
  else
    $pybabel init -q -i resources/locale/clausier.pot -d resources/locale -D clausier -l "$lang"
  fi
done
$pybabel compile -q -d resources/locale -D clausier
