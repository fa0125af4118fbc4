"""Quantities: every number of a text that measures something, with its unit.

Each digit token (extractor.text.numbers) outside a non-figure mask (extractor.extract.masks)
is read with what follows it: spaced thousand groups ("8 898 100 000 đồng"), a compound money
amount ("16 tỷ 434 triệu đồng"), a range ("15-18 tiêu chí", "từ 3 đến 5 triệu đồng"), a ratio
("12,1/12,6 km", "3 trong 10 xã"), a multiplier, a unit (extractor.text.units), a per-unit
("/người/năm") or a counted noun. Spelled-out numbers (extractor.text.spelled) count before a
unit, and small ones before a counted noun ("bốn xã"). A number that measures nothing is not
a quantity; one whose separators cannot be read ("1.2.3 ha") is kept as unreadable, to be
flagged and never given a value. Words are data in patterns/numbers.yaml and units.yaml.

Text read by OCR (a `confidence` is given) is read with its typical slips in mind, never
rewritten: a unit whose tone marks were misread ("6 hổ nghèo", extractor.text.units); a decimal
comma read as a slash ("432/7 ha": a "ratio" of a whole number over one smaller digit, which no
report writes) or as a semicolon glued inside a number before its unit ("93;0%"); a grouped
amount with one separator misread ("1,228.400.000 VNĐ", read as grouped and flagged malformed);
and a speck read as a lone mark between a number and its unit ("15 . bóng đèn").

A report typed without tone marks is given folded (extractor/text/fold.py, by figures.py) and
every vocabulary here is spelt as it is read; a number word alone is then never read, since
each folds onto other words.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from extractor.core.data import load_pattern
from extractor.core.regexes import compiled
from extractor.extract.guards import letter_class_led, letters_guard
from extractor.extract.masks import WindowMasks
from extractor.structure.outline import text_to_sentences
from extractor.text.fold import per_reading, spelt, spelt_all, unmarked
from extractor.text.numbers import (
    DIGIT_TOKEN,
    Convention,
    ParsedNumber,
    item_number_at,
    spaced_groups_at,
    token_to_number,
)
from extractor.text.spelled import number_words, words_to_number
from extractor.text.units import multiplier_at, per_unit_at, tolerant_unit_at, unit_at

# Below this confidence a text read by OCR is poorly read: its one-syllable units are matched
# without tone marks too, and its figures are marked for checking against the page.
LOW_OCR_CONFIDENCE = 0.8


class Quantity(NamedTuple):
    """A figure found in one text, offsets in that (normalized) text. A named tuple: about a
    hundred are made per report, each in a sixth of a frozen dataclass's time."""

    start: int
    end: int
    value: float
    unit: str
    rule: str
    total: float | None = None
    upper: float | None = None  # the upper bound of a range; `value` is the lower one
    noun: str | None = None
    qualifier: str | None = None
    per: str | None = None
    malformed: bool = False
    ambiguous: bool = False
    unreadable: bool = False
    number_span: tuple[int, int] = (0, 0)


# --- vocabularies compiled once --------------------------------------------------------------

def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _guarded(words: list[str]) -> str:
    """The first letters' guard of the words (extract/guards.py), for a regex searched at
    every position of a stretch of text."""
    return letters_guard([re.escape(w) for w in words])


@per_reading
def _qualifier_regexes() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(before, after, the word as the patterns write it by its spelling as read): qualifiers
    written before a number and after its unit ("trở lên")."""
    quals = load_pattern("numbers")["qualifiers"]
    # keyed in lower case: a match is looked up lower-cased, however the patterns write the word
    written = {spelt(q["word"]).lower(): q["word"] for q in quals}
    before = spelt_all(q["word"] for q in quals if q.get("position", "before") == "before")
    after = spelt_all(q["word"] for q in quals if q.get("position") == "after")
    return (compiled(rf"(?<!\w){_guarded(before)}(?P<q>{_alternation(before)})\s*$", re.IGNORECASE),
            compiled(rf"[ ]+(?P<q>{_alternation(after)})(?!\w)", re.IGNORECASE), written)


@per_reading
def _noun_vocab() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(words that end a counted noun, durations, words no spelled number counts, words that
    cannot start a counted noun: the first with `not_noun_starts`, or less `unmarked_nouns`
    when read unmarked)."""
    data = load_pattern("numbers")
    not_nouns = frozenset(spelt_all(data["not_nouns"]))
    not_first = not_nouns - set(spelt_all(data["unmarked_nouns"])) if unmarked() \
        else not_nouns | set(data["not_noun_starts"])
    return (not_nouns, frozenset(spelt_all(data["duration_nouns"])),
            frozenset(spelt_all(data["spelled_not_nouns"])), not_first)


