"""The unit every PDF path hands over: line segments of a page with their geometry.

pypdfium2, pdfplumber and OCR all produce `PdfLine`s per page (`PageRead`); one set of
layout rules (extractor.readers.pdf.layout) turns them into blocks.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PdfLine:
    """One line segment of a page, in page coordinates with y growing downwards."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool = False
    row: bool = False  # shares its baseline with another segment: a table cell or column
    beside: tuple[float, ...] = ()  # left edges of the other segments on its baseline
    conf: float | None = None  # the recognizer's confidence (0..1), for lines read by OCR
    top: float | None = None  # top of the ink, where known (OCR word boxes)


@dataclass
class PageRead:
    lines: list[PdfLine]
    text: str
    has_text_objects: bool = True
    height: float = 842.0
    reread: bool = False
    warnings: list[str] = field(default_factory=list)
    ocr: bool = False  # read from the page image by the recognizer


