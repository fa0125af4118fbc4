"""Figures of text read by OCR: typical recognizer slips read for what they are, the text as
read left untouched, and every figure carrying the recognizer's confidence."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, CellPosition, Document
from extractor.pipeline import document_to_record
from extractor.text.fold import strip_diacritics
from extractor.text.units import tolerant_unit_at


def ocr_doc(*texts: str, confidence: float = 0.95,
            cells: list[tuple[int, int, str]] | None = None) -> Document:
    blocks = [Block(i, BlockKind.PARAGRAPH, t, page=1, confidence=confidence) for i, t in enumerate(texts)]
    for r, c, t in cells or []:
        blocks.append(Block(len(blocks), BlockKind.TABLE_CELL, t, page=1, cell=CellPosition(0, r, c),
                            confidence=confidence))
    return Document(path="scan.pdf", format="pdf", sha256="0", blocks=blocks, pages=1)


def typed_doc(*texts: str) -> Document:
    return Document(path="t.txt", format="txt", sha256="0",
                    blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)])


def figures(doc: Document) -> list[tuple[float, str, float | None]]:
    return [(f.value, f.unit, f.total) for f in document_to_record(doc).figures]


# --- tone marks misread in a unit ----------------------------------------------------------------

def test_two_syllable_unit_with_a_misread_tone_is_that_unit_in_ocr_text():
    assert figures(ocr_doc("Năm nay giảm 8 hổ nghèo.")) == [(8, "household", None)]
    assert figures(ocr_doc("Ngân sách huyện 250,5 triêu đồng.")) == [(250_500_000, "VND", None)]


def test_tone_tolerance_keeps_the_text_and_offsets_as_read():
    record = document_to_record(ocr_doc("Năm nay giảm 8 hổ nghèo."))
    fig = record.figures[0]
    assert fig.text == "8 hổ nghèo"
    assert (fig.location.start, fig.location.end) == (13, 23)


def test_typed_text_is_never_read_tone_tolerantly():
    # the same words typed are a count of something else, as written
    assert figures(typed_doc("Năm nay giảm 8 hổ nghèo.")) != [(8, "household", None)]


def test_one_syllable_unit_needs_a_poorly_read_text():
    # "hồ" (a lake) is not "hộ": a well-read text is taken as written
    assert figures(ocr_doc("Xã có 5 hồ chứa nước.", confidence=0.95)) == [(5, "count", None)]
    assert figures(ocr_doc("Xã có 5 hồ nghèo.", confidence=0.6)) == [(5, "household", None)]


def test_tolerant_unit_at_strips_both_sides_and_keeps_offsets():
    assert strip_diacritics("Đồng hổ nghèo") == "Dong ho ngheo"
    assert len(strip_diacritics("ngày công")) == len("ngày công")
    m = tolerant_unit_at("12 ngay cong", 2)
    assert m is not None and (m.unit, m.end) == ("labour_day", 12)
    assert tolerant_unit_at("5 hồ", 1) is None
    assert tolerant_unit_at("5 bàn ghế", 1, one_syllable=False) is None


def test_unit_column_cell_with_a_misread_tone_gives_its_unit():
    cells = [(0, 0, "STT"), (0, 1, "Nguồn vốn"), (0, 2, "Đơn vị tính"), (0, 3, "Giá trị"),
             (1, 0, "1"), (1, 1, "Ngân sách tỉnh"), (1, 2, "triêu đồng"), (1, 3, "3400,2")]
    assert figures(ocr_doc(cells=cells)) == [(3_400_200_000, "VND", None)]


# --- a decimal comma read as a slash -----------------------------------------------------------

def test_whole_number_over_one_smaller_digit_is_a_decimal_in_ocr_text():
    assert figures(ocr_doc("Diện tích cần tưới 432/7 ha.")) == [(432.7, "ha", None)]
    assert figures(ocr_doc("Thu nhập đạt 57/7 triệu đồng/người/năm.")) == [(57_700_000, "VND", None)]


def test_real_ratios_stay_ratios_in_ocr_text():
    assert figures(ocr_doc("Có 8/8 thôn đạt chuẩn.")) == [(8, "village", 8)]
    assert figures(ocr_doc("Có 3/9 thôn đạt chuẩn.")) == [(3, "village", 9)]
    assert figures(ocr_doc("Đã cứng hóa 12/15 km.")) == [(12, "km", 15)]


def test_typed_slash_is_never_repaired():
    assert figures(typed_doc("Diện tích 9/8 ha.")) == [(9, "ha", 8)]


# --- confidence carried by every figure ------------------------------------------------------------

def test_figures_carry_the_blocks_ocr_confidence_and_typed_ones_none():
    assert [f.ocr_confidence for f in document_to_record(ocr_doc("Có 12 km đường.", confidence=0.72)).figures] \
        == [0.72]
    assert [f.ocr_confidence for f in document_to_record(typed_doc("Có 12 km đường.")).figures] == [None]


# --- tables ---------------------------------------------------------------------------------------

def test_unit_in_brackets_before_trailing_marks_in_column_header():
    cells = [(0, 0, "Chỉ tiêu"), (0, 1, "Tỷ lệ(%) :"), (1, 0, "Hộ có nhà ở kiên cố"), (1, 1, "94")]
    assert figures(ocr_doc(cells=cells)) == [(94, "percent", None)]


def test_number_left_of_the_row_label_is_a_row_number():
    # an index column split in two by a speck: '"no' | '3' | label | unit | value
    cells = [(0, 0, "STT"), (0, 2, "Chỉ tiêu"), (0, 3, "Đơn vị tính"), (0, 4, "Thực hiện"),
             (1, 0, '"no'), (1, 1, "3"), (1, 2, "Đường trục thôn được cứng hóa"), (1, 3, "km"), (1, 4, "18,4")]
    assert figures(ocr_doc(cells=cells)) == [(18.4, "km", None)]


def test_row_number_without_an_index_header_is_not_a_figure():
    cells = [(0, 0, "Thứ tự"), (0, 1, "Cây trồng"), (0, 2, "Diện tích (ha)"),
             (1, 0, "1"), (1, 1, "Lúa"), (1, 2, "12,5")]
    assert figures(ocr_doc(cells=cells)) == [(12.5, "ha", None)]


def test_rows_without_text_keep_their_values():
    cells = [(0, 0, "Năm"), (0, 1, "Diện tích (ha)"), (1, 0, "2021"), (1, 1, "12,5")]
    assert figures(ocr_doc(cells=cells)) == [(12.5, "ha", None)]


# --- separators and specks ---------------------------------------------------------------------

def test_semicolon_glued_inside_a_number_before_its_unit_is_a_decimal_comma():
    assert figures(ocr_doc("Lao động có việc làm chiếm 93;0%.")) == [(93.0, "percent", None)]
    assert figures(ocr_doc("Tiêu chí 12; 13 đạt.")) == []


def test_grouped_amount_with_one_misread_separator_is_read_and_flagged():
    record = document_to_record(ocr_doc("Tổng kinh phí là 1,228.400.000 VNĐ."))
    assert [(f.value, f.unit) for f in record.figures] == [(1_228_400_000, "VND")]
    assert [f.rule for f in record.flags] == ["malformed_number"]
    typed = document_to_record(typed_doc("Tổng kinh phí là 1,228.400.000 VNĐ."))
    assert typed.figures == []


def test_lone_mark_between_number_and_noun_is_a_speck_in_ocr_text():
    assert figures(ocr_doc("Lắp đặt 15 . bóng đèn năng lượng mặt trời.")) == [(15, "count", None)]
    assert document_to_record(ocr_doc("Lắp đặt 15 . bóng đèn.")).figures[0].noun.startswith("bóng đèn")
    assert figures(ocr_doc("Có 15 . Sau đó")) == []
