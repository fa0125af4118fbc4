"""Figures: every quantity in a report as a number with a unit, what it measures and where.

The stage runs per block of the outline: `text_to_quantities` (extractor.extract.quantities)
finds the quantities of the block's text outside the non-figure masks; labels
(extractor.extract.labels), canonical indicators (extractor.extract.indicators) and a status
(extractor.extract.figure_status) are attached, and table cells take their unit from the row's
"Đơn vị tính" column. Malformed, unreadable and ambiguous number tokens are recorded as
`NumberIssue`s, where the grammar knows about them (checks/numbers.py makes them flags); an
unreadable one ("1.2.3 ha") is never a figure.
"""
from __future__ import annotations

from typing import NamedTuple

from extractor.core.model import BlockKind, Figure, Location, NumberIssue
from extractor.core.regexes import compiled
from extractor.core.settings import Settings
from extractor.extract.figure_status import clause_to_status, header_to_status
from extractor.extract.indicators import of_another_place, own_figure_to_indicator
from extractor.extract.labels import (
    clause_before,
    figure_tail,
    figure_to_label,
    figure_to_label_and_context,
    is_linked,
)
from extractor.extract.quantities import Quantity, text_to_quantities
from extractor.structure.outline import Outline, OutlineBlock
from extractor.structure.tables import TableGrid, outline_to_tables
from extractor.text.fold import reading_unmarked, spelt
from extractor.text.numbers import DIGIT_TOKEN, Convention, evidence_to_convention

# --- stage 3: figures with labels, indicators, tables -----------------------------------------

class _FigureContext(NamedTuple):
    outline: Outline
    convention: Convention
    tables: dict[int, TableGrid]


def outline_to_figures(outline: Outline, settings: Settings) -> tuple[list[Figure], list[NumberIssue]]:
    """A report typed without tone marks (`Outline.unmarked`) is read folded: the grammar reads
    each text as `spelt` spells it (extractor/text/fold.py), of the same length, and every
    figure's text, location, label and noun are taken from the text as written."""
    with reading_unmarked(outline.unmarked):
        return _outline_to_figures(outline, settings)


def _outline_to_figures(outline: Outline, settings: Settings) -> tuple[list[Figure], list[NumberIssue]]:
    convention = evidence_to_convention(*outline.number_evidence, settings.number_convention)
    ctx = _FigureContext(outline, convention, outline_to_tables(outline))
    figures: list[Figure] = []
    issues: list[NumberIssue] = []
    for i, ob in enumerate(outline.blocks):
        if ob.block.kind is BlockKind.TABLE_CELL and ob.block.cell is not None:
            block_figures = _cell_to_figures(ctx, i, ob)
        else:
            block_figures = _prose_to_figures(ctx, i, ob)
        for fig, q in block_figures:
            if not q.unreadable:
                figures.append(fig)
            issues.extend(_number_issues(ctx, ob, q, fig.location))
    return figures, issues


# the fields of `Figure` in the order `_make_figure` passes them
FIGURE_FIELDS = ("value", "unit", "text", "location", "rule", "total", "noun", "qualifier", "label", "indicator",
                 "per", "section", "component", "upper", "status", "ocr_confidence")


def _make_figure(ctx: _FigureContext, i: int, ob: OutlineBlock, read: str, q: Quantity, label: str | None,
                 contexts: tuple[str, ...] = (), column: str | None = None) -> Figure:
    """`read` is the block's text as the grammar read it (`spelt`, of the same length up to the
    figure's end). `contexts` are the texts before the figure the indicator is decided on,
    nearest first, when they are more than the label: the first that names a measure or
    another place decides ("kênh mương 18 km, trong đó kiên cố hóa 13 km": the whole clause
    names the canal of the 13 km). A table cell's `column` header that names a status
    ("Kế hoạch") gives its figures that status."""
    text = ob.text
    column_status = header_to_status(spelt(column)) if column else None
    # by position, in the order of `FIGURE_FIELDS` (a test holds it to the model's): about a
    # hundred are made a report, and a dataclass called by keyword costs twice as much
    fig = Figure(q.value, q.unit, text[q.start:q.end], ctx.outline.location(i, q.start, q.end),
                 q.rule, q.total, _noun_as_written(text, read, q), q.qualifier,
                 label, None, q.per,
                 list(ob.headings), ob.component, q.upper,
                 column_status or clause_to_status(clause_before(read, q.start), ob.headings),
                 ob.block.confidence)
    tail = figure_tail(text, q.end)
    for context in contexts or (label,):
        if context and of_another_place(spelt(context)):
            break  # a figure of another place measures none of the commune's (`figure_to_indicator`)
        fig.label = context
        fig.indicator = own_figure_to_indicator(fig, tail=tail)
        if fig.indicator is not None:
            break
    fig.label = label
    return fig


