"""Fast paths of the figure grammar (first-letter guards, the trailing-words look at the end of a
label): where they apply, and that they change no match."""
from __future__ import annotations

import re

import pytest

from extractor.core.data import load_pattern
from extractor.extract.guards import letters_guard, word_led_guarded
from tests.extract.helpers import mask_rules_rewritten_alike


def test_guard_goes_after_the_boundary_of_each_word_led_alternative():
    assert word_led_guarded(r"\b(năm|vụ)\s+\d+|\b(hạng|loại)\s+[IVX]+") == (
        r"\b(?=[nv][ăụ])(năm|vụ)\s+\d+|\b(?=[hl][oạ])(hạng|loại)\s+[IVX]+")


@pytest.mark.parametrize("regex,guarded", [
    (r"\b\d+\s+(không|có)", r"\d(?<!\w\d)\d*\s+(không|có)"),
    (r"\b\d{1,2}h|\b\d{3}", r"\d(?<!\w\d)\d{0,1}h|\d(?<!\w\d)\d{2}"),
    (r"\b0\d{2,3}", r"0(?<!\w0)\d{2,3}"),
    (r"\b\d/", r"\d(?<!\w\d)/"),
])
def test_digit_led_regex_is_led_by_its_digit(regex, guarded):
    assert word_led_guarded(regex) == guarded


@pytest.mark.parametrize("text", ["12 giờ", "a12 giờ", "_5h30", "x 0912 345", "1/2/2023", "5 không", "7h"])
@pytest.mark.parametrize("regex", [r"\b\d+\s*giờ", r"\b\d{1,2}h\d*", r"\b0\d{2,3}", r"\b\d/", r"\b\d{1}\w*"])
def test_digit_led_regex_matches_as_written_inside_a_window(regex, text):
    plain, fast = re.compile(regex), re.compile(word_led_guarded(regex))
    for lo in range(len(text)):
        assert [m.span() for m in plain.finditer(text, lo)] == [m.span() for m in fast.finditer(text, lo)]


@pytest.mark.parametrize("regex", [
    r"\b\d+x|\bsố\d",                # a digit-led alternative beside others: left sharing `\b`
    r"\b\d+?x", r"\b\d{1,}x", r"\b\d*x",  # a lazy, open or optional repeat
    r"\b(a?b|c)\s*\d",              # a first letter made optional
    r"\b(\w+|c)\d",                 # a word that starts with a class
    r"\b(?P<w>năm|vụ)\d",           # a group of another kind
    r"\b(?=năm|vụ)\d",
    r"\b(năm|)\d",                  # an empty word matches anywhere
])
def test_no_guard_where_the_first_letter_is_not_certain(regex):
    assert word_led_guarded(regex) == regex


def test_guard_goes_before_a_group_that_captures_nothing():
    assert word_led_guarded(r"\b(?:còn(?:\s+lại)?|thiếu)\s*$") == r"\b(?=[ct][hò])(?:còn(?:\s+lại)?|thiếu)\s*$"


def test_brackets_inside_a_class_or_escaped_do_not_end_the_group():
    assert word_led_guarded(r"\b(a[)]|b\))\d") == r"\b(?=[ab])(a[)]|b\))\d"


def test_letters_guard_is_empty_for_a_word_not_led_by_a_letter():
    assert letters_guard(["năm", "1a"]) == ""


def test_guarded_mask_rules_match_as_the_rules_written():
    """Every example and counter-example of patterns/non_figures.yaml, and their capitalised
    forms, matched with and without the guards: the same spans."""
    rules = load_pattern("non_figures")["rules"]
    texts = [t for r in rules for t in r.get("examples", []) + r.get("counter_examples", [])]
    texts += [t.upper() for t in texts] + [t.title() for t in texts] + [" ".join(texts)]
    guarded = 0
    for r in rules:
        flags = (0 if r.get("case_sensitive") else re.IGNORECASE) | re.MULTILINE
        for rx in r["regex"] if isinstance(r["regex"], list) else [r["regex"]]:
            plain, fast = re.compile(rx, flags), re.compile(word_led_guarded(rx), flags)
            guarded += plain.pattern != fast.pattern
            for t in texts:
                assert [m.span() for m in plain.finditer(t)] == [m.span() for m in fast.finditer(t)], (rx, t)
    assert guarded >= 3  # the keyword-led rules: year, numbered_reference, rank


def test_letters_guard_is_empty_for_a_first_letter_made_optional():
    assert letters_guard(["kế\\s+hoạch", "x?y"]) == ""


