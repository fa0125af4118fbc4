"""When a criteria status holds: now (the report's result), in the past (a baseline, an earlier
year, another commune, a village, another criteria set) or to come (a target, a plan, a later
year). The markers are in patterns/status_words.yaml and patterns/criteria.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from extractor.core.data import load_pattern
from extractor.core.regexes import compiled
from extractor.extract.criteria.grammar import LOOKBACK, MET, UNMET, Status, may_match, rx, tier
from extractor.extract.criteria_sets import DEFAULT_TIER
from extractor.structure.outline import text_to_sentences
from extractor.text.fold import strip_diacritics


def spans_of(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in regex.finditer(text)]


def any_within(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does a span of `spans` (sorted, disjoint) lie within [a, b)?"""
    lo = bisect_left(spans, a, key=lambda span: span[0])
    return lo < len(spans) and spans[lo][1] <= b


def mark_targets(text: str, statuses: list[Status], plan: bool, year: int | None = None,
                 commune: str | None = None) -> None:
    """A status under a target marker of its own clause ("phấn đấu đạt") or near a time to come
    ("trong năm tới") states a target; one under a baseline marker ("khi bắt đầu ... mới
    đạt"), or after an earlier year than the report's `year` in its clause, is past; one after
    a later year is a target. A year reaches no further than its clause, and a word of the
    present ("đến nay") after it brings the clause back to the report's time; so does one after
    a comma for a target word ("qua các năm phấn đấu, hiện nay xã đã đạt")."""
    p = rx()
    clauses = text_to_sentences(text)
    baselines, targets = spans_of(p.baseline, text), spans_of(p.target, text)
    # a plan word read as a status of its own is that status, no plan: the commune that keeps its
    # criteria ("Xã tiếp tục duy trì, giữ vững 12 tiêu chí đã đạt chuẩn (...)") states them met
    targets = [t for t in targets if not any(s.start <= t[0] and t[1] <= s.end and not s.target for s in statuses)]
    futures = spans_of(p.future, text)
    turns = spans_of(p.present_turn, text) if targets else []
    # a year closing the stretch after a status is that status's time alone (`_trailing_years`)
    trailing, trailing_ends = _trailing_years(text, statuses, clauses)
    # (end, year) of each year named before a status; a present-time word gives None
    times = sorted([(m.end(), int(m.group("y"))) for m in p.status_year.finditer(text) if m.end() not in trailing_ends]
                   + [(m.end(), None) for m in p.now.finditer(text)], key=lambda t: t[0])
    ends = [t[0] for t in times]
    village = p.c["village_subject"].match(text) is not None
    # a year fronting the sentence ("Năm 2021 xã đạt ...; ...", "Tính đến năm 2021, ...") is the
    # time of the whole sentence until another time marker resets it
    front = p.c["year_front"].match(text)
    front_end = front.end() if front else -1
    # in a report about the advanced set, statements about that set are its own
    other_sets = tier() == DEFAULT_TIER
    other_set_front = other_sets and p.c["other_set_front"].match(text) is not None
    indicator_words = may_match("indicator_subject", text)
    corrections = spans_of(p.c["correction_marker"], text) if may_match("correction_marker", text) else []
    records = may_match("erroneous_record", text)
    ci = 0
    # statuses come sorted by start: the clause before each is walked once
    for s in statuses:
        while ci < len(clauses) - 1 and not (s.start < clauses[ci][1] or clauses[ci][1] == len(text)):
            ci += 1
        clause_start = clauses[ci][0] if clauses else 0
        k = bisect_left(ends, s.start + 1) - 1
        last_year = times[k][1] if k >= 0 and (times[k][0] > clause_start or times[k][0] == front_end) else None
        if id(s) in trailing:
            last_year = trailing[id(s)]
        now_after_base = k >= 0 and times[k][0] > clause_start and (
            times[k][1] is None or _report_year_turn(text, baselines, clause_start, times[k], year))
        s.past = (any_within(baselines, clause_start, s.start) and not now_after_base) or bool(
            year is not None and last_year is not None and last_year < year)
        # a status of another subject ("toàn huyện có xã A đã đạt ...") is not the commune's
        s.past = s.past or p.c["other_commune"].search(text, max(clause_start, s.start - LOOKBACK),
                                                         s.start) is not None
        # an indicator of a criterion as the subject ("5/7 chỉ tiêu của tiêu chí Môi trường đạt")
        s.past = s.past or (indicator_words and p.c["indicator_subject"].search(
            text, max(clause_start, s.start - LOOKBACK), s.start) is not None)
        # a commune named other than the report's `commune` ("Xã Phú Lâm đạt 15/19 tiêu chí")
        s.past = s.past or (commune is not None and _names_other_commune(text, max(clause_start, s.start - LOOKBACK),
                                                                         s.start, commune))
        # a clause with no commune of its own goes on speaking of the one named last before it in
        # the sentence ("Xã Bình An đạt 17/19 tiêu chí; tiêu chí 10 chưa đạt")
        s.past = s.past or (commune is not None and clause_start > 0
                            and _carries_other_commune(text, clause_start, s.start, commune))
        # a village's own status ("Thôn Nà Làng đạt 15/19 tiêu chí; chưa đạt ..."): not the
        # commune's, through the sentence unless the commune comes back as the subject
        s.past = s.past or (village and p.c["commune_word"].search(text, 0, s.start) is None)
        # a village named inside the commune's sentence ("Xã có thôn A đạt ...", "trong đó
        # thôn B chưa đạt ..."): the village's status, in its clause
        s.past = s.past or p.c["village_within"].search(text, max(clause_start, s.start - LOOKBACK),
                                                        s.start) is not None
        # a status of another criteria set than the report's: its topic before the status in the
        # clause ("xã NTM nâng cao đã đạt 10 tiêu chí"), or fronting the whole sentence ("Đối với
        # Bộ tiêu chí xã NTM nâng cao, xã đã đạt ...; chưa đạt ...")
        # A reason given after a comma ("chưa đủ điều kiện xây dựng xã NTM kiểu mẫu, vì còn 2
        # tiêu chí chưa đạt") is the commune's own standing: the topic before it does not reach it
        s.past = s.past or other_set_front or (
            other_sets and p.c["other_set_topic"].search(text, _after_reason(text, clause_start, s.start),
                                                         s.start) is not None)
        # what an earlier report recorded, corrected after it ("ghi nhầm là “đạt”, nay sửa lại
        # là “chưa đạt”"): the error, of no time of the report's
        s.past = s.past or (records and is_corrected_record(text, s.start, corrections))
        # a later year than the report's states what is to come ("năm 2025 đạt 19/19")
        # a time to come before the status in its clause, or shortly after it in the same
        # stretch of words ("đạt thêm tiêu chí 17 trong năm tới")
        # "unmet" describes the commune now even inside a plan ("phấn đấu hoàn thành 02 tiêu chí
        # chưa đạt là ..."): nobody plans to miss a criterion, so a plan word does not make it a
        # target (the plan part of a report, a time to come still do)
        planned = s.status != UNMET and any_within(targets, clause_start, s.start) and not (
            turns and any_within(turns, _last_start_before(targets, s.start), s.start))
        s.target = plan or planned or any_within(
            futures, clause_start, s.start) or _future_after(text, s.end, futures) or bool(
            year is not None and last_year is not None and last_year > year)


