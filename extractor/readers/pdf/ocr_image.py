"""Page images of scans made ready for the recognizer: ink found, skew measured and undone,
and the rules of ruled tables located (then wiped, so Tesseract does not read them as '|').

numpy and Pillow only (both already installed with pandas and pdfplumber); imported by the
OCR path alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

# Skew angles tried by the projection method, in degrees: an office scanner feeds pages a
# degree or two askew; more is a page placed by hand, which OSD does not fix either.
MAX_SKEW = 3.0
SKEW_STEP = 0.1
# Angles either side of the projection's best that the turned image decides between.
TIE_SPAN = 2
# A run of ink at least this long is a horizontal (vertical) rule, in inches: table columns
# are wider than an inch and a half, rows taller than a quarter inch, while letters of body
# type stay under a sixth of an inch.
RULE_MIN_WIDTH = 0.4
RULE_MIN_HEIGHT = 0.2
# A speck: at most this many dark pixels within SPECK_RADIUS of each of its pixels, and none
# further out up to SPECK_CLEAR (pixels at 200 dpi: a full stop of body type has 15-25 and
# lies within 3 pixels of its letter; a tone mark's dot has 10-16).
SPECK_PIXELS = 12
SPECK_RADIUS = 3
SPECK_CLEAR = 5
# Rules closer than this many pixels are one rule (a blurred 1 pt line is 2-4 px thick).
RULE_MERGE = 6


@dataclass(frozen=True)
class Rule:
    """A horizontal (`at` = y, span in x) or vertical (`at` = x, span in y) rule, in pixels."""

    at: float
    start: int
    end: int


@dataclass(frozen=True)
class Grid:
    """A ruled table: the x of its vertical rules and the y of its horizontal rules."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    def cell_of(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of the point, or None outside the table."""
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]):
            return None
        col = int(np.searchsorted(self.xs, x)) - 1
        row = int(np.searchsorted(self.ys, y)) - 1
        return max(row, 0), max(col, 0)


def gray_to_ink(gray: np.ndarray) -> np.ndarray:
    """Dark pixels, by Otsu's threshold (scans differ in paper tone and toner)."""
    from PIL import Image

    # Pillow counts the levels of a page several times faster than np.bincount on uint8
    hist = np.asarray(Image.fromarray(gray).histogram(), dtype=np.float64)
    total = hist.sum()
    levels = np.arange(256)
    weight0 = np.cumsum(hist)
    mean0 = np.cumsum(hist * levels)
    weight1 = total - weight0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean0[-1] * weight0 / total - mean0) ** 2 / (weight0 * weight1)
    if not total or np.isnan(between[:-1]).all():
        return gray < 128  # one tone only (a blank page): nothing to split
    threshold = int(np.nanargmax(between[:-1]))
    return gray <= min(threshold, 200)


def _projection_scores(ink: np.ndarray, angles: np.ndarray) -> np.ndarray:
    """How sharply the rows of ink stand apart once the page is turned by each angle
    (degrees, counter-clockwise): each ink pixel is sent to the row it would fall on, which
    takes a millisecond where turning the image takes several."""
    ys, xs = np.nonzero(ink)
    height = ink.shape[0]
    ys = ys - height / 2
    xs = xs - ink.shape[1] / 2
    scores = []
    for angle in angles:
        a = np.radians(angle)
        rows = np.rint(ys * np.cos(a) - xs * np.sin(a)).astype(np.int64) + height
        counts = np.bincount(rows, minlength=2 * height).astype(np.float64)
        scores.append(float(np.square(np.diff(counts)).sum()))
    return np.asarray(scores)


def _turned_score(small: Any, angle: float) -> float:
    """The same score on the image turned (nearest pixel), as the page will be."""
    from PIL import Image

    rows = np.asarray(small.rotate(angle, resample=Image.Resampling.NEAREST),
                      dtype=np.float64).sum(axis=1)
    return float(np.square(np.diff(rows)).sum())


def skew_angle(ink: np.ndarray) -> float:
    """The page's skew in degrees by the projection method: text lines are horizontal when
    the row sums of ink vary most. Measured on a reduced page: every angle by projecting the
    ink pixels, then the best and its neighbours, which often score within a thousandth of
    it, by turning the image."""
    from PIL import Image

    step = max(1, ink.shape[1] // 600)
    reduced = ink[::step, ::step]
    if not reduced.any():
        return 0.0
    angles = np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP)
    best = int(np.argmax(_projection_scores(reduced, angles)))
    near = angles[max(0, best - TIE_SPAN):best + TIE_SPAN + 1]
    small = Image.fromarray((reduced * 255).astype(np.uint8))
    return round(float(max(near, key=lambda a: _turned_score(small, float(a)))), 2)


def _has_run(ink: np.ndarray, min_len: int) -> np.ndarray:
    """Rows holding a run of ink at least `min_len` long: the ink eroded along the row by
    doubling shifts, a few whole-page operations where most rows (text) hold no such run."""
    run, span = ink, 1
    while span < min_len and run.shape[1]:
        step = min(span, min_len - span)
        run = run[:, :-step] & run[:, step:]  # run[j]: ink from j to j + span + step - 1
        span += step
    return np.asarray(run.any(axis=1))


