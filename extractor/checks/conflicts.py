"""conflicting_values: one thing stated with two values in one report. A sentence repeated
with one figure changed, an indicator stated differently in the text and in a table, a
single-valued indicator (patterns/checks.yaml) written with two values."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import Any

from extractor.checks.data import config, regex
from extractor.checks.flags import figure_evidence, indicator_name, make_flag, place_name, stated
from extractor.checks.index import Placed, Report, agree, close, comparable, same_amount
from extractor.checks.scope import report_year
from extractor.core.model import BlockKind, Figure, Flag


def _is_anchor(f: Figure) -> bool:
    minimum = config()["conflict"]["anchor_min"].get(f.unit)
    return minimum is not None and f.value >= minimum


def _years(text: str) -> set[str]:
    return set(regex("year").findall(text))


def _sentence_years(rep: Report, window: list[Placed]) -> set[str]:
    """The years a sentence names, its figures blanked out: "hiến 1970 m2" names no year."""
    start, end = rep.sentence_span(window[0])
    sentence = rep.text(window[0].pos)[start:end]
    spans = sorted((p.start - start, p.end - start) for p in window)
    if not all(0 <= a <= b <= len(sentence) for a, b in spans):
        text = list(sentence)  # a figure reaching out of its sentence: blanked as a list is
        for a, b in ((p.start - start, p.end - start) for p in window):
            text[a:b] = " " * (b - a)
        return _years("".join(text))
    # the sentence's pieces between figures and a space for each figure's character, joined
    # once: a list of every character was the check's largest own cost
    parts, done = [], 0
    for a, b in spans:
        if b > done:
            a = max(a, done)
            parts += [sentence[done:a], " " * (b - a)]
            done = b
    parts.append(sentence[done:])
    return _years("".join(parts))


def conflicting_values(rep: Report) -> list[Flag]:
    """Two sentences that repeat the same distinctive figures but differ in one of the same
    kind describe one thing with two values ("... 85.300.000đ, ... 400 ngày công, hiến 150
    m2" and later "... 85.300.000đ, ... 600 ngày công, hiến 150 m²"); and a single-valued
    indicator (patterns/checks.yaml) written with two values."""
    cfg = config()["conflict"]
    windows: dict[tuple[int, int], list[Placed]] = {}
    for p in rep.placed:
        windows.setdefault((p.pos, p.sentence), []).append(p)
    # only windows that share a distinctive figure are compared (an index keeps this linear
    # in practice: "0 đồng" or "100%" are never anchors)
    # A window repeated with the same figures (a paragraph copied, a heading restated) says
    # nothing new: only the first of each is compared, which keeps a repeated text linear.
    # An anchor shared by more distinct windows than `max_windows_per_anchor` is no longer
    # distinctive of one thing.
    # A window's signature is its figures' keys and its sentence's years; the years are read
    # only for a window with an anchor and the windows before it with its figures' keys (most
    # windows have no anchor, and nothing but their signature is asked of them).
    by_anchor: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
    by_keys: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
    years: dict[tuple[int, int], set[str]] = {}

    def years_of(key: tuple[int, int]) -> set[str]:
        if key not in years:
            years[key] = _sentence_years(rep, windows[key])
        return years[key]

    for key, items in windows.items():
        keys = tuple((_anchor_key(p.figure), p.figure.qualifier) for p in items)
        earlier = by_keys.setdefault(keys, [])
        anchor_keys = {_anchor_key(p.figure) for p in items if _is_anchor(p.figure)}
        if anchor_keys and not any(years_of(k) == years_of(key) for k in earlier):
            for a in anchor_keys:
                by_anchor.setdefault(a, []).append(key)
        earlier.append(key)
    limit = cfg["max_windows_per_anchor"]
    candidates = sorted({(k1, k2) for keys in by_anchor.values() if len(keys) <= limit
                         for k1, k2 in combinations(sorted(keys), 2)})
    flags: list[Flag] = []
    flagged: set[frozenset[int]] = set()
    for k1, k2 in candidates:
        w1, w2 = windows[k1], windows[k2]
        anchors = _anchor_pairs(w1, w2)
        if not anchors:
            continue
        y1, y2 = years_of(k1), years_of(k2)
        if y1 and y2 and not (y1 & y2):
            continue  # different years: different periods, not one thing told twice
        used1 = {id(a) for a, _ in anchors}
        used2 = {id(b) for _, b in anchors}
        differing = [(a, b) for a, b in _leftover_pairs([p for p in w1 if id(p) not in used1],
                                                        [p for p in w2 if id(p) not in used2])
                     if not (comparable(a.figure, b.figure) and agree(a.figure, b.figure))]
        if len(differing) != 1 or not comparable(differing[0][0].figure, differing[0][1].figure):
            continue  # several figures changed: two different things told alike, not one told twice
        if not rep.figure_scope(differing[0][0]).same_measure(rep.figure_scope(differing[0][1]),
                                                              report_year(rep.record)):
            continue  # a target beside a result, other communes beside this one
        for first, second in differing:
            severity = ("conflict", "anchored_severity" if len(anchors) >= cfg["anchors_for_error"]
                        else "one_anchor_severity")
            anchor_texts = "; ".join(x.figure.text for x, _ in anchors)
            evidence = [figure_evidence(first.figure), figure_evidence(second.figure)]
            for x, y in anchors:
                evidence += [figure_evidence(x.figure), figure_evidence(y.figure)]
            flags.append(make_flag(
                "conflicting_values", severity, "conflicting_values", evidence,
                a=stated(first.figure), b=stated(second.figure), place_a=place_name(rep.outline, first.pos),
                place_b=place_name(rep.outline, second.pos), anchors=anchor_texts))
            flagged.add(frozenset((id(first.figure), id(second.figure))))
    flags += _prose_table_conflicts(rep, flagged)
    flags += _single_valued_conflicts(rep, flagged)
    return flags


def _prose_table_conflicts(rep: Report, flagged: set[frozenset[int]]) -> list[Flag]:
    """An indicator the text states once and a table states once, with different values
    ("toàn xã còn 154 hộ nghèo" and the appendix row "Số hộ nghèo | hộ | - | 135"). An
    indicator the text gives several values of is used loosely there and is left alone."""
    target = regex("conflict", "target_regex")
    prose: dict[tuple[str, str], list[Placed]] = {}
    table: dict[tuple[str, str], list[Placed]] = {}
    units = set(config()["conflict"]["prose_table_units"])
    for p in rep.placed:
        f = p.figure
        if not f.indicator or f.unit not in units:
            continue
        if rep.outline.blocks[p.pos].block.kind is BlockKind.TABLE_CELL:
            table.setdefault((f.indicator, f.unit), []).append(p)
            continue
        s, e = rep.sentence_span(p)
        if not target.search(rep.text(p.pos)[s:e]):
            prose.setdefault((f.indicator, f.unit), []).append(p)
    flags: list[Flag] = []
    for key in sorted(set(prose) & set(table)):
        xs, ys = _distinct(prose[key]), _distinct(table[key])
        if len(xs) != 1 or len(ys) != 1:
            continue
        a, b = xs[0].figure, ys[0].figure
        amounts_a = {a.value} | ({a.total} if a.total is not None else set())
        amounts_b = {b.value} | ({b.total} if b.total is not None else set())
        if any(close(u, v) for u in amounts_a for v in amounts_b):
            continue
        flags.append(make_flag(
            "conflicting_values", ("conflict", "prose_table_severity"), "conflicting_values_table",
            [figure_evidence(a), figure_evidence(b)], indicator=indicator_name(key[0]),
            a=a.text, b=b.text, place_a=place_name(rep.outline, xs[0].pos)))
        flagged.add(frozenset((id(a), id(b))))
    return flags


def _distinct(items: list[Placed]) -> list[Placed]:
    out: list[Placed] = []
    for p in items:
        if not any(same_amount(p.figure, q.figure) for q in out):
            out.append(p)
    return out


def _anchor_key(f: Figure) -> tuple[Any, ...]:
    return (_kind(f), round(f.value, 6), None if f.total is None else round(f.total, 6))


def _anchor_pairs(w1: list[Placed], w2: list[Placed]) -> list[tuple[Placed, Placed]]:
    pairs: list[tuple[Placed, Placed]] = []
    taken: set[int] = set()
    for a in w1:
        if not _is_anchor(a.figure):
            continue
        for b in w2:
            if id(b) not in taken and comparable(a.figure, b.figure) and same_amount(a.figure, b.figure):
                pairs.append((a, b))
                taken.add(id(b))
                break
    return pairs


def _kind(f: Figure) -> tuple[Any, ...]:
    return (f.unit, f.per, (f.noun or "").casefold() if f.unit == "count" else None, f.total is None)


def _leftover_pairs(a: list[Placed], b: list[Placed]) -> Iterator[tuple[Placed, Placed]]:
    """Figures of the same kind in two windows, paired in order when both windows hold the
    same number of them (otherwise which goes with which is unknown, and nothing is paired).
    A pair may still measure different things (different indicators): the caller decides."""
    kinds = {_kind(p.figure) for p in a} & {_kind(p.figure) for p in b}
    for kind in sorted(kinds, key=repr):
        xs = [p for p in a if _kind(p.figure) == kind]
        ys = [p for p in b if _kind(p.figure) == kind]
        if len(xs) != len(ys):
            continue
        yield from zip(xs, ys, strict=True)


def _single_valued_conflicts(rep: Report, flagged: set[frozenset[int]]) -> list[Flag]:
    cfg = config()["conflict"]
    single = set(cfg.get("single_valued_indicators") or [])
    # a change of the indicator ("tỷ lệ hộ nghèo giảm 1,2%") is no value of it
    change = regex("ratio", "change_before_regex")
    by_indicator: dict[str, list[Placed]] = {}
    year = report_year(rep.record)
    # a count of what remains at the end ("toàn xã còn 42 hộ nghèo") is single-valued too,
    # where the indicator alone is not ("hỗ trợ 15 hộ nghèo", "phát sinh mới 3 hộ nghèo")
    stock = set(cfg.get("stock_indicators") or [])
    stock_before = regex("conflict", "stock_before_regex")
    for p in rep.placed:
        ind = p.figure.indicator
        if not ind or (ind not in single and ind not in stock):
            continue
        text = rep.text(p.pos)
        if ind not in single and not stock_before.search(text, max(0, p.start - 30), p.start):
            continue
        if change.search(text, max(0, p.start - 20), p.start):
            continue  # a change, read before the figure's scope (the dearer question)
        scope = rep.figure_scope(p)
        # a baseline, a target, another year or other communes may differ from the result
        if scope.is_result(year) and (ind in single or scope.named_place is None):
            by_indicator.setdefault(ind, []).append(p)
    flags: list[Flag] = []
    for indicator, items in sorted(by_indicator.items()):
        distinct = _distinct(items)
        if len(distinct) < 2:
            continue
        ids = {id(p.figure) for p in distinct}
        if any(pair <= ids for pair in flagged) and len(distinct) == 2:
            continue  # already reported with its context by the anchored rule
        flags.append(make_flag(
            "conflicting_values", ("conflict", "single_valued_severity"),
            "conflicting_values_indicator", [figure_evidence(p.figure) for p in distinct],
            indicator=indicator_name(indicator), values="; ".join(f'"{p.figure.text}"' for p in distinct)))
    return flags
