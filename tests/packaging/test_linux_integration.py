"""The desktop entry, the MIME type and the launcher of the Debian package."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / "clausier.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_double_click_on_a_note_opens_it_in_clausier():
    entry = _entry()
    assert "application/x-clausier" in entry["MimeType"].split(";")
    assert entry["Exec"] == "clausier %f"  # one file: the command line opens one note
    mime = ET.parse(LINUX / "clausier-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert kind.get("type") == "application/x-clausier"
    assert kind.find("m:glob", ns).get("pattern") == "*.clausier"


@pytest.mark.skipif(
    not shutil.which("desktop-file-validate"), reason="desktop-file-utils is not installed"
)
def test_desktop_entry_is_valid():
    done = subprocess.run(
        ["desktop-file-validate", str(LINUX / "clausier.desktop")], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def test_launcher_pins_the_machine_wide_settings_folder(tmp_path):
    """/usr/bin/clausier reads /etc/xdg/Clausier whatever XDG_CONFIG_DIRS says, unless IT overrides it."""
    launcher = (LINUX / "clausier.sh").read_text()
    fake = tmp_path / "launcher.sh"
    fake.write_text(
        launcher.replace("exec /opt/clausier/clausier", 'echo "$CLAUSIER_SITE_CONFIG_DIR"; :')
    )

    def run(env: dict[str, str]) -> str:
        done = subprocess.run(["sh", str(fake)], env=env, capture_output=True, text=True)
        return done.stdout.strip()

    assert run({"XDG_CONFIG_DIRS": "/etc/xdg/xdg-ubuntu:/etc/xdg"}) == "/etc/xdg/Clausier"
    assert run({"CLAUSIER_SITE_CONFIG_DIR": "/srv/clausier"}) == "/srv/clausier"
