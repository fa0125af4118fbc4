"""Metamorphic tests of the criteria reader: every equivalent rewrite of a criteria statement
gives the same answer; a negation, a plan or an earlier year changes it.

A paraphraser rewrites the met/unmet split of every generated corpus report in many forms:
numbers ("tiêu chí số 1", "TC1", bare numbers after "các tiêu chí:"), ranges and ellipses for
runs, catalogue names alone or beside their number, separators (",", ";", "và"), one
criterion per bullet, a pipe-written table, a summary before or after the lists.
"""
from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus.banks import consecutive_runs
from extractor.core.model import Block, BlockKind, CriteriaStatus, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.criteria_sets import criteria_set
from extractor.structure.outline import document_to_outline

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023"]
SET = "commune-2021-2025"


def criteria_of(lines: list[str]) -> CriteriaStatus:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(HEADER + lines)]
    return outline_to_criteria(document_to_outline(Document("mem.txt", "txt", "0", blocks)))


def _name(n: int) -> str:
    name = criteria_set(SET).name(n)
    assert name is not None
    return name


# Reference styles: numbers -> the text of a list.
def numbered(ns: list[int], sep: str) -> str:
    return sep.join(f"tiêu chí số {n}" for n in ns)


def tc(ns: list[int], sep: str) -> str:
    return sep.join(f"TC{n}" for n in ns)


def bare_after_colon(ns: list[int], sep: str) -> str:
    return "các tiêu chí: " + sep.join(str(n) for n in ns)


def with_ranges(ns: list[int], sep: str) -> str:
    parts = [f"từ tiêu chí {r[0]} đến tiêu chí {r[-1]}" if len(r) > 2 else numbered(r, sep)
             for r in consecutive_runs(ns)]
    return sep.join(parts)


def with_ellipsis(ns: list[int], sep: str) -> str:
    parts = []
    for r in consecutive_runs(ns):
        parts.append(", ".join(map(str, r[:2])) + f", …, {r[-1]}" if len(r) > 4 else ", ".join(map(str, r)))
    return "các tiêu chí " + ", ".join(parts)


def names_only(ns: list[int], sep: str) -> str:
    return "các tiêu chí: " + sep.join(_name(n) for n in ns)


def number_and_name(ns: list[int], sep: str) -> str:
    return sep.join(f"Tiêu chí số {n} {_name(n)}" for n in ns)


def number_and_bracketed_name(ns: list[int], sep: str) -> str:
    return sep.join(f"tiêu chí {n} ({_name(n)})" for n in ns)


def tc_padded(ns: list[int], sep: str) -> str:
    return sep.join(f"TC{n:02d}" for n in ns)


def hyphen_ranges(ns: list[int], sep: str) -> str:
    parts = [f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in consecutive_runs(ns)]
    return "các tiêu chí " + ", ".join(parts)


def from_number_ranges(ns: list[int], sep: str) -> str:
    parts = [f"từ số {r[0]} đến số {r[-1]}" if len(r) > 2 else ", ".join(f"số {n}" for n in r)
             for r in consecutive_runs(ns)]
    return "các tiêu chí " + ", ".join(parts)


STYLES: list[Callable[[list[int], str], str]] = [
    numbered, tc, bare_after_colon, with_ranges, with_ellipsis, names_only, number_and_name,
    number_and_bracketed_name, tc_padded, hyphen_ranges, from_number_ranges]
SEPARATORS = [", ", "; "]


# Statement layouts: (met, unmet, style, sep) -> lines.
def status_first(met: list[int], unmet: list[int], style, sep) -> list[str]:
    lines = [f"Xã đã đạt {style(met, sep)}."] if met else []
    return lines + ([f"Xã chưa đạt {style(unmet, sep)}."] if unmet else [])


def status_after(met: list[int], unmet: list[int], style, sep) -> list[str]:
    lines = [f"Đến nay, {style(met, sep)} đã đạt."] if met else []
    return lines + ([f"Còn {style(unmet, sep)} chưa đạt."] if unmet else [])


def opening_then_bullets(met: list[int], unmet: list[int], style, sep) -> list[str]:
    lines: list[str] = []
    if met:
        lines += ["Các tiêu chí đã đạt:"] + [f"- Tiêu chí số {n} {_name(n)};" for n in met]
    if unmet:
        lines += ["Các tiêu chí chưa đạt:"] + [f"- Tiêu chí số {n} {_name(n)};" for n in unmet]
    return lines


