"""The phrase grammar of criteria statements: status words and criterion references.

`text_to_statuses` finds verdict phrases ("đạt", "chưa đạt", "cơ bản đạt"), `text_to_groups`
the criterion references they govern (numbers, lists, ranges, names); counts are read in
counts.py and the time of a status in tense.py. The words are in patterns/criteria.yaml and
patterns/status_words.yaml; the claim types here are shared by the prose and table readers.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from extractor.core.data import RegexesOnFirstUse, data_to_regexes, load_pattern, pattern_regexes
from extractor.core.model import CriteriaConflict, Location
from extractor.core.regexes import compiled
from extractor.extract.criteria_sets import (
    DEFAULT_TIER,
    CriteriaSet,
    NamePattern,
    lookup_name,
    name_regex,
    ocr_name_at,
)
from extractor.extract.guards import any_match_hint, lead_group_dispatched
from extractor.structure.outline import Outline
from extractor.text.fold import per_reading, spelt_data, unmarked

MET, UNMET, BASIC, TARGET = "met", "unmet", "basically_met", "target"


class _StatusWords:
    """An attribute of `_Rx` that is the named regex of patterns/status_words.yaml (folded
    when the report is read folded)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, rx: _Rx, owner: type | None = None) -> re.Pattern[str]:
        return rx._swx[self.key]


