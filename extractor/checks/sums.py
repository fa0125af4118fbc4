"""sum_mismatch: parts that exceed their total, or fall short of it when the split reads as
complete ("452 ha, trong đó: + 445 ha + 7 ha", "138 hội viên (116 ..., 10 ...)")."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from extractor.checks.data import config, regex
from extractor.checks.flags import SeverityPath, figure_evidence, make_flag, number_list, unit_name
from extractor.checks.index import Placed, Report, decimals, same_kind, sentence_of
from extractor.core.model import Figure, Flag
from extractor.core.regexes import compiled
from extractor.structure.outline import text_to_sentences


def _marker_depth(text: str) -> int | None:
    markers = config()["sum"]["item_markers"]
    stripped = text.lstrip()
    for depth, m in enumerate(markers):
        if stripped.startswith(m):
            return depth
    return None


def _approximate(f: Figure) -> bool:
    return (f.qualifier or "").casefold() in {q.casefold() for q in config()["sum"]["approximate_qualifiers"]}


def _last_before(own: list[Placed], starts: list[int], lo: int, hi: int, units: set[str]) -> Placed | None:
    """The last figure (in start order) of an additive unit inside [lo, hi): a backward walk
    from `hi` that stops at `lo`, so a long block is not rescanned for every breakdown word."""
    for k in range(bisect_right(starts, hi) - 1, -1, -1):
        p = own[k]
        if p.start < lo:
            break
        if p.end <= hi and p.figure.unit in units:
            return p
    return None


def _last_of_kind(own: list[Placed], starts: list[int], lo: int, hi: int, part: Figure) -> Placed | None:
    """The last figure inside [lo, hi) that `part` may be a part of."""
    for p in reversed(_within(own, starts, lo, hi)):
        if same_kind(p.figure, part):
            return p
    return None


def _within(own: list[Placed], starts: list[int], lo: int, hi: int) -> list[Placed]:
    """The figures inside [lo, hi), in start order, found by binary search."""
    out: list[Placed] = []
    for k in range(bisect_left(starts, lo), len(own)):
        p = own[k]
        if p.start > hi:
            break
        if p.end <= hi:
            out.append(p)
    return out


def _ends_with_mark(text: str, end: int) -> bool:
    """`text[:end]` ends with a sentence mark and whitespace, read backwards without a copy."""
    k = end - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k >= 0 and text[k] in ".;!?"


def sum_mismatch(rep: Report) -> list[Flag]:
    """A total followed by "trong đó" and its parts, in the list items of the next blocks
    ("452 ha, trong đó: / + 445 ha / + 7 ha") or later in the same sentence, where the parts
    may be separated by ';' ("369,5 ha, trong đó: cây hàng năm 307,1 ha; cây lâu năm 57,4 ha.")."""
    cfg = config()["sum"]
    lead_in = regex("sum", "lead_in_end_regex")
    breakdown = regex("sum", "breakdown_regex")
    units = set(cfg["additive_units"]) | {"percent"}
    flags: list[Flag] = []
    for pos, ob in enumerate(rep.outline.blocks):
        text = ob.text
        matches = list(breakdown.finditer(text))
        if not matches:
            continue
        own = rep.in_block(pos)
        starts = rep.starts_in_block(pos)
        spans = text_to_sentences(text, split_on_semicolon=False)
        tail = lead_in.search(text)
        bracketed = "(" in text or ")" in text
        for i, m in enumerate(matches):
            k = sentence_of(spans, m.start())
            s_start, s_end = spans[k]
            placed_total = _last_before(own, starts, s_start, m.start(), units)
            # "Tổng vốn 124.940 triệu đồng. Trong đó, vốn ...; vốn ...": a sentence opened by
            # the breakdown word splits the last amount of the sentence before
            opening = placed_total is None and k > 0 and not text[s_start:m.start()].strip(_MARKS)
            if opening:
                after = _within(own, starts, m.end(), s_end)
                if not after and tail and tail.start() == m.start() and pos + 1 < len(rep.outline.blocks):
                    after = rep.in_block(pos + 1)  # "... 2.150 triệu đồng. Trong đó:" and its list items
                placed_total = _total_before(own, starts, spans[k - 1], after, units)
            if placed_total is None or (bracketed and _bracket_depth(text, s_start, m.start()) > 0):
                continue  # "8,5 km (trong đó 6 km)": an aside's breakdown is read with its parts
            total = placed_total.figure
            if tail and tail.start() == m.start():
                parts, complete = _list_parts(rep, pos, total)
                short = ("sum", "short_severity") if complete and len(parts) >= 2 else None
            else:
                # "trong đó:" with a colon, or opening its sentence, announces the whole
                # breakdown, which may run over ';'; otherwise the parts end with the clause
                colon = ":" in m.group()
                if not (colon or opening):
                    semi = text_to_sentences(text)
                    s_end = min(s_end, semi[sentence_of(semi, m.end())][1])
                # the matches are in order: the next one outside brackets is the nearest
                end = next((n.start() for n in matches[i + 1:] if n.start() >= s_end or not bracketed
                            or _bracket_depth(text, m.end(), n.start()) <= 0), s_end)
                end = min(end, s_end)
                within = _within(own, starts, m.end(), end)
                if within and not same_kind(total, within[0].figure):
                    # "hiến 5.200 m2 đất và 1.350 ngày công; trong đó thôn 1 hiến 2.000 m2, ...":
                    # two or more parts split the amount of their own kind before the breakdown
                    # word, if no breakdown word stands between ("trường A gồm 5 lớp với 116 học
                    # sinh, trường B gồm 19 lớp ...": the 5 classes are a part themselves)
                    lo = max([s_start] + [n.end() for n in matches[:i] if n.end() <= m.start()])
                    placed_total = _last_of_kind(own, starts, lo, m.start(), within[0].figure)
                    if placed_total is None or sum(same_kind(placed_total.figure, p.figure) for p in within) < 2:
                        continue  # "trường B gồm 19 lớp với 481 học sinh": a breakdown of something else
                    total = placed_total.figure
                parts = _siblings(rep, text, m.end(), within, total)
                # a sentence cut by the end of the block (a page break in a PDF) may go on
                finished = _ends_with_mark(text, end) or end < len(text.rstrip())
                # "trong đó:" announces the whole split; without the colon two or more parts
                # may still be only some categories, so a shortfall is a note, not a warning
                short = None
                if finished and len(parts) >= 2:
                    short = ("sum", "short_severity" if colon else "short_uncertain_severity")
            if short and total.unit in cfg["overlap_prone_units"]:
                short = ("sum", "short_overlap_severity")
            flag = _scoped_flag(rep, placed_total, parts, short)
            if flag:
                flags.append(flag)
    flags.extend(_bracketed_sums(rep, units))
    return flags


# what may stand before a breakdown word that opens its sentence: list marks and spaces
_MARKS = " \t-–+*•"


def _total_before(own: list[Placed], starts: list[int], span: tuple[int, int], after: list[Placed],
                  units: set[str]) -> Placed | None:
    """The total a sentence-opening breakdown word splits: the last figure of the sentence
    `span` before it of the kind of the first figure after the word."""
    if not after:
        return None
    first = after[0].figure
    for p in reversed(_within(own, starts, span[0], span[1])):
        if p.figure.unit in units:
            return p if same_kind(p.figure, first) else None
    return None


def _bracket_depth(text: str, lo: int, hi: int) -> int:
    """Brackets opened and not closed in `text[lo:hi]` (negative: closed more than opened)."""
    part = text[lo:hi]
    return part.count("(") - part.count(")")


def _siblings(rep: Report, text: str, lo: int, within: list[Placed], total: Figure) -> list[Placed]:
    """The parts of `total` among the figures after its breakdown word: figures of its kind,
    less those that are parts of a part (in brackets, or after "riêng" or a nested "trong
    đó")."""
    sub = regex("sum", "subpart_regex")
    parts: list[Placed] = []
    prev = lo
    depth = 0  # brackets opened since the breakdown word, counted as the figures go
    for p in within:
        lead, prev = text[prev:p.start], p.end
        depth += lead.count("(") - lead.count(")")
        if not same_kind(total, p.figure):
            continue
        if depth < 0:
            break  # the breakdown was in brackets that closed: what follows is not its
        if depth > 0 or sub.search(lead):
            continue
        if len(parts) >= 2 and ";" in text[parts[-1].end:p.start] and _adds_up(total, parts):
            break  # "...: A 1.980 ha, B 390 ha, C 80 ha; diện tích lúa 640 ha": the split was whole
        parts.append(p)
    return parts


def _tolerance(total: Figure, values: list[float]) -> float:
    """How far parts may be from their total: a share of it, and never less than half a unit
    of the last digit written."""
    d = max([decimals(total.value)] + [decimals(v) for v in values])
    return float(max(config()["sum"]["relative_tolerance"] * abs(total.value), 0.5 * 10 ** -d))


def _adds_up(total: Figure, parts: list[Placed]) -> bool:
    if total.unit == "percent":
        return False  # shares are checked against 100, not against the total
    values = [p.figure.value for p in parts]
    return abs(sum(values) - total.value) <= _tolerance(total, values)


def _scoped_flag(rep: Report, total: Placed, parts: list[Placed], short: SeverityPath | None) -> Flag | None:
    """The flag for parts that do not make their total, once the figures of another place,
    time or status are set apart (a district's figure, a sum over years after one year's
    total, a plan after a result: "...; lũy kế đến nay 120 tỷ đồng"). Their scope is read
    only when the parts as written do not add up: a split that holds needs no reading."""
    flag = _sum_flag(total.figure, [p.figure for p in parts], short)
    if flag is None:
        return None
    whole = rep.figure_scope(total)
    kept = [p.figure for p in parts if whole.may_hold(rep.figure_scope(p))]
    if len(kept) == len(parts):
        return flag
    # with a part set apart the split is no longer the whole one the words announced
    return _sum_flag(total.figure, kept, short if len(kept) >= 2 else None)


# words but no other number or clause break between the total and the bracket
_BRACKET = compiled(r"[^()\d;.:]{0,80}?\(([^()]*)\)")


def _bracketed_sums(rep: Report, units: set[str]) -> list[Flag]:
    """A total with its parts in brackets after it in the same clause: "138 hội viên đăng ký
    (116 hội viên cấp xã, 10 hội viên cấp huyện)". Two or more parts read as the whole split."""
    not_parts = regex("sum", "bracket_not_parts_regex")
    flags: list[Flag] = []
    for pos, ob in enumerate(rep.outline.blocks):
        own = rep.in_block(pos)
        starts = rep.starts_in_block(pos)
        for placed in own:
            total = placed.figure
            if total.unit not in units:
                continue
            m = _BRACKET.match(ob.text, placed.end)
            if m is None or not_parts.match(m.group(1)):
                continue  # "giảm 25 hộ (từ 65 hộ xuống 42 hộ)": the change's two ends, no parts
            # "138 hội viên (năm 2022 là 116 hội viên, ...)": another year's or a plan's figures
            # in brackets compare with the total, they are not its parts
            parts = [p for p in _within(own, starts, m.start(1), m.end(1)) if same_kind(total, p.figure)]
            if len(parts) >= 2:
                flag = _scoped_flag(rep, placed, parts, ("sum", "short_severity"))
                if flag:
                    flags.append(flag)
    return flags


def _list_parts(rep: Report, pos: int, total: Figure) -> tuple[list[Placed], bool]:
    """The parts in the list items after block `pos`: the first figure of the total's kind in
    each item; `complete` is False when some item has none."""
    lead_depth = _marker_depth(rep.text(pos))
    parts: list[Placed] = []
    complete = True
    item_depth: int | None = None  # the depth of the first item: deeper items are parts of parts
    for nxt in range(pos + 1, len(rep.outline.blocks)):
        depth = _marker_depth(rep.text(nxt))
        if depth is None or (lead_depth is not None and depth <= lead_depth):
            break
        if item_depth is None:
            item_depth = depth
        if depth > item_depth:
            continue  # "- Ngân sách nhà nước 5.100 triệu đồng: / + trung ương ... / + tỉnh ..."
        if depth < item_depth:
            break
        own = [p for p in rep.in_block(nxt) if same_kind(total, p.figure)]
        if own:
            parts.append(own[0])
        else:
            complete = False
    return parts, complete


def _sum_flag(total: Figure, parts: list[Figure], short_severity: SeverityPath | None) -> Flag | None:
    """The flag for parts that exceed their total, or fall short of it when the split reads
    as complete (`short_severity` given)."""
    cfg = config()["sum"]
    if not parts or _approximate(total) or any(_approximate(p) for p in parts):
        return None
    s = sum(p.value for p in parts)
    tol = _tolerance(total, [p.value for p in parts])
    evidence = [figure_evidence(total)] + [figure_evidence(p) for p in parts]
    listed = number_list([p.value for p in parts])
    if total.unit == "percent":
        if s > 100 + tol:
            if any(p.value > 100 + tol for p in parts):
                severity = "part_exceeds_severity"
            elif all(p.value > total.value + tol for p in parts):
                # "tỷ lệ hộ nghèo 3,2%, trong đó: hộ DTTS chiếm 65%, hộ có người khuyết tật
                # 20%, ...": shares of the poor households, whose categories may overlap
                severity = "overlap_severity"
            else:
                severity = "exceed_severity"
            return make_flag("sum_mismatch", ("sum", severity), "percent_parts_exceed", evidence,
                             sum=round(s, 6), parts=listed)
        return None
    if s > total.value + tol:
        if any(p.value > total.value + tol for p in parts):
            severity = "part_exceeds_severity"
        elif total.unit in cfg["overlap_prone_units"] and len(parts) > 1:
            severity = "overlap_severity"
        else:
            severity = "exceed_severity"
        return make_flag("sum_mismatch", ("sum", severity), "sum_exceeds_total", evidence,
                         sum=round(s, 6), total=total.value, unit=unit_name(total.unit), parts=listed)
    if short_severity and s < total.value - tol:
        return make_flag("sum_mismatch", short_severity, "sum_short_of_total", evidence,
                         sum=round(s, 6), total=total.value, unit=unit_name(total.unit), parts=listed)
    return None
