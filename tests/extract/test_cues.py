"""Cues and parts of regexes (extract/guards.py `required_cue`, `pair_cue`, `first_characters`,
`any_match_parts`): a mask rule's cue finds something in every window where the rule matches,
and a regex split into parts matches where the parts do; both on every example and
counter-example of the patterns files, in every case and spelling, searched in windows."""
from __future__ import annotations

import re

import pytest

from extractor.core.data import load_pattern
from extractor.extract.criteria import view
from extractor.extract.guards import any_match_parts, first_characters, pair_cue, required_cue
from extractor.text.fold import strip_diacritics


def _strings(data: object) -> list[str]:
    """Every example and counter-example string of a pattern file, however deep."""
    if isinstance(data, dict):
        return [t for k, v in data.items() for t in
                ([t for t in v if isinstance(t, str)] if k in ("examples", "counter_examples") else _strings(v))]
    if isinstance(data, list):
        return [t for item in data for t in _strings(item)]
    return []


def _variants(texts: list[str]) -> list[str]:
    texts = texts + [t.upper() for t in texts] + [t.title() for t in texts] + [strip_diacritics(t) for t in texts]
    return texts + ["x" + t for t in texts] + [t + "x" for t in texts]


TEXTS = _variants(_strings(load_pattern("non_figures")) + _strings(load_pattern("criteria"))
                  + _strings(load_pattern("numbers")) + ["ſố 12/QĐ", "KELVIN 3 \u212a", "tháng 8/2023 và 2021-2025"])


def _mask_rule_regexes() -> list[tuple[str, int]]:
    out = []
    for r in load_pattern("non_figures")["rules"]:
        flags = (0 if r.get("case_sensitive") else re.IGNORECASE) | re.MULTILINE
        for written in r["regex"] if isinstance(r["regex"], list) else [r["regex"]]:
            out += [(written, flags), (strip_diacritics(written), flags)]
    return out


def _assert_cue_covers(rule: re.Pattern[str], cue: re.Pattern[str], texts: list[str]) -> None:
    """The cue finds something in every window (of every text) where the rule matches."""
    for text in texts:
        for lo in range(0, len(text), 3):
            for hi in (len(text), lo + 12, lo + 30):
                if rule.search(text, lo, hi) is not None:
                    assert cue.search(text, lo, hi) is not None, (rule.pattern, text, lo, hi)


def test_a_mask_rule_s_cue_finds_something_in_every_window_where_the_rule_matches():
    cued = 0
    for regex, flags in _mask_rule_regexes():
        found = required_cue(regex, flags)
        if found is None:
            continue
        cued += 1
        _assert_cue_covers(re.compile(regex, flags), re.compile(*found), TEXTS)
    assert cued >= 8


def test_a_mask_rule_s_pair_cue_finds_something_in_every_window_where_the_rule_matches():
    cued = 0
    for regex, flags in _mask_rule_regexes():
        found = pair_cue(regex, flags)
        if found is None:
            continue
        cued += 1
        _assert_cue_covers(re.compile(regex, flags), re.compile(*found),
                           TEXTS + ["COVID-19", "TC-1 và 3A", "H5N1", "5.267m2", "lớp 5A, khối B-2"])
    assert cued >= 2  # `code`, written and unmarked


@pytest.mark.parametrize("regex,flags,found,not_found", [
    (r"\b[A-Za-z]+-?\d+\b|\b\d+[A-Za-z]\b", 0, ["TC1", "B-2", "5A"], ["12 hộ", "B - 2", "2023-2025"]),
    (r"\bx\d", re.IGNORECASE, ["X3"], ["3 x"]),
    (r"(?:ab)?[a-c]+ ?\d", 0, ["c 4", "a4"], ["d 4", "c  4"]),
])
def test_a_pair_cue_finds_the_two_classes_next_to_each_other(regex, flags, found, not_found):
    cue = pair_cue(regex, flags)
    assert cue is not None
    compiled = re.compile(*cue)
    assert all(compiled.search(t) for t in found)
    assert not any(compiled.search(t) for t in not_found)


@pytest.mark.parametrize("regex,flags", [
    (r"\b0\d{2,3}", 0),                        # two digits stand together around every number
    (r"\w\d", 0),                              # a word character stands next to most of them
    (r"[a-z]\d|\d\s[a-z]", 0),                 # an alternative without a pair
    (r"[a-z]\d|[a-z]\.[a-z]", 0),              # no class shared by every alternative
    (r"[a-z](?:xy)?\d", 0),                     # what may stand between is more than a character
])
def test_no_pair_cue_where_no_pair_is_required_or_it_rules_nothing_out(regex, flags):
    assert pair_cue(regex, flags) is None


