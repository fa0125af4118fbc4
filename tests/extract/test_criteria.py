"""Criteria status: every form reports use, built from tiny documents in memory."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.core.data import load_pattern
from extractor.core.model import Block, BlockKind, CellPosition, CriteriaStatus, Document
from extractor.extract.criteria.counts import text_to_counts
from extractor.extract.criteria.grammar import may_state_criteria, text_to_groups
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.criteria_sets import (
    criteria_set,
    criteria_set_for_year,
    criteria_set_size,
    criteria_sets,
    criterion_name,
    lookup_name,
    name_regex,
)
from extractor.structure.outline import document_to_outline

DATE_2023 = "Lục Bình, ngày 14 tháng 8 năm 2023"


def doc_of(*items: str | Block) -> Document:
    blocks = []
    for item in items:
        if isinstance(item, Block):
            blocks.append(Block(len(blocks), item.kind, item.text, cell=item.cell))
        else:
            blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, item))
    return Document(path="mem.txt", format="txt", sha256="0", blocks=blocks)


def criteria_of(*items: str | Block) -> CriteriaStatus:
    return outline_to_criteria(document_to_outline(doc_of(*items)))


def cell(text: str, table: int, row: int, col: int) -> Block:
    return Block(0, BlockKind.TABLE_CELL, text, cell=CellPosition(table, row, col))


def kinds(result: CriteriaStatus) -> list[str]:
    return sorted(c.kind for c in result.conflicts)


# ---------------------------------------------------------------- pattern data

def _regex_entries(data: object):
    if isinstance(data, dict):
        if "regex" in data:
            yield data
        for v in data.values():
            yield from _regex_entries(v)
    elif isinstance(data, list):
        for v in data:
            yield from _regex_entries(v)


@pytest.mark.parametrize("name", ["criteria", "status_words"])
def test_pattern_examples(name: str) -> None:
    for entry in _regex_entries(load_pattern(name)):
        rx = re.compile(entry["regex"])
        for ex in entry.get("examples", []):
            assert rx.search(ex), (name, entry["regex"], ex)
        for ex in entry.get("counter_examples", []):
            assert not rx.search(ex), (name, entry["regex"], ex)


def test_pattern_first_letters_start_every_match() -> None:
    # an entry's `first_letters` must hold the first character of every match, or the reader's
    # one-search test (grammar.may_state_criteria) would pass over a sentence that states criteria
    for name in ("criteria", "status_words"):
        for entry in _regex_entries(load_pattern(name)):
            if "first_letters" not in entry:
                continue
            first = re.compile(f"[{entry['first_letters']}]")
            for ex in entry.get("examples", []):
                for m in re.finditer(entry["regex"], ex):
                    assert first.match(m.group(0)), (name, entry["regex"], ex)
    statuses = load_pattern("status_words")["statuses"]
    for ex in (ex for e in statuses for ex in e["examples"]):
        assert may_state_criteria(ex), ex


def test_pattern_needs_words_are_in_every_match() -> None:
    # an entry's `needs_words` are looked for before its search (grammar.may_match, and each
    # status entry in text_to_statuses): each example's match must hold one of them
    for entry in [*_regex_entries(load_pattern("criteria")), *load_pattern("status_words")["statuses"]]:
        for ex in entry.get("examples", []) if "needs_words" in entry else []:
            for m in re.finditer(entry["regex"], ex):
                assert any(w in m.group(0).lower() for w in entry["needs_words"]), (entry["regex"], ex)


# ---------------------------------------------------------------- catalogues

def test_catalogues_are_complete() -> None:
    ids = [s.id for s in criteria_sets()]
    assert len(ids) == len(set(ids))
    assert {"commune-2010-2015", "commune-2016-2020", "commune-2021-2025"} <= set(ids)
    for s in criteria_sets():
        assert [c.number for c in s.criteria] == list(range(1, s.size + 1))
        for comp, served in s.components.items():
            assert all(1 <= n <= s.size for n in served), (s.id, comp)


def test_catalogue_helpers() -> None:
    assert criteria_set_size() == 19
    assert criterion_name(11) == "Nghèo đa chiều"
    assert criterion_name(11, "commune-2016-2020") == "Hộ nghèo"
    assert criterion_name(20) is None
    assert criteria_set_for_year(2023).id == "commune-2021-2025"
    assert criteria_set_for_year(2018).id == "commune-2016-2020"
    assert criteria_set_for_year(2012).id == "commune-2010-2015"
    assert criteria_set_for_year(2027).id == "commune-2021-2025"  # newest in force
    with pytest.raises(KeyError):
        criteria_set("district-1900")


@pytest.mark.parametrize("name,number", [
    ("Hộ nghèo", 11), ("Nghèo đa chiều", 11), ("Văn hóa", 16), ("Cơ sở vật chất văn hoá", 6),
    ("Thủy lợi và phòng, chống thiên tai", 3), ("Thông tin & Truyền thông", 8),
    ("Bưu điện", 8), ("Chợ nông thôn", 7), ("Môi Trường", 17), ("An ninh, trật tự xã hội", 19),
])
def test_names_of_every_period(name: str, number: int) -> None:
    from extractor.text.normalize import normalize
    m = name_regex().match(normalize(name))
    assert m and lookup_name(m.group(0)) == number


# ---------------------------------------------------------------- reading references

@pytest.mark.parametrize("text,numbers", [
    ("các tiêu chí 1, 2, 3, 5 và 7", [1, 2, 3, 5, 7]),
    ("từ tiêu chí 1 đến tiêu chí 5", [1, 2, 3, 4, 5]),
    ("TC1, TC2", [1, 2]),
    ("tiêu chí số 6, 10, 11", [6, 10, 11]),
    ("Tiêu chí số 1 Quy hoạch; Tiêu chí số 2 Giao thông", [1, 2]),
    ("các tiêu chí Thu nhập, Hộ nghèo, Môi trường", [10, 11, 17]),
    ("tiêu chí số 5, 3 thôn đạt chuẩn", [5]),
    ("Bộ tiêu chí Quốc gia về y tế", []),
    ("14 tiêu chí xã đạt", []),
    ("tiêu chí 25", []),
    # ranges inside a list, in every spelling of an item
    ("Các tiêu chí 4, 12, 15-17 hiện chưa đạt", [4, 12, 15, 16, 17]),
    ("TC2 - TC5, TC9 và TC14 - TC16 đã đạt", [2, 3, 4, 5, 9, 14, 15, 16]),
    ("từ tiêu chí số 3 đến số 6", [3, 4, 5, 6]),
    ("tiêu chí 3 - 5 thôn", [3]),
    ("Tiêu chí 17 - Môi trường", [17]),
    # bare numbers after an intro that opens a list, or opening a clause before a status
    ("chưa đạt 03 tiêu chí (2; 11; 14)", [2, 11, 14]),
    ("Các tiêu chí chưa đạt: 5, 8", [5, 8]),
    ("đạt 15/19 tiêu chí; 3, 9, 12, 18 chưa đạt", [3, 9, 12, 18]),
    ("đạt 15/19 tiêu chí; 3 thôn chưa đạt", []),
    ("có 3, 4 hộ chưa đạt", []),
    ("Năm 2023, 12 thôn đạt chuẩn", []),
    # names after a status and a separator, and names opening a clause before a status
    ("còn 2 tiêu chí chưa đạt là Y tế; Thu nhập", [15, 10]),
    ("3 tiêu chí cơ bản đạt (Giao thông, Điện, Văn hóa)", [2, 4, 16]),
    ("xã đạt 17/19 tiêu chí, Điện và Y tế không đạt", [4, 15]),
    ("Thu nhập bình quân đạt 52 triệu đồng", []),
])
def test_references(text: str, numbers: list[int]) -> None:
    assert [r.number for g in text_to_groups(text, criteria_set_size()) for r in g.refs] == numbers


@pytest.mark.parametrize("text,expected", [
    ("Tổng số 14 tiêu chí xã đạt", (14, "met")),
    ("đạt 17/19 tiêu chí", (17, "met")),
    ("còn 5 tiêu chí chưa đạt", (5, "unmet")),
    ("Số tiêu chí chưa đạt: 3", (3, "unmet")),
    ("có ít nhất 5 hộ đạt 8 tiêu chí", None),
    ("đạt 8/10 tiêu chí thôn kiểu mẫu", None),
    ("trên 400 hộ đạt tiêu chí gia đình 5 không, 3 sạch", None),
    ("Bộ tiêu chí gồm 19 tiêu chí", None),
    ("Xã có 14 tiêu chí là TC1 - TC12, TC15 và TC17 đã đạt chuẩn", (14, "met")),
    ("có 3 tiêu chí gồm: tiêu chí 2, tiêu chí 9 và tiêu chí 13 chưa đạt", (3, "unmet")),
])
def test_counts(text: str, expected: tuple[int, str] | None) -> None:
    found = [(n, st) for _, _, n, st, target in text_to_counts(text, criteria_set_size()) if not target]
    assert found == ([expected] if expected else [])


# ---------------------------------------------------------------- statements in prose

def test_sample_form_lists_under_a_count() -> None:
    r = criteria_of(
        DATE_2023,
        "- **Tổng số 3 tiêu chí xã đạt đến thời điểm hiện tại:** Tiêu chí số 1 Quy hoạch; "
        "Tiêu chí số 2 Giao thông; Tiêu chí số 16 Văn hóa.",
        "- **Tổng 2 tiêu chí không đạt cụ thể:** Tiêu chí số 6 Cơ sở vật chất văn hóa; "
        "Tiêu chí số 11 Hộ nghèo.")
    assert (r.met, r.unmet) == ([1, 2, 16], [6, 11])
    assert (r.met_count_claimed, r.unmet_count_claimed) == (3, 2)
    assert r.criteria_set == "commune-2021-2025"
    # mixed-period name (2016-2020 "Hộ nghèo" in a 2023 report) is no conflict
    assert kinds(r) == ["counts_do_not_sum"]
    ev = next(e for e in r.evidence if e.number == 11)
    assert ev.text == "Tiêu chí số 11 Hộ nghèo" and ev.location is not None


def test_number_lists_ranges_and_following_status() -> None:
    r = criteria_of("Đến nay xã đã đạt các tiêu chí 1, 2, 3, 5 và 7; chưa đạt từ tiêu chí 8 đến "
                    "tiêu chí 10.", "TC12, TC13 chưa đạt. Tiêu chí số 14, 15 đạt.")
    assert r.met == [1, 2, 3, 5, 7, 14, 15]
    assert r.unmet == [8, 9, 10, 12, 13]


def test_statement_shapes_of_lists_and_counts() -> None:
    """Lists after "là", bracketed lists after a count, bare lists before a status, a plan
    sentence after them: each statement reads the same complete status."""
    met = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 16, 17, 18, 19]
    unmet = [10, 13, 14, 15]
    shapes = [
        ("- Xã có 15 tiêu chí là TC1 - TC9, TC11, TC12 và TC16 - TC19 đã đạt chuẩn.",
         "- Các tiêu chí 10, 13-15 hiện chưa đạt."),
        ("- Số tiêu chí chưa đạt: 04 tiêu chí (10; 13; 14; 15).",
         "- Số tiêu chí đã đạt: 15 tiêu chí (TC1 - TC9; TC11; TC12; TC16 - TC19)."),
        ("- Xã đã đạt 15/19 tiêu chí; 10, 13, 14, 15 không đạt vì thiếu vốn.",),
        ("- Xã đạt 15/19 tiêu chí, còn 4 tiêu chí chưa đạt là Thu nhập; Tổ chức sản xuất; "
         "Giáo dục và Đào tạo; Y tế.",),
        ("- Đến nay xã đạt 15/19 tiêu chí; 4 tiêu chí chưa đạt (Thu nhập, Tổ chức sản xuất, "
         "Giáo dục và Đào tạo, Y tế).",),
    ]
    plan = "- Giữ vững 15 tiêu chí đã đạt, phấn đấu đạt thêm 4 tiêu chí (tiêu chí 10, 13)."
    for lines in shapes:
        for extra in ((), (plan,)):
            r = criteria_of(DATE_2023, *lines, *extra)
            assert (r.met, r.unmet) == (met, unmet), (lines, extra)
            assert r.met_count_claimed in (15, None)


def test_a_plan_or_a_negation_changes_a_bare_list() -> None:
    base = "- Xã đã đạt 16/19 tiêu chí; 6, 9, 13 {} do thiếu nguồn lực."
    assert criteria_of(DATE_2023, base.format("không đạt")).unmet == [6, 9, 13]
    assert criteria_of(DATE_2023, base.format("đạt")).unmet == []
    # a plan: the numbers open no clause of their own, so nothing is claimed of them
    r = criteria_of(DATE_2023, "- Xã đã đạt 16/19 tiêu chí; phấn đấu 6, 9, 13 đạt trong năm tới.")
    assert (r.met, r.unmet, r.met_count_claimed) == ([], [], 16)


def test_names_only() -> None:
    r = criteria_of("Xã còn chưa đạt các tiêu chí Thu nhập, Hộ nghèo, Môi trường.")
    assert (r.met, r.unmet) == ([], [10, 11, 17])


def test_negation_and_hedges() -> None:
    r = criteria_of("Tiêu chí số 17 Môi trường và an toàn thực phẩm: cơ bản đạt.",
                    "Tiêu chí số 10 Thu nhập: không đạt.",
                    "Tiêu chí số 2 Giao thông: Đạt.")
    assert r.met == [2] and r.unmet == [10] and r.basically_met == [17]


def test_targets_are_not_claims() -> None:
    r = criteria_of(
        "Ban chỉ đạo tiếp tục duy trì các tiêu chí đã đạt và tập trung chỉ đạo phấn đấu hoàn "
        "thành 05 tiêu chí chưa đạt.",
        "Năm 2024 phấn đấu đạt tiêu chí số 6 Cơ sở vật chất văn hóa.",
        "Phần thứ hai", "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM VÀ GIẢI PHÁP", "I. Mục tiêu",
        "- Duy trì 14 tiêu chí đã đạt và phấn đấu hoàn thành 5 tiêu chí còn lại.",
        "- Các tiêu chí chưa đạt cần tập trung: tiêu chí số 10, 11.")
    assert (r.met, r.unmet, r.basically_met) == ([], [], [])
    assert (r.met_count_claimed, r.unmet_count_claimed) == (None, None)
    assert {e.number for e in r.evidence if e.status == "target"} == {6, 10, 11}


def test_list_items_under_an_intro_line() -> None:
    r = criteria_of("2. Kết quả thực hiện Bộ tiêu chí", "a) Các tiêu chí chưa đạt (2 tiêu chí):",
                    "+ Tiêu chí số 6 Cơ sở vật chất văn hóa;", "+ Tiêu chí số 10 Thu nhập.",
                    "Xã có 8 thôn.", "+ Tiêu chí số 12 Lao động")
    assert r.unmet == [6, 10] and r.met == []
    assert r.unmet_count_claimed == 2 and r.conflicts == []


def test_name_bullets_under_an_opening_line() -> None:
    r = criteria_of(DATE_2023, "- Kết quả: xã đạt 17 tiêu chí, cụ thể như sau:",
                    "* Các tiêu chí chưa đạt:", "- Thu nhập;", "- Y tế.",
                    "- Thu nhập bình quân đạt 48 triệu đồng/người/năm.")
    assert r.unmet == [10, 15] and r.met_count_claimed == 17
    assert r.met == [n for n in range(1, 20) if n not in (10, 15)]
    # without the opening line a bullet of names states nothing
    assert criteria_of(DATE_2023, "Xã tổ chức các lớp tập huấn về:", "- Thu nhập;", "- Y tế.").unmet == []


def test_no_statement_gives_nothing() -> None:
    r = criteria_of(DATE_2023, "Xã tổ chức tuyên truyền về nông thôn mới được 8/8 thôn.",
                    "Tiêu chí số 5 Trường học", "phân công cho các đoàn thể phụ trách các tiêu chí")
    assert (r.met, r.unmet, r.basically_met, r.met_count_claimed, r.unmet_count_claimed) == (
        [], [], [], None, None)


# ---------------------------------------------------------------- conflicts, reported

def test_name_that_disagrees_with_number() -> None:
    r = criteria_of("Các tiêu chí đạt: Tiêu chí số 6 Văn hóa.")
    assert r.met == [6]  # a tie keeps the number
    (c,) = r.conflicts
    assert (c.kind, c.numbers, c.resolved) == ("name_number_mismatch", [6, 16], 6)
    # the number already listed: the name's reading is better supported
    r = criteria_of("Các tiêu chí đạt: Tiêu chí số 1 Quy hoạch; Tiêu chí số 1 Giao thông.")
    assert r.met == [1, 2]
    assert [(c.kind, c.resolved) for c in r.conflicts] == [("name_number_mismatch", 2)]


def test_criterion_both_met_and_unmet_is_kept_visible() -> None:
    r = criteria_of("Các tiêu chí đã đạt: tiêu chí 1, 2, 3.", "Các tiêu chí chưa đạt: tiêu chí 3, 6.")
    assert r.met == [1, 2, 3] and r.unmet == [3, 6]
    (c,) = r.conflicts
    assert c.kind == "met_and_unmet" and c.numbers == [3] and len(c.evidence) == 2


def test_count_that_disagrees_with_list() -> None:
    r = criteria_of("Tổng số 15 tiêu chí xã đạt: tiêu chí 1, 2, 3, 4 và 5.")
    assert r.met == [1, 2, 3, 4, 5] and r.met_count_claimed == 15
    (c,) = r.conflicts
    assert (c.kind, c.status, c.claimed, c.listed) == ("count_mismatch", "met", 15, 5)


# ---------------------------------------------------------------- section verdicts

def test_verdict_under_a_component_serving_one_criterion() -> None:
    r = criteria_of("1. Kết quả thực hiện 11 nội dung thành phần",
                    "(1) Nội dung thành phần số 01: Nâng cao hiệu quả quản lý theo quy hoạch",
                    "- Kinh phí đã được cấp để thực hiện: 250 triệu đồng.",
                    "- Đánh giá tiêu chí: Đạt",
                    "(2) Nội dung thành phần số 02: Phát triển hạ tầng kinh tế - xã hội",
                    "- Đánh giá tiêu chí: Đạt")
    assert r.met == [1] and r.unmet == []  # component 02 serves criteria 2-9: no mapping


def test_verdict_under_a_named_heading_and_never_against_a_list() -> None:
    r = criteria_of("- Về giao thông:", "+ Đường xã được nhựa hóa 3 km", "- Đánh giá: Chưa đạt",
                    "- Về điện nông thôn:", "- Tự đánh giá: Đạt",
                    "Tổng số tiêu chí đạt: tiêu chí số 2.")
    assert r.met == [2, 4] and r.unmet == []
    assert kinds(r) == ["verdict_disagrees"]


# ---------------------------------------------------------------- tables

def test_table_with_status_column() -> None:
    rows = [("STT", "Tên tiêu chí", "Kết quả tự đánh giá"), ("1", "Quy hoạch", "Đạt"),
            ("2", "Giao thông", "Đạt"), ("3", "Thủy lợi và phòng, chống thiên tai", "Chưa đạt"),
            ("4", "Điện", "Cơ bản đạt"), ("5", "Văn hóa", "Đạt")]
    cells = [cell(t, 0, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)]
    r = criteria_of(DATE_2023, *cells)
    assert (r.met, r.unmet, r.basically_met) == ([1, 2, 5], [3], [4])
    # row 5 says "5" but names criterion 16: reported, the number kept on a tie
    assert [(c.kind, c.numbers) for c in r.conflicts] == [("name_number_mismatch", [5, 16])]


def test_table_with_mark_columns() -> None:
    rows = [("TT", "Tiêu chí", "Đạt", "Chưa đạt"), ("1", "Tiêu chí số 1 Quy hoạch", "x", ""),
            ("2", "Tiêu chí số 2 Giao thông", "", "x"), ("3", "Tiêu chí số 10 Thu nhập", "X", "")]
    cells = [cell(t, 0, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)]
    r = criteria_of(*cells)
    assert (r.met, r.unmet) == ([1, 10], [2])


def test_table_with_two_header_rows() -> None:
    rows = [("STT", "Tên tiêu chí", "Kết quả", ""), ("", "", "Đạt", "Chưa đạt"),
            ("6", "Cơ sở vật chất văn hóa", "", "x"), ("7", "Chợ nông thôn", "x", "")]
    cells = [cell(t, 0, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)]
    r = criteria_of(*cells)
    assert (r.met, r.unmet) == ([7], [6])


def test_table_flattened_by_a_pdf_text_layer() -> None:
    r = criteria_of("STT", "Tên tiêu chí", "Kết quả", "1", "Quy hoạch", "Đạt", "2", "Giao thông",
                    "Chưa đạt", "6", "Cơ sở vật chất văn hóa đạt", "7", "Chợ nông thôn", "Không đạt",
                    "17", "Môi trường và an toàn Chưa đạt", "thực phẩm",
                    "19", "Quốc phòng và An ninh đạt (số liệu chi tiết theo Phụ biểu số 09)")
    assert (r.met, r.unmet) == ([1, 6, 19], [2, 7, 17])
    # two numbered lines are no table
    assert criteria_of("1", "Quy hoạch", "Đạt", "2", "Giao thông", "Đạt").met == []


def test_pipe_rows_of_a_text_file() -> None:
    r = criteria_of("STT | Tên tiêu chí | Kết quả", "1 | Quy hoạch | Đạt", "2 | Giao thông | Chưa đạt")
    assert (r.met, r.unmet) == ([1], [2])
    ev = next(e for e in r.evidence if e.number == 2)
    assert ev.location is not None and (ev.location.block, ev.location.start) == (2, 4)


def test_summary_laid_out_in_cells_reads_like_prose() -> None:
    cells = [cell("- Tổng số 2 tiêu chí xã đạt đến thời điểm hiện tại:", 0, 0, 0),
             cell("Tiêu chí số 1 Quy hoạch; Tiêu chí số 2 Giao thông.", 0, 0, 1),
             cell("- Tổng 1 tiêu chí không đạt cụ thể:", 0, 1, 0),
             cell("Tiêu chí số 6 Cơ sở vật chất văn hóa.", 0, 1, 1)]
    r = criteria_of(*cells)
    assert (r.met, r.unmet, r.met_count_claimed, r.unmet_count_claimed) == ([1, 2], [6], 2, 1)
    ev = next(e for e in r.evidence if e.number == 6)
    assert ev.location is not None and ev.location.block == 3 and ev.location.start == 0


def test_docx_table(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from extractor.readers import read_document
    d = docx.Document()
    d.add_paragraph("Lục Bình, ngày 14 tháng 8 năm 2023")
    rows = [("STT", "Tên tiêu chí", "Kết quả"), ("1", "Quy hoạch", "Đạt"),
            ("2", "Giao thông", "Chưa đạt"), ("11", "Hộ nghèo", "Không đạt"), ("19", "Quốc phòng và An ninh", "Đạt")]
    t = d.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    path = tmp_path / "bang.docx"
    d.save(str(path))
    r = outline_to_criteria(document_to_outline(read_document(path)))
    assert (r.met, r.unmet, r.conflicts) == ([1, 19], [2, 11], [])


def test_evidence_offsets_point_into_the_original() -> None:
    import unicodedata
    original = unicodedata.normalize("NFD", "Các tiêu chí chưa đạt: Tiêu chí số 17 Môi trường.")
    doc = doc_of(original)
    r = outline_to_criteria(document_to_outline(doc))
    (ev,) = r.evidence
    loc = ev.location
    assert loc is not None
    assert unicodedata.normalize("NFC", original[loc.start:loc.end]) == "Tiêu chí số 17 Môi trường"