@per_reading
def _money_cue_regex() -> re.Pattern[str]:
    return compiled(_alternation(spelt_all(load_pattern("units")["bare_money_cues"])), re.IGNORECASE)


# first letters the spelled-number words may begin with, at most, for the class-led regex
_SPELLED_FIRST_LETTERS = 16


@per_reading
def _spelled_run_regex() -> re.Pattern[str]:
    """Number words joined by spaces or a comma; words_to_number accepts a comma only after a
    scale word ("ba trăm triệu, bốn trăm nghìn"), so a list "hai, ba" falls to its tail."""
    words = number_words().all_words
    alt = _alternation(words)
    tail = rf"(?:{alt})(?:,?[ ]+(?:{alt}))*(?!\w)"
    # run over every text: led by a class of the words' first letters, the engine scans for
    # them in C (their ten letters are more than a mask rule may have: this one regex runs
    # over whole texts, where a guard tried at every position costs more); else the guard
    led = letter_class_led(r"(?<!\w)" + tail, True, _SPELLED_FIRST_LETTERS)  # positional: a kept function
    return compiled(led or rf"(?<!\w){letters_guard(words)}{tail}", re.IGNORECASE)


@per_reading
def _half_regex() -> re.Pattern[str]:
    return compiled(rf"[ ]+(?:{_alternation(list(number_words().half))})(?!\w)", re.IGNORECASE)


