"""Consistency flags through the whole pipeline: small in-memory documents read by the real
figure and criteria extractors (extractor.pipeline.document_to_record), and the sample report
against its gold flags."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.outputs.evaluate import numbers_in
from extractor.pipeline import document_to_record, extract


def make_doc(*lines: str) -> Document:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)]
    return Document(path="mem.txt", format="txt", sha256="0", blocks=blocks)


def flags_of(*lines: str, severities=("error", "warning")) -> list:
    return [f for f in document_to_record(make_doc(*lines)).flags if f.severity in severities]


def numbers(flag) -> str:
    return " ".join([flag.message] + [e.text for e in flag.evidence])


CASES_FIRE = {
    "conflicting_values": ("(9) Nội dung thành phần số 09: Mặt trận",
                           "- Tổng số tiền Nhân dân đóng góp được là trên 42.500.000đ, số công lao động được trên 300 "
                           "ngày công, hiến trên 120 m2 đất.",
                           "(11) Nội dung thành phần số 11: Giám sát",
                           "- Phong trào thi đua: Tổng số tiền Nhân dân đóng góp được là trên 42.500.000đ, số công "
                           "lao động được trên 500 ngày công, hiến trên 120 m² đất."),
    "count_list_mismatch": ("+ Mua sắm trang thiết bị cho 06 nhà văn hóa thôn: "
                            "Nà Pài, Khuổi Chang, Bản Đén, Phja Đeng.",),
    "ratio_mismatch": ("+ Đường trục thôn, đường liên thôn được cứng hóa 12,1/12,6 km đạt 90%.",),
    "sum_mismatch": ("- Tổng số diện tích gieo trồng cả năm cần tưới theo kế hoạch 452 ha, trong đó:",
                     "+ Tổng diện tích gieo trồng cây hàng năm: 455 ha.",
                     "+ Tổng diện tích gieo trồng cây lâu năm: 7 ha."),
}

CASES_HOLD = {
    "conflicting_values": ("- Tổng số tiền Nhân dân đóng góp được là trên 42.500.000đ, số công lao động được trên 300 "
                           "ngày công.",
                           "- Phong trào thi đua: Tổng số tiền Nhân dân đóng góp được là trên 42.500.000đ, số công "
                           "lao động được trên 300 ngày công."),
    "count_list_mismatch": ("+ Hỗ trợ trang thiết bị nhà văn hóa cho 4 thôn Nà Pài, Khuổi Chang, Bản Đén, Phja Đeng.",),
    "ratio_mismatch": ("+ Đường trục thôn, đường liên thôn được cứng hóa 12,1/12,6 km đạt 96%.",
                       "+ Vốn được giao: 2.600.000.000 đồng, giải ngân 1.488.131.262 đồng, đạt 57,24% kế hoạch giao."),
    "sum_mismatch": ("- Tổng số diện tích gieo trồng cả năm cần tưới theo kế hoạch 452 ha, trong đó:",
                     "+ Tổng diện tích gieo trồng cây hàng năm: 445 ha.",
                     "+ Tổng diện tích gieo trồng cây lâu năm: 7 ha.",
                     "- Tổng số chiều dài kênh mương 18 km, trong đó kiên cố hóa 13 km."),
}


@pytest.mark.parametrize("rule", sorted(CASES_FIRE))
def test_rule_fires_through_the_pipeline(rule):
    flags = flags_of(*CASES_FIRE[rule])
    assert [f.rule for f in flags] == [rule]
    assert all(e.location is not None for e in flags[0].evidence)


@pytest.mark.parametrize("rule", sorted(CASES_HOLD))
def test_rule_silent_through_the_pipeline(rule):
    assert flags_of(*CASES_HOLD[rule]) == []


def test_criteria_counts_through_the_pipeline():
    names = ["Quy hoạch", "Giao thông", "Thủy lợi", "Điện", "Trường học", "Cơ sở vật chất văn hóa",
             "Cơ sở hạ tầng thương mại nông thôn", "Thông tin và truyền thông", "Nhà ở dân cư", "Thu nhập",
             "Hộ nghèo", "Lao động", "Tổ chức sản xuất", "Giáo dục và đào tạo", "Y tế", "Văn hóa",
             "Môi trường", "Hệ thống chính trị", "Quốc phòng và an ninh"]
    met = "; ".join(f"Tiêu chí số {n} {names[n - 1]}" for n in range(1, 15))
    unmet = "; ".join(f"Tiêu chí số {n} {names[n - 1]}" for n in range(15, 20))
    head = "2. Kết quả thực hiện Bộ tiêu chí Quốc gia về NTM"
    good = flags_of(head, f"- Tổng số 14 tiêu chí xã đạt: {met}.", f"- Tổng 5 tiêu chí không đạt: {unmet}.")
    assert good == []
    bad = flags_of(head, f"- Tổng số 15 tiêu chí xã đạt: {met}.", f"- Tổng 5 tiêu chí không đạt: {unmet}.")
    assert [f.rule for f in bad] == ["criteria_count_mismatch"]
    assert "15" in bad[0].message


# ---------------------------------------------------------------------------- the sample report

def _caught(gold_flag: dict, flag) -> bool:
    want = set().union(*(numbers_in(e) for e in gold_flag["evidence"]))
    return want <= numbers_in(numbers(flag))


CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def sample():
    record = extract(CORPUS / "luc-binh-2023.txt")
    gold = json.loads((CORPUS / "luc-binh-2023.gold.json").read_text(encoding="utf-8"))
    return record, gold


def test_sample_must_catch_flags(sample):
    record, gold = sample
    for g in gold["flags"]:
        if g["must"]:
            assert any(_caught(g, f) for f in record.flags), g["description"]


def test_sample_raises_no_warning_on_relations_that_hold(sample):
    record, gold = sample
    loud = [f for f in record.flags if f.severity in ("error", "warning")]
    stray = [f for f in loud if not any(_caught(g, f) for g in gold["flags"])]
    assert stray == [], [f.message for f in stray]


def test_parts_in_brackets_after_their_total():
    bad = flags_of("- Có 138 hội viên đăng ký thi đua (116 hội viên cấp xã, 10 hội viên cấp huyện).")
    assert [f.rule for f in bad] == ["sum_mismatch"] and "138" in numbers(bad[0])
    assert flags_of("- Có 126 hội viên đăng ký thi đua (116 hội viên cấp xã, 10 hội viên cấp huyện).") == []
    # one figure in each bracket is an aside, not a breakdown
    assert flags_of("- Phổ cập mầm non cho trẻ em 5 tuổi (116 trẻ), tiểu học đúng độ tuổi (197 trẻ).") == []


def test_short_split_without_colon_is_a_note_and_numbered_villages_are_names():
    notes = flags_of("- Có 103 hội viên đăng ký, trong đó 83 hội viên cấp xã, 8 hội viên cấp huyện.",
                     severities=("info",))
    assert [f.rule for f in notes] == ["sum_mismatch"]
    assert flags_of("- Có 103 hội viên đăng ký, trong đó 83 hội viên cấp xã, 8 hội viên cấp huyện.") == []
    listed = flags_of("+ Hỗ trợ mua sắm trang thiết bị cho 05 nhà văn hóa thôn ấp 5, ấp 2, ấp 3, ấp 6.")
    assert [f.rule for f in listed] == ["count_list_mismatch"]
    assert flags_of("+ Hỗ trợ mua sắm trang thiết bị cho 04 nhà văn hóa thôn ấp 5, ấp 2, ấp 3, ấp 6.") == []


def test_a_figure_that_looks_like_a_year_does_not_date_its_sentence():
    flags = flags_of("Nhân dân đóng góp 306.500.000 đồng, 600 ngày công và hiến 1970 m² đất.",
                     "- Kết quả phong trào: nhân dân đóng góp 306.500.000 đồng, 600 ngày công, hiến 1944 m² đất.")
    assert [f.rule for f in flags] == ["conflicting_values"] and "1944" in numbers(flags[0])


def _bhyt_report(line: str) -> list:
    return flags_of("Báo cáo kết quả xây dựng nông thôn mới giai đoạn 2016-2020", line,
                    "- Các tiêu chí đạt: Tiêu chí số 15 Y tế.", severities=("error", "warning", "info"))


def test_criterion_vs_figure_judges_the_ratio_a_percentage_restates():
    # the ratio (99,5%) meets the 85% level: only the wrong percentage is reported
    rules = [f.rule for f in _bhyt_report("- Số người tham gia BHYT: 10.390/10.444 người, đạt 84%.")]
    assert "ratio_mismatch" in rules and "criterion_vs_figure" not in rules
    # the ratio itself misses the level: one flag naming the ratio and its stated percentage
    below = [f for f in _bhyt_report("- Số người tham gia BHYT: 8.200/10.444 người, đạt 78,5%.")
             if f.rule == "criterion_vs_figure"]
    assert len(below) == 1 and {"8.200/10.444 người", "78,5%"} <= {e.text for e in below[0].evidence}
