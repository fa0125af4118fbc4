"""Every example and counter-example of the figure grammar's pattern files, run as tests."""
from __future__ import annotations

import re

import pytest

from extractor.core.data import load_pattern
from extractor.core.model import Block, BlockKind
from extractor.extract.indicators import indicators, label_to_indicator
from extractor.extract.labels import is_linked
from extractor.extract.masks import mask_rules, text_to_masks
from extractor.extract.quantities import text_to_quantities
from extractor.structure.outline import block_to_heading_level, heading_to_component
from extractor.text.fold import strip_diacritics
from extractor.text.normalize import normalize
from extractor.text.numbers import texts_to_convention
from extractor.text.spelled import words_to_number

VI = texts_to_convention([], "vi")


def quantities(text: str):
    return text_to_quantities(normalize(text), VI)


def _cases(name: str, key: str, entries_key: str | None = None):
    data = load_pattern(name)
    entries = data[entries_key] if entries_key else [data]
    for entry in entries:
        for case in entry.get(key, []):
            yield pytest.param(entry, case, id=f"{entry.get('unit') or entry.get('name') or entry.get('key')}:{case}")


@pytest.mark.parametrize("entry,case", list(_cases("units", "examples", "units")))
def test_unit_examples(entry, case):
    phrase, value = case
    found = [(q.unit, q.value) for q in quantities(phrase)]
    assert any(u == entry["unit"] and abs(v - value) < 1e-6 for u, v in found), found


@pytest.mark.parametrize("entry,case", list(_cases("units", "counter_examples", "units")))
def test_unit_counter_examples(entry, case):
    assert all(q.unit != entry["unit"] for q in quantities(case) if q.rule != "spelled_number")


@pytest.mark.parametrize("word", load_pattern("units")["after_unit_words"])
def test_every_word_after_a_unit_begins_with_a_compounds_second_syllable(word):
    """A word of `after_unit_words` that begins no compound's rest (folded too) keeps nothing."""
    data = load_pattern("units")
    rests = {strip_diacritics(w).split(" ", 1)[1] for w in data["compound_nouns"] + data["unmarked_not_units"]}
    assert strip_diacritics(word).split()[0] in {r.split()[0] for r in rests}


@pytest.mark.parametrize("entry", load_pattern("units")["units"], ids=lambda e: e.get("noun") or e["unit"])
def test_no_unit_form_holds_a_group_of_its_own(entry):
    """The unit matched is told by the last group of the units' regex (text/units.py)."""
    assert all(re.compile(form).groups == 0 for form in entry["forms"])


@pytest.mark.parametrize("phrase,expected", [*load_pattern("units")["compound_noun_examples"],
                                             *load_pattern("units")["name_head_examples"],
                                             *load_pattern("units")["name_head_counter_examples"]])
def test_numbers_before_compound_nouns_and_names_led_by_a_unit_syllable(phrase, expected):
    """"03 đồng chí" counts comrades, "14 Đồng Xoài" is a road's number, not đồng: every
    figure of the phrase, nothing more."""
    assert [[q.value, q.unit] for q in quantities(phrase)] == expected


@pytest.mark.parametrize("word", load_pattern("units")["compound_nouns"])
def test_every_compound_noun_begins_with_the_last_syllable_of_a_unit_form(word):
    """A compound whose first syllable ends no unit's or multiplier's form keeps nothing."""
    data = load_pattern("units")
    forms = [f for e in data["units"] for f in e["forms"]] + [f for m in data["multipliers"] for f in m["forms"]]
    assert word.split()[0] in {re.split(r"[\s?]", f)[-1].lower() for f in forms}


@pytest.mark.parametrize("case", load_pattern("units")["bare_money_examples"])
def test_bare_money_examples(case):
    phrase, value = case
    assert [(q.unit, q.value) for q in quantities(phrase)] == [("VND", value)]


@pytest.mark.parametrize("case", load_pattern("units")["bare_money_counter_examples"])
def test_bare_money_counter_examples(case):
    assert all(q.unit != "VND" for q in quantities(case))


@pytest.mark.parametrize("words,value", load_pattern("numbers")["spelled_examples"])
def test_spelled_examples(words, value):
    assert words_to_number(words.split()) == value


@pytest.mark.parametrize("words", load_pattern("numbers")["spelled_counter_examples"])
def test_spelled_counter_examples(words):
    assert words_to_number(words.split()) is None


@pytest.mark.parametrize("entry", load_pattern("numbers")["qualifiers"], ids=lambda e: e["word"])
def test_qualifier_examples(entry):
    for phrase in entry["examples"]:
        assert [q.qualifier for q in quantities(phrase)] == [entry["word"]]