def is_corrected_record(text: str, pos: int, corrections: list[tuple[int, int]]) -> bool:
    """Is what stands at `pos` an earlier report's error: recorded wrongly ("ghi nhầm là “đạt”"),
    or recorded ("ghi là 15 tiêu chí") and corrected after it in its sentence (`corrections`:
    the correction markers)?"""
    record = rx().c["erroneous_record"].search(text, max(0, pos - 24), pos)
    if record is None:
        return False
    if record.group("wrong"):
        return True  # "ghi nhầm là ...": an error whatever follows
    sentences = text_to_sentences(text)
    i = next((k for k, (a, b) in enumerate(sentences) if a <= pos < b), None)
    if i is None:
        return any(pos < a for a, _ in corrections)
    end = sentences[i][1]
    # a clause after ';' still speaks of the record ("ghi xã đạt 10 tiêu chí; đây là số liệu của
    # kỳ báo cáo trước")
    if i + 1 < len(sentences) and text[:end].rstrip().endswith(";"):
        end = sentences[i + 1][1]
    return any(pos < a < end for a, _ in corrections)


def _after_reason(text: str, start: int, pos: int) -> int:
    """Where the last reason opened after a comma between `start` and `pos` begins (`start` when none)."""
    out = start
    for m in rx().c["reason_opener"].finditer(text, start, pos):
        out = m.end()
    return out


