"""Scanned pages read with Tesseract: rendered, deskewed, rules found, words recognized.

Tesseract runs as a subprocess (the `tesseract` binary, Debian `tesseract-ocr` with
`tesseract-ocr-vie`), not through pytesseract: the wrapper adds a dependency and temporary
files for what is one command with the page on stdin and its hOCR word boxes on stdout, and
the call must set `OMP_THREAD_LIMIT=1` and a time limit anyway. One Tesseract thread per page
and pages in parallel, one per core: Tesseract's own threading is several times slower on a
small machine. Nothing here is imported unless a page has no text layer.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractor.core.settings import Settings
from extractor.readers.pdf.lines import PageRead

LANGUAGE = "vie"
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"
# A page read upright gives mostly confident words; below this mean confidence, or with
# fewer words than this, the page may lie on its side and orientation detection is asked.
UPRIGHT_CONFIDENCE = 0.6
UPRIGHT_WORDS = 20
# The cache key changes when the way a page is prepared changes.
_PREPARATION_VERSION = "2"


class OcrUnavailable(Exception):
    """Tesseract or its Vietnamese model is missing; the message says how to install it."""


def tesseract_binary(settings: Settings) -> str | None:
    return shutil.which(settings.tesseract)


@lru_cache(maxsize=4)
def tesseract_languages(binary: str) -> tuple[str, ...]:
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ()
    return tuple(line.strip() for line in out.stdout.splitlines()[1:] if line.strip())


@lru_cache(maxsize=4)
def tesseract_version(binary: str) -> str:
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    first = (out.stdout or out.stderr).splitlines()
    return first[0].strip() if first else ""


def require_tesseract(settings: Settings) -> str:
    """The binary's path; OcrUnavailable when it or the Vietnamese model is missing."""
    binary = tesseract_binary(settings)
    if binary is None:
        raise OcrUnavailable(f"Tesseract not found ({INSTALL_HINT})")
    if LANGUAGE not in tesseract_languages(binary):
        raise OcrUnavailable(f"Tesseract has no Vietnamese model ({INSTALL_HINT})")
    return binary


def _tesseract(binary: str, image: Any, *args: str, timeout: float) -> str:
    buf = io.BytesIO()
    image.save(buf, format="PPM")  # leptonica reads PNM fastest; no compression to spend time on
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.run([binary, "stdin", "stdout", *args], input=buf.getvalue(),
                          capture_output=True, env=env, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[-300:] or "tesseract failed")
    return proc.stdout.decode("utf-8", "replace")


def _orientation(binary: str, image: Any, timeout: float) -> int:
    """Degrees to turn the page counter-clockwise to make it upright (Tesseract's OSD)."""
    try:
        out = _tesseract(binary, image, "--psm", "0", timeout=timeout)
    except (RuntimeError, subprocess.SubprocessError):
        return 0  # too little text to tell: leave the page as it is
    m = re.search(r"Rotate:\s*(\d+)", out)
    return int(m.group(1)) if m else 0


@dataclass
class _Prepared:
    """A page image ready for the recognizer: deskewed, rules found and wiped."""

    clean: Any  # Pillow image, mode L
    ink: Any  # numpy bool array of dark pixels
    grids: list[Any]
    angle: float


def _prepare(gray: Any, dpi: int) -> _Prepared:
    import numpy as np
    from PIL import Image

    from extractor.readers.pdf.ocr_image import (
        gray_to_ink,
        ink_to_rules,
        rotate,
        rules_to_grids,
        skew_angle,
        wipe_rules,
        wipe_specks,
    )

    pixels = np.asarray(gray)
    angle = skew_angle(gray_to_ink(pixels))
    if angle:
        pixels = np.asarray(rotate(gray, angle))
    ink = gray_to_ink(pixels)
    horizontal, vertical = ink_to_rules(ink, dpi)
    clean = Image.fromarray(wipe_specks(wipe_rules(pixels, horizontal, vertical), ink))
    return _Prepared(clean, ink, rules_to_grids(horizontal, vertical), angle)


def _recognize(binary: str, gray: Any, prepared: _Prepared, settings: Settings
               ) -> tuple[int, _Prepared, str]:
    """(turn, prepared page, hOCR): Tesseract's word boxes, after turning the page upright by
    `turn` degrees when it lay on its side or upside down."""
    from extractor.readers.pdf.ocr_image import rotate
    timeout = settings.ocr_page_timeout
    args = ("-l", LANGUAGE, "--psm", "3", "--dpi", str(settings.ocr_dpi), "hocr")
    hocr = _tesseract(binary, prepared.clean, *args, timeout=timeout)
    words = _words(hocr)
    if len(words) >= UPRIGHT_WORDS and \
            sum(w.conf for w in words) / len(words) >= UPRIGHT_CONFIDENCE:
        return 0, prepared, hocr
    # little text found: the page may lie on its side, or hold only a few scattered lines
    # (the end of a table) that page segmentation skips as "empty"; keep the best reading
    best = (_score(words), 0, prepared, hocr)
    turn = _orientation(binary, prepared.clean, timeout)
    if turn in (90, 180, 270):
        turned = _prepare(rotate(gray, turn), settings.ocr_dpi)
        hocr = _tesseract(binary, turned.clean, *args, timeout=timeout)
        best = max(best, (_score(_words(hocr)), turn, turned, hocr), key=lambda b: b[0])
    if best[0] < UPRIGHT_WORDS * UPRIGHT_CONFIDENCE:
        _, turn, page, _ = best
        sparse = ("-l", LANGUAGE, "--psm", "11", "--dpi", str(settings.ocr_dpi), "hocr")
        hocr = _tesseract(binary, page.clean, *sparse, timeout=timeout)
        best = max(best, (_score(_words(hocr)), turn, page, hocr), key=lambda b: b[0])
    return best[1], best[2], best[3]


