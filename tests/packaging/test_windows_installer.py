"""The WiX source: the promises IT relies on, and a real MSI built from it by wixl."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WXS = ROOT / "packaging" / "windows" / "clausier.wxs"
NS = {"w": "http://schemas.microsoft.com/wix/2006/wi"}
# Changing it would make the next version install beside the old one instead of replacing it.
UPGRADE_CODE = "6F0C2B1E-5A0D-4C63-9E5B-2D8F4A7C1B39"


@pytest.fixture(scope="module")
def product():
    return ET.parse(WXS).getroot().find("w:Product", NS)


def _property(product, name):
    element = product.find(f"w:Property[@Id='{name}']", NS)
    return None if element is None else element.get("Value")


def test_upgrade_code_never_changes_and_each_build_is_a_new_product(product):
    assert product.get("UpgradeCode") == UPGRADE_CODE
    assert product.get("Id") == "*"
    assert product.find("w:MajorUpgrade", NS).get("DowngradeErrorMessage")


def test_one_package_installs_per_user_or_per_machine(product):
    assert _property(product, "ALLUSERS") == "2"
    assert _property(product, "MSIINSTALLPERUSER") == "1"
    assert product.find("w:Package", NS).get("InstallPrivileges") == "limited"


def test_start_menu_shortcut_and_association_open_the_window(product):
    shortcut = product.find("w:DirectoryRef[@Id='ProgramMenuFolder']/w:Component/w:Shortcut", NS)
    assert shortcut.get("Target") == "[INSTALLDIR]clausierw.exe"
    values = {
        (v.get("Key"), v.get("Name")): v.get("Value")
        for v in product.iter(f"{{{NS['w']}}}RegistryValue")
    }
    assert values[(".clausier", None)] == "Clausier.Note"
    assert (
        values[("Clausier.Note\\shell\\open\\command", None)] == '"[INSTALLDIR]clausierw.exe" "%1"'
    )


@pytest.fixture(scope="module")
def msi(tmp_path_factory):
    if not shutil.which("wixl") or not shutil.which("wixl-heat"):
        pytest.skip("wixl is not installed (apt-get install wixl msitools)")
    out = tmp_path_factory.mktemp("msi") / "Clausier.msi"
    subprocess.run(
        [str(ROOT / "packaging" / "windows" / "build_msi.sh"), "--stand-in", "-o", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return out


def _table(msi: Path, name: str) -> list[list[str]]:
    if not shutil.which("msiinfo"):
        pytest.skip("msiinfo is not installed (apt-get install msitools)")
    text = subprocess.run(
        ["msiinfo", "export", str(msi), name], check=True, capture_output=True, text=True
    ).stdout
    return [line.split("\t") for line in text.splitlines()[3:]]  # after names, types, key


def test_wixl_builds_an_msi_with_the_upgrade_code_and_contexts(msi):
    properties = dict(row[:2] for row in _table(msi, "Property"))
    assert properties["UpgradeCode"] == "{" + UPGRADE_CODE + "}"
    assert properties["ALLUSERS"] == "2"
    assert properties["MSIINSTALLPERUSER"] == "1"
    assert any(row[0] == "{" + UPGRADE_CODE + "}" for row in _table(msi, "Upgrade"))


def test_msi_files_shortcut_and_association(msi):
    files = {row[2] for row in _table(msi, "File")}
    assert {"clausier.exe", "clausierw.exe", "clausier-house.docx"} <= files
    shortcut = _table(msi, "Shortcut")[0]
    assert shortcut[1] == "ProgramMenuFolder" and shortcut[4] == "[INSTALLDIR]clausierw.exe"
    registry = {(row[2], row[3]): row[4] for row in _table(msi, "Registry")}
    assert all(row[1] == "0" for row in _table(msi, "Registry")), "HKCR, redirected per context"
    assert registry[(".clausier", "")] == "Clausier.Note"
    assert (
        registry[("Clausier.Note\\shell\\open\\command", "")] == '"[INSTALLDIR]clausierw.exe" "%1"'
    )


def test_msi_ships_qt_s_french_and_dutch_catalogs_and_no_other(msi):
    files = {row[2].split("|")[-1] for row in _table(msi, "File")}
    assert {name for name in files if name.endswith(".qm")} == {"qtbase_fr.qm", "qtbase_nl.qm"}


def test_msi_ships_the_spelling_dictionaries_and_their_licences(msi):
    files = {row[2].split("|")[-1] for row in _table(msi, "File")}
    shipped = {"fr.aff", "fr.dic", "nl.aff", "nl.dic", "MPL-2.0.txt", "COPYING-fr.txt"}
    assert shipped | {"COPYING-nl.txt"} <= files
