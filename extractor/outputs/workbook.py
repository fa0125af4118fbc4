"""report.xlsx: the consolidated tables as a workbook to hand to a superior.

Written with XlsxWriter in constant-memory mode (each row goes to disk as it is written, so a
province's figures sheet costs little memory and time). Sheets: a summary per district first,
the criteria matrix (coloured by status, with the met count, the "đạt chuẩn" status and each
commune's flags beside it), then the reports, indicators, flags, figures (capped: figures.csv
has them all) and unread files. Every code is shown in words of the current language, dates are
real dates, rows are in Vietnamese alphabetical order, paths are relative, and each row links
to its review page. Sheets print landscape, fitted to the page width, with the title rows
repeated on every page.
"""
from __future__ import annotations

import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from functools import cache, partial
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.core import i18n
from extractor.core.errors import reason
from extractor.core.version import __version__
from extractor.extract.indicators import indicator_by_key
from extractor.outputs import links
from extractor.outputs.collation import sort_key
from extractor.outputs.workbook_rows import (
    ROW_NUMBER,
    SEQ_NUMBER,
    Changes,
    KeptRow,
    KeptSheets,
    SheetRows,
    warm_context,
)
from extractor.store.consolidate import table_columns
from extractor.store.tables import Tables, as_tables, plain

if TYPE_CHECKING:  # the workbook is written without importing pandas
    import pandas as pd

CRITERIA = tuple(range(1, 20))
# The workbook stays a summary: figures.csv has them all (a province's figures were most of the
# workbook's writing time).
FIGURES_SHEET_MAX = 2_000
_LINK_CALL = "=HYPERLINK("
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
INT_FORMAT = "[$-42A]#,##0"
DEC_FORMAT = "[$-42A]#,##0.0##"
_DATE_FORMATS = {3: "dd/mm/yyyy", 2: "mm/yyyy", 1: "yyyy"}
# units whose values add up across communes (a percentage or a ratio's share does not)
_ADDITIVE_UNITS = frozenset({"km", "m", "m2", "ha", "VND", "household", "person", "labour_day",
                             "village", "count"})
_GREEN, _RED, _AMBER, _BLUE = "#C6EFCE", "#FFC7CE", "#FFEB9C", "#DDEBF7"


def _t(key: str, **values: Any) -> str:
    return i18n.t("export", key, **values)


def _label(prefix: str, code: Any) -> Any:
    """A code in words (`prefix_code` in locale/export.yaml); an unknown code stays as it is."""
    if not isinstance(code, str) or not code:
        return None
    key = f"{prefix}_{code}"
    return _t(key) if key in i18n.catalogue("export") else code


def excel_date(iso: Any) -> tuple[date, str] | None:
    """A report date (ISO, possibly partial: 2023, 2023-08, 2023-08-15) as a real date and the
    number format that shows only the precision known."""
    if not isinstance(iso, str) or not iso:
        return None
    parts = iso.split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
        full = numbers + [1] * (3 - len(numbers))
        return date(full[0], full[1], full[2]), _DATE_FORMATS[len(numbers)]
    except (ValueError, KeyError):
        return None


def _place_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (sort_key(row.get("province")), sort_key(row.get("district")),
            sort_key(row.get("commune")), row.get("report_date") or "", row.get("file") or "")


@dataclass
class _Formats:
    title: Any
    note: Any
    head: Any
    head_rotated: Any
    text: Any
    quoted: Any
    wrap: Any
    int: Any
    dec: Any
    dates: dict[str, Any]
    status: Any
    total: Any
    link: Any
    green: Any
    red: Any
    amber: Any
    sheets: list[_Sheet] = field(default_factory=list)  # each hands its last row over before closing
    named: dict[str, Any] = field(default_factory=dict)  # each style by its name (a kept row names them)
    names: dict[int, str] = field(default_factory=dict)  # id() of a style -> its name
    # the styles of kept rows (name, number) found numbered as they were written (`_Sheet._write_kept`)
    checked: set[tuple[tuple[str, int], ...]] = field(default_factory=set)

    def __post_init__(self) -> None:
        for name in ("title", "note", "head", "head_rotated", "text", "quoted", "wrap", "int", "dec", "status",
                     "total", "link", "green", "red", "amber"):
            self.named[name] = getattr(self, name)
        for number_format, style in self.dates.items():
            self.named[f"date:{number_format}"] = style
        self.names = {id(style): name for name, style in self.named.items()}


def _formats(wb: Any) -> _Formats:
    base = {"valign": "top", "font_name": "Times New Roman", "font_size": 11}
    head = {**base, "bold": True, "bg_color": _BLUE, "border": 1, "text_wrap": True, "align": "center",
            "valign": "vcenter"}
    return _Formats(
        title=wb.add_format({**base, "bold": True, "font_size": 14}),
        note=wb.add_format({**base, "italic": True, "font_color": "#555555"}),
        head=wb.add_format(head),
        head_rotated=wb.add_format({**head, "rotation": 90}),
        text=wb.add_format({**base, "border": 1}),
        quoted=wb.add_format({**base, "border": 1, "quote_prefix": True}),
        wrap=wb.add_format({**base, "border": 1, "text_wrap": True}),
        int=wb.add_format({**base, "border": 1, "num_format": INT_FORMAT}),
        dec=wb.add_format({**base, "border": 1, "num_format": DEC_FORMAT}),
        dates={f: wb.add_format({**base, "border": 1, "num_format": f, "align": "center"})
               for f in _DATE_FORMATS.values()},
        status=wb.add_format({**base, "border": 1, "align": "center", "shrink": True}),
        total=wb.add_format({**base, "bold": True, "border": 1, "num_format": DEC_FORMAT, "top": 2}),
        link=wb.add_format({**base, "border": 1, "font_color": "blue", "underline": 1}),
        green=wb.add_format({"bg_color": _GREEN, "font_color": "#006100"}),
        red=wb.add_format({"bg_color": _RED, "font_color": "#9C0006"}),
        amber=wb.add_format({"bg_color": _AMBER, "font_color": "#9C5700"}),
    )


_ERROR_CODES = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"})


def _is_link_call(formula: str) -> bool:
    """A formula that calls nothing but HYPERLINK (`_Sheet.link`), which XlsxWriter writes
    without its leading '='."""
    return formula.startswith(_LINK_CALL) and formula.count("(") == 1 and not formula.endswith("}")


