"""The figure grammar on small texts: numbers, units, ratios, qualifiers, labels, locations."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.core.model import Block, BlockKind, CellPosition, Document
from extractor.core.settings import DEFAULT_SETTINGS, Settings
from extractor.pipeline import document_to_record
from extractor.text.normalize import normalize
from extractor.text.numbers import texts_to_convention, token_to_number

VI = texts_to_convention([], "vi")


def doc_of(*texts: str, cells: list[tuple[int, int, str]] | None = None) -> Document:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    for r, c, t in cells or []:
        blocks.append(Block(len(blocks), BlockKind.TABLE_CELL, t, cell=CellPosition(0, r, c)))
    return Document(path="mem.txt", format="txt", sha256="0", blocks=blocks)


def figures_of(*texts: str, settings: Settings = DEFAULT_SETTINGS, **kw):
    return document_to_record(doc_of(*texts, **kw), settings).figures


def summary(*texts: str, **kw):
    return [(f.value, f.unit, f.total) for f in figures_of(*texts, **kw)]


def test_vietnamese_decimal_and_thousands_with_money_multiplier():
    assert summary("Tổng kinh phí thực hiện: 1.326,6 triệu đồng.") == [(1_326_600_000, "VND", None)]


def test_ratio_is_one_figure_and_following_percentage_is_another():
    figs = figures_of("Đường trục thôn được cứng hóa 12,1/12,6 km đạt 96%.")
    assert [(f.value, f.unit, f.total) for f in figs] == [(12.1, "km", 12.6), (96, "percent", None)]
    assert figs[1].label == figs[0].label == "Đường trục thôn được cứng hóa"


def test_ratio_with_unit_on_both_sides_and_village_ratio():
    assert summary("Đường ngõ, xóm đạt 8,5 km/15 km") == [(8.5, "km", 15)]
    assert summary("8/8 thôn có điện; 08/08 thôn có nhà văn hóa") == [(8, "village", 8), (8, "village", 8)]


def test_glued_units_and_per_units():
    figs = figures_of("kênh mương 1,01km; diện tích 5.267m2; giá trị 410.000.000/năm; thu nhập 45 triệu đồng/người/năm")
    assert [(f.value, f.unit, f.per) for f in figs] == [
        (1.01, "km", None), (5267, "m2", None), (410_000_000, "VND", "năm"), (45_000_000, "VND", "người/năm")]


def test_multiplier_before_a_unit_that_is_not_money():
    assert summary("hiến 2,5 triệu mét vuông đất, gần 2 triệu ngày công") == [
        (2_500_000, "m2", None), (2_000_000, "labour_day", None)]


def test_qualifiers_are_kept():
    figs = figures_of("khoảng 1.500 lượt người, trên 400 ngày công, hơn 100 người, ít nhất 1 hộ")
    assert [f.qualifier for f in figs] == ["khoảng", "trên", "hơn", "ít nhất"]


def test_spelled_out_numbers_before_units():
    assert summary("làm mới ba mươi hai ki-lô-mét đường, hỗ trợ hai mươi lăm hộ") == [
        (32, "km", None), (25, "household", None)]


def test_counted_nouns_become_count_with_their_noun():
    figs = figures_of("khởi công được 05 cầu dân sinh và 141 lô rừng")
    assert [(f.value, f.unit, f.noun) for f in figs] == [(5, "count", "cầu dân sinh"), (141, "count", "lô rừng")]


def test_things_that_are_not_figures():
    text = ("Thực hiện công văn số 1724/UBND - NNPTNT ngày 14/8/2023 về sơ kết giai đoạn 2021-2025; "
            "Tiêu chí số 5 Trường học; Dự án 4; Phụ biểu số 09; chợ hạng III; mức độ 1; năm 2024; "
            "phòng chống COVID-19; gia đình 5 không, 3 sạch; quốc lộ 3; tiêu chí không đạt")
    assert summary(text) == []


def test_500_m_is_metres_not_millions():
    assert summary("kè dài 500 m") == [(500, "m", None)]


def test_malformed_number_is_read_and_flagged():
    record = document_to_record(doc_of("Tổng kinh phí thực hiện: 343. triệu đồng."))
    assert [(f.value, f.unit) for f in record.figures] == [(343_000_000, "VND")]
    flag = next(f for f in record.flags if f.rule == "malformed_number")
    assert flag.evidence[0].text == "343. triệu đồng"
    doubled = document_to_record(doc_of("diện tích 1.2.3 ha"))
    assert any(f.rule == "malformed_number" for f in doubled.flags)


def test_english_convention_document_is_detected():
    texts = ["Paved 12.5 km of road; spent 1,326.6 million", "irrigated 2,745.26 ha and 1.5 km canals",
             "supported 1,200 hộ"]
    conv = texts_to_convention(texts)
    assert conv.name == "en"
    assert token_to_number("1,200", conv).value == 1200
    assert token_to_number("2,745.26", conv).value == 2745.26


def test_ambiguous_token_follows_vietnamese_default():
    assert token_to_number("2,226", VI).value == 2.226
    assert token_to_number("1.500", VI).value == 1500
    assert token_to_number("0,340", VI).value == 0.34


def test_space_grouped_thousands_before_a_unit():
    assert summary("vốn 1 326 600 đồng") == [(1_326_600, "VND", None)]


def test_location_points_into_the_original_text():
    original = "Nhân dân hiến trên 150 m\u00b2 đất, đường dài 3\u00a0km."
    record = document_to_record(doc_of(original))
    texts = [original[f.location.start:f.location.end] for f in record.figures]
    assert texts == ["150 m\u00b2", "3\u00a0km"]


def test_table_cell_takes_unit_from_unit_column_and_skips_index_column():
    cells = [(0, 0, "STT"), (0, 1, "Nội dung"), (0, 2, "Đơn vị tính"), (0, 3, "Kết quả"),
             (1, 0, "1"), (1, 1, "Đường trục thôn được cứng hóa"), (1, 2, "km"), (1, 3, "12,5"),
             (2, 0, "2"), (2, 1, "Kinh phí thực hiện"), (2, 2, "triệu đồng"), (2, 3, "1.200")]
    figs = figures_of(cells=cells)
    assert [(f.value, f.unit) for f in figs] == [(12.5, "km"), (1_200_000_000, "VND")]
    assert figs[0].label == "Đường trục thôn được cứng hóa - Kết quả"
    assert figs[0].indicator == "road_village_hardened_km"


def test_indicators_from_labels():
    figs = figures_of("Tổng số tiền Nhân dân đóng góp được là trên 85.300.000đ, số công lao động được "
                      "trên 400 ngày công, hiến trên 150 m2 đất.")
    assert [f.indicator for f in figs] == ["residents_money_vnd", "residents_labour_days", "land_donated_m2"]


def test_section_path_and_component_are_attached():
    figs = figures_of("III. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH",
                      "(2) Nội dung thành phần số 02: Phát triển hạ tầng",
                      "- Về giao thông:", "+ Đường xã được nhựa hóa dài 3 km")
    assert figs[0].component == 2
    assert figs[0].section[-1] == "- Về giao thông:"


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
@settings(max_examples=300, deadline=None)
def test_vietnamese_formatting_round_trips(value: Decimal):
    whole, _, frac = f"{value:.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    token = grouped if frac == "00" else f"{grouped},{frac}"
    assert abs(token_to_number(token, VI).value - float(value)) <= 1e-6 * max(1.0, float(value))


@given(st.text(alphabet=st.sampled_from(list("0123456789.,/-%: khaộđồngtriệuýêm²\n ")) ) | st.text())
@settings(max_examples=300, deadline=None)
def test_extraction_never_raises_on_arbitrary_text(text: str):
    record = document_to_record(doc_of(text))
    for f in record.figures:
        assert 0 <= f.location.start <= f.location.end <= len(text)


def test_normalized_tone_placement_compares_equal():
    assert normalize("cứng hoá") == normalize("cứng hóa")


def test_table_ratio_cell_and_unit_in_column_header():
    cells = [(0, 0, "TT"), (0, 1, "Chỉ tiêu"), (0, 2, "ĐVT"), (0, 3, "Thực hiện"), (0, 4, "Tỷ lệ (%)"),
             (1, 0, "1"), (1, 1, "Thôn có nhà văn hóa"), (1, 2, "Thôn"), (1, 3, "8/8"), (1, 4, "100"),
             (2, 0, "2"), (2, 1, "Công trình thủy lợi"), (2, 2, "Công trình"), (2, 3, "12"), (2, 4, "")]
    figs = figures_of(cells=cells)
    assert [(f.value, f.unit, f.total, f.noun) for f in figs] == [
        (8, "village", 8, None), (100, "percent", None, None), (12, "count", None, "công trình")]


def test_a_token_written_against_the_documents_convention_is_flagged_ambiguous():
    record = document_to_record(doc_of("Đường trục thôn 12,1 km; đường ngõ 8,5 km; kênh mương 3,25 km.",
                                       "Tổng chiều dài đường giao thông là 45.6 km."))
    flags = [f for f in record.flags if f.rule == "ambiguous_number"]
    assert [f.evidence[0].text for f in flags] == ["45.6 km"]
    assert not any(f.rule == "ambiguous_number" for f in document_to_record(doc_of("có 1.500 hộ, 2,5 ha")).flags)


def test_two_header_rows_with_years_and_merged_cells():
    def cell(r, c, t, rs=1, cs=1):
        return Block(0, BlockKind.TABLE_CELL, t, cell=CellPosition(0, r, c, rs, cs))
    blocks = [cell(0, 0, "TT", rs=2), cell(0, 1, "Chỉ tiêu", rs=2), cell(0, 2, "ĐVT", rs=2),
              cell(0, 3, "Kết quả thực hiện", cs=2), cell(1, 3, "Năm 2021"), cell(1, 4, "Năm 2022"),
              cell(2, 0, "1"), cell(2, 1, "Đường trục thôn được cứng hóa"), cell(2, 2, "km"),
              cell(2, 3, "3,5"), cell(2, 4, "4,2")]
    for i, b in enumerate(blocks):
        b.index = i
    record = document_to_record(Document("t.docx", "docx", "0", blocks))
    assert [(f.value, f.unit, f.label) for f in record.figures] == [
        (3.5, "km", "Đường trục thôn được cứng hóa - Kết quả thực hiện Năm 2021"),
        (4.2, "km", "Đường trục thôn được cứng hóa - Kết quả thực hiện Năm 2022")]


def test_figures_are_made_with_the_fields_in_the_models_order():
    """extract/figures.py makes each Figure by position (a call by keyword costs twice as much)."""
    from dataclasses import fields

    from extractor.core.model import Figure
    from extractor.extract.figures import FIGURE_FIELDS

    assert tuple(f.name for f in fields(Figure)) == FIGURE_FIELDS
