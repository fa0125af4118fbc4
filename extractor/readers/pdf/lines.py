"""The unit every PDF path hands over: line segments of a page with their geometry.

pypdfium2, pdfplumber and OCR all produce `PdfLine`s per page (`PageRead`); one set of
layout rules (extractor.readers.pdf.layout) turns them into blocks.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# A ruling drawn on the page (a table's cell border): (position across, start, end) in page
# coordinates with y growing downwards; for a horizontal one (y, x0, x1), a vertical (x, y0, y1).
Rule = tuple[float, float, float]


@dataclass(slots=True)
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
    box: tuple[float, float] | None = None  # the ruled table cell it lies in: its left, right rule
    rules: list[Rule] | None = None  # the horizontal rulings of its page (one list per page)



@dataclass
class PageRead:
    lines: list[PdfLine]
    text: str
    has_text_objects: bool = True
    height: float = 842.0
    reread: bool = False
    warnings: list[str] = field(default_factory=list)
    ocr: bool = False  # read from the page image by the recognizer
    # thin rulings (table borders), merged where they continue one another, sorted by their
    # position across; only read on pages with a table (segments sharing a baseline)
    hrules: list[Rule] = field(default_factory=list)
    vrules: list[Rule] = field(default_factory=list)



# A ruling is a drawn path at most this thick (points) and at least this long.
RULE_THICKNESS = 2.5
RULE_LENGTH = 4.0
# Rulings this close across (points) that meet or overlap along are one: a border drawn cell
# by cell.
RULE_JOIN = 1.5


def boxes_to_rules(boxes: list[tuple[float, float, float, float]]) -> tuple[list[Rule], list[Rule]]:
    """The horizontal and vertical rulings among drawn boxes (x0, top, x1, bottom, y growing
    downwards): the thin, long ones, merged where they continue one another."""
    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    for x0, top, x1, bottom in boxes:
        width, height = x1 - x0, bottom - top
        if height <= RULE_THICKNESS and width >= RULE_LENGTH:
            horizontal.append(((top + bottom) / 2, x0, x1))
        elif width <= RULE_THICKNESS and height >= RULE_LENGTH:
            vertical.append(((x0 + x1) / 2, top, bottom))
    return _merged(horizontal), _merged(vertical)


def _merged(rules: list[Rule]) -> list[Rule]:
    rules.sort()
    out: list[Rule] = []
    for pos, a, b in rules:
        # a rule of about the same position (sorted: among the latest) that this one continues
        k = len(out) - 1
        while k >= 0 and pos - out[k][0] <= RULE_JOIN:
            p, c, d = out[k]
            if a <= d + RULE_JOIN and c <= b + RULE_JOIN:
                out[k] = (p, min(a, c), max(b, d))
                break
            k -= 1
        else:
            out.append((pos, a, b))
    return out
