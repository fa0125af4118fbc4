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

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from extractor.readers.pdf.ocr_image import Grid

if TYPE_CHECKING:  # ocr_words hands its words here
    from extractor.readers.pdf.ocr_words import Word

# Lines on baselines closer than this many type sizes are one visual line.
SAME_LINE = 0.3
# Segments a line needs to anchor a table, columns and anchors a table needs.
ANCHOR_SEGMENTS = 3
MIN_COLUMNS = 3
MIN_ANCHORS = 2
# The next line of a table lies at most this many type sizes below the one before
# (rows have padding; the text after a table has a paragraph gap).
MAX_LINE_GAP = 2.6
# A column gap: at least this many type sizes wide, and crossed by at most this share of
# the table's lines (a header spanning two columns crosses one gap in one line).
COLUMN_GAP = 0.5
GAP_CROSSINGS = 0.2
# A first column whose cells are mostly this short numbers the rows ("1", "II", "a)").
NUMBER_CELL = 4
# Margin around the table's words, in pixels.
PAD = 4


@dataclass
class _Line:
    words: list[Word]
    segments: list[tuple[int, int]]  # x extents of its segments

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
        segments = [[group[0].left, group[0].right]]
        for prev, w in zip(group, group[1:]):
            if w.left - prev.right > gap and w.bridged_from != prev.right:
                segments.append([w.left, w.right])
            else:
                segments[-1][1] = max(segments[-1][1], w.right)
        lines.append(_Line(group, [(a, b) for a, b in segments]))
    return lines


def _columns(lines: list[_Line], size: float) -> list[tuple[int, int]]:
    """The x ranges of the columns: covered by words, between gaps most lines leave blank."""
    left = min(a for ln in lines for a, _ in ln.segments)
    right = max(b for ln in lines for _, b in ln.segments)
    covered = np.zeros(right - left + 1, dtype=np.int32)
    for ln in lines:
        hit = np.zeros_like(covered, dtype=bool)
        for a, b in ln.segments:
            hit[a - left:b - left + 1] = True
        covered += hit
    blank = covered <= int(GAP_CROSSINGS * len(lines))
    columns: list[tuple[int, int]] = []
    start: int | None = None
    run = 0  # blank pixels since the last covered one
    for x, is_blank in enumerate(blank):
        if not is_blank:
            if start is None:
                start = x
            elif run >= COLUMN_GAP * size:
                columns.append((start + left, x - run - 1 + left))
                start = x
            run = 0
        else:
            run += 1
    if start is not None:
        columns.append((start + left, len(blank) - run - 1 + left))
    return columns


def _column_of(extent: tuple[int, int], columns: list[tuple[int, int]]) -> int:
    middle = (extent[0] + extent[1]) / 2
    return min(range(len(columns)), key=lambda c: 0 if columns[c][0] <= middle <= columns[c][1]
               else min(abs(columns[c][0] - middle), abs(columns[c][1] - middle)))


def _fits_one_band(line: _Line, bands: list[tuple[int, int]], size: float) -> bool:
    """Whether a line between anchors is a wrapped cell: each segment lies within one
    column band of the anchors (a centred title or a prose line crosses several)."""
    for a, b in line.segments:
        over = [(x0, x1) for x0, x1 in bands if min(b, x1) - max(a, x0) > 0]
        if len(over) != 1 or a < over[0][0] - size or b > over[0][1] + size:
            return False
    return True


def _regions(lines: list[_Line], size: float) -> list[list[_Line]]:
    """Runs of lines that may be a table: from an anchor, the lines below it that are
    anchors too, or fit inside the column bands of the anchors so far."""
    regions: list[list[_Line]] = []
    i = 0
    while i < len(lines):
        if len(lines[i].segments) < ANCHOR_SEGMENTS:
            i += 1
            continue
        region = [lines[i]]
        j = i + 1
        while j < len(lines) and lines[j].baseline - region[-1].baseline <= MAX_LINE_GAP * size:
            anchors = [ln for ln in region if len(ln.segments) >= ANCHOR_SEGMENTS]
            bands = _columns(anchors, size)
            if len(lines[j].segments) < ANCHOR_SEGMENTS and not _fits_one_band(lines[j], bands, size):
                break
            region.append(lines[j])
            j += 1
        # the wrapped lines after the last anchor belong to it; anything else ends the table
        while region and len(region[-1].segments) < ANCHOR_SEGMENTS and \
                not _fits_one_band(region[-1], _columns([ln for ln in region if len(
                    ln.segments) >= ANCHOR_SEGMENTS], size), size):
            region.pop()
        regions.append(region)
        i = j
    return [r for r in regions
            if sum(len(ln.segments) >= ANCHOR_SEGMENTS for ln in r) >= MIN_ANCHORS]


def _rows(lines: list[_Line], columns: list[tuple[int, int]]) -> list[list[_Line]]:
    """Lines grouped into table rows: a line continues the row above when it has words in
    fewer than half of the columns that row's first line fills, all among them, and none in
    a numbered first column."""
    cols = [{_column_of(s, columns) for s in ln.segments} for ln in lines]
    firsts = [ln for ln, c in zip(lines, cols) if 0 in c]
    numbered = bool(firsts) and sum(
        len("".join(w.text for w in ln.words if _column_of((w.left, w.right), columns) == 0))
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
        columns = _columns(region, size)
        if len(columns) < MIN_COLUMNS:
            continue
        rows = _rows(region, columns)
        xs = [columns[0][0] - PAD] + [(a[1] + b[0]) / 2 for a, b in zip(columns, columns[1:])] + \
            [columns[-1][1] + PAD]
        ys = [rows[0][0].top - PAD] + [(above[-1].bottom + below[0].top) / 2
                                       for above, below in zip(rows, rows[1:])] + \
            [rows[-1][-1].bottom + PAD]
        grids.append(Grid(tuple(float(x) for x in xs), tuple(float(y) for y in ys)))
    return grids
