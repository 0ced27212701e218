"""Draw Clausier's icon: an SVG source, PNGs for Linux and a multi-size ICO for Windows.

Packaging tooling only (Qt renders the SVG offscreen): run it again after
changing the drawing, then commit the files it writes to resources/icons/.

    .venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 256)

# A note page with a folded corner on a navy tile; grey lines of text and one
# gold line: the clause taken from the library and set into the note.
SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Clausier</title>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="#1f3a5f"/>
  <path d="M70 40 H160 L196 76 V216 H70 Z" fill="#ffffff"/>
  <path d="M160 40 V76 H196 Z" fill="#c9d3df"/>
  <rect x="88" y="92" width="76" height="12" rx="6" fill="#9aa8b8"/>
  <rect x="88" y="116" width="90" height="12" rx="6" fill="#9aa8b8"/>
  <rect x="80" y="140" width="106" height="22" rx="8" fill="#e0a526"/>
  <rect x="88" y="174" width="90" height="12" rx="6" fill="#9aa8b8"/>
  <rect x="88" y="196" width="58" height="12" rx="6" fill="#9aa8b8"/>
</svg>
"""


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn as a square PNG of ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding each PNG as one image (PNG entries: Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def main() -> int:
    """Write clausier.svg, clausier-<size>.png and clausier.ico into resources/icons."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage text/fonts need an application
    ICONS.mkdir(parents=True, exist_ok=True)
    svg = SVG.encode("utf-8")
    (ICONS / "clausier.svg").write_bytes(svg)
    pngs = {size: render_png(svg, size) for size in PNG_SIZES}
    for size, data in pngs.items():
        (ICONS / f"clausier-{size}.png").write_bytes(data)
    (ICONS / "clausier.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
