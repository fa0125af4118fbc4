"""sum_mismatch (extractor/checks/sums.py): a total and its parts, in list items, in one sentence
and in brackets."""
from __future__ import annotations

import pytest

from extractor.core.model import (
    Document,
    Figure,
)
from tests.checks.helpers import fig, make_doc, rules, run, texts

SUM_DOC = ("- Về thủy lợi: Tổng số diện tích gieo trồng cả năm cần tưới theo kế hoạch {total} ha, trong đó:",
           "+ Tổng diện tích gieo trồng cây hàng năm: {a} ha.",
           "+ Tổng diện tích gieo trồng cây lâu năm: {b} ha.",
           "- Tỷ lệ diện tích được tưới chủ động: 96%")


def _sum_case(total: str, a: str, b: str) -> tuple[Document, list[Figure]]:
    lines = [SUM_DOC[0].format(total=total), SUM_DOC[1].format(a=a), SUM_DOC[2].format(b=b), SUM_DOC[3]]
    doc = make_doc(*lines)
    num = lambda s: float(s.replace(",", "."))  # noqa: E731
    figures = [fig(doc, 0, f"{total} ha", num(total), "ha"), fig(doc, 1, f"{a} ha", num(a), "ha"),
               fig(doc, 2, f"{b} ha", num(b), "ha"), fig(doc, 3, "96%", 96, "percent")]
    return doc, figures


@pytest.mark.parametrize("total, a, b", [("452", "445", "7"), ("434,5", "427,5", "7"), ("10,5", "3,25", "7,25")])
def test_sum_mismatch_silent_when_parts_add_up(total, a, b):
    assert run(*_sum_case(total, a, b)) == []


def test_sum_mismatch_fires_when_parts_exceed_the_total():
    flags = run(*_sum_case("452", "455", "7"))
    assert rules(flags) == ["sum_mismatch"] and flags[0].severity == "error"  # one part alone is larger
    assert set(texts(flags[0])) == {"452 ha", "455 ha", "7 ha"}
    assert "462" in flags[0].message
    flags = run(*_sum_case("452", "448", "7"))
    assert rules(flags) == ["sum_mismatch"] and flags[0].severity == "warning"


def test_overlapping_household_categories_are_only_a_hint():
    doc = make_doc("- Tổng số 676 hộ, trong đó:", "+ Hộ nghèo: 182 hộ", "+ Hộ dân tộc thiểu số: 600 hộ")
    figures = [fig(doc, 0, "676 hộ", 676, "household"), fig(doc, 1, "182 hộ", 182, "household"),
               fig(doc, 2, "600 hộ", 600, "household")]
    flags = run(doc, figures)
    assert rules(flags) == ["sum_mismatch"] and flags[0].severity == "info"


def test_sum_mismatch_fires_when_a_complete_breakdown_falls_short():
    flags = run(*_sum_case("452", "435", "7"))
    assert rules(flags) == ["sum_mismatch"] and flags[0].severity == "warning"
    assert "442" in flags[0].message and "452" in flags[0].message


def test_sum_mismatch_in_one_sentence():
    bad = make_doc("- Tổng số chiều dài kênh mương 18 km, trong đó kiên cố hóa 21 km.")
    good = make_doc("- Tổng số chiều dài kênh mương 18 km, trong đó kiên cố hóa 13 km.")
    for doc, expected in ((bad, ["sum_mismatch"]), (good, [])):
        part = "21 km" if "21 km" in doc.blocks[0].text else "13 km"
        figures = [fig(doc, 0, "18 km", 18, "km"), fig(doc, 0, part, float(part.split()[0]), "km")]
        assert rules(run(doc, figures)) == expected


