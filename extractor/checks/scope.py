"""What a figure or a count is about: its place (the commune, or several communes and the
district), its time (the years its sentence names before it, a sum over several years, or
the present) and its status (a result, a baseline, or a plan or target; for criteria counts,
met or unmet). Rules compare only figures of one scope:
"năm 2019 đạt 13 tiêu chí, năm 2020 đạt 14 tiêu chí" are two years, "3 xã đạt 19 tiêu chí"
is other communes' count, "còn 2 tiêu chí chưa đạt" an unmet count, "phấn đấu đạt 19 tiêu
chí" a target, "lũy kế từ năm 2011 đến nay 120 tỷ đồng" no one year's amount, "đầu năm có
62 hộ nghèo" a starting point. The words are in patterns/checks.yaml `scope`."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from extractor.checks.data import config, regex
from extractor.core.model import Record
from extractor.core.regexes import compiled
from extractor.structure.outline import text_to_sentences


@dataclass(frozen=True)
class Scope:
    """Where, when and in what status a figure counts (its docstring also spares `dataclass`
    building one from the signature at every start)."""

    several_places: bool  # several communes, the district or the province, not the commune alone
    years: frozenset[int]  # years named before the figure in its sentence (the latest clause's)
    target: bool  # a plan, target or aim, not a result
    baseline: bool  # a starting point ("đầu năm", "đầu kỳ"), not the result
    unmet: bool  # a count of what is not met ("còn 2 tiêu chí chưa đạt")
    cumulative: bool = False  # summed over several years ("lũy kế từ năm 2011 đến nay")
    now: bool = False  # of the present ("đến nay", "hiện nay"), whatever year that is
    named_place: str | None = None  # the village or commune its sentence names ("thôn Đông"), casefolded

    def same_measure(self, other: Scope, report_year: int | None = None) -> bool:
        """Two figures of these scopes may state one measure: same place, status and time
        (a figure that names no year is of the report's year, when known, else of any)."""
        if ((self.target, self.baseline, self.unmet) != (other.target, other.baseline, other.unmet)):
            return False
        return self.same_frame(other, report_year)

    def same_frame(self, other: Scope, report_year: int | None = None) -> bool:
        """Two figures of one place and one time, whatever their status: the commune's (or the
        district's) both, both of one year or both summed over years. A figure of the present
        ("đến nay") is of the report's year; when that is unknown, not of a year named."""
        if (self.several_places, self.cumulative) != (other.several_places, other.cumulative):
            return False
        if self.named_place and other.named_place and self.named_place != other.named_place:
            return False  # "đường thôn Đông: 1,2 km, 850 triệu đồng" and "đường thôn Tây: 1,5 km, ..."
        a, b = self.in_years(report_year), other.in_years(report_year)
        if report_year is None and ((self.now and not other.now and b) or (other.now and not self.now and a)):
            return False  # "năm 2021 đạt 12/19 tiêu chí; đến nay đạt 16/19 tiêu chí"
        return not (a and b and not (a & b))

    def may_hold(self, part: Scope) -> bool:
        """A figure of scope `part` may be a part of a total of this scope: not the district's
        in the commune's, not a plan in a result, not a sum over years in one year's, not
        another year's (a sum over years holds its years)."""
        if (part.several_places and not self.several_places) or (part.target and not self.target):
            return False
        if self.named_place and part.named_place and self.named_place != part.named_place:
            return False  # "thôn Đông có 245 hộ, trong đó: ...; thôn Tây có 310 hộ"
        if self.cumulative:
            return True
        return not part.cumulative and not (part.years and self.years and not (part.years & self.years))

    def is_result(self, report_year: int | None) -> bool:
        """The commune's own result for the report's year."""
        return not (self.several_places or self.target or self.baseline) and (
            not report_year or not self.years or report_year in self.years)

    def in_years(self, report_year: int | None) -> frozenset[int]:
        return self.years or (frozenset({report_year}) if report_year else frozenset())


def years_in(text: str) -> list[int]:
    return [int(y) for y in regex("year").findall(text)]


def report_year(record: Record) -> int | None:
    """The year whose criteria set applies: the end of the report's period, else the year of
    its date (the rule of extract/identity.outline_to_year, on the record's fields)."""
    for text in (record.identity.period, record.identity.report_date):
        years = years_in(text or "")
        if years:
            return max(years)
    return None


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding offset `start` begins: after the last ',' ';' ':' before it."""
    return max(text.rfind(mark, 0, start) for mark in (",", ";", ":")) + 1


def _clause_end(text: str, end: int) -> int:
    ends = [i for i in (text.find(mark, end) for mark in (",", ";", ":", ".")) if i >= 0]
    return min(ends, default=len(text))


def _last_is_target(before: str) -> bool:
    """A plan word before the figure in its sentence with no result word after it: "Phấn đấu
    năm 2024 hiến 800 m2 đất, 4.000 ngày công" is a target throughout, "Kế hoạch giao 100 km,
    thực hiện 80 km" is a result from "thực hiện" on."""
    targets = [m.end() for m in regex("scope", "target_regex").finditer(before)]
    results = [m.end() for m in regex("scope", "result_regex").finditer(before)]
    return bool(targets) and max(targets) > max(results, default=-1)


def _last_is_baseline(before: str) -> bool:
    """A starting-point word before the figure in its sentence with no word of the end after
    it: "Đầu năm có 1.240 hộ, 62 hộ nghèo" is a baseline throughout, "đầu năm là 5,6%, cuối
    năm giảm còn 5,0%" ends with the result."""
    starts = [m.end() for m in regex("scope", "baseline_regex").finditer(before)]
    if not starts:
        return False
    return not regex("scope", "baseline_end_regex").search(before, max(starts))


_CLOSED_BRACKET = compiled(r"\([^()]*\)")


@cache
def _not_place_names() -> frozenset[str]:
    """Capitalised words after a place word that name no place ("xã NTM", "xã Nông thôn mới")."""
    return frozenset(config()["scope"]["not_place_names"])


def _named_place(before: str) -> str | None:
    """The last village or commune named before a figure in its sentence ("đường thôn Đông:",
    "xã Tân An đạt"): the place word and the capitalised words or number after it, casefolded.
    A place named in a closed bracket is a note on the subject, not the subject ("Xã A (nhập
    vào xã B): đạt 16/19 tiêu chí" is A's count)."""
    found = None
    not_names = _not_place_names()
    before = _CLOSED_BRACKET.sub(lambda m: " " * len(m.group()), before)
    for m in regex("scope", "named_place_regex").finditer(before):
        words: list[str] = []
        for word in before[m.end():].split():
            name = word.rstrip(",.:;)")
            if not name or not (name[0].isupper() or name.isdigit()) or (not words and name in not_names):
                break
            words.append(name)
            if name != word:
                break  # a mark ends the name
        if words:
            found = m.group().strip() + " " + " ".join(words)
    return found.casefold() if found else None


def _last_is_cumulative(before: str) -> bool:
    """A cumulative word before the figure with no single year named after it: "lũy kế từ năm
    2011 đến nay huy động 120 tỷ đồng" is a sum over years, "giai đoạn 2021-2023 ..., trong
    đó năm 2021 là 5.000 triệu đồng" is one year of it."""
    named = regex("scope", "cumulative_named_regex")
    # "Bộ tiêu chí ... giai đoạn 2021-2025", "Chương trình ... giai đoạn 2021-2025" name a
    # criteria set or the programme, not a sum over its years
    sums = [m.end() for m in regex("scope", "cumulative_regex").finditer(before)
            if not named.search(before, max(0, m.start() - 60), m.start())]
    if not sums:
        return False
    return not regex("scope", "single_year_regex").search(before, max(sums))


class Blanked(NamedTuple):
    """A block's text with figures blanked out (their values are not read as years), and its
    sentences, made once for every figure of the block that asks for its scope."""

    text: str
    spans: tuple[tuple[int, int], ...]
    starts: list[int]  # the sentences' starts, for a binary search


def blank_figures(text: str, blank: list[tuple[int, int]]) -> Blanked:
    out: list[str] = []
    cur = 0
    for s, e in sorted(blank):
        s = max(s, cur)
        if e <= s:
            continue
        out += [text[cur:s], " " * (e - s)]
        cur = e
    blanked = "".join(out) + text[cur:]
    spans = text_to_sentences(blanked)
    return Blanked(blanked, spans, [a for a, _ in spans])


def scope_at(text: str, start: int, end: int, blank: list[tuple[int, int]] | None = None) -> Scope:
    """The scope of the figure at `text[start:end]` (normalized text of one block); `blank`
    spans (other figures: "hiến 2000 m2" names no year) are not read for years."""
    return scope_in(text, blank_figures(text, blank or []), start, end)


def _without_year_notes(blanked: str, unblanked: str, start: int, end: int) -> str:
    """`blanked[start:end]` less the years noted in brackets right after a figure ("tăng từ
    11/19 tiêu chí (năm 2023) lên ...": 2023 is the 11's), found in the text before blanking."""
    seg = blanked[start:end]
    for m in regex("scope", "figure_year_note_regex").finditer(unblanked, start, end):
        a, b = m.span("note")
        seg = seg[:a - start] + " " * (b - a) + seg[b - start:]
    return seg


def _label_lead(text: str, lead: str, clause_start: int, s_start: int) -> str:
    """The lead of a figure that starts its clause right after a colon is the label before the
    colon ("Tiêu chí chưa đạt: 2 tiêu chí": the 2 are unmet); any other lead is its own."""
    if lead.strip() or clause_start <= s_start or text[clause_start - 1] != ":":
        return lead
    return text[max(_clause_start(text, clause_start - 1), s_start):clause_start]


def scope_in(text: str, blanked: Blanked, start: int, end: int) -> Scope:
    """`scope_at` with the block's blanked text made beforehand."""
    unblanked, text = text, blanked.text
    i = bisect_right(blanked.starts, start) - 1
    s_start, s_end = (blanked.spans[i] if i >= 0 and blanked.spans[i][0] <= start < blanked.spans[i][1]
                      else (0, len(text)))
    clause_start = max(_clause_start(text, start), s_start)
    clause_end = min(_clause_end(text, end), s_end)
    # the years of the nearest clause before the figure that names one: "năm 2019 đạt 13
    # tiêu chí, năm 2020 đạt 14 tiêu chí" gives 2020 to the second count, not both years; a
    # clause of the present names its time ("chỉ có 3 tiêu chí năm 2021, đến nay đạt 15 tiêu
    # chí": the 15 are not 2021's)
    now_words = regex("scope", "now_regex")
    pos = start
    while True:
        c = max(_clause_start(text, pos), s_start)
        years = years_in(_without_year_notes(text, unblanked, c, pos))
        if years or c <= s_start or now_words.search(text, c, pos):
            break
        pos = c - 1
    text = unblanked
    lead = text[clause_start:start]
    before = text[s_start:start]
    return Scope(
        several_places=bool(regex("scope", "several_places_regex").search(before)),
        years=frozenset(years),
        target=_last_is_target(before),
        cumulative=_last_is_cumulative(before),
        now=bool(regex("scope", "now_regex").search(before)),
        named_place=_named_place(before),
        baseline=_last_is_baseline(before) or bool(regex("scope", "comparison_regex").search(lead)),
        unmet=bool(regex("scope", "unmet_before_regex").search(_label_lead(text, lead, clause_start, s_start))
                   or regex("scope", "unmet_after_regex").search(text[end:clause_end])),
    )


def scope_in_section(scope: Scope, headings: tuple[str, ...]) -> Scope:
    """A figure's scope completed by the headings above it: under "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM
    2024" a figure is a target, and of 2024 when its sentence names no year."""
    target = scope.target or any(regex("scope", "target_section_regex").search(h) for h in headings)
    years = scope.years
    for heading in reversed(headings):
        if years:
            break
        years = frozenset(years_in(heading))
    return replace(scope, target=target, years=years)