@per_reading
def _range_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(link after a number, opener before it, the gap between two full quantities)."""
    data = load_pattern("numbers")["ranges"]
    dash = "|".join(map(re.escape, data["dashes"]))
    words = _alternation(spelt_all(data["link_words"]))
    openers = spelt_all(data["openers"])
    link = compiled(rf"[ ]?(?:{dash})[ ]?|[ ]+(?P<w>{words})[ ]+", re.IGNORECASE)
    opener = compiled(rf"(?<!\w){_guarded(openers)}(?:{_alternation(openers)})[ ]+$", re.IGNORECASE)
    gap = compiled(rf"^[ ]?(?:{dash})[ ]?$|^[ ]+(?P<w>{words})[ ]+$", re.IGNORECASE)
    return link, opener, gap


@per_reading
def _ratio_word_regex() -> re.Pattern[str]:
    words = _alternation(spelt_all(load_pattern("numbers")["ratio_words"]))
    return compiled(rf"[ ]+(?:{words})[ ]+", re.IGNORECASE)


@per_reading
def _restatement_cue_regex() -> re.Pattern[str]:
    return compiled(_alternation(spelt_all(load_pattern("numbers")["restatement_cues"])), re.IGNORECASE)


@lru_cache(maxsize=1)
def _whole_units() -> frozenset[str]:
    return frozenset(load_pattern("units")["whole_units"])


@per_reading
def _lone_spelled_skip() -> frozenset[str]:
    """Number words never read alone. Read unmarked, none is: every one folds onto other words
    ("sau" after, "tam" temporary, "Hai" of a name like Hải Lăng)."""
    if unmarked():
        return frozenset(number_words().all_words)
    return frozenset(load_pattern("numbers")["lone_spelled_skip"])


@per_reading
def _spelled_not_after() -> re.Pattern[str]:
    words = spelt_all(load_pattern("numbers")["spelled_not_after"])
    return compiled(rf"(?<!\w){_guarded(words)}(?:{_alternation(words)})[ ]+$", re.IGNORECASE)


_WORD = compiled(r"[ ]{1,2}([^\W\d_]+)")
_RATIO_SLASH = compiled(r"[ ]?/[ ]?")
_CLAUSE_END = compiled(r"[;:\n]|\.(\s|$)")
_RESTATEMENT_GAP = compiled(r"^[\s(,:;-]*$")
_GAP1 = compiled(r"[ ]{1,2}")
# a mark standing alone between two words, which typing never leaves (a speck read by OCR)
_SPECK = compiled(r"[ ][.'`‘’\"][ ](?=[^\W\d_])")
_GROUPED_BOTH_WAYS = compiled(r"\d{1,3}(?:[.,]\d{3}){2,}")


# --- the pieces after a number -----------------------------------------------------------------

def _qualifier_before(text: str, start: int) -> str | None:
    before, _, written = _qualifier_regexes()
    m = before.search(text, max(0, start - 20), start)
    return written[m.group("q").lower()] if m else None


def _qualifier_after(text: str, pos: int) -> tuple[str, int] | None:
    _, after, written = _qualifier_regexes()
    m = after.match(text, pos)
    return (written[m.group("q").lower()], m.end()) if m else None


def _counted_noun(text: str, pos: int, spelled: bool = False) -> tuple[str, int] | None:
    """The noun phrase a bare number counts ("05 cầu dân sinh" -> "cầu dân sinh")."""
    not_nouns, durations, spelled_not, not_first = _noun_vocab()
    words: list[str] = []
    end = pos
    while len(words) < 4:
        m = _WORD.match(text, end)
        if m is None:
            break
        w = m.group(1)
        low = w.lower()
        if not words:
            if low not in durations and (not w[0].islower() or low in not_first):
                return None
            if spelled and (low in spelled_not or low in durations):
                return None
        elif low in not_nouns or low in durations:
            break
        words.append(w)
        end = m.end()
        if len(words) == 1 and low in durations:
            break  # "10 năm xây dựng" counts years, nothing more
    if not words:
        return None
    return " ".join(words), end


def _scaled_unit_at(text: str, pos: int) -> tuple[str, float, str | None, int] | None:
    """(unit, scale, noun, end) for a unit at pos, with a multiplier before a non-money unit
    ("2,5 triệu mét vuông") folded into the scale."""
    return _scaled_unit_after(text, pos, multiplier_at(text, pos))


def _scaled_unit_after(text: str, pos: int,
                       mult: tuple[float, int] | None) -> tuple[str, float, str | None, int] | None:
    """`_scaled_unit_at` given the multiplier at pos (`multiplier_at`), which the caller has."""
    if mult is not None:
        after = unit_at(text, mult[1])
        if after is not None and after.unit != "VND":
            return after.unit, mult[0] * after.scale, after.noun, after.end
    u = unit_at(text, pos)
    if u is None:
        return None
    return u.unit, u.scale, u.noun, u.end


def _half_after_multiplier(text: str, mult: tuple[float, int] | None) -> tuple[float, int] | None:
    """(multiplier, end) of "triệu rưỡi" given the multiplier at its start (`multiplier_at`):
    the caller adds half of the multiplier."""
    if mult is None:
        return None
    m = _half_regex().match(text, mult[1])
    return (mult[0], m.end()) if m else None


def _money_tail(text: str, pos: int, convention: Convention, ceiling: float) -> tuple[float, int] | None:
    """The rest of a compound amount after a multiplier ("16 tỷ| 434 triệu đồng"): its value in
    đồng and end, each part below the scale before it and below a thousand of its own scale."""
    gap = _GAP1.match(text, pos)
    m = DIGIT_TOKEN.match(text, gap.end()) if gap else None
    if m is None:
        return None
    num = token_to_number(m.group(), convention)
    if num.unreadable or num.malformed or num.value >= 1000:
        return None
    mult = multiplier_at(text, m.end())
    if mult is not None and mult[0] < ceiling:
        deeper = _money_tail(text, mult[1], convention, mult[0])
        if deeper is not None:
            return num.value * mult[0] + deeper[0], deeper[1]
    u = unit_at(text, m.end())
    if u is not None and u.unit == "VND" and u.scale < ceiling:
        return num.value * u.scale, u.end
    return None


@lru_cache(maxsize=1)
def _smaller_units() -> dict[str, tuple[str, float]]:
    """Unit -> (its smaller unit, the smaller's factor into it) from patterns/units.yaml
    `conversions` ("m" into "km": 0.001), for a length or area written in both ("3 km 200 m")."""
    return {c["to"]: (c["from"], float(c["factor"])) for c in load_pattern("units")["conversions"]}


def _compound_measure(text: str, unit: str, pos: int, convention: Convention) -> tuple[float, int] | None:
    """(the rest in `unit`, end) of "3 km 200 m" or "1 ha 2.500 m2" after the larger unit ends
    at `pos`: a whole number below one of the larger unit, after a space, in the smaller unit,
    and no ratio or unit of its own after it ("3 km 200 m/km")."""
    smaller = _smaller_units().get(unit)
    gap = _GAP1.match(text, pos)  # the gap inside a compound amount ("16 tỷ 434 triệu")
    m = DIGIT_TOKEN.match(text, gap.end()) if smaller is not None and gap is not None else None
    if smaller is None or m is None:
        return None
    num = token_to_number(m.group(), convention)
    if num.unreadable or num.malformed or not num.value.is_integer() or num.value * smaller[1] >= 1:
        return None
    after = _scaled_unit_at(text, m.end())
    if after is None or after[0] != smaller[0] or after[1] != 1.0 or text[after[3]:after[3] + 1] == "/":
        return None
    return num.value * smaller[1], after[3]


def _dangling_separator(text: str, pos: int) -> bool:
    """"343. triệu": a separator, a space and a lowercase unit or multiplier."""
    if pos + 2 >= len(text) or text[pos] not in ".," or text[pos + 1] != " ":
        return False
    nxt = text[pos + 2]
    return nxt.islower() and (unit_at(text, pos + 2) is not None or multiplier_at(text, pos + 2) is not None)


def _measures(text: str, pos: int) -> bool:
    """Whether a unit or a counted noun follows pos."""
    return _scaled_unit_at(text, pos) is not None or _counted_noun(text, pos) is not None


def _second_number(text: str, pos: int, convention: Convention) -> tuple[float, int] | None:
    m = DIGIT_TOKEN.match(text, pos)
    if m is None or (m.end() < len(text) and text[m.end()] in "/-"):
        return None
    num = token_to_number(m.group(), convention)
    return None if num.unreadable else (num.value, m.end())


# --- stage: digit quantities -------------------------------------------------------------------

def text_to_quantities(text: str, convention: Convention, confidence: float | None = None) -> list[Quantity]:
    """The quantities of one text; `confidence` is the recognizer's for text read by OCR."""
    masks = WindowMasks(text)
    found: list[Quantity] = []
    consumed = 0
    for m in DIGIT_TOKEN.finditer(text):
        start, end = m.span()
        if start < consumed:
            continue
        masked = masks.covers_if_searched(start, end)
        if masked:
            continue
        if start > 0 and (text[start - 1].isalpha() or text[start - 1] == "_"):
            continue  # part of a code or a name
        if start > 1 and text[start - 1] == "/" and not text[start - 2].islower():
            continue  # part of a document number or a date; "7.854 người/1.986 hộ" is two figures
        token = m.group()
        spaced = spaced_groups_at(text, start, end)
        if spaced is not None and _scaled_unit_at(text, spaced) is not None:
            # "2 681,93 ha": thousands grouped with spaces, joined only before a unit
            token, spaced_end = text[start:spaced].replace(" ", ""), spaced
        else:
            spaced_end = end
        q = _digit_quantity(text, token, start, spaced_end, convention, confidence)
        # the masks are searched last: a number that measures nothing needs no search around
        # it; a window searched already answers first, sparing the grammar a masked number
        if q is not None and (masked is False or not masks.covers(start, end)):
            found.append(q)
            consumed = q.end
    spelled = _spelled_quantities(text, found)
    if spelled:
        found.extend(spelled)
        found.sort(key=lambda q: q.start)
    elif len(found) < 2:
        return found  # nothing to merge or drop
    return _merge_ranges(text, _drop_restatements(text, found))


def _digit_quantity(text: str, token: str, start: int, end: int, convention: Convention,
                    confidence: float | None = None) -> Quantity | None:
    num = token_to_number(token, convention)
    if confidence is not None and num.unreadable and _GROUPED_BOTH_WAYS.fullmatch(token):
        num = ParsedNumber(float(re.sub(r"\D", "", token)), malformed=True)
    malformed, value = num.malformed, num.value
    pos = end
    if _dangling_separator(text, pos) and not item_number_at(text, start, end):
        malformed, pos = True, pos + 1
    total = upper = None
    if confidence is not None and _slash_for_comma(text, token, pos):
        value, pos = float(f"{token}.{text[pos + 1]}"), pos + 2
    elif confidence is not None and token.isdigit() and text[pos:pos + 1] == ";":
        frac = re.match(r"\d+", text[pos + 1:pos + 4])
        if frac and _scaled_unit_at(text, pos + 1 + frac.end()) is not None:
            value, pos = float(f"{token}.{frac.group()}"), pos + 1 + frac.end()
    speck = _SPECK.match(text, pos) if confidence is not None else None
    if speck is not None and _measures(text, speck.end() - 1):
        pos = speck.end() - 1
    slash = _RATIO_SLASH.match(text, pos)
    if slash:
        second = _second_number(text, slash.end(), convention)
        if second is not None:
            total, pos = second
    if total is None:
        total, upper, pos = _ratio_or_range_in_words(text, start, pos, value, convention)
    mult = multiplier_at(text, pos)  # asked once for the unit and the compound amount
    unit = _scaled_unit_after(text, pos, mult)
    if unit is None and confidence is not None:
        loose = tolerant_unit_at(text, pos, one_syllable=confidence < LOW_OCR_CONFIDENCE)
        unit = None if loose is None else (loose.unit, loose.scale, loose.noun, loose.end)
    compound = _compound_money(text, mult, convention) if total is None and upper is None else None
    extra = 0.0  # the rest of a compound amount, in đồng
    if compound is not None:
        extra, scale, pos = compound
        unit = ("VND", scale, None, pos)
    if unit is not None and total is None:
        total, unit = _same_unit_ratio(text, unit, convention)
    if unit is not None and compound is None and total is None and upper is None and unit[1] == 1.0 \
            and (rest := _compound_measure(text, unit[0], unit[3], convention)) is not None:
        extra, unit = rest[0], (unit[0], unit[1], unit[2], rest[1])
    rule = "number_unit"
    if unit is not None:
        unit_name, scale, noun, pos = unit
    else:
        counted = None if total is None and _bare_is_not_counted(text, pos) else _counted_noun(text, pos)
        if counted is not None:
            unit_name, scale, noun, pos = "count", 1.0, counted[0], counted[1]
            rule = "number_noun"
        elif total is None and value >= 10000 and _money_cue_regex().search(_clause_before(text, start)):
            unit_name, scale, noun = "VND", 1.0, None
            rule = "bare_money"
        else:
            return None
    if num.ambiguous and unit_name in _whole_units() and not value.is_integer() and compound is None:
        # "2,500 hộ": households come whole, so the separator groups thousands here
        num = token_to_number(token, convention.swapped())
        value = num.value
    per = per_unit_at(text, pos)
    per_name = None
    if per is not None:
        per_name, pos = per
    qualifier = _qualifier_before(text, start)
    after = _qualifier_after(text, pos)
    if after is not None:
        qualifier, pos = after
    if total is not None:
        rule = "ratio"
    elif upper is not None:
        rule = "range"
    return Quantity(start=start, end=pos, value=value * scale + extra, unit=unit_name, rule=rule,
                    total=None if total is None else total * scale,
                    upper=None if upper is None else upper * scale, noun=noun, qualifier=qualifier,
                    per=per_name, malformed=malformed, ambiguous=num.ambiguous,
                    unreadable=num.unreadable, number_span=(start, end))


def _slash_for_comma(text: str, token: str, pos: int) -> bool:
    """"432/7": a whole number, a slash and one digit smaller than it, glued: in text read by
    OCR a decimal comma read as a slash (a part is never larger than its total, and "15/7"
    dates are masked before)."""
    if not token.isdigit() or text[pos:pos + 1] != "/":
        return False
    m = DIGIT_TOKEN.match(text, pos + 1)
    return (m is not None and m.end() == pos + 2 and text[m.end():m.end() + 1] != "/"
            and int(m.group()) < int(token))


def _ratio_or_range_in_words(text: str, start: int, pos: int, value: float,
                             convention: Convention) -> tuple[float | None, float | None, int]:
    """(total, upper, end): "3 trong 10 xã" is a ratio (never more than its total), "15-18 tiêu
    chí" and "từ 3 đến 5 triệu" are ranges (the upper bound above the lower). Either needs a
    unit or a counted noun after the second number."""
    ratio = _ratio_word_regex().match(text, pos)
    if ratio:
        second = _second_number(text, ratio.end(), convention)
        if second is not None and value <= second[0] and _measures(text, second[1]):
            return second[0], None, second[1]
    link_re, opener_re, _ = _range_regexes()
    link = link_re.match(text, pos)
    if link and (link.group("w") is None or opener_re.search(text, max(0, start - 12), start)):
        second = _second_number(text, link.end(), convention)
        if second is not None and second[0] > value and _measures(text, second[1]):
            return None, second[0], second[1]
    return None, None, pos


def _compound_money(text: str, mult: tuple[float, int] | None,
                    convention: Convention) -> tuple[float, float, int] | None:
    """(the rest in đồng, the first multiplier, end) of "16 tỷ 434 triệu đồng" or "2 triệu rưỡi"
    given the multiplier right after the first number (`multiplier_at`)."""
    half = _half_after_multiplier(text, mult)
    if half is not None:
        scale, end = half
        u = unit_at(text, end)
        if u is not None and u.unit == "VND" and u.scale == 1:
            end = u.end
        return scale / 2, scale, end
    if mult is None:
        return None
    tail = _money_tail(text, mult[1], convention, mult[0])
    if tail is None:
        return None
    return tail[0], mult[0], tail[1]


def _same_unit_ratio(text: str, unit: tuple[str, float, str | None, int],
                     convention: Convention) -> tuple[float | None, tuple[str, float, str | None, int]]:
    """"8,5 km/15 km": the same unit on both sides of the slash."""
    slash = _RATIO_SLASH.match(text, unit[3])
    second = DIGIT_TOKEN.match(text, slash.end()) if slash else None
    if second:
        other = _scaled_unit_at(text, second.end())
        if other is not None and other[0] == unit[0]:
            total = token_to_number(second.group(), convention).value * other[1] / unit[1]
            return total, (unit[0], unit[1], unit[2], other[3])
    return None, unit


def _bare_is_not_counted(text: str, pos: int) -> bool:
    # "1.500" followed by ":" or a closing bracket counts nothing
    return pos < len(text) and text[pos] in ":)]"


def _clause_before(text: str, start: int) -> str:
    lo = max(0, start - 60)
    segment = text[lo:start]
    ends = list(_CLAUSE_END.finditer(segment))
    return segment[ends[-1].end():] if ends and ends[-1].group() != ":" else segment


# --- spelled numbers, restatements and ranges of whole quantities -------------------------------

def _spelled_quantities(text: str, taken: list[Quantity]) -> list[Quantity]:
    """Spelled numbers before a unit, or (when not a lone ambiguous word) before a counted noun;
    the masks are searched around those runs alone."""
    runs = []
    for m in _spelled_run_regex().finditer(text):
        unit = _scaled_unit_at(text, m.end())
        if unit is None or unit[0] == "count":
            counted = _counted_noun(text, m.end(), spelled=True)
            unit = ("count", 1.0, counted[0], counted[1]) if counted else None
        if unit is not None:
            runs.append((m, unit))
    if not runs:
        return []
    masks = WindowMasks(text, [m.span() for m, _ in runs])
    taken_starts = [q.start for q in taken]
    taken_ends = [q.end for q in taken]
    out = []
    for m, unit in runs:
        words = m.group().split()
        offsets = [m.start() + i for i in _word_starts(m.group())]
        for k in range(len(words)):  # drop leading words until the rest reads as a number
            value = words_to_number(words[k:])
            if value is None:
                continue
            if (len(words) - k == 1 and words[k].lower() in _lone_spelled_skip()
                    and not _counted_alike(text, words[k], unit, taken, taken_starts)):
                break
            start = offsets[k]
            if _spelled_not_after().search(text, max(0, start - 12), start):
                break
            j = bisect_right(taken_starts, start)
            if j and start < taken_ends[j - 1]:
                break  # inside a digit figure ("5 triệu đồng")
            if unit[0] == "count" and value >= 100:
                break  # large amounts in words are money or measures, not head counts
            if masks.covers(start, m.end()):  # last: most runs never need the search
                break
            end = unit[3]
            qualifier = _qualifier_before(text, start)
            after = _qualifier_after(text, end)
            if after is not None:
                qualifier, end = after
            out.append(Quantity(start=start, end=end, value=value * unit[1], unit=unit[0],
                                rule="spelled_number", noun=unit[2], qualifier=qualifier,
                                number_span=(start, m.end())))
            break
    return out


@per_reading
def _lone_spelled_in_counts() -> frozenset[str]:
    return frozenset(spelt_all(load_pattern("numbers")["lone_spelled_in_counts"]))


def _counted_alike(text: str, word: str, unit: tuple[str, float, str | None, int],
                   taken: list[Quantity], taken_starts: list[int]) -> bool:
    """A lone "một" before a noun is one count of a list where its sentence (';' within it)
    counts the same noun in digits ("có một xã đạt …; 25 xã đạt …"), not an article ("là một
    người", "mỗi thôn cử một người": `lone_spelled_not_in_counts` before it in its clause).
    `taken_starts`: the starts of `taken`, sorted."""
    if word.lower() not in _lone_spelled_in_counts():
        return False
    end = unit[3]
    sentences = text_to_sentences(text, split_on_semicolon=False)  # cached per text
    lo, hi = sentences[bisect_left(sentences, end, key=lambda se: se[1])]
    if _article_before_regex().search(text, max(lo, end - 80), end):
        return False
    first = bisect_left(taken_starts, lo)
    last = bisect_right(taken_starts, hi)
    return any(q.end <= hi and q.unit == unit[0] and q.noun == unit[2] for q in taken[first:last])


@per_reading
def _article_before_regex() -> re.Pattern[str]:
    """A clause where "một" is an article: a word of `lone_spelled_not_in_counts` before it."""
    words = spelt_all(load_pattern("numbers")["lone_spelled_not_in_counts"])
    return compiled(rf"(?<!\w)(?:{_alternation(words)})(?!\w)[^,;:.]*?$", re.IGNORECASE)


_NON_SPACE_RUN = compiled(r"\S+")


def _word_starts(s: str) -> list[int]:
    return [m.start() for m in _NON_SPACE_RUN.finditer(s)]


def _drop_restatements(text: str, found: list[Quantity]) -> list[Quantity]:
    """"150.000.000 đồng (Một trăm năm mươi triệu đồng)": the amount in words repeats the
    figure before it and is not a figure of its own."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (q.rule == "spelled_number" and prev is not None and prev.unit == q.unit
                and math.isclose(prev.value, q.value, rel_tol=1e-6)
                and _RESTATEMENT_GAP.match(_restatement_cue_regex().sub(" ", text[prev.end:q.start]))):
            continue
        out.append(q)
    return out


def _merge_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """"từ 3 triệu đồng đến 5 triệu đồng", "3 triệu - 5 triệu đồng": two full quantities of one
    unit joined by a range link are one range."""
    _, opener_re, gap_re = _range_regexes()
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit == q.unit and prev.total is None and prev.upper is None
                and q.total is None and q.value > prev.value and not q.unreadable and not prev.unreadable):
            gap = gap_re.match(text[prev.end:q.start])
            if gap and (gap.group("w") is None or opener_re.search(text, max(0, prev.start - 12), prev.start)):
                out[-1] = prev._replace(end=q.end, upper=q.value, rule="range", per=prev.per or q.per)
                continue
        out.append(q)
    return out