def _noun_as_written(text: str, read: str, q: Quantity) -> str | None:
    """The counted noun as the report wrote it where the grammar read it in the figure's text
    (a noun of the patterns, "tấn", stays as the patterns write it)."""
    if q.noun is None or read is text:
        return q.noun
    k = read.find(q.noun, q.start, q.end)
    return q.noun if k < 0 else text[k:k + len(q.noun)]


# A table pasted as text keeps its columns apart with tabs, which normalizing makes spaces: a
# small number alone in a line's first column is the row's ordinal ("9<tab>Nhà ở dân cư<tab>Đạt"),
# whatever words the next column holds.
_TAB_ROW_ORDINAL = compiled(r"[ ]*\d{1,3}\.?[ ]*\t")


def _tab_row_ordinal(original: str, text: str) -> tuple[int, int] | None:
    """The span in the normalized `text` of the ordinal opening a block whose `original` text
    opens with a number and a tab, else None."""
    if _TAB_ROW_ORDINAL.match(original) is None:
        return None
    m = DIGIT_TOKEN.search(text)
    return None if m is None or text[:m.start()].strip() else m.span()


def _prose_to_figures(ctx: _FigureContext, i: int, ob: OutlineBlock) -> list[tuple[Figure, Quantity]]:
    text = ob.text
    read = spelt(text)
    out: list[tuple[Figure, Quantity]] = []
    previous: tuple[Figure, Quantity] | None = None
    ordinal = _tab_row_ordinal(ob.block.text, text)
    for q in text_to_quantities(read, ctx.convention, ob.block.confidence):
        if q.number_span == ordinal:
            continue  # the row's ordinal, no quantity
        contexts: tuple[str, ...] = ()
        if (previous is not None and q.unit == "percent" and previous[1].unit != "percent"
                and is_linked(text[previous[1].end:q.start])):
            label = previous[0].label
        else:
            floor = previous[1].end if previous is not None else 0
            label, contexts = figure_to_label_and_context(text, q.start, q.end, q.noun, floor)
        fig = _make_figure(ctx, i, ob, read, q, label, contexts)
        out.append((fig, q))
        previous = (fig, q)
    return out


def _cell_to_figures(ctx: _FigureContext, i: int, ob: OutlineBlock) -> list[tuple[Figure, Quantity]]:
    cell = ob.block.cell
    assert cell is not None
    grid = ctx.tables.get(cell.table)
    text = ob.text.strip()
    read = spelt(ob.text)
    quantities = text_to_quantities(read, ctx.convention, ob.block.confidence)
    column = grid.column_header(cell.row, cell.col) if grid else None
    if quantities:
        label = _cell_label(grid, cell.row, cell.col)
        return [(_make_figure(ctx, i, ob, read, q, label or figure_to_label(ob.text, q.start, q.end, q.noun),
                              column=column), q)
                for q in quantities]
    # a bare number ("12,5", "8/8"): the unit comes from the row's "Đơn vị tính" cell or from
    # the column header, read as if it were written after the number
    if (grid is None or not DIGIT_TOKEN.search(text) or grid.is_index_column(cell.col)
            or grid.is_header_row(cell.row) or grid.is_before_row_label(cell.row, cell.col)):
        return []
    unit_text = grid.unit_text(cell.row, cell.col)
    if not unit_text:
        return []
    label = _cell_label(grid, cell.row, cell.col)
    cell_text = ob.text.rstrip()
    out = []
    for q in text_to_quantities(spelt(f"{cell_text} {unit_text.lower()}"), ctx.convention, ob.block.confidence):
        if q.start >= len(cell_text):
            break
        q = q._replace(end=min(q.end, len(cell_text)), rule="table_cell")
        out.append((_make_figure(ctx, i, ob, read, q, label, column=column), q))
    return out


def _cell_label(grid: TableGrid | None, row: int, col: int) -> str | None:
    """"row label - column header" of a cell, looked up only for a cell with a figure."""
    row_label = grid.row_label(row, col) if grid else None
    column = grid.column_header(row, col) if grid else None
    return " - ".join(p for p in (row_label, column) if p) or None


def _number_issues(ctx: _FigureContext, ob: OutlineBlock, q: Quantity, location: Location) -> list[NumberIssue]:
    """`location` is the figure's, made from the same offsets."""
    issues = []
    surface = ob.text[q.start:q.end]
    if q.malformed:
        issues.append(NumberIssue("unreadable" if q.unreadable else "malformed", surface, location))
    # a number read by OCR with a misread separator is flagged once, as malformed
    misread = q.malformed and ob.block.confidence is not None
    if not q.unreadable and not misread and ctx.convention.flags_token(ob.text[q.number_span[0]:q.number_span[1]],
                                                                      q.ambiguous):
        issues.append(NumberIssue("ambiguous", surface, location))
    return issues


