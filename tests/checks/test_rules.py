"""Consistency flags inside one report (extractor/checks.py): every rule with cases that must
fire and cases that must not, on small documents built in memory. Figures are built by hand
at their place in the text, so the rules are tested apart from the figure grammar."""
from __future__ import annotations

import re
import string

import pytest
import yaml

from extractor import checks
from extractor.core import i18n
from extractor.core.data import load_pattern
from extractor.core.model import (
    Block,
    BlockKind,
    CellPosition,
    CriteriaConflict,
    CriteriaStatus,
    CriterionEvidence,
    Document,
    Evidence,
    Figure,
    Identity,
    Location,
    Record,
)
from extractor.structure.outline import document_to_outline

# ---------------------------------------------------------------------------- helpers


def make_doc(*lines: str) -> Document:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)]
    return Document(path="mem.txt", format="txt", sha256="0", blocks=blocks)


def fig(doc: Document, block: int, text: str, value: float, unit: str, nth: int = 0, **kw) -> Figure:
    """A figure standing at the nth occurrence of `text` in block `block`."""
    t = doc.blocks[block].text
    start = -1
    for _ in range(nth + 1):
        start = t.index(text, start + 1)
    return Figure(value=value, unit=unit, text=text, rule="test",
                  location=Location(block, None, start, start + len(text)), **kw)


def run(doc: Document, figures: list[Figure], criteria: CriteriaStatus | None = None,
        identity: Identity | None = None) -> list:
    record = Record(source={"path": doc.path}, identity=identity or Identity(),
                    criteria=criteria or CriteriaStatus(), figures=figures, flags=[])
    return checks.record_to_flags(record, document_to_outline(doc))


def rules(flags) -> list[str]:
    return [f.rule for f in flags]


def texts(flag) -> list[str]:
    return [e.text for e in flag.evidence]


# ---------------------------------------------------------------------------- data files


