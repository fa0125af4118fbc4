"""Scans (issue 15): a ruled table's cell whose wrapped lines were split by a speck's line,
and a number centred in a tall row, were taken by the layout rules for other rows, so the
row lost its label and unit; a word misread at confidence 0 and dropped as noise left a
gap that cut a prose line into a two-cell table; specks read as dots glued to words; a
unit column header read "Đơn vị. tính" no longer named the unit column."""
from __future__ import annotations

import numpy as np

from extractor.core.model import Block, BlockKind, CellPosition, Document
from extractor.pipeline import document_to_record
from extractor.readers.pdf.ocr_image import Grid, gray_to_ink, wipe_specks
from extractor.readers.pdf.ocr_words import Word, drop_noise, lines_to_pdflines

SIZE = 34.0  # type size in pixels at 200 dpi


def _word(text: str, left: int, baseline: int, conf: float = 0.96, width: int = 0) -> Word:
    width = width or int(len(text) * SIZE * 0.5)
    return Word(text, left, baseline - 26, left + width, baseline + 6, conf, baseline, SIZE)


def test_a_ruled_cell_is_one_line_and_a_grid_row_one_baseline():
    grid = Grid(xs=(100.0, 300.0, 700.0, 900.0), ys=(1000.0, 1080.0, 1300.0))
    lines = [
        [_word("STT", 120, 1050), _word("Chỉ", 320, 1050), _word("tiêu", 390, 1050),
         _word("Đơn", 720, 1050)],
        [_word("1", 120, 1130), _word("Đường", 320, 1130), _word("trục", 430, 1130)],
        [_word("thôn,", 320, 1175)],
        [_word("km", 720, 1200)],  # centred in the tall row, below the label's first line
        [_word("cứng", 320, 1220), _word("hóa", 420, 1220)],
    ]
    texts = [(ln.text, round(ln.baseline, 1)) for ln in lines_to_pdflines(lines, [grid], 72 / 200)]
    assert [t for t, _ in texts] == ["STT", "Chỉ tiêu", "Đơn", "1", "Đường trục thôn, cứng hóa", "km"]
    assert len({b for _, b in texts[:3]}) == 1 and len({b for _, b in texts[3:]}) == 1


def test_a_misread_word_dropped_as_noise_does_not_cut_the_line():
    line = [_word("nhà", 520, 1199), _word("ở", 580, 1199),
            _word("“.", 608, 1199, conf=0.0, width=50),  # "cho" read at confidence 0
            _word("hộ", 669, 1199), _word("nghèo", 715, 1199)]
    pdflines = lines_to_pdflines(drop_noise([line]), [], 72 / 200)
    assert [ln.text for ln in pdflines] == ["nhà ở hộ nghèo"]


def test_a_speck_in_a_column_gap_still_cuts_the_line():
    # the counterpart: a speck is no misread word, the wide gap stays a gap
    line = [_word("Đường", 100, 1199), _word("'", 500, 1199, conf=0.2, width=4),
            _word("km", 900, 1199)]
    assert [ln.text for ln in lines_to_pdflines(drop_noise([line]), [], 72 / 200)] == ["Đường", "km"]


def test_a_doubtful_dot_read_as_a_letter_is_dropped():
    line = [_word("4", 120, 1199), Word("l", 600, 1196, 602, 1198, 0.0, 1199, SIZE)]
    assert [ln.text for ln in lines_to_pdflines([line], [], 72 / 200)] == ["4"]


def test_specks_are_wiped_and_full_stops_and_tone_marks_kept():
    page = np.full((200, 400), 255, dtype=np.uint8)
    page[50:80, 40:60] = 0  # a letter
    page[82:87, 45:50] = 0  # its dot-below tone mark, 2 pixels under it
    page[74:80, 64:70] = 0  # a full stop after it
    page[60:63, 200:203] = 30  # a speck of toner in a word gap
    page[150:152, 300:302] = 60  # a speck of dust in the margin
    out = wipe_specks(page, gray_to_ink(page))
    assert (out[60:63, 200:203] == 255).all() and (out[150:152, 300:302] == 255).all()
    assert (out[82:87, 45:50] == 0).all() and (out[74:80, 64:70] == 0).all()
    assert (out[50:80, 40:60] == 0).all()


def test_unit_column_header_read_with_a_speck_or_without_its_space():
    for header in ("Đơn vị. tính", "Đơn vịtính", "Don vi tinh"):
        blocks = [Block(i, BlockKind.TABLE_CELL, t, cell=CellPosition(0, r, c)) for i, (r, c, t) in
                  enumerate([(0, 0, "Chỉ tiêu"), (0, 1, header), (0, 2, "Thực hiện"),
                             (1, 0, "Đường trục thôn"), (1, 1, "km"), (1, 2, "11,8")])]
        record = document_to_record(Document(path="t.pdf", format="pdf", sha256="0", blocks=blocks))
        assert [(f.value, f.unit) for f in record.figures] == [(11.8, "km")], header
