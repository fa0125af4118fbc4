"""Criteria status: which of the national criteria a report says the commune meets.

`outline_to_criteria` reads every form reports use (patterns/criteria.yaml and
patterns/status_words.yaml hold the words):
- lists under a statement: "Tổng số 14 tiêu chí xã đạt: Tiêu chí số 1 Quy hoạch; ...";
- numbers, lists and ranges: "các tiêu chí 1, 2, 3, 5 và 7", "từ tiêu chí 1 đến tiêu chí 5";
- names only: "chưa đạt các tiêu chí Thu nhập, Hộ nghèo, Môi trường";
- criteria tables (STT | Tên tiêu chí | Kết quả, or Đạt / Chưa đạt columns with a mark);
  other tables are read row by row as text, so a summary laid out in cells reads like prose;
- per-section verdicts ("Đánh giá tiêu chí: Đạt") under a heading that names one criterion
  or a programme component serving one criterion; an explicit list always wins over them;
- claimed counts ("Tổng số 14 tiêu chí xã đạt", "đạt 17/19 tiêu chí").
Statements under a target marker ("phấn đấu", "duy trì") or in the plan part of the report are
recorded as evidence with status "target" and never become claims. Disagreements (a name that
is another number's, a criterion listed both ways, counts against lists) are returned in
`CriteriaStatus.conflicts`, not silently resolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractor.core.data import load_pattern
from extractor.core.model import BlockKind, CriteriaConflict, CriteriaStatus, CriterionEvidence, Evidence, Location
from extractor.extract.criteria_sets import CriteriaSet, criteria_set_for_year, lookup_name, name_regex
from extractor.extract.identity import outline_to_year
from extractor.structure.outline import Outline, heading_to_component, text_to_sentences

MET, UNMET, BASIC, TARGET = "met", "unmet", "basically_met", "target"


# ---------------------------------------------------------------- compiled patterns

@dataclass(frozen=True)
class _Rx:
    statuses: tuple[tuple[str, re.Pattern[str]], ...]
    target: re.Pattern[str]
    plan_heading: re.Pattern[str]
    result_heading: re.Pattern[str]
    c: dict[str, re.Pattern[str]]


@lru_cache(maxsize=1)
def _rx() -> _Rx:
    sw = load_pattern("status_words")
    cr = load_pattern("criteria")
    return _Rx(
        statuses=tuple((e["status"], re.compile(e["regex"])) for e in sw["statuses"]),
        target=re.compile(sw["target_markers"]["regex"]),
        plan_heading=re.compile(sw["plan_heading"]["regex"]),
        result_heading=re.compile(sw["result_heading"]["regex"]),
        c={k: re.compile(v["regex"]) for k, v in cr.items() if isinstance(v, dict) and "regex" in v})


# ---------------------------------------------------------------- text units

@dataclass
class _Unit:
    """A stretch of text read as one: a block, or a table row joined with " | "."""

    text: str
    pieces: list[tuple[int, int, int]]  # (outline block index, start in text, end in text)
    blocks: tuple[int, ...]
    is_cell: bool = False
    heading: bool = False
    plan: bool = False

    def location(self, outline: Outline, start: int, end: int) -> Location:
        for i, ps, pe in self.pieces:
            if ps <= start <= pe:
                return outline.location(i, start - ps, min(end, pe) - ps)
        i, ps, pe = self.pieces[-1]
        return outline.location(i, pe - ps, pe - ps)


@dataclass
class _Status:
    start: int
    end: int
    status: str
    target: bool = False
    used_after: bool = False


@dataclass
class _Ref:
    number: int
    start: int
    end: int
    name_number: int | None = None


@dataclass
class _Group:
    start: int
    end: int
    refs: list[_Ref]


@dataclass
class _Claim:
    number: int
    status: str
    source: str  # "list" | "table" | "verdict"
    text: str
    location: Location
    unit: int
    ref: _Ref | None = None


@dataclass
class _Count:
    n: int
    status: str
    text: str
    location: Location
    unit: int


@dataclass
class _State:
    outline: Outline
    cset: CriteriaSet
    claims: list[_Claim] = field(default_factory=list)
    targets: list[_Claim] = field(default_factory=list)
    verdicts: list[_Claim] = field(default_factory=list)
    counts: list[_Count] = field(default_factory=list)
    conflicts: list[CriteriaConflict] = field(default_factory=list)


# ---------------------------------------------------------------- small readers

def text_to_statuses(text: str) -> list[_Status]:
    """Status phrases of a text, earlier pattern entries winning overlaps."""
    found: list[_Status] = []
    for status, rx in _rx().statuses:
        for m in rx.finditer(text):
            if not any(s.start < m.end() and m.start() < s.end for s in found):
                found.append(_Status(m.start(), m.end(), status))
    return sorted(found, key=lambda s: s.start)


def _valid(n: int, size: int) -> bool:
    return 1 <= n <= size


def _name_after(text: str, pos: int) -> tuple[int, int] | None:
    """(name number, end) of a criterion name right after `pos` (after a dash, colon...)."""
    lead = _rx().c["name_lead"].match(text[pos:])
    start = pos + (lead.end() if lead else 0)
    m = name_regex().match(text, start)
    if not m:
        return None
    number = lookup_name(m.group(0))
    return (number, m.end()) if number is not None else None


def text_to_groups(text: str, size: int = 19) -> list[_Group]:
    """Criterion references of a text, grouped as written: a list or range is one group,
    each "Tiêu chí số N Name" its own group; names-only lists after "tiêu chí" too."""
    c = _rx().c
    groups: list[_Group] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    for m in c["range"].finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if _valid(a, size) and _valid(b, size) and a < b and free(m.start(), m.end()):
            refs = [_Ref(n, m.start(), m.end()) for n in range(a, b + 1)]
            groups.append(_Group(m.start(), m.end(), refs))
            taken.append((m.start(), m.end()))
    for m in c["reference"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        n = int(m.group("n"))
        if not _valid(n, size):
            continue
        refs = [_Ref(n, m.start(), m.end())]
        end = m.end()
        named = _name_after(text, end)
        if named:
            refs[0].name_number, refs[0].end = named[0], named[1]
            end = named[1]
        while True:
            nxt = c["list_next"].match(text[end:])
            if not nxt:
                break
            n2 = int(nxt.group("n"))
            after = end + nxt.end()
            named = _name_after(text, after)
            if not _valid(n2, size) or not (named or c["list_end"].match(text[after:])):
                break
            ref = _Ref(n2, end + nxt.start("item"), after)
            if named:
                ref.name_number, ref.end = named[0], named[1]
            refs.append(ref)
            end = ref.end
        groups.append(_Group(m.start(), end, refs))
        taken.append((m.start(), end))
    for m in c["names_intro"].finditer(text):
        pos = m.end()
        if not free(m.start(), pos + 1):
            continue
        refs = []
        while True:
            nm = name_regex().match(text, pos)
            number = lookup_name(nm.group(0)) if nm else None
            if number is None:
                break
            refs.append(_Ref(number, nm.start(), nm.end()))
            pos = nm.end()
            sep = c["names_sep"].match(text[pos:])
            if not sep or not name_regex().match(text, pos + sep.end()):
                break
            pos += sep.end()
        if refs:
            groups.append(_Group(refs[0].start, refs[-1].end, refs))
            taken.append((m.start(), refs[-1].end))
    return sorted(groups, key=lambda g: g.start)


def _segments(text: str) -> list[tuple[int, int]]:
    """Sentence spans without the whitespace around them (blank ones dropped); clauses cut
    by ';' stay together, since a list of criteria may run over them."""
    spans = []
    for a, b in text_to_sentences(text, split_on_semicolon=False):
        seg = text[a:b]
        if seg.strip():
            spans.append((a + len(seg) - len(seg.lstrip()), a + len(seg.rstrip())))
    return spans


def _mark_targets(text: str, statuses: list[_Status], plan: bool) -> None:
    """A status under a target marker of its own clause ("phấn đấu đạt") states a target."""
    clauses = text_to_sentences(text)
    for s in statuses:
        if plan:
            s.target = True
            continue
        clause_start = next(a for a, b in clauses if s.start < b or b == len(text))
        s.target = bool(_rx().target.search(text, clause_start, s.start))


def text_to_counts(text: str, size: int = 19) -> list[tuple[int, int, int, str, bool]]:
    """Claimed counts: (start, end, n, status, target) for "Tổng số 14 tiêu chí xã đạt",
    "đạt 17/19 tiêu chí", "Số tiêu chí chưa đạt: 5". Counts of another scheme ("5 hộ đạt 8
    tiêu chí", "tiêu chí gia đình văn hóa") and totals other than the set size are skipped."""
    c = _rx().c
    statuses = text_to_statuses(text)
    _mark_targets(text, statuses, plan=False)
    out = []
    for m in c["count_before"].finditer(text):
        n, of = int(m.group("n")), m.group("of")
        if n > size or (of is not None and int(of) != size):
            continue
        if c["other_scheme"].match(text[m.end():]):
            continue
        status = None
        left = [s for s in statuses if s.end <= m.start()
                and c["count_left_gap"].match(text[s.end:m.start()])]
        if left:
            status = left[-1]
            if c["other_subject"].search(text[:status.start]):
                continue
        else:
            stop = re.search(r"[:;,.(]", text[m.end():])
            limit = m.end() + (stop.start() if stop else len(text) - m.end())
            right = [s for s in statuses if m.end() <= s.start < limit
                     and c["count_right_gap"].match(text[m.end():s.start])]
            status = right[0] if right else None
        if status is not None:
            out.append((m.start(), m.end(), n, status.status, status.target))
    for m in c["count_after"].finditer(text):
        n, of = int(m.group("n")), m.group("of")
        if n > size or (of is not None and int(of) != size):
            continue
        mid = [s for s in text_to_statuses(m.group("mid"))]
        if not mid:
            continue
        target = bool(_rx().target.search(text, 0, m.start()))
        out.append((m.start(), m.end(), n, mid[-1].status, target))
    return out


# ---------------------------------------------------------------- units of the outline

def _plan_flags(outline: Outline) -> list[bool]:
    """Per outline block: does it stand in the plan part (phương hướng, nhiệm vụ, mục tiêu)?"""
    rx = _rx()

    def is_plan(text: str) -> bool:
        return bool(rx.plan_heading.search(text)) and not rx.result_heading.search(text)

    flags: list[bool] = []
    part_plan = False
    blocks = outline.blocks
    # part headings ("Phần thứ hai") are judged together with their title, below
    parts = {ob.text.strip() for ob in blocks if ob.level == 0}
    for i, ob in enumerate(blocks):
        if ob.level == 0:
            title = ob.text
            # the part title often stands in the paragraph after "Phần thứ hai"
            for nxt in blocks[i + 1:i + 3]:
                if nxt.level is None and nxt.text.isupper():
                    title += " " + nxt.text
                else:
                    break
            part_plan = is_plan(title)
        inner = [h for h in ob.headings if h not in parts]
        own = [ob.text] if ob.level not in (None, 0) else []
        flags.append(part_plan or any(is_plan(h) for h in inner + own))
    return flags


def _table_rows(outline: Outline) -> dict[int, dict[int, list[tuple[int, int]]]]:
    """table -> row -> [(col, outline index)] for TABLE_CELL blocks."""
    tables: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for i, ob in enumerate(outline.blocks):
        cell = ob.block.cell
        if ob.block.kind == BlockKind.TABLE_CELL and cell is not None:
            tables.setdefault(cell.table, {}).setdefault(cell.row, []).append((cell.col, i))
    for rows in tables.values():
        for cells in rows.values():
            cells.sort()
    return tables


def _units(outline: Outline, skip: set[int], plan: list[bool]) -> list[_Unit]:
    """Blocks in order, table rows joined into one unit (cells of criteria tables skipped)."""
    row_of: dict[int, tuple[int, int]] = {}
    tables = _table_rows(outline)
    for t, rows in tables.items():
        for r, cells in rows.items():
            for _, i in cells:
                row_of[i] = (t, r)
    units: list[_Unit] = []
    done: set[tuple[int, int]] = set()
    for i, ob in enumerate(outline.blocks):
        if i in skip:
            continue
        if i in row_of:
            key = row_of[i]
            if key in done:
                continue
            done.add(key)
            parts, pieces, pos = [], [], 0
            for _, j in tables[key[0]][key[1]]:
                if j in skip:
                    continue
                t = outline.blocks[j].text
                if parts:
                    parts.append(" | ")
                    pos += 3
                parts.append(t)
                pieces.append((j, pos, pos + len(t)))
                pos += len(t)
            idx = tuple(p[0] for p in pieces)
            units.append(_Unit("".join(parts), pieces, idx, is_cell=True,
                               plan=any(plan[j] for j in idx)))
        else:
            units.append(_Unit(ob.text, [(i, 0, len(ob.text))], (i,),
                               heading=ob.level is not None, plan=plan[i]))
    return units


# ---------------------------------------------------------------- criteria tables

def _cell_status(text: str) -> str | None:
    st = text_to_statuses(text)
    if st and len(text.strip(" *.")) <= 40 and text[:st[0].start].strip(" *-:") == "":
        return st[0].status
    return None


@dataclass(frozen=True)
class _Cell:
    block: int  # outline index
    start: int
    end: int
    text: str


_PIPE = re.compile(r"\s*\|\s*")


def _pipe_tables(outline: Outline) -> list[dict[int, list[tuple[int, _Cell]]]]:
    """Runs of text lines written as table rows ("1 | Quy hoạch | Đạt") with one column count."""
    tables: list[dict[int, list[tuple[int, _Cell]]]] = []
    current: dict[int, list[tuple[int, _Cell]]] = {}
    width = 0
    for i, ob in enumerate(outline.blocks):
        text = ob.text
        if ob.block.kind == BlockKind.TABLE_CELL or "|" not in text:
            if len(current) >= 2:
                tables.append(current)
            current, width = {}, 0
            continue
        cells, pos = [], 0
        for m in list(_PIPE.finditer(text)) + [None]:
            cut = m.start() if m else len(text)
            raw = text[pos:cut]
            lead = len(raw) - len(raw.lstrip())
            cells.append(_Cell(i, pos + lead, pos + len(raw.rstrip()), raw.strip()))
            pos = m.end() if m else len(text)
        if len(cells) != width:
            if len(current) >= 2:
                tables.append(current)
            current, width = {}, len(cells)
        current[len(current)] = list(enumerate(cells))
    if len(current) >= 2:
        tables.append(current)
    return tables


def _all_tables(outline: Outline) -> list[dict[int, list[tuple[int, _Cell]]]]:
    """Every table as row -> [(col, cell)]: docx/pdf table cells and pipe-written rows."""
    out = [{r: [(col, _Cell(i, 0, len(outline.blocks[i].text), outline.blocks[i].text))
                for col, i in cells] for r, cells in rows.items()}
           for rows in _table_rows(outline).values()]
    return out + _pipe_tables(outline)


_Row = list[tuple[int, _Cell]]


@dataclass
class _TableHeader:
    """Column roles of a criteria table, read from its first rows."""

    num_col: int | None = None
    name_col: int | None = None
    status_col: int | None = None
    mark_cols: dict[int, str] = field(default_factory=dict)  # column -> status its mark gives
    rows: set[int] = field(default_factory=set)


def _table_header(rows: dict[int, _Row], order: list[int]) -> _TableHeader:
    """The columns of a criteria table: row number (STT), criterion name, status, and mark
    columns headed by a status word ("Đạt | Chưa đạt")."""
    c = _rx().c
    header = _TableHeader()
    for k, r in enumerate(order[:3]):
        # a header may take two rows: "Kết quả" over "Đạt | Chưa đạt"
        numbered = any(c["table_row_number"].match(x.text) for _, x in rows[r])
        headerish = k == 0 or (order[k - 1] in header.rows and not numbered)
        for col, x in rows[r]:
            t = x.text.strip(" *")
            if c["table_number_header"].match(t):
                header.num_col = col
                header.rows.add(r)
            elif c["table_name_header"].search(t):
                if header.name_col is None:
                    header.name_col = col
                header.rows.add(r)
            elif headerish and len(t) <= 20 and (st := _cell_status(t)):
                header.mark_cols[col] = st
                header.rows.add(r)
            elif c["table_status_header"].search(t) and len(t) <= 60:
                header.status_col = col
                header.rows.add(r)
    return header


def _name_cell(cells: dict[int, _Cell], header: _TableHeader) -> _Cell | None:
    return cells.get(header.name_col) if header.name_col is not None else None


def _row_criterion(cells: dict[int, _Cell], header: _TableHeader, size: int) -> _Ref | None:
    """The criterion a row names: a reference in its name cell, else its row number or its
    name (a name that is another number's is kept on the reference as `name_number`)."""
    c = _rx().c
    name_cell = _name_cell(cells, header)
    if name_cell is None:
        return None
    name_text = name_cell.text
    groups = text_to_groups(name_text, size)
    if groups and len(groups[0].refs) == 1:
        return groups[0].refs[0]
    lead = c["heading_lead"].match(name_text)
    nm = name_regex().match(name_text, lead.end() if lead else 0)
    by_name = lookup_name(nm.group(0)) if nm else None
    stt = None
    if header.num_col is not None and header.num_col in cells:
        sm = c["table_row_number"].match(cells[header.num_col].text)
        stt = int(sm.group("n")) if sm and _valid(int(sm.group("n")), size) else None
    if stt is not None:
        return _Ref(stt, 0, len(name_text), by_name)
    if by_name is not None:
        return _Ref(by_name, 0, len(name_text))
    return None


def _row_status(cells: dict[int, _Cell], header: _TableHeader) -> str | None:
    """The status a row gives: its status cell, or the mark column that holds a mark."""
    status = None
    if header.status_col is not None and header.status_col in cells:
        status = _cell_status(cells[header.status_col].text)
    for col, st in header.mark_cols.items():
        if col in cells and _rx().c["table_mark"].match(cells[col].text):
            status = st
    return status


@dataclass
class _TableReading:
    """The claims of one criteria table, row by row. A criterion named without a status waits
    for the indicator rows below it (rows with a status and no name): any unmet makes it
    unmet, else any basically met makes it basically met, else it is met."""

    outline: Outline
    claims: list[_Claim] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # outline indices of the rows read
    pending: tuple[_Ref, _Cell] | None = None
    pending_statuses: list[str] = field(default_factory=list)

    def row(self, cells: dict[int, _Cell], header: _TableHeader, ref: _Ref | None, status: str | None) -> None:
        name_cell = _name_cell(cells, header)
        if ref is not None and name_cell is not None:
            self.close()
            self.used.update(x.block for x in cells.values())
            if status is not None:
                self._claim(ref, status, name_cell)
            else:
                self.pending = (ref, name_cell)
        elif self.pending is not None and status is not None and not (name_cell.text.strip() if name_cell else ""):
            self.pending_statuses.append(status)
            self.used.update(x.block for x in cells.values())

    def close(self) -> None:
        if self.pending is not None and self.pending_statuses:
            sub = self.pending_statuses
            self._claim(self.pending[0], UNMET if UNMET in sub else BASIC if BASIC in sub else MET, self.pending[1])
        self.pending = None
        self.pending_statuses = []

    def _claim(self, ref: _Ref, status: str, cell: _Cell) -> None:
        self.claims.append(_Claim(ref.number, status, "table", cell.text,
                                  self.outline.location(cell.block, cell.start, cell.end), -1, ref))


def _table_claims(state: _State) -> set[int]:
    """Claims from tables with a criterion column and a status column (or Đạt / Chưa đạt
    mark columns); returns the outline indices of the blocks consumed."""
    consumed: set[int] = set()
    for rows in _all_tables(state.outline):
        order = sorted(rows)
        header = _table_header(rows, order)
        if header.name_col is None or (header.status_col is None and not header.mark_cols):
            continue
        reading = _TableReading(state.outline)
        for r in order:
            if r in header.rows:
                continue
            cells = dict(rows[r])
            reading.row(cells, header, _row_criterion(cells, header, state.cset.size), _row_status(cells, header))
        reading.close()
        if len(reading.claims) >= 2:
            state.claims.extend(reading.claims)
            consumed |= reading.used
    return consumed


def _flat_table_claims(state: _State, skip: set[int]) -> set[int]:
    """A criteria table whose cells came out of a PDF text layer as one paragraph each:
    a block holding only a row number, then one starting with a criterion's name, the status
    at the end of that block or in the next one. Needs three such rows in a run."""
    c = _rx().c
    outline, size = state.outline, state.cset.size
    blocks = outline.blocks
    rows: list[tuple[_Claim, set[int]]] = []
    runs: list[list[tuple[_Claim, set[int]]]] = []
    def row_start(i: int) -> tuple[re.Match[str], re.Match[str]] | None:
        if i + 1 >= len(blocks) or i in skip or i + 1 in skip:
            return None
        sm = c["table_row_number"].match(blocks[i].text)
        if not sm or not _valid(int(sm.group("n")), size):
            return None
        name_text = blocks[i + 1].text
        lead = c["heading_lead"].match(name_text)
        nm = name_regex().match(name_text, lead.end() if lead else 0)
        return (sm, nm) if nm and lookup_name(nm.group(0)) is not None else None

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
        number, by_name = int(sm.group("n")), lookup_name(nm.group(0))
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
        ref = _Ref(number, 0, nm.end(), by_name)
        rows.append((_Claim(number, status, "table", name_text[:nm.end()],
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


# ---------------------------------------------------------------- prose

def _heading_criterion(state: _State, unit: _Unit) -> int | None:
    """The one criterion the section of a verdict is about, from its headings inward-out:
    a numbered reference, a name ("- Về giao thông:"), or a programme component serving a
    single criterion. None when the section covers several."""
    ob = state.outline.blocks[unit.blocks[0]]
    size = state.cset.size
    for h in reversed(ob.headings):
        numbers = {r.number for g in text_to_groups(h, size) for r in g.refs}
        if numbers:
            return numbers.pop() if len(numbers) == 1 else None
        lead = _rx().c["heading_lead"].match(h)
        nm = name_regex().match(h, lead.end() if lead else 0)
        if nm and lookup_name(nm.group(0)) is not None:
            return lookup_name(nm.group(0))
        comp = heading_to_component(h)
        if comp is not None:
            served = state.cset.components.get(comp, ())
            return served[0] if len(served) == 1 else None
    if ob.component is not None:
        served = state.cset.components.get(ob.component, ())
        return served[0] if len(served) == 1 else None
    return None


@dataclass
class _Segment:
    """One sentence of a unit, with its status phrases."""

    unit: _Unit
    index: int  # the unit's position
    start: int  # offset of the sentence in the unit's text
    text: str
    statuses: list[_Status]

    def claim(self, outline: Outline, number: int, status: str, source: str, start: int, end: int,
              ref: _Ref | None = None, text: str | None = None) -> _Claim:
        location = self.unit.location(outline, self.start + start, self.start + end)
        return _Claim(number, status, source, self.text[start:end] if text is None else text,
                      location, self.index, ref)


def _verdict_or_opening(state: _State, seg: _Segment) -> _Status | None:
    """A sentence without criterion references: a section verdict ("Đánh giá tiêu chí: Đạt"),
    or a statement whose status the lists of the next sentences take ("Các tiêu chí chưa
    đạt:"). Returns the status waiting for a list."""
    statuses = seg.statuses
    vm = _rx().c["verdict"].match(seg.text)
    if vm and statuses and statuses[0].start == vm.end():
        number = _heading_criterion(state, seg.unit)
        st = statuses[0]
        if number is not None and not st.target:
            state.verdicts.append(seg.claim(state.outline, number, st.status, "verdict", 0, len(seg.text),
                                            text=seg.text.strip()))
        return None
    ends_open = seg.text.rstrip(" *").endswith(":") or seg.unit.heading or seg.unit.is_cell
    mentions_criteria = _rx().c["criteria_word"].search(seg.text) is not None
    return statuses[-1] if statuses and ends_open and mentions_criteria else None


def _group_claims(state: _State, seg: _Segment, groups: list[_Group], pending: _Status | None) -> _Status | None:
    """Claims of each group of references in a sentence, with the status right after it, else
    the last one before it, else the one waiting from an earlier sentence. Returns the status
    left waiting for the next sentence's lists (a statement ending in ':' before a list)."""
    follow_gap = _rx().c["follow_gap"]
    text, statuses = seg.text, seg.statuses
    last_source: str | None = None
    for gi, g in enumerate(groups):
        chosen: _Status | None = None
        after = [s for s in statuses if s.start >= g.end]
        nxt_group = groups[gi + 1].start if gi + 1 < len(groups) else len(text)
        if after and after[0].start <= nxt_group and follow_gap.match(text[g.end:after[0].start]):
            chosen = after[0]
            chosen.used_after = True
            last_source = "after"
        else:
            before = [s for s in statuses if s.end <= g.start and not s.used_after]
            if before:
                chosen = before[-1]
                last_source = "colon" if ":" in text[chosen.end:g.start] else "before"
            elif pending is not None:
                chosen = pending
                last_source = "pending"
        if chosen is None:
            continue
        for ref in g.refs:
            claim = seg.claim(state.outline, ref.number, chosen.status, "list", ref.start, ref.end, ref)
            if chosen.target:
                claim.status = TARGET
                state.targets.append(claim)
            else:
                state.claims.append(claim)
    own_after_last = any(s.start >= groups[-1].end for s in statuses)
    if last_source == "pending" and not own_after_last:
        return pending
    if last_source == "colon" and not own_after_last:
        return next(s for s in reversed(statuses) if s.end <= groups[-1].start)
    return None


def _prose(state: _State, units: list[_Unit]) -> None:
    size = state.cset.size
    pending: _Status | None = None
    for ui, unit in enumerate(units):
        for a, b in _segments(unit.text):
            text = unit.text[a:b]
            seg = _Segment(unit, ui, a, text, text_to_statuses(text))
            _mark_targets(text, seg.statuses, unit.plan)
            for s, e, n, status, target in text_to_counts(text, size):
                if not (target or unit.plan):
                    state.counts.append(_Count(n, status, text[s:e], unit.location(state.outline, a + s, a + e), ui))
            groups = text_to_groups(text, size)
            pending = _group_claims(state, seg, groups, pending) if groups else _verdict_or_opening(state, seg)


# ---------------------------------------------------------------- resolution

def _resolve_names(state: _State) -> None:
    """A name that is another number's: keep the better-supported reading (the one not
    already listed in the same statement; the number on a tie) and report it."""
    for cl in state.claims:
        ref = cl.ref
        if ref is None or ref.name_number is None or ref.name_number == ref.number:
            continue
        same = [o.number for o in state.claims if o is not cl and o.unit == cl.unit
                and o.status == cl.status and o.source == cl.source]
        number_taken, name_taken = ref.number in same, ref.name_number in same
        resolved = ref.name_number if number_taken and not name_taken else ref.number
        state.conflicts.append(CriteriaConflict(
            kind="name_number_mismatch", numbers=[ref.number, ref.name_number],
            evidence=[Evidence(cl.text, cl.location)], resolved=resolved, status=cl.status))
        cl.number = resolved


def _pick_count(state: _State, status: str, listed_units: set[int]) -> _Count | None:
    counts = [c for c in state.counts if c.status == status]
    if not counts:
        return None
    values = {c.n for c in counts}
    if len(values) > 1:
        state.conflicts.append(CriteriaConflict(
            kind="count_claims_disagree", numbers=[], status=status,
            evidence=[Evidence(c.text, c.location) for c in counts]))
    beside_list = [c for c in counts if c.unit in listed_units]
    return (beside_list or counts)[0]


def outline_to_criteria(outline: Outline) -> CriteriaStatus:
    year = outline_to_year(outline)
    cset = criteria_set_for_year(year)  # with no year, the newest set reads the names
    state = _State(outline, cset)
    consumed = _table_claims(state)
    consumed |= _flat_table_claims(state, consumed)
    _prose(state, _units(outline, consumed, _plan_flags(outline)))
    _resolve_names(state)

    explicit: dict[int, dict[str, list[_Claim]]] = {}
    for cl in state.claims:
        explicit.setdefault(cl.number, {}).setdefault(cl.status, []).append(cl)
    for v in state.verdicts:
        stated = explicit.get(v.number)
        if stated is None:
            explicit[v.number] = {v.status: [v]}
        elif v.status not in stated:
            state.conflicts.append(CriteriaConflict(
                kind="verdict_disagrees", numbers=[v.number], status=v.status,
                evidence=[Evidence(v.text, v.location)]
                + [Evidence(x.text, x.location) for xs in stated.values() for x in xs[:1]]))

    result = CriteriaStatus(criteria_set=cset.id if year else None)
    for number in sorted(explicit):
        stated = explicit[number]
        if MET in stated:
            result.met.append(number)
        if UNMET in stated:
            result.unmet.append(number)
        if BASIC in stated:
            result.basically_met.append(number)
        if MET in stated and UNMET in stated:
            state.conflicts.append(CriteriaConflict(
                kind="met_and_unmet", numbers=[number],
                evidence=[Evidence(x.text, x.location) for s in (MET, UNMET) for x in stated[s]]))

    for status, attr, listed in ((MET, "met_count_claimed", result.met),
                                 (UNMET, "unmet_count_claimed", result.unmet)):
        units = {cl.unit for cl in state.claims if cl.status == status}
        count = _pick_count(state, status, units)
        if count is None:
            continue
        setattr(result, attr, count.n)
        result.count_evidence[status] = Evidence(count.text, count.location)
        if listed and len(listed) != count.n:
            state.conflicts.append(CriteriaConflict(
                kind="count_mismatch", numbers=list(listed), status=status, claimed=count.n,
                listed=len(listed), evidence=[Evidence(count.text, count.location)]))
    if (result.met_count_claimed is not None and result.unmet_count_claimed is not None
            and not result.basically_met
            and result.met_count_claimed + result.unmet_count_claimed != cset.size):
        state.conflicts.append(CriteriaConflict(
            kind="counts_do_not_sum", numbers=[], claimed=result.met_count_claimed
            + result.unmet_count_claimed, listed=cset.size,
            evidence=list(result.count_evidence.values())))

    evidence = state.claims + state.verdicts + state.targets
    evidence.sort(key=lambda cl: (cl.location.block, cl.location.start))
    result.evidence = [CriterionEvidence(cl.number, cl.status, cl.text, cl.location) for cl in evidence]
    result.conflicts = state.conflicts
    return result
