"""Unruled tables of a scan found from the column alignment of its word boxes.

Many typed reports draw their appendix tables without rules: the table is only text aligned
in columns. Lines that the recognizer cut into three or more segments at wide gaps (the
anchors), with the lines between them that fit inside one column band (a wrapped label),
make a table when the gaps line up from line to line. The columns are the x ranges covered
by the words of those lines, separated by gaps that most lines leave blank; a row is a
line with words in the first column (a numbered first column) or in most columns, and the
lines after it with words in only some of its columns are its wrapped cells. The result is
the same `Grid` a ruled table gives (extractor.readers.pdf.ocr_image), so one path turns
both into cells. Prose (one segment a line) and a two-column letterhead (two) never make
anchors; a lone line with three segments (a date left blank: "ngày   tháng   năm") is no
table either: two anchors at least are needed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from extractor.readers.pdf.ocr_image import Grid

if TYPE_CHECKING:  # ocr_words hands its words here
    from extractor.readers.pdf.ocr_words import Word

# Lines on baselines closer than this many type sizes are one visual line.
SAME_LINE = 0.3
# Segments a line needs to anchor a table, read with at least this mean confidence (the
# marks of a stamp over the signature block come out as low-confidence words far apart),
# and the columns and anchors a table needs.
ANCHOR_SEGMENTS = 3
CELL_CONFIDENCE = 0.6
MIN_COLUMNS = 3
MIN_ANCHORS = 2
# The next line of a table lies at most this many type sizes below the one before
# (rows have padding; the text after a table has a paragraph gap).
MAX_LINE_GAP = 2.6
# A column gap: at least this many type sizes wide, and crossed by at most this share of
# the table's lines (a header spanning two columns crosses one gap in one line).
COLUMN_GAP = 0.5
GAP_CROSSINGS = 0.2
# A wrapped cell's box may cross a column edge (the middle of a gap) by this many type
# sizes: blur and a speck beside a word widen its box; a centred title crosses by more.
EDGE_SLACK = 0.25
# A first column whose cells are mostly this short numbers the rows ("1", "II", "a)").
NUMBER_CELL = 4
# Margin around the table's words, in pixels.
PAD = 4


@dataclass
class _Line:
    words: list[Word]
    segments: list[tuple[int, int]]  # x extents of its segments
    read: int  # segments read with confidence: cells, not the marks of a stamp or a speck

    @property
    def anchor(self) -> bool:
        return self.read >= ANCHOR_SEGMENTS

    @property
    def baseline(self) -> float:
        return self.words[0].baseline

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)


def _visual_lines(words: list[Word], size: float, gap: float) -> list[_Line]:
    """Words on one baseline as one line (Tesseract cuts a table row into several lines),
    top to bottom, with the segments its wide gaps cut it into."""
    groups: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.baseline):
        if groups and w.baseline - groups[-1][0].baseline < SAME_LINE * size:
            groups[-1].append(w)
        else:
            groups.append([w])
    lines = []
    for group in groups:
        group.sort(key=lambda w: w.left)
        segments = [[group[0]]]
        for prev, w in zip(group, group[1:]):
            if w.left - prev.right > gap and w.bridged_from != prev.right:
                segments.append([w])
            else:
                segments[-1].append(w)
        read = sum(sum(w.conf for w in seg) / len(seg) >= CELL_CONFIDENCE and
                   any(c.isalnum() for w in seg for c in w.text) for seg in segments)
        lines.append(_Line(group, [(seg[0].left, max(w.right for w in seg)) for seg in segments],
                           read))
    return lines


def _column_edges(lines: list[_Line], size: float) -> list[float]:
    """The x of the column edges: the table's outer edges, and between two columns the
    middle of the widest least crossed stretch of a gap that most lines leave blank. Words, not
    segments, cover: a label and its unit may stand closer than the gap that cuts a line
    into segments, never as close as a word space."""
    left = min(w.left for ln in lines for w in ln.words)
    right = max(w.right for ln in lines for w in ln.words)
    covered = np.zeros(right - left + 1, dtype=np.int32)
    for ln in lines:
        hit = np.zeros_like(covered, dtype=bool)
        for w in ln.words:
            hit[w.left - left:w.right - left + 1] = True
        covered += hit
    blank = covered <= int(GAP_CROSSINGS * len(lines))
    if blank.all():
        return [float(left - PAD), float(right + PAD)]
    # the outer columns reach as far as words joined to them; a speck or a stray word
    # beyond a column gap, in few lines, is outside the table
    strong = np.flatnonzero(~blank)
    inked = np.flatnonzero(covered > 0)
    lo, hi = int(strong[0]), int(strong[-1])
    for x in inked[inked < lo][::-1]:
        if lo - x > COLUMN_GAP * size:
            break
        lo = int(x)
    for x in inked[inked > hi]:
        if x - hi > COLUMN_GAP * size:
            break
        hi = int(x)
    edges = [float(left + lo - PAD)]
    x, last = int(strong[0]), int(strong[-1])
    while x < last:
        if not blank[x]:
            x += 1
            continue
        end = x
        while blank[end]:  # ends at `last` at the latest, which is not blank
            end += 1
        if end - x >= COLUMN_GAP * size:
            gap = covered[x:end]
            least = np.flatnonzero(gap == gap.min())
            # the middle of the widest least crossed run: a word space in a header is narrow
            runs = np.split(least, np.flatnonzero(np.diff(least) > 1) + 1)
            run = max(runs, key=len)
            edges.append(left + x + (run[0] + run[-1]) / 2)
        x = end
    edges.append(float(left + hi + PAD))
    return edges


def _column_of(extent: tuple[int, int], edges: list[float]) -> int:
    middle = (extent[0] + extent[1]) / 2
    return min(max(int(np.searchsorted(edges, middle)) - 1, 0), len(edges) - 2)


def _fits_one_band(line: _Line, edges: list[float], size: float) -> bool:
    """Whether a line between anchors is a row with few cells or a wrapped cell: each
    segment lies within one column of the anchors (a centred title or a prose line crosses
    an edge between two). The outer columns are open outwards: a cell wider than those
    above it may stand there."""
    slack = EDGE_SLACK * size
    bounds = [-math.inf, *edges[1:-1], math.inf]
    return all(any(x0 - slack <= a and b <= x1 + slack for x0, x1 in zip(bounds, bounds[1:]))
               for a, b in line.segments)


def _regions(lines: list[_Line], size: float) -> list[list[_Line]]:
    """Runs of lines that may be a table: from an anchor, the lines below it that are
    anchors too, or fit inside the column bands of the anchors so far."""
    regions: list[list[_Line]] = []
    i = 0
    while i < len(lines):
        if not lines[i].anchor:
            i += 1
            continue
        region = [lines[i]]
        j = i + 1
        while j < len(lines) and lines[j].baseline - region[-1].baseline <= MAX_LINE_GAP * size:
            anchors = [ln for ln in region if ln.anchor]
            edges = _column_edges(anchors, size)
            if not lines[j].anchor and not _fits_one_band(lines[j], edges, size):
                break
            region.append(lines[j])
            j += 1
        # the wrapped lines after the last anchor belong to it; anything else ends the table
        while region and not region[-1].anchor and not _fits_one_band(
                region[-1], _column_edges([ln for ln in region if ln.anchor], size), size):
            region.pop()
        regions.append(region)
        i = j
    return [r for r in regions
            if sum(ln.anchor for ln in r) >= MIN_ANCHORS]


def _rows(lines: list[_Line], edges: list[float]) -> list[list[_Line]]:
    """Lines grouped into table rows: a line continues the row above when it has words in
    fewer than half of the columns that row's first line fills, all among them, and none in
    a numbered first column."""
    cols = [{_column_of(s, edges) for s in ln.segments} for ln in lines]
    firsts = [ln for ln, c in zip(lines, cols) if 0 in c]
    numbered = bool(firsts) and sum(
        len("".join(w.text for w in ln.words if _column_of((w.left, w.right), edges) == 0))
        <= NUMBER_CELL for ln in firsts) > len(firsts) / 2
    rows: list[list[_Line]] = []
    first_cols: set[int] = set()
    for ln, c in zip(lines, cols):
        wraps = rows and c < first_cols and 2 * len(c) <= len(first_cols) and \
            not (numbered and 0 in c)
        if wraps:
            rows[-1].append(ln)
        else:
            rows.append([ln])
            first_cols = c
    return rows


def lines_to_aligned_grids(lines: list[list[Word]], ruled: list[Grid], size: float,
                           gap: float) -> list[Grid]:
    """The unruled tables of a page as grids: the x between columns, the y between rows.
    Words inside a ruled table are left to it. `size`: the page's usual type size; `gap`:
    the width that cuts a line into segments, in pixels."""
    words = [w for line in lines for w in line
             if not any(g.cell_of((w.left + w.right) / 2, w.middle) for g in ruled)]
    if not words:
        return []
    grids = []
    for region in _regions(_visual_lines(words, size, gap), size):
        xs = _column_edges(region, size)
        if len(xs) - 1 < MIN_COLUMNS:
            continue
        rows = _rows(region, xs)
        ys = [rows[0][0].top - PAD] + [(above[-1].bottom + below[0].top) / 2
                                       for above, below in zip(rows, rows[1:])] + \
            [rows[-1][-1].bottom + PAD]
        grids.append(Grid(tuple(xs), tuple(float(y) for y in ys)))
    return grids
