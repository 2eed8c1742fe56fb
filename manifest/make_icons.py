"""Draw the two Teams icons with a tiny pure-Python PNG writer (zlib + struct); no Pillow needed.

    .venv/bin/python manifest/make_icons.py

Writes ``wijkwijzer/adapters/teams/app_package/color.png`` (192×192, full colour) and ``outline.png`` (32×32,
white on a transparent background), the files the Teams app package ships with. The icon is a
white location pin: Wijkwijzer shows who to call in your wijk.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "wijkwijzer" / "manifest"
TEAL = (27, 111, 122, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)
Pixel = tuple[int, int, int, int]


def png(width: int, height: int, pixel: Callable[[int, int], Pixel]) -> bytes:
    """An 8-bit RGBA PNG; every row uses filter type 0 (none)."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def pin_distance(x: float, y: float, size: float) -> float:
    """Signed distance (in units of ``size``) to a location pin: a circle on top of a point."""
    cx, cy, radius = 0.5, 0.40, 0.25
    tip_y = 0.86
    px, py = x / size, y / size
    circle = math.hypot(px - cx, py - cy) - radius
    if py <= cy:
        return circle
    half_width = radius * max(0.0, (tip_y - py) / (tip_y - cy))
    cone = abs(px - cx) - half_width if py <= tip_y else math.hypot(px - cx, py - tip_y)
    return min(circle, cone)


def color_pixel(x: int, y: int) -> Pixel:
    size = 192
    hole = math.hypot((x + 0.5) / size - 0.5, (y + 0.5) / size - 0.40) - 0.10
    inside = pin_distance(x + 0.5, y + 0.5, size) <= 0 and hole > 0
    return WHITE if inside else TEAL


def outline_pixel(x: int, y: int) -> Pixel:
    size = 32
    edge = abs(pin_distance(x + 0.5, y + 0.5, size)) <= 0.035
    hole = abs(math.hypot((x + 0.5) / size - 0.5, (y + 0.5) / size - 0.40) - 0.09) <= 0.035
    return WHITE if edge or hole else CLEAR


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "color.png").write_bytes(png(192, 192, color_pixel))
    (OUT / "outline.png").write_bytes(png(32, 32, outline_pixel))
    print(f"Iconen geschreven naar {OUT}")


if __name__ == "__main__":
    main()
