"""Second looks at what the page pass read badly: ruled-table cells that hold ink but no
word, cells and words read with low confidence.

Page segmentation now and then skips a short item alone in a cell ("2084") or reads a blurred
one as noise ('20,9"', "tế" for "17"). Such boxes are cut out, stacked on one strip with white
between them, and read in one more Tesseract call (sparse text: a lone number comes out
better than as part of a block). A new reading replaces the old one only when the recognizer
is surer of it, and then as its own words and boxes: nothing is edited, a word is read again.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from extractor.readers.pdf.ocr_words import WORD_WIDTH, Word, hocr_to_lines

# Dark pixels a ruled-table cell must hold to be read again when nothing was found in it
# (a digit at 200 dpi has several hundred; specks of dust a few dozen).
MISSED_CELL_INK = 150
# A cell holding a word, or a word outside tables, read with less confidence than this is
# read again; clean print reads at 0.9 and above.
LOW_CONFIDENCE = 0.6
# A table cell is short: one doubtful word in it is most of what it says (a status "Đat", a
# figure "182" for "16,2"), so cells are read again below a higher confidence.
LOW_CELL_CONFIDENCE = 0.8
# A new reading must beat the old one's confidence by this much to replace it.
BETTER_BY = 0.1
# Boxes read again per page at most: a page of noise must not cost a minute.
MAX_BOXES = 60
# White around each box on the strip, and margin kept around a word's box, in pixels.
GAP = 40
PAD = 4
WORD_MARGIN = 6
# A word's band around its line's baseline, in type sizes: accents above, descenders below.
LINE_ABOVE = 1.15
LINE_BELOW = 0.4


@dataclass
class _Box:
    left: int
    top: int
    right: int
    bottom: int
    old: list[Word]  # the words it replaces (none for a missed cell)
    line: list[Word] | None = None  # the line a single re-read word sits in


def _mean_conf(words: list[Word]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


def _boxes(lines: list[list[Word]], grids: list[Any], ink: Any, width: int, height: int
           ) -> list[_Box]:
    in_cell: dict[tuple[int, int, int], list[Word]] = {}
    loose: list[tuple[Word, list[Word]]] = []
    for line in lines:
        for w in line:
            cell = next(((g, *where) for g, grid in enumerate(grids)
                         if (where := grid.cell_of((w.left + w.right) / 2, w.middle)) is not None),
                        None)
            if cell is None:
                loose.append((w, line))
            else:
                in_cell.setdefault(cell, []).append(w)
    boxes: list[_Box] = []
    for g, grid in enumerate(grids):
        for r, (y0, y1) in enumerate(zip(grid.ys, grid.ys[1:])):
            for c, (x0, x1) in enumerate(zip(grid.xs, grid.xs[1:])):
                box = (int(x0) + PAD, int(y0) + PAD, int(x1) - PAD, int(y1) - PAD)
                if box[2] <= box[0] or box[3] <= box[1]:
                    continue
                words = in_cell.get((g, r, c), [])
                if words and min(w.conf for w in words) < LOW_CELL_CONFIDENCE or not words and \
                        int(ink[box[1]:box[3], box[0]:box[2]].sum()) >= MISSED_CELL_INK:
                    boxes.append(_Box(*box, words))
    for w, line in loose:
        # a word-wide box read as punctuation is a word misread ("“." for "cho"), not a speck
        wide = w.right - w.left >= WORD_WIDTH * w.size
        if w.conf < LOW_CONFIDENCE and (wide or any(ch.isalnum() for ch in w.text)):
            m = WORD_MARGIN
            # a misread word's box often runs into the line below; its line's band does not
            top = max(w.top, int(w.baseline - LINE_ABOVE * w.size))
            bottom = min(w.bottom, int(w.baseline + LINE_BELOW * w.size))
            if bottom - top < w.size / 2:  # the band misses the box: keep the box
                top, bottom = w.top, w.bottom
            boxes.append(_Box(max(0, w.left - m), max(0, top - m), min(width, w.right + m),
                              min(height, bottom + m), [w], line))
    return boxes[:MAX_BOXES]


def reread_low_confidence(lines: list[list[Word]], grids: list[Any], image: Any,
                          read: Callable[[Any], str]) -> list[list[Word]]:
    """`lines` with missed cells added and doubtful cells and words replaced by a second
    reading where it is surer. `read(strip)` returns the hOCR of a sparse-text reading."""
    import numpy as np
    from PIL import Image, ImageFilter

    from extractor.readers.pdf.ocr_image import gray_to_ink

    ink = gray_to_ink(np.asarray(image))  # of the page with its rules wiped
    boxes = _boxes(lines, grids, ink, image.width, image.height)
    if not boxes:
        return lines
    strip = Image.new("L", (max(b.right - b.left for b in boxes) + 2 * GAP,
                            sum(b.bottom - b.top + GAP for b in boxes) + GAP), 255)
    offsets = []
    y = GAP
    for b in boxes:
        strip.paste(image.crop((b.left, b.top, b.right, b.bottom)), (GAP, y))
        offsets.append(y)
        y += b.bottom - b.top + GAP
    try:
        # specks next to a lone item are what made the page pass fail on it; a median filter
        # removes them (it thins tone marks too, which the confidence test below weighs)
        found = hocr_to_lines(read(strip.filter(ImageFilter.MedianFilter(3))))
    except Exception:  # a failed second look leaves the first reading
        return lines
    new: dict[int, list[list[Word]]] = {}
    for line in found:
        k = next((i for i in range(len(boxes) - 1, -1, -1) if offsets[i] <= line[0].middle), 0)
        dx, dy = boxes[k].left - GAP, boxes[k].top - offsets[k]
        for w in line:
            w.left, w.right, w.top, w.bottom = w.left + dx, w.right + dx, w.top + dy, w.bottom + dy
            w.baseline += dy
        new.setdefault(k, []).append(line)
    return _apply(lines, boxes, new)


def _apply(lines: list[list[Word]], boxes: list[_Box], new: dict[int, list[list[Word]]]
           ) -> list[list[Word]]:
    dropped: set[int] = set()
    added: list[list[Word]] = []
    inserted: dict[int, list[Word]] = {}  # id(old word) -> the words read in its place
    for k, b in enumerate(boxes):
        read = new.get(k, [])
        words = [w for line in read for w in line]
        if not any(ch.isalnum() for w in words for ch in w.text):
            continue
        if b.old and _mean_conf(words) < _mean_conf(b.old) + BETTER_BY:
            continue
        if b.line is not None and len(words) != 1:
            continue  # a word read again as two: a speck beside it became a word
        dropped.update(id(w) for w in b.old)
        if b.line is not None:
            # a word of a prose line: its replacement keeps the line's baseline and size
            old = b.old[0]
            for w in words:
                w.baseline, w.size = old.baseline, old.size
            inserted[id(old)] = words
        else:
            added.extend(read)
    out = []
    for line in lines:
        kept = [x for w in line for x in (inserted.get(id(w), []) if id(w) in dropped else [w])]
        if kept:
            out.append(kept)
    return out + added