# A text cell XlsxWriter writes as it is (`_is_plain_text`): nothing to escape as XML (&, <, >,
# ", a newline), no control character or literal _xHHHH_ to escape for Excel, no space at either
# end to keep. One regular expression for all of it took 3 µs a cell (its ^\s|\s$ alternatives
# are tried at every position), five times these tests.
_ESCAPED_CHARS = re.compile(r'["&<>\n\x00-\x08\x0b-\x1f]')


def _is_plain_text(text: str) -> bool:
    """Whether XlsxWriter writes this text cell as it is (any "_x" counts as a possible
    _xHHHH_ escape: such a cell goes through XlsxWriter)."""
    return (_ESCAPED_CHARS.search(text) is None and "_x" not in text
            and not text[:1].isspace() and not text[-1:].isspace())


@cache
def _worksheet_class() -> type:
    """XlsxWriter's worksheet, with two costs of its inner loop cut:
    - a formula that calls nothing but HYPERLINK is taken as it is: XlsxWriter runs some
      thirty substitutions on each formula (functions newer than Excel 2010 get a prefix),
      each needing a function name followed by "(" and the link formula has none but its own;
    - a formatted number or blank, and a formatted text with nothing to escape, is written as one
      string: the XML XlsxWriter writes for it (constant-memory mode), without its attribute
      list, escaping calls and regular expressions per cell (most of the workbook's time).
    Every other cell goes through XlsxWriter as before (tests/outputs/test_workbook_cells.py
    compares both on every kind of cell)."""
    from xlsxwriter.worksheet import Worksheet

    try:  # XlsxWriter's internals: where a version no longer has them, its own worksheet
        from xlsxwriter.utility import xl_rowcol_to_cell_fast
        from xlsxwriter.worksheet import CellBlankTuple, CellNumberTuple, CellStringTuple
    except ImportError:
        return Worksheet
    if not all(callable(getattr(Worksheet, name, None)) for name in ("_write_cell", "_prepare_formula")):
        return Worksheet

    class _Worksheet(Worksheet):  # type: ignore[misc]
        def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
            if _is_link_call(formula):
                return formula[1:]
            return str(super()._prepare_formula(formula, expand_future_functions))

        def _write_cell(self, row: int, col: int, cell: Any) -> None:
            kind, fmt = cell.__class__, cell.format
            if fmt and self.constant_memory:
                if kind is CellStringTuple and _is_plain_text(cell.string):
                    tail = f' t="inlineStr"><is><t>{cell.string}</t></is></c>'
                elif kind is CellNumberTuple:
                    tail = f"><v>{cell.number:.16G}</v></c>"
                elif kind is CellBlankTuple:
                    tail = "/>"
                else:
                    tail = ""
                if tail:
                    self.fh.write(f'<c r="{xl_rowcol_to_cell_fast(row, col)}" s="{fmt._get_xf_index()}"{tail}')
                    return
            super()._write_cell(row, col, cell)

    return _Worksheet


# The deflate level of report.xlsx's parts. XlsxWriter leaves zipfile's default (6): at 1,000
# reports its 6 MB of XML took 0.12 CPU s to compress, a fifth of a re-run's workbook; level 3
# takes 0.05 s for a file 18% larger (level 1: 0.04 s, 30% larger). The parts are the same.
ZIP_LEVEL = 3


@cache
def _workbook_class() -> type:
    """XlsxWriter's workbook, its parts deflated at `ZIP_LEVEL`: it makes its zip file with
    the `ZipFile` of its module, without a level, so that name is made to give one while the
    workbook is stored (where a version has no such name, its own workbook)."""
    import xlsxwriter
    from xlsxwriter import workbook as module

    made = getattr(module, "ZipFile", None)
    if made is None or not callable(getattr(xlsxwriter.Workbook, "_store_workbook", None)):
        return xlsxwriter.Workbook

    class _Workbook(xlsxwriter.Workbook):  # type: ignore[misc]
        def _store_workbook(self) -> None:
            original = module.ZipFile
            module.ZipFile = partial(original, compresslevel=ZIP_LEVEL)
            try:
                super()._store_workbook()
            finally:
                module.ZipFile = original

    return _Workbook


# The kinds of cell a row holds until it is written (`_Sheet.put`).
_STRING, _NUMBER, _BLANK, _BOOLEAN, _DATE, _FORMULA, _SEQ = range(7)  # _SEQ: a row's sequence number


@cache
def _row_writer() -> Any:
    """XlsxWriter's internals the whole-row writer needs (`_Sheet._emit`): its cell records,
    cell reference and the escaping of a formula; None where a version lacks one (every row
    then goes through XlsxWriter)."""
    try:
        from xlsxwriter.utility import xl_col_to_name
        from xlsxwriter.worksheet import CellBooleanTuple, CellStringTuple, _preserve_whitespace
    except ImportError:
        return None
    # whether a formula calls a dynamic-array function: a regex up to XlsxWriter 3.3.1, a
    # function (that skips string literals) from 3.3.2
    try:
        from xlsxwriter.worksheet import _has_dynamic_function as dynamic
    except ImportError:
        try:
            from xlsxwriter.worksheet import re_dynamic_function
        except ImportError:
            return None

        def dynamic(formula: str) -> bool:
            return re_dynamic_function.search(formula) is not None
    return xl_col_to_name, CellStringTuple, CellBooleanTuple, dynamic, _preserve_whitespace


_OUT_ROWS = 256  # kept rows written to a worksheet's file at once (`_Sheet._flush`)
_KEPT_TEXT, _KEPT_TEXTS = 64, 20_000  # the texts a sheet keeps as written: short ones, so many at most


def _text_tail(ws: Any, text: str, preserve: Any) -> str:
    """What XlsxWriter writes for an inline text cell after its reference and format, or ""
    for a rich string (written by XlsxWriter itself)."""
    if _is_plain_text(text):
        return f' t="inlineStr"><is><t>{text}</t></is></c>'
    text = ws._escape_control_characters(text)  # XlsxWriter's steps for an inline string
    if text.startswith("<r>") and text.endswith("</r>"):
        return ""
    space = ' xml:space="preserve"' if preserve(text) else ""
    return f' t="inlineStr"><is><t{space}>{ws._escape_data(text)}</t></is></c>'


