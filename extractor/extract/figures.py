"""Figures: every quantity in a report as a number with a unit, what it measures and where.

The stage runs per block of the outline:
1. `text_to_masks` marks spans that hold numbers which are not figures (dates, years,
   document numbers, criterion and section numbers, codes, campaign names), from
   patterns/non_figures.yaml.
2. `text_to_quantities` reads each remaining digit token (extractor.numbers) with what follows
   it: a ratio "/12,6", a multiplier "triệu", a unit (extractor.units), a per-unit "/năm", or a
   counted noun; spelled-out numbers count only before a unit. A number that measures nothing
   (no unit, no noun) is not a figure.
3. Labels (extractor.labels) and canonical indicators (extractor.indicators) are attached,
   and table cells take their unit from the row's "Đơn vị tính" column.
Malformed and ambiguous number tokens become flags here, where the grammar knows about them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extractor.core import i18n
from extractor.core.data import load_pattern
from extractor.core.model import BlockKind, Evidence, Figure, Flag
from extractor.core.settings import Settings
from extractor.extract.indicators import figure_to_indicator
from extractor.extract.labels import figure_to_label, is_linked
from extractor.structure.outline import Outline, OutlineBlock
from extractor.structure.tables import TableGrid, outline_to_tables
from extractor.text.numbers import (
    DIGIT_TOKEN,
    Convention,
    number_words,
    texts_to_convention,
    token_to_number,
    words_to_number,
)
from extractor.text.units import multiplier_at, per_unit_at, unit_at


@dataclass(frozen=True)
class Quantity:
    """A figure found in one text, offsets in that (normalized) text."""

    start: int
    end: int
    value: float
    unit: str
    rule: str
    total: float | None = None
    noun: str | None = None
    qualifier: str | None = None
    per: str | None = None
    malformed: bool = False
    ambiguous: bool = False
    number_span: tuple[int, int] = (0, 0)


# --- vocabularies compiled once --------------------------------------------------------------

@lru_cache(maxsize=1)
def _mask_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rules = []
    for r in load_pattern("non_figures")["rules"]:
        flags = (0 if r.get("case_sensitive") else re.IGNORECASE) | re.MULTILINE
        regexes = r["regex"] if isinstance(r["regex"], list) else [r["regex"]]
        rules.extend((r["name"], re.compile(rx, flags)) for rx in regexes)
    return tuple(rules)


@lru_cache(maxsize=1)
def _qualifier_regex() -> re.Pattern[str]:
    words = sorted((q["word"] for q in load_pattern("numbers")["qualifiers"]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?P<q>" + "|".join(map(re.escape, words)) + r")\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _noun_vocab() -> tuple[frozenset[str], frozenset[str]]:
    data = load_pattern("numbers")
    return frozenset(data["not_nouns"]), frozenset(data["duration_nouns"])


@lru_cache(maxsize=1)
def _money_cue_regex() -> re.Pattern[str]:
    cues = load_pattern("units")["bare_money_cues"]
    return re.compile("|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)), re.IGNORECASE)


@lru_cache(maxsize=1)
def _spelled_run_regex() -> re.Pattern[str]:
    words = sorted(number_words().all_words, key=len, reverse=True)
    alt = "|".join(map(re.escape, words))
    return re.compile(rf"(?<!\w)(?:{alt})(?:[ ]+(?:{alt}))*(?!\w)", re.IGNORECASE)


_WORD = re.compile(r"[ ]{1,2}([^\W\d_]+)")
_SPACE_GROUPS = re.compile(r"(?: \d{3})+(?![\d.,])")
_RATIO_SLASH = re.compile(r"[ ]?/[ ]?")
_CLAUSE_END = re.compile(r"[;:\n]|\.(\s|$)")


@lru_cache(maxsize=1)
def _restatement_cue_regex() -> re.Pattern[str]:
    cues = load_pattern("numbers")["restatement_cues"]
    return re.compile("|".join(re.escape(c) for c in cues), re.IGNORECASE)


@lru_cache(maxsize=1)
def _whole_units() -> frozenset[str]:
    return frozenset(load_pattern("units")["whole_units"])


@lru_cache(maxsize=1)
def _lone_spelled_skip() -> frozenset[str]:
    return frozenset(load_pattern("numbers")["lone_spelled_skip"])


# --- stage 1: masks ----------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")
# Masks are searched only near numbers: the longest cue ("chương trình hành động số") and
# the longest masked tail fit in this many characters either side.
_MASK_REACH = 64


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        lo, hi = max(0, start - _MASK_REACH), min(len(text), end + _MASK_REACH)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def text_to_masks(text: str) -> list[tuple[int, int, str]]:
    """Spans of numbers that are not figures. Only the text around digits is searched (a mask
    without a digit, "hạng III", masks nothing a digit figure could use)."""
    return _masks_over(text, [m.span() for m in _DIGITS.finditer(text)])


def _masks_over(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The non-figure masks found near the given spans (merged windows of _MASK_REACH)."""
    found = []
    for lo, hi in _windows(text, spans):
        for name, regex in _mask_rules():
            found.extend((m.start(), m.end(), name) for m in regex.finditer(text, lo, hi) if m.end() > m.start())
    return found