@pytest.mark.parametrize("line, figs", [
    # shares of a rate add up to 100, not to the rate
    ("Tỷ lệ người dân được quản lý bằng sổ sức khỏe điện tử 99,76 % trong đó nam 51,86 % nữ 48,14%",
     [("99,76 %", 99.76, "percent"), ("51,86 %", 51.86, "percent"), ("48,14%", 48.14, "percent")]),
    # members and households are different units
    ("có 120 hội viên đăng ký, trong đó có 108 hộ đăng ký cấp xã, 12 hộ đăng ký cấp huyện",
     [("120 hội viên", 120, "person"), ("108 hộ", 108, "household"), ("12 hộ", 12, "household")]),
    # approximate totals are not added up
    ("Huy động trên 400 ngày công, trong đó làm đường 300 ngày công, nhà văn hóa 150 ngày công",
     [("400 ngày công", 400, "labour_day"), ("300 ngày công", 300, "labour_day"), ("150 ngày công", 150,
                                                                                   "labour_day")]),
    # a partial breakdown in a sentence may fall short of the total
    ("Tổng số diện tích đất của xã là 2745,26 ha, trong đó được tưới chủ động 434,5 ha.",
     [("2745,26 ha", 2745.26, "ha"), ("434,5 ha", 434.5, "ha")]),
])
def test_sum_mismatch_silent(line, figs):
    doc = make_doc(line)
    figures = [fig(doc, 0, t, v, u, qualifier="trên" if t == "400 ngày công" else None) for t, v, u in figs]
    assert run(doc, figures) == []


def test_sum_mismatch_in_a_sentence_with_a_colon_and_semicolons():
    line = "- Tổng diện tích cần tưới theo kế hoạch 369,5 ha, trong đó: cây hàng năm 307,1 ha; cây lâu năm 57,4 ha."
    doc = make_doc(line)
    figures = [fig(doc, 0, "369,5 ha", 369.5, "ha"), fig(doc, 0, "307,1 ha", 307.1, "ha"), fig(doc, 0, "57,4 ha",
                                                                                               57.4, "ha")]
    flags = run(doc, figures)
    assert rules(flags) == ["sum_mismatch"] and flags[0].severity == "warning"
    assert set(texts(flags[0])) == {"369,5 ha", "307,1 ha", "57,4 ha"}
    good = make_doc(line.replace("369,5", "364,5"))
    figures = [fig(good, 0, "364,5 ha", 364.5, "ha"), fig(good, 0, "307,1 ha", 307.1, "ha"), fig(good, 0, "57,4 ha",
                                                                                                 57.4, "ha")]
    assert run(good, figures) == []


def test_sum_short_is_not_flagged_when_the_block_is_cut():
    # a PDF page break cut the sentence: the last part is in the next block
    doc = make_doc("- Tổng vốn thực hiện 7.550.800.000 VNĐ, gồm: ngân sách Trung ương 2.118.300.000 VNĐ, ngân sách "
                   "tỉnh 3.768.300.000 VNĐ, vốn lồng ghép",
                   "1.664.200.000 VNĐ.")
    figures = [fig(doc, 0, "7.550.800.000 VNĐ", 7550800000, "VND"), fig(doc, 0, "2.118.300.000 VNĐ", 2118300000, "VND"),
               fig(doc, 0, "3.768.300.000 VNĐ", 3768300000, "VND"), fig(doc, 1, "1.664.200.000 VNĐ", 1664200000, "VND")]
    assert run(doc, figures) == []


def test_percentage_shares_end_with_their_clause():
    doc = make_doc("Tỷ lệ người dân có sổ sức khỏe điện tử 99,76 % trong đó nam 51,86 % nữ 48,14%; tỷ lệ cài ứng dụng "
                   "đạt 50%.")
    figures = [fig(doc, 0, t, v, "percent") for t, v in (("99,76 %", 99.76), ("51,86 %", 51.86), ("48,14%", 48.14),
                                                         ("50%", 50))]
    assert run(doc, figures) == []


def test_sum_short_is_not_flagged_when_an_item_has_no_figure():
    doc = make_doc("- Tổng vốn 10 tỷ đồng, bao gồm:", "+ Ngân sách tỉnh: 6 tỷ đồng",
                   "+ Vốn lồng ghép các chương trình khác")
    figures = [fig(doc, 0, "10 tỷ đồng", 1e10, "VND"), fig(doc, 1, "6 tỷ đồng", 6e9, "VND")]
    assert run(doc, figures) == []