class _Sheet:
    """One worksheet written row by row (constant-memory mode writes each row once, in order).

    A row's cells are held (`put`) until the first cell of a later row comes, which is when
    XlsxWriter would write the row out: then the whole row is written as the one string
    XlsxWriter would write for it, most cells without going through its per-cell calls (most
    of the workbook's time), the others by XlsxWriter's own cell writer in their place. A row
    it could write otherwise (a row height, a long text, a formula other than a link...) and
    the row held when the worksheet is used directly (`ws`) or the sheet ends (`done`) are
    handed to XlsxWriter cell by cell, as before (tests/outputs/test_workbook_cells.py).

    With `kept` (the rows the run before wrote, outputs.workbook_rows), a row rendered from the
    same inputs as one kept is written as its text was (`kept`), and a row written here as one
    string is kept (`_emit`): a re-run renders the rows of the reports that changed only."""

    def __init__(self, wb: Any, fmt: _Formats, name: str, title: str, widths: list[float],
                 note: str | None = None, kept: SheetRows | None = None) -> None:
        self._ws = wb.add_worksheet(name[:31], worksheet_class=_worksheet_class())
        self.fmt = fmt
        self.row = 0
        self._held: list[tuple[int, int, Any, Any]] = []
        self._held_row = -1
        self._letters: list[str] = []
        self._open_page = _t("open_page")
        self._texts: dict[str, str] = {}  # short texts (names, codes, units) as written, once
        self._kept = kept
        self._keep: tuple[int, bytes, int] | None = None  # (row, digest, number) of the row to keep
        self._out: list[str] = []  # kept rows written, not yet handed to the worksheet's file (`_flush`)
        fmt.sheets.append(self)
        ws = self._ws
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        ws.write_string(0, 0, title, fmt.title)
        self.row = 1
        if note:
            ws.write_string(1, 0, note, fmt.note)
            self.row = 2
        self.head_row = self.row
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)  # every column on the page width, as many pages down as needed
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        ws.repeat_rows(0, self.head_row)
        ws.set_footer("&C&P / &N")

    @property
    def ws(self) -> Any:
        """The worksheet, for a call of its own: the row held is handed to it first."""
        self.done()
        return self._ws

    def done(self) -> None:
        """Hand the row held to XlsxWriter (it writes a sheet's last row when the workbook closes)."""
        self._flush()
        if self._held:
            held, self._held = self._held, []
            self._keep = None
            self._replay(self._held_row, held)

    def end_rows(self) -> None:
        """No cell comes after the row held: write it now, as a later row's first cell would
        (and keep it when asked: `kept`), not when the workbook closes."""
        self._flush()
        if self._held:
            held, self._held = self._held, []
            self._emit(self._held_row, held)

    def put(self, col: int, kind: int, value: Any, fmt: Any) -> None:
        """Hold one cell of the current row (a later row's first cell writes the row held)."""
        if self.row != self._held_row:
            if self._held:
                held, self._held = self._held, []
                self._emit(self._held_row, held)
            self._held_row = self.row
        self._held.append((col, kind, value, fmt))

    def kept(self, number: int, inputs: Any) -> bool:
        """Write the current row as kept when a row of this sheet was rendered from the same
        `inputs` (everything it shows but its sequence `number`: the values it is made of) and
        move to the next row; else False, and the row rendered next is kept when written."""
        kept = self._kept
        if kept is None:
            return False
        if self._held and self._held_row != self.row:  # the row before first, as its next cell would
            held, self._held = self._held, []
            self._emit(self._held_row, held)
        digest = kept.digest(inputs)
        if digest is None:
            return False
        found = kept.find(digest)
        if found is not None and self._write_kept(found, number):
            self.row += 1
            return True
        self._keep = (self.row, digest, number)
        return False

    def _write_kept(self, kept: KeptRow, number: int) -> bool:
        """Write a kept row as the current row (its placeholders filled in), where XlsxWriter
        would write it the same: every style it names numbered as when it was written."""
        row = self.row
        ws = self._ws
        if self._held or not self._plain_row(row) or kept.last >= ws.xls_colmax:
            return False
        if ws.table or ws.previous_row in ws.row_info or ws.previous_row in ws.comments:
            self._flush()
            ws._write_single_row(row)  # the row XlsxWriter holds (a header) first: its styles are numbered first
        else:  # what it does for a row it holds nothing of
            ws.previous_row = row
        checked = self.fmt.checked
        if kept.styles not in checked:
            named = self.fmt.named
            for name, xf in kept.styles:  # numbered in the same order as writing the row would
                style = named.get(name)
                if style is None or style._get_xf_index() != xf:
                    return False
            checked.add(kept.styles)  # a style keeps its number once given: checked once
        out = self._out
        out.append(kept.xml.replace(ROW_NUMBER, str(row + 1)).replace(SEQ_NUMBER, f"{number:.16G}"))
        if len(out) >= _OUT_ROWS:
            self._flush()
        self._extend(row, kept.first, kept.last)
        return True

    def _flush(self) -> None:
        """Write the kept rows held (`_write_kept`) to the worksheet's file, in one write: a
        write per row was a tenth of a re-run's workbook. Done before anything else writes there."""
        if self._out:
            self._ws.fh.write("".join(self._out))
            self._out.clear()

    def _replay(self, row: int, cells: list[tuple[int, int, Any, Any]]) -> None:
        self._flush()
        ws = self._ws
        for col, kind, value, fmt in cells:
            if kind == _STRING:
                ws.write_string(row, col, value, fmt)
            elif kind == _NUMBER or kind == _SEQ:
                ws.write_number(row, col, value, fmt)
            elif kind == _BLANK:
                ws.write_blank(row, col, None, fmt)
            elif kind == _BOOLEAN:
                ws.write_boolean(row, col, value, fmt)
            elif kind == _DATE:
                ws.write_datetime(row, col, value, fmt)
            else:
                ws.write_formula(row, col, value[0], fmt, value[1])

    def _plain_row(self, row: int) -> bool:
        """Whether XlsxWriter writes this row as `_emit` does: a plain row (no height, format
        or comment of its own) after the rows written (or the last row begun, none of its cells
        held by XlsxWriter), in a workbook of the default version."""
        ws = self._ws
        return not (_row_writer() is None or not ws.constant_memory
                    or row < ws.previous_row or (row == ws.previous_row and ws.table) or row >= ws.xls_rowmax
                    or row in ws.row_info or row in ws.comments or ws.excel_version == 2010
                    or ws.default_row_height != ws.original_row_height)

    def _writes_itself(self, row: int, cells: list[tuple[int, int, Any, Any]]) -> bool:
        """Whether `_emit` writes this row as XlsxWriter would: a plain row (`_plain_row`), each
        cell formatted and of a kind it writes (a text short enough not to be cut, a finite
        number, a link formula)."""
        if not self._plain_row(row):
            return False
        ws = self._ws
        dynamic = _row_writer()[3]
        for col, kind, value, fmt in cells:
            if fmt is None or col >= ws.xls_colmax:
                return False
            if kind == _STRING and len(value) > ws.xls_strmax // 2:
                return False
            if kind == _NUMBER and (type(value) not in (int, float) or not math.isfinite(value)):
                return False
            if kind == _SEQ and type(value) is not int:
                return False
            if kind == _FORMULA and not (_is_link_call(value[0]) and isinstance(value[1], str) and value[1]
                                         and value[1] not in _ERROR_CODES and not dynamic(value[0])):
                return False
        return True

    def _keeps(self, row: int) -> tuple[bytes, int] | None:
        """(digest, number) when the row about to be written is to be kept (`kept`)."""
        keep = self._keep
        if keep is None or keep[0] != row:
            if keep is not None and keep[0] < row:
                self._keep = None
            return None
        self._keep = None
        return keep[1], keep[2]

    def _emit(self, row: int, cells: list[tuple[int, int, Any, Any]]) -> None:
        """Write a row held: the XML XlsxWriter writes for it (see the class), kept when asked
        (`kept`) and written as one string."""
        self._flush()
        if not self._writes_itself(row, cells):
            self._keep = None
            self._replay(row, cells)
            return
        if any(cells[i][0] >= cells[i + 1][0] for i in range(len(cells) - 1)):  # in column order, last wins
            cells = sorted({c[0]: c for c in cells}.values(), key=lambda c: c[0])
        col_name, string_cell, boolean_cell, _, preserve = _row_writer()
        ws = self._ws
        ws._write_single_row(row)  # the row XlsxWriter holds (a header) first, as its next write would
        letters = self._letters
        while len(letters) <= cells[-1][0]:
            letters.append(col_name(len(letters)))
        keep = self._keeps(row)
        num, number = str(row + 1), ""
        if keep is not None:  # made with placeholders, filled in when written
            num, number = ROW_NUMBER, SEQ_NUMBER
        texts = self._texts
        out = [f'<row r="{num}">']
        for col, kind, value, fmt in cells:
            ref = letters[col] + num
            xf = fmt._get_xf_index()  # in column order, as XlsxWriter numbers formats on first use
            if kind == _STRING:
                tail = texts.get(value)
                if tail is None:
                    tail = _text_tail(ws, value, preserve)
                    if len(value) <= _KEPT_TEXT and len(texts) < _KEPT_TEXTS:
                        texts[value] = tail
                if tail:
                    out.append(f'<c r="{ref}" s="{xf}"{tail}')
                    continue
                cell = string_cell(value, fmt)
            elif kind == _NUMBER:
                out.append(f'<c r="{ref}" s="{xf}"><v>{value:.16G}</v></c>')
                continue
            elif kind == _SEQ:  # the number given to `kept` only (a placeholder for it)
                shown = number if keep is not None and value == keep[1] else f"{value:.16G}"
                out.append(f'<c r="{ref}" s="{xf}"><v>{shown}</v></c>')
                continue
            elif kind == _BLANK:
                out.append(f'<c r="{ref}" s="{xf}"/>')
                continue
            elif kind == _DATE:
                out.append(f'<c r="{ref}" s="{xf}"><v>{ws._convert_date_time(value):.16G}</v></c>')
                continue
            elif kind == _FORMULA:
                formula, result = ws._escape_data(value[0][1:]), ws._escape_data(value[1])
                out.append(f'<c r="{ref}" s="{xf}" t="str"><f>{formula}</f><v>{result}</v></c>')
                continue
            else:
                cell = boolean_cell(1 if value else 0, fmt)
            if keep is not None:  # a cell XlsxWriter writes itself, in its place: the row is not kept
                self._emit(row, cells)
                return
            ws.fh.write("".join(out))
            out.clear()
            ws._write_cell(row, col, cell)
        out.append("</row>")
        text = "".join(out)
        # the dimensions XlsxWriter's writes of these cells would have kept
        first, last = cells[0][0], cells[-1][0]
        if keep is not None:
            # its placeholders must be those put here, one a cell and the row, one a sequence
            # number (the one given to `kept`; a formula's text may hold any character): else
            # written again without them
            if (text.count(ROW_NUMBER) != len(cells) + 1
                    or text.count(SEQ_NUMBER) != sum(1 for c in cells if c[1] == _SEQ)):
                self._emit(row, cells)
                return
            names = self.fmt.names
            styles = tuple((names.get(id(f), ""), f._get_xf_index()) for f in {id(c[3]): c[3] for c in cells}.values())
            if self._kept is not None and all(name for name, _ in styles):
                self._kept.keep(keep[0], KeptRow(first, last, styles, text))
            text = text.replace(ROW_NUMBER, str(row + 1)).replace(SEQ_NUMBER, f"{keep[1]:.16G}")
        ws.fh.write(text)
        self._extend(row, first, last)

    def _extend(self, row: int, first: int, last: int) -> None:
        """The dimensions XlsxWriter's writes of a row's cells from `first` to `last` keep."""
        ws = self._ws
        if ws.dim_rowmin is None or row < ws.dim_rowmin:
            ws.dim_rowmin = row
        if ws.dim_rowmax is None or row > ws.dim_rowmax:
            ws.dim_rowmax = row
        if ws.dim_colmin is None or first < ws.dim_colmin:
            ws.dim_colmin = first
        if ws.dim_colmax is None or last > ws.dim_colmax:
            ws.dim_colmax = last

    def header(self, labels: list[str], rotated: AbstractSet[int] = frozenset(),
               height: float | None = None) -> None:
        ws = self.ws
        for col, label in enumerate(labels):
            ws.write_string(self.row, col, label, self.fmt.head_rotated if col in rotated else self.fmt.head)
        if height:
            ws.set_row(self.row, height)
        ws.freeze_panes(self.row + 1, 0)
        self.row += 1

    def cell(self, col: int, value: Any, fmt: Any = None) -> None:
        """One cell: numbers stay numbers, formula-like text stays text, a date is a date."""
        if self.row == self._held_row:  # most cells: held without a call (`put`)
            if type(value) is str:  # no unwrapping or type tests (a bool is no int below)
                self._held.append((col, _STRING, value, self.fmt.quoted if value.startswith(_FORMULA_START)
                                   else fmt or self.fmt.text))
                return
            if type(value) is int:
                self._held.append((col, _NUMBER, value, fmt or self.fmt.int))
                return
        if type(value) is str:
            self.put(col, _STRING, value, self.fmt.quoted if value.startswith(_FORMULA_START)
                     else fmt or self.fmt.text)
            return
        if type(value) is int:
            self.put(col, _NUMBER, value, fmt or self.fmt.int)
            return
        value = plain(value)
        if value is None:
            self.put(col, _BLANK, None, fmt or self.fmt.text)
        elif isinstance(value, bool):
            self.put(col, _BOOLEAN, value, fmt or self.fmt.text)
        elif isinstance(value, (int, float)):
            if fmt is None:
                fmt = self.fmt.dec if isinstance(value, float) and not float(value).is_integer() else self.fmt.int
            self.put(col, _NUMBER, value, fmt)
        elif isinstance(value, date):
            self.put(col, _DATE, value, fmt)
        else:
            # write_string never reads "=..." as a formula; the quote prefix keeps it text when edited
            text = str(value)
            self.put(col, _STRING, text, self.fmt.quoted if text.startswith(_FORMULA_START)
                     else fmt or self.fmt.text)

    def date_cell(self, col: int, iso: Any) -> None:
        found = excel_date(iso)
        if found is None:
            self.cell(col, iso)
        else:
            self.put(col, _DATE, found[0], self.fmt.dates[found[1]])

    def link(self, col: int, target: str | None) -> None:
        """A link to a review page, as a HYPERLINK formula: relative, with forward slashes, read
        the same by Excel and LibreOffice on any system, and not counted against a sheet's links."""
        if not target:
            self.cell(col, None)
            return
        label = self._open_page
        quoted = target.replace('"', '""')
        self.put(col, _FORMULA, (f'{_LINK_CALL}"{quoted}","{label}")', label), self.fmt.link)

    def seq_cell(self, col: int, number: int) -> None:
        """The row's sequence number (a kept row has it filled in when written: `kept`)."""
        self.put(col, _SEQ, number, self.fmt.int)

    def next_row(self) -> None:
        self.row += 1