class _MaskIndex:
    """The masks of one text, sorted by start with the running maximum of their ends, so
    "is [start, end) inside a mask" is one binary search instead of a scan of every mask."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        ordered = sorted((s, e) for s, e, _ in spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []
        for _, e in ordered:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def covers(self, start: int, end: int) -> bool:
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end


# --- stage 2: quantities -----------------------------------------------------------------------

def _qualifier_before(text: str, start: int) -> str | None:
    m = _qualifier_regex().search(text, max(0, start - 20), start)
    return m.group("q").lower() if m else None


def _counted_noun(text: str, pos: int) -> tuple[str, int] | None:
    """The noun phrase a bare number counts ("05 cầu dân sinh" -> "cầu dân sinh")."""
    not_nouns, durations = _noun_vocab()
    words: list[str] = []
    end = pos
    while len(words) < 4:
        m = _WORD.match(text, end)
        if m is None:
            break
        w = m.group(1)
        if not words:
            if w.lower() not in durations and (not w[0].islower() or w.lower() in not_nouns):
                return None
        elif w.lower() in not_nouns or w.lower() in durations:
            break
        words.append(w)
        end = m.end()
        if len(words) == 1 and w.lower() in durations:
            break  # "10 năm xây dựng" counts years, nothing more
    if not words:
        return None
    return " ".join(words), end


def _scaled_unit_at(text: str, pos: int) -> tuple[str, float, str | None, int] | None:
    """(unit, scale, noun, end) for a unit at pos, with a multiplier before a non-money unit
    ("2,5 triệu mét vuông") folded into the scale."""
    mult = multiplier_at(text, pos)
    if mult is not None:
        after = unit_at(text, mult[1])
        if after is not None and after.unit != "VND":
            return after.unit, mult[0] * after.scale, after.noun, after.end
    u = unit_at(text, pos)
    if u is None:
        return None
    return u.unit, u.scale, u.noun, u.end


def _dangling_separator(text: str, pos: int) -> bool:
    """"343. triệu": a separator, a space and a lowercase unit or multiplier."""
    if pos + 2 >= len(text) or text[pos] not in ".," or text[pos + 1] != " ":
        return False
    nxt = text[pos + 2]
    return nxt.islower() and (unit_at(text, pos + 2) is not None or multiplier_at(text, pos + 2) is not None)


def text_to_quantities(text: str, convention: Convention) -> list[Quantity]:
    masks = _MaskIndex(text_to_masks(text))
    found: list[Quantity] = []
    consumed = 0
    for m in DIGIT_TOKEN.finditer(text):
        start, end = m.span()
        if start < consumed or masks.covers(start, end):
            continue
        if start > 0 and (text[start - 1].isalpha() or text[start - 1] == "_"):
            continue  # part of a code or a name
        if start > 1 and text[start - 1] == "/" and not text[start - 2].islower():
            continue  # part of a document number or a date; "7.854 người/1.986 hộ" is two figures
        token = m.group()
        groups = _SPACE_GROUPS.match(text, end) if token.isdigit() and len(token) <= 3 else None
        if groups and _scaled_unit_at(text, groups.end()) is not None:
            # "1 326 600 đồng": thousands grouped with spaces, read as one number before a unit
            token, end = token + groups.group().replace(" ", ""), groups.end()
        q = _digit_quantity(text, token, start, end, convention)
        if q is not None:
            found.append(q)
            consumed = q.end
    found.extend(_spelled_quantities(text, found))
    found.sort(key=lambda q: q.start)
    return _drop_restatements(text, found)


_RESTATEMENT_GAP = re.compile(r"^[\s(,:;-]*$")


def _drop_restatements(text: str, found: list[Quantity]) -> list[Quantity]:
    """"150.000.000 đồng (Một trăm năm mươi triệu đồng)": the amount in words repeats the
    figure before it and is not a figure of its own."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (q.rule == "spelled_number" and prev is not None and prev.unit == q.unit
                and abs(prev.value - q.value) < 1e-6 * max(1.0, abs(q.value))
                and _RESTATEMENT_GAP.match(_mask_gap(text, prev.end, q.start))):
            continue
        out.append(q)
    return out


