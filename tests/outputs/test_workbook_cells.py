"""The workbook's worksheet writes some cells itself (workbook._worksheet_class): every kind of
cell must come out as XlsxWriter writes it."""
from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

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