def _criterion_header(number: int) -> str:
    try:
        from extractor.extract.criteria_sets import criterion_name

        name = criterion_name(number) or ""
    except Exception:  # noqa: BLE001 - a header without the name is still a header
        name = ""
    return _t("col_criterion", number=number, name=name).strip()


# -- the sheets ----------------------------------------------------------------------------

def _flags_by_file(flags: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in flags:
        if f.get("scope") == "document" and f.get("file"):
            by_file[f["file"]].append(f)
    return by_file


def _severity_order(flag: dict[str, Any]) -> tuple[Any, ...]:
    severity = flag.get("severity")
    return (("error", "warning", "info").index(severity) if severity in ("error", "warning", "info") else 3,
            sort_key(flag.get("commune")), flag.get("seq") or 0)


def _flags_by_severity(t: Tables) -> tuple[list[dict[str, Any]], Iterator[dict[str, Any]]]:
    """The reports' own flags in table order (held: the criteria sheet shows them too), and the
    flags across reports by severity, commune and number. A flag across reports
    is read from the store when its row is written: their evidence (every figure that differs
    between two copies of a report) is most of the flags table."""
    from extractor.store.consolidate import StoreTables

    if isinstance(t, StoreTables):
        own = list(t.own_flag_rows(located=False))
        order = sorted(range(len(t.corpus_heads)), key=lambda i: _severity_order(t.corpus_heads[i]))
        corpus: Iterator[dict[str, Any]] = (t.corpus_flag_row(i, located=False) for i in order)
    else:
        rows = list(t.rows("flags"))
        own = [f for f in rows if f.get("scope") == "document"]
        corpus = iter(sorted((f for f in rows if f.get("scope") != "document"), key=_severity_order))
    return own, corpus


def _message(flag: dict[str, Any]) -> str:
    if i18n.language() == "en" and flag.get("message_en"):
        return str(flag["message_en"])
    return str(flag.get("message") or "")


def _met_numbers(row: dict[str, Any]) -> int:
    return sum(1 for n in CRITERIA if row.get(f"tc{n:02d}") == "met")


def _summary_sheet(wb: Any, fmt: _Formats, tables: Tables, crit: list[dict[str, Any]],
                   root: str | None, communes: list[dict[str, Any]], indicators: list[dict[str, Any]]) -> None:
    """Per district and for all: communes reporting, criteria met, communes meeting all
    criteria, flags by severity; then indicator totals per district; then overall counts.
    `communes` and `indicators`: the rows of those tables, the indicators' in table order (the
    sums add in that order), made once for this sheet and theirs."""
    districts: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in crit:
        districts[(row.get("province") or "", row.get("district") or "")].append(row)
    order = sorted(districts, key=lambda k: (sort_key(k[0]), sort_key(k[1])))
    severities: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in communes:
        key = (c.get("province") or "", c.get("district") or "")
        for sev in ("error", "warning", "info"):
            severities[key][sev] += int(c.get(f"flags_{sev}") or 0)
    reports = Counter((c.get("province") or "", c.get("district") or "") for c in communes)
    n = len(CRITERIA)
    labels = [_t("col_district"), _t("col_province"), _t("col_communes_reporting"), _t("col_reports"),
              _t("col_mean_met"), _t("col_communes_met_all", n=n), _t("sev_error"), _t("sev_warning"),
              _t("sev_info")]
    sheet = _Sheet(wb, fmt, _t("sheet_summary"), _t("title_summary"), [24, 16, 12, 11, 14, 14, 10, 11, 10],
                   _t("generated_by", version=__version__, root=root or "-"))
    sheet.header(labels, height=45)
    first = sheet.row

    def totals_row(name: str, province: str, rows: list[dict[str, Any]], sev: Counter[str], nrep: int,
                   cell_fmt: Any = None) -> None:
        met = [_met_numbers(r) for r in rows]
        values = [name, province, len(rows), nrep, (sum(met) / len(met)) if met else None,
                  sum(1 for m in met if m == n), sev["error"], sev["warning"], sev["info"]]
        for col, v in enumerate(values):
            sheet.cell(col, v, cell_fmt)
        sheet.next_row()

    for key in order:
        totals_row(key[1] or _t("no_district"), key[0], districts[key], severities[key], reports[key])
    all_sev: Counter[str] = Counter()
    for s in severities.values():
        all_sev.update(s)
    totals_row(_t("all_districts"), "", crit, all_sev, len(communes), fmt.total)
    if sheet.row > first + 1:
        sheet.ws.conditional_format(first, 5, sheet.row - 2, 5, {"type": "cell", "criteria": ">", "value": 0,
                                                          "format": fmt.green})
        sheet.ws.conditional_format(first, 6, sheet.row - 2, 6, {"type": "cell", "criteria": ">", "value": 0,
                                                          "format": fmt.red})

    # indicator totals: one row per indicator with a value, one column per district
    catalogue = indicator_by_key()
    keys = [k for k in tables.columns("indicators") if k in catalogue and catalogue[k].unit in _ADDITIVE_UNITS
            and any(r.get(k) is not None for r in indicators)]
    if keys:
        sheet.next_row()
        sheet.ws.write_string(sheet.row, 0, _t("title_indicator_totals"), fmt.title)
        sheet.next_row()
        heads = [_t("col_indicator"), _t("col_unit")] + [k[1] or _t("no_district") for k in order] \
            + [_t("all_districts")]
        for col, label in enumerate(heads):
            sheet.ws.write_string(sheet.row, col, label, fmt.head)
        sheet.next_row()
        by_district: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for r in indicators:  # rows kept in table order: the sums add in the same order
            by_district[(r.get("province") or "", r.get("district") or "")].append(r)
        for k in keys:
            ind = catalogue[k]
            sheet.cell(0, ind.name_vi if i18n.language() == "vi" else ind.name_en, fmt.wrap)
            sheet.cell(1, _label("unit", ind.unit))
            total = 0.0
            for col, dkey in enumerate(order, start=2):
                vals = [r[k] for r in by_district.get(dkey, ()) if r.get(k) is not None]
                sheet.cell(col, sum(vals) if vals else None)
                total += sum(vals)
            sheet.cell(len(order) + 2, total, fmt.total)
            sheet.next_row()

    if "summary" in list(tables):
        sheet.next_row()
        sheet.ws.write_string(sheet.row, 0, _t("title_counts"), fmt.title)
        sheet.next_row()
        sheet.cell(0, _t("sum_version"))
        sheet.cell(1, __version__)
        sheet.next_row()
        for row in tables.rows("summary"):
            sheet.cell(0, _t(f"sum_{row['key']}"))
            sheet.cell(1, row["value"])
            sheet.next_row()


def _criteria_sheet(wb: Any, fmt: _Formats, crit: list[dict[str, Any]],
                    flags_by_file: dict[str, list[dict[str, Any]]], root: str | None,
                    kept: SheetRows | None = None) -> None:
    n = len(CRITERIA)
    labels = ([_t("col_seq"), _t("col_district"), _t("col_commune"), _t("col_report_date")]
              + [_criterion_header(k) for k in CRITERIA]
              + [_t("col_criteria_met_count"), _t("col_met_standard"), _t("sev_error"), _t("sev_warning"),
                 _t("sev_info"), _t("col_flag_messages"), _t("col_file"), _t("col_review")])
    widths = [5, 16, 16, 10] + [5.5] * n + [7, 11, 5, 5, 5, 50, 24, 8]
    sheet = _Sheet(wb, fmt, _t("sheet_criteria"), _t("title_criteria"), widths, kept=kept)
    rotated = set(range(4, 4 + n)) | {4 + n, 6 + n, 7 + n, 8 + n}
    sheet.header(labels, rotated, height=150)
    sheet.ws.freeze_panes(sheet.row, 3)
    met_word, unmet_word = _t("status_met"), _t("status_unmet")
    first = sheet.row
    for seq, row in enumerate(crit, start=1):
        file = row.get("file")
        own = flags_by_file.get(file or "", [])
        if sheet.kept(seq, (row, [(f.get("severity"), f.get("message"), f.get("message_en")) for f in own])):
            continue
        sev = Counter(f.get("severity") for f in own)
        met = _met_numbers(row)
        sheet.seq_cell(0, seq)
        sheet.cell(1, row.get("district"))
        sheet.cell(2, row.get("commune"))
        sheet.date_cell(3, row.get("report_date"))
        for k in CRITERIA:
            status = row.get(f"tc{k:02d}")
            sheet.cell(3 + k, met_word if status == "met" else unmet_word if status else None, fmt.status)
        sheet.cell(4 + n, met)
        sheet.cell(5 + n, _t("met_standard_yes") if met == n else _t("met_standard_no"), fmt.status)
        for col, s in enumerate(("error", "warning", "info"), start=6 + n):
            sheet.cell(col, sev[s] or None)
        messages = "\n".join(f"{_t('sev_' + str(f.get('severity')))}: {_message(f)}" for f in own[:5])
        sheet.cell(9 + n, messages or None, fmt.wrap)
        sheet.cell(10 + n, links.relative_to(file, root))
        sheet.link(11 + n, links.review_link(file))
        sheet.next_row()
    sheet.end_rows()
    last = sheet.row - 1
    if last >= first:
        ws = sheet.ws
        ws.conditional_format(first, 4, last, 3 + n, {"type": "cell", "criteria": "==", "value": f'"{met_word}"',
                                                      "format": fmt.green})
        ws.conditional_format(first, 4, last, 3 + n, {"type": "cell", "criteria": "==",
                                                      "value": f'"{unmet_word}"', "format": fmt.red})
        standard = _t("met_standard_yes")
        ws.conditional_format(first, 5 + n, last, 5 + n, {"type": "cell", "criteria": "==",
                                                          "value": f'"{standard}"', "format": fmt.green})
        ws.conditional_format(first, 6 + n, last, 6 + n, {"type": "cell", "criteria": ">", "value": 0,
                                                          "format": fmt.red})
        ws.conditional_format(first, 7 + n, last, 7 + n, {"type": "cell", "criteria": ">", "value": 0,
                                                          "format": fmt.amber})
        ws.autofilter(first - 1, 0, last, 11 + n)


def _table_sheet(wb: Any, fmt: _Formats, table: str, rows: Iterable[dict[str, Any] | _KeyedRow],
                 columns: Sequence[tuple[str, str, float]], root: str | None, title: str,
                 note: str | None = None, anchor: Any = None, kept: SheetRows | None = None) -> None:
    """A long table: `columns` as (key, kind, width); kinds say how a code becomes words. Each
    row is rendered from its values (`kept`: as the run before wrote it when they are the same)."""
    sheet = _Sheet(wb, fmt, _t(f"sheet_{table}"), title, [w for _, _, w in columns], note, kept=kept)
    sheet.header([_header(table, key) for key, _, _ in columns], height=32)
    first = sheet.row
    severity_col = next((i for i, (k, _, _) in enumerate(columns) if k == "severity"), None)
    vi = i18n.language() == "vi"
    labels: dict[tuple[str, Any], Any] = {}  # a code in words, once per sheet (`_label`)
    reads = _row_reads(columns)
    for seq, item in enumerate(rows, start=1):
        if isinstance(item, _KeyedRow):  # known by what it is made from: read only when not kept
            if kept is not None and sheet.kept(seq, item.inputs):
                continue
            row = item.load()
        else:
            row = item
            if kept is not None and sheet.kept(seq, (tuple(map(row.get, reads)), anchor(row) if anchor else None)):
                continue
        for col, (key, kind, _) in enumerate(columns):
            value = row.get(key)
            if kind == "seq":
                sheet.seq_cell(col, seq)
            elif kind == "date":
                sheet.date_cell(col, value)
            elif kind == "path":
                sheet.cell(col, links.relative_to(value, root))
            elif kind == "pointer":  # a page#anchor as text: cheap for a long sheet
                sheet.cell(col, links.review_link(row.get("file"), anchor(row) if anchor else None))
            elif kind == "link":
                sheet.link(col, links.review_link(row.get("file"), anchor(row) if anchor else None))
            elif kind == "text":
                sheet.cell(col, value, fmt.wrap)
            elif kind == "indicator":
                ind = indicator_by_key().get(value) if value else None
                sheet.cell(col, (ind.name_vi if vi else ind.name_en) if ind else value)
            elif kind == "message":
                sheet.cell(col, _message(row), fmt.wrap)
            elif kind == "reason":
                sheet.cell(col, _t("duplicate_of", path=links.relative_to(row.get("duplicate_of"), root))
                           if row.get("status") == "duplicate" else reason(row.get("code") or "internal_error"))
            elif kind:
                code = (kind, value)
                if code not in labels:
                    labels[code] = _label(kind, value)
                sheet.cell(col, labels[code])
            else:
                sheet.cell(col, value)
        sheet.next_row()
    sheet.end_rows()
    last = sheet.row - 1
    if last >= first:
        sheet.ws.autofilter(first - 1, 0, last, len(columns) - 1)
        if severity_col is not None:
            for sev, f in (("error", fmt.red), ("warning", fmt.amber)):
                sheet.ws.conditional_format(first, severity_col, last, severity_col, {
                    "type": "cell", "criteria": "==", "value": f'"{_t("sev_" + sev)}"', "format": f})


class _KeyedRow:
    """A row of a long sheet named by what it is made from rather than by its values
    (`inputs`, a row's inputs to `_Sheet.kept`): `load` reads it from the store, only when no
    row kept has those inputs."""

    __slots__ = ("inputs", "load")

    def __init__(self, inputs: Any, load: Callable[[], dict[str, Any]]) -> None:
        self.inputs, self.load = inputs, load


def _figure_sheet_rows(t: Tables, limit: int) -> Iterator[dict[str, Any] | _KeyedRow]:
    """The first `limit` rows of the figures table for its sheet. From a store, each report's
    rows are named by the report's stored state (queries.report_states: its content, the
    versions that read it, when it was stored), its leading columns and the row's place in it
    (`_KeyedRow`): a re-run reads the figures of the reports whose rows are not all kept only
    (reading 2,000 figures from the store was a third of the sheet's time)."""
    from extractor.store import queries
    from extractor.store.consolidate import StoreTables

    if not isinstance(t, StoreTables):
        yield from islice(t.rows("figures"), limit)
        return
    states = queries.report_states(t.store)
    left = limit
    for d in t.reports.ordered():
        if left <= 0:
            return
        count = min(t.reports.figure_counts.get(d["doc_id"], 0), left)
        if not count:
            continue
        left -= count
        state = states.get(d["doc_id"])
        if state is None:
            yield from islice(t.report_rows("figures", d), count)
            continue
        key = ("report", state, d["doc_id"], d["commune_key"], d["commune"], d["file"])
        held: list[dict[str, Any]] = []

        def load(index: int, d: dict[str, Any] = d, count: int = count,
                 held: list[dict[str, Any]] = held) -> dict[str, Any]:
            if not held:
                held.extend(islice(t.report_rows("figures", d), count))
            return held[index]
        for index in range(count):
            yield _KeyedRow((key, index), partial(load, index))


# What a cell of each kind reads of its row besides its column's value (`_table_sheet`).
_KIND_READS = {"pointer": ("file",), "link": ("file",), "message": ("message", "message_en"),
               "reason": ("status", "duplicate_of", "code")}


def _row_reads(columns: Sequence[tuple[str, str, float]]) -> tuple[str, ...]:
    """The values of a row that `_table_sheet` makes its cells of (with its anchor, a row's
    inputs to `_Sheet.kept`): each column's but the sequence number's, and what its kind reads."""
    reads = [key for key, kind, _ in columns if kind != "seq"]
    for _, kind, _ in columns:
        reads += _KIND_READS.get(kind, ())
    return tuple(dict.fromkeys(reads))


def _header(table: str, key: str) -> str:
    if key == "severity":
        return _t("col_severity")
    cat = i18n.catalogue("export")
    if f"col_{key}" in cat:
        return _t(f"col_{key}")
    if table == "indicators":
        ind = indicator_by_key().get(key)
        if ind is not None:
            name = ind.name_vi if i18n.language() == "vi" else ind.name_en
            unit = _label("unit", ind.unit)
            return f"{name} ({unit})" if unit else name
    return key


_COMMUNES = [("seq", "seq", 5), ("district", "", 16), ("commune", "", 16), ("province", "", 14),
             ("report_date", "date", 11), ("period", "", 11), ("document_number", "", 14),
             ("document_kind", "kind", 11), ("criteria_met_count", "", 8), ("criteria_unmet_count", "", 8),
             ("met_count_claimed", "", 8), ("criteria_met", "text", 22), ("criteria_unmet", "text", 16),
             ("figures", "", 8), ("flags_error", "", 8), ("flags_warning", "", 8), ("flags_info", "", 8),
             ("file", "path", 30), ("format", "", 7), ("review", "link", 8)]
_FLAGS = [("seq", "seq", 5), ("scope", "scope", 12), ("commune", "", 16), ("severity", "sev", 11),
          ("rule", "rule", 20), ("message", "message", 60), ("evidence", "text", 30), ("file", "path", 26),
          ("review", "link", 8)]
_FIGURES = [("commune", "", 14), ("seq", "", 5), ("value", "", 14), ("unit", "unit", 9), ("total", "", 11),
            ("noun", "", 10), ("qualifier", "", 9), ("label", "text", 40), ("indicator", "indicator", 24),
            ("section", "text", 24), ("text", "text", 20), ("page", "", 6), ("file", "path", 24),
            ("review", "pointer", 30)]
_ERRORS = [("seq", "seq", 5), ("file", "path", 40), ("status", "file_status", 14), ("reason", "reason", 40),
           ("detail", "text", 30), ("format", "", 8)]


def warm() -> None:
    """What writing a workbook makes first and keeps (XlsxWriter imported, the worksheet class,
    the digests of the renderer and of the current language's words), made ahead of time: a
    process forked after this call writes the workbook without making them again."""
    import xlsxwriter  # noqa: F401

    _worksheet_class()
    _workbook_class()
    warm_context(i18n.language())


def tables_to_workbook(tables: Mapping[str, pd.DataFrame], path: Path, *,
                       rendered: str | None = None) -> Changes | None:
    """Write report.xlsx from the consolidated tables (data codes) in the current language.
    The figures are streamed (`Tables.rows`): the sheet takes the first FIGURES_SHEET_MAX.
    Tables read from a store (store.consolidate.StoreTables) write the rows of their long
    sheets as the run before wrote them where they are rendered from the same values
    (`Store.workbook_rows`); what changes in those rows is returned, for the caller to store
    (`Store.save_workbook_rows`: the store may be read-only here), the rows rendered in the
    file `rendered` (workbook_rows.KeptSheets)."""
    from extractor.store.consolidate import StoreTables

    t = as_tables(tables)
    communes = sorted(t.rows("communes"), key=_place_key)
    root = links.common_root(str(r.get("file") or "") for r in communes)
    # rows show paths under `root`: relative to the current folder too when it is relative
    where = (root, None if root is None or os.path.isabs(root) else os.getcwd())
    sheets = KeptSheets(t.store.workbook_rows, *where, rendered=rendered) if isinstance(t, StoreTables) else None
    wb = _workbook_class()(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False, "strings_to_numbers": False})
    try:
        try:
            _write_sheets(wb, t, communes, root, sheets)
        finally:
            wb.close()
    except BaseException:
        if sheets is not None:  # nothing to keep of a workbook not written
            sheets.discard()
        raise
    return None if sheets is None else sheets.close()


