"""Build the ruled-table PDF fixtures of tests/readers/test_pdf_ruled_table_rows.py.

Run from the repository root (needs `soffice` on PATH):

    .venv/bin/python -m tests.readers.make_ruled_table_fixtures

Each .docx is a short report with one bordered table ("Table Grid"), exported to PDF by
LibreOffice as a Word report would be:
- merged-labels: a result column whose labels ("Đạt", "Chưa đạt") are merged down two rows
  (Word's vertical merge), beside a long list of criteria that wraps inside its cell and a
  count under it ("16 tiêu chí") in a row of its own; a table of wrapped criterion names
  ("STT | Tên tiêu chí | Kết quả") follows.
- split-row: a plan table whose first cell lists many criteria in a narrow column, placed
  so that the page break cuts that cell; its other cells are short, and the next row starts
  on the next page right under the cut cell's rest.
The texts are the constants below, so that a regenerated fixture and its test cannot drift.
"""
from __future__ import annotations

import sys
from pathlib import Path

from tests.fixtures.make_reader_fixtures import convert

HERE = Path(__file__).resolve().parent / "fixtures"

INTRO = ("Ban chỉ đạo xã tổng hợp kết quả rà soát mức độ đạt chuẩn theo Bộ tiêu chí quốc gia "
         "về xã nông thôn mới, trên cơ sở hồ sơ do các ban, ngành đoàn thể cung cấp.")
MET = "Các tiêu chí số " + ", ".join(str(n) for n in range(1, 16)) + " và 16"
UNMET = "Các tiêu chí số 17, 18 và 19"
MERGED = [  # label (merged down two rows), list of criteria, then its count
    ("Đạt", MET, "16 tiêu chí"),
    ("Chưa đạt", UNMET, "3 tiêu chí"),
]
NAMES = [
    ("1", "Quy hoạch", "Đạt"),
    ("3", "Thủy lợi và phòng, chống thiên tai", "Đạt"),
    ("6", "Cơ sở vật chất văn hóa (nhà văn hóa và khu thể thao thôn)", "Chưa đạt"),
    ("17", "Môi trường và an toàn thực phẩm", "Chưa đạt"),
]
PLAN_HEAD = ("Tiêu chí", "Hiện trạng", "Nhiệm vụ", "Thời hạn")
PLAN = [
    ("1. Quy hoạch; 2. Giao thông; 3. Thủy lợi và phòng, chống thiên tai; 4. Điện; "
     "5. Trường học; 8. Thông tin và truyền thông; 9. Nhà ở dân cư; 10. Thu nhập; "
     "11. Nghèo đa chiều; 12. Lao động; 13. Tổ chức sản xuất; 14. Giáo dục và đào tạo; "
     "16. Văn hóa; 17. Môi trường; 18. Hệ thống chính trị; 19. Quốc phòng và an ninh",
     "Đạt", "Giữ vững", "Hằng năm"),
    ("6. Cơ sở vật chất văn hóa; 7. Cơ sở hạ tầng thương mại; 15. Y tế",
     "Chưa đạt", "Lập kế hoạch vốn", "Quý III"),
]
# paragraphs before the plan table: its first cell then runs over the page break, and the
# rest of it on the next page starts with a criterion's number ("10. Thu nhập; ...")
PLAN_FILLER = 20


def _table(d, rows: int, cols: int):  # type: ignore[no-untyped-def]
    t = d.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    return t


def merged_labels_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    for text in ("UBND XÃ BÌNH MINH", "BÁO CÁO", INTRO):
        d.add_paragraph(text)
    t = _table(d, 1 + 2 * len(MERGED), 2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Kết quả", "Các tiêu chí"
    for k, (label, names, count) in enumerate(MERGED):
        row = 1 + 2 * k
        t.cell(row, 0).merge(t.cell(row + 1, 0)).text = label
        t.cell(row, 1).text, t.cell(row + 1, 1).text = names, count
    d.add_paragraph("Chi tiết từng tiêu chí như sau:")
    t = _table(d, 1 + len(NAMES), 3)
    for j, head in enumerate(("STT", "Tên tiêu chí", "Kết quả")):
        t.cell(0, j).text = head
    for i, row_texts in enumerate(NAMES, start=1):
        for j, text in enumerate(row_texts):
            t.cell(i, j).text = text
    d.add_paragraph("Trên đây là kết quả rà soát của xã.")
    d.save(str(path))


def split_row_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    for text in ("UBND XÃ BÌNH MINH", "KẾ HOẠCH"):
        d.add_paragraph(text)
    for _ in range(PLAN_FILLER):
        d.add_paragraph(INTRO)
    d.add_paragraph("Nhiệm vụ cụ thể:")
    t = _table(d, 1 + len(PLAN), len(PLAN_HEAD))
    for i, row_texts in enumerate([PLAN_HEAD, *PLAN]):
        for j, text in enumerate(row_texts):
            t.cell(i, j).text = text
    d.add_paragraph("Các ban, ngành thực hiện theo kế hoạch này.")
    d.save(str(path))


FIXTURES = {"merged-labels": merged_labels_docx, "split-row": split_row_docx}


def main() -> int:
    HERE.mkdir(exist_ok=True)
    for name, build in FIXTURES.items():
        source = HERE / f"{name}.docx"
        build(source)
        convert(source, "pdf", HERE)
    print("wrote", *FIXTURES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
