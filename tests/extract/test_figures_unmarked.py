"""Figures of a report typed without tone marks, or with "đ" typed as "d" (issue 12): read
folded where the outline shows the report is unmarked, so a marked report reads as before;
words that fold onto a unit, a mask's word or a number word are no figures where they stand."""
from __future__ import annotations

import pytest

import corpus.generate as gen
from extractor.core.data import load_pattern
from extractor.core.model import Block, BlockKind, Document, Figure
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.extract.figures import outline_to_figures
from extractor.structure.outline import document_to_outline
from extractor.text.fold import reading_unmarked, strip_diacritics, unmarked

# the statement that shows a report is typed without marks (patterns/sections.yaml)
UNMARKED_HEADER = "Xa dat 17/19 tieu chi nong thon moi."
MARKED_HEADER = "Xã đạt 17/19 tiêu chí nông thôn mới."


def figures_of(lines: list[str], header: str = UNMARKED_HEADER) -> list[Figure]:
    """The figures of `lines` in a report opened by `header` (its own figure left out)."""
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate([header, *lines])]
    figures, _ = outline_to_figures(document_to_outline(Document("mem.txt", "txt", "0", blocks)), DEFAULT_SETTINGS)
    return [f for f in figures if f.location.block > 0]


def readings(phrase: str, header: str = UNMARKED_HEADER) -> list[tuple[float, str, float | None]]:
    return [(f.value, f.unit, f.total) for f in figures_of([phrase], header)]


@pytest.mark.parametrize("phrase, expected", [
    ("Xa Luc Binh da lam 12,5 km duong giao thong, tong von 8.898 trieu dong",
     [(12.5, "km", None), (8898000000, "VND", None)]),
    ("Ho tro 21 ho ngheo, huy dong 600 ngay cong lao dong", [(21, "household", None), (600, "labour_day", None)]),
    ("Co 10/10 thon dat chuan, 12/12 ban co dien", [(10, "village", 10), (12, "village", 12)]),
    ("Kinh phi 16 ty 434 trieu dong, dong gop 250 nghin dong", [(16434000000, "VND", None), (250000, "VND", None)]),
    ("Dien tich 2,5 trieu met vuong, 45 ha lua", [(2500000, "m2", None), (45, "ha", None)]),
    ("Tap huan cho 1.500 luot nguoi, 35 lao dong", [(1500, "person", None), (35, "person", None)]),
    ("Thu nhap binh quan 45 trieu dong/nguoi/nam", [(45000000, "VND", None)]),
    ("Nha van hoa xa co 150 cho ngoi", [(150, "count", None)]),
    ("Hoan thanh them 03 tieu chi, tu 3 den 5 trieu dong", [(3, "criterion", None), (3000000, "VND", None)]),
    ("Ba muoi hai ho duoc ho tro", [(32, "household", None)]),
    # "đ" typed as "d" in a report with its tone marks otherwise
    ("Tổng vốn 8.898 triệu dồng, giải ngân 85.300.000d", [(8898000000, "VND", None), (85300000, "VND", None)]),
    ("giao 1322 trd, giai ngan 0d, dat 0,00%", [(1322000000, "VND", None), (0, "VND", None), (0, "percent", None)]),
])
def test_unmarked_phrases_give_their_figures(phrase: str, expected: list[tuple[float, str, float | None]]) -> None:
    header = "Xã dạt 17/19 tiêu chí." if "ổ" in phrase else UNMARKED_HEADER
    assert readings(phrase, header) == expected


@pytest.mark.parametrize("phrase, expected", [
    # "hồ sơ" (records), "hồ chứa" (a reservoir), "hỗ trợ" (support) are no households
    ("Tiep nhan 120 ho so, 02 ho chua nuoc", [(120, "count", None), (2, "count", None)]),
    ("Du an 1 ho tro nha o: von duoc giao 440 trieu dong", [(440000000, "VND", None)]),
    # "hạ tầng", "hạ thế" are no hectares; "dòng họ" (clans) no money
    ("Dau tu 3 ha tang, 2 ha the, ket nghia 5 dong ho", [(3, "count", None), (2, "count", None), (5, "count", None)]),
    # "giữ vững" is no "vùng": the criteria kept are a figure
    ("Giu vung 13 tieu chi da dat", [(13, "criterion", None)]),
    # folded, every number word is another word too: "sâu rộng", "tạm dừng", Hải Lăng
    ("Tuyen truyen sau rong, phai tam dung, huyen Hai Lang", []),
    ("Xay dung 10 diem thu gom sau su dung", [(10, "count", None)]),
])
def test_words_folding_onto_units_masks_and_numbers_are_no_figures(phrase: str, expected: list) -> None:
    assert readings(phrase) == expected