@pytest.mark.parametrize("entry,case", list(_cases("non_figures", "examples", "rules")))
def test_non_figure_examples(entry, case):
    text = normalize(case)
    assert quantities(case) == [], "a non-figure came out as a figure"
    digits = [m.span() for m in re.finditer(r"\d+", text)]
    spans = [(s, e) for s, e, name in text_to_masks(text) if name == entry["name"]]
    if digits:
        assert any(s <= d0 and d1 <= e for s, e in spans for d0, d1 in digits), spans
    else:  # a rank in Roman numerals: nothing to mask, but the rule must still recognise it
        assert any(rx.search(text) for name, rx in mask_rules() if name == entry["name"])


@pytest.mark.parametrize("entry,case", list(_cases("non_figures", "counter_examples", "rules")))
def test_non_figure_counter_examples(entry, case):
    assert quantities(case), "a figure was masked as a non-figure"


def _heading_cases(key: str):
    for rule in load_pattern("sections")["headings"]:
        for case in rule.get(key, []):
            yield pytest.param(rule, case, id=f"{rule['name']}:{case}")


@pytest.mark.parametrize("rule,case", list(_heading_cases("examples")))
def test_heading_examples(rule, case):
    assert block_to_heading_level(Block(0, BlockKind.PARAGRAPH, case), normalize(case)) == rule["level"]


@pytest.mark.parametrize("rule,case", list(_heading_cases("counter_examples")))
def test_heading_counter_examples(rule, case):
    assert block_to_heading_level(Block(0, BlockKind.PARAGRAPH, case), normalize(case)) != rule["level"]


def test_component_examples_and_counter_examples():
    data = load_pattern("sections")["component"]
    assert all(heading_to_component(normalize(c)) is not None for c in data["examples"])
    assert all(heading_to_component(normalize(c)) is None for c in data["counter_examples"])


@pytest.mark.parametrize("phrase", load_pattern("labels")["link_examples"])
def test_linked_percentage_shares_the_label(phrase):
    text = normalize(phrase)
    found = quantities(phrase)
    pct = next(q for q in found if q.unit == "percent")
    before = max((q for q in found if q.end <= pct.start), key=lambda q: q.end)
    assert is_linked(text[before.end:pct.start])


def _indicator_cases(key: str):
    for entry in load_pattern("indicators")["indicators"]:
        for case in entry.get(key, []):
            yield pytest.param(entry, case, id=f"{entry['key']}:{case}")


@pytest.mark.parametrize("entry,case", list(_indicator_cases("examples")))
def test_indicator_examples(entry, case):
    ind = next(i for i in indicators() if i.key == entry["key"])
    assert ind.matches(normalize(case))


@pytest.mark.parametrize("entry,case", list(_indicator_cases("counter_examples")))
def test_indicator_counter_examples(entry, case):
    assert label_to_indicator(normalize(case), entry["unit"]) != entry["key"]


def test_there_are_at_least_thirty_indicators_with_unique_keys():
    keys = [i.key for i in indicators()]
    assert len(keys) >= 30 and len(set(keys)) == len(keys)


@pytest.mark.parametrize("phrase", load_pattern("labels")["link_counter_examples"])
def test_percentage_after_other_words_keeps_its_own_label(phrase):
    text = normalize(phrase)
    found = quantities(phrase)
    pct = next(q for q in found if q.unit == "percent")
    before = max((q for q in found if q.end <= pct.start), key=lambda q: q.end)
    assert not is_linked(text[before.end:pct.start])


@pytest.mark.parametrize("phrase", load_pattern("numbers")["lone_spelled_skip_examples"])
def test_lone_spelled_word_is_not_a_number(phrase):
    assert quantities(phrase) == []


@pytest.mark.parametrize(("phrase", "figures"), load_pattern("numbers")["not_noun_examples"])
def test_a_number_before_a_word_that_starts_no_noun_counts_nothing(phrase, figures):
    assert [[q.value, q.unit] for q in quantities(phrase)] == figures


@pytest.mark.parametrize(("phrase", "figures"), load_pattern("numbers")["lone_spelled_in_counts_examples"]
                         + load_pattern("numbers")["lone_spelled_in_counts_counter_examples"])
def test_lone_mot_is_a_count_only_beside_digit_counts_of_its_noun(phrase, figures):
    assert [[q.value, q.unit] for q in quantities(phrase)] == figures


@pytest.mark.parametrize("phrase", load_pattern("numbers")["lone_spelled_skip_counter_examples"])
def test_spelled_numbers_before_units_are_read(phrase):
    assert [q.rule for q in quantities(phrase)] == ["spelled_number"]


def test_list_start_examples_and_counter_examples():
    data = load_pattern("sections")["list_start"]
    rx = re.compile(data["regex"])
    assert all(rx.match(c) for c in data["examples"])
    assert not any(rx.match(c) for c in data["counter_examples"])