class _Rx:
    """The criteria reader's regexes, each compiled when first used: a short report needs a
    fraction of them, and compiling all was most of the reader's start-up."""

    def __init__(self) -> None:
        self._sw = load_pattern("status_words")
        self._swx = pattern_regexes("status_words")
        cr = load_pattern("criteria")
        self.c = pattern_regexes("criteria")
        if unmarked():
            # a report typed without tone marks is read folded (`reading_unmarked`): every
            # pattern with its marks stripped the same way, one character for one
            self._sw, cr = spelt_data(self._sw), spelt_data(cr)
            self._swx, self.c = data_to_regexes(self._sw), data_to_regexes(cr)
        self._cr = cr
        # the '^'-anchored patterns without their '^', for `match(text, pos)`: reading at an
        # offset instead of matching a copy of the rest of the text keeps long texts linear (issue 11)
        self.at = RegexesOnFirstUse({**{k: v["regex"][1:] for k, v in cr.items()
                                       if isinstance(v, dict) and str(v.get("regex", "")).startswith("^")},
                                    "clause_opener_words": cr["clause_opener"]["regex"][1:-1],
                                    "topic_opener_words": cr["topic_lead"]["regex"][1:-1]})
        # per pattern, words one of which every match holds (`may_match`), in lower case as
        # `may_match` looks for them in the lower-cased text
        self.needs_words: dict[str, tuple[str, ...]] = {
            k: tuple(w.lower() for w in v["needs_words"]) for k, v in cr.items()
            if isinstance(v, dict) and "needs_words" in v}
        # letters OCR reads for digits, repaired inside number lists only
        self.ocr_digits: dict[str, str] = dict(cr["ocr_digit_lookalikes"])

    @cached_property
    def statuses(self) -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
        """(status, regex, words one of which every match holds) of each status entry."""
        return tuple((e["status"], compiled(lead_group_dispatched(e["regex"]) or e["regex"]),
                      tuple(w.lower() for w in e["needs_words"])) for e in self._sw["statuses"])

    @cached_property
    def statuses_by_word(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """(word, the indexes in `statuses` of the entries that need it) of every word an
        entry needs: the entries a text can match are those of the words it holds."""
        by_word: dict[str, list[int]] = {}
        for k, (_, _, needs) in enumerate(self.statuses):
            for w in needs:
                by_word.setdefault(w, []).append(k)
        return tuple((w, tuple(ks)) for w, ks in by_word.items())

    @cached_property
    def status_hint(self) -> re.Pattern[str]:
        return _any_of(self._sw["status_hint"])

    # one cheap test for a sentence that may hold a criteria statement (`may_state_criteria`),
    # and one for a sentence that may name criteria without a status (`may_name_criteria`)
    @cached_property
    def criteria_hint(self) -> re.Pattern[str]:
        return _any_of(self._sw["status_hint"], self._cr["criteria_word_or_abbrev"], self._cr["numbered_name_hint"])

    @cached_property
    def reference_hint(self) -> re.Pattern[str]:
        return _any_of(self._cr["criteria_word_or_abbrev"], self._cr["numbered_name_hint"])

    # markers of time and of the plan and result parts (patterns/status_words.yaml)
    target = _StatusWords("target_markers")
    future = _StatusWords("future_markers")
    future_stop = _StatusWords("future_clause_stop")
    baseline = _StatusWords("baseline_markers")
    status_year = _StatusWords("status_year")
    now = _StatusWords("now_markers")
    present_turn = _StatusWords("present_turn")
    plan_heading = _StatusWords("plan_heading")
    result_heading = _StatusWords("result_heading")


# how far back a pattern that must end where a reference starts ("09 tiêu chí (") may look
LOOKBACK = 200
_CLOSE_BRACKET = compiled(r"\s*\)")
_CLAUSE_MARK = compiled(r"(?:^|[;:(,–-])\s*")
BRACKET_END = compiled(r"\s*\(\s*$")
_OPEN_BRACKET = compiled(r"\s*\(\s*")
_WORD_START = compiled(r"(?<!\w)\w")
# the longest catalogue name with its spaces ("Hệ thống chính trị và tiếp cận pháp luật")
_NAMELOOKBACK = 80
# how far before a status its purpose ("để được ") and its part-added lead ("có thêm tiêu chí Y tế
# và Văn hóa ") may start: both patterns end where the status starts
_PURPOSE_LOOKBACK = 16
_ADDED_LOOKBACK = 80


def _any_of(*entries: dict[str, str]) -> re.Pattern[str]:
    """One pattern that matches in a text exactly when one of `entries` does, searched only
    from the letters a match may start with (each entry's `first_letters`), its alternatives
    grouped by first letter (`guards.any_match_hint`): only whether it matches may be asked."""
    return compiled(any_match_hint((e["regex"] for e in entries), "".join(e["first_letters"] for e in entries)))


# the tier of the set a report is read with ("standard", "advanced"): criterion names are looked
# up in that tier's sets, where the same name may have another number. Set for the time of one
# report by `reading_tier` (outline_to_criteria); every reader below it looks names up through
# `lookup` and `names`.
_TIER: ContextVar[str] = ContextVar("criteria_tier", default=DEFAULT_TIER)


@contextmanager
def reading_tier(tier: str) -> Iterator[None]:
    token = _TIER.set(tier)
    try:
        yield
    finally:
        _TIER.reset(token)


def tier() -> str:
    return _TIER.get()


def may_match(key: str, text: str) -> bool:
    """Can pattern `key` of patterns/criteria.yaml match in `text`? It cannot without one of its
    `needs_words` (spelt as the text being read spells them: folded when it is read folded), in
    any case ("XÃ ĐẠT CHUẨN NÔNG THÔN MỚI" holds "chuẩn")."""
    lowered = _lowered(text)
    return any(w in lowered for w in rx().needs_words[key])


# a sentence is tested for several patterns' words in a row: lower-cased once
_lowered = lru_cache(maxsize=64)(str.lower)


def lookup(text: str) -> int | None:
    """The number of the criterion a name stands for, in the tier being read."""
    return lookup_name(text, tier=_TIER.get(), folded=unmarked())


def names() -> NamePattern:
    """The criterion names of the tier being read, as one pattern."""
    return name_regex(tier=_TIER.get(), folded=unmarked())


# `rx` is called thousands of times per report: its patterns are made once per reading (a
# report typed without tone marks is read folded, extractor/text/fold.py)
@per_reading
def rx() -> _Rx:
    return _Rx()


@dataclass
class Status:
    start: int
    end: int
    status: str
    target: bool = False
    # a status of another time than the report's: a baseline, or an earlier year
    past: bool = False
    used_after: bool = False
    # "đạt thêm": the criteria it governs are added to a total, not the whole of it
    added: bool = False


@dataclass
class Ref:
    number: int
    start: int
    end: int
    name_number: int | None = None


@dataclass
class Group:
    start: int
    end: int
    refs: list[Ref]


@dataclass
class Claim:
    number: int
    status: str
    source: str  # "list" | "table" | "verdict"
    text: str
    location: Location
    unit: int
    ref: Ref | None = None
    added: bool = False  # listed as newly met ("đạt thêm ..."): part of the total, not all of it


class Count(NamedTuple):
    n: int
    status: str
    text: str
    location: Location
    unit: int
    # read from a recognition without a year: any other count or unmet criterion wins over it
    implied: bool = False


@dataclass
class State:
    outline: Outline
    cset: CriteriaSet
    year: int | None = None
    # the report's own commune (from identity): a status of another named commune is not its
    commune: str | None = None
    claims: list[Claim] = field(default_factory=list)
    targets: list[Claim] = field(default_factory=list)
    verdicts: list[Claim] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    conflicts: list[CriteriaConflict] = field(default_factory=list)
    # "the other criteria" with a status: every number no claim or verdict states
    rest: list[Claim] = field(default_factory=list)
    # the criterion a title line names ("Tiêu chí 10 - Thu nhập"): the subject of the verdicts
    # after it, until the next heading
    title_criterion: int | None = None


def may_state_criteria(text: str) -> bool:
    """Can `text` hold a status, a count or a reference by itself? Without a status word,
    "tiêu chí", "TC" or a number beside a name it can only continue a list an earlier sentence
    opened: most sentences of a report are passed over after this one search."""
    return rx().criteria_hint.search(text) is not None


def may_name_criteria(text: str) -> bool:
    """Can `text` name criteria or count them ("tiêu chí", "TC", a number beside a name)? A
    sentence with neither a status nor such a name states nothing ("đạt 96%" is a measure)."""
    return rx().reference_hint.search(text) is not None


def text_to_statuses(text: str) -> list[Status]:
    """Status phrases of a text, earlier pattern entries winning overlaps."""
    if not rx().status_hint.search(text):
        return []
    found: list[Status] = []  # kept sorted and disjoint: an overlap is checked on neighbours
    starts: list[int] = []
    lowered = _lowered(text)
    entries = rx().statuses
    # an entry whose words the text lacks cannot match: one C-speed scan of the text for each
    # word any entry needs, instead of a search; the entries left are read in their order
    runs: set[int] = set()
    for w, ks in rx().statuses_by_word:
        if w in lowered:
            runs.update(ks)
    for k in sorted(runs):
        status, regex, _ = entries[k]
        for m in regex.finditer(text):
            i = bisect_left(starts, m.start())
            if (i < len(found) and found[i].start < m.end()) or (i > 0 and found[i - 1].end > m.start()):
                continue
            found.insert(i, Status(m.start(), m.end(), status))
            starts.insert(i, m.start())
    if may_match("lacking_before_name", text):
        # "còn thiếu" before a criterion's name: unmet (the name decides, no pattern can)
        for m in rx().c["lacking_before_name"].finditer(text):
            i = bisect_left(starts, m.start())
            free = not ((i < len(found) and found[i].start < m.end()) or (i > 0 and found[i - 1].end > m.start()))
            if free and _name_at(text, m.end(), False) is not None:
                found.insert(i, Status(m.start(), m.end("s"), UNMET))
                starts.insert(i, m.start())
    if found and may_match("purpose_status_lead", text):
        # "còn thiếu 3 tiêu chí để về đích là ...": the count's purpose, its list after it
        lead, tail = rx().c["purpose_status_lead"], rx().at["purpose_status_tail"]
        found = [st for st in found if not (lead.search(text, max(0, st.start - _PURPOSE_LOOKBACK), st.start)
                                            and tail.match(text, st.end))]
    if may_match("added_after_status", text):
        added, before = rx().at["added_after_status"], rx().c["added_before_status"]
        for st in found:
            st.added = added.match(text, st.end) is not None \
                or before.search(text, max(0, st.start - _ADDED_LOOKBACK), st.start) is not None
    return found


def first_at(statuses: list[Status], pos: int) -> int:
    """Index of the first status starting at or after `pos` (statuses sorted by start)."""
    return bisect_left(statuses, pos, key=lambda s: s.start)


def valid_number(n: int, size: int) -> bool:
    return 1 <= n <= size


def name_after(text: str, pos: int) -> tuple[int, int] | None:
    """(name number, end) of a criterion name right after `pos` (after a dash, colon...); a
    name in brackets ends after its closing bracket."""
    lead = rx().at["name_lead"].match(text, pos)
    start = lead.end() if lead else pos
    m = names().match(text, start)
    if not m:
        return None
    number = lookup(m.group(0))
    end = m.end()
    if lead and "(" in lead.group(0) and (close := _CLOSE_BRACKET.match(text, end)):
        end = close.end()
    return (number, end) if number is not None else None


def _ocr_item(text: str, end: int, size: int) -> tuple[int | None, int, int] | None:
    """In text read by OCR, a garbled list item after `end`: (number, item start, item end),
    the number repaired from letters that look like digits ("T9" -> 19), or None for an
    unreadable item that a number follows ("15, tế, 18")."""
    p = rx()
    m = p.at["ocr_list_item"].match(text, end)
    if not m:
        return None
    item = m.group("item")
    if any(ch.isdigit() for ch in item):
        if not all(ch.isdigit() or ch in p.ocr_digits for ch in item):
            return None
        n = int("".join(p.ocr_digits.get(ch, ch) for ch in item))
        return (n, m.start("item"), m.end()) if valid_number(n, size) else None
    return (None, m.start("item"), m.end()) if p.at["list_next"].match(text, m.end()) else None


def _continue_list(text: str, refs: list[Ref], end: int, size: int, ocr: bool = False) -> int:
    """Extend a list from its first reference: further numbers after a separator, elided runs
    ("1, 2, …, 19") and ranges ("16-19", "TC1 - TC6"). A bare next number must end the list
    or be followed by a status word or a name. In OCR text a garbled item is repaired or
    skipped (`_ocr_item`). Returns the list's end."""
    at = rx().at
    while True:
        rng = at["list_range"].match(text, end)
        if rng:
            last = int(rng.group("n"))
            after = rng.end()
            if refs[-1].number < last <= size and at["list_end"].match(text, after):
                refs += [Ref(k, end, after) for k in range(refs[-1].number + 1, last)]
                refs.append(Ref(last, rng.start("item"), after))
                end = after
                continue
        gap = at["list_ellipsis"].match(text, end)
        if gap and refs[-1].number < int(gap.group("n")) <= size:
            last = int(gap.group("n"))
            refs += [Ref(k, end, gap.end()) for k in range(refs[-1].number + 1, last)]
            refs.append(Ref(last, gap.start("item"), gap.end()))
            end = gap.end()
            continue
        nxt = at["list_next"].match(text, end)
        if not nxt:
            garbled = _ocr_item(text, end, size) if ocr else None
            if garbled is None:
                return end
            n, item_start, end = garbled
            if n is not None:
                refs.append(Ref(n, item_start, end))
            continue
        n2 = int(nxt.group("n"))
        after = nxt.end()
        named = name_after(text, after)
        if not valid_number(n2, size) or not (named or at["list_end"].match(text, after)
                                              or at["list_range"].match(text, after)):
            return end
        ref = Ref(n2, nxt.start("item"), after)
        if named:
            ref.name_number, ref.end = named[0], named[1]
        refs.append(ref)
        end = ref.end


def _name_at(text: str, pos: int, ocr: bool) -> tuple[int, int] | None:
    """(number, end) of a criterion name at `pos`; in OCR text also one read with its marks
    stripped and one slip allowed, the longer reading winning."""
    if field := rx().at["name_field_word"].match(text, pos):
        pos = field.end()  # "mảng Y tế", "lĩnh vực Văn hóa": the field's name is the criterion's
    nm = names().match(text, pos)
    number = lookup(nm.group(0)) if nm else None
    exact = (number, nm.end()) if nm is not None and number is not None else None
    loose = ocr_name_at(text, pos, tier=tier()) if ocr else None
    if loose is not None and (exact is None or loose[1] > exact[1]):
        return loose
    return exact


def named_title_number(text: str) -> int | None:
    """The criterion a line names by its name and own number alone, the name first ("Điện, số
    4:", "- Y tế (mã 15):"): the subject of the verdict line under it, as a title line's is."""
    if rx().c["named_title_tail"].search(text) is None:
        return None  # most lines end otherwise: the names are not searched
    lead = rx().at["named_title_lead"].match(text)
    hit = _name_at(text, lead.end() if lead else 0, False)
    if hit is None:
        return None
    own = rx().at["named_title_number"].match(text, hit[1])
    return hit[0] if own is not None and int(own.group("n")) == hit[0] else None


def _names_from(text: str, pos: int, ocr: bool = False) -> list[Ref]:
    """A list of criterion names starting at `pos` ("Giao thông; Thủy lợi và Điện")."""
    sep_rx, own_number, quote = rx().at["names_sep"], rx().at["name_number_after"], rx().at["name_quote"]
    field_rx = rx().at["name_field_word"]
    refs: list[Ref] = []
    while True:
        if q := quote.match(text, pos):
            pos = q.end()
        hit = _name_at(text, pos, ocr)
        if hit is None:
            return refs
        end = hit[1]
        # a quote opened after a field word ("lĩnh vực “Thu nhập”") closes after the name too
        quoted = q or ((field := field_rx.match(text, pos)) is not None and field.group("q"))
        if quoted and (q2 := quote.match(text, end)):
            end = q2.end()
        if (num := own_number.match(text, end)) and int(num.group("n") or num.group("m") or num.group("k")) == hit[0]:
            end = num.end()  # "Giao thông (2)", "Y tế – mục 15": the name's own number
        refs.append(Ref(hit[0], pos, end))
        pos = end
        sep = sep_rx.match(text, pos)
        nxt = sep.end() if sep else pos
        if q := quote.match(text, nxt):
            nxt = q.end()
        if not sep or not _name_at(text, nxt, ocr):
            return refs
        pos = sep.end()


def _names_own_number(text: str, pos: int, n: int) -> bool:
    """Is the number at `pos` the bracketed own number of the criterion name before it
    ("Y tế (15)")? The list of names reads it then, not the list of bare numbers."""
    bracket = BRACKET_END.search(text, max(0, pos - 2), pos)
    if bracket is None:
        return False
    stop = bracket.start()
    for word in _WORD_START.finditer(text, max(0, stop - _NAMELOOKBACK), stop):
        if lookup(text[word.start():stop]) == n:
            return True
    return False


def _status_follows(text: str, end: int, statuses: list[Status]) -> bool:
    """Does a status phrase of `statuses` follow `end` across a gap such as " hiện " or ": "?"""
    i = first_at(statuses, end)
    return i < len(statuses) and rx().at["follow_gap"].match(text, end, statuses[i].start) is not None


def _topic_status_follows(text: str, end: int, statuses: list[Status]) -> bool:
    """Does a status follow a topic's names ending at `end` across a comma ("về Y tế, xã chưa
    đạt")?"""
    i = first_at(statuses, end)
    return i < len(statuses) and rx().at["topic_gap"].match(text, end, statuses[i].start) is not None


def status_through_pronoun(text: str, end: int, after: list[Status], limit: int) -> Status | None:
    """The status a list ending at `end` takes later in its sentence through "these criteria"
    ("... phụ trách Y tế, Thu nhập khẩn trương hoàn thiện hồ sơ, vì các tiêu chí này vẫn chưa
    đạt"): the first of `after` (the statuses after the list) past the pronoun, when only plans
    stand before it, the pronoun before `limit` (the next list)."""
    return _status_after_pronoun(text, end, after, limit) or _status_before_pronoun(text, end, after)


def _status_after_pronoun(text: str, end: int, after: list[Status], limit: int) -> Status | None:
    m = rx().at["anaphor_gap"].match(text, end)
    if m is None or m.end() > limit:
        return None
    nxt = next((s for s in after if s.start >= m.end()), None)
    if nxt is None or any(not s.target for s in after if s.start < m.end()):
        return None
    at = rx().at
    if at["follow_gap"].match(text, m.end(), nxt.start) or at["pronoun_reason_gap"].match(text, m.end(), nxt.start):
        return nxt
    return None


def _status_before_pronoun(text: str, end: int, after: list[Status]) -> Status | None:
    """The status a list ending at `end` takes in a reason after it, with "these criteria" as the
    status's object ("..., vì đến nay xã chưa đạt các tiêu chí này"): the first of `after`, no
    plan, a reason opened after a comma before it and the pronoun right after it."""
    if not after or after[0].target:
        return None
    s = after[0]
    at = rx().at
    if at["anaphor_object_gap"].match(text, end, s.start) is None or at["object_pronoun"].match(text, s.end) is None:
        return None
    return s


def overruled_by_pronoun(text: str, end: int, after: list[Status], limit: int) -> Status | None:
    """A later verdict on a list ending at `end`, after a contrast and "these criteria" ("UBND xã
    tự đánh giá đã đạt cả tiêu chí 6, 7, song qua giám sát, Ban nhận thấy các tiêu chí này chưa
    đạt"): it overrules the status the list took before it."""
    later = status_through_pronoun(text, end, after, limit)
    if later is None or rx().c["overruling_contrast"].search(text, end, later.start) is None:
        return None
    return later


def _clause_starts(text: str) -> list[int]:
    """Offsets where a clause may open a list without "tiêu chí" before it."""
    start_rx = rx().c["bare_clause_start"]
    # the pattern must end at the mark's end; it can begin no earlier than the mark itself
    return [m.end() for m in _CLAUSE_MARK.finditer(text) if start_rx.search(text, m.start(), m.end())]


def _opens_clause(text: str, pos: int, starts: set[int]) -> bool:
    """Does `pos` open a clause, after a clause mark and an opener such as "còn"?"""
    at = rx().at["clause_opener_words"]
    for back in range(pos, max(-1, pos - 16), -1):
        if back in starts:
            return at.fullmatch(text, back, pos) is not None
    return False


class _Taken:
    """Spans already read as references, as a mask over the text: checking a span costs its
    length, not the number of spans read so far."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size + 1)

    def free(self, a: int, b: int) -> bool:
        return self.mask.find(1, a, max(b, a + 1)) == -1

    def take(self, a: int, b: int) -> None:
        self.mask[a:b] = b"\x01" * (b - a)


def text_to_groups(text: str, size: int, ocr: bool = False) -> list[Group]:
    """Criterion references of a text, grouped as written: a list or range is one group,
    each "Tiêu chí số N Name" its own group; names-only lists after "tiêu chí" too. In a
    sentence that names "tiêu chí", bare numbers and names are read after an intro that opens
    a list ("09 tiêu chí (6; 7; 9)") or at a clause start with a status after them
    ("8, 16, 19 không đạt"). `ocr`: the text was read by OCR, its slips are allowed for."""
    c = rx().c
    # "Số TC đạt: 15 TC (...)": a count of criteria by the abbreviation says "tiêu chí" too
    says_criteria = c["criteria_word"].search(text) is not None or (
        "TC" in text and c["count_after"].search(text) is not None)
    if says_criteria and "," in text:  # "(1,2,3)": a tight list's commas read as ';' (same offsets)
        text = c["tight_list"].sub(lambda m: m.group(0).replace(",", ";"), text)
    groups: list[Group] = []
    taken = _Taken(len(text))

    def add(refs: list[Ref], start: int, end: int) -> None:
        groups.append(Group(refs[0].start, end, refs))
        taken.take(start, end)

    # references need "tiêu chí" or "TC": most sentences of a report hold neither
    for m in c["reference"].finditer(text) if says_criteria or "TC" in text else ():
        n = int(m.group("n"))
        if not taken.free(m.start(), m.end()) or not valid_number(n, size):
            continue
        refs = [Ref(n, m.start(), m.end())]
        end = m.end()
        named = name_after(text, end)
        if named:
            refs[0].name_number, refs[0].end = named[0], named[1]
            end = named[1]
        add(refs, m.start(), _continue_list(text, refs, end, size, ocr))
    for m in c["names_intro"].finditer(text) if says_criteria or "TC" in text else ():
        if taken.free(m.start(), m.end() + 1) and (refs := _names_from(text, m.end(), ocr)) \
                and taken.free(m.start(), refs[-1].end):
            add(refs, m.start(), refs[-1].end)
    for m in c["charge_names_intro"].finditer(text) if says_criteria else ():
        # "các thành viên phụ trách Y tế, Thu nhập ..., vì các tiêu chí này chưa đạt"
        refs = _names_from(text, m.end(), ocr)
        if len(refs) > 1 and taken.free(m.end(), refs[-1].end):
            statuses = text_to_statuses(text)
            after = statuses[first_at(statuses, refs[-1].end):]
            if _status_follows(text, refs[-1].end, statuses) \
                    or status_through_pronoun(text, refs[-1].end, after, len(text)) is not None:
                add(refs, m.end(), refs[-1].end)
    # "đạt tất cả các tiêu chí, trừ Thu nhập, Y tế": the names of the exception; "còn 1 tiêu
    # chí xã chưa làm được, đó là Văn hóa": the names the count's clause announces
    for intro in ("exclusion_names_intro", "restated_names_intro") if says_criteria else ():
        for m in c[intro].finditer(text):
            if taken.free(m.end(), m.end() + 1) and (refs := _names_from(text, m.end(), ocr)) \
                    and taken.free(m.end(), refs[-1].end):
                add(refs, m.end(), refs[-1].end)
    if not says_criteria and ((lead := c["status_list_lead"].match(text)) or (lead := _status_first_lead(text))):
        # "+ Chưa đạt: Thu nhập; Môi trường", "- Đạt: 1, 2, 3", "3) Đã đáp ứng: Thủy lợi"
        first = at_list_start(text, lead.end(), size, ocr)
        if first is not None:
            add(first.refs, first.start, first.end)
    if not says_criteria and c["numbered_name_hint"].search(text):
        # without "tiêu chí", a list of numbers each beside its own name ("Đạt: số 1 - Quy
        # hoạch; số 2 - Giao thông")
        for m in c["bare_item"].finditer(text):
            n = int(m.group("n"))
            named = name_after(text, m.end()) if valid_number(n, size) and taken.free(m.start(), m.end()) else None
            if named is None or named[0] != n:
                continue
            refs = [Ref(n, m.start(), named[1], named[0])]
            add(refs, m.start(), _continue_list(text, refs, named[1], size, ocr))
    if not says_criteria and "(" in text and c["own_numbered_name_hint"].search(text):
        # without "tiêu chí", names each beside their own number, opening a clause before a
        # status ("Riêng Thu nhập (10); Y tế (15) đến nay vẫn chưa đạt")
        statuses = text_to_statuses(text)
        for pos in sorted(_clause_starts(text)) if statuses else ():
            pos = rx().at["clause_opener_words"].match(text, pos).end()  # type: ignore[union-attr]
            refs = _names_from(text, pos)
            if refs and all(text[r.end - 1] == ")" for r in refs) and taken.free(pos, refs[-1].end) \
                    and _status_follows(text, refs[-1].end, statuses):
                add(refs, pos, refs[-1].end)
    if not says_criteria and (lead := c["contrast_names_lead"].match(text)):
        # "Riêng Thu nhập; Y tế đến nay xã chưa hoàn thành.": names alone after "riêng" at the
        # line's start, when a status that closes the line follows them
        refs = _names_from(text, lead.end(), ocr)
        statuses = text_to_statuses(text)
        i = first_at(statuses, refs[-1].end) if refs else len(statuses)
        if refs and i < len(statuses) and taken.free(lead.end(), refs[-1].end) \
                and rx().at["follow_gap"].match(text, refs[-1].end, statuses[i].start) \
                and (rx().at["named_line_rest"].match(text, statuses[i].end)
                     or rx().at["contrast_tail"].match(text, statuses[i].end)):
            add(refs, lead.end(), refs[-1].end)
    if not says_criteria and (lead := c["label_names_lead"].match(text)):
        # "Tồn tại: Thu nhập / Y tế chưa cán đích": names after a short label, a status after them;
        # two names at least (one name and a status after a label is a line of its own)
        refs = _names_from(text, lead.end(), ocr)
        if len(refs) > 1 and taken.free(lead.end(), refs[-1].end) \
                and _status_follows(text, refs[-1].end, text_to_statuses(text)):
            add(refs, lead.end(), refs[-1].end)
    if says_criteria:
        statuses = text_to_statuses(text)
        starts = set(_clause_starts(text))
        # the number of "Số tiêu chí chưa đạt: 02 (...)" is a count, not the list's first item
        counted = {m.start("n") for m in c["count_after"].finditer(text)}
        # ... and so is a number right before the list it counts ("Tiêu chí đạt: 17 (1, 2, …)",
        # "Tiêu chí đã đạt: 17, gồm:")
        counted |= {m.start() for m in c["bare_item"].finditer(text)
                    if rx().at["count_before_its_list"].match(text, m.end())}
        for m in c["count_after"].finditer(text):
            # names in brackets after such a count are its list ("... chưa đạt: 02 (Thu nhập, Môi trường)")
            if (bracket := rx().at["count_names_bracket"].match(text, m.end())) and taken.free(m.end(), bracket.end()) \
                    and (refs := _names_from(text, bracket.end(), ocr)) and taken.free(bracket.end(), refs[-1].end):
                add(refs, bracket.end(), refs[-1].end)
        for m in c["bare_item"].finditer(text):
            n = int(m.group("n"))
            if not taken.free(m.start(), m.end()) or not valid_number(n, size) or \
                    _names_own_number(text, m.start(), n) or m.start() in counted:
                continue
            refs = [Ref(n, m.start(), m.end())]
            end = m.end()
            if named := name_after(text, end):  # "gồm số 1 - Quy hoạch; số 2 - Giao thông"
                refs[0].name_number, refs[0].end = named[0], named[1]
                end = named[1]
            end = _continue_list(text, refs, end, size, ocr)
            self_named = refs[0].name_number == n
            if self_named or c["bare_lead"].search(text, max(0, m.start() - LOOKBACK), m.start()) or (
                    _opens_clause(text, m.start(), starts)
                    and (len(refs) > 1 or c["numbered_single_lead"].search(text, max(0, m.start() - 8), m.start()))
                    and _status_follows(text, end, statuses)):
                add(refs, m.start(), end)
        # a clause of reason opens a list of names too ("xã chưa về đích vì Y tế chưa đạt")
        reasons = {m.end() for m in c["reason_clause_lead"].finditer(text)}
        # ... and so does a conjunction right after a status ("Điện cơ bản đạt và Y tế chưa đạt")
        conj = rx().at["status_conjunction"]
        reasons |= {cm.end() for st in statuses if (cm := conj.match(text, st.end)) is not None}
        for pos in sorted(starts | reasons):
            pos = rx().at["clause_opener_words"].match(text, pos).end()  # type: ignore[union-attr]
            # names put first as the clause's topic ("về Y tế, xã chưa đạt"), the status after a comma
            topic = rx().at["topic_opener_words"].match(text, pos) if text[pos:pos + 1].isalpha() else None
            pos = topic.end() if topic else pos
            if (taken.free(pos, pos + 1) and (refs := _names_from(text, pos, ocr))
                    and (_status_follows(text, refs[-1].end, statuses)
                         or (topic is not None and _topic_status_follows(text, refs[-1].end, statuses)))):
                # names already read by their numbers end the list here ("Nhà ở [số 9], Văn hóa
                # [số 16] chưa đạt"): the free ones before them join that list (_join_groups)
                free: list[Ref] = []
                for r in refs:
                    if not taken.free(pos, r.end):
                        break
                    free.append(r)
                if free:
                    add(free, pos, free[-1].end)
        # numbers or names right after a status ("chưa đạt 6 – 9 và 15", "chưa đạt Nhà ở, Y tế;")
        # after a colon one name is a list too ("chưa đạt: Chợ nông thôn, Bưu điện", "chưa đạt: Y tế."),
        # and so after a count in brackets, which announces its list ("Cơ bản đạt (2 tiêu chí) | Điện;
        # Chợ", "Cơ bản đạt (1 tiêu chí) Điện" of a table row flattened into one line)
        for st in statuses:
            gap = rx().at["status_list_gap"].match(text, st.end)
            pos = gap.end() if gap else st.end
            if not taken.free(pos, pos + 1) or pos >= len(text):
                continue
            group = at_list_start(text, pos, size, ocr)
            announced = gap is not None and (":" in gap.group(0) or gap.group("count") is not None)
            if group is None or group.start in counted or not taken.free(group.start, group.end) or not (
                    (len(group.refs) > 1 or announced) and rx().at["list_end"].match(text, group.end)):
                continue
            add(group.refs, group.start, group.end)
    return _split_restated(_join_groups(sorted(groups, key=lambda g: g.start), text), text)


def _status_first_lead(text: str) -> re.Match[str] | None:
    """The status and colon that open a line of names after a list item's marker, whatever the
    status's words ("3) Đã đáp ứng: Thủy lợi", "10) Chưa đạt (đang phấn đấu): Thu nhập"): the
    match ends where the list starts. None for any other line."""
    at = rx().at
    lead = at["status_first_marker"].match(text)
    # the colon after the status: a line without one after the marker is none (most lines),
    # and its statuses are not read
    if lead is None or text.find(":", lead.end()) < 0:
        return None
    statuses = text_to_statuses(text)
    if not statuses or statuses[0].start != lead.end():
        return None
    return at["status_first_colon"].match(text, statuses[0].end)


def bullet_to_group(text: str) -> Group | None:
    """A list item that holds only criterion names ("- Thu nhập;", "+ Điện và Y tế."): read
    under an opening statement ("Các tiêu chí chưa đạt:") that waits for its list."""
    c = rx().c
    lead = c["bullet_lead"].match(text)
    if not lead:
        return None
    refs = _names_from(text, lead.end())
    if not refs or not c["bullet_rest"].fullmatch(text[refs[-1].end:]):
        return None
    return Group(refs[0].start, refs[-1].end, refs)


def cell_to_group(text: str) -> Group | None:
    """A table cell that holds criterion names and nothing else, after an optional "Gồm"
    ("Gồm Quy hoạch; Giao thông; Điện"): the list of a count row that does not say "tiêu chí"."""
    lead = rx().at["list_cell_lead"].match(text)
    refs = _names_from(text, lead.end() if lead else 0)
    if not refs or not rx().c["bullet_rest"].fullmatch(text[refs[-1].end:]):
        return None
    return Group(refs[0].start, refs[-1].end, refs)


def continuation_to_group(text: str, size: int, ocr: bool = False) -> Group | None:
    """The rest of a list broken over two blocks: numbers ("số 4, số 5, …") or names at the
    start of a block, under a list line that ended on a separator."""
    return at_list_start(text, 0, size, ocr)


def at_list_start(text: str, pos: int, size: int, ocr: bool = False) -> Group | None:
    """A list of numbers or of names that starts at `pos` and runs to a list end."""
    at = rx().at
    m = at["list_resume"].match(text, pos)
    if m:
        n = int(m.group("n"))
        if not valid_number(n, size):
            return None
        refs = [Ref(n, m.start("item"), m.end())]
        end = m.end()
        if named := name_after(text, end):
            refs[0].name_number, refs[0].end = named[0], named[1]
            end = named[1]
        end = _continue_list(text, refs, end, size, ocr)
        return Group(refs[0].start, end, refs) if at["list_end"].match(text, end) else None
    lead = rx().at["bullet_lead"].match(text, pos)
    refs = _names_from(text, lead.end() if lead else pos + len(text[pos:]) - len(text[pos:].lstrip()), ocr)
    return Group(refs[0].start, refs[-1].end, refs) if refs else None


def named_line_to_group(text: str, statuses: list[Status]) -> Group | None:
    """A line of criterion names and their status alone ("- Quy hoạch: Đạt;", "Thu nhập -
    chưa đạt."), with or without a bullet, in a list that does not say "tiêu chí"."""
    c = rx().c
    lead = c["bullet_lead"].match(text)
    refs = _names_from(text, lead.end() if lead else len(text) - len(text.lstrip()))
    if not refs:
        return None
    i = first_at(statuses, refs[-1].end)
    if i == len(statuses) or not rx().at["follow_gap"].match(text, refs[-1].end, statuses[i].start):
        return None
    rest = text[statuses[i].end:]
    # the status closes the line, or a short remark after a dash or comma does ("Đạt - giữ
    # vững chuẩn", "Chưa đạt - đang phấn đấu"), whose status words, if any, are plans
    if not c["named_line_rest"].match(rest) and not (
            c["verdict_remark"].match(rest) and all(s.target for s in statuses[i + 1:])):
        return None
    return Group(refs[0].start, refs[-1].end, refs)


def items_line_to_groups(text: str) -> list[Group]:
    """A line of several "name: status" items cut by ';' ("(1) Quy hoạch: đạt; (2) Giao thông:
    đạt; (3) Thủy lợi: chưa đạt."): each item read as a line of its own. At least two items
    must be such lines, or the line is something else."""
    groups: list[Group] = []
    start = 0
    for end in [i for i, ch in enumerate(text) if ch == ";"] + [len(text)]:
        piece = text[start:end]
        named = named_line_to_group(piece, text_to_statuses(piece))
        if named is not None:
            groups.append(Group(start + named.start, start + named.end,
                                [Ref(r.number, start + r.start, start + r.end) for r in named.refs]))
        start = end + 1
    return groups if len(groups) > 1 else []


def _split_restated(groups: list[Group], text: str) -> list[Group]:
    """A list whose later part names "tiêu chí" again after ',' or ';' is two statements when
    each part has its own status, the first right before it and the second right after it:
    "đã hoàn thành tiêu chí số 1, 2 và 3; tiêu chí số 10 chưa đạt"."""
    at = rx().at
    statuses: list[Status] | None = None
    out: list[Group] = []
    for g in groups:
        # the last item that restates "tiêu chí" after a cut; a ';' cuts deeper than a ',' when
        # every item restates it ("đạt TC1, TC2, TC3; TC10, TC15 chưa đạt" parts at the ';')
        cuts = [k for k in range(1, len(g.refs)) if g.refs[k - 1].end <= g.refs[k].start
                and at["restated_item"].match(text, g.refs[k].start)
                and at["clause_cut"].match(text, g.refs[k - 1].end, g.refs[k].start)]
        strong = [k for k in cuts if ";" in text[g.refs[k - 1].end:g.refs[k].start]]
        cut: int | None = (strong or cuts)[-1] if cuts else None
        if cut is not None:
            # statuses are read only for a list that restates "tiêu chí" (few sentences)
            statuses = text_to_statuses(text) if statuses is None else statuses
            i = first_at(statuses, g.start + 1) - 1
            led = i >= 0 and statuses[i].end <= g.start and \
                at["status_lead_gap"].match(text, statuses[i].end, g.start) is not None
            if not (led and _status_follows(text, g.end, statuses)):
                cut = None
        if cut is None:
            out.append(g)
        else:
            out += [Group(g.start, g.refs[cut - 1].end, g.refs[:cut]), Group(g.refs[cut].start, g.end, g.refs[cut:])]
    return out


def _join_groups(groups: list[Group], text: str) -> list[Group]:
    """Groups separated only by a list separator are one list ("từ tiêu chí 1 đến tiêu chí 8;
    tiêu chí 10, 11 đã đạt"): the status after the last governs them all."""
    sep = rx().at["group_join"]
    named_gap = rx().c["named_join"]
    out: list[Group] = []
    for g in groups:
        gap = named_gap.fullmatch(text, out[-1].end, g.start) if out and out[-1].end <= g.start else None
        if gap is not None and lookup(gap.group("name")) is None:
            gap = None
        if out and out[-1].end <= g.start and g.refs[0].number == out[-1].refs[-1].number and \
                _OPEN_BRACKET.fullmatch(text, out[-1].end, g.start):
            # a name and its number in brackets after it: "quy hoạch (TC 1)" is one reference
            out[-1].refs.extend(g.refs[1:])
            out[-1].end = g.end
        elif out and out[-1].end <= g.start and (gap is not None or sep.fullmatch(text, out[-1].end, g.start)):
            out[-1].refs.extend(g.refs)
            out[-1].end = g.end
        else:
            out.append(Group(g.start, g.end, list(g.refs)))
    return out