@pytest.mark.parametrize("words,guard", [
    (["kế\\s+hoạch", "sẽ"], "(?=[ks][ẽế])"),
    (["kế\\s+hoạch", "s"], "(?=[ks])"),        # a word of one letter: the first letter only
    (["kế\\s+hoạch", "sa?"], "(?=[ks])"),      # a second letter made optional
    (["k\\s+h", "sẽ"], "(?=[ks])"),             # a second character that is no letter
    (["cứng hóa|nhựa|xây dựng", "bê"], "(?=[bcnx][hâêứ])"),  # a word with alternatives: each counts
    (["(?:a|b)c"], ""),                         # led by a group
])
def test_letters_guard_takes_two_letters_where_every_word_has_them(words, guard):
    assert letters_guard(words) == guard


@pytest.mark.parametrize("segment", [
    "Tổng diện tích là:", "Tổng diện tích là :  ", "số hộ đạt được", "chiều dài gồm", "kinh phí ít nhất",
    "tổng số", "ĐẠT", "đường dài", "tổng chiều dài", "hộ có:", "sản lượng -", "", "  ", "có là đạt",
    "tổng cộng", "hơn nữa", "khoảng cách", "thôn Đạt", "diện tíchlà",
])
def test_trailing_words_stripped_as_by_the_full_search(segment):
    from extractor.extract.labels import _strip_trailing, _vocab
    assert _strip_trailing(segment) == _vocab()[1].sub("", segment)


def test_guarded_check_regexes_match_as_written():
    """The regexes of patterns/checks.yaml, guarded by checks.data.regex, against every example
    and counter-example of the file (and their capitalised forms): the same spans."""
    from extractor.checks.data import config, regex, with_words

    sections = {k: v for k, v in config().items() if isinstance(v, dict)}
    texts = [t for sec in sections.values() for key in ("examples", "counter_examples")
             for t in sec.get(key, []) if isinstance(t, str)]
    texts += [t.upper() for t in texts] + [" ".join(texts)]
    guarded = 0
    for name, sec in sections.items():
        for key, value in sec.items():
            if not key.endswith("regex") or not isinstance(value, str):
                continue
            plain, fast = re.compile(with_words(sec, value), re.IGNORECASE), regex(name, key)
            guarded += plain.pattern != fast.pattern
            for t in texts:
                assert [m.span() for m in plain.finditer(t)] == [m.span() for m in fast.finditer(t)], (key, t)
    assert guarded >= 5


@pytest.mark.parametrize("regex,parts", [
    ("a|b(c|d)|e", ["a", "b(c|d)", "e"]),
    ("a[|]b|c", ["a[|]b", "c"]),       # a bar inside a class
    ("a\\|b|c", ["a\\|b", "c"]),       # an escaped bar
    ("[]a]|b", ["[]a]", "b"]),         # a class ends at its first unescaped "]"
    ("a|b\\", ["a", "b\\"]),           # a backslash at the end
    ("x|", ["x", ""]),
    ("a[b|c", None),                   # a class that never closes
    ("a[\\]|b", None),                 # its "]" escaped
    ("(a|b", None),                    # a group that never closes
])
def test_alternatives_are_read_outside_classes_escapes_and_groups(regex, parts):
    from extractor.extract.guards import _top_level_split

    assert _top_level_split(regex) == parts


def test_a_group_closes_at_its_own_bracket_outside_classes_and_escapes():
    from extractor.extract.guards import _closing

    assert [_closing(r, 0) for r in ("(a(b)c)d", "(a[)]b)", "(a\\)b)", "(a[b", "(ab")] == [6, 6, 5, None, None]


def test_class_led_mask_rules_match_as_the_rules_written():
    """The rules led by a class of their first letters (extract/masks.py `_searched_fast`): the
    same spans as written, on the examples as written, capitalised, folded and glued to words,
    searched from inside a window."""
    from extractor.extract.guards import letter_class_led
    from extractor.text.fold import strip_diacritics

    rules = load_pattern("non_figures")["rules"]
    texts = [t for r in rules for t in r.get("examples", []) + r.get("counter_examples", [])]
    texts += [t.upper() for t in texts] + [t.title() for t in texts] + [strip_diacritics(t) for t in texts]
    texts += ["x" + t for t in texts] + [" ".join(texts)]
    led = mask_rules_rewritten_alike(letter_class_led, texts)
    assert led >= 4  # "ngày", "tháng", "thứ" and the year's words, as written and folded