@pytest.mark.parametrize("phrase", load_pattern("numbers")["restatement_examples"])
def test_amount_in_words_after_its_digits_is_one_figure(phrase):
    assert len(quantities(phrase)) == 1


@pytest.mark.parametrize("phrase", load_pattern("numbers")["restatement_counter_examples"])
def test_a_different_spelled_amount_is_its_own_figure(phrase):
    assert len(quantities(phrase)) == 2


@pytest.mark.parametrize("case", load_pattern("units")["whole_unit_examples"]
                         + load_pattern("units")["whole_unit_counter_examples"])
def test_whole_units_decide_a_two_way_token(case):
    phrase, value = case
    assert [q.value for q in quantities(phrase)] == [value]


@pytest.mark.parametrize("entry", load_pattern("units")["multipliers"], ids=lambda e: e["forms"][0])
def test_multiplier_examples(entry):
    for phrase, value in entry["examples"]:
        assert [q.value for q in quantities(phrase)] == [value]


@pytest.mark.parametrize("phrase", load_pattern("units")["multiplier_counter_examples"])
def test_multiplier_counter_examples(phrase):
    assert quantities(phrase) == []


@pytest.mark.parametrize("phrase,per", load_pattern("units")["per_unit_examples"])
def test_per_unit_examples(phrase, per):
    assert [q.per for q in quantities(phrase)] == [per]


@pytest.mark.parametrize("phrase", load_pattern("units")["per_unit_counter_examples"])
def test_per_unit_counter_examples(phrase):
    assert all(q.per is None and q.total is not None for q in quantities(phrase))


# --- the number grammar's forms, each run end to end: phrase -> the complete list of figures ---

def _triples(phrase: str, second: str) -> list[list]:
    """[value, unit, total or upper] of every quantity of a phrase, in order."""
    return [[q.value, q.unit, getattr(q, second)] for q in quantities(phrase) if not q.unreadable]


def _same(found: list[list], expected: list[list]) -> bool:
    return len(found) == len(expected) and all(
        f[1] == e[1] and abs(f[0] - e[0]) < 1e-6 * max(1, abs(e[0]))
        and (f[2] is None) == (e[2] is None) and (e[2] is None or abs(f[2] - e[2]) < 1e-6 * max(1, abs(e[2])))
        for f, e in zip(found, expected))


_RANGES = load_pattern("numbers")["ranges"]
_NUMBERS = load_pattern("numbers")


@pytest.mark.parametrize("phrase,expected", _RANGES["examples"] + _RANGES["counter_examples"])
def test_range_examples_and_counter_examples(phrase, expected):
    assert _same(_triples(phrase, "upper"), expected), _triples(phrase, "upper")


@pytest.mark.parametrize("phrase,expected",
                         _NUMBERS["ratio_word_examples"] + _NUMBERS["ratio_word_counter_examples"])
def test_ratio_in_words_examples_and_counter_examples(phrase, expected):
    assert _same(_triples(phrase, "total"), expected), _triples(phrase, "total")


@pytest.mark.parametrize("phrase,expected", _NUMBERS["spelled_count_examples"])
def test_small_counts_in_words(phrase, expected):
    assert _same(_triples(phrase, "total"), expected), _triples(phrase, "total")


@pytest.mark.parametrize("phrase", _NUMBERS["spelled_count_counter_examples"])
def test_words_that_are_not_counts(phrase):
    assert quantities(phrase) == []


@pytest.mark.parametrize("entry", [q for q in _NUMBERS["qualifiers"] if q["examples"]], ids=lambda e: e["word"])
def test_qualifier_is_the_longest_phrase_and_the_only_figure(entry):
    for phrase in entry["examples"]:
        found = quantities(phrase)
        assert [q.qualifier for q in found] == [entry["word"]], phrase


def _status_cases(key: str):
    data = load_pattern("figure_status")
    if key == "examples":
        return [pytest.param(e["status"], c, id=f"{e['status']}:{c}") for e in data["statuses"] for c in e["examples"]]
    return [pytest.param("result", c, id=c) for c in data["counter_examples"]]


@pytest.mark.parametrize("status,phrase", _status_cases("examples") + _status_cases("counter_examples"))
def test_figure_status_examples(status, phrase):
    from extractor.extract.figure_status import clause_to_status
    from extractor.extract.labels import clause_before
    text = normalize(phrase)
    found = quantities(phrase)
    assert found, phrase
    assert clause_to_status(clause_before(text, found[-1].start)) == status


def test_figure_status_heading_examples():
    from extractor.extract.figure_status import clause_to_status
    data = load_pattern("figure_status")
    assert all(clause_to_status("có", [normalize(h)]) == "target" for h in data["heading_examples"])
    assert all(clause_to_status("có", [normalize(h)]) == "result" for h in data["heading_counter_examples"])
