"""Tables as evidence, read through the one grid of structure/tables.py (multi-row headers,
merged cells): a "Tổng cộng" row that is not the sum of the rows it totals
(`table_total_mismatch`), and a row whose percentage column is not its result over its plan
or total (`ratio_mismatch`). Cells are read as numbers under the document's convention, so a
bare "12,5" counts even where no unit is written; the table's "Đơn vị tính" only names the
amounts in the message (a sum holds in any one scale)."""
from __future__ import annotations

import re
from typing import NamedTuple

from extractor.checks.data import config, regex
from extractor.checks.flags import make_flag, number_list
from extractor.checks.index import Report, decimals
from extractor.checks.ratios import ratio_flag
from extractor.core.model import BlockKind, Evidence, Flag
from extractor.core.regexes import compiled
from extractor.structure.tables import TableGrid, outline_to_tables
from extractor.text.numbers import DIGIT_TOKEN, Convention, evidence_to_convention, token_to_number

# a cell that is one number: digits grouped by '.' ',' or spaces ("1 234,5"), maybe signed
_NUMBER_CELL = compiled(r"[-+]?\s*\d{1,3}(?:[  ]\d{3})+(?:[.,]\d+)?|[-+]?\s*" + DIGIT_TOKEN.pattern)


class Cell(NamedTuple):
    pos: int  # block position of the cell in the outline
    origin: tuple[int, int]  # its top-left (row, column): a merged cell is read once, there
    text: str
    value: float | None  # the cell's number when the whole cell is one


class Table:
    """A plain class (a dataclass costs ~0.4 ms of every start to create)."""

    def __init__(self, grid: TableGrid, cells: dict[tuple[int, int], Cell], body: list[int]) -> None:
        self.grid = grid
        self.cells = cells  # every grid position a cell covers
        self.body = body  # rows below the header rows, in order

    def header(self, col: int) -> str:
        return self.grid.column_header(self.body[0] if self.body else 0, col) or ""

    def label(self, row: int) -> str:
        """The row's name: its first cell with letters outside the index and unit columns."""
        for col in sorted(c for r, c in self.cells if r == row):
            if col in (self.grid.unit_col, self.grid.index_col):
                continue
            text = self.cells[(row, col)].text.strip()
            if re.search(r"[^\W\d_]", text):
                return text
        return ""

    def index(self, row: int) -> str:
        if self.grid.index_col is None or (row, self.grid.index_col) not in self.cells:
            return ""
        return self.cells[(row, self.grid.index_col)].text.strip()


def _cell_value(text: str, convention: Convention) -> float | None:
    t = text.strip()
    if not _NUMBER_CELL.fullmatch(t):
        return None
    sign = -1.0 if t.startswith("-") else 1.0
    t = re.sub(r"(?<=\d)[  ](?=\d{3})", "", t.lstrip("+- "))
    return sign * token_to_number(t, convention).value


def report_to_tables(rep: Report) -> list[Table]:
    """The report's tables, read once for both table rules (kept in `rep.memo`)."""
    tables: list[Table] | None = rep.memo.get("tables")
    if tables is None:
        tables = rep.memo["tables"] = _report_to_tables(rep)
    return tables


def _report_to_tables(rep: Report) -> list[Table]:
    convention = evidence_to_convention(*rep.outline.number_evidence)
    grids = outline_to_tables(rep.outline)
    cells: dict[int, dict[tuple[int, int], Cell]] = {}
    for pos, ob in enumerate(rep.outline.blocks):
        cell = ob.block.cell
        if ob.block.kind is not BlockKind.TABLE_CELL or cell is None:
            continue
        c = Cell(pos, (cell.row, cell.col), ob.text, _cell_value(ob.text, convention))
        for dr in range(cell.row_span):
            for dc in range(cell.col_span):
                cells.setdefault(cell.table, {}).setdefault((cell.row + dr, cell.col + dc), c)
    out = []
    for table, grid in sorted(grids.items()):
        own = cells.get(table, {})
        # a header row below the first that holds a number the grid did not read as one
        # ("1 500 000", space-grouped) is a row of values
        numbered = {r for (r, _), c in own.items() if c.value is not None and r != min(grid.header_rows, default=0)}
        body = sorted({r for r, _ in grid.cells if not grid.is_header_row(r) or r in numbered})
        out.append(Table(grid, own, body))
    return out


def _evidence(rep: Report, cell: Cell) -> Evidence:
    text = rep.text(cell.pos)
    start = len(text) - len(text.lstrip())
    return rep.evidence(cell.pos, start, len(text.rstrip()))


# ---------------------------------------------------------------------------- total rows


def _is_total_row(table: Table, row: int) -> bool:
    return bool(regex("table_total", "total_label_regex").fullmatch(table.label(row).strip(" .:")))


def _is_sub_row(table: Table, row: int) -> bool:
    """A row inside another ("a)", "- Trong đó", "1.1"): left out of the top-level reading."""
    sub = regex("table_total", "sub_row_regex")
    return bool(sub.match(table.index(row)) or sub.match(table.label(row)))


