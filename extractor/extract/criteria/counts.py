"""Claimed counts of criteria: "đạt 17/19 tiêu chí", "Tổng số 14 tiêu chí xã đạt", "Số tiêu chí
chưa đạt: 5", counts in words ("mười bảy tiêu chí"). The words are in patterns/criteria.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from extractor.core.regexes import compiled
from extractor.extract.criteria.grammar import (
    BRACKET_END,
    LOOKBACK,
    MET,
    Group,
    Status,
    first_at,
    lookup,
    may_match,
    rx,
    text_to_groups,
    text_to_statuses,
)
from extractor.extract.criteria.tense import any_within, is_corrected_record, mark_targets, spans_of
from extractor.text.fold import per_reading
from extractor.text.spelled import number_words, words_to_number

_COUNT_STOP = compiled(r"[:;,.(]")


# made once per reading (folded or as written): one cache for both kept the first report's
# reading for every report after it
@per_reading
def _spelled_count_rx() -> re.Pattern[str]:
    words = sorted(number_words().all_words, key=len, reverse=True)
    alt = "|".join(map(re.escape, words))
    word = rx().c["criteria_word_or_abbrev"].pattern
    return compiled(rf"(?<!\w)(?P<w>(?:{alt})(?:[ ]+(?:{alt}))*)(?=[ ]+(?:{word})(?!\w))", re.IGNORECASE)


def digit_view(text: str) -> str:
    """`text` with counts of criteria spelled in words written in digits, padded to the same
    length so offsets hold: "mười bảy tiêu chí" -> "17       tiêu chí"."""
    if not rx().c["criteria_word_or_abbrev"].search(text):
        return text
    parts: list[str] = []
    pos = 0
    for m in _spelled_count_rx().finditer(text):
        n = words_to_number(m.group("w").split())
        if n is None or n > 99:
            continue
        digits = str(n)
        parts += [text[pos:m.start()], digits.ljust(m.end() - m.start())]
        pos = m.end()
    return "".join(parts) + text[pos:] if parts else text


def _status_after_list(text: str, pos: int, statuses: list[Status], groups: list[Group]) -> Status | None:
    """The status after the list that a count introduces: "13 tiêu chí là TC1 - TC6, TC8 đã
    đạt chuẩn". Only the first list after the count can be its list (sorted groups)."""
    at = rx().at
    lo = bisect_left(groups, pos, key=lambda g: g.start)
    if lo == len(groups):
        return None
    gap_end = groups[lo].start
    # a list of names with their references after them: "là quy hoạch (TC 1); ..."
    bracket = BRACKET_END.search(text, pos, gap_end)
    if bracket:
        for word in re.finditer(r"(?<!\w)\w", text[pos:bracket.start()]):
            k = pos + word.start()
            if lookup(text[k:bracket.start()]) is not None:
                gap_end = k
                break
    if not at["count_list_gap"].match(text, pos, gap_end):
        return None
    g = groups[lo]
    i = first_at(statuses, g.end)
    if i < len(statuses) and at["follow_gap"].match(text, g.end, statuses[i].start):
        return statuses[i]
    return None


def _status_of_closed_list(text: str, start: int, end: int, statuses: list[Status],
                           groups: list[Group]) -> Status | None:
    """The status of the list a count in brackets closes ("đã đạt: Quy hoạch; ...; Quốc phòng
    và An ninh (tổng cộng 19 tiêu chí)"): the last status before the list, none inside it."""
    at = rx().at
    k = bisect_left(groups, start, key=lambda g: g.end) - 1
    if k < 0 or groups[k].end > start or not at["count_closing_lead"].match(text, groups[k].end, start) \
            or not at["count_closing_tail"].match(text, end):
        return None
    i = first_at(statuses, groups[k].start)
    if i == 0 or (i < len(statuses) and statuses[i].start < start):
        return None
    return statuses[i - 1]


def _restated_count_status(text: str, start: int, said: Status, same_form: bool, year: int | None,
                           commune: str | None) -> Status | None:
    """The status of a count that restates an earlier count of the sentence at another time ("năm
    2023 con số này là 17/19 tiêu chí; đến năm 2024 đã là 18/19 tiêu chí"): the earlier count's
    status, at the time of its own clause (a past year's or a baseline's count is no claim). A
    lead that does not name the earlier count ("đã là") restates one of the same form only
    (`same_form`: both "N/19" or both bare): "năm 2021 còn 5 tiêu chí chưa đạt, đến nay đã là
    19/19 tiêu chí" counts no unmet criteria."""
    lead = rx().c["restated_count_lead"].search(text, max(0, start - 40), start)
    if lead is None or (lead.group("back") is None and not same_form):
        return None
    status = Status(lead.start(), start, said.status)
    mark_targets(text, [status], plan=False, year=year, commune=commune)
    return status