def _mask_gap(text: str, end: int, start: int) -> str:
    """The text between two figures with the words that announce a restatement removed."""
    return _restatement_cue_regex().sub(" ", text[end:start])


def _digit_quantity(text: str, token: str, start: int, end: int, convention: Convention) -> Quantity | None:
    num = token_to_number(token, convention)
    malformed = num.malformed
    pos = end
    if _dangling_separator(text, pos):
        malformed, pos = True, pos + 1
    total = None
    slash = _RATIO_SLASH.match(text, pos)
    if slash:
        second = DIGIT_TOKEN.match(text, slash.end())
        if second and not (second.end() < len(text) and text[second.end()] in "/-"):
            total = token_to_number(second.group(), convention).value
            pos = second.end()
    unit = _scaled_unit_at(text, pos)
    if unit is not None and total is None:
        # "8,5 km/15 km": the same unit on both sides of the slash
        slash = _RATIO_SLASH.match(text, unit[3])
        second = DIGIT_TOKEN.match(text, slash.end()) if slash else None
        if second:
            other = _scaled_unit_at(text, second.end())
            if other is not None and other[0] == unit[0]:
                total = token_to_number(second.group(), convention).value * other[1] / unit[1]
                unit = (unit[0], unit[1], unit[2], other[3])
    qualifier = _qualifier_before(text, start)
    rule = "number_unit"
    if unit is not None:
        unit_name, scale, noun, pos = unit
    else:
        counted = None if total is None and _bare_is_not_counted(text, pos) else _counted_noun(text, pos)
        if counted is not None:
            unit_name, scale, noun, pos = "count", 1.0, counted[0], counted[1]
            rule = "number_noun"
        elif total is None and num.value >= 10000 and _money_cue_regex().search(_clause_before(text, start)):
            unit_name, scale, noun = "VND", 1.0, None
            rule = "bare_money"
        else:
            return None
    if num.ambiguous and unit_name in _whole_units() and not num.value.is_integer():
        # "2,500 hộ": households come whole, so the separator groups thousands here
        num = token_to_number(token, convention.swapped())
    per = per_unit_at(text, pos)
    if per is not None:
        per_name, pos = per
    else:
        per_name = None
    if total is not None:
        rule = "ratio"
    return Quantity(start=start, end=pos, value=num.value * scale, unit=unit_name, rule=rule,
                    total=None if total is None else total * scale, noun=noun, qualifier=qualifier,
                    per=per_name, malformed=malformed, ambiguous=num.ambiguous,
                    number_span=(start, end))


def _bare_is_not_counted(text: str, pos: int) -> bool:
    # "1.500" followed by ":" or a closing bracket counts nothing
    return pos < len(text) and text[pos] in ":)]"


def _clause_before(text: str, start: int) -> str:
    lo = max(0, start - 60)
    segment = text[lo:start]
    ends = list(_CLAUSE_END.finditer(segment))
    return segment[ends[-1].end():] if ends and ends[-1].group() != ":" else segment


def _spelled_quantities(text: str, taken: list[Quantity]) -> list[Quantity]:
    out = []
    # only runs followed by a unit can be figures; the masks are searched around those alone
    runs = [(m, unit) for m in _spelled_run_regex().finditer(text)
            if (unit := _scaled_unit_at(text, m.end())) is not None and unit[0] != "count"]
    masks = _MaskIndex(_masks_over(text, [m.span() for m, _ in runs]) if runs else [])
    taken_starts = [q.start for q in taken]
    taken_ends = [q.end for q in taken]
    for m, unit in runs:
        words = m.group().split()
        offsets = [m.start() + i for i in _word_starts(m.group())]
        for k in range(len(words)):  # drop leading words until the rest reads as a number
            value = words_to_number(words[k:])
            if value is None:
                continue
            if len(words) - k == 1 and words[k].lower() in _lone_spelled_skip():
                break
            start = offsets[k]
            if masks.covers(start, m.end()):
                break
            k = bisect_right(taken_starts, start)
            if k and start < taken_ends[k - 1]:
                break
            out.append(Quantity(start=start, end=unit[3], value=value * unit[1], unit=unit[0],
                                rule="spelled_number", noun=unit[2],
                                qualifier=_qualifier_before(text, start), number_span=(start, m.end())))
            break
    return out