def _words(hocr: str) -> list[Any]:
    from extractor.readers.pdf.ocr_words import hocr_to_lines

    return [w for line in hocr_to_lines(hocr) for w in line]


def _score(words: list[Any]) -> float:
    """How much confident text a reading holds."""
    return sum(w.conf for w in words if len(w.text) > 1 or w.text.isalnum())


def _to_page(prepared: _Prepared, turn: int, hocr: str, settings: Settings,
             binary: str | None = None) -> PageRead:
    from extractor.readers.pdf.ocr_reread import reread_low_confidence
    from extractor.readers.pdf.ocr_words import (
        drop_noise,
        hocr_to_lines,
        lines_to_pdflines,
        lines_to_tables,
    )

    warnings = [f"page turned by {turn} degrees"] if turn else []
    if prepared.angle:
        warnings.append(f"deskewed by {prepared.angle} degrees")
    recognized = drop_noise(hocr_to_lines(hocr))
    grids = lines_to_tables(recognized, prepared.grids)
    if binary is not None:
        recognized = drop_noise(reread_low_confidence(
            recognized, grids, prepared.clean,
            lambda strip: _read_strip(binary, strip, settings)))
    for line in recognized:
        for w in line:
            box = prepared.ink[w.top:w.bottom, w.left:w.right]
            w.ink = float(box.mean()) if box.size else 0.0
    scale = 72 / settings.ocr_dpi
    lines = lines_to_pdflines(recognized, grids, scale)
    return PageRead(lines, "\n".join(ln.text for ln in lines), False,
                    prepared.ink.shape[0] * scale, warnings=warnings, ocr=True)


def _render(pdf: Any, n: int, dpi: int) -> Any:
    page = pdf[n]
    try:
        return page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        page.close()


def _cache_file(settings: Settings, image: Any, version: str, kind: str = "page") -> Path | None:
    if not settings.ocr_cache_dir:
        return None
    key = hashlib.sha256(image.tobytes() + f"{image.size}|{settings.ocr_dpi}|{version}|"
                         f"{_PREPARATION_VERSION}|{kind}".encode()).hexdigest()
    return Path(settings.ocr_cache_dir) / key[:2] / f"{key}.hocr"


def _store(cached: Path | None, text: str) -> None:
    if cached is None:
        return
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(text, encoding="utf-8")
    except OSError:
        pass  # a read-only cache only costs time


def _read_strip(binary: str, strip: Any, settings: Settings) -> str:
    """The hOCR of a strip of boxes read again (sparse text), from the cache when it holds
    the same strip: a cached page must not call the recognizer for its second look either."""
    cached = _cache_file(settings, strip, tesseract_version(binary), "strip")
    if cached is not None and cached.exists():
        return cached.read_text(encoding="utf-8")
    sparse = ("-l", LANGUAGE, "--psm", "11", "--dpi", str(settings.ocr_dpi), "hocr")
    hocr = _tesseract(binary, strip, *sparse, timeout=settings.ocr_page_timeout)
    _store(cached, hocr)
    return hocr


def _read_page(binary: str, gray: Any, settings: Settings) -> PageRead:
    """A page recognized by Tesseract, or replayed from the cache of recognized pages (keyed
    by the image's hash and the recognizer's version), as are the strips read again. The cache
    holds the word boxes, so a change of the layout rules applies to cached pages too."""
    from extractor.readers.pdf.ocr_image import rotate

    prepared = _prepare(gray, settings.ocr_dpi)
    cached = _cache_file(settings, gray, tesseract_version(binary))
    if cached is not None and cached.exists():
        head, _, hocr = cached.read_text(encoding="utf-8").partition("\n")
        turn = int(head)
        if turn:
            prepared = _prepare(rotate(gray, turn), settings.ocr_dpi)
        return _to_page(prepared, turn, hocr, settings, binary)
    turn, prepared, hocr = _recognize(binary, gray, prepared, settings)
    _store(cached, f"{turn}\n{hocr}")
    return _to_page(prepared, turn, hocr, settings, binary)


def scanned_pages_to_reads(pdf: Any, numbers: list[int], settings: Settings) -> dict[int, PageRead]:
    """The pages `numbers` (0-based) of an open pypdfium2 document read by OCR, in parallel
    (one Tesseract process per core). Rendering stays on this thread: pdfium is not
    thread-safe. Raises OcrUnavailable when Tesseract cannot run."""
    binary = require_tesseract(settings)
    jobs = settings.ocr_jobs or os.cpu_count() or 1
    reads: dict[int, PageRead] = {}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {n: pool.submit(_read_page, binary, _render(pdf, n, settings.ocr_dpi), settings)
                   for n in numbers}
        for n, future in futures.items():
            try:
                reads[n] = future.result()
            except Exception as exc:  # one unreadable page must not lose the others
                reads[n] = PageRead([], "", False, warnings=[f"page {n + 1}: OCR failed: {exc}"])
    return reads