def summary_then_lists(met: list[int], unmet: list[int], style, sep) -> list[str]:
    size = criteria_set(SET).size
    return [f"Đến nay xã đạt {len(met)}/{size} tiêu chí."] + status_first(met, unmet, style, sep)


def lists_then_summary(met: list[int], unmet: list[int], style, sep) -> list[str]:
    size = criteria_set(SET).size
    return status_first(met, unmet, style, sep) + [f"Tổng cộng xã đạt {len(met)}/{size} tiêu chí."]


def pipe_table(met: list[int], unmet: list[int], style, sep) -> list[str]:
    rows = ["STT | Tên tiêu chí | Kết quả tự đánh giá"]
    rows += [f"{n} | {_name(n)} | {'Đạt' if n in met else 'Chưa đạt'}" for n in sorted(met + unmet)]
    return rows


def status_word_meets(met: list[int], unmet: list[int], style, sep) -> list[str]:
    lines = [f"Xã đã đáp ứng {style(met, sep)}."] if met else []
    return lines + ([f"Xã chưa đáp ứng {style(unmet, sep)}."] if unmet else [])


def report_year_after(met: list[int], unmet: list[int], style, sep) -> list[str]:
    # the report's own year closing the clause changes nothing
    lines = [f"Xã đã đạt {style(met, sep)} năm 2023."] if met else []
    return lines + ([f"Xã chưa đạt {style(unmet, sep)} trong năm 2023."] if unmet else [])


def one_sentence_per_criterion(met: list[int], unmet: list[int], style, sep) -> list[str]:
    return [f"- Tiêu chí số {n} về {_name(n)}: kết quả thực hiện theo bộ tiêu chí, "
            f"{'đạt' if n in met else 'chưa đạt'}." for n in sorted(met + unmet)]


def count_last_then_list(met: list[int], unmet: list[int], style, sep) -> list[str]:
    lines = [f"Số tiêu chí đạt: {len(met):02d} ({style(met, sep)})."] if met else []
    return lines + ([f"Số tiêu chí chưa đạt: {len(unmet):02d} ({style(unmet, sep)})."] if unmet else [])


LAYOUTS = [status_first, status_after, opening_then_bullets, summary_then_lists, lists_then_summary, pipe_table,
           status_word_meets, report_year_after, one_sentence_per_criterion, count_last_then_list]


def _gold_splits() -> list[tuple[str, list[int], list[int]]]:
    out = []
    for path in sorted((ROOT / "corpus" / "generated").glob("*.gold.json")):
        crit = json.loads(path.read_text(encoding="utf-8")).get("criteria") or {}
        # a report that lists a criterion both ways states a conflict, not a split to rewrite
        both = set(crit.get("met") or ()) & set(crit.get("unmet") or ())
        if crit.get("set", "2021-2025") == "2021-2025" and (crit.get("met") or crit.get("unmet")) and not both:
            out.append((path.stem, sorted(crit["met"]), sorted(crit["unmet"])))
    return out


SPLITS = _gold_splits()


def test_the_corpus_gives_statements_to_rewrite() -> None:
    assert len(SPLITS) >= 10


@pytest.mark.parametrize("name, met, unmet", SPLITS, ids=[s[0] for s in SPLITS])
def test_every_rewrite_reads_the_same(name: str, met: list[int], unmet: list[int]) -> None:
    rng = random.Random(name)
    combos = [(layout, style, sep) for layout in LAYOUTS for style in STYLES for sep in SEPARATORS]
    for layout, style, sep in rng.sample(combos, 24):
        lines = layout(met, unmet, style, sep)
        got = criteria_of(lines)
        assert (got.met, got.unmet) == (met, unmet), (layout.__name__, style.__name__, sep, lines)


def test_a_negation_changes_the_answer() -> None:
    assert criteria_of(["Xã đã đạt tiêu chí số 2, tiêu chí số 5."]).met == [2, 5]
    got = criteria_of(["Xã chưa đạt tiêu chí số 2, tiêu chí số 5."])
    assert (got.met, got.unmet) == ([], [2, 5])


@pytest.mark.parametrize("line", [
    "Năm 2024 xã phấn đấu đạt tiêu chí số 2, tiêu chí số 5.",
    "Xã quyết tâm đạt thêm tiêu chí số 2, tiêu chí số 5 trong năm tới.",
])
def test_a_plan_sets_no_status(line: str) -> None:
    got = criteria_of([line])
    assert (got.met, got.unmet) == ([], [])