def _readings(table: Table, parts: list[int]) -> list[list[int]]:
    """The ways the rows may add up: all of them, or the top-level ones only."""
    top = [r for r in parts if not _is_sub_row(table, r)]
    return [parts] + ([top] if top and top != parts else [])


def _scale_note(rep: Report, table: Table) -> str:
    """" (1.000 đồng)": the table's "Đơn vị tính: ..." stated in the blocks just before its
    first cell, for the message; empty when none is."""
    first = min((c.pos for c in table.cells.values()), default=0)
    rx = regex("table_total", "scale_regex")
    for pos in range(first - 1, max(first - 4, -1), -1):
        if rep.outline.blocks[pos].block.kind is BlockKind.TABLE_CELL:
            break
        m = rx.search(rep.text(pos))
        if m:
            return f" ({m.group('unit').strip()})"
    return ""


def table_total_mismatch(rep: Report) -> list[Flag]:
    """A "Tổng cộng" row (first or last of the body) whose value in a column is not the sum
    of the other rows' values, read either with every row or with the top-level rows only."""
    cfg = config()["table_total"]
    percent = regex("table_ratio", "percent_header_regex")
    flags: list[Flag] = []
    for table in report_to_tables(rep):
        totals = [r for r in table.body if _is_total_row(table, r)]
        if len(totals) != 1 or totals[0] not in (table.body[0], table.body[-1]):
            continue
        total_row = totals[0]
        parts = [r for r in table.body if r != total_row]
        columns = sorted({c for r, c in table.cells if r == total_row})
        for col in columns:
            if col in (table.grid.index_col, table.grid.unit_col) or percent.search(table.header(col)):
                continue
            total_cell = table.cells[(total_row, col)]
            if total_cell.value is None or total_cell.origin != (total_row, col):
                continue  # no number, or a merged cell read at its first column
            column = {r: table.cells[(r, col)] for r in parts
                      if (r, col) in table.cells and table.cells[(r, col)].origin == (r, col)}
            units = {table.cells[(r, table.grid.unit_col)].text.strip().casefold()
                     for r in parts if table.grid.unit_col is not None and (r, table.grid.unit_col) in table.cells}
            if len(units) > 1:
                continue  # rows in different units do not add up
            values = {r: c.value for r, c in column.items() if c.value is not None}
            if len(values) < cfg["min_rows"]:
                continue
            best = None
            for reading in _readings(table, [r for r in parts if r in values]):
                got = sum(values[r] for r in reading)
                places = max([decimals(total_cell.value)] + [decimals(values[r]) for r in reading])
                # cells with decimals are rounded: half a unit of their last digit each
                rounding = 0.5 * 10 ** -places * len(reading) if places else 0.0
                tol = max(cfg["relative_tolerance"] * abs(total_cell.value), rounding)
                if abs(got - total_cell.value) <= tol + 1e-9:
                    best = None
                    break
                best = best or (reading, got)
            if best is None:
                continue
            reading, got = best
            flags.append(make_flag(
                "table_total_mismatch", ("table_total", "severity"), "table_total_mismatch",
                [_evidence(rep, total_cell)] + [_evidence(rep, column[r]) for r in reading],
                label=table.label(total_row), column=table.header(col) or str(col + 1),
                total=total_cell.value, sum=round(got, 6), n=len(reading),
                parts=number_list([values[r] for r in reading]), scale=_scale_note(rep, table)))
    return flags


# ---------------------------------------------------------------------------- percentage columns


def table_ratio_mismatch(rep: Report) -> list[Flag]:
    """A row "Kế hoạch | Thực hiện | Tỷ lệ (%)" (or "Tổng số | Đạt | Tỷ lệ") whose percentage
    is not the result over the plan (rule id `ratio_mismatch`). Column roles come from the
    column's whole header (every header row, merged cells included)."""
    roles = {role: regex("table_ratio", f"{role}_header_regex") for role in ("percent", "actual", "plan")}
    flags: list[Flag] = []
    for table in report_to_tables(rep):
        cols: dict[str, list[int]] = {}
        for col in sorted({c for _, c in table.cells}):
            if col in (table.grid.index_col, table.grid.unit_col) or not any(
                    c.value is not None for (r, cc), c in table.cells.items() if cc == col and r in table.body):
                continue  # the index, the unit, or a column of names ("Chỉ tiêu")
            role = next((r for r, rx in roles.items() if rx.search(table.header(col))), None)
            if role:
                cols.setdefault(role, []).append(col)
        if any(len(cols.get(r, [])) != 1 for r in roles):
            continue
        for row in table.body:
            got = {r: table.cells.get((row, cols[r][0])) for r in roles}
            if any(c is None or c.value is None for c in got.values()):
                continue
            plan, actual, pct = got["plan"], got["actual"], got["percent"]
            assert plan and actual and pct and plan.value is not None and actual.value is not None
            if plan.value <= 0 or pct.value is None:
                continue
            flag = ratio_flag(pct.value, 100.0 * actual.value / plan.value, actual.value, plan.value,
                              [_evidence(rep, actual), _evidence(rep, plan), _evidence(rep, pct)],
                              implicit=False)
            if flag:
                flags.append(flag)
    return flags