def _last_start_before(spans: list[tuple[int, int]], pos: int) -> int:
    """Where the last span of `spans` (sorted, disjoint) that ends by `pos` starts."""
    i = bisect_left(spans, pos, key=lambda span: span[1])
    while i > 0 and spans[i - 1][1] > pos:
        i -= 1
    return spans[i - 1][0] if i > 0 else 0


def _name_key(name: str) -> str:
    # "Cư M’gar" is "Cư M'gar": the typographic apostrophe is the same letter-joiner
    return " ".join(strip_diacritics(name.replace("’", "'")).lower().split())


@lru_cache(maxsize=1)
def _name_stops() -> frozenset[str]:
    return frozenset(_name_key(w) for w in load_pattern("criteria")["commune_name_stops"])


def is_own_commune_label(label: str, commune: str | None) -> bool:
    """Is a table cell that names a commune ("An Hải", "Xã An Hải") the report's own `commune`?"""
    if commune is None:
        return False
    m = rx().c["commune_word"].match(label.strip())
    named = label.strip()[m.end():] if m else label
    return _name_key(named.strip(" .:*")) == _name_key(commune)


def _names_other_commune(text: str, start: int, end: int, commune: str) -> bool:
    """Does the last commune named as a subject in text[start:end] ("xã Phú Lâm") differ from
    the report's `commune`? Its name is the run of capitalised words (or a number, "Phường 3")
    after "xã"; a lower-case word after "xã" is no name ("xã đã đạt"), and such a mention
    ("Xã Tân Lập (xã bạn) đạt") leaves the last named one to decide."""
    for m in reversed(list(rx().c["named_commune_subject"].finditer(text, start, end))):
        words = _commune_name_words(m.group("name"))
        if words is None:
            return False  # a title in capitals, where the status word cannot be told apart
        if not words:
            continue
        own = _name_key(commune)
        named = _name_key(" ".join(words))
        # the name may run into the next capitalised word ("xã Tân Hòa Đã đạt" is rare; "Xã Tân
        # Hòa, huyện ..." is cut by the comma): the report's own name at its start is the report's
        return not (named == own or named.startswith(own + " "))
    return False


def _carries_other_commune(text: str, clause_start: int, pos: int, commune: str) -> bool:
    """Is text[clause_start:pos] without a commune of its own, after a clause whose last named
    commune is not the report's `commune`? A commune named without a name ("xã đã đạt", "xã ta")
    is the report's own."""
    subject = rx().c["named_commune_subject"]
    if subject.search(text, clause_start, pos) is not None:
        return False
    last = max(subject.finditer(text, 0, clause_start), key=lambda m: m.start(), default=None)
    words = _commune_name_words(last.group("name")) if last is not None else None
    if not words:
        return False
    own, named = _name_key(commune), _name_key(" ".join(words))
    return not (named == own or named.startswith(own + " "))


def _commune_name_words(name: str) -> list[str] | None:
    """The words of a commune's name after "xã": the capitalised ones (or a number) at its start;
    none when the first is a verb of the statement ("Xã Có 16 Tiêu Chí"); None for capitals."""
    first = name.split()[0]
    if _name_key(first) in _name_stops():
        return []
    words: list[str] = []
    for word in name.split():
        if not (word[0].isupper() or word.isdigit()) or (word.isupper() and len(word) > 1 and not words):
            break
        words.append(word)
    if any(w.isupper() and len(w) > 1 for w in words):
        return None
    return words


