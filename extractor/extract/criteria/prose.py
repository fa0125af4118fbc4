"""Criteria statements in running text: a status phrase bound to the references it governs.

Sentences are read in order; a group of references takes the status right after it, else the
last one before it, else one left open by an earlier sentence ("Các tiêu chí chưa đạt:" over a
list). Statements under a target marker or in the plan part of the report become targets; a
per-section verdict ("Đánh giá tiêu chí: Đạt") is about the one criterion its heading names.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from extractor.core.model import Location
from extractor.extract.criteria.counts import text_to_counts
from extractor.extract.criteria.grammar import (
    MET,
    TARGET,
    UNMET,
    Claim,
    Count,
    Group,
    Ref,
    State,
    Status,
    at_list_start,
    bullet_to_group,
    continuation_to_group,
    first_at,
    items_line_to_groups,
    lookup,
    may_match,
    may_name_criteria,
    may_state_criteria,
    named_line_to_group,
    named_title_number,
    names,
    overruled_by_pronoun,
    rx,
    status_through_pronoun,
    text_to_groups,
    text_to_statuses,
    tier,
)
from extractor.extract.criteria.tables import other_time_cells
from extractor.extract.criteria.tense import mark_targets, text_to_recognition
from extractor.extract.criteria.view import paragraphs_join
from extractor.extract.criteria_sets import ADVANCED_TIER, DEFAULT_TIER
from extractor.structure.outline import Outline, heading_to_component, text_to_sentences
from extractor.structure.tables import TableGrid
from extractor.text.fold import unmarked


class Unit(NamedTuple):
    """A stretch of text read as one: a block, or a table row joined with " | "."""

    text: str
    pieces: list[tuple[int, int, int]]  # (outline block index, start in text, end in text)
    blocks: tuple[int, ...]
    is_cell: bool = False
    heading: bool = False
    plan: bool = False
    ocr: bool = False  # read by OCR: its slips are allowed for in lists and names

    def location(self, outline: Outline, start: int, end: int) -> Location:
        for i, ps, pe in self.pieces:
            if ps <= start <= pe:
                return outline.location(i, start - ps, min(end, pe) - ps)
        i, ps, pe = self.pieces[-1]
        return outline.location(i, pe - ps, pe - ps)


# the longest list marker a sentence may be ("XVIII. ", "1.12) ")
_MARKER_MAX = 10


def _segments(text: str) -> list[tuple[int, int]]:
    """Sentence spans without the whitespace around them (blank ones dropped); clauses cut
    by ';' stay together, since a list of criteria may run over them."""
    spans: list[tuple[int, int]] = []
    marker = rx().c["item_marker"]
    held: int | None = None  # the start of a list item's marker cut off as a sentence ("a.")
    for a, b in text_to_sentences(text, split_on_semicolon=False):
        seg = text[a:b]
        if not seg.strip():
            continue
        start = a + len(seg) - len(seg.lstrip()) if held is None else held
        # a list item's marker ("a.", "II.", "1.2.") is read with the item it numbers: alone it
        # would be a sentence that ends the list the item continues; dot leaders ("Quy hoạch
        # ........ Đạt") join a name to its status
        if (len(seg) <= _MARKER_MAX and marker.match(seg)) or (".." in seg and seg.rstrip().endswith("..")):
            held = start
            continue
        held = None
        spans.append((start, a + len(seg.rstrip())))
    if held is not None:
        spans.append((held, len(text.rstrip())))
    return spans


def _plan_flags(outline: Outline) -> list[bool]:
    """Per outline block: does it stand in the plan part (phương hướng, nhiệm vụ, mục tiêu)?"""
    p = rx()
    judged: dict[str, bool] = {}  # a heading is judged once, not once per block under it

    def is_plan(text: str) -> bool:
        verdict = judged.get(text)
        if verdict is None:
            verdict = judged[text] = bool(p.plan_heading.search(text)) and not p.result_heading.search(text)
        return verdict

    flags: list[bool] = []
    part_plan = False
    blocks = outline.blocks
    # part headings ("Phần thứ hai") are judged together with their title, below
    parts = {ob.text.strip() for ob in blocks if ob.level == 0}
    for i, ob in enumerate(blocks):
        if ob.level == 0:
            title = ob.text
            # the part title often stands in the paragraph after "Phần thứ hai"
            for nxt in blocks[i + 1:i + 3]:
                if nxt.level is None and nxt.text.isupper():
                    title += " " + nxt.text
                else:
                    break
            part_plan = is_plan(title)
        inner = [h for h in ob.headings if h not in parts]
        own = [ob.text] if ob.level not in (None, 0) else []
        flags.append(part_plan or any(is_plan(h) for h in inner + own))
    return flags


def _other_set_flags(outline: Outline) -> list[bool]:
    """Per outline block: does it stand under a heading about another criteria set only ("II.
    XÂY DỰNG XÃ NÔNG THÔN MỚI NÂNG CAO")? Its statements are that set's, whose numbers mean
    other criteria. A heading that also names the basic programme ("Kết quả xây dựng NTM và
    NTM nâng cao") is not one."""
    c = rx().c
    judged: dict[str, bool] = {}
    if tier() != DEFAULT_TIER:
        # a report about the advanced set: its sections about that set are its own
        return [False] * len(outline.blocks)

    def other_only(text: str) -> bool:
        verdict = judged.get(text)
        if verdict is None:
            rest = c["other_set_topic"].sub(" ", text)
            verdict = judged[text] = rest != text and not c["programme_word"].search(rest)
        return verdict

    return [any(other_only(h) for h in (*ob.headings, *([ob.text] if ob.level is not None else [])))
            for ob in outline.blocks]


# how many blocks from the top may hold the report's title (after the letterhead)
_TITLE_BLOCKS = 15


def outline_to_tier(outline: Outline) -> str:
    """The tier of the criteria set a report is about: "advanced" when its title (the blocks
    before its first numbered heading or statement) is about the advanced set only ("Kết quả xây dựng xã
    nông thôn mới nâng cao năm 2024"), else the standard tier. A title that also names the
    programme itself ("... xây dựng NTM và NTM nâng cao") is a standard report."""
    c = rx().c
    for ob in outline.blocks[:_TITLE_BLOCKS]:
        if ob.level not in (None, 0) or text_to_statuses(ob.text):
            break  # the body has begun: a heading, or a statement ("xã đã đạt ...") is no title
        topic_only = not c["programme_word"].search(c["other_set_topic"].sub(" ", ob.text))
        if topic_only and c["advanced_topic"].search(ob.text):
            return ADVANCED_TIER
    return DEFAULT_TIER


def _units(outline: Outline, grids: dict[int, TableGrid], skip: set[int], plan: list[bool]) -> list[Unit]:
    """Blocks in order, table rows joined into one unit (cells of criteria tables skipped)."""
    row_of: dict[int, tuple[int, int]] = {}
    tables = {t: {r: [(col, span.block) for col, span in grid.row_cells(r)] for r in grid.rows()}
              for t, grid in grids.items()}
    for t, rows in tables.items():
        for r, cells in rows.items():
            for _, i in cells:
                row_of[i] = (t, r)
    for rows in tables.values():
        _carry_merged_cells(outline, rows)
    units: list[Unit] = []
    done: set[tuple[int, int]] = set()

    def ocr(i: int) -> bool:
        return outline.blocks[i].block.confidence is not None

    for i, ob in enumerate(outline.blocks):
        if i in skip:
            continue
        if i in row_of:
            key = row_of[i]
            if key in done:
                continue
            done.add(key)
            parts: list[str] = []
            pieces: list[tuple[int, int, int]] = []
            pos = 0
            for _, j in tables[key[0]][key[1]]:
                if j in skip:
                    continue
                cell_text = outline.blocks[j].text
                if parts:
                    parts.append(" | ")
                    pos += 3
                parts.append(cell_text)
                pieces.append((j, pos, pos + len(cell_text)))
                pos += len(cell_text)
            idx = tuple(p[0] for p in pieces)
            units.append(Unit("".join(parts), pieces, idx, is_cell=True,
                               plan=any(plan[j] for j in idx), ocr=any(ocr(j) for j in idx)))
        else:
            prev = units[-1] if units else None
            if (prev is not None and not prev.is_cell and not prev.heading and ob.level is None
                    and prev.blocks[-1] == i - 1 and prev.plan == plan[i] and paragraphs_join(prev.text, ob.text)):
                # a wrapped line made a paragraph of its own goes on with the one above
                start = len(prev.text) + 1
                units[-1] = prev._replace(text=prev.text + " " + ob.text, blocks=(*prev.blocks, i),
                                          pieces=[*prev.pieces, (i, start, start + len(ob.text))],
                                          ocr=prev.ocr or ocr(i))
                continue
            units.append(Unit(ob.text, [(i, 0, len(ob.text))], (i,),
                               heading=ob.level is not None, plan=plan[i], ocr=ocr(i)))
    return units


def _carry_merged_cells(outline: Outline, rows: dict[int, list[tuple[int, int]]]) -> None:
    """A cell merged over the rows below it (a label written once for a group of rows, Word's
    vertical merge) heads each row it spans: "Chấm đạt" over "1, 2, …" and "cộng 18 tiêu chí"."""
    for r in sorted(rows):
        for col, i in list(rows[r]):
            cell = outline.blocks[i].block.cell
            for below in range(r + 1, r + (cell.row_span if cell is not None else 1)):
                if below in rows:
                    rows[below] = sorted([*rows[below], (col, i)])


def _heading_numbers(heading: str, size: int) -> frozenset[int]:
    """The criterion numbers a heading names, in the tier and the reading (folded or not) of
    the report being read: an unmarked heading ("Tieu chi so 5") names 5 read folded only."""
    return _heading_numbers_read(heading, size, tier(), unmarked())


@lru_cache(maxsize=1024)
def _heading_numbers_read(heading: str, size: int, tier_read: str, read_unmarked: bool) -> frozenset[int]:
    """Read once per heading, not once per verdict under it (the text, the tier and the reading
    decide them: a cache keyed by the text alone answered one reading with the other's)."""
    return frozenset(r.number for g in text_to_groups(heading, size) for r in g.refs)


def _heading_criterion(state: State, unit: Unit) -> int | None:
    """The one criterion the section of a verdict is about, from its headings inward-out:
    a numbered reference, a name ("- Về giao thông:"), or a programme component serving a
    single criterion. None when the section covers several."""
    ob = state.outline.blocks[unit.blocks[0]]
    size = state.cset.size
    for h in reversed(ob.headings):
        numbers = _heading_numbers(h, size)
        if numbers:
            return next(iter(numbers)) if len(numbers) == 1 else None
        lead = rx().c["heading_lead"].match(h)
        nm = names().match(h, lead.end() if lead else 0)
        if nm and lookup(nm.group(0)) is not None:
            return lookup(nm.group(0))
        comp = heading_to_component(h)
        if comp is not None:
            served = state.cset.components.get(comp, ())
            return served[0] if len(served) == 1 else None
    if ob.component is not None:
        served = state.cset.components.get(ob.component, ())
        return served[0] if len(served) == 1 else None
    return None


class _Segment(NamedTuple):
    """One sentence of a unit, with its status phrases."""

    unit: Unit
    position: int  # the unit's position
    start: int  # offset of the sentence in the unit's text
    text: str
    statuses: list[Status]

    def claim(self, outline: Outline, number: int, status: str, source: str, start: int, end: int,
              ref: Ref | None = None, text: str | None = None) -> Claim:
        location = self.unit.location(outline, self.start + start, self.start + end)
        return Claim(number, status, source, self.text[start:end] if text is None else text,
                      location, self.position, ref)


def _status_after_label(statuses: list[Status], label: re.Match[str] | None) -> Status | None:
    """The status right after a verdict label; a status word inside the label is part of the
    label ("Đánh giá mức độ đạt: Cơ bản đạt")."""
    if label is None:
        return None
    i = first_at(statuses, label.end())
    if i < len(statuses) and statuses[i].start == label.end():
        return statuses[i]
    # a status that opens with the tick the label took as its mark ("Đánh dấu: ☒ Đạt ☐ Chưa đạt")
    return next((s for s in statuses if s.start < label.end() < s.end
                 and _TICK_ONLY.fullmatch(label.string, s.start, label.end())), None)


_TICK_ONLY = re.compile(r"[\W_xX]*")


def _closes_verdict(seg: _Segment, status: Status) -> bool:
    """Does `status`, after a label, close its line as a verdict? Nothing but the line's end
    follows it, or the criterion as its object ("Xã tự chấm: Đạt tiêu chí"), or a mark or short
    remark whose status words, if any, are plans ("Chưa đạt - đang hoàn thiện")."""
    c = rx().c
    rest = seg.text[status.end:]
    if status is seg.statuses[-1] and (c["named_line_rest"].match(rest) or c["this_criterion_after"].match(rest)):
        return True
    return c["verdict_remark"].match(rest) is not None \
        and all(s.target for s in seg.statuses if s.start >= status.end)


def _verdict_or_opening(state: State, seg: _Segment) -> Status | None:
    """A sentence without criterion references: a section verdict ("Đánh giá tiêu chí: Đạt"),
    or a statement whose status the lists of the next sentences take ("Các tiêu chí chưa
    đạt:"). Returns the status waiting for a list."""
    statuses = seg.statuses
    c = rx().c
    vm = c["verdict"].match(seg.text)
    label_status = _status_after_label(statuses, vm)
    if label_status is None:
        # any short label before a colon, when a status alone follows it ("- Nhận xét: Đạt")
        vm = c["verdict_any"].match(seg.text)
        label_status = _status_after_label(statuses, vm)
        if label_status is None:
            # no label, only an arrow or a bracket before the status ("=> Đạt", "(Chưa đạt)")
            vm = c["verdict_bare"].match(seg.text)
            label_status = _status_after_label(statuses, vm)
        # what follows the status: nothing but the line's end, or the criterion itself as the
        # status's object ("Xã tự chấm: Đạt tiêu chí", "=> Tiêu chí này: Chưa đạt tiêu chí")
        if label_status is not None and not _closes_verdict(seg, label_status):
            label_status = None
    if label_status is None and len(statuses) == 1:
        # "Tiêu chí này đã đạt.", "Đến nay xã đạt tiêu chí.": the section's criterion
        st = statuses[0]
        head = seg.text[:st.start].rstrip()
        gap = len(seg.text[:st.start]) - len(head)
        # the commune is the subject: a short lead-in, no count or other subject ("có 240 hộ
        # hội viên đạt tiêu chí" is about households)
        commune_speaks = c["this_criterion_lead"].fullmatch(head) is not None
        if commune_speaks and ((c["this_criterion_before"].search(head) and gap
                                and c["named_line_rest"].match(seg.text[st.end:]))
                               or c["this_criterion_after"].match(seg.text[st.end:])):
            number = _heading_criterion(state, seg.unit)
            number = state.title_criterion if number is None else number
            if number is not None and not st.target and not st.past:
                state.verdicts.append(seg.claim(state.outline, number, st.status, "verdict", 0, len(seg.text),
                                                text=seg.text.strip()))
            return None
    if label_status is not None:
        number = _heading_criterion(state, seg.unit)
        if number is None and not _is_title_indicator(state, seg.unit):
            # an indicator's own line ("17.1. Tỷ lệ hộ ...: đạt") is no verdict of its criterion
            number = state.title_criterion
        st = label_status
        if number is not None and not st.target:
            state.verdicts.append(seg.claim(state.outline, number, st.status, "verdict", 0, len(seg.text),
                                            text=seg.text.strip()))
        return None
    if not statuses or c["criteria_word"].search(seg.text) is None:
        return None  # no status waits for a list: most sentences end here, before the searches below
    if c["this_criterion_after"].match(seg.text[statuses[-1].end:]):
        return None  # "Đạt tiêu chí" (a verdict cell): the criterion is its object, no list follows
    # a heading opens the list under it by its first sentence; a later one is a statement of its own
    heading_opens = seg.unit.heading and not seg.unit.text[:seg.start].strip()
    ends_open = bool(c["opening_end"].search(seg.text)) or heading_opens or seg.unit.is_cell \
        or (seg.text.rstrip().endswith("?") and c["status_question"].search(seg.text) is not None) \
        or c["list_prompt"].search(seg.text) is not None \
        or c["list_label"].fullmatch(seg.text) is not None
    return statuses[-1] if ends_open else None


def _group_claims(state: State, seg: _Segment, groups: list[Group], pending: Status | None) -> Status | None:
    """Claims of each group of references in a sentence, with the status right after it, else
    the last one before it, else the one waiting from an earlier sentence. Returns the status
    left waiting for the next sentence's lists (a statement ending in ':' before a list)."""
    follow_gap = rx().c["follow_gap"]
    exclusion = rx().c["exclusion_lead"]
    text, statuses = seg.text, seg.statuses
    last_source: str | None = None
    last_chosen: Status | None = None
    for gi, g in enumerate(groups):
        chosen: Status | None = None
        after = [s for s in statuses if s.start >= g.end]
        nxt_group = groups[gi + 1].start if gi + 1 < len(groups) else len(text)
        if after and after[0].start <= nxt_group and (follow_gap.match(text[g.end:after[0].start])
                                                      or _comma_verdict(text, g.end, after[0], nxt_group)):
            chosen = after[0]
            chosen.used_after = True
            last_source = "after"
            if chosen.past:
                chosen = _later_status(text, after, nxt_group) or chosen
            elif (later := _overruling_verdict(text, g.end, after, nxt_group)) is not None:
                chosen = later
                chosen.used_after = True
        elif after and after[0].start <= nxt_group and _topic_before(text, g.start) \
                and rx().c["topic_gap"].match(text[g.end:after[0].start]):
            # "Đối với tiêu chí Y tế, xã xác định chưa đạt": the criterion put first as the topic
            # of its sentence or of a clause after ':' or ';' ("Trả lời: về Điện, xã đã đạt; về
            # Y tế, xã chưa đạt")
            chosen = after[0]
            chosen.used_after = True
            last_source = "after"
        elif (later := status_through_pronoun(text, g.end, after, nxt_group)) is not None:
            chosen = later
            chosen.used_after = True
            last_source = "after"
        else:
            before = [s for s in statuses if s.end <= g.start]
            # a status an earlier list took after it is that list's: it ends the reach of any
            # status before it ("Xã giữ vững 15 tiêu chí; tiêu chí 7, 19 chưa đạt, trong đó
            # tiêu chí 19 phấn đấu ..." gives the last list no status)
            closed = next((i for i in range(len(before) - 1, -1, -1) if before[i].used_after), None)
            if closed is not None:
                before = before[closed + 1:]
            if before:
                chosen = before[-1]
                last_source = "colon" if ":" in text[chosen.end:g.start] else "before"
                if (later := overruled_by_pronoun(text, g.end, after, nxt_group)) is not None \
                        and not later.past and not later.target:
                    chosen = later
                    chosen.used_after = True
                    last_source = "after"
            elif pending is not None and closed is None:
                chosen = pending
                last_source = "pending"
        if chosen is None or chosen.past:
            continue
        status = chosen.status
        if last_source in ("before", "colon") and chosen.status in _OPPOSITE and \
                exclusion.search(text, max(chosen.end, g.start - 60), g.start):
            # "đạt tất cả các tiêu chí, trừ tiêu chí số 10": the list is the exception
            status = _OPPOSITE[chosen.status]
            if not chosen.target:
                state.rest.append(seg.claim(state.outline, 0, chosen.status, "rest", chosen.start, g.end))
        # ... or "chỉ còn <list> là chưa đạt", unless a plan word before it makes what is left a
        # goal ("phấn đấu đến cuối năm chỉ còn tiêu chí 10 chưa đạt")
        remaining = rx().c["remaining_status"].fullmatch(text, chosen.start, chosen.end) or (
            last_source == "after" and rx().c["remaining_lead"].search(text, max(0, g.start - 40), g.start)
            and rx().target.search(text, 0, g.start) is None)
        if status == UNMET and not chosen.target and remaining:
            # "chỉ còn 2 tiêu chí là Y tế, Văn hóa": what is left is unmet, every other criterion met
            # its evidence the whole statement, from the lead or the status to the list's end
            a, b = min(chosen.start, g.start), max(chosen.end, g.end)
            if (lead := rx().c["remaining_lead"].search(text, max(0, g.start - 40), g.start)) is not None:
                a = min(a, lead.start())
            # ... unless what is left is left of a group ("trong nhóm hạ tầng, chỉ còn ...")
            if rx().c["remaining_within_group"].search(text, max(0, a - 120), a) is None:
                state.rest.append(seg.claim(state.outline, 0, MET, "rest", a, b))
        for ref in g.refs:
            claim = seg.claim(state.outline, ref.number, status, "list", ref.start, ref.end, ref)
            claim.added = chosen.added and status == chosen.status
            if chosen.target:
                claim.status = TARGET
                state.targets.append(claim)
            else:
                state.claims.append(claim)
        last_chosen = chosen
    own_after_last = any(s.start >= groups[-1].end for s in statuses)
    if last_chosen is not None and not own_after_last and rx().at["list_open_end"].match(text, groups[-1].end):
        return last_chosen  # the list goes on in the next block
    if last_source == "pending" and not own_after_last:
        return pending
    if last_source == "colon" and not own_after_last:
        return next(s for s in reversed(statuses) if s.end <= groups[-1].start)
    return None


_OPPOSITE = {MET: UNMET, UNMET: MET}


def _topic_before(text: str, start: int) -> bool:
    """Does a topic lead ("về", "đối với") open the clause right before `start`? The clause
    starts the sentence or follows its last ':' or ';'."""
    cut = max(text.rfind(":", 0, start), text.rfind(";", 0, start))
    return rx().c["topic_lead"].match(text[cut + 1:start]) is not None


def _comma_verdict(text: str, end: int, status: Status, limit: int) -> bool:
    """A status after a comma that closes its clause is the verdict of the list before it
    ("kiểm tra lại Điện, Y tế, vẫn chưa đạt."): the comma and a word of time or persistence
    stand between them, and no list follows the status in its clause (else the status is that
    list's: "đạt tiêu chí 7, chưa đạt tiêu chí 9")."""
    if rx().c["comma_verdict_gap"].match(text[end:status.start]) is None:
        return False
    return limit >= len(text) or any(ch in text[status.end:limit] for ch in ",;.")


def _overruling_verdict(text: str, end: int, after: list[Status], limit: int) -> Status | None:
    """An authority's later verdict overruling the status the commune gave itself right after a
    list ("Các tiêu chí 9; 12 xã tự đánh giá đạt nhưng chưa đủ hồ sơ, Đoàn thanh tra kết luận
    chưa đạt"): the self-assessment in the gap, a contrast, then a verdict lead before `limit`."""
    c = rx().c
    own = after[0]
    if c["self_assessed_gap"].search(text, end, own.start) is None:
        return None
    for s in after[1:]:
        if s.start > limit:
            return None
        if s.target or s.past or c["overruling_contrast"].search(text, own.end, s.start) is None:
            continue
        if c["overruling_verdict_lead"].search(text, max(own.end, s.start - 40), s.start) is not None:
            return s
    return None


def _later_status(text: str, after: list[Status], limit: int) -> Status | None:
    """The status of a later time right after an earlier year's status of the same criterion
    ("năm 2022 chưa đạt, đến năm 2023 đã đạt"), when it is of the report's time."""
    if len(after) < 2 or after[1].start > limit or after[1].past:
        return None
    gap = rx().at["later_status_gap"].match(text, after[0].end, after[1].start)
    if gap is None or gap.end() != after[1].start:
        return None
    after[1].used_after = True
    return after[1]


def _rest_claims(state: State, seg: _Segment, groups: list[Group]) -> None:
    """ "The other criteria" with a status of their own: "các tiêu chí còn lại đều đạt",
    "xã đã đạt các tiêu chí khác". A list right after them ("2 tiêu chí còn lại là ...")
    makes them an ordinary list instead, and so does one right after their status ("các tiêu
    chí còn lại chưa đạt là Thu nhập; Y tế")."""
    c = rx().c
    text = seg.text
    for m in c["rest_subject"].finditer(text):
        if any(g.start >= m.end() and c["count_list_gap"].match(text[m.end():g.start]) for g in groups):
            continue
        chosen = None
        after = [s for s in seg.statuses if s.start >= m.end()]
        before = [s for s in seg.statuses if s.end <= m.start()]
        if after and c["rest_gap"].match(text[m.end():after[0].start]):
            chosen = after[0]
        elif before and c["rest_gap"].match(text[before[-1].end:m.start()]) and \
                c["rest_tail"].match(text[m.end():]):
            chosen = before[-1]
        if chosen is not None and chosen.start >= m.end() and any(
                g.start >= chosen.end and c["count_list_gap"].match(text[chosen.end:g.start]) for g in groups):
            # "các tiêu chí còn lại chưa đạt, gồm tiêu chí 5, 10": the list after the status
            # is what the rest is; the criteria it does not name are not thereby of that status
            continue
        if chosen is None or chosen.past or chosen.target:
            continue
        state.rest.append(seg.claim(state.outline, 0, chosen.status, "rest", m.start(), max(m.end(), chosen.end)))
        put_first = [g for g in groups if g.end <= m.start()]
        if chosen.status in _OPPOSITE and put_first and c["exclusion_first"].match(text[:put_first[0].start]) \
                and not any(s.start < put_first[-1].end for s in seg.statuses):
            # "Ngoại trừ Thu nhập, Y tế, các tiêu chí còn lại đều đạt" (or "..., xã đã hoàn thành
            # các tiêu chí còn lại"): the list put first is the exception, of the opposite status
            # (every group before the subject: a name and its number after a dash, "Thu nhập -
            # TC10", are read as two)
            for ref in (r for g in put_first for r in g.refs):
                state.claims.append(seg.claim(state.outline, ref.number, _OPPOSITE[chosen.status], "list",
                                              ref.start, ref.end, ref))


def _all_counts(state: State, seg: _Segment) -> None:
    """Every criterion of the set with a status and no count ("Tất cả các tiêu chí đều đạt",
    "xã đã đạt toàn bộ các tiêu chí."): a count of the whole set, as "19/19" would be. The
    status must close the sentence: an exception after it ("..., trừ tiêu chí 10") is read as
    such elsewhere."""
    c = rx().c
    text = seg.text
    for m in c["all_subject"].finditer(text):
        after = [s for s in seg.statuses if s.start >= m.end()]
        before = [s for s in seg.statuses if s.end <= m.start()]
        chosen = None
        if after and c["rest_gap"].match(text[m.end():after[0].start]) and c["rest_tail"].match(text[after[0].end:]):
            chosen = after[0]
        elif before and c["rest_gap"].match(text[before[-1].end:m.start()]) and c["rest_tail"].match(text[m.end():]):
            chosen = before[-1]
        if chosen is not None and chosen.status == MET and not chosen.past and not chosen.target:
            _count_whole_set(state, seg, min(m.start(), chosen.start), max(m.end(), chosen.end))
    for m in c["none_unmet_subject"].finditer(text) if may_match("none_unmet_subject", text) else ():
        # "không còn tiêu chí nào chưa đạt": the same as every criterion met
        st = next((s for s in seg.statuses if s.start == m.end()), None)
        if st is not None and st.status == UNMET and not st.past and not st.target \
                and c["rest_tail"].match(text[st.end:]):
            _count_whole_set(state, seg, m.start(), st.end)


def _count_whole_set(state: State, seg: _Segment, start: int, end: int) -> None:
    """A count of every criterion of the set met, stated by the words at [start, end)."""
    state.counts.append(Count(state.cset.size, MET, seg.text[start:end],
                              seg.unit.location(state.outline, seg.start + start, seg.start + end),
                              seg.position))


def _all_but_contrast(state: State, seg: _Segment, groups: list[Group]) -> None:
    """"Tất cả các tiêu chí đều đạt, riêng tiêu chí 17 chưa đạt": every criterion with a status,
    then a contrast naming the exceptions with a status of their own. The criteria the contrast
    does not name take the first status, as "các tiêu chí còn lại đều đạt" (no count of the set)."""
    c = rx().c
    text = seg.text
    for m in c["all_subject"].finditer(text):
        after = [s for s in seg.statuses if s.start >= m.end()]
        if len(after) < 2 or not c["rest_gap"].match(text[m.end():after[0].start]) \
                or not (contrast := c["all_but_contrast"].match(text[after[0].end:])):
            continue
        first = after[0]
        if first.past or first.target or any(g.start < first.end + contrast.end() for g in groups):
            continue
        state.rest.append(seg.claim(state.outline, 0, first.status, "rest", m.start(), first.end))


def _title_criterion(text: str, groups: list[Group], statuses: list[Status]) -> int | None:
    """The criterion of a line that only names it ("Tiêu chí 10 - Thu nhập")."""
    c = rx().c
    if statuses or len(groups) != 1 or len(groups[0].refs) != 1:
        return None
    g = groups[0]
    if c["title_before"].match(text[:g.start]) and c["title_after"].match(text[g.end:]):
        return g.refs[0].number
    # the name before its bracketed number ("Tiêu chí Quy hoạch (tiêu chí số 1)")
    if c["title_bracket_close"].match(text[g.end:]) and (nm := names().whole.search(text, 0, g.start)) is not None \
            and lookup(nm.group(0)) == g.refs[0].number and c["title_before"].match(text[:nm.start()]) \
            and c["title_bracket_open"].match(text[nm.end():g.start]):
        return g.refs[0].number
    return None


def _subject_criterion(state: State, seg: _Segment, groups: list[Group]) -> tuple[int, Status | None] | None:
    """A sentence opened by one criterion and a colon, its findings after ("Tiêu chí số 11 về
    Nghèo đa chiều: tỷ lệ hộ nghèo 3,5%, đạt."): (the criterion, the status that closes the
    sentence in a clause of its own, if any). None for any other sentence, or when a status
    stands right after the criterion (an ordinary statement)."""
    c = rx().c
    if len(groups) != 1 or len(groups[0].refs) != 1:
        return None
    g, text = groups[0], seg.text
    if not (c["title_before"].match(text[:g.start]) and rx().at["subject_open"].match(text, g.end)):
        return None
    after = [st for st in seg.statuses if st.start >= g.end]
    if any(st.end <= g.start for st in seg.statuses) or (after and c["follow_gap"].match(text[g.end:after[0].start])):
        return None
    if not after:
        return g.refs[0].number, None
    last = after[-1]
    rest = text[last.end:]
    closing = c["verdict_clause_lead"].search(text, g.end, last.start) is not None and not (last.target or last.past) \
        and (c["named_line_rest"].match(rest) is not None or c["this_criterion_after"].match(rest) is not None)
    return g.refs[0].number, last if closing else None


def _in_criteria_summary(state: State, unit: Unit) -> bool:
    """Does `unit` stand under a heading about the criteria as a whole ("II. KẾT QUẢ THỰC HIỆN
    CÁC TIÊU CHÍ") and about no single criterion?"""
    if unit.heading or unit.plan or unit.is_cell or state.title_criterion is not None:
        return False
    word = rx().c["criteria_word"]
    ob = state.outline.blocks[unit.blocks[0]]
    return any(word.search(h) for h in ob.headings) and _heading_criterion(state, unit) is None


def _summary_claims(state: State, seg: _Segment) -> bool:
    """Counts and lists of a summary line that does not say "tiêu chí" ("Đạt: 17; Chưa đạt: 2
    (10, 17)", "đạt 17/19; chưa đạt: số 10, 17"), each right after its status. Returns whether
    the line held any."""
    at = rx().at
    text, size = seg.text, state.cset.size
    found = False
    for st in seg.statuses:
        if st.target or st.past:
            continue
        count = at["summary_count"].match(text, st.end)
        if count is not None:
            n, of = int(count.group("n")), count.group("of")
            if n > size or (of is not None and int(of) != size):
                continue
            location = seg.unit.location(state.outline, seg.start + st.start, seg.start + count.end())
            state.counts.append(Count(n, st.status, text[st.start:count.end()], location, seg.position))
            found = True
            bracket = at["summary_bracket"].match(text, count.end())
            pos = bracket.end() if bracket else None
        else:
            gap = at["summary_list_gap"].match(text, st.end)
            pos = gap.end() if gap else st.end
        group = at_list_start(text, pos, size) if pos is not None and pos < len(text) else None
        if group is None or not at["list_end"].match(text, group.end):
            continue
        for ref in group.refs:
            state.claims.append(seg.claim(state.outline, ref.number, st.status, "list", ref.start, ref.end, ref))
        found = True
    return found


def _pending_item_now(state: State, seg: _Segment, pending: Status) -> bool:
    """Is a list item that counts criteria under an opening waiting for its lists ("Số tiêu chí
    đạt qua các mốc:" over "+ Hiện nay (năm 2023): 11 tiêu chí, cụ thể ...") of the report's
    time? Its count is then the opening's status's; an item of a baseline or an earlier year
    ("+ Khởi điểm: 05 TC;") claims nothing, its list neither. Any other line: True."""
    m = rx().c["count_item_lead"].match(seg.text)
    if m is None or int(m.group("n")) > state.cset.size:
        return True
    st = Status(m.start("n"), m.end(), pending.status)
    # the label and its count read as one clause: the label's colon cuts no time off the count
    mark_targets(seg.text[:m.end()].replace(":", " "), [st], False, state.year, state.commune)
    if st.past or st.target:
        return False
    state.counts.append(Count(int(m.group("n")), pending.status, seg.text[m.start("n"):m.end()],
                              seg.unit.location(state.outline, seg.start + m.start("n"), seg.start + m.end()),
                              seg.position))
    return True


# the longest list item that names one criterion alone: a marker, the longest name, a mark
_BULLET_TITLE_MAX = 120


def _bullet_criterion(unit: Unit) -> int | None:
    """The criterion a list item names alone ("• Giao thông", over "→ Đạt" on the next line): the
    subject of the verdict after it, as a title line's is."""
    # such an item is a marker and one name: a longer text is none (and is not searched)
    if unit.heading or unit.is_cell or len(unit.text) > _BULLET_TITLE_MAX or not rx().c["bullet_lead"].match(unit.text):
        return None
    named = bullet_to_group(unit.text)
    return named.refs[0].number if named is not None and len(named.refs) == 1 else None


def _end_title_at_heading(state: State, unit: Unit) -> None:
    """A heading ends the section of the line that named a criterion, unless it numbers one of
    that criterion's own indicators ("17.1. Tỷ lệ hộ ..." under "Tiêu chí số 17 - Môi trường"):
    the verdict after the indicators is still the criterion's."""
    if unit.heading and state.title_criterion is not None and not _is_title_indicator(state, unit):
        state.title_criterion = None


def _is_title_indicator(state: State, unit: Unit) -> bool:
    """Is `unit` a heading numbered as an indicator of the criterion the title line named?"""
    m = rx().c["indicator_heading"].match(unit.text) if unit.heading else None
    return m is not None and int(m.group("n")) == state.title_criterion


def outline_to_prose_claims(state: State, grids: dict[int, TableGrid], consumed: set[int]) -> None:
    """Claims, targets, verdicts and counts of every sentence outside the criteria tables
    (other tables read row by row, a row joined with " | ")."""
    units = _units(state.outline, grids, consumed | other_time_cells(grids, state.year), _plan_flags(state.outline))
    other_set = _other_set_flags(state.outline)
    size = state.cset.size
    pending: Status | None = None
    # the unit of the last list item that named a criterion alone, and that criterion
    bullet_title, bullet_number = -1, None
    for ui, unit in enumerate(units):
        if bullet_title == ui - 2 and state.title_criterion == bullet_number:
            # such an item names the subject of the line right after it only
            state.title_criterion = None
        if all(other_set[i] for i in unit.blocks):
            # another criteria set's section: nothing of it is the report's, and no list runs on
            pending = None
            _end_title_at_heading(state, unit)
            continue
        if pending is None and not may_state_criteria(unit.text):
            # nothing to read and no list waiting: only a heading's effect remains
            _end_title_at_heading(state, unit)
            if (number := _bullet_criterion(unit)) is not None or (
                    not unit.heading and not unit.is_cell and (number := named_title_number(unit.text)) is not None):
                # ... or a line naming one criterion and its own number ("Điện, số 4:")
                state.title_criterion, bullet_title, bullet_number = number, ui, number
            continue
        for a, b in _segments(unit.text):
            text = unit.text[a:b]
            if pending is None and not may_state_criteria(text):
                _end_title_at_heading(state, unit)
                continue
            seg = _Segment(unit, ui, a, text, text_to_statuses(text))
            if pending is None and not seg.statuses and not may_name_criteria(text):
                _end_title_at_heading(state, unit)
                continue
            if seg.statuses:
                mark_targets(text, seg.statuses, unit.plan, state.year, state.commune)
            groups = text_to_groups(text, size, ocr=unit.ocr)
            if not unit.plan:  # counts of the plan part are targets, never kept
                # the statuses and groups just read are the counts' own, unless OCR slips were allowed
                for s, e, n, status, target in text_to_counts(text, size, state.year, seg.statuses,
                                                               None if unit.ocr else groups, state.commune):
                    if not target:
                        state.counts.append(Count(n, status, text[s:e], unit.location(state.outline, a + s, a + e),
                                                  ui))
                for s, e, implied in text_to_recognition(text, seg.statuses, state.year):
                    state.counts.append(Count(size, MET, text[s:e], unit.location(state.outline, a + s, a + e), ui,
                                              implied))
            if not groups and pending is not None and (
                    more := bullet_to_group(text)
                    # a heading's own number ("2. Các tiêu chí chưa đạt") continues no list
                    or (None if unit.heading else continuation_to_group(text, size, unit.ocr))):
                groups = [more]
            if not groups and seg.statuses and (named := named_line_to_group(text, seg.statuses)):
                groups = [named]
            if not groups and len(seg.statuses) > 1 and ";" in text:
                groups = items_line_to_groups(text)
            if not groups and seg.statuses and pending is None and not rx().c["criteria_word"].search(text) \
                    and _in_criteria_summary(state, unit) and _summary_claims(state, seg):
                continue
            if not unit.text[:a].strip():
                _end_title_at_heading(state, unit)  # at the heading's first sentence, not its later ones
            if (title := _title_criterion(text, groups, seg.statuses)) is not None:
                state.title_criterion = title
            elif not groups and not seg.statuses and (title := named_title_number(text)) is not None:
                state.title_criterion = title  # "Điện, số 4:" over "Đánh dấu: Đạt"
            if pending is None and (subject := _subject_criterion(state, seg, groups)):
                number, closing = subject
                state.title_criterion = number
                if closing is not None:
                    state.verdicts.append(seg.claim(state.outline, number, closing.status, "verdict", 0, len(text),
                                                    text=text.strip()))
                    continue
            says_criteria = rx().c["criteria_word"].search(text) is not None
            if says_criteria or groups:
                # "the others" after criteria listed in the sentence by references alone ("TC 7
                # + TC 4 chưa đạt, còn lại đạt hết") are the rest of the set as well
                _rest_claims(state, seg, groups)
            if says_criteria and not unit.plan and seg.statuses and not groups:
                _all_counts(state, seg)
            elif says_criteria and not unit.plan and seg.statuses:
                _all_but_contrast(state, seg, groups)
            if pending is not None and not seg.statuses and not unit.plan \
                    and not _pending_item_now(state, seg, pending):
                continue  # "+ Năm 2020: 9 tiêu chí, cụ thể ...": an earlier time's row of the list
            if not groups and not seg.statuses and pending is not None and rx().c["count_item_line"].match(text):
                continue  # "+ Khởi điểm: 05 TC;": a count in the list the opening waits for, no end of it
            if not groups and not seg.statuses and pending is not None and text.rstrip().endswith("?"):
                continue  # "Xã đạt bao nhiêu tiêu chí? Là những tiêu chí nào?": one answer for both
            pending = _group_claims(state, seg, groups, pending) if groups else _verdict_or_opening(state, seg)