def _write_sheets(wb: Any, t: Tables, communes: list[dict[str, Any]], root: str | None,
                  sheets: KeptSheets | None) -> None:
    """Every sheet of the workbook, the long ones with the rows kept in `sheets`."""

    def kept(sheet: str, *parts: Any) -> SheetRows | None:
        return None if sheets is None else sheets.sheet(sheet, *parts)

    crit = sorted(t.rows("criteria"), key=_place_key)
    own_flags, corpus_flags = _flags_by_severity(t)
    fmt = _formats(wb)
    indicator_rows = list(t.rows("indicators"))  # in table order: the summary's sums
    _summary_sheet(wb, fmt, t, crit, root, communes, indicator_rows)
    _criteria_sheet(wb, fmt, crit, _flags_by_file(own_flags), root, kept("criteria", CRITERIA))
    _table_sheet(wb, fmt, "communes", communes, _COMMUNES, root, _t("title_communes"),
                 kept=kept("communes", _COMMUNES))
    base = set(table_columns("indicators")) | {"review"}
    ind_cols = [("seq", "seq", 5), ("district", "", 16), ("commune", "", 16), ("report_date", "date", 11)] + [
        (k, "", 14) for k in t.columns("indicators") if k not in base]
    indicators = sorted(indicator_rows, key=_place_key)
    ind_cols.append(("review", "link", 8))
    _table_sheet(wb, fmt, "indicators", indicators, ind_cols, root, _t("title_indicators"),
                 kept=kept("indicators", ind_cols))
    ordered_flags = chain(sorted(own_flags, key=_severity_order), corpus_flags)
    _table_sheet(wb, fmt, "flags", ordered_flags, _FLAGS, root, _t("title_flags"),
                 anchor=lambda f: (links.flag_anchor(f.get("seq")) if f.get("scope") == "document"
                                   else None), kept=kept("flags", _FLAGS))
    total = t.count("figures")
    note = (_t("figures_capped", shown=i18n.format_number(FIGURES_SHEET_MAX), total=i18n.format_number(total))
            if total > FIGURES_SHEET_MAX else None)
    _table_sheet(wb, fmt, "figures", _figure_sheet_rows(t, FIGURES_SHEET_MAX), _FIGURES, root,
                 _t("title_figures"), note, anchor=lambda f: links.figure_anchor(f.get("block"), f.get("start")),
                 kept=kept("figures", _FIGURES))
    _table_sheet(wb, fmt, "errors", t.rows("errors"), _ERRORS, root, _t("title_errors"))
    for sheet in fmt.sheets:
        sheet.done()