@pytest.mark.parametrize("ignore_case", [True, False])
def test_first_letter_class_holds_every_character_the_letter_matches(ignore_case):
    """Every code point `re` matches with a first letter is in the class (it may hold more:
    a lookbehind checks the letter again)."""
    from extractor.extract.guards import _case_variants

    letters = {w[0] for r in load_pattern("non_figures")["rules"] for w in re.findall(r"[^\W\d_]+", str(r["regex"]))}
    letters |= {"k", "s", "i", "đ", "ấ"}
    flags = re.IGNORECASE if ignore_case else 0
    every = "".join(map(chr, range(0x110000))).replace("\n", "")
    for letter in letters:
        matched = set(re.findall(letter, every, flags))
        assert matched <= _case_variants(letter, ignore_case), letter


def test_class_led_only_where_few_letters_begin_the_words():
    from extractor.extract.guards import letter_class_led

    assert letter_class_led(r"\bngày\s+\d", True) == r"(?-i:[Nn])(?:(?<!\w.)(?:(?<=n))gày\s+\d)"
    assert letter_class_led(r"\b(vùng|hạng)\s+\d", True) is not None
    assert letter_class_led(r"\b(" + "|".join("bcdghklmnpqstv") + r")\d", True) is None
    assert letter_class_led(r"\b\d+ ha", True) is None  # led by a digit: word_led_guarded's


def test_unit_matches_tried_at_their_cue_are_those_searched_everywhere():
    """Identity's unit regexes tried only where their cue matches (identity `_cued_matches`):
    the same matches and groups as searched at every position, on the examples of
    patterns/identity.yaml as written, in capitals, folded and glued to a word."""
    from extractor.core.data import pattern_regexes
    from extractor.extract import identity
    from extractor.text.fold import strip_diacritics

    data = load_pattern("identity")
    texts = [t for k in ("unit", "numbered_unit") for t in data[k]["examples"] + data[k]["counter_examples"]]
    texts += [t.upper() for t in texts] + [strip_diacritics(t) for t in texts]
    texts += ["x" + t for t in texts] + [", ".join(texts), "thị xã Sơn Tây, THỊ XÃ, xã xã Lục Bình"]
    regexes = pattern_regexes("identity")
    for key, restart in (("unit", lambda m: m.start("name")), ("numbered_unit", re.Match.end)):
        regex = regexes[key]
        assert identity._cue(regex) is not None, key  # the shape is read: the fast path is taken
        for t in texts:
            searched, pos = [], 0
            while (m := regex.search(t, pos)) is not None:
                searched.append((m.span(), m.groupdict()))
                pos = restart(m)
            cued = [(m.span(), m.groupdict()) for m in identity._cued_matches(regex, t, restart)]
            assert cued == searched, (key, t)


def test_class_led_alternation_shape():
    from extractor.extract.guards import letter_class_alternation

    assert letter_class_alternation(["ocop", "nông thôn mới|ntm"], True) == (
        r"(?-i:[NOno])(?:c(?<=oc)op|ô(?<=nô)ng thôn mới|t(?<=nt)m)")
    assert letter_class_alternation([r"t\.\s?chí"], False) == r"(?-i:[t])(?:(?<=t)\.\s?chí)"
    assert letter_class_alternation(["a?b", "c"], True) is None  # a first letter made optional
    assert letter_class_alternation([r"(?:dân )?cư"], True) is None  # led by a group
    assert letter_class_alternation(list("bcdghklmnp"), True) is None  # too many first letters


def test_class_led_indicator_regexes_match_as_written():
    """The indicators' regexes led by a class of their first letters (extract/indicators.py
    `_compile`): the same spans as the guarded alternation, on the aliases, requirements and
    exclusions themselves as written, capitalised, folded and inside other words."""
    from extractor.extract.guards import letter_class_alternation
    from extractor.text.fold import strip_diacritics

    data = load_pattern("indicators")
    groups = [data["other_places"]]
    for e in data["indicators"]:
        groups += [e["aliases"], e.get("excludes") or []] + [[r] for r in e.get("requires", [])]
    words = [re.sub(r"\\.|[()?*+|.\[\]{}^$]", " ", r) for g in groups for r in g]
    texts = words + [w.upper() for w in words] + [w.title() for w in words] + [strip_diacritics(w) for w in words]
    texts += ["x" + t for t in texts] + [" ".join(texts)]
    led = 0
    for group in filter(None, groups):
        for parts in (group, [strip_diacritics(r) for r in group]):
            fast_rx = letter_class_alternation(parts, ignore_case=True)
            if fast_rx is None:
                continue
            led += 1
            plain = re.compile(letters_guard(parts) + "(?:" + "|".join(f"(?:{r})" for r in parts) + ")", re.IGNORECASE)
            fast = re.compile(fast_rx, re.IGNORECASE)
            for t in texts:
                assert [m.span() for m in fast.finditer(t)] == [m.span() for m in plain.finditer(t)], (parts, t)
    assert led >= 40
