"""Table cells of a PDF rebuilt from layout: paragraphs side by side on one baseline, row
after row, are cells of a table; where the page draws the table's rulings, they tell a cell
merged down over the rows below it (`_row_span`) and a ruled cell cut by a page break."""
from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from extractor.core.model import CellPosition
from extractor.readers.pdf.lines import PdfLine

_BASELINE = attrgetter("baseline")


def _same_row(a: PdfLine, b: PdfLine) -> bool:
    return abs(a.baseline - b.baseline) < 0.3 * max(a.size, b.size) and b.x0 > a.x0


def _extent(lines: list[PdfLine]) -> tuple[float, float]:
    return min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two horizontal extents share some width."""
    return min(a[1], b[1]) - max(a[0], b[0]) > 0


def _columns_of(lines: list[PdfLine], columns: list[tuple[float, float]]) -> list[int]:
    """The columns a cell overlaps (the nearest one when it sits in a gap between them)."""
    x0, x1 = _extent(lines)
    over = [c for c, column in enumerate(columns) if _overlaps((x0, x1), column)]
    if not over:
        middle = (x0 + x1) / 2
        over = [min(range(len(columns)),
                    key=lambda c: abs((columns[c][0] + columns[c][1]) / 2 - middle))]
    return over


# A cell's last line this many font sizes above the lowest line of the document's pages is at
# the foot of its page: no further line fitted under it.
FOOT_LINES = 1.5


def _rest_of_split_row(cells: list[list[PdfLine]], last_row: list[list[PdfLine]],
                       columns: list[tuple[float, float]], foot: float) -> bool:
    """Whether the first row of a page is the rest of the table row a page break split: each
    of its cells sits under a different cell of the last row, and either they all start with
    small letters, or each lies in one ruled column (`PdfLine.box`) under a cell that runs to
    the foot of its page (`foot`: the lowest baseline of the document) while another cell of
    that row ends higher: the break cut the longer cells ("... 16-Văn hóa;" on one page,
    "17-Môi trường; ..." on the next). When every cell of the last row runs to the foot, the
    break more likely fell between two rows."""
    taken = [_columns_of(lines, columns) for lines in cells]
    above = {_columns_of(lines, columns)[0]: lines for lines in last_row}
    if len({t[0] for t in taken}) != len(taken) or not all(t[0] in above for t in taken):
        return False
    if all(lines[0].text[:1].islower() for lines in cells):
        return True
    at_foot = {c for c, lines in above.items()
               if lines[-1].baseline >= foot - FOOT_LINES * lines[-1].size}
    return len(at_foot) < len(above) and all(
        len(t) == 1 and t[0] in at_foot and lines[0].box is not None
        for t, lines in zip(taken, cells))


def _runs_above(cells: list[list[PdfLine]], first: PdfLine) -> bool:
    """Whether a cell of the row before a page break went on at the top of the next page (its
    lines jump back up) to above `first`, the first line of the next row: that row is then
    not the first of its page (a row under a merged label cell after a cut list of criteria)."""
    for lines in cells:
        for a, b in zip(lines, lines[1:]):
            if b.baseline < a.baseline - a.size:  # the lines after b are below it
                if b.baseline < first.baseline - 0.3 * first.size:
                    return True
                break
    return False


def _row_span(rows_lines: list[list[list[PdfLine]]], rows_cells: list[list[CellPosition]],
              r: int, lines: list[PdfLine], cell: CellPosition) -> int:
    """How many rows the cell `lines` of row `r` spans (Word's vertical merge: "Chấm đạt"
    written once beside a list of criteria and the count under it): 1, and each next row
    without a cell of its own in the cell's columns whose border with the row above, ruled
    across other columns, leaves this cell's column open. `rows_lines`, `rows_cells`: the
    table's rows. A row that starts a page ends the span (the break draws a border across
    every column, merged or not)."""
    x0, x1 = _extent(lines)
    end = cell.col + cell.col_span
    span = 1
    for below in range(r + 1, len(rows_lines)):
        if any(c.col < end and c.col + c.col_span > cell.col for c in rows_cells[below]):
            break
        first = min((cell_lines[0] for cell_lines in rows_lines[below]), key=_BASELINE)
        rules = first.rules
        if rules is None:
            break
        above = [ln.baseline for cell_lines in rows_lines[below - 1] for ln in cell_lines
                 if ln.rules is rules and ln.baseline < first.baseline]  # on the row's page
        if not above:
            break
        low, high = max(above), first.baseline - 0.5 * first.size
        between = [(a, b) for y, a, b in rules if low < y < high]
        if not between or any(a <= x0 - 1.0 and b >= x1 for a, b in between):
            break
        span += 1
    return span


def _lone_cell(lines: list[PdfLine], fullest: list[list[PdfLine]]) -> bool:
    """Whether a paragraph right after a table row is that table's next row with one cell
    filled: it lies in one column other than the first (text after a table starts at the
    left margin) and is aligned with that column's cell above: same left, right or centre."""
    columns = [_extent(cell) for cell in fullest]
    x0, x1 = _extent(lines)
    over = [c for c, column in enumerate(columns) if _overlaps((x0, x1), column)]
    if len(over) != 1 or over[0] == 0:
        return False
    a, b = columns[over[0]]
    size = lines[0].size
    return abs(x0 - a) < size or abs(x1 - b) < size or abs((x0 + x1) - (a + b)) < 2 * size


