"""The workbook's worksheet writes some cells itself (workbook._worksheet_class): every kind of
cell must come out as XlsxWriter writes it."""
from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from extractor.outputs.workbook import _worksheet_class

_TEXTS = ["Lục Bình", "a & b", "<r>x</r>", "x < 3 > 2", 'say "hi"', "hai\ndòng", " đầu", "cuối ", "\u00a0nbsp",
          "tab\tin", "ctl\x01x", "_x0041_ literal", "=SUM(A1)", "", "'quoted", "x" * 300]
_NUMBERS = [0, 1, -2, 12.5, 250000000, 1e-7, 123456789.123, 3.0]


def _sheet_xml(tmp_path: Path, worksheet_class: type) -> str:
    path = tmp_path / f"{worksheet_class.__name__}.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False, "strings_to_numbers": False})
    fmt = wb.add_format({"border": 1})
    ws = wb.add_worksheet("s", worksheet_class=worksheet_class)
    for row, text in enumerate(_TEXTS):
        ws.write_string(row, 0, text, fmt)
        ws.write_string(row, 1, text)  # no format: XlsxWriter's own path
    for row, number in enumerate(_NUMBERS, start=len(_TEXTS)):
        ws.write_number(row, 0, number, fmt)
        ws.write_number(row, 1, number)
        ws.write_blank(row, 2, None, fmt)
        ws.write_formula(row, 3, '=HYPERLINK("review/a.html","mở")', fmt, "mở")
        ws.write_datetime(row, 4, date(2023, 8, 1), fmt)
        ws.write_boolean(row, 5, True, fmt)
    wb.close()
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_cells_written_directly_are_those_xlsxwriter_writes(tmp_path: Path) -> None:
    assert _sheet_xml(tmp_path, _worksheet_class()) == _sheet_xml(tmp_path, Worksheet)


def _sheet_rows_xlsx(path: Path) -> dict[str, bytes]:
    """A workbook written through `_Sheet` with every kind of cell and row (workbook's writer)."""
    from extractor.outputs import workbook

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False, "strings_to_numbers": False})
    fmt = workbook._formats(wb)
    sheet = workbook._Sheet(wb, fmt, "một", "Tiêu đề", [10, 10, 10], "ghi chú")
    sheet.header(["a", "b", "c"], rotated={1}, height=40)
    odd = ["<r>x</r>", "y" * 20_000, "_x0041_", " đầu", "cuối ", "a & b", "hai\ndòng", "ctl\x01x", "=SUM(A1)"]
    values = [*_TEXTS, *odd, *_NUMBERS, None, True, False, 2**60, float("nan"), date(2023, 8, 1)]
    for value in values:
        sheet.cell(0, value)
        sheet.cell(1, value, fmt.wrap)
        sheet.date_cell(2, "2023-08")
        sheet.link(3, 'review/a "b" & c.html#f-1')
        sheet.link(4, None)
        sheet.next_row()
    sheet.cell(2, "cột sau")  # out of order, and a column written twice: the last one counts
    sheet.cell(0, "trước")
    sheet.cell(0, "lại")
    sheet.next_row()
    sheet.ws.set_row(sheet.row, 30)  # a row with a height of its own: XlsxWriter's
    sheet.cell(0, "cao")
    sheet.next_row()
    sheet.ws.write_string(sheet.row, 0, "viết thẳng", fmt.title)  # the worksheet used directly
    sheet.next_row()
    sheet.cell(0, 1.5, fmt.total)  # a format first used in a sheet's last row (numbered at close)
    second = workbook._Sheet(wb, fmt, "hai", "Tiêu đề 2", [10])
    second.cell(0, "x", fmt.amber)
    second.next_row()
    second.cell(0, 2, fmt.dates["yyyy"])
    for s in fmt.sheets:
        s.done()
    wb.close()
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("docProps/")}


def test_rows_written_whole_are_those_xlsxwriter_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.outputs import workbook

    ours = _sheet_rows_xlsx(tmp_path / "ours.xlsx")
    monkeypatch.setattr(workbook, "_row_writer", lambda: None)  # every row through XlsxWriter's own calls
    monkeypatch.setattr(workbook, "_worksheet_class", lambda: Worksheet)
    assert ours == _sheet_rows_xlsx(tmp_path / "xlsxwriter.xlsx")


def test_the_row_writer_writes_most_rows_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a writer that always hands rows to XlsxWriter (which would pass the test above)."""
    from extractor.outputs import workbook

    replayed: list[int] = []
    original = workbook._Sheet._replay

    def replay(self: workbook._Sheet, row: int, cells: list) -> None:
        replayed.append(row)
        original(self, row, cells)
    monkeypatch.setattr(workbook._Sheet, "_replay", replay)
    _sheet_rows_xlsx(tmp_path / "ours.xlsx")
    assert 0 < len(replayed) < 12  # the long text, nan, the row with a height, the rows used directly
