"""Scans of generated reports: each page of a report's PDF as an office scanner leaves it.

    python -m corpus.scan corpus/generated/gen-1-000[0-4]-*.pdf --out tests/fixtures/scans \
        [--seed 1] [--clean] [--unruled]

A page is rendered at 200 dpi and given the faults of a real scan, each drawn from a seeded
RNG so a scan is the same on every run: a slight rotation (under a degree), the blur of the
scanner's optics, speckle (dust and toner), a red stamp over the signature, and JPEG
compression. The result is an image-only PDF (`<stem>.scan.pdf`, no text layer) beside a
link to the report's gold (`<stem>.gold.json`), so `score.py` measures OCR against the same
answers as the .docx. `--clean` leaves out the faults (an upper bound for the recognizer).
`--unruled` wipes the table rules from the page before the faults (`<stem>.unruled.scan.pdf`):
the tables are then only text aligned in columns, as in many typed reports.
"""
from __future__ import annotations

import argparse
import io
import math
import os
import random
import sys
import zlib
from pathlib import Path
from typing import Any

DPI = 200
# Faults of an office scanner, as drawn per page.
MAX_ROTATION = 0.8  # degrees
BLUR_RADIUS = (0.3, 0.7)  # pixels, Gaussian
SPECKS_PER_PAGE = (150, 500)
JPEG_QUALITY = (45, 70)
# Where the stamp goes: over the line that names the signer's office.
SIGNATURE_MARKERS = ("TM.", "CHỦ TỊCH", "KT.")


def _signature_spot(page: Any, scale: float) -> tuple[float, float] | None:
    """Pixel position of the signature block's first line, from the page's text layer."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        for marker in SIGNATURE_MARKERS:
            at = text.find(marker)
            if at >= 0:
                left, bottom, right, top = textpage.get_charbox(at)
                height = page.get_height()
                return (left + right) / 2 * scale, (height - (top + bottom) / 2) * scale
    finally:
        textpage.close()
    return None


def _stamp(image: Any, centre: tuple[float, float], rng: random.Random) -> None:
    """A round red seal (two rings and a star) pressed a little off the signature."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image, "RGBA")
    x = centre[0] - rng.uniform(0.2, 0.6) * DPI
    y = centre[1] + rng.uniform(0.1, 0.4) * DPI
    colour = (200, 30, 40, rng.randint(120, 170))
    for radius, width in ((0.75 * DPI, 6), (0.6 * DPI, 3)):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=colour, width=width)
    r = 0.22 * DPI
    star = [(x + (r if k % 2 == 0 else r / 2.5) * math.sin(k * math.pi / 5),
             y - (r if k % 2 == 0 else r / 2.5) * math.cos(k * math.pi / 5)) for k in range(10)]
    draw.polygon(star, fill=colour)


def _speckle(image: Any, rng: random.Random) -> None:
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    w, h = image.size
    for _ in range(rng.randint(*SPECKS_PER_PAGE)):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.choice((0.5, 1.0, 1.0, 1.5))
        shade = rng.randint(40, 140)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(shade, shade, shade))


def _wipe_rules(image: Any) -> Any:
    """The page without its table rules (long horizontal and vertical runs of ink), found and
    painted white as the OCR reader does before it recognizes a page."""
    import numpy as np
    from PIL import Image

    from extractor.readers.pdf.ocr_image import gray_to_ink, ink_to_rules, wipe_rules

    gray = np.asarray(image.convert("L"))
    horizontal, vertical = ink_to_rules(gray_to_ink(gray), DPI)
    return Image.fromarray(wipe_rules(gray, horizontal, vertical)).convert("RGB")


def page_to_scan(page: Any, rng: random.Random, clean: bool = False,
                 unruled: bool = False) -> bytes:
    """One PDF page as the JPEG bytes of its scan."""
    from PIL import ImageFilter

    scale = DPI / 72
    image = page.render(scale=scale).to_pil().convert("RGB")
    if unruled:
        image = _wipe_rules(image)
    if not clean:
        spot = _signature_spot(page, scale)
        if spot is not None:
            _stamp(image, spot, rng)
        _speckle(image, rng)
        image = image.rotate(rng.uniform(-MAX_ROTATION, MAX_ROTATION),
                             resample=_bicubic(), fillcolor=(250, 250, 248))
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(*BLUR_RADIUS)))
    image = image.convert("L")  # the office scanner's default: grey, which also keeps files small
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=rng.randint(*JPEG_QUALITY) if not clean else 90)
    return buf.getvalue()


def _bicubic() -> Any:
    from PIL import Image

    return Image.Resampling.BICUBIC


def pdf_to_scan(pdf_path: Path, out: Path, seed: int, clean: bool = False,
                unruled: bool = False) -> Path:
    """`<stem>.scan.pdf` in `out`: the report's pages as scanned images, seeded by the
    report's name so each report has its own faults."""
    import pypdfium2 as pdfium
    from PIL import Image

    stem = pdf_path.name[:-len(".pdf")]
    rng = random.Random(seed * 1_000_003 + zlib.crc32(stem.encode()))
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pages = [Image.open(io.BytesIO(page_to_scan(pdf[n], rng, clean, unruled)))
                 for n in range(len(pdf))]
    finally:
        pdf.close()
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{stem}{'.unruled' if unruled else ''}.scan.pdf"
    # Pillow embeds JPEG images as they are (DCTDecode): the file holds what the scanner wrote
    pages[0].save(target, format="PDF", save_all=True, append_images=pages[1:], resolution=DPI)
    gold = pdf_path.with_name(f"{stem}.gold.json")
    link = out / gold.name
    if gold.exists() and not link.exists():
        link.symlink_to(os.path.relpath(gold.resolve(), out.resolve()))
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus.scan", description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="+", type=Path, help="PDFs of generated reports (with text layer)")
    ap.add_argument("--out", type=Path, default=Path("tests/fixtures/scans"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--clean", action="store_true", help="no scanner faults")
    ap.add_argument("--unruled", action="store_true", help="tables without rules")
    args = ap.parse_args(argv)
    for pdf in args.pdfs:
        print(pdf_to_scan(pdf, args.out, args.seed, args.clean, args.unruled), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
