"""Tables of the outline as grids, so a cell can find its row label, column header and unit.

A figure in a table cell is named by its row ("Đường trục thôn") and its column ("Kết quả
2023"); a bare number takes its unit from the row's "Đơn vị tính" cell or from a unit in
brackets in the column header ("Kinh phí (triệu đồng)").

Two kinds of table become grids: the table cells of a .docx or PDF (`outline_to_tables`), and
runs of text lines written as rows ("1 | Quy hoạch | Đạt", `outline_to_text_tables`). Each
grid keeps where every cell starts (`origins`): the outline block and the stretch of its text,
so a reader can point back at the cell and see a merged cell once.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from extractor.core.data import load_pattern
from extractor.core.model import BlockKind
from extractor.core.regexes import compiled
from extractor.structure.outline import Outline
from extractor.text.fold import strip_diacritics
from extractor.text.numbers import DIGIT_TOKEN
from extractor.text.units import unit_at

_HAS_LETTER = compiled(r"[^\W\d_]")
_NOT_LETTER = compiled(r"[\W\d_]+")
_MAX_HEADER_ROWS = 3
# the unit in brackets closing a column header, before any trailing marks a scan or a typist
# leaves ("Tỷ lệ(%) :", "Kinh phí (triệu đồng).")
_BRACKETED = compiled(r"\(([^()]{1,30})\)[\s.:;,'\"]*$")


@lru_cache(maxsize=1)
def _header_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    units = load_pattern("units")["unit_column_headers"]
    index = load_pattern("labels")["index_column_headers"]
    return tuple(map(_header_key, units)), tuple(map(_header_key, index))


def _header_key(text: str) -> str:
    """A header compared by its letters alone, without marks: a scan's header cell is read
    with a speck for a dot, words run together or a tone lost ("Đơn vị. tính", "Đơn vịtính")."""
    return strip_diacritics(_NOT_LETTER.sub("", text.lower()))


class CellSpan(NamedTuple):
    """Where a cell's text stands: outline block index and offsets in its normalized text."""

    block: int
    start: int
    end: int
    text: str


class TableGrid:
    """The cells of one table by grid position, with its header rows and unit and index columns.
    A plain class: grids are filled in place and never compared (a dataclass costs ~0.3 ms of
    every start to create)."""

    def __init__(self) -> None:
        # every position a cell covers (a merged cell answers for each one)
        self.cells: dict[tuple[int, int], str] = {}
        # the position where each cell starts (its top-left), and where its text stands
        self.origins: dict[tuple[int, int], CellSpan] = {}
        self.header_rows: set[int] = set()
        self.unit_col: int | None = None
        self.index_col: int | None = None

    def finish(self) -> None:
        unit_words, index_words = _header_words()
        rows = sorted({r for r, _ in self.cells})
        # header rows: the leading rows where no cell is a bare number ("Năm 2021" is a
        # header, "12,5" a value); the first row always is one
        for r in rows[:_MAX_HEADER_ROWS]:
            cells = [t.strip() for (rr, _), t in self.cells.items() if rr == r]
            if self.header_rows and any(DIGIT_TOKEN.fullmatch(t) for t in cells):
                break
            self.header_rows.add(r)
        for (r, c), t in self.cells.items():
            if r in self.header_rows:
                key = _header_key(t)
                if self.unit_col is None and key in unit_words:
                    self.unit_col = c
                if self.index_col is None and key in index_words:
                    self.index_col = c

    def rows(self) -> list[int]:
        """Rows where some cell starts, in order."""
        return sorted({r for r, _ in self.origins})

    def row_cells(self, row: int) -> list[tuple[int, CellSpan]]:
        """(column, cell) of the cells that start in `row`, left to right."""
        return sorted(((c, span) for (r, c), span in self.origins.items() if r == row), key=lambda x: x[0])

    def is_header_row(self, row: int) -> bool:
        return row in self.header_rows

    def is_index_column(self, col: int) -> bool:
        return col == self.index_col

    def is_before_row_label(self, row: int, col: int) -> bool:
        """Whether the cell stands left of its row's first text cell: a row number (an index
        column split in two by a scan's speck, or one without an "STT" header), never a value,
        which follows what it measures."""
        if self.row_label(row, col) is not None:
            return False
        return any(c > col and _HAS_LETTER.search(t) for (r, c), t in self.cells.items()
                   if r == row and c not in (self.unit_col, self.index_col))

    def row_label(self, row: int, col: int) -> str | None:
        for c in sorted(c for r, c in self.cells if r == row and c < col):
            if c in (self.unit_col, self.index_col):
                continue
            text = self.cells[(row, c)].strip()
            if _HAS_LETTER.search(text):
                return text
        return None

    def column_header(self, row: int, col: int) -> str | None:
        parts = [self.cells[(r, col)].strip() for r in sorted(self.header_rows)
                 if r < row and (r, col) in self.cells and self.cells[(r, col)].strip()]
        return " ".join(dict.fromkeys(parts)) or None

    def unit_text(self, row: int, col: int) -> str | None:
        """A unit in brackets in the column header ("Tỷ lệ (%)") wins over the row's
        "Đơn vị tính" cell: it is specific to this column."""
        m = _BRACKETED.search(self.column_header(row, col) or "")
        if m and unit_at(f"1 {m.group(1).strip().lower()}", 1) is not None:
            return m.group(1).strip()
        if self.unit_col is not None and (row, self.unit_col) in self.cells:
            return self.cells[(row, self.unit_col)].strip() or None
        return None


