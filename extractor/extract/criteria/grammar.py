"""The phrase grammar of criteria statements: status words, criterion references, counts.

`text_to_statuses` finds verdict phrases ("đạt", "chưa đạt", "cơ bản đạt"), `text_to_groups`
the criterion references they govern (numbers, lists, ranges, names), `text_to_counts` the
claimed counts ("đạt 17/19 tiêu chí"). The words are in patterns/criteria.yaml and
patterns/status_words.yaml; the claim types here are shared by the prose and table readers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractor.core.data import load_pattern
from extractor.core.model import CriteriaConflict, Location
from extractor.extract.criteria_sets import CriteriaSet, lookup_name, name_regex
from extractor.structure.outline import Outline, text_to_sentences

MET, UNMET, BASIC, TARGET = "met", "unmet", "basically_met", "target"


@dataclass(frozen=True)
class _Rx:
    statuses: tuple[tuple[str, re.Pattern[str]], ...]
    target: re.Pattern[str]
    baseline: re.Pattern[str]
    status_year: re.Pattern[str]
    plan_heading: re.Pattern[str]
    result_heading: re.Pattern[str]
    c: dict[str, re.Pattern[str]]


@lru_cache(maxsize=1)
def rx() -> _Rx:
    sw = load_pattern("status_words")
    cr = load_pattern("criteria")
    return _Rx(
        statuses=tuple((e["status"], re.compile(e["regex"])) for e in sw["statuses"]),
        target=re.compile(sw["target_markers"]["regex"]),
        baseline=re.compile(sw["baseline_markers"]["regex"]),
        status_year=re.compile(sw["status_year"]["regex"]),
        plan_heading=re.compile(sw["plan_heading"]["regex"]),
        result_heading=re.compile(sw["result_heading"]["regex"]),
        c={k: re.compile(v["regex"]) for k, v in cr.items() if isinstance(v, dict) and "regex" in v})




@dataclass
class Status:
    start: int
    end: int
    status: str
    target: bool = False
    # a status of another time than the report's: a baseline, or an earlier year
    past: bool = False
    used_after: bool = False


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


@dataclass
class Count:
    n: int
    status: str
    text: str
    location: Location
    unit: int


@dataclass
class State:
    outline: Outline
    cset: CriteriaSet
    year: int | None = None
    claims: list[Claim] = field(default_factory=list)
    targets: list[Claim] = field(default_factory=list)
    verdicts: list[Claim] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    conflicts: list[CriteriaConflict] = field(default_factory=list)


def text_to_statuses(text: str) -> list[Status]:
    """Status phrases of a text, earlier pattern entries winning overlaps."""
    found: list[Status] = []
    for status, regex in rx().statuses:
        for m in regex.finditer(text):
            if not any(s.start < m.end() and m.start() < s.end for s in found):
                found.append(Status(m.start(), m.end(), status))
    return sorted(found, key=lambda s: s.start)


def valid_number(n: int, size: int) -> bool:
    return 1 <= n <= size


def name_after(text: str, pos: int) -> tuple[int, int] | None:
    """(name number, end) of a criterion name right after `pos` (after a dash, colon...); a
    name in brackets ends after its closing bracket."""
    lead = rx().c["name_lead"].match(text[pos:])
    start = pos + (lead.end() if lead else 0)
    m = name_regex().match(text, start)
    if not m:
        return None
    number = lookup_name(m.group(0))
    end = m.end()
    if lead and "(" in lead.group(0) and (close := re.match(r"\s*\)", text[end:])):
        end += close.end()
    return (number, end) if number is not None else None


def _continue_list(text: str, refs: list[Ref], end: int, size: int) -> int:
    """Extend a list from its first reference: further numbers after a separator, elided runs
    ("1, 2, …, 19") and ranges ("16-19", "TC1 - TC6"). A bare next number must end the list
    or be followed by a status word or a name. Returns the list's end."""
    c = rx().c
    while True:
        rng = c["list_range"].match(text[end:])
        if rng:
            last = int(rng.group("n"))
            after = end + rng.end()
            if refs[-1].number < last <= size and c["list_end"].match(text[after:]):
                refs += [Ref(k, end, after) for k in range(refs[-1].number + 1, last)]
                refs.append(Ref(last, end + rng.start("item"), after))
                end = after
                continue
        gap = c["list_ellipsis"].match(text[end:])
        if gap and refs[-1].number < int(gap.group("n")) <= size:
            last = int(gap.group("n"))
            refs += [Ref(k, end, end + gap.end()) for k in range(refs[-1].number + 1, last)]
            refs.append(Ref(last, end + gap.start("item"), end + gap.end()))
            end += gap.end()
            continue
        nxt = c["list_next"].match(text[end:])
        if not nxt:
            return end
        n2 = int(nxt.group("n"))
        after = end + nxt.end()
        named = name_after(text, after)
        if not valid_number(n2, size) or not (named or c["list_end"].match(text[after:])
                                              or c["list_range"].match(text[after:])):
            return end
        ref = Ref(n2, end + nxt.start("item"), after)
        if named:
            ref.name_number, ref.end = named[0], named[1]
        refs.append(ref)
        end = ref.end


