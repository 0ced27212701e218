#!/bin/sh
# /usr/bin/clausier: start the bundle installed in /opt/clausier.
# The machine-wide settings live in /etc/xdg/Clausier/clausier.ini whatever the
# desktop session puts first in XDG_CONFIG_DIRS (platformdirs would otherwise
# read only the first entry, e.g. /etc/xdg/xdg-ubuntu on Ubuntu's GNOME).
: "${CLAUSIER_SITE_CONFIG_DIR:=/etc/xdg/Clausier}"
export CLAUSIER_SITE_CONFIG_DIR
exec /opt/clausier/clausier "$@"
