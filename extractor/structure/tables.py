"""Tables of the outline as grids, so a cell can find its row label, column header and unit.

A figure in a table cell is named by its row ("Đường trục thôn") and its column ("Kết quả
2023"); a bare number takes its unit from the row's "Đơn vị tính" cell or from a unit in
brackets in the column header ("Kinh phí (triệu đồng)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractor.core.data import load_pattern
from extractor.core.model import BlockKind
from extractor.structure.outline import Outline
from extractor.text.numbers import DIGIT_TOKEN
from extractor.text.units import unit_at

_HAS_LETTER = re.compile(r"[^\W\d_]")
_MAX_HEADER_ROWS = 3
_BRACKETED = re.compile(r"\(([^()]{1,30})\)\s*$")


@lru_cache(maxsize=1)
def _header_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    units = load_pattern("units")["unit_column_headers"]
    index = load_pattern("labels")["index_column_headers"]
    return tuple(units), tuple(index)


@dataclass
class TableGrid:
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    header_rows: set[int] = field(default_factory=set)
    unit_col: int | None = None
    index_col: int | None = None

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
                key = t.strip().lower().rstrip(".:")
                if self.unit_col is None and key in unit_words:
                    self.unit_col = c
                if self.index_col is None and key in index_words:
                    self.index_col = c

    def is_header_row(self, row: int) -> bool:
        return row in self.header_rows

    def is_index_column(self, col: int) -> bool:
        return col == self.index_col

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
    grids: dict[int, TableGrid] = {}
    for ob in outline.blocks:
        cell = ob.block.cell
        if ob.block.kind is not BlockKind.TABLE_CELL or cell is None:
            continue
        grid = grids.setdefault(cell.table, TableGrid())
        for dr in range(cell.row_span):  # a merged cell answers for every row and column it spans
            for dc in range(cell.col_span):
                grid.cells.setdefault((cell.row + dr, cell.col + dc), ob.text)
    for grid in grids.values():
        grid.finish()
    return grids
