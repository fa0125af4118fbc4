"""Tesseract's lines and word boxes (hOCR) turned into the line segments every PDF path hands
over (`PdfLine`).

Tesseract's lines are kept (its baseline fit resists specks and descenders) but not its
blocks, which cut a table row or the header table into pieces in no useful order: lines on
one baseline are put side by side, left to right, and each line is cut into segments at wide
gaps and at the vertical rules of a ruled table, like pypdfium2's text runs. Cells of a ruled
table are handed over cell by cell (row by row, left to right), as pypdfium2 reads a PDF
table, so one set of layout rules (extractor.readers.pdf.layout) rebuilds paragraphs and
table cells whichever way the page was read.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from extractor.core.regexes import compiled
from extractor.readers.pdf.layout import join_lines
from extractor.readers.pdf.lines import PdfLine
from extractor.readers.pdf.ocr_columns import lines_to_aligned_grids
from extractor.readers.pdf.ocr_image import Grid

# A gap between two words wider than this many type sizes separates two segments (cells,
# columns, the blank left for the day in "ngày   tháng"): a word space is a quarter of one.
SEGMENT_GAP = 1.0
# A line whose type size differs from the page's usual one by less than this share has the
# usual size: Tesseract's estimate varies a little from line to line, type sizes do not.
SIZE_TOLERANCE = 0.25
# A line whose ink is this much denser than the page's usual text is bold ...
BOLD_INK = 1.22
# ... judged on segments of at least this many letters (digits and short words are dense
# in any weight).
BOLD_LETTERS = 4

# A word without a letter, digit or "%" read with less confidence than this is a speck, a
# stamp's edge or a rule's remnant ("'", ":", "_" between two words), not punctuation.
NOISE_CONFIDENCE = 0.5
# A doubtful word lower than this many type sizes is a speck whatever it was read as ("l").
SPECK_HEIGHT = 0.3
# A box at least this many type sizes wide holds a word, whatever it was read as.
WORD_WIDTH = 0.8

# Letters the recognizer reads for digits, repaired only inside a number ("1O" -> "10",
# "l5" -> "15"): one character for one, so offsets stay those of the recognizer's text.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1"})
_NUMBER_WITH_SLIP = compiled(r"(?<![^\W\d_])[\dOolI|]*\d[\dOolI|]*(?:[.,][\dOolI|]+)*(?![^\W\d_])")

# Words closer than this many type sizes after a digit and a separator are one number.
NUMBER_GAP = 0.2
_CUT_NUMBER = compiled(r"\d[.,]$")

_LINE_CLASSES = ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat")
_BBOX = compiled(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_BASELINE = compiled(r"baseline (-?[\d.]+) (-?[\d.]+)")
_X_SIZE = compiled(r"x_size ([\d.]+)")
_WCONF = compiled(r"x_wconf (\d+)")


@dataclass
class Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float  # 0..1
    baseline: float = 0.0  # of its line at the word's left edge, in pixels
    size: float = 0.0  # its line's x_size (Tesseract's type size estimate), in pixels
    ink: float = 0.0  # share of dark pixels in the box
    # the right edge of the word before a misread word dropped as noise: the gap up to this
    # word held ink
    bridged_from: int | None = None

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> int:
        return self.bottom - self.top


def hocr_to_lines(hocr: str) -> list[list[Word]]:
    """Tesseract's lines (hOCR) as lists of words carrying their line's baseline and type
    size: Tesseract fits both over the whole line, which a speck of dust or a descender
    stretching one word's box does not move."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(hocr)
    except ET.ParseError:
        return []
    lines: list[list[Word]] = []
    for el in root.iter():
        if el.get("class") not in _LINE_CLASSES:
            continue
        title = el.get("title", "")
        box, base, x_size = _BBOX.search(title), _BASELINE.search(title), _X_SIZE.search(title)
        if box is None:
            continue
        left, top, _, bottom = map(int, box.groups())
        slope, offset = (float(base.group(1)), float(base.group(2))) if base else (0.0, 0.0)
        size = float(x_size.group(1)) if x_size else float(bottom - top)
        words: list[Word] = []
        for w in el:
            text = "".join(w.itertext()).strip()
            wbox = _BBOX.search(w.get("title", ""))
            if not text or wbox is None:
                continue
            conf = _WCONF.search(w.get("title", ""))
            x0, y0, x1, y1 = map(int, wbox.groups())
            words.append(Word(text, x0, y0, x1, y1, int(conf.group(1)) / 100 if conf else 0.0,
                              bottom + offset + slope * (x0 - left), size))
        if words:
            lines.append(words)
    return lines