@pytest.mark.parametrize("regex,flags,factors", [
    (r"\b(\d{1,2}|hai)\s+(dòng|hàng)\s+(trên|dưới)\b", re.IGNORECASE, ["dòng", "hàng"]),
    (r"\d+\s*/\s*[A-Z]|\bsố\s*\d+(?=\s+ngày)", 0, ["/", "ngày"]),  # the longer of two
    (r"\bsố hiệu\s*\d|\bsố\s*\d", 0, ["số"]),  # a string holding another is dropped
])
def test_a_cue_is_one_of_the_strings_every_match_holds(regex, flags, factors):
    found = required_cue(regex, flags)
    assert found is not None
    cue = re.compile(*found)
    for factor in factors:
        assert cue.match(factor.upper() if flags & re.IGNORECASE else factor) is not None
    assert cue.search("12 hộ nghèo, 3 thôn") is None


@pytest.mark.parametrize("regex,flags", [
    (r"\b\d+(?:ha|km)?", 0),                  # nothing but digits is required
    (r"(?<=số )\d+", 0),                      # a lookbehind sees before the window
    (r"(?!số)\d+", 0),                        # nor may a negative lookahead rule anything
    (r"\d+(?:\s*số)?", re.IGNORECASE),        # an optional word
    (r"(?-i:TC)\s*\d+", re.IGNORECASE),       # the case changed inside (no cue rather than a wrong one)
    (r"\d+\.\d+", 0),                         # too common in a window around a number
    (r"\b(a|b|c|d|e|f)\d", 0),                # single letters rule nothing out
])
def test_no_cue_where_no_string_is_required_or_it_rules_nothing_out(regex, flags):
    assert required_cue(regex, flags) is None


@pytest.mark.parametrize("regex,flags,expected", [
    (r"(?<!\w)(?i:đạt)|TC", 0, set("đĐTt") - {"t"}),
    (r"(?:ab)?c", 0, {"a", "c"}),
    (r"\b(?=x)k", re.IGNORECASE, {"k", "K", "\u212a"}),
])
def test_the_first_characters_of_a_regex(regex, flags, expected):
    assert first_characters(regex, flags) == expected


@pytest.mark.parametrize("regex", [r"a?", r"\w+", r"[^a]b", r"(?:x|\d)y"])
def test_no_first_characters_where_they_are_not_known(regex):
    assert first_characters(regex) is None


@pytest.mark.parametrize("regex", [
    view._hint_source(),
    load_pattern("criteria")["fold_hint"]["regex"],
    load_pattern("criteria")["scan_slip"]["regex"],
    r"[^\W\d_]\(\d|x\.y|\w\.",
])
def test_the_parts_of_a_regex_match_a_text_exactly_when_it_does(regex):
    whole = re.compile(regex)
    parts = [re.compile(p) for p in any_match_parts(regex) or ()]
    assert parts
    for text in TEXTS + ["a(1", "(1", "a (1", "x.y", "\n", "»", "tiê u chí", "Tiêu chi: 5"]:
        assert (whole.search(text) is not None) == any(p.search(text) is not None for p in parts), (regex, text)


def test_a_class_then_a_literal_is_led_by_the_literal():
    assert any_match_parts(r"[^\W\d_]\(\d") == (r"(?-i:[\(])(?<=(?=(?:\((?<=[^\W\d_]\()\d))(?s:.))",)


@pytest.mark.parametrize("folded", [False, True])
def test_the_spelled_number_run_led_by_its_first_letters_matches_as_the_guarded_run(folded):
    from extractor.core.regexes import compiled
    from extractor.extract import quantities
    from extractor.extract.guards import letters_guard
    from extractor.text.fold import reading_unmarked
    from extractor.text.spelled import number_words

    with reading_unmarked(folded):
        led = quantities._spelled_run_regex()
        words = number_words().all_words
        alt = quantities._alternation(words)
        guarded = compiled(rf"(?<!\w){letters_guard(words)}(?:{alt})(?:,?[ ]+(?:{alt}))*(?!\w)", re.IGNORECASE)
    assert led.pattern != guarded.pattern
    for text in TEXTS + ["Hai mươi, BA trăm triệu, bốn trăm nghìn", "xhai ba", "ſáu", "năm 2023 có mười lăm"]:
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in guarded.finditer(text)], text