def _trailing_years(text: str, statuses: list[Status],
                    clauses: tuple[tuple[int, int], ...]) -> tuple[dict[int, int | None], set[int]]:
    """Years that close a stretch of words after a status ("đạt tiêu chí 1, 2 năm 2021."): the
    time of the nearest status before them in their clause ("từ năm 2019", since, gives None:
    the status holds now). Returns {id(status): year} and the ends of those years."""
    if not statuses or not may_match("trailing_year", text):
        return {}, set()
    found: dict[int, int | None] = {}
    ends: set[int] = set()
    for m in rx().c["trailing_year"].finditer(text):
        clause_start = next((a for a, b in clauses if a <= m.start() < b), 0)
        i = bisect_left(statuses, m.start(), key=lambda st: st.start) - 1
        if i < 0 or statuses[i].start < clause_start or statuses[i].end > m.start():
            continue
        if rx().c["comparison_before_year"].search(text, statuses[i].end, m.start()):
            continue  # the other term of a comparison ("tăng 1 so với cuối năm 2023")
        found[id(statuses[i])] = None if m.group("since") else int(m.group("y"))
        ends.add(m.end())
    return found, ends


_SAME_STRETCH = compiled(r"[^.:;!?\n]{0,80}")


def text_to_recognition(text: str, statuses: list[Status], year: int | None) -> list[tuple[int, int, bool]]:
    """Spans of "xã được công nhận đạt chuẩn NTM năm <the report's year>": every criterion of the
    set met. A recognition of another year (named after it, fronting the sentence, or in the
    date of its decision) says nothing of the report's time. One without any year, in a report
    written after it ("Xã đã được công nhận đạt chuẩn NTM."), still means the whole set met, but
    weakly: any other count or unmet criterion of the report wins (the third item, `implied`).
    A target or past status inside it, or several communes as its subject, say nothing."""
    c = rx().c
    front = c["year_front"].match(text)
    front_year = int(front.group(0)[-4:]) if front else None
    out = []
    found = list(c["recognised_standard"].finditer(text))
    if may_match("attained_standard", text):
        found += [m for m in c["attained_standard"].finditer(text)
                  if not any(f.start() < m.end() and m.start() < f.end() for f in found)]
    for m in found:
        named = int(m.group("y")) if m.group("y") else front_year
        if named is None and (dated := rx().at["recognition_date"].match(text, m.end())):
            named = int(dated.group("y"))
        inside = [s for s in statuses if m.start() <= s.start < m.end()]
        if not inside or not all(s.status == MET and not (s.target or s.past) for s in inside):
            continue
        if c["recognition_other_subject"].search(text, max(0, m.start() - LOOKBACK), m.start()):
            continue
        if named is None:
            out.append((m.start(), m.end(), True))
        elif year is not None and named == year:
            out.append((m.start(), m.end(), False))
    return out


def _future_after(text: str, pos: int, futures: list[tuple[int, int]]) -> bool:
    i = bisect_left(futures, (pos, pos))
    if i == len(futures):
        return False
    stretch = _SAME_STRETCH.match(text, pos)
    # a clause of a part of what the status governs ("..., trong đó năm tới ...") has a time of its own
    return stretch is not None and futures[i][1] <= stretch.end() \
        and rx().future_stop.search(text, pos, futures[i][0]) is None


def _report_year_turn(text: str, baselines: list[tuple[int, int]], clause_start: int,
                      time: tuple[int, int | None], year: int | None) -> bool:
    """The report's own year named after a baseline and a comma turns the clause back to now as
    "đến nay" does ("Từ chỗ chỉ có 7 tiêu chí năm 2020, đến năm 2023 xã đã đạt 17"); inside the
    baseline's own words ("khi bắt đầu năm 2023 xã mới đạt 6") it is the baseline's year."""
    before = [b[1] for b in baselines if clause_start <= b[0] and b[1] <= time[0]]
    return (year is not None and time[1] == year and bool(before)
            and "," in text[max(before):time[0]])