def test_an_earlier_year_sets_no_status() -> None:
    got = criteria_of(["Năm 2019 xã đạt 13/19 tiêu chí, năm 2023 đạt 19/19 tiêu chí."])
    assert got.met_count_claimed == 19 and got.met == list(range(1, 20))
    got = criteria_of(["Năm 2019 xã đạt 13/19 tiêu chí."])
    assert got.met_count_claimed is None


def test_a_baseline_is_not_a_status() -> None:
    got = criteria_of(["Khi bắt đầu xây dựng nông thôn mới, xã mới đạt 6 tiêu chí."])
    assert got.met_count_claimed is None and got.met == []


def test_a_full_count_means_every_criterion_of_the_set() -> None:
    size = criteria_set(SET).size
    got = criteria_of([f"Đến nay xã đạt {size}/{size} tiêu chí nông thôn mới."])
    assert got.met == list(range(1, size + 1)) and got.unmet == []


def test_indicators_are_not_criteria() -> None:
    got = criteria_of(["Xã đã đạt 40 chỉ tiêu, còn 3 chỉ tiêu chưa đạt."])
    assert (got.met, got.unmet, got.met_count_claimed) == ([], [], None)


# Forms of issue 12 beyond the list styles above: each line states met = every criterion but
# 10 and 17, unmet = 10 and 17, in other words.
OTHER_FORMS = [
    ["Xã đã đạt tất cả các tiêu chí, trừ tiêu chí số 10 và tiêu chí số 17."],
    ["Xã đạt 17/19 tiêu chí (trừ tiêu chí Thu nhập và Môi trường)."],
    ["Tiêu chí Môi trường và tiêu chí Thu nhập chưa đạt; các tiêu chí còn lại đều đạt."],
    ["Các tiêu chí khác đã đạt chuẩn.", "Riêng tiêu chí 10, 17 chưa đạt."],
    ["Xã đạt mười bảy tiêu chí; còn hai tiêu chí chưa đạt là tiêu chí số 10 và tiêu chí số 17."],
    ["Đã đạt các tiêu chí từ 1 đến 9, 11 đến 16, 18 và 19; chưa đạt tiêu chí 10, 17."],
    ["Xã có 17 tiêu chí đạt (1,2,3,4,5,6,7,8,9,11,12,13,14,15,16,18,19) và 2 tiêu chí chưa đạt (10,17)."],
    ["Xã được công nhận đạt 17 tiêu chí; các tiêu chí môi trường, thu nhập chưa được công nhận."],
    ["Xã đạt 17/19 tiêu chí.", "Tiêu chí chưa đạt:", "1. Thu nhập", "2. Môi trường"],
    ["Xã có 17/19 tiêu chí đạt chuẩn; tiêu chí Thu nhập, tiêu chí Môi trường chưa đạt."],
    ["Xã đạt 17/19 tiêu chí; 2 tiêu chí chưa đạt là Thu nhập (TC 10); Môi trường (TC 17)."],
    ["Năm 2019 xã đạt 12/19 tiêu chí; đến nay xã đạt 17/19 tiêu chí, còn số 10 - Thu nhập; "
     "số 17 - Môi trường chưa đạt."],
    ["Tên tiêu chí | Kết quả tự đánh giá của xã"]
    + [f"{_name(n)} | {'Chưa đạt' if n in (10, 17) else 'Đạt'}" for n in range(1, 20)],
    ["TT | Các tiêu chí | Đạt chuẩn | Chưa đạt chuẩn"]
    + [f"{n} | {_name(n)} | {'' if n in (10, 17) else 'x'} | {'x' if n in (10, 17) else ''}"
       for n in range(1, 20)],
]


@pytest.mark.parametrize("lines", OTHER_FORMS, ids=[f"form{i}" for i in range(len(OTHER_FORMS))])
def test_other_forms_read_the_same(lines: list[str]) -> None:
    got = criteria_of(lines)
    unmet = [10, 17]
    assert (got.met, got.unmet) == ([n for n in range(1, 20) if n not in unmet], unmet), lines


def test_the_others_turn_with_a_negation() -> None:
    got = criteria_of(["Tiêu chí 10, 17 đã đạt; các tiêu chí còn lại chưa đạt."])
    assert (got.met, got.unmet) == ([10, 17], [n for n in range(1, 20) if n not in (10, 17)])


def test_a_plan_for_the_exceptions_sets_no_status() -> None:
    got = criteria_of(["Năm tới xã phấn đấu đạt tất cả các tiêu chí, trừ tiêu chí số 10."])
    assert (got.met, got.unmet) == ([], [])