def drop_noise(lines: list[list[Word]]) -> list[list[Word]]:
    """Lines without the words that are specks read as punctuation: they would stand between
    a number and its unit ("163 nghìn ' đồng"). The words kept are as read. A dropped box as
    wide as a word was a word misread: the gap it leaves is bridged, not a column's gap."""
    out = []
    for line in lines:
        kept: list[Word] = []
        bridge: int | None = None
        for w in sorted(line, key=lambda w: w.left):
            if w.conf >= NOISE_CONFIDENCE or any(c.isalnum() or c == "%" for c in w.text):
                if bridge is not None:
                    w.bridged_from = bridge
                kept.append(w)
                bridge = None
            elif w.right - w.left >= WORD_WIDTH * w.size:
                bridge = kept[-1].right if kept else None
        if kept:
            out.append(kept)
    return out


def repair_digits(text: str) -> str:
    """Letters inside a number that are digits misread; the word keeps its length."""
    def fix(m: re.Match[str]) -> str:
        token = m.group(0)
        return token.translate(_DIGIT_LOOKALIKES) if any(c.isdigit() for c in token) else token
    if not any(c in text for c in "OolI|D"):
        return text
    return _NUMBER_WITH_SLIP.sub(fix, text)


def _split(line: list[Word], gap: float, grids: list[Grid]) -> list[list[Word]]:
    line = sorted(line, key=lambda w: w.left)
    segments: list[list[Word]] = [[line[0]]]
    for prev, w in zip(line, line[1:]):
        cut = w.left - prev.right > gap and w.bridged_from != prev.right
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
    def baseline(self) -> float:
        return self.words[0].baseline


def _letters(seg: list[Word]) -> int:
    return sum(c.isalpha() for w in seg for c in w.text)


def _to_pdfline(seg: list[Word], scale: float, usual: tuple[float, float], usual_ink: float) -> PdfLine:
    usual_size, usual_height = usual
    size = statistics.median(w.size for w in seg)
    height = statistics.median(w.height for w in seg)
    # a speck near a line inflates Tesseract's size estimate, not the words' own boxes
    if abs(size - usual_size) <= SIZE_TOLERANCE * usual_size or \
            abs(height - usual_height) <= SIZE_TOLERANCE * usual_height:
        size = usual_size
    ink = sum(w.ink * (w.right - w.left) * w.height for w in seg) / \
        max(1, sum((w.right - w.left) * w.height for w in seg))
    text = seg[0].text
    for prev, w in zip(seg, seg[1:]):
        # "99," + "32%": a number the recognizer cut at its separator
        glued = _CUT_NUMBER.search(prev.text) and w.text[:1].isdigit() and \
            w.left - prev.right < NUMBER_GAP * usual_size
        text += ("" if glued else " ") + w.text
    text = repair_digits(text)
    conf = sum(w.conf * len(w.text) for w in seg) / max(1, sum(len(w.text) for w in seg))
    bold = usual_ink > 0 and ink > BOLD_INK * usual_ink and _letters(seg) >= BOLD_LETTERS
    return PdfLine(text, seg[0].left * scale, seg[-1].right * scale, seg[0].baseline * scale,
                   size * scale, bold=bold, conf=conf, top=min(w.top for w in seg) * scale)


def _visual_rows(segments: list[_Segment]) -> list[_Segment]:
    """Segments top to bottom, those on one baseline (columns Tesseract put in separate
    blocks) next to each other, left to right: the order pypdfium2 gives a PDF's lines."""
    rows: list[list[_Segment]] = []
    for s in sorted(segments, key=lambda s: s.baseline):
        if rows and s.baseline - rows[-1][0].baseline < 0.3 * s.words[0].size:
            rows[-1].append(s)
        else:
            rows.append([s])
    return [s for row in rows for s in sorted(row, key=lambda s: s.words[0].left)]


