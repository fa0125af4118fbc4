"""Unruled tables of scans found from the column alignment of word boxes
(extractor.readers.pdf.ocr_columns), on word boxes made up here: no Tesseract needed.
Counter-examples: prose, a two-column letterhead and a lone line with wide gaps are no table."""
from __future__ import annotations

from extractor.readers.pdf.ocr_words import Word, lines_to_pdflines, lines_to_tables

SIZE = 34  # type size in pixels (13 pt at 200 dpi)
CHAR = 16  # width of a letter
SPACE = 8  # a word space


def _line(baseline: int, cells: list[tuple[int, str]]) -> list[Word]:
    """One recognized line: each (x, text) put at x, its words a space apart."""
    words = []
    for x, text in cells:
        for token in text.split():
            right = x + CHAR * len(token)
            words.append(Word(token, x, baseline - 30, right, baseline + 4, 0.95, baseline, SIZE))
            x = right + SPACE
    return words


# STT | label | unit | plan | done; a header cell and row labels wrapped onto a second line
TABLE = [
    _line(1000, [(250, "STT"), (400, "Chỉ tiêu"), (700, "Đơn vị"), (900, "Kế hoạch"),
                 (1100, "Thực hiện")]),
    _line(1042, [(700, "tính")]),
    _line(1100, [(250, "1"), (400, "Diện tích"), (700, "ha"), (900, "887,4"), (1100, "877,1")]),
    _line(1142, [(400, "gieo trồng")]),
    _line(1200, [(250, "2"), (400, "Số hộ"), (700, "hộ"), (900, "1431"), (1100, "1352")]),
    _line(1242, [(400, "nghèo")]),
]
PROSE = [_line(y, [(250, "Thực hiện chương trình xây dựng nông thôn mới trên địa bàn xã đạt")])
         for y in range(400, 700, 42)]


def _texts_by_row(lines: list[list[Word]]) -> list[list[str]]:
    pdflines = lines_to_pdflines(lines, lines_to_tables(lines, []), 1.0)
    rows: list[list[str]] = []
    last = None
    for ln in pdflines:
        if last is not None and abs(ln.baseline - last) < 5:
            rows[-1].append(ln.text)
        else:
            rows.append([ln.text])
        last = ln.baseline
    return rows


def test_aligned_columns_make_a_table_with_wrapped_cells_merged():
    grids = lines_to_tables(TABLE, [])
    assert len(grids) == 1
    grid = grids[0]
    assert len(grid.xs) - 1 == 5 and len(grid.ys) - 1 == 3  # header and two rows
    assert _texts_by_row(TABLE) == [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện"],
        ["1", "Diện tích gieo trồng", "ha", "887,4", "877,1"],
        ["2", "Số hộ nghèo", "hộ", "1431", "1352"],
    ]


def test_a_cell_left_empty_keeps_the_other_cells_in_their_columns():
    lines = TABLE + [_line(1300, [(250, "3"), (400, "Nhà văn hóa"), (700, "nhà"), (1100, "6")])]
    grid = lines_to_tables(lines, [])[0]
    six = next(w for w in lines[-1] if w.text == "6")
    assert grid.cell_of((six.left + six.right) / 2, six.middle) == (3, 4)


def test_a_wrapped_first_column_of_labels_continues_its_row():
    # no numbering column: a label wraps in the first column, alone on its line
    lines = [
        _line(1000, [(250, "Nguồn vốn"), (650, "Đơn vị"), (900, "Giá trị")]),
        _line(1060, [(250, "Ngân sách Trung"), (650, "triệu đồng"), (900, "3341,9")]),
        _line(1102, [(250, "ương")]),
        _line(1160, [(250, "Ngân sách tỉnh"), (650, "triệu đồng"), (900, "2393,2")]),
    ]
    assert _texts_by_row(lines)[1:] == [["Ngân sách Trung ương", "triệu đồng", "3341,9"],
                                        ["Ngân sách tỉnh", "triệu đồng", "2393,2"]]


def test_the_text_after_a_table_stays_out_of_it():
    after = _line(1300, [(250, "Tổng số vốn huy động thực hiện chương trình là 887,4 triệu")])
    grid = lines_to_tables(TABLE + [after], [])[0]
    assert grid.ys[-1] < after[0].top


def test_prose_is_no_table():
    assert lines_to_tables(PROSE, []) == []


def test_a_two_column_letterhead_is_no_table():
    lines = [
        _line(200, [(250, "UBND HUYỆN BẢO LÂM"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]),
        _line(242, [(250, "UBND XÃ LỘC AN"), (950, "Độc lập - Tự do - Hạnh phúc")]),
        _line(300, [(250, "Số: 12/BC-UBND"), (900, "Lộc An, ngày 5 tháng 6 năm 2024")]),
    ]
    assert lines_to_tables(lines + PROSE, []) == []


def test_a_lone_line_with_wide_gaps_is_no_table():
    # a date left blank to be filled by hand: three segments on one line, prose around it
    date = _line(300, [(700, "Lộc An, ngày"), (1000, "tháng"), (1200, "năm 2024")])
    assert lines_to_tables([date] + PROSE, []) == []


def test_a_stamp_over_the_signature_block_is_no_table():
    # the seal's rings and star come out as doubtful marks far from the words they cross
    def doubtful(line: list[Word], *texts: str) -> list[Word]:
        for w in line:
            if w.text in texts:
                w.conf = 0.2
        return line

    lines = [
        doubtful(_line(900, [(450, "/J/"), (560, "ñ"), (650, "TM. ỦY BAN NHÂN DÂN")]), "/J/", "ñ"),
        doubtful(_line(942, [(470, "¡Ô"), (560, "JẼ"), (700, "CHỦ TỊCH")]), "¡Ô", "JẼ"),
        doubtful(_line(984, [(450, "SO"), (640, "“4"), (720, "Đặng Minh Cường")]), "SO", "“4"),
    ]
    assert lines_to_tables(lines, []) == []
