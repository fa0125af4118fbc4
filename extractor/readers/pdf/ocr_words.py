"""Tesseract's word boxes turned into the line segments every PDF path hands over (`PdfLine`).

Words are grouped into lines by their boxes, not by Tesseract's own blocks (which cut a
table row or the header table into pieces in no useful order); a line is cut into segments
at wide gaps and at the vertical rules of a ruled table, like pypdfium2's text runs. Cells
of a ruled table are handed over cell by cell (row by row, left to right), as pypdfium2
reads a PDF table, so one set of layout rules (extractor.readers.pdf.layout) rebuilds
paragraphs and table cells whichever way the page was read.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from extractor.readers.pdf.lines import PdfLine
from extractor.readers.pdf.ocr_image import Grid

# A gap between two words wider than this many word heights separates two segments (cells,
# columns, the blank left for the day in "ngày   tháng"): a word space is a third of one.
SEGMENT_GAP = 1.0
# A line whose height differs from the page's usual one by less than this share has the
# usual font size: OCR boxes vary with accents and descenders, type sizes do not.
SIZE_TOLERANCE = 0.25
# A line whose ink is this much denser than the page's usual text is bold.
BOLD_INK = 1.22
# ... judged on segments of at least this many letters (digits and short words are dense
# in any weight).
BOLD_LETTERS = 4
# Box height (ascender + accent to descender) per point of type size, measured on Times
# 13 pt at 200 dpi: line boxes are about 1.05 em high.
HEIGHT_PER_SIZE = 1.05

# Letters the recognizer reads for digits, repaired only inside a number ("1O" -> "10",
# "l5" -> "15"): one character for one, so offsets stay those of the recognizer's text.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1"})
_NUMBER_WITH_SLIP = re.compile(r"(?<![^\W\d_])[\dOolI|]*\d[\dOolI|]*(?:[.,][\dOolI|]+)*(?![^\W\d_])")


@dataclass
class Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float  # 0..1
    ink: float = 0.0  # share of dark pixels in the box

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> int:
        return self.bottom - self.top


def tsv_to_words(tsv: str) -> list[Word]:
    """Level-5 rows (words) of Tesseract's TSV output with text."""
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        words.append(Word(cols[11].strip(), left, top, left + width, top + height,
                          max(0.0, float(cols[10])) / 100))
    return words


def repair_digits(text: str) -> str:
    """Letters inside a number that are digits misread; the word keeps its length."""
    def fix(m: re.Match[str]) -> str:
        token = m.group(0)
        return token.translate(_DIGIT_LOOKALIKES) if sum(c.isdigit() for c in token) else token
    if not any(c in text for c in "OolI|D"):
        return text
    return _NUMBER_WITH_SLIP.sub(fix, text)


def words_to_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines: a word joins the line whose vertical band holds its middle
    (the band of a line's first words, so a line does not drift into the next)."""
    lines: list[tuple[float, float, list[Word]]] = []
    for w in sorted(words, key=lambda w: (w.middle, w.left)):
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            top, bottom, members = lines[k]
            if top <= w.middle <= bottom:
                members.append(w)
                break
        else:
            lines.append((w.top, w.bottom, [w]))
    out = [sorted(members, key=lambda w: w.left) for _, _, members in lines]
    out.sort(key=lambda ws: statistics.median(w.bottom for w in ws))
    return out


def _split(line: list[Word], gap: float, grids: list[Grid]) -> list[list[Word]]:
    segments: list[list[Word]] = [[line[0]]]
    for prev, w in zip(line, line[1:]):
        cut = w.left - prev.right > gap
        for g in grids:
            a, b = g.cell_of(prev.right, prev.middle), g.cell_of(w.left, w.middle)
            if (a is None) != (b is None) or (a and b and a[1] != b[1]):
                cut = True
        if cut:
            segments.append([])
        segments[-1].append(w)
    return segments


@dataclass
class _Segment:
    words: list[Word]
    cell: tuple[int, int, int] | None  # (grid, row, column)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)


def _letters(seg: list[Word]) -> int:
    return sum(c.isalpha() for w in seg for c in w.text)


def _to_pdfline(seg: list[Word], scale: float, size: float, usual_height: float,
                usual_ink: float) -> PdfLine:
    height = statistics.median(w.height for w in seg)
    if abs(height - usual_height) > SIZE_TOLERANCE * usual_height:
        size = height * scale / HEIGHT_PER_SIZE
    ink = sum(w.ink * (w.right - w.left) * w.height for w in seg) / \
        max(1, sum((w.right - w.left) * w.height for w in seg))
    baseline = statistics.median(w.bottom for w in seg)
    text = " ".join(repair_digits(w.text) for w in seg)
    conf = sum(w.conf * len(w.text) for w in seg) / max(1, sum(len(w.text) for w in seg))
    return PdfLine(text, seg[0].left * scale, seg[-1].right * scale, baseline * scale, size,
                   bold=usual_ink > 0 and ink > BOLD_INK * usual_ink and _letters(seg) >= BOLD_LETTERS,
                   conf=conf,
                   top=min(w.top for w in seg) * scale)


def words_to_pdflines(words: list[Word], grids: list[Grid], scale: float) -> list[PdfLine]:
    """A page's words as line segments in reading order, in points (`scale` = 72 / dpi):
    lines top to bottom; each ruled table where its top line would come, cell by cell."""
    if not words:
        return []
    usual_height = statistics.median(w.height for w in words if w.text[:1].isalpha()) \
        if any(w.text[:1].isalpha() for w in words) else statistics.median(w.height for w in words)
    # words of few letters are boxes of ascenders/accents only: their ink says little
    inks = [w.ink for w in words if len(w.text) >= 3]
    usual_ink = statistics.median(inks) if inks else 0.0
    size = usual_height * scale / HEIGHT_PER_SIZE
    segments: list[_Segment] = []
    for line in words_to_lines(words):
        for seg in _split(line, SEGMENT_GAP * usual_height, grids):
            cell = None
            for g, grid in enumerate(grids):
                where = grid.cell_of((seg[0].left + seg[0].right) / 2, seg[0].middle)
                if where is not None:
                    cell = (g, *where)
            segments.append(_Segment(seg, cell))
    # a ruled table's segments, grouped by cell, take the place of its first segment
    out: list[_Segment] = []
    placed: set[int] = set()
    for s in segments:
        if s.cell is None:
            out.append(s)
        elif s.cell[0] not in placed:
            placed.add(s.cell[0])
            mine = [t for t in segments if t.cell is not None and t.cell[0] == s.cell[0]]
            out.extend(sorted(mine, key=lambda t: (t.cell, t.top)))
    lines = [_to_pdfline(s.words, scale, size, usual_height, usual_ink) for s in out]
    _align_cell_tops(out, lines)
    return lines


def _align_cell_tops(segments: list[_Segment], lines: list[PdfLine]) -> None:
    """Cells of one table row are top-aligned: give their first lines one baseline, so the
    layout sees them side by side even when the recognizer's boxes differ by a few pixels."""
    first: dict[tuple[int, int], list[int]] = {}
    seen: set[tuple[int, int, int]] = set()
    for k, s in enumerate(segments):
        if s.cell is not None and s.cell not in seen:
            seen.add(s.cell)
            first.setdefault(s.cell[:2], []).append(k)
    for ks in first.values():
        if len(ks) >= 2:
            baseline = min(lines[k].baseline for k in ks)
            for k in ks:
                if lines[k].baseline - baseline < lines[k].size:
                    lines[k].baseline = baseline