def _regex_entries(node, path=""):
    """(path, regex, examples, counter_examples) of every `regex` with `examples` and every
    `<x>_regex` with `<x>_examples` in a pattern file, `{<name>_words}` filled in."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "regex" and "examples" in node:
                yield path, checks.with_words(node, value), node["examples"], node.get("counter_examples", [])
            elif key.endswith("_regex") and f"{key[:-6]}_examples" in node:
                yield (f"{path}.{key}", checks.with_words(node, value), node[f"{key[:-6]}_examples"],
                       node.get(f"{key[:-6]}_counter_examples", []))
            elif isinstance(value, (dict, list)):
                yield from _regex_entries(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _regex_entries(v, f"{path}[{i}]")


def test_checks_yaml_regex_examples():
    seen = 0
    for path, regex, examples, counter_examples in _regex_entries(load_pattern("checks")):
        rx = re.compile(regex, re.IGNORECASE)
        for ex in examples:
            assert rx.search(ex), f"{path} should match {ex!r}"
        for ex in counter_examples:
            assert not rx.search(ex), f"{path} should not match {ex!r}"
        seen += 1
    assert seen >= 8


def test_locale_has_both_languages_with_the_same_placeholders():
    cat = i18n.catalogue("checks")
    fmt = string.Formatter()
    for key, entry in cat.items():
        assert set(entry) == {"vi", "en"}, key
        names = [{f for _, f, _, _ in fmt.parse(entry[lang]) if f} for lang in ("vi", "en")]
        assert names[0] == names[1], key
    for key in ("malformed_number", "ambiguous_number"):
        assert "343." in i18n.t("checks", key, lang="vi", text="343.")
        assert "343." in i18n.t("checks", key, lang="en", text="343.")


def test_thresholds_cite_their_decision_and_known_indicators():
    files = checks.thresholds()
    assert files
    indicators = {i["key"] for i in (load_pattern("indicators") or {}).get("indicators", [])}
    for t in files:
        assert t["decision"] and t["sources"] and t["criteria_sets"]
        for entry in t["thresholds"]:
            assert entry["comparator"] in (">=", "<=")
            assert "value" in entry or entry.get("by_region")
            if indicators:
                assert entry["indicator"] in indicators, entry["indicator"]


def test_format_number_per_language():
    assert i18n.format_number(1488131262, "vi") == "1.488.131.262"
    assert i18n.format_number(57.24, "vi") == "57,24"
    assert i18n.format_number(1488131262.5, "en") == "1,488,131,262.5"


# ---------------------------------------------------------------------------- conflicting_values

CAMPAIGN_A = "Tổng số tiền Nhân dân đóng góp được là trên 42.500.000đ, số công lao động được trên 300 ngày công, hiến trên 120 m2 đất."
CAMPAIGN_B = "Phong trào thi đua: Tổng số tiền Nhân dân đóng góp được là trên 42.500.000đ, số công lao động được trên 500 ngày công, hiến trên 120 m² đất."


def _campaign_figures(doc: Document, a: int, b: int, b_labour: str = "500 ngày công", b_value: float = 500) -> list[Figure]:
    return [
        fig(doc, a, "42.500.000đ", 42_500_000, "VND", qualifier="trên", indicator="residents_money_vnd"),
        fig(doc, a, "300 ngày công", 300, "labour_day", qualifier="trên", indicator="residents_labour_days"),
        fig(doc, a, "120 m2", 120, "m2", qualifier="trên", indicator="land_donated_m2"),
        fig(doc, b, "42.500.000đ", 42_500_000, "VND", qualifier="trên", indicator="residents_money_vnd"),
        fig(doc, b, b_labour, b_value, "labour_day", qualifier="trên", indicator="residents_labour_days"),
        fig(doc, b, "120 m²" if "120 m²" in doc.blocks[b].text else "120 m2", 120, "m2",
            qualifier="trên", indicator="land_donated_m2"),
    ]


def test_conflicting_values_fires_on_a_campaign_told_twice_with_one_figure_changed():
    doc = make_doc("(9) Nội dung thành phần số 09: Mặt trận", CAMPAIGN_A,
                   "(11) Nội dung thành phần số 11: Giám sát", CAMPAIGN_B)
    flags = run(doc, _campaign_figures(doc, 1, 3))
    assert rules(flags) == ["conflicting_values"]
    flag = flags[0]
    assert flag.severity == "error"
    assert {"300 ngày công", "500 ngày công"} <= set(texts(flag))
    assert "300 ngày công" in flag.message and "500 ngày công" in flag.message
    assert "nội dung thành phần số 9" in flag.message
    assert flag.message_en and "component 11" in flag.message_en
    assert all(e.location is not None for e in flag.evidence)


def test_conflicting_values_with_one_anchor_is_only_a_hint():
    doc = make_doc("Vốn được giao: 176.000.000 đồng, giải ngân 50.000.000 đồng.",
                   "Dự án hỗ trợ nhà ở: vốn được giao 176.000.000 đồng, giải ngân 80.000.000 đồng.")
    figures = [fig(doc, 0, "176.000.000 đồng", 176e6, "VND"), fig(doc, 0, "50.000.000 đồng", 50e6, "VND"),
               fig(doc, 1, "176.000.000 đồng", 176e6, "VND"), fig(doc, 1, "80.000.000 đồng", 80e6, "VND")]
    flags = run(doc, figures)
    assert rules(flags) == ["conflicting_values"] and flags[0].severity == "info"


@pytest.mark.parametrize("second", [
    # the same sentence repeated with the same figures
    CAMPAIGN_A,
    # a different year: another period, not a contradiction
    "Năm 2022: Tổng số tiền Nhân dân đóng góp được là trên 42.500.000đ, số công lao động được trên 500 ngày công, hiến trên 120 m2 đất năm 2022.",
])
def test_conflicting_values_silent_on_repeats_and_other_periods(second):
    first = "Năm 2021: " + CAMPAIGN_A[:-1] + " năm 2021."
    doc = make_doc(first, second)
    labour = "500 ngày công" if "500 ngày công" in second else "300 ngày công"
    flags = run(doc, _campaign_figures(doc, 0, 1, labour, float(labour.split()[0])))
    assert flags == []


def test_conflicting_values_silent_without_distinctive_shared_figures():
    # shared small counts and percentages are everywhere; they do not make two sentences one
    doc = make_doc("Giao khoán bảo vệ rừng cho 3 cộng đồng thôn và 76 hộ, đạt 100%.",
                   "Giao khoán bảo vệ rừng tự nhiên đối với 03 cộng đồng thôn và 81 hộ gia đình, đạt 100%.")
    figures = [fig(doc, 0, "3 cộng đồng thôn", 3, "count", noun="cộng đồng thôn"), fig(doc, 0, "76 hộ", 76, "household"),
               fig(doc, 0, "100%", 100, "percent"),
               fig(doc, 1, "03 cộng đồng thôn", 3, "count", noun="cộng đồng thôn"),
               fig(doc, 1, "81 hộ gia đình", 81, "household"), fig(doc, 1, "100%", 100, "percent")]
    assert run(doc, figures) == []


def test_conflicting_values_silent_when_indicators_differ():
    doc = make_doc("Vốn được giao 176.000.000 đồng, trong đó xây dựng 300 m2 nhà văn hóa.",
                   "Vốn được giao 176.000.000 đồng, hiến 500 m2 đất.")
    figures = [fig(doc, 0, "176.000.000 đồng", 176e6, "VND"), fig(doc, 0, "300 m2", 300, "m2", indicator="floor_area_m2"),
               fig(doc, 1, "176.000.000 đồng", 176e6, "VND"), fig(doc, 1, "500 m2", 500, "m2", indicator="land_donated_m2")]
    assert run(doc, figures) == []


def test_conflicting_values_silent_when_several_figures_changed():
    # planned and irrigated areas share the perennial 13 ha but are two different measures
    doc = make_doc("- Diện tích cần tưới theo kế hoạch 144,1 ha, trong đó cây hàng năm 131,1 ha, cây lâu năm 13 ha.",
                   "- Diện tích thực tế được tưới 138,9 ha, trong đó cây hàng năm 125,9 ha, cây lâu năm 13 ha.")
    figures = [fig(doc, 0, "144,1 ha", 144.1, "ha"), fig(doc, 0, "131,1 ha", 131.1, "ha"), fig(doc, 0, "13 ha", 13, "ha"),
               fig(doc, 1, "138,9 ha", 138.9, "ha"), fig(doc, 1, "125,9 ha", 125.9, "ha"), fig(doc, 1, "13 ha", 13, "ha")]
    assert [f for f in run(doc, figures) if f.rule == "conflicting_values"] == []


def _prose_and_table(sentence: str, prose_text: str, prose_value: float, cell: str, cell_value: float) -> list:
    blocks = [Block(0, BlockKind.PARAGRAPH, sentence),
              Block(1, BlockKind.TABLE_CELL, "Số hộ nghèo", cell=CellPosition(0, 1, 1)),
              Block(2, BlockKind.TABLE_CELL, cell, cell=CellPosition(0, 1, 2))]
    doc = Document(path="mem.docx", format="docx", sha256="0", blocks=blocks)
    figures = [fig(doc, 0, prose_text, prose_value, "household", indicator="poor_households"),
               fig(doc, 2, cell, cell_value, "household", indicator="poor_households")]
    return run(doc, figures)


def test_text_and_table_disagree_on_one_indicator():
    flags = _prose_and_table("- Toàn xã còn 154 hộ nghèo và 26 hộ cận nghèo.", "154 hộ nghèo", 154, "135", 135)
    assert rules(flags) == ["conflicting_values"] and flags[0].severity == "info"
    assert texts(flags[0]) == ["154 hộ nghèo", "135"]
    assert _prose_and_table("- Toàn xã còn 135 hộ nghèo.", "135 hộ nghèo", 135, "135", 135) == []
    # a target is not a statement of the current value
    assert _prose_and_table("- Phấn đấu giảm 71 hộ nghèo trong năm 2025.", "71 hộ nghèo", 71, "195", 195) == []


def test_single_valued_indicator_with_two_values_is_an_info_hint():
    doc = make_doc("Tỷ lệ nghèo đa chiều của xã là 26,95%.", "Tỷ lệ nghèo đa chiều còn 24,1%.")
    figures = [fig(doc, 0, "26,95%", 26.95, "percent", indicator="poverty_rate_percent"),
               fig(doc, 1, "24,1%", 24.1, "percent", indicator="poverty_rate_percent")]
    flags = run(doc, figures)
    assert rules(flags) == ["conflicting_values"] and flags[0].severity == "info"
    assert set(texts(flags[0])) == {"26,95%", "24,1%"}
    same = [fig(doc, 0, "26,95%", 26.95, "percent", indicator="poverty_rate_percent")] * 2
    assert run(doc, same) == []


# ---------------------------------------------------------------------------- count_list_mismatch


@pytest.mark.parametrize("line, count, names", [
    ("Mua sắm trang thiết bị cho 06 nhà văn hóa thôn: Nà Pài, Khuổi Chang, Bản Đén, Phja Đeng.", 6, 4),
    ("Hỗ trợ 3 thôn Nà Cọ, Bản Đén, Khuổi Lùng và Phja Đeng xây dựng đường.", 3, 4),
    ("Sửa chữa nhà 05 văn hóa thôn, Cốc Xả, Nà Pài (đang thực hiện)", 5, 2),
    ("Hỗ trợ 3 thôn gồm: thôn Nà Pài, thôn Khuổi Chang.", 3, 2),
])
def test_count_list_mismatch_fires(line, count, names):
    flags = run(make_doc(line), [])
    assert rules(flags) == ["count_list_mismatch"]
    flag = flags[0]
    assert flag.severity == "warning"
    assert re.match(rf"0?{count} ", texts(flag)[0])
    assert f"có {names} tên" in flag.message
    assert flag.evidence[0].location.block == 0


@pytest.mark.parametrize("line", [
    "Hỗ trợ mua sắm trang thiết bị trong nhà văn hóa cho 4 thôn Pác Nặm, Nà Chang, Bản Đén, Nam Lanh.",
    "Giao khoán cho 3 cộng đồng thôn Cao Sơn, Nà Cọ, Bản Đén dân cư và 76 hộ toàn xã.",
    "Đảm bảo 08/08 thôn có nhà văn hóa: Nà Pài, Khuổi Chang.",
    "Có 04 nhà văn hóa thôn đang thi công xây dựng.",
    "Hỗ trợ 6 thôn: Nà Pài, Khuổi Chang, Bản Đén...",
    "Hỗ trợ 6 thôn gồm Nà Pài, Khuổi Chang và các thôn khác.",
    "Hỗ trợ 2 thôn gồm: thôn Nà Pài và thôn Khuổi Chang.",
    "Có 5 thôn, UBND xã đã chỉ đạo.",
])
def test_count_list_mismatch_silent(line):
    assert run(make_doc(line), []) == []


# ---------------------------------------------------------------------------- ratio_mismatch


def test_ratio_mismatch_fires_on_a_wrong_percentage_after_its_ratio():
    doc = make_doc("+ Đường trục thôn được cứng hóa 12,1/12,6 km đạt 90%.")
    figures = [fig(doc, 0, "12,1/12,6 km", 12.1, "km", total=12.6), fig(doc, 0, "90%", 90, "percent")]
    flags = run(doc, figures)
    assert rules(flags) == ["ratio_mismatch"] and flags[0].severity == "error"
    assert set(texts(flags[0])) == {"12,1/12,6 km", "90%"}
    assert "96,03" in flags[0].message


@pytest.mark.parametrize("line, ratio, value, total, pct_text, pct", [
    ("+ Đường trục thôn được cứng hóa 12,1/12,6 km đạt 96%.", "12,1/12,6 km", 12.1, 12.6, "96%", 96),
    ("+ Tỷ lệ hộ sử dụng điện 676/676 hộ Đạt 100%", "676/676 hộ", 676, 676, "100%", 100),
    ("Tham gia bảo hiểm y tế 2692/2692 người có thẻ BHYT đạt 100%.", "2692/2692 người", 2692, 2692, "100%", 100),
    ("Đường ngõ xóm đạt 57% (8,5/15 km)", "8,5/15 km", 8.5, 15, "57%", 57),
    # truncated rather than rounded: 95.9 written as 95
    ("Đường thôn 95,9/100 km, đạt 95%", "95,9/100 km", 95.9, 100, "95%", 95),
])
def test_ratio_mismatch_silent_when_the_percentage_holds(line, ratio, value, total, pct_text, pct):
    doc = make_doc(line)
    figures = [fig(doc, 0, ratio, value, "km" if "km" in ratio else "household", total=total),
               fig(doc, 0, pct_text, pct, "percent")]
    assert run(doc, figures) == []


def test_ratio_mismatch_silent_when_the_percentage_is_about_something_else():
    doc = make_doc("Đường ngõ xóm 8,5/15 km; tỷ lệ hộ nghèo 12%.")
    figures = [fig(doc, 0, "8,5/15 km", 8.5, "km", total=15), fig(doc, 0, "12%", 12, "percent")]
    assert run(doc, figures) == []


def test_implicit_ratio_of_two_amounts():
    ok = "Vốn được giao: 2.600.000.000 đồng, giải ngân 1.488.131.262 đồng, đạt 57,24% kế hoạch giao."
    bad = "Vốn được giao: 2.600.000.000 đồng, giải ngân 1.488.131.262 đồng, đạt 75,24% kế hoạch giao."
    for line, expected in ((ok, []), (bad, ["ratio_mismatch"])):
        doc = make_doc(line)
        pct = "57,24%" if "57,24" in line else "75,24%"
        figures = [fig(doc, 0, "2.600.000.000 đồng", 2.6e9, "VND"), fig(doc, 0, "1.488.131.262 đồng", 1488131262, "VND"),
                   fig(doc, 0, pct, float(pct[:-1].replace(",", ".")), "percent")]
        flags = run(doc, figures)
        assert rules(flags) == expected
        if flags:
            assert flags[0].severity == "warning"
            assert {"2.600.000.000 đồng", "1.488.131.262 đồng", "75,24%"} == set(texts(flags[0]))


def test_implicit_ratio_needs_exactly_two_amounts_of_one_unit():
    doc = make_doc("Tổng vốn 5.000.000.000 đồng, ngân sách tỉnh 3.000.000.000 đồng, vốn dân 1.000.000.000 đồng, đạt 100% kế hoạch.")
    figures = [fig(doc, 0, "5.000.000.000 đồng", 5e9, "VND"), fig(doc, 0, "3.000.000.000 đồng", 3e9, "VND"),
               fig(doc, 0, "1.000.000.000 đồng", 1e9, "VND"), fig(doc, 0, "100%", 100, "percent")]
    assert run(doc, figures) == []


def _plan_table(plan: str, actual: str, pct: str) -> list:
    cells = [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
             ["1", "Đường trục thôn được cứng hóa", "km", plan, actual, pct]]
    blocks = [Block(r * 6 + c, BlockKind.TABLE_CELL, text, cell=CellPosition(0, r, c))
              for r, row in enumerate(cells) for c, text in enumerate(row)]
    doc = Document(path="mem.docx", format="docx", sha256="0", blocks=blocks)
    num = lambda s: float(s.replace(",", "."))  # noqa: E731
    figures = [fig(doc, 9, plan, num(plan), "km"), fig(doc, 10, actual, num(actual), "km"),
               fig(doc, 11, pct, num(pct), "percent")]
    return run(doc, figures)


def test_table_row_plan_result_percentage():
    assert _plan_table("16,2", "11,8", "73") == []
    flags = _plan_table("16,2", "11,8", "83")
    assert rules(flags) == ["ratio_mismatch"] and flags[0].severity == "error"
    assert texts(flags[0]) == ["11,8", "16,2", "83"]


# ---------------------------------------------------------------------------- sum_mismatch

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
     [("400 ngày công", 400, "labour_day"), ("300 ngày công", 300, "labour_day"), ("150 ngày công", 150, "labour_day")]),
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
    figures = [fig(doc, 0, "369,5 ha", 369.5, "ha"), fig(doc, 0, "307,1 ha", 307.1, "ha"), fig(doc, 0, "57,4 ha", 57.4, "ha")]
    flags = run(doc, figures)
    assert rules(flags) == ["sum_mismatch"] and flags[0].severity == "warning"
    assert set(texts(flags[0])) == {"369,5 ha", "307,1 ha", "57,4 ha"}
    good = make_doc(line.replace("369,5", "364,5"))
    figures = [fig(good, 0, "364,5 ha", 364.5, "ha"), fig(good, 0, "307,1 ha", 307.1, "ha"), fig(good, 0, "57,4 ha", 57.4, "ha")]
    assert run(good, figures) == []


def test_sum_short_is_not_flagged_when_the_block_is_cut():
    # a PDF page break cut the sentence: the last part is in the next block
    doc = make_doc("- Tổng vốn thực hiện 7.550.800.000 VNĐ, gồm: ngân sách Trung ương 2.118.300.000 VNĐ, ngân sách tỉnh 3.768.300.000 VNĐ, vốn lồng ghép",
                   "1.664.200.000 VNĐ.")
    figures = [fig(doc, 0, "7.550.800.000 VNĐ", 7550800000, "VND"), fig(doc, 0, "2.118.300.000 VNĐ", 2118300000, "VND"),
               fig(doc, 0, "3.768.300.000 VNĐ", 3768300000, "VND"), fig(doc, 1, "1.664.200.000 VNĐ", 1664200000, "VND")]
    assert run(doc, figures) == []


def test_percentage_shares_end_with_their_clause():
    doc = make_doc("Tỷ lệ người dân có sổ sức khỏe điện tử 99,76 % trong đó nam 51,86 % nữ 48,14%; tỷ lệ cài ứng dụng đạt 50%.")
    figures = [fig(doc, 0, t, v, "percent") for t, v in (("99,76 %", 99.76), ("51,86 %", 51.86), ("48,14%", 48.14), ("50%", 50))]
    assert run(doc, figures) == []


def test_sum_short_is_not_flagged_when_an_item_has_no_figure():
    doc = make_doc("- Tổng vốn 10 tỷ đồng, bao gồm:", "+ Ngân sách tỉnh: 6 tỷ đồng", "+ Vốn lồng ghép các chương trình khác")
    figures = [fig(doc, 0, "10 tỷ đồng", 1e10, "VND"), fig(doc, 1, "6 tỷ đồng", 6e9, "VND")]
    assert run(doc, figures) == []


# ---------------------------------------------------------------------------- criteria


def _criteria(met, unmet, met_claimed=None, unmet_claimed=None, **kw) -> CriteriaStatus:
    ev = [CriterionEvidence(n, "met", f"Tiêu chí số {n}", Location(0, None, 0, 5)) for n in met]
    ev += [CriterionEvidence(n, "unmet", f"Tiêu chí số {n}", Location(1, None, 0, 5)) for n in unmet]
    return CriteriaStatus(met=list(met), unmet=list(unmet), met_count_claimed=met_claimed,
                          unmet_count_claimed=unmet_claimed, criteria_set="commune-2021-2025", evidence=ev, **kw)


MET14 = [1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 14, 15, 16, 19]
UNMET5 = [6, 10, 11, 17, 18]


def test_criteria_silent_when_counts_and_lists_agree():
    doc = make_doc("Tổng số 14 tiêu chí xã đạt", "Tổng 5 tiêu chí không đạt")
    assert run(doc, [], _criteria(MET14, UNMET5, 14, 5)) == []


def test_criteria_count_mismatch_against_the_list():
    doc = make_doc("Tổng số 15 tiêu chí xã đạt", "Tổng 5 tiêu chí không đạt")
    crit = _criteria(MET14, UNMET5, 15, 5, count_evidence={"met": Evidence("15 tiêu chí xã đạt", Location(0, None, 7, 25))})
    flags = run(doc, [], crit)
    assert rules(flags) == ["criteria_count_mismatch"]
    assert texts(flags[0])[0] == "15 tiêu chí xã đạt"
    assert "15" in flags[0].message and "14" in flags[0].message


def test_criteria_claimed_counts_that_do_not_make_the_set():
    flags = run(make_doc("x", "y"), [], _criteria([], [], 14, 4))
    assert rules(flags) == ["criteria_count_mismatch"]
    assert "18" in flags[0].message and "19" in flags[0].message


def test_criteria_lists_that_do_not_make_the_set():
    flags = run(make_doc("x", "y"), [], _criteria(MET14[:-1], UNMET5))
    assert rules(flags) == ["criteria_count_mismatch"]


def test_criterion_both_met_and_unmet():
    flags = run(make_doc("x", "y"), [], _criteria(MET14, UNMET5 + [19]))
    assert "criteria_both_met_and_unmet" in rules(flags)
    both = next(f for f in flags if f.rule == "criteria_both_met_and_unmet")
    assert both.severity == "error" and "19" in both.message and len(both.evidence) == 2


def test_criteria_conflicts_from_the_reader_become_flags():
    conflict = CriteriaConflict(kind="name_number_mismatch", numbers=[6, 16],
                                evidence=[Evidence("Tiêu chí số 6 Văn hóa", Location(0, None, 0, 21))], resolved=16)
    ignored = CriteriaConflict(kind="met_and_unmet", numbers=[3], evidence=[])
    flags = run(make_doc("x", "y"), [], _criteria(MET14, UNMET5, conflicts=[conflict, ignored]))
    assert rules(flags) == ["criterion_name_conflict"]
    assert "Tiêu chí số 6 Văn hóa" in flags[0].message and "16" in flags[0].message


# ---------------------------------------------------------------------------- criterion_vs_figure


def _health(value_text: str, value: float, met: list[int], criteria_set="commune-2016-2020",
            indicator_key="health_insurance_percent", **kw):
    doc = make_doc(f"Tỷ lệ người dân tham gia bảo hiểm y tế {value_text}.")
    f = fig(doc, 0, value_text, value, kw.pop("unit", "percent"), indicator=indicator_key, **kw)
    crit = CriteriaStatus(met=met, unmet=[n for n in range(1, 20) if n not in met], criteria_set=criteria_set)
    return run(doc, [f], crit)


def test_criterion_vs_figure_fires_below_the_cited_level():
    flags = _health("80%", 80, list(range(1, 20)))
    assert rules(flags) == ["criterion_vs_figure"]
    assert "80" in flags[0].message and "85" in flags[0].message and "1980" in flags[0].message
    ratio = _health("2000/2692 người", 2000, list(range(1, 20)), unit="person", total=2692,
                    indicator_key="health_insurance_persons")
    assert rules(ratio) == ["criterion_vs_figure"]


def test_criterion_vs_figure_silent():
    assert _health("90%", 90, list(range(1, 20))) == []
    # the criterion is not claimed met
    assert _health("80%", 80, [n for n in range(1, 20) if n != 15]) == []
    # no cited thresholds for this set
    assert _health("80%", 80, list(range(1, 20)), criteria_set="commune-2021-2025") == []


def test_threshold_without_a_region_takes_the_loosest_level():
    entry = {"comparator": "<=", "by_region": {"a": 13.9, "b": 31.4}}
    assert checks.threshold_value(entry, None) == 31.4
    assert checks.threshold_value(entry, "a") == 13.9
    assert checks.threshold_value({"comparator": ">=", "value": 85}, None) == 85


# ---------------------------------------------------------------------------- language


def test_message_in_english_when_asked():
    doc = make_doc("+ Đường trục thôn được cứng hóa 12,1/12,6 km đạt 90%.")
    figures = [fig(doc, 0, "12,1/12,6 km", 12.1, "km", total=12.6), fig(doc, 0, "90%", 90, "percent")]
    i18n.set_language("en")
    try:
        flags = run(doc, figures)
    finally:
        i18n.set_language(None)
    assert flags[0].message.startswith("The stated 90%") and "96.03" in flags[0].message
    assert flags[0].message == flags[0].message_en


def test_flag_serialises_to_the_record_contract():
    doc = make_doc("+ Đường trục thôn được cứng hóa 12,1/12,6 km đạt 90%.")
    figures = [fig(doc, 0, "12,1/12,6 km", 12.1, "km", total=12.6), fig(doc, 0, "90%", 90, "percent")]
    record = Record(source={}, identity=Identity(), criteria=CriteriaStatus(), figures=figures, flags=[])
    record.flags = checks.record_to_flags(record, document_to_outline(doc))
    out = record.to_json()["flags"][0]
    assert out["rule"] == "ratio_mismatch" and out["severity"] in ("error", "warning", "info")
    assert out["evidence"][0]["location"] == {"block": 0, "page": None, "start": 32, "end": 44}
    yaml.safe_dump(out)  # plain data all the way down


def test_not_names_are_whole_words_or_phrases():
    cfg = checks.config()["count_list"]
    rx = checks._not_name_regex()
    assert all(rx.match(t) for t in cfg["not_names_examples"])
    assert not any(rx.match(t) for t in cfg["not_names_counter_examples"])
    listed = checks.text_to_counted_lists("cho 03 nhà văn hóa thôn: Nà Khoang, Khuổi Tẩu, Tổng Ngay.")
    assert listed[0].names == ("Nà Khoang", "Khuổi Tẩu", "Tổng Ngay")