def _sub_headings(rows: list[list[list[PdfLine]]]) -> list[tuple[float, float]] | None:
    """The cells of a heading row under a merged heading ("Đạt | Chưa đạt" under "Kết quả
    đánh giá"): a row among the first three, of two or more cells, two of which lie under one
    cell of the row above it (each starting inside that cell); None for a table without one."""
    for r in range(1, min(3, len(rows))):
        below = [_extent(cell) for cell in rows[r]]
        for cell in rows[r - 1]:
            (a, b), size = _extent(cell), cell[0].size
            if len(below) >= 2 and sum(a - size <= x0 < b for x0, _ in below) >= 2:
                return below
    return None


def _table_columns(rows: list[list[list[PdfLine]]]) -> list[tuple[float, float]]:
    """The columns of a table: the cells of its fullest row. Under a merged heading (see
    `_sub_headings`), a fullest-row cell over two or more sub-headings gives way to them, and
    the cells beyond the last column make columns of their own ("x" under "Chưa đạt" when the
    fullest row ticks "Đạt")."""
    columns = [_extent(cell) for cell in max(rows, key=len)]
    subs = _sub_headings(rows)
    if subs is None:
        return columns
    split: list[tuple[float, float]] = []
    for column in columns:
        under = [x for x in subs if _overlaps(x, column)]
        # the sub-headings under it must not reach into the neighbouring columns
        alone = all(not _overlaps(x, other) for x in under for other in columns if other != column)
        split.extend(under if len(under) >= 2 and alone else [column])
    columns = split
    beyond = sorted(_extent(cell) for row in rows for cell in row if _extent(cell)[0] > columns[-1][1])
    for x0, x1 in beyond:  # left to right: a cell clear of the last column starts a new one
        if x0 > columns[-1][1]:
            columns.append((x0, x1))
        else:
            columns[-1] = (columns[-1][0], max(columns[-1][1], x1))
    return columns


def paragraphs_to_cells(paragraphs: list[tuple[int, list[PdfLine]]]
                        ) -> list[tuple[int, list[PdfLine], CellPosition | None]]:
    """The paragraphs with table cells marked, rebuilt from layout alone.

    A row is a run of paragraphs whose first lines share a baseline, left to right (cells are
    top-aligned); consecutive rows of two or more cells make a table, across a page break
    too. When a page break splits a row, the rest of its cells at the top of the next page
    are appended to the cells above them. Columns are the cells of the table's fullest row;
    a cell overlapping several spans them. Without the table's rulings this misses cells
    left empty, but it gives the figures and criteria of a PDF table the same row/column
    context as in the .docx.
    """
    rows: list[list[int]] = []
    for k, (page, lines) in enumerate(paragraphs):
        head = rows[-1] if rows else None
        if head is not None and paragraphs[head[0]][0] == page and \
                _same_row(paragraphs[head[-1]][1][0], lines[0]):
            head.append(k)
        else:
            rows.append([k])
    tables: list[list[list[int]]] = []
    absorbed: set[int] = set()
    in_table = False
    foot: float | None = None  # the lowest baseline of the document, when needed
    for i, row in enumerate(rows):
        page_start = i > 0 and paragraphs[row[0]][0] != paragraphs[rows[i - 1][0]][0] and \
            not _runs_above([paragraphs[k][1] for k in rows[i - 1]], paragraphs[row[0]][1][0])
        if in_table and page_start:
            table = tables[-1]
            columns = [_extent(paragraphs[k][1]) for k in max(table, key=len)]
            last = table[-1]
            if foot is None:
                foot = max(ln.baseline for _, lines in paragraphs for ln in lines)
            if _rest_of_split_row([paragraphs[k][1] for k in row],
                                  [paragraphs[k][1] for k in last], columns, foot):
                for k in row:
                    col = _columns_of(paragraphs[k][1], columns)[0]
                    target = next(j for j in last
                                  if _columns_of(paragraphs[j][1], columns)[0] == col)
                    paragraphs[target][1].extend(paragraphs[k][1])
                    absorbed.add(k)
                continue  # the table goes on with the next row
        if in_table and len(row) == 1 and not page_start and _lone_cell(
                paragraphs[row[0]][1], [paragraphs[k][1] for k in max(tables[-1], key=len)]):
            tables[-1].append(row)
            continue
        if len(row) >= 2:
            if not in_table:
                tables.append([])
            tables[-1].append(row)
        in_table = len(row) >= 2
    cells: dict[int, CellPosition] = {}
    for t, table in enumerate(tables):
        columns = _table_columns([[paragraphs[k][1] for k in row] for row in table])
        for r, row in enumerate(table):
            last_col = -1
            for k in row:
                over = _columns_of(paragraphs[k][1], columns)
                # a short verdict left in the gap after a short name is nearest the name's
                # column by its middle; a row's cells come left to right, so it is the next one
                if over[0] <= last_col < len(columns) - 1:
                    over = [c for c in over if c > last_col] or [last_col + 1]
                cells[k] = CellPosition(table=t, row=r, col=over[0], col_span=len(over))
                last_col = over[-1]
        if paragraphs[table[0][0]][1][0].rules is None:
            continue  # no rulings drawn on its first page
        rows_lines = [[paragraphs[k][1] for k in row] for row in table]
        rows_cells = [[cells[k] for k in row] for row in table]
        taken = [{c.col + n for c in row for n in range(c.col_span)} for row in rows_cells]
        for r, row in enumerate(table[:-1]):
            for k in row:
                if cells[k].col in taken[r + 1]:
                    continue  # the common case: the next row has a cell of its own there
                span = _row_span(rows_lines, rows_cells, r, paragraphs[k][1], cells[k])
                if span > 1:
                    cells[k] = replace(cells[k], row_span=span)
    return [(page, lines, cells.get(k)) for k, (page, lines) in enumerate(paragraphs)
            if k not in absorbed]

