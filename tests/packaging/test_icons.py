"""The application icon: an SVG source, PNGs for Linux, a multi-size ICO for Windows."""

from __future__ import annotations

import struct
from pathlib import Path

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def test_png_sizes_the_desktop_asks_for():
    for size in (16, 24, 32, 48, 64, 128, 256):
        data = (ICONS / f"clausier-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)


def test_ico_holds_the_sizes_windows_uses():
    data = (ICONS / "clausier.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sides = {data[6 + 16 * i] or 256 for i in range(count)}
    assert sides >= {16, 32, 48, 256}


def test_svg_source_is_there():
    assert (ICONS / "clausier.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
