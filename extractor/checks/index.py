"""The report index the rules share: every figure placed in the outline (block, normalized
offsets, sentence), and the comparisons of amounts the rules agree on."""
from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import Any, NamedTuple

from extractor.checks.data import config
from extractor.checks.scope import Scope, blank_figures, scope_at, scope_in, scope_in_section
from extractor.core.model import Evidence, Figure, Location, Record
from extractor.structure.outline import Outline, text_to_sentences


class Placed(NamedTuple):
    """A figure with its place in the outline: block position, normalized offsets, sentence."""

    figure: Figure
    pos: int
    start: int
    end: int
    sentence: int


class Report:
    """A plain class (a dataclass costs ~0.4 ms of every start to create; a report is never
    compared or copied)."""

    def __init__(self, record: Record, outline: Outline, placed: list[Placed],
                 sentences: dict[int, Sequence[tuple[int, int]]]) -> None:
        self.record = record
        self.outline = outline
        self.placed = placed
        self.sentences = sentences  # block position -> sentence spans, for blocks with figures
        # what several rules read from the report, built by the first that asks (the tables,
        # the blanked text of a block)
        self.memo: dict[Any, Any] = {}

    def text(self, pos: int) -> str:
        return self.outline.blocks[pos].text

    def in_block(self, pos: int) -> list[Placed]:
        if not hasattr(self, "_by_pos"):
            self._by_pos: dict[int, list[Placed]] = {}
            for p in self.placed:
                self._by_pos.setdefault(p.pos, []).append(p)
        return self._by_pos.get(pos, [])

    def figures_by_block(self) -> list[tuple[int, list[Placed]]]:
        """The blocks that hold figures, in the report's order, each with its figures."""
        return [(pos, self.in_block(pos)) for pos in dict.fromkeys(p.pos for p in self.placed)]

    def starts_in_block(self, pos: int) -> list[int]:
        """The starts of `in_block(pos)`, in order, for binary searches by offset."""
        if not hasattr(self, "_starts_of"):
            self._starts_of: dict[int, list[int]] = {}
        if pos not in self._starts_of:
            self._starts_of[pos] = [p.start for p in self.in_block(pos)]
        return self._starts_of[pos]

    def figures_over(self, loc: Location) -> list[Figure]:
        """The figures whose original span overlaps `loc`, in the order of `placed`: a binary
        search in the figures of its block, which are never longer than the longest of them."""
        if not hasattr(self, "_by_block"):
            by_block: dict[int, list[tuple[int, int, Figure]]] = {}
            for i, p in enumerate(self.placed):
                if p.figure.location is not None:
                    by_block.setdefault(p.figure.location.block, []).append((p.figure.location.start, i, p.figure))
            self._by_block = {b: sorted(v, key=lambda t: t[0]) for b, v in by_block.items()}
            self._block_starts = {b: [t[0] for t in v] for b, v in self._by_block.items()}
            self._longest = {b: max(f.location.end - s for s, _, f in v) for b, v in self._by_block.items()}
        rows = self._by_block.get(loc.block, [])
        if not rows:
            return []
        found: list[tuple[int, Figure]] = []
        floor = loc.start - self._longest[loc.block]
        for k in range(bisect.bisect_left(self._block_starts[loc.block], loc.end) - 1, -1, -1):
            start, i, f = rows[k]
            if start <= floor:
                break
            if loc.start < f.location.end:
                found.append((i, f))
        return [f for _, f in sorted(found, key=lambda t: t[0])]

    def place(self, loc: Location | None) -> tuple[int, int, int] | None:
        """(block position, normalized start, end) of a location in the outline."""
        if loc is None:
            return None
        if not hasattr(self, "_pos_of"):
            self._pos_of = {ob.block.index: i for i, ob in enumerate(self.outline.blocks)}
        pos = self._pos_of.get(loc.block)
        if pos is None:
            return None
        start, end = normalized_span(self.outline, pos, loc.start, loc.end)
        return pos, start, end

    def scope(self, pos: int, start: int, end: int) -> Scope:
        """The scope (checks/scope.py) of the text at `start:end` of block `pos`, the block's
        figures blanked out so that their values are not read as years. The block blanked of
        all its figures is made once (a long line with thousands of figures asks for the scope
        of each); a span that a figure straddles gets its own blanking, without that figure."""
        own = self.in_block(pos)
        starts = self.starts_in_block(pos)
        k = bisect.bisect_left(starts, start)
        straddled = (k > 0 and own[k - 1].end > start) or any(
            own[j].end > end for j in range(k, bisect.bisect_left(starts, end)))
        if straddled:
            blank = [(p.start, p.end) for p in own if p.end <= start or p.start >= end]
            scope = scope_at(self.text(pos), start, end, blank)
        else:
            blanked = self.memo.get(("blanked", pos))
            if blanked is None:
                blanked = self.memo[("blanked", pos)] = blank_figures(self.text(pos), [(p.start, p.end) for p in own])
            scope = scope_in(self.text(pos), blanked, start, end)
        return scope_in_section(scope, self.outline.blocks[pos].headings)

    def figure_scope(self, p: Placed) -> Scope:
        return self.scope(p.pos, p.start, p.end)

    def sentence_span(self, p: Placed) -> tuple[int, int]:
        return self.sentences[p.pos][p.sentence]

    def evidence(self, pos: int, start: int, end: int) -> Evidence:
        loc = self.outline.location(pos, start, end)
        original = self.outline.blocks[pos].block.text
        return Evidence(text=original[loc.start:loc.end], location=loc)


def sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> int:
    """The sentence holding `offset` (the last one for an offset past them): the spans are
    ordered and apart, so a binary search (one figure after another on a long line)."""
    i = bisect.bisect_right(spans, (offset, math.inf)) - 1
    return i if i >= 0 and spans[i][0] <= offset < spans[i][1] else len(spans) - 1


def normalized_span(outline: Outline, pos: int, start: int, end: int) -> tuple[int, int]:
    """Original offsets of block `pos` turned into offsets of its normalized text."""
    norm = outline.blocks[pos].norm
    n = len(norm.text)
    s = min(bisect.bisect_left(norm.offsets, start), n)
    return s, min(max(bisect.bisect_left(norm.offsets, end), s), n)


def outline_to_placed(outline: Outline, figures: list[Figure]
                      ) -> tuple[list[Placed], dict[int, Sequence[tuple[int, int]]]]:
    """Place every figure in the outline (figures whose block is unknown are left out)."""
    pos_of = {ob.block.index: i for i, ob in enumerate(outline.blocks)}
    # the sentences of the blocks that hold a figure: the only ones a rule asks for
    sentences: dict[int, Sequence[tuple[int, int]]] = {}
    placed: list[Placed] = []
    for f in figures:
        pos = pos_of.get(f.location.block) if f.location else None
        if pos is None:
            continue
        spans = sentences.get(pos)
        if spans is None:
            spans = sentences[pos] = text_to_sentences(outline.blocks[pos].text)
        start, end = normalized_span(outline, pos, f.location.start, f.location.end)
        placed.append(Placed(f, pos, start, end, sentence_of(spans, start)))
    placed.sort(key=lambda p: (p.pos, p.start))
    return placed, sentences


def record_to_report(record: Record, outline: Outline) -> Report:
    placed, sentences = outline_to_placed(outline, record.figures)
    return Report(record, outline, placed, sentences)


# ---------------------------------------------------------------------------- comparing amounts


def decimals(x: float) -> int:
    """Decimal places a written value shows (57.24 -> 2, 96.0 -> 0), at most 6."""
    for d in range(7):
        if abs(round(x, d) - x) < 1e-9 * max(1.0, abs(x)):
            return d
    return 6


def close(a: float, b: float, rel: float = 1e-9) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


def same_amount(a: Figure, b: Figure) -> bool:
    if not close(a.value, b.value):
        return False
    if (a.total is None) != (b.total is None):
        return False
    return a.total is None or b.total is None or close(a.total, b.total)


def place_step(x: float) -> float:
    """The last significant place a written value shows: 3600 -> 100, 3950 -> 10, 2.5 -> 0.1."""
    if x and abs(x - round(x)) < 1e-9:
        n, step = abs(round(x)), 1.0
        while n % 10 == 0:
            n //= 10
            step *= 10
        return step
    return float(10 ** -decimals(x))


def value_range(f: Figure) -> tuple[float, float]:
    """What a figure allows, its qualifier read (patterns/checks.yaml `conflict.qualifier_steps`)."""
    steps = config()["conflict"]["qualifier_steps"].get((f.qualifier or "").casefold())
    if steps is None:
        return f.value, f.value
    step = place_step(f.value)
    low, high = steps
    return (-math.inf if low is None else f.value + low * step,
            math.inf if high is None else f.value + high * step)


def agree(a: Figure, b: Figure) -> bool:
    """Two statements of one amount that can both be true: the same value and total, or,
    when qualified ("trên 3.600"), ranges that overlap."""
    if same_amount(a, b):
        return True
    if (a.total is None) != (b.total is None) or (a.total is not None and b.total is not None
                                                  and not close(a.total, b.total)):
        return False
    (lo_a, hi_a), (lo_b, hi_b) = value_range(a), value_range(b)
    return lo_a <= hi_b + 1e-9 and lo_b <= hi_a + 1e-9


def same_kind(a: Figure, b: Figure) -> bool:
    """Two amounts of one kind: the same unit (and per-unit), the same noun for counts,
    whatever their indicators (a whole and its part have different ones: "canal_total_km",
    "canal_solidified_km")."""
    return a.unit == b.unit and a.per == b.per and (
        a.unit != "count" or (a.noun or "").casefold() == (b.noun or "").casefold())


def comparable(a: Figure, b: Figure) -> bool:
    """Two figures that may measure the same thing: of one kind (`same_kind`), and the same
    indicator when both have one."""
    return same_kind(a, b) and not (a.indicator and b.indicator and a.indicator != b.indicator)