def _is_speck(seg: list[Word]) -> bool:
    """A segment without a letter or digit (dust, a stamp's edge or a rule's remnant read
    as punctuation), or of doubtful words lower than any letter (a dot read as "l")."""
    return not any(c.isalnum() for w in seg for c in w.text) or all(
        w.conf < NOISE_CONFIDENCE and w.height < SPECK_HEIGHT * w.size for w in seg)


def _usual_size(words: list[Word]) -> float:
    return statistics.median(w.size for w in words)


def lines_to_tables(lines: list[list[Word]], ruled: list[Grid]) -> list[Grid]:
    """The page's tables: the ruled ones, then those found from the alignment of columns
    (extractor.readers.pdf.ocr_columns) outside them."""
    words = [w for line in lines for w in line]
    if not words:
        return ruled
    size = _usual_size(words)
    return ruled + lines_to_aligned_grids(lines, ruled, size, SEGMENT_GAP * size)


def lines_to_pdflines(lines: list[list[Word]], grids: list[Grid], scale: float) -> list[PdfLine]:
    """A page's recognized lines as line segments in reading order, in points (`scale` =
    72 / dpi): visual lines top to bottom; each table of `grids` (`lines_to_tables`) where
    its top line would come, cell by cell."""
    words = [w for line in lines for w in line]
    if not words:
        return []
    usual_size = _usual_size(words)
    usual_height = statistics.median(w.height for w in words if w.text[:1].isalnum()) \
        if any(w.text[:1].isalnum() for w in words) else usual_size
    # words of few letters are boxes of ascenders/accents only: their ink says little
    inks = [w.ink for w in words if len(w.text) >= 3]
    usual_ink = statistics.median(inks) if inks else 0.0
    segments: list[_Segment] = []
    for line in lines:
        for seg in _split(line, SEGMENT_GAP * usual_size, grids):
            if _is_speck(seg):
                continue
            cell = None
            for g, grid in enumerate(grids):
                where = grid.cell_of((seg[0].left + seg[0].right) / 2, seg[0].middle)
                if where is not None:
                    cell = (g, *where)
            segments.append(_Segment(seg, cell))
    # a ruled table's cells take the place of its first segment, row by row, left to right
    usual = (usual_size, usual_height)
    pdflines: list[PdfLine] = []
    placed: set[int] = set()
    for s in _visual_rows(segments):
        if s.cell is None:
            pdflines.append(_to_pdfline(s.words, scale, usual, usual_ink))
        elif s.cell[0] not in placed:
            placed.add(s.cell[0])
            pdflines.extend(_grid_to_pdflines(
                [t for t in segments if t.cell is not None and t.cell[0] == s.cell[0]],
                scale, usual, usual_ink))
    return pdflines


def _grid_to_pdflines(segments: list[_Segment], scale: float, usual: tuple[float, float],
                      usual_ink: float) -> list[PdfLine]:
    """A ruled table's cells, one line each (its lines joined as a paragraph's are), and the
    cells of one grid row on one baseline: the rules say which words share a cell and a row,
    which the layout rules could only guess from gaps and baselines (a cell's wrapped lines
    split by a speck's line, a number centred in a tall row taken for the next row)."""
    cells: dict[tuple[int, int, int], list[PdfLine]] = {}
    for s in sorted(segments, key=lambda t: (t.cell, t.baseline, t.words[0].left)):
        assert s.cell is not None
        cells.setdefault(s.cell, []).append(_to_pdfline(s.words, scale, usual, usual_ink))
    out: list[PdfLine] = []
    row_baseline: dict[tuple[int, int], float] = {}
    for (g, r, _), lines in cells.items():
        first = lines[0]
        merged = PdfLine(join_lines([ln.text for ln in lines]), min(ln.x0 for ln in lines),
                         max(ln.x1 for ln in lines), first.baseline, first.size,
                         bold=all(ln.bold for ln in lines), conf=_weighted_conf(lines),
                         top=min(ln.top if ln.top is not None else ln.baseline - ln.size for ln in lines))
        row_baseline[g, r] = min(row_baseline.get((g, r), merged.baseline), merged.baseline)
        out.append(merged)
    for (g, r, _), line in zip(cells, out):
        line.baseline = row_baseline[g, r]
    return out


def _weighted_conf(lines: list[PdfLine]) -> float:
    """The lines' confidence per character."""
    chars = sum(len(ln.text) for ln in lines)
    return sum((ln.conf or 0.0) * len(ln.text) for ln in lines) / max(1, chars)