def outline_to_tables(outline: Outline) -> dict[int, TableGrid]:
    """The table cells of the outline as grids, by table number in order of appearance; built
    once per outline and shared (read-only) by every stage."""
    return outline.table_grids


def table_cells_to_grids(outline: Outline) -> dict[int, TableGrid]:
    grids: dict[int, TableGrid] = {}
    for i, ob in enumerate(outline.blocks):
        cell = ob.block.cell
        if ob.block.kind is not BlockKind.TABLE_CELL or cell is None:
            continue
        grid = grids.setdefault(cell.table, TableGrid())
        grid.origins.setdefault((cell.row, cell.col), CellSpan(i, 0, len(ob.text), ob.text))
        for dr in range(cell.row_span):  # a merged cell answers for every row and column it spans
            for dc in range(cell.col_span):
                grid.cells.setdefault((cell.row + dr, cell.col + dc), ob.text)
    for grid in grids.values():
        grid.finish()
    return grids


_PIPE = compiled(r"\s*\|\s*")


def outline_to_text_tables(outline: Outline) -> list[TableGrid]:
    """Runs of two or more text lines written as table rows ("1 | Quy hoạch | Đạt") with the
    same number of cells: a table a plain-text or converted report lays out with pipes."""
    tables: list[TableGrid] = []
    current = TableGrid()
    width = 0

    def close() -> None:
        if len(current.rows()) >= 2:
            current.finish()
            tables.append(current)

    for i, ob in enumerate(outline.blocks):
        text = ob.text
        if ob.block.kind == BlockKind.TABLE_CELL or "|" not in text:
            if current.origins:  # an empty grid (most lines) has nothing to close or forget
                close()
                current, width = TableGrid(), 0
            continue
        cells, pos = [], 0
        for m in list(_PIPE.finditer(text)) + [None]:
            cut = m.start() if m else len(text)
            raw = text[pos:cut]
            lead = len(raw) - len(raw.lstrip())
            cells.append(CellSpan(i, pos + lead, pos + len(raw.rstrip()), raw.strip()))
            pos = m.end() if m else len(text)
        if len(cells) != width:
            close()
            current, width = TableGrid(), len(cells)
        row = len(current.rows())
        for col, span in enumerate(cells):
            current.cells[(row, col)] = span.text
            current.origins[(row, col)] = span
    close()
    return tables
