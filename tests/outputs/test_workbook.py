"""report.xlsx: a workbook to hand to a superior: district summary first, criteria matrix
coloured with met count and status, flags beside their commune, codes in words, real dates,
Vietnamese order, relative paths, print setup that fits the page width."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from extractor.core import i18n
from extractor.outputs.export import write_outputs
from tests.outputs.test_export import tables


def _write(tmp_path: Path, lang: str = "vi") -> Path:
    with i18n.language_set(lang):
        write_outputs(tables(), tmp_path)
    return tmp_path / "report.xlsx"


def _rows(ws) -> list[tuple]:  # noqa: ANN001
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def _head_index(rows: list[tuple], first: str) -> int:
    return next(i for i, r in enumerate(rows) if r[0] == first)


def test_summary_sheet_comes_first_with_a_row_per_district_and_a_total(tmp_path: Path) -> None:
    wb = load_workbook(_write(tmp_path))
    assert wb.sheetnames[:2] == ["Tổng hợp", "Tiêu chí"]
    rows = _rows(wb["Tổng hợp"])
    h = _head_index(rows, "Huyện")
    body = rows[h + 1:h + 4]
    assert [r[0] for r in body] == ["Bàu Bàng", "Dầu Tiếng", "Toàn bộ"]
    head = rows[h]
    met_all = head.index("Số xã đạt đủ 19 tiêu chí")
    assert [r[met_all] for r in body] == [0, 1, 1]  # only Đông Hòa meets all 19
    assert body[1][head.index("Số xã có báo cáo")] == 2 and body[2][head.index("Cần xem lại")] == 1


def test_criteria_matrix_words_count_status_flags_and_order(tmp_path: Path) -> None:
    wb = load_workbook(_write(tmp_path))
    ws = wb["Tiêu chí"]
    rows = _rows(ws)
    h = _head_index(rows, "STT")
    head = rows[h]
    body = rows[h + 1:]
    # Vietnamese order: Bàu Bàng before Dầu Tiếng; in Dầu Tiếng, "Dương" before "Đông"
    assert [r[2] for r in body] == ["An Phú", "Dương Liễu", "Đông Hòa"]
    first = head.index(next(x for x in head if str(x).startswith("TC1 ")))
    duong = body[1]
    assert duong[first + 5] == "Chưa đạt" and duong[first] == "Đạt"
    assert duong[head.index("Số tiêu chí đạt")] == 18 and duong[head.index("Đạt chuẩn NTM")] == "Chưa đạt chuẩn"
    assert body[2][head.index("Đạt chuẩn NTM")] == "Đạt chuẩn"
    assert body[0][first + 12] is None  # not stated: an empty cell
    assert "Các phần không khớp" in duong[head.index("Cảnh báo của xã")]  # the flag beside its commune
    assert duong[head.index("Tệp")] == "h1/duong-lieu.docx"  # relative to the reports' folder
    assert isinstance(body[2][3], dt.datetime) and body[2][3].date() == dt.date(2024, 5, 2)
    assert ws.cell(h + 4, 4).number_format == "dd/mm/yyyy" and ws.cell(h + 2, 4).number_format == "yyyy"
    link = ws.cell(h + 3, head.index("Trang rà soát") + 1).value
    assert link.startswith('=HYPERLINK("review/duong-lieu-docx-') and link.endswith('.html","Xem")')
    # colours come from conditional formats on the status words
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert any('"Đạt"' in (r.formula or [""])[0] for r in rules)
    assert any('"Chưa đạt"' in (r.formula or [""])[0] for r in rules)


def test_print_setup_landscape_fit_to_width_repeated_titles(tmp_path: Path) -> None:
    wb = load_workbook(_write(tmp_path))
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        # one page wide (1 is the file format's default, left out), as many pages down as needed
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.print_title_rows, ws.title


def test_codes_are_words_and_text_is_never_a_formula(tmp_path: Path) -> None:
    wb = load_workbook(_write(tmp_path))
    flags = _rows(wb["Cảnh báo"])
    h = _head_index(flags, "STT")
    row = dict(zip(flags[h], flags[h + 1], strict=True))
    assert row["Mức độ"] == "Cần xem lại" and row["Phạm vi"] == "Trong báo cáo" and row["Quy tắc"] == "Tổng không khớp"
    figs = wb["Số liệu"]
    rows = _rows(figs)
    h = _head_index(rows, "Xã")
    head = rows[h]
    assert rows[h + 1][head.index("Đơn vị")] == "km" and rows[h + 2][head.index("Đơn vị")] == "đồng"
    label = figs.cell(h + 2, head.index("Nội dung") + 1)
    assert label.value == "=SUM(A1:A9)" and label.data_type == "s" and label.quotePrefix
    value = figs.cell(h + 2, head.index("Giá trị") + 1)
    assert value.value == -12.5 and value.data_type == "n" and "#,##0" in value.number_format
    communes = _rows(wb["Báo cáo các xã"])
    h = _head_index(communes, "STT")
    assert communes[h + 1][communes[h].index("Loại văn bản")] == "Báo cáo"


def test_english_workbook(tmp_path: Path) -> None:
    wb = load_workbook(_write(tmp_path, "en"))
    assert wb.sheetnames[0] == "Summary"
    rows = _rows(wb["Flags"])
    h = _head_index(rows, "No.")
    assert "Warning" in rows[h + 1] and "Parts do not add up" in rows[h + 1]


def _pdf_pages(xlsx: Path, tmp_path: Path) -> int | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), str(xlsx)], capture_output=True, timeout=180, check=False)
    pdf = tmp_path / "pdf" / "report.pdf"
    if not pdf.exists():
        return None
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def test_workbook_prints_on_few_landscape_pages(tmp_path: Path) -> None:
    xlsx = _write(tmp_path)
    pages = _pdf_pages(xlsx, tmp_path)
    if pages is None:
        pytest.skip("LibreOffice Calc is not installed (Debian: libreoffice-calc-nogui): cannot print to PDF")
    # seven sheets, each fitted to the page width: one page each for this small workbook
    assert pages <= 8


@pytest.mark.parametrize("formula", [
    '=HYPERLINK("review/a.html#x","Mở trang")',
    '=HYPERLINK("review/a (1).html","Mở")',  # a second "(": XlsxWriter's own path
    '=HYPERLINK("review/_xlfn.html","Mở")',
    "=HYPERLINK(FILTER(A1:A2,B1:B2),\"x\")",
    "=SUM(A1:A3)",
    "=XLOOKUP(A1,B1:B2,C1:C2)",
])
@pytest.mark.parametrize("future", [False, True])
def test_link_formula_shortcut_prepares_as_xlsxwriter_does(formula: str, future: bool) -> None:
    from xlsxwriter.worksheet import Worksheet

    from extractor.outputs.workbook import _worksheet_class

    ours, theirs = _worksheet_class()(), Worksheet()
    ours.use_future_functions = theirs.use_future_functions = future
    assert ours._prepare_formula(formula) == theirs._prepare_formula(formula)
    assert ours._prepare_formula(formula, True) == theirs._prepare_formula(formula, True)


def test_the_workbook_parts_are_deflated_at_the_chosen_level(tmp_path: Path) -> None:
    """XlsxWriter deflated them at zipfile's default level (6): a fifth of a re-run's workbook at
    1,000 reports, for a file 18% smaller than level 3 gives."""
    import zipfile
    import zlib

    from extractor.outputs.workbook import ZIP_LEVEL

    assert ZIP_LEVEL < zlib.Z_DEFAULT_COMPRESSION + 7  # lighter than the default (6)
    with zipfile.ZipFile(_write(tmp_path)) as archive:
        for info in archive.infolist():
            deflate = zlib.compressobj(ZIP_LEVEL, zlib.DEFLATED, -15)
            data = archive.read(info)
            assert info.compress_type == zipfile.ZIP_DEFLATED
            assert info.compress_size == len(deflate.compress(data) + deflate.flush()), info.filename