def test_a_title_line_gives_its_verdict_a_subject() -> None:
    got = criteria_of(["Tiêu chí 10 - Thu nhập", "Kết quả: chưa đạt", "Tiêu chí 17 - Môi trường",
                       "Kết quả: đạt"])
    assert (got.met, got.unmet) == ([17], [10])


# Forms added with the widened bank: openings without a colon, status-colon lists, any verdict
# label, counts out of the total, hedges, "về đích", "còn thiếu".
MORE_FORMS = [
    ["Những tiêu chí xã đã đạt gồm"] + [f"- {_name(n)}" for n in range(1, 20) if n not in (10, 17)]
    + ["Những tiêu chí chưa đạt gồm", "- Thu nhập", "- Môi trường"],
    ["Xã đạt 17 tiêu chí, cụ thể:", "+ Đạt: " + "; ".join(_name(n) for n in range(1, 20) if n not in (10, 17)) + ".",
     "+ Chưa đạt: Thu nhập; Môi trường."],
    ["Xã còn thiếu 2 tiêu chí (tiêu chí số 10 và tiêu chí số 17) để đạt chuẩn; các tiêu chí khác đã đạt."],
    ["Xã đạt 17 trên tổng số 19 tiêu chí, chưa đạt tiêu chí 10 và 17."],
    ["Đến nay xã đã về đích 17/19 tiêu chí; 2 tiêu chí còn lại (Thu nhập, Môi trường) đang tiếp tục thực hiện."],
    ["Về tiêu chí: xã đạt 17/19; còn 02 tiêu chí là Thu nhập và Môi trường chưa đạt."],
    [line for n in range(1, 20) for line in (f"Tiêu chí {n} - {_name(n)}",
                                             f"- Nhận xét: {'Chưa đạt' if n in (10, 17) else 'Đạt'}.")],
    [f"- {_name(n)}: {'Chưa đạt' if n in (10, 17) else 'Đạt'};" for n in range(1, 20)],
    ["Xã đạt 17/19 tiêu chí; chưa đạt các tiêu chí “Thu nhập”, “Môi trường”."],
    ["Xã đạt 17/19 tiêu chí; chưa đạt TC Thu nhập và TC Môi trường."],
    ["Xã đạt 17 tiêu chí; riêng tiêu chí 10 và 17 do thiếu nguồn vốn nên vẫn chưa đạt."],
    ["Hiện nay xã đạt 17/19 tiêu chí, chưa đạt 10 và 17."],
    ["Các tiêu chí chưa đạt:", "- Thu nhập (TC 10);", "- Môi trường (tiêu chí số 17).",
     "Các tiêu chí còn lại đều đạt."],
]


@pytest.mark.parametrize("lines", MORE_FORMS, ids=[f"more{i}" for i in range(len(MORE_FORMS))])
def test_more_forms_read_the_same(lines: list[str]) -> None:
    got = criteria_of(lines)
    assert (got.met, got.unmet) == ([n for n in range(1, 20) if n not in (10, 17)], [10, 17]), lines


@pytest.mark.parametrize("line", [
    "Xã đạt thêm tiêu chí số 2 và tiêu chí số 5 trong thời gian tới.",
    "Năm 2024 xã đạt thêm tiêu chí số 2 và tiêu chí số 5.",
    "Năm 2022 xã đã đạt tiêu chí số 2 và tiêu chí số 5.",
    "Toàn huyện có xã Tân Lập đã đạt tiêu chí số 2 và tiêu chí số 5.",
])
def test_a_later_or_earlier_time_or_another_commune_changes_the_answer(line: str) -> None:
    assert criteria_of(["Xã đã đạt tiêu chí số 2 và tiêu chí số 5."]).met == [2, 5]
    got = criteria_of([line])
    assert (got.met, got.unmet) == ([], []), line


def test_a_hedge_changes_the_answer() -> None:
    got = criteria_of(["Tiêu chí số 2 và tiêu chí số 5 đạt ở mức cơ bản."])
    assert (got.met, got.basically_met) == ([], [2, 5])


def test_the_section_criterion_named_as_this_one() -> None:
    got = criteria_of(["1. Tiêu chí số 1 về Quy hoạch", "Đến nay tiêu chí này đã đạt.",
                       "2. Tiêu chí số 10 về Thu nhập", "Xã chưa đạt tiêu chí."])
    assert (got.met, got.unmet) == ([1], [10])
