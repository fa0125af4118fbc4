"""The report's date and periods, and from them the one year and criteria set of the report.

`outline_to_period` decides once, for the pipeline to pass to every reader: the year is the
end of the results period, else the year of the report date; the criteria set is the one in
force that year (schemas/criteria/*.yaml). The words are in patterns/identity.yaml.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import NamedTuple

from extractor.core.data import RegexesOnFirstUse, pattern_regexes
from extractor.core.model import Evidence, Location
from extractor.extract.criteria_sets import CriteriaSet, criteria_set_for_year
from extractor.structure.outline import Outline

HEADER_BLOCKS = 12  # the header (units, number, place and date, title) fits in these


def _rx() -> RegexesOnFirstUse:
    return pattern_regexes("identity")


def original_text(outline: Outline, i: int, start: int, end: int) -> tuple[str, Location]:
    """The report's own text (NFC, spaces collapsed) at normalized offsets of block `i`."""
    loc = outline.location(i, start, end)
    text = outline.blocks[i].block.text[loc.start:loc.end]
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text)), loc


def place_date_line(outline: Outline) -> tuple[int, re.Match[str]] | None:
    """The place-and-date line of the header ("Lục Bình, ngày 14 tháng 8 năm 2023")."""
    rx = _rx()
    for i, ob in enumerate(outline.blocks[:HEADER_BLOCKS * 2]):
        m = rx["place_date"].match(ob.text)
        if m and (rx["date"].search(ob.text) or rx["date_numeric"].search(ob.text)):
            return i, m
    return None


def outline_to_date(outline: Outline) -> tuple[str, Evidence] | None:
    """The report date from the place-and-date line (or a date line in the header):
    "2023-08-14", or "2023-08" when the day is left blank for signing."""
    rx = _rx()
    found = place_date_line(outline)
    candidates = [found[0]] if found else []
    candidates += [i for i in range(min(len(outline.blocks), HEADER_BLOCKS)) if i not in candidates]
    for i in candidates:
        text = outline.blocks[i].text
        if i != (found[0] if found else -1) and not rx["date_line_start"].match(text):
            continue
        m = rx["date"].search(text) or rx["date_numeric"].search(text)
        if not m:
            continue
        y, mo, d = int(m.group("y")), m.group("m"), m.group("d")
        if mo is None or not 1 <= int(mo) <= 12:
            value = f"{y}"
        elif d is None or not 1 <= int(d) <= 31:
            value = f"{y}-{int(mo):02d}"
        else:
            value = f"{y}-{int(mo):02d}-{int(d):02d}"
        return value, Evidence(*original_text(outline, i, m.start(), m.end()))
    return None


def outline_to_periods(outline: Outline) -> tuple[tuple[str, Evidence] | None, tuple[str, Evidence] | None]:
    """(results period, plan period): each range of years is classed by the nearest cue
    before it in its clause ("Kết quả ... giai đoạn 2021-2023, phương hướng ... 2023-2025");
    ranges in the title count three times. A single "năm 2023" in a result title is a period
    when no range is."""
    rx = _rx()
    scores: dict[str, Counter[str]] = {"result": Counter(), "plan": Counter()}
    first: dict[tuple[str, str], Evidence] = {}
    for i, ob in enumerate(outline.blocks):
        text = ob.text
        prev_end = 0
        for m in rx["period"].finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if not a <= b <= a + 10:
                prev_end = m.end()
                continue
            stop = max([prev_end, m.start() - 150]
                       + [x.end() for x in re.finditer(r"[.;)]", text[:m.start()])])
            window = text[stop:m.start()]
            cues = [(x.end(), "result") for x in rx["result_cue"].finditer(window)]
            cues += [(x.end(), "plan") for x in rx["plan_cue"].finditer(window)]
            prev_end = m.end()
            if not cues:
                continue
            kind = max(cues)[1]
            value = f"{a}-{b}"
            scores[kind][value] += 3 if i < HEADER_BLOCKS else 1
            first.setdefault((kind, value), Evidence(*original_text(outline, i, m.start(), m.end())))
    if not scores["result"]:
        for i, ob in enumerate(outline.blocks[:HEADER_BLOCKS]):
            ym = rx["single_year"].search(ob.text)
            if ym and rx["result_cue"].search(ob.text[:ym.start()]) and not rx["period"].search(ob.text):
                value = ym.group("y")
                scores["result"][value] += 1
                first.setdefault(("result", value), Evidence(*original_text(outline, i, ym.start(), ym.end())))
    out: list[tuple[str, Evidence] | None] = []
    for kind in ("result", "plan"):
        if scores[kind]:
            # `most_common(1)` is this `max` (the first of equals), less the import of heapq
            value = max(scores[kind], key=scores[kind].__getitem__)
            out.append((value, first[(kind, value)]))
        else:
            out.append(None)
    return out[0], out[1]


class ReportPeriod(NamedTuple):
    """When a report stands: its date, the periods it reports and plans, and the year that
    decides which criteria set reads it."""

    report_date: tuple[str, Evidence] | None
    results: tuple[str, Evidence] | None
    plan: tuple[str, Evidence] | None
    year: int | None
    # the set in force in `year`; with no year the newest set still reads criterion names
    criteria_set: CriteriaSet

    @property
    def criteria_set_id(self) -> str | None:
        """The set recorded for the report: none without a year, as nothing shows which."""
        return self.criteria_set.id if self.year else None

    @property
    def stated_year(self) -> int | None:
        """The year the report speaks from: the earlier of its date's year and `year` (a
        report dated 2023 for the period 2021-2025 states its 2023 results as current; one
        dated January 2024 for 2021-2023 too). A status of an earlier year is history."""
        dated = int(self.report_date[0][:4]) if self.report_date else None
        return min(y for y in (dated, self.year) if y is not None) if dated or self.year else None


def report_year(results: str | None, report_date: str | None) -> int | None:
    """The year whose criteria set applies: the end of the results period ("2021-2023" ->
    2023), else the year of the report date, else None."""
    if results:
        return int(results[-4:])
    return int(report_date[:4]) if report_date else None


def outline_to_period(outline: Outline) -> ReportPeriod:
    results, plan = outline_to_periods(outline)
    date = outline_to_date(outline)
    year = report_year(results[0] if results else None, date[0] if date else None)
    return ReportPeriod(date, results, plan, year, criteria_set_for_year(year))
