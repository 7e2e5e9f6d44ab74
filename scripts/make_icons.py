"""Draw the app icons from tending/static/tending/icon.svg with Debian's Chromium.

    .venv/bin/python scripts/make_icons.py

Writes tending/pwa/static/pwa/: icon-192.png and icon-512.png (the round icon on a clear
ground), maskable-512.png (full-bleed, the rings inside the middle 80% a phone may crop to),
apple-touch-icon.png (180 px, full-bleed: iOS rounds the corners itself) and favicon.ico
(16, 32 and 48 px). Run it again only when icon.svg changes; the files are kept in the
repository, so nothing is drawn at run time.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SVG = (ROOT / "tending" / "static" / "tending" / "icon.svg").read_text()
OUT = ROOT / "tending" / "pwa" / "static" / "pwa"
GROUND = "#f4efe6"  # the icon's own cream


def page(size: int, full_bleed: bool, inner: float) -> str:
    """An HTML page of exactly `size` pixels showing the icon at `inner` of its width."""
    background = GROUND if full_bleed else "transparent"
    drawn = round(size * inner)
    svg = SVG.replace("<svg ", '<svg width="100%" height="100%" ', 1)
    return (
        f"<html><body style='margin:0;width:{size}px;height:{size}px;background:{background};"
        f"display:grid;place-items:center'><div style='width:{drawn}px;height:{drawn}px'>"
        f"{svg}</div></body></html>"
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    wanted = {
        "icon-192.png": (192, False, 1.0),
        "icon-512.png": (512, False, 1.0),
        "maskable-512.png": (512, True, 0.78),  # the cream circle just inside the safe zone
        "apple-touch-icon.png": (180, True, 0.86),
        "favicon-48.png": (48, False, 1.0),
    }
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=shutil.which("chromium"))
        for name, (size, full_bleed, inner) in wanted.items():
            tab = browser.new_page(viewport={"width": size, "height": size})
            tab.set_content(page(size, full_bleed, inner))
            shot = tab.screenshot(omit_background=not full_bleed)
            image = Image.open(io.BytesIO(shot)).convert("RGBA")
            if name == "favicon-48.png":
                image.save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
            else:
                image.save(OUT / name, optimize=True)
            tab.close()
        browser.close()
    print(f"Wrote the icons to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