def test_a_marked_report_is_never_read_folded() -> None:
    # "ban" is a village ("bản") only in a report typed without marks
    assert readings("Thanh lap 5 ban", MARKED_HEADER) == [(5, "count", None)]
    assert readings("Thanh lap 5 ban") == [(5, "village", None)]
    assert not unmarked()


def test_evidence_label_and_noun_are_the_reports_own_text() -> None:
    fig, = figures_of(["Tổng vốn dầu tư: 8.898 triệu dồng"], "Xã dạt 17/19 tiêu chí.")
    assert (fig.text, fig.label) == ("8.898 triệu dồng", "Tổng vốn dầu tư")
    count, = figures_of(["Dã xây dựng 05 cầu dân sinh"], "Xã dạt 17/19 tiêu chí.")
    assert count.noun == "cầu dân sinh"
    qualified, = figures_of(["tren 400 ngay cong"])
    assert (qualified.qualifier, qualified.value) == ("trên", 400)


def test_per_unit_and_qualifier_are_named_as_the_patterns_write_them() -> None:
    fig, = figures_of(["Thu nhap dat 45 trieu dong/nguoi/nam"])
    assert fig.per == "người/năm"


@pytest.mark.parametrize("phrase", load_pattern("units")["unmarked_not_units"])
def test_unmarked_not_units_are_no_unit_after_a_number(phrase: str) -> None:
    units = {u for _, u, _ in readings(f"co 5 {strip_diacritics(phrase)}")}
    assert units <= {"count"}, phrase


@pytest.mark.parametrize("phrase, expected", [*load_pattern("units")["compound_noun_examples"],
                                             *load_pattern("units")["name_head_examples"],
                                             *load_pattern("units")["name_head_counter_examples"]])
def test_compound_nouns_led_by_a_unit_syllable_read_alike_typed_without_marks(phrase: str, expected: list) -> None:
    """"03 dong chi" is read as "03 đồng chí" is: one list of compound nouns, both readings."""
    assert [[v, u] for v, u, _ in readings(phrase, MARKED_HEADER)] == expected
    assert [[v, u] for v, u, _ in readings(strip_diacritics(phrase))] == expected


@pytest.mark.parametrize("phrase, expected", [*load_pattern("non_figures")["unmarked_not_masked_examples"],
                                             *load_pattern("numbers")["unmarked_noun_examples"]])
def test_unmarked_pattern_examples(phrase: str, expected: list) -> None:
    assert [[v, u] for v, u, _ in readings(phrase)] == expected


def test_the_reading_is_restored_after_a_report() -> None:
    with reading_unmarked(True):
        assert unmarked()
    assert not unmarked()


def test_a_marked_report_read_inside_an_unmarked_reading_is_read_as_written() -> None:
    """The reading is the report's own, whatever reading encloses it (one reading for the
    figures and the criteria since they share it)."""
    with reading_unmarked(True), reading_unmarked(False):
        assert not unmarked()
        assert readings("Tổng vốn 8.898 triệu đồng", MARKED_HEADER) == [(8898000000, "VND", None)]
    assert not unmarked()


def _shape(f: Figure) -> tuple:
    """What a figure states and where it starts; a counted noun's extent may differ (a word
    ending one folds onto a word inside another: "đến"/"đèn", "thứ"/"thu gom")."""
    return (f.value, f.unit, f.total, f.upper, f.rule, f.status, f.indicator, f.qualifier, f.per,
            f.location.block, f.location.start)


@pytest.mark.parametrize("index", range(12))
def test_a_generated_report_and_its_stripped_copy_give_the_same_figures(index: int) -> None:
    """Metamorphic: every statement of a generated report, typed without marks, gives the same
    figures (values, units, totals, kinds, statuses, indicators) at the same places."""
    lines = [t for t in gen.report_to_text(gen.build_report(23, index)).split("\n") if t.strip()]
    marked = figures_of(lines, MARKED_HEADER)
    stripped = figures_of([strip_diacritics(t) for t in lines])
    assert len(marked) > 20
    assert [_shape(f) for f in stripped] == [_shape(f) for f in marked]
    measured = [(strip_diacritics(m.text), s.text) for m, s in zip(marked, stripped) if m.unit != "count"]
    assert all(a == b for a, b in measured)