def _corrected_count_status(text: str, start: int, statuses: list[Status], year: int | None,
                            commune: str | None) -> Status | None:
    """The status of a corrected count ("số tiêu chí đạt ghi là 15 tiêu chí, nay đính chính lại là
    17 tiêu chí"): that of the status word before the record, at the time of the correction."""
    lead = rx().c["corrected_count_lead"].search(text, max(0, start - 40), start)
    if lead is None:
        return None
    before = [s for s in statuses if s.end <= lead.start() and not s.target]
    if not before:
        return None
    status = Status(lead.start(), start, before[-1].status)
    mark_targets(text, [status], plan=False, year=year, commune=commune)
    return status


def _own_cell_status(text: str, end: int, statuses: list[Status]) -> bool:
    """Does a status follow the count ending at `end` inside the same table cell (no cell border
    " | " before it, only the gap a count may leave before its status)?"""
    j = first_at(statuses, end)
    if j >= len(statuses):
        return False
    gap = text[end:statuses[j].start]
    return "|" not in gap and rx().at["count_right_gap"].match(text, end, statuses[j].start) is not None


def text_to_counts(text: str, size: int, year: int | None = None, statuses: list[Status] | None = None,
                   groups: list[Group] | None = None,
                   commune: str | None = None) -> list[tuple[int, int, int, str, bool]]:
    """Claimed counts: (start, end, n, status, target) for "Tổng số 14 tiêu chí xã đạt",
    "đạt 17/19 tiêu chí", "Số tiêu chí chưa đạt: 5". Counts of another scheme ("5 hộ đạt 8
    tiêu chí", "tiêu chí gia đình văn hóa"), totals other than the set size and counts of
    another time (a baseline, an earlier year than `year`) and of another named commune than
    `commune` are skipped. `statuses` (marked by
    `mark_targets` outside a plan) and `groups` of `text` may be handed in when the caller has
    read them; they are read again when counts spelled in words change the text."""
    c, at = rx().c, rx().at
    if not c["criteria_word_or_abbrev"].search(text):
        return []
    view = digit_view(text)
    spelled = view is not text
    text = view
    if spelled or statuses is None:
        statuses = text_to_statuses(text)
        mark_targets(text, statuses, plan=False, year=year, commune=commune)
    if spelled or groups is None:
        groups = text_to_groups(text, size)
    out: list[tuple[int, int, int, str, bool]] = []
    said: Status | None = None  # the status of the last count read in the sentence, of any time
    said_ratio = False  # whether that count was written "N/19"
    corrections = spans_of(c["correction_marker"], text) if may_match("correction_marker", text) else []
    added: list[int] = []  # counts of criteria newly met ("đạt thêm 2 tiêu chí"), parts of a total
    kept: list[int] = []  # indexes in `out` of counts kept met ("giữ vững 15 tiêu chí")
    for m in c["count_before"].finditer(text):
        n, of = int(m.group("n")), m.group("of") or m.group("of_words")
        if n > size or (of is not None and int(of) != size):
            continue
        if at["other_scheme"].match(text, m.end()):
            continue
        if corrections and is_corrected_record(text, m.start(), corrections):
            continue  # "ghi là 15 tiêu chí, nay đính chính lại là 17 tiêu chí": the error
        if corrections and at["struck_count_note"].match(text, m.end()):
            continue  # "11 tiêu chí (số này bị gạch, ghi đè lại thành 13 tiêu chí)": crossed out
        status = None
        # only the nearest status on either side can reach the count: a farther one would
        # have a status word in its gap, which the gap patterns do not allow
        i = first_at(statuses, m.start())
        nearest_left = statuses[i - 1] if i > 0 and statuses[i - 1].end <= m.start() else None
        if nearest_left and "|" in text[nearest_left.end:m.start()] and _own_cell_status(text, m.end(), statuses):
            nearest_left = None  # "| 13 tiêu chí đạt | 5 tiêu chí chưa đạt": a cell's count takes its own cell's status
        if nearest_left and nearest_left.added and not nearest_left.past \
                and at["added_count_gap"].match(text, nearest_left.end, m.start()):
            if nearest_left.status == MET:
                added.append(n)  # "đạt thêm 2 tiêu chí": a part added to the total
            continue
        if nearest_left and at["count_left_gap"].match(text, nearest_left.end, m.start()):
            status = nearest_left
            if c["other_subject"].search(text, max(0, status.start - LOOKBACK), status.start):
                continue
            if status.target:
                # the object of a plan with a status of its own right after it, which names them
                # ("sớm hoàn thành 3 tiêu chí còn chưa đạt là ..."): the criteria's status now
                j = first_at(statuses, m.end())
                right = statuses[j] if j < len(statuses) else None
                if right and not right.target and not right.past \
                        and not _COUNT_STOP.search(text, m.end(), right.start) \
                        and at["count_right_gap"].match(text, m.end(), right.start) \
                        and at["count_named_after_status"].match(text, right.end):
                    status = right
        else:
            j = first_at(statuses, m.end())
            right = statuses[j] if j < len(statuses) else None
            if right and (not _COUNT_STOP.search(text, m.end(), right.start)
                          or at["count_gap_comma"].match(text, m.end(), right.start)) and \
                    at["count_right_gap"].match(text, m.end(), right.start):
                status = right
        if status is None:
            status = _status_after_list(text, m.end(), statuses, groups)
        if status is None:
            status = _status_of_closed_list(text, m.start(), m.end(), statuses, groups)
        if status is None and corrections:
            status = _corrected_count_status(text, m.start(), statuses, year, commune)
        if status is None and said is not None:
            status = _restated_count_status(text, m.start(), said, said_ratio == (of is not None), year, commune)
        if status is not None:
            said, said_ratio = status, of is not None
        if status is not None and status.added and not status.past and status.start >= m.end():
            if status.status == MET:
                added.append(n)  # "2 tiêu chí mới đạt": the same part, the status after the count
            continue
        if status is not None and not status.past:
            if status.status == MET and not status.target and c["kept_status"].search(text, status.start, status.end):
                kept.append(len(out))
            out.append((m.start(), m.end(), n, status.status, status.target))
    if added and len(kept) == 1:
        # "giữ vững 15 tiêu chí và đạt mới 2 tiêu chí": the commune's total is the sum
        start, end, n, status_word, target = out[kept[0]]
        if n + sum(added) <= size:
            out[kept[0]] = (start, end, n + sum(added), status_word, target)
    for m in c["count_ratio_alone"].finditer(text):
        n, of = int(m.group("n")), int(m.group("of"))
        i = first_at(statuses, m.start())
        left = statuses[i - 1] if i > 0 and statuses[i - 1].end <= m.start() else None
        if of != size or n > size or left is None or left.past or \
                not at["count_left_gap"].match(text, left.end, m.start()):
            continue
        if c["other_subject"].search(text, max(0, left.start - LOOKBACK), left.start):
            continue
        out.append((m.start(), m.end(), n, left.status, left.target))
    baselines, targets = spans_of(rx().baseline, text), spans_of(rx().target, text)
    for m in c["count_after"].finditer(text):
        n, of = int(m.group("n")), m.group("of")
        if n > size or (of is not None and int(of) != size):
            continue
        mid = text_to_statuses(m.group("mid"))
        if not mid or any_within(baselines, 0, m.start()):
            continue
        if corrections and is_corrected_record(text, m.start("n"), corrections):
            continue  # "số tiêu chí đạt ghi là 15, nay đính chính lại là 17": the error
        # a plan word makes the count a target within its clause: a request before a semicolon
        # ("có ý kiến đề nghị làm rõ ...; xã xác nhận ..., số tiêu chí đạt giữ nguyên 16") is another's
        clause = text.rfind(";", 0, m.start()) + 1
        out.append((m.start(), m.end(), n, mid[-1].status, any_within(targets, clause, m.start())))
    # a year's label and a share of the whole set, no status word in its clause ("Năm 2023: 17
    # trên 19 tiêu chí, tăng so với năm trước"): the criteria met that year, counted when the
    # year is the report's
    for m in c["year_ratio_count"].finditer(text) if year is not None else ():
        n, of, y = int(m.group("n")), int(m.group("of")), int(m.group("y"))
        if y == year and of == size and n <= size and not any(a <= m.start("n") < b for a, b, *_ in out):
            out.append((m.start("n"), m.end(), n, MET, False))
    return out