def _names_from(text: str, pos: int) -> list[Ref]:
    """A list of criterion names starting at `pos` ("Giao thông; Thủy lợi và Điện")."""
    c = rx().c
    refs: list[Ref] = []
    while True:
        nm = name_regex().match(text, pos)
        number = lookup_name(nm.group(0)) if nm else None
        if nm is None or number is None:
            return refs
        refs.append(Ref(number, nm.start(), nm.end()))
        pos = nm.end()
        sep = c["names_sep"].match(text[pos:])
        if not sep or not name_regex().match(text, pos + sep.end()):
            return refs
        pos += sep.end()


def _status_follows(text: str, end: int) -> bool:
    """Does a status phrase follow `end` across a gap such as " hiện " or ": "?"""
    after = [s for s in text_to_statuses(text[end:])]
    return bool(after) and rx().c["follow_gap"].match(text[end:end + after[0].start]) is not None


def _clause_starts(text: str) -> list[int]:
    """Offsets where a clause may open a list without "tiêu chí" before it."""
    c = rx().c
    return [m.end() for m in re.finditer(r"(?:^|[;:(,–-])\s*", text)
            if c["bare_clause_start"].search(text[:m.end()])]


def text_to_groups(text: str, size: int) -> list[Group]:
    """Criterion references of a text, grouped as written: a list or range is one group,
    each "Tiêu chí số N Name" its own group; names-only lists after "tiêu chí" too. In a
    sentence that names "tiêu chí", bare numbers and names are read after an intro that opens
    a list ("09 tiêu chí (6; 7; 9)") or at a clause start with a status after them
    ("8, 16, 19 không đạt")."""
    c = rx().c
    groups: list[Group] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    def add(refs: list[Ref], start: int, end: int) -> None:
        groups.append(Group(refs[0].start, end, refs))
        taken.append((start, end))

    for m in c["reference"].finditer(text):
        n = int(m.group("n"))
        if not free(m.start(), m.end()) or not valid_number(n, size):
            continue
        refs = [Ref(n, m.start(), m.end())]
        end = m.end()
        named = name_after(text, end)
        if named:
            refs[0].name_number, refs[0].end = named[0], named[1]
            end = named[1]
        add(refs, m.start(), _continue_list(text, refs, end, size))
    for m in c["names_intro"].finditer(text):
        if free(m.start(), m.end() + 1) and (refs := _names_from(text, m.end())):
            add(refs, m.start(), refs[-1].end)
    if c["criteria_word"].search(text):
        starts = set(_clause_starts(text))
        for m in c["bare_item"].finditer(text):
            n = int(m.group("n"))
            if not free(m.start(), m.end()) or not valid_number(n, size):
                continue
            refs = [Ref(n, m.start(), m.end())]
            end = _continue_list(text, refs, m.end(), size)
            if c["bare_lead"].search(text[:m.start()]) or (
                    m.start() in starts and len(refs) > 1 and _status_follows(text, end)):
                add(refs, m.start(), end)
        for pos in sorted(starts):
            if free(pos, pos + 1) and (refs := _names_from(text, pos)) and _status_follows(text, refs[-1].end):
                add(refs, pos, refs[-1].end)
    return _join_groups(sorted(groups, key=lambda g: g.start), text)


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


