"""Criteria tables: a criterion column and a result column, or Đạt / Chưa đạt mark columns.

`tables_to_claims` reads the grids of structure/tables.py (table cells and pipe-written rows):
header roles from the first rows (STT | Tên tiêu chí | Kết quả), then one claim per row, an
unnamed indicator row giving its status to the criterion above. `flat_tables_to_claims` reads
the same table when a PDF text layer left one paragraph per cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractor.core.data import load_pattern
from extractor.core.model import BlockKind
from extractor.core.regexes import compiled
from extractor.extract.criteria.counts import text_to_counts
from extractor.extract.criteria.grammar import (
    BASIC,
    MET,
    UNMET,
    Claim,
    Count,
    Ref,
    State,
    cell_to_group,
    continuation_to_group,
    lookup,
    names,
    rx,
    text_to_groups,
    text_to_statuses,
    valid_number,
)
from extractor.extract.criteria.tense import is_own_commune_label, mark_targets
from extractor.structure.outline import Outline
from extractor.structure.tables import CellSpan, TableGrid
from extractor.text.fold import strip_diacritics

# a remark in brackets closing a cell ("Cơ bản đạt (còn chỉ tiêu chưa hoàn thiện)"): the
# verdict's note, not counted in the length that tells a verdict cell from a sentence
_CLOSING_REMARK = compiled(r"\s*\([^()]*\)[\s.]*$")


def _cell_status(text: str) -> str | None:
    if (code := _status_codes().get(text.strip(" *.:-"))) is not None:
        return code
    st = text_to_statuses(text)
    # nothing before the status but marks: "√ đạt", "× chưa đạt"
    if st and len(_CLOSING_REMARK.sub("", text).strip(" *.")) <= 40 \
            and rx().c["verdict_mark"].match(text[:st[0].start]):
        return st[0].status
    return _unmarked_verdicts().get(" ".join(strip_diacritics(text).casefold().strip(" *.:-").split()))


@lru_cache(maxsize=1)
def _status_codes() -> dict[str, str]:
    return dict(load_pattern("status_words")["status_codes"])


@lru_cache(maxsize=1)
def _elliptic_mark_headers() -> dict[str, str]:
    return dict(load_pattern("status_words")["elliptic_mark_headers"])


@lru_cache(maxsize=1)
def _unmarked_verdicts() -> dict[str, str]:
    return dict(load_pattern("status_words")["unmarked_cell_verdicts"])


_Row = list[tuple[int, CellSpan]]


@dataclass
class _TableHeader:
    """Column roles of a criteria table, read from its first rows."""

    num_col: int | None = None
    name_col: int | None = None
    status_col: int | None = None
    mark_cols: dict[int, str] = field(default_factory=dict)  # column -> status its mark gives
    rows: set[int] = field(default_factory=set)
    # the other result columns and the note columns ("Ghi chú"), right to left: a row whose
    # status column gives no status takes a cell of these that holds a status and nothing else
    other_cols: list[int] = field(default_factory=list)
    note_cols: set[int] = field(default_factory=set)
    # a column of what each criterion requires ("Mức độ cần đạt"): its "Đạt" is the standard, no
    # verdict; a table with such a column and no result column states nothing
    requirement: bool = False


def _table_header(rows: dict[int, _Row], order: list[int], year: int | None = None) -> _TableHeader:
    """The columns of a criteria table: row number (STT), criterion name, status, and mark
    columns headed by a status word ("Đạt | Chưa đạt"). Of several status columns of different
    years ("Kết quả năm 2022 | Kết quả năm 2023", "Năm 2022 | Năm 2023") the report's `year`
    is the status; a column of another year is not chosen over one without a year."""
    c = rx().c
    header = _TableHeader()
    status_cols: list[tuple[int, int | None]] = []  # (column, the year its header names)
    notes: list[int] = []
    for k, r in enumerate(order[:3]):
        # a header may take two rows: "Kết quả" over "Đạt | Chưa đạt"
        numbered = any(c["table_row_number"].match(x.text) for _, x in rows[r])
        # a second header row ("Kết quả" over "Đạt | Chưa đạt") names no criterion
        naming = any(names().search(x.text) or text_to_groups(x.text, 99) for _, x in rows[r])
        headerish = k == 0 or (order[k - 1] in header.rows and not numbered and not naming)
        if k > 0 and numbered and naming:
            # a numbered row naming its criterion is a body row, whatever its cells say (a
            # verdict "Đạt - đã được huyện thẩm định" holds a status header's words)
            continue
        for col, x in rows[r]:
            t = x.text.strip(" *")
            if c["table_number_header"].match(t):
                header.num_col = col
                header.rows.add(r)
            elif c["table_name_header"].search(t):
                if header.name_col is None:
                    header.name_col = col
                header.rows.add(r)
            elif headerish and len(_CLOSING_REMARK.sub("", t)) <= 20 and (st := _cell_status(t)):
                # (a bracket closing the header says which level it is: "Đạt một phần (cơ bản)")
                header.mark_cols[col] = st
                header.rows.add(r)
            elif (c["table_status_header"].search(t) or c["table_year_header"].match(t)) and len(t) <= 60:
                named = rx().status_year.search(t)
                status_cols.append((col, int(named.group("y")) if named else None))
                header.rows.add(r)
            elif c["table_requirement_header"].match(t):
                header.requirement = True
                header.rows.add(r)
            elif c["table_note_header"].match(t):
                notes.append(col)
                header.rows.add(r)
    if header.name_col is None and header.num_col is not None and status_cols:
        # (a status header and a number header: a row of cells that are verdicts is no header,
        # that table is headless, _headless_header)
        header.name_col = _name_col_by_cells(rows, order, header)
    if header.mark_cols and header.rows:
        # "Đã đạt | Cơ bản | Chưa": beside a mark column headed by a full status, a header that
        # writes its status short is a mark column too
        for r in sorted(header.rows):
            for col, x in rows[r]:
                key = " ".join(strip_diacritics(x.text).casefold().strip(" *.:-").split())
                if (short := _elliptic_mark_headers().get(key)) is not None and col not in header.mark_cols:
                    header.mark_cols[col] = short
    if status_cols:
        this_year = [col for col, y in status_cols if year is not None and y == year]
        undated = [col for col, y in status_cols if y is None]
        header.status_col = (this_year or undated or [col for col, _ in status_cols])[-1]
        # another year's column is never the fallback of this year's
        others = [col for col, y in status_cols if y is None or y == year]
        header.other_cols = [col for col in reversed(others) if col != header.status_col]
    header.other_cols += notes
    header.note_cols = set(notes)
    return header


def _name_col_by_cells(rows: dict[int, _Row], order: list[int], header: _TableHeader) -> int | None:
    """The column of criterion names under a header that does not say so ("Ô | Số | Trạng
    thái", a poster's tiles by their short names): the one column whose body cells name a
    criterion from their start in two rows of three at least."""
    body = [r for r in order if r not in header.rows]
    if len(body) < 2:
        return None
    taken = {header.num_col}
    hits: dict[int, int] = {}
    for r in body:
        for col, x in rows[r]:
            if col not in taken and (nm := names().match(x.text.strip())) is not None \
                    and lookup(nm.group(0)) is not None:
                hits[col] = hits.get(col, 0) + 1
    named = [col for col, k in hits.items() if 3 * k >= 2 * len(body)]
    return named[0] if len(named) == 1 else None


def _headless_header(rows: dict[int, _Row], order: list[int]) -> _TableHeader:
    """The columns of a criteria table written without a header row ("01 | Điện | Đạt"): read
    from its first row, a row number, a criterion's name and, last, a cell holding a verdict
    alone. A row missing any of the three gives no roles."""
    c = rx().c
    header = _TableHeader()
    cells = rows[order[0]]
    if len(cells) < 2:
        return header
    for col, x in cells[:-1]:
        t = x.text.strip(" *")
        if header.num_col is None and header.name_col is None and c["table_row_number"].match(t):
            header.num_col = col
        elif header.name_col is None:
            lead = c["heading_lead"].match(t)
            nm = names().match(t, lead.end() if lead else 0)
            if nm and lookup(nm.group(0)) is not None:
                header.name_col = col
    last_col, last = cells[-1]
    if header.name_col is None or header.name_col >= last_col or _bare_cell_status(last.text) is None \
            and _cell_status(last.text) is None:
        return _TableHeader()
    header.status_col = last_col
    return header


def _merged_name_status(text: str) -> tuple[int, str] | None:
    """(criterion, status) of a name cell a PDF text layer ran into the verdict cell beside
    it ("Điện Giữ vững", "Hộ nghèo CĐ", the gap lost with its space: "thiên taiđạt yêu cầu"):
    a criterion's whole name, then a verdict cell's text to the end. None for a cell that is
    a name alone, or a name and anything else."""
    for p in range(1, len(text)):
        if not text[p].isalpha():
            continue
        name = text[:p].rstrip()
        nm = names().match(name)
        if nm is None or nm.end() != len(name) or (number := lookup(nm.group(0))) is None:
            continue
        status = _cell_status(text[p:])
        if status is not None:
            return number, status
    return None


def _name_cell(cells: dict[int, CellSpan], header: _TableHeader) -> CellSpan | None:
    return cells.get(header.name_col) if header.name_col is not None else None


def _row_criterion(cells: dict[int, CellSpan], header: _TableHeader, size: int) -> Ref | None:
    """The criterion a row names: a reference in its name cell, else its row number or its
    name (a name that is another number's is kept on the reference as `name_number`)."""
    c = rx().c
    name_cell = _name_cell(cells, header)
    if name_cell is None:
        return None
    name_text = name_cell.text
    groups = text_to_groups(name_text, size)
    if groups and len(groups[0].refs) == 1:
        return groups[0].refs[0]
    if c["programme_part"].match(name_text):
        return None  # a part of the programme by its own number ("Hợp phần 1"): no criterion's row
    lead = c["heading_lead"].match(name_text)
    nm = names().match(name_text, lead.end() if lead else 0)
    by_name = lookup(nm.group(0)) if nm else None
    stt = None
    if header.num_col is not None and header.num_col in cells:
        sm = c["table_row_number"].match(cells[header.num_col].text)
        stt = int(sm.group("n")) if sm and valid_number(int(sm.group("n")), size) else None
    if stt is not None:
        return Ref(stt, 0, len(name_text), by_name)
    if by_name is not None:
        return Ref(by_name, 0, len(name_text))
    return None


def _row_criteria(cells: dict[int, CellSpan], header: _TableHeader, size: int) -> list[Ref]:
    """The criteria a row names: every name of a name cell that lists two or more names alone
    ("Điện (mã 04); Y tế (mã 15)" beside one status: a schedule's rows grouped by status),
    else the one `_row_criterion` finds (none: an empty list). A cell of numbers ("Tiêu chí 1,
    2, 3") names no row's criterion: such a row is read as a line."""
    name_cell = _name_cell(cells, header)
    if name_cell is not None and (listed := cell_to_group(name_cell.text)) is not None \
            and len({ref.number for ref in listed.refs}) >= 2:
        return listed.refs
    one = _row_criterion(cells, header, size)
    return [one] if one is not None else []


def _shared_cell_text(outline: Outline, cell: CellSpan) -> str:
    """The text of a cell with the cell a PDF layout gave the same position right after it
    (a short verdict left in the gap after a short name, "Y tế" then "Đ"): the grid keeps
    one text a position, and the verdict would be lost."""
    blocks = outline.blocks
    here = blocks[cell.block].block.cell
    nxt = cell.block + 1
    there = blocks[nxt].block.cell if nxt < len(blocks) else None
    if here is None or there is None or (there.table, there.row, there.col) != (here.table, here.row, here.col):
        return cell.text
    return cell.text + " " + blocks[nxt].text


def _row_status(cells: dict[int, CellSpan], header: _TableHeader, outline: Outline) -> str | None:
    """The status a row gives: its status cell, or the mark column that holds a mark."""
    status = None
    if header.status_col is not None and header.status_col in cells:
        status = _cell_status(cells[header.status_col].text)
    elif (header.status_col is not None and header.name_col is not None and header.name_col in cells
          and header.name_col < header.status_col
          and not any(header.name_col < col <= header.status_col for col in cells)):
        # the name cell runs over the status column (a PDF reader merged a wrapped name with
        # the status beside it: "tổ chức sản xuất và phát Đạt chuẩn triển kinh tế"): one
        # status phrase inside it is the row's
        name_text = _shared_cell_text(outline, cells[header.name_col])
        inside = text_to_statuses(name_text)
        status = inside[0].status if len(inside) == 1 else None
        if status is None and (merged := _merged_name_status(name_text)) is not None:
            status = merged[1]
    for col in header.other_cols:
        if status is not None:
            break
        if col in cells:
            # another result column holds a verdict as its own column does ("Đ", "Giữ vững"); a
            # note only when it holds nothing else
            text = cells[col].text
            status = _bare_cell_status(text) if col in header.note_cols else _cell_status(text)
    for col, st in header.mark_cols.items():
        if col in cells and rx().c["table_mark"].match(cells[col].text):
            status = st
    return status


def _bare_cell_status(text: str) -> str | None:
    """The status of a cell that holds a status and nothing else ("Đạt", "Chưa đạt chuẩn.")."""
    st = text_to_statuses(text)
    if len(st) == 1 and text[:st[0].start].strip(" *-:") == "" \
            and rx().c["named_line_rest"].match(text[st[0].end:]) is not None:
        return st[0].status
    return None


@dataclass
class _TableReading:
    """The claims of one criteria table, row by row. A criterion named without a status waits
    for the indicator rows below it (rows with a status and no name): any unmet makes it
    unmet, else any basically met makes it basically met, else it is met."""

    outline: Outline
    claims: list[Claim] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # outline indices of the rows read
    pending: tuple[Ref, CellSpan] | None = None
    pending_statuses: list[str] = field(default_factory=list)

    def row(self, cells: dict[int, CellSpan], header: _TableHeader, refs: list[Ref], status: str | None) -> None:
        name_cell = _name_cell(cells, header)
        if refs and name_cell is not None:
            self.close()
            self.used.update(x.block for x in cells.values())
            if status is not None:
                for ref in refs:
                    self._claim(ref, status, name_cell)
            elif len(refs) == 1:
                self.pending = (refs[0], name_cell)
        elif self.pending is not None and status is not None and not (name_cell.text.strip() if name_cell else ""):
            self.pending_statuses.append(status)
            self.used.update(x.block for x in cells.values())

    def close(self) -> None:
        if self.pending is not None and self.pending_statuses:
            sub = self.pending_statuses
            self._claim(self.pending[0], UNMET if UNMET in sub else BASIC if BASIC in sub else MET, self.pending[1])
        self.pending = None
        self.pending_statuses = []

    def _claim(self, ref: Ref, status: str, cell: CellSpan) -> None:
        self.claims.append(Claim(ref.number, status, "table", cell.text,
                                  self.outline.location(cell.block, cell.start, cell.end), -1, ref))


@dataclass
class _TimelineHead:
    """A table of the criteria count by time or by commune: its label column, the status its
    count column names, and, in a table of communes (a row each, "Xã | Số tiêu chí đạt | Tiêu
    chí còn thiếu"), the status each other column's header names."""

    label_col: int
    count_status: str | None  # None: a table of communes with a result column and no count column
    by_commune: bool = False
    col_status: dict[int, str] = field(default_factory=dict)


def _timeline_head(rows: dict[int, _Row], order: list[int]) -> _TimelineHead | None:
    """The head of a table of the criteria count over time ("Thời điểm | Số tiêu chí đạt | Ghi
    chú") or by commune; None for any other table."""
    c = rx().c
    head = rows[order[0]]
    if len(head) < 2:
        return None
    by_commune = c["table_commune_header"].match(head[0][1].text) is not None
    if not by_commune and not c["table_time_header"].match(head[0][1].text):
        return None
    count_status = next((st for _, x in head[1:] if c["table_count_header"].search(x.text)
                         and (st := _status_in_header(x.text))), None)
    # a table of communes may give each one's result as a sentence ("Kết quả | đủ 19/19 tiêu chí")
    results = by_commune and any(c["table_status_header"].search(x.text) for _, x in head[1:])
    if count_status is None and not results:
        return None
    col_status = {col: st for col, x in head[1:] if by_commune and (st := _status_in_header(x.text))}
    return _TimelineHead(head[0][0], count_status, by_commune, col_status)


def _timeline_claims(state: State, rows: dict[int, _Row], body: list[int], head: _TimelineHead) -> list[Claim]:
    """The rows of a table of the criteria count over time: a row labelled by the report's year
    or by now ("Năm 2023", "Hiện nay") lists the criteria of the status its count column names
    (`head`: the label column, that status) and its count cell ("15 tiêu chí") is the count claimed; a row labelled by a
    status ("Còn chưa đạt") lists and counts criteria of that status; a row of another year or of
    the start ("Khi bắt đầu") is history. A row with no label, only cells of the list column,
    goes on with the list of the row above (a list cell cut by a page break). In a table of
    communes only the report's own commune's row is read, each list column with the status
    its header names; other communes' rows say nothing of the report's."""
    c = rx().c
    label_col, count_status = head.label_col, head.count_status
    claims: list[Claim] = []
    status: str | None = None
    list_cols: set[int] = set()
    # several rows of the report's time ("Hết quý I năm 2020", "Đến ngày 6/5/2020"): the last is
    # the count now, the ones above it the road there
    now_rows = [r for r in body if rows[r][0][0] == label_col and not head.by_commune
                and _cell_status(rows[r][0][1].text) is None and _label_is_now(rows[r][0][1].text, state.year)]
    for r in body:
        cells = rows[r]
        labelled = cells[0][0] == label_col
        if not labelled:
            # no label: the rest of the row above's list, or a row whose label the PDF text layer
            # left out of the table (that row says nothing)
            if status is None or not all(col in list_cols for col, _ in cells):
                status = None
                continue
        else:
            label = cells[0][1].text
            status = None if head.by_commune else _cell_status(label)
            if head.by_commune:
                own = is_own_commune_label(label, state.commune)
                if own and count_status is None:
                    _result_cells_counts(state, cells[1:])
                status = count_status if own else None
            elif status is None:
                status = count_status if now_rows and r == now_rows[-1] else None
            list_cols = set()
        if status is None:
            continue
        for col, x in (cells[1:] if labelled else cells):
            count = c["table_count_cell"].match(x.text)
            if count and valid_number(int(count.group("n")), state.cset.size):
                state.counts.append(Count(int(count.group("n")), status, x.text.strip(),
                                          state.outline.location(x.block, x.start, x.end), -1))
                continue
            groups = text_to_groups(x.text, state.cset.size)
            if not groups and (names_only := cell_to_group(x.text)) is not None:
                groups = [names_only]  # a cell of names alone ("Gồm Quy hoạch; Giao thông")
            if not groups and head.by_commune and (listed := continuation_to_group(x.text, state.cset.size)):
                groups = [listed]  # a list column's cell of bare numbers ("10, 13, 17")
            if groups:
                list_cols.add(col)
            cell_status = head.col_status.get(col, status)
            # a note cell with a status of its own before its list ("Chưa đạt: Điện; Y tế")
            before = [st for st in text_to_statuses(x.text) if groups and st.end <= groups[0].start and not st.target]
            if before and not head.by_commune:
                cell_status = before[-1].status
            for g in groups:
                for ref in g.refs:
                    claims.append(Claim(ref.number, cell_status, "table", x.text[ref.start:ref.end],
                                        state.outline.location(x.block, x.start + ref.start, x.start + ref.end),
                                        -1, ref))
            claims += _list_cell_rest(state, x, cell_status)
    return claims


def _label_is_now(label: str, year: int | None) -> bool:
    """Is a timeline row's label of the report's time: its year ("Năm 2023", "Đến ngày
    6/5/2023") or a word of now ("Hiện nay"), and no start ("Khi bắt đầu")?"""
    named = rx().status_year.search(label) or rx().c["table_date_label"].search(label)
    now = named is not None and named.group("y") == str(year) or rx().now.search(label) is not None
    return now and rx().baseline.search(label) is None


def other_time_cells(grids: dict[int, TableGrid], year: int | None) -> set[int]:
    """The outline indices of the body cells under a column of another time than the report's,
    in a table whose header names the report's year in one column and other times in others
    ("Chỉ tiêu | Năm 2022 | Năm 2023 | Kế hoạch 2024"): a row read as a sentence ("Số tiêu chí
    đạt | 16 | 17") states the report's year's count only."""
    out: set[int] = set()
    if year is None:
        return out
    for grid in grids.values():
        # the header row naming the times: the first row holding the report's year
        for time_row in sorted(grid.header_rows):
            heads = {c: t for (r, c), t in grid.cells.items() if r == time_row}
            now_cols = {c for c, t in heads.items() if _label_is_now(t, year)}
            if now_cols:
                break
        else:
            continue
        other_cols = {c for c, t in heads.items() if c not in now_cols
                      and (rx().status_year.search(t) or rx().baseline.search(t))}
        out |= {span.block for (r, c), span in grid.origins.items() if r > time_row and c in other_cols}
    return out


def _result_cells_counts(state: State, cells: _Row) -> None:
    """The counts the report's own row of a table of communes states in its result cells, each
    read as a sentence ("đủ 19/19 tiêu chí, xếp nhóm dẫn đầu")."""
    for _, x in cells:
        found = text_to_counts(x.text, state.cset.size, state.year, None, None, state.commune)
        for s, e, n, status, target in found:
            if not target:
                where = state.outline.location(x.block, x.start + s, x.start + e)
                state.counts.append(Count(n, status, x.text[s:e], where, -1))


def _list_cell_rest(state: State, cell: CellSpan, status: str) -> list[Claim]:
    """The rest of a list cell a page break cut off: the paragraph right after the cell that
    goes on with the list ("...; Tiêu chí 09;" over "Tiêu chí 10; Tiêu chí 11"), when the cell
    ends on a separator."""
    blocks = state.outline.blocks
    nxt = cell.block + 1
    if not cell.text.rstrip().endswith((";", ",")) or nxt >= len(blocks) \
            or blocks[nxt].block.kind == BlockKind.TABLE_CELL:
        return []
    group = continuation_to_group(blocks[nxt].text, state.cset.size)
    if group is None:
        return []
    text = blocks[nxt].text
    return [Claim(ref.number, status, "table", text[ref.start:ref.end],
                  state.outline.location(nxt, ref.start, ref.end), -1, ref) for ref in group.refs]


def _status_in_header(text: str) -> str | None:
    st = text_to_statuses(text)
    return st[-1].status if st else None


def tables_to_claims(state: State, grids: list[TableGrid]) -> set[int]:
    """Claims from tables with a criterion column and a status column (or Đạt / Chưa đạt
    mark columns); returns the outline indices of the blocks consumed."""
    consumed: set[int] = set()
    read_roles: set[tuple[int | None, int | None, int | None]] = set()
    single: list[tuple[tuple[int | None, int | None, int | None], _TableReading]] = []
    for grid in grids:
        order = grid.rows()
        rows = {r: grid.row_cells(r) for r in order}
        head = _timeline_head(rows, order)
        body = order[1:]
        if head is not None:
            state.claims.extend(_timeline_claims(state, rows, body, head))
            consumed |= {x.block for r in order for _, x in rows[r]}
            continue
        header = _table_header(rows, order, state.year)
        if header.name_col is None:
            # a first row that names a criterion and gives its verdict is no header
            header = _headless_header(rows, order)
        if header.name_col is None or (header.status_col is None and not header.mark_cols and not header.other_cols):
            if header.name_col is not None and header.requirement:
                # a table of the standards only: its "Đạt" cells are no verdicts, nor lines of prose
                consumed |= {x.block for r in order for _, x in rows[r]}
            continue
        reading = _TableReading(state.outline)
        for r in order:
            if r in header.rows:
                continue
            cells = dict(rows[r])
            reading.row(cells, header, _row_criteria(cells, header, state.cset.size),
                        _row_status(cells, header, state.outline))
        reading.close()
        roles = (header.num_col, header.name_col, header.status_col)
        if len(reading.claims) >= 2:
            state.claims.extend(reading.claims)
            consumed |= reading.used
            read_roles.add(roles)
        elif len(reading.claims) == 1:
            single.append((roles, reading))
        elif len(header.mark_cols) >= 2 and reading.used:
            # a checklist whose marks are none the reader knows ("□" unticked boxes): nothing of
            # it is a status, and its rows are no list for a header's "Chưa đạt" to open
            consumed |= reading.used | {x.block for r in header.rows for _, x in rows[r]}
    # one row alone is no table, unless a table of the same columns was read: the groups of
    # one table that their titles split ("Nhóm I - Quy hoạch:" over a single criterion's row)
    for alone_roles, alone in single:
        if alone_roles in read_roles:
            state.claims.extend(alone.claims)
            consumed |= alone.used
    return consumed


def count_columns_to_counts(state: State, grids: list[TableGrid], skip: set[int]) -> None:
    """Counts a table gives in a column of their own ("Nội dung | Số lượng | Tên tiêu chí",
    "Kết quả | Số tiêu chí | Cụ thể"): a row whose label states one status ("Tiêu chí đạt",
    "Chưa đạt") and whose cell under the count header holds a number alone. A cell after the
    count that names only the rest ("Các tiêu chí còn lại") gives the rest that status."""
    c = rx().c
    for grid in grids:
        order = grid.rows()
        if len(order) < 2:
            continue
        heads = dict(grid.row_cells(order[0]))
        count_cols = [k for k, x in heads.items() if c["table_count_column"].match(x.text)]
        if len(count_cols) != 1:
            continue
        col = count_cols[0]
        about_criteria = any(c["criteria_word_or_abbrev"].search(x.text) for x in heads.values())
        for r in order[1:]:
            cells = dict(grid.row_cells(r))
            x = cells.get(col)
            labels = [y.text for k, y in sorted(cells.items()) if k < col]
            m = c["table_count_cell"].match(x.text) if x is not None and x.block not in skip else None
            if x is None or m is None or not labels:
                continue
            label = " | ".join(labels)
            statuses = text_to_statuses(label)
            mark_targets(label, statuses, plan=False, year=state.year, commune=state.commune)
            if len(statuses) != 1 or statuses[0].target or statuses[0].past or int(m.group("n")) > state.cset.size \
                    or not (about_criteria or c["criteria_word_or_abbrev"].search(label)):
                continue
            # the label is the criteria's and their status alone ("Số thôn đạt tiêu chí" counts villages)
            st = statuses[0]
            if not (c["count_label_before"].fullmatch(label[:st.start])
                    and c["count_label_after"].fullmatch(label[st.end:])):
                continue
            status = st.status
            state.counts.append(Count(int(m.group("n")), status, x.text.strip(),
                                      state.outline.location(x.block, x.start, x.end), -1))
            for y in (y for k, y in cells.items() if k > col):
                rest = c["rest_subject"].match(y.text.strip())
                if rest is not None and rest.end() == len(y.text.strip()):
                    state.rest.append(Claim(0, status, "rest", y.text.strip(),
                                            state.outline.location(y.block, y.start, y.end), -1))


def flat_tables_to_claims(state: State, skip: set[int]) -> set[int]:
    """A criteria table whose cells came out of a PDF text layer as one paragraph each:
    a block holding only a row number, then one starting with a criterion's name, the status
    at the end of that block or in the next one. Needs three such rows in a run."""
    c = rx().c
    outline, size = state.outline, state.cset.size
    blocks = outline.blocks
    rows: list[tuple[Claim, set[int]]] = []
    runs: list[list[tuple[Claim, set[int]]]] = []
    def row_start(i: int) -> tuple[re.Match[str], re.Match[str]] | None:
        if i + 1 >= len(blocks) or i in skip or i + 1 in skip:
            return None
        sm = c["table_row_number"].match(blocks[i].text)
        if not sm or not valid_number(int(sm.group("n")), size):
            return None
        name_text = blocks[i + 1].text
        lead = c["heading_lead"].match(name_text)
        nm = names().match(name_text, lead.end() if lead else 0)
        return (sm, nm) if nm and lookup(nm.group(0)) is not None else None

    i = 0
    while i < len(blocks) - 1:
        start = row_start(i)
        if start is None:
            # a name wrapped over a page break leaves its end in a block of its own
            if rows and row_start(i + 1) is not None:
                i += 1
                continue
            if rows:
                runs.append(rows)
                rows = []
            i += 1
            continue
        sm, nm = start
        number, by_name = int(sm.group("n")), lookup(nm.group(0))
        name_text = blocks[i + 1].text
        used = {i, i + 1}
        status = None
        rest = name_text[nm.end():]
        # the status cell glued to the name: right after it, or ending the block
        tail = [t for t in text_to_statuses(rest)
                if c["follow_gap"].match(rest[:t.start]) or re.fullmatch(r"[\s.*]*(?:\(.*)?", rest[t.end:])]
        if tail:
            status = tail[0].status
        elif i + 2 < len(blocks) and i + 2 not in skip and _cell_status(blocks[i + 2].text):
            status = _cell_status(blocks[i + 2].text)
            used.add(i + 2)
        if status is None:
            if rows:
                runs.append(rows)
                rows = []
            i += 2
            continue
        ref = Ref(number, 0, nm.end(), by_name)
        rows.append((Claim(number, status, "table", name_text[:nm.end()],
                            outline.location(i + 1, 0, nm.end()), -1, ref), used))
        i = max(used) + 1
    if rows:
        runs.append(rows)
    consumed: set[int] = set()
    for run in runs:
        if len(run) >= 3:
            state.claims.extend(cl for cl, _ in run)
            for _, used in run:
                consumed |= used
    return consumed


def spaced_rows_to_claims(state: State, skip: set[int]) -> set[int]:
    """A criteria table pasted from a spreadsheet as lines, its cells run together ("1 Quy
    hoạch Đạt", "12 Lao động CĐ"): a row number, the name of that very criterion, a verdict
    cell to the line's end. Needs three such rows in the document: a lone line of prose that
    happens to start so is no table."""
    c = rx().c
    outline, size = state.outline, state.cset.size
    rows: list[tuple[Claim, int]] = []
    for i, ob in enumerate(outline.blocks):
        if i in skip or ob.block.kind == BlockKind.TABLE_CELL:
            continue
        text = ob.text
        lead = c["spaced_row_lead"].match(text)
        if lead is None or not valid_number(n := int(lead.group("n")), size):
            continue
        nm = names().match(text, lead.end())
        if nm is None or lookup(nm.group(0)) != n or not text[nm.end():nm.end() + 1].isspace():
            continue
        status = _cell_status(text[nm.end():].lstrip(" :|–-"))
        if status is None:
            continue
        ref = Ref(n, lead.start("n"), nm.end(), n)
        rows.append((Claim(n, status, "table", text[:nm.end()], outline.location(i, 0, nm.end()), -1, ref), i))
    if len(rows) < 3:
        return set()
    state.claims.extend(cl for cl, _ in rows)
    return {i for _, i in rows}