def _word_starts(s: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", s)]


# --- stage 3: figures with labels, indicators, tables -----------------------------------------

@dataclass
class _FigureContext:
    outline: Outline
    convention: Convention
    tables: dict[int, TableGrid] = field(default_factory=dict)


def outline_to_figures(outline: Outline, settings: Settings) -> tuple[list[Figure], list[Flag]]:
    convention = texts_to_convention((ob.text for ob in outline.blocks), settings.number_convention)
    ctx = _FigureContext(outline, convention, outline_to_tables(outline))
    figures: list[Figure] = []
    flags: list[Flag] = []
    for i, ob in enumerate(outline.blocks):
        if ob.block.kind is BlockKind.TABLE_CELL and ob.block.cell is not None:
            block_figures = _cell_to_figures(ctx, i, ob)
        else:
            block_figures = _prose_to_figures(ctx, i, ob)
        for fig, q in block_figures:
            figures.append(fig)
            flags.extend(_number_flags(ctx, i, ob, q))
    return figures, flags


def _make_figure(ctx: _FigureContext, i: int, ob: OutlineBlock, q: Quantity, label: str | None,
                 context: str | None = None) -> Figure:
    """`context` is the whole clause before the figure when the label is cut shorter: the
    indicator is decided on it ("kênh mương 18 km, trong đó kiên cố hóa 13 km")."""
    text = ob.text
    fig = Figure(value=q.value, unit=q.unit, text=text[q.start:q.end], location=ctx.outline.location(i, q.start, q.end),
                 rule=q.rule, total=q.total, noun=q.noun, qualifier=q.qualifier, label=context or label, per=q.per,
                 section=list(ob.headings), component=ob.component)
    fig.indicator = figure_to_indicator(fig, tail=_tail(text, q.end))
    fig.label = label
    return fig


_TAIL_END = re.compile(r"[\d;,.:()\n]")


def _tail(text: str, end: int) -> str:
    """The words right after a figure, up to the next number or clause mark ("thôn đều có điện")."""
    m = _TAIL_END.search(text, end, end + 50)
    return text[end:m.start() if m else end + 50]


def _prose_to_figures(ctx: _FigureContext, i: int, ob: OutlineBlock) -> list[tuple[Figure, Quantity]]:
    text = ob.text
    out: list[tuple[Figure, Quantity]] = []
    previous: tuple[Figure, Quantity] | None = None
    for q in text_to_quantities(text, ctx.convention):
        context = None
        if (previous is not None and q.unit == "percent" and previous[1].unit != "percent"
                and is_linked(text[previous[1].end:q.start])):
            label = previous[0].label
        else:
            floor = previous[1].end if previous is not None else 0
            label = figure_to_label(text, q.start, q.end, q.noun, floor)
            context = figure_to_label(text, q.start, q.end, q.noun, whole_clause=True)
        fig = _make_figure(ctx, i, ob, q, label, context)
        out.append((fig, q))
        previous = (fig, q)
    return out


def _cell_to_figures(ctx: _FigureContext, i: int, ob: OutlineBlock) -> list[tuple[Figure, Quantity]]:
    cell = ob.block.cell
    assert cell is not None
    grid = ctx.tables.get(cell.table)
    text = ob.text.strip()
    row_label = grid.row_label(cell.row, cell.col) if grid else None
    column = grid.column_header(cell.row, cell.col) if grid else None
    label = " - ".join(p for p in (row_label, column) if p) or None
    quantities = text_to_quantities(ob.text, ctx.convention)
    if quantities:
        return [(_make_figure(ctx, i, ob, q, label or figure_to_label(ob.text, q.start, q.end, q.noun)), q)
                for q in quantities]
    # a bare number ("12,5", "8/8"): the unit comes from the row's "Đơn vị tính" cell or from
    # the column header, read as if it were written after the number
    if grid is None or grid.is_index_column(cell.col) or grid.is_header_row(cell.row):
        return []
    unit_text = grid.unit_text(cell.row, cell.col)
    if not unit_text or not DIGIT_TOKEN.search(text):
        return []
    cell_text = ob.text.rstrip()
    out = []
    for q in text_to_quantities(f"{cell_text} {unit_text.lower()}", ctx.convention):
        if q.start >= len(cell_text):
            break
        q = replace(q, end=min(q.end, len(cell_text)), rule="table_cell")
        out.append((_make_figure(ctx, i, ob, q, label), q))
    return out


def _number_flags(ctx: _FigureContext, i: int, ob: OutlineBlock, q: Quantity) -> list[Flag]:
    flags = []
    surface = ob.text[q.start:q.end]
    evidence = [Evidence(surface, ctx.outline.location(i, q.start, q.end))]
    if q.malformed:
        flags.append(Flag("malformed_number", "warning",
                          i18n.t("checks", "malformed_number", text=surface),
                          evidence, i18n.t("checks", "malformed_number", lang="en", text=surface)))
    if ctx.convention.flags_token(ob.text[q.number_span[0]:q.number_span[1]], q.ambiguous):
        flags.append(Flag("ambiguous_number", "warning",
                          i18n.t("checks", "ambiguous_number", text=surface),
                          evidence, i18n.t("checks", "ambiguous_number", lang="en", text=surface)))
    return flags