def _join_groups(groups: list[Group], text: str) -> list[Group]:
    """Groups separated only by a list separator are one list ("từ tiêu chí 1 đến tiêu chí 8;
    tiêu chí 10, 11 đã đạt"): the status after the last governs them all."""
    sep = rx().c["group_join"]
    out: list[Group] = []
    for g in groups:
        if out and out[-1].end <= g.start and sep.fullmatch(text[out[-1].end:g.start]):
            out[-1] = Group(out[-1].start, g.end, out[-1].refs + g.refs)
        else:
            out.append(g)
    return out


def mark_targets(text: str, statuses: list[Status], plan: bool, year: int | None = None) -> None:
    """A status under a target marker of its own clause ("phấn đấu đạt") states a target; one
    under a baseline marker ("khi bắt đầu ... mới đạt"), or after an earlier year than the
    report's `year` in its sentence, is past."""
    p = rx()
    clauses = text_to_sentences(text)
    for s in statuses:
        clause_start = next(a for a, b in clauses if s.start < b or b == len(text))
        years = [int(m.group("y")) for m in p.status_year.finditer(text, 0, s.start)]
        s.past = bool(p.baseline.search(text, clause_start, s.start)) or bool(
            year is not None and years and years[-1] < year)
        s.target = plan or bool(p.target.search(text, clause_start, s.start))


def _status_after_list(text: str, pos: int, statuses: list[Status], groups: list[Group]) -> Status | None:
    """The status after the list that a count introduces: "13 tiêu chí là TC1 - TC6, TC8 đã
    đạt chuẩn"."""
    c = rx().c
    for g in groups:
        if g.start >= pos and c["count_list_gap"].match(text[pos:g.start]):
            after = [s for s in statuses if s.start >= g.end]
            if after and c["follow_gap"].match(text[g.end:after[0].start]):
                return after[0]
    return None


def text_to_counts(text: str, size: int, year: int | None = None) -> list[tuple[int, int, int, str, bool]]:
    """Claimed counts: (start, end, n, status, target) for "Tổng số 14 tiêu chí xã đạt",
    "đạt 17/19 tiêu chí", "Số tiêu chí chưa đạt: 5". Counts of another scheme ("5 hộ đạt 8
    tiêu chí", "tiêu chí gia đình văn hóa"), totals other than the set size and counts of
    another time (a baseline, an earlier year than `year`) are skipped."""
    c = rx().c
    statuses = text_to_statuses(text)
    mark_targets(text, statuses, plan=False, year=year)
    groups = text_to_groups(text, size)
    out = []
    for m in c["count_before"].finditer(text):
        n, of = int(m.group("n")), m.group("of")
        if n > size or (of is not None and int(of) != size):
            continue
        if c["other_scheme"].match(text[m.end():]):
            continue
        status = None
        left = [s for s in statuses if s.end <= m.start()
                and c["count_left_gap"].match(text[s.end:m.start()])]
        if left:
            status = left[-1]
            if c["other_subject"].search(text[:status.start]):
                continue
        else:
            stop = re.search(r"[:;,.(]", text[m.end():])
            limit = m.end() + (stop.start() if stop else len(text) - m.end())
            right = [s for s in statuses if m.end() <= s.start < limit
                     and c["count_right_gap"].match(text[m.end():s.start])]
            status = right[0] if right else None
        if status is None:
            status = _status_after_list(text, m.end(), statuses, groups)
        if status is not None and not status.past:
            out.append((m.start(), m.end(), n, status.status, status.target))
    for m in c["count_after"].finditer(text):
        n, of = int(m.group("n")), m.group("of")
        if n > size or (of is not None and int(of) != size):
            continue
        mid = [s for s in text_to_statuses(m.group("mid"))]
        if not mid or rx().baseline.search(text, 0, m.start()):
            continue
        target = bool(rx().target.search(text, 0, m.start()))
        out.append((m.start(), m.end(), n, mid[-1].status, target))
    return out