def _runs(ink: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of horizontal runs of ink at least `min_len` long."""
    rows = np.flatnonzero(_has_run(ink, min_len))
    if not len(rows):
        return []
    padded = np.zeros((len(rows), ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink[rows]
    diff = np.diff(padded, axis=1)
    starts = np.argwhere(diff == 1)
    ends = np.argwhere(diff == -1)
    long = (ends[:, 1] - starts[:, 1]) >= min_len
    return [(int(rows[r]), int(s), int(e)) for (r, s), (_, e) in zip(starts[long], ends[long])]


def _merge(runs: list[tuple[int, int, int]]) -> list[Rule]:
    """Runs on neighbouring rows that overlap are one (thick or slightly slanted) rule."""
    rules: list[list[float]] = []  # [first row, last row, start, end]
    for row, start, end in sorted(runs):
        joined = next((rule for rule in reversed(rules) if row - rule[1] <= RULE_MERGE
                       and min(end, rule[3]) - max(start, rule[2]) > 0), None)
        if joined is None:
            rules.append([row, row, start, end])
        else:
            joined[1], joined[2], joined[3] = row, min(start, joined[2]), max(end, joined[3])
    return [Rule((a + b) / 2, int(s), int(e)) for a, b, s, e in rules]


def ink_to_rules(ink: np.ndarray, dpi: int) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical rules of the page. Ink is thickened by a pixel across the
    rule first, so a rule a scan left a little slanted is still one long run."""
    thick_h = ink.copy()
    thick_h[1:] |= ink[:-1]
    thick_v = ink.copy()
    thick_v[:, 1:] |= ink[:, :-1]
    horizontal = _merge(_runs(thick_h, int(RULE_MIN_WIDTH * dpi)))
    vertical = _merge(_runs(thick_v.T, int(RULE_MIN_HEIGHT * dpi)))
    return horizontal, vertical


def _cluster(values: list[float]) -> tuple[float, ...]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= 2 * RULE_MERGE:
            out[-1].append(v)
        else:
            out.append([v])
    return tuple(float(np.mean(group)) for group in out)


def rules_to_grids(horizontal: list[Rule], vertical: list[Rule]) -> list[Grid]:
    """Ruled tables: groups of horizontal and vertical rules that cross each other, with at
    least two of each (a lone underline or a signature line is no table)."""
    slack = 2 * RULE_MERGE

    def crosses(h: Rule, v: Rule) -> bool:
        return h.start - slack <= v.at <= h.end + slack and v.start - slack <= h.at <= v.end + slack

    # union-find over the rules, joined where they cross
    parent = list(range(len(horizontal) + len(vertical)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if crosses(h, v):
                parent[root(i)] = root(len(horizontal) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(root(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(root(len(horizontal) + j), ([], []))[1].append(v)
    grids = []
    for hs, vs in groups.values():
        xs, ys = _cluster([v.at for v in vs]), _cluster([h.at for h in hs])
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append(Grid(xs, ys))
    return sorted(grids, key=lambda g: g.ys[0])


def wipe_rules(gray: np.ndarray, horizontal: list[Rule], vertical: list[Rule]) -> np.ndarray:
    """The page with its rules painted white (a rule read as '|' or '_' would join a cell)."""
    out = gray.copy()
    pad = RULE_MERGE // 2 + 1
    for r in horizontal:
        out[max(0, int(r.at) - pad):int(r.at) + pad + 1, r.start:r.end] = 255
    for r in vertical:
        out[r.start:r.end, max(0, int(r.at) - pad):int(r.at) + pad + 1] = 255
    return out


def _box_counts(ink_image: Any, radius: int) -> np.ndarray:
    """Dark pixels in the (2 radius + 1)-square around each pixel: Pillow's box blur of the
    ink (0 or 255) is their share, several times faster than an integral image in numpy."""
    from PIL import ImageFilter

    mean = np.asarray(ink_image.filter(ImageFilter.BoxBlur(radius)), dtype=np.float32)
    return mean * ((2 * radius + 1) ** 2 / 255.0)


def wipe_specks(gray: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """The page without specks of dust and toner: blots of a few pixels with white all around
    them. Tesseract reads a speck in a word gap as a dot or a quote glued to a word ("tiêu
    .chí", "vị. tính"). A full stop or a tone mark is larger, and lies close to its letter."""
    from PIL import Image

    ink_image = Image.fromarray(ink.astype(np.uint8) * 255)
    near = _box_counts(ink_image, SPECK_RADIUS)
    around = _box_counts(ink_image, SPECK_CLEAR)
    speck = ink & (near < SPECK_PIXELS + 0.5) & (around - near < 0.5)
    if not speck.any():
        return gray
    out = gray.copy()
    out[speck] = 255
    return out


def rotate(gray: Any, angle: float) -> Any:
    """`gray` (a Pillow image) turned by `angle` degrees counter-clockwise on white."""
    from PIL import Image

    if not angle:
        return gray
    expand = abs(angle) % 90 == 0
    return gray.rotate(angle, resample=Image.Resampling.BILINEAR, expand=expand, fillcolor=255)
