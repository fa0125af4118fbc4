"""Consistency flags inside one report: figures that contradict each other or cannot be right.

`record_to_flags(record, outline)` runs every rule of `RULES` over the extracted record and
the report's outline and returns their flags. Each rule is a small function
`_Report -> list[Flag]`: conflicting_values (a sentence repeated with one figure changed; an
indicator stated differently in the text and in a table; a single-valued indicator with two
values), count_list_mismatch, ratio_mismatch (in prose, and in "Kế hoạch | Thực hiện | Tỷ lệ"
table rows), sum_mismatch, criteria_* (counts, lists, CriteriaStatus.conflicts) and
criterion_vs_figure. Words and tolerances come from patterns/checks.yaml, criteria
thresholds from schemas/thresholds/*.yaml, messages from extractor/locale/checks.yaml.
A flag's evidence names every figure involved, with its text and location, so a reader can
see both sides. Rules keep quiet unless a relation is explicit in the text (a ratio and its
percentage side by side, a total and its "trong đó" parts, a sentence repeated with one
figure changed): a consistency check that cries wolf is not read.
"""
from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import combinations
from typing import Any

import yaml

from extractor.core import i18n
from extractor.core.data import load_pattern
from extractor.core.i18n import format_number
from extractor.core.model import BlockKind, Evidence, Figure, Flag, Record
from extractor.extract.indicators import indicator_by_key
from extractor.structure.outline import Outline, text_to_sentences

# ---------------------------------------------------------------------------- configuration


@cache
def config() -> dict[str, Any]:
    return load_pattern("checks")


def with_words(section: dict[str, Any], regex: str) -> str:
    """A regex of patterns/checks.yaml with each `{<name>_words}` filled in from the key of
    that name in its section, so an alternation of words is written once."""
    for name, words in section.items():
        if name.endswith("_words"):
            regex = regex.replace(f"{{{name}}}", f"(?:{words})")
    return regex


@cache
def _regex(section: str, key: str = "regex", flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(with_words(config()[section], config()[section][key]), flags)


@cache
def thresholds() -> tuple[dict[str, Any], ...]:
    """Every criteria threshold file of schemas/thresholds/, parsed once per process."""
    folder = resources.files("extractor._schemas").joinpath("thresholds")
    try:
        files = sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    except (FileNotFoundError, NotADirectoryError):
        return ()  # an install without the folder: the check has nothing to compare
    return tuple(yaml.safe_load(p.read_text(encoding="utf-8")) for p in files)


# ---------------------------------------------------------------------------- messages


def _render(key: str, lang: str, values: dict[str, Any]) -> str:
    out = {k: format_number(v, lang) if isinstance(v, (int, float)) and not isinstance(v, bool)
           else (v(lang) if callable(v) else v) for k, v in values.items()}
    return i18n.t("checks", key, lang=lang, **out)


def make_flag(rule: str, severity: str, key: str, evidence: list[Evidence], **values: Any) -> Flag:
    """A flag whose message is in the user's language and `message_en` in English. A value
    may be a number (written per language) or a callable `lang -> str`. The flags across
    reports (extractor/crosscheck.py) are made here too."""
    return Flag(rule=rule, severity=severity, message=_render(key, i18n.language(), values),
                evidence=evidence, message_en=_render(key, "en", values))


def unit_name(unit: str) -> Callable[[str], str]:
    return lambda lang: i18n.t("checks", f"unit_{unit}", lang=lang)


def indicator_name(key: str) -> Callable[[str], str]:
    """An indicator's name in the message's language (patterns/indicators.yaml), else its key."""
    ind = indicator_by_key().get(key)
    if ind is None:
        return lambda lang: key
    names = {"vi": ind.name_vi, "en": ind.name_en}
    return lambda lang: names.get(lang) or key


def number_list(values: Iterable[float], sep: str = " + ") -> Callable[[str], str]:
    vals = list(values)
    return lambda lang: sep.join(format_number(v, lang) for v in vals)


def decimals(x: float) -> int:
    """Decimal places a written value shows (57.24 -> 2, 96.0 -> 0), at most 6."""
    for d in range(7):
        if abs(round(x, d) - x) < 1e-9 * max(1.0, abs(x)):
            return d
    return 6


# ---------------------------------------------------------------------------- the report


@dataclass(frozen=True)
class Placed:
    """A figure with its place in the outline: block position, normalized offsets, sentence."""

    figure: Figure
    pos: int
    start: int
    end: int
    sentence: int


@dataclass
class _Report:
    record: Record
    outline: Outline
    placed: list[Placed]
    sentences: dict[int, list[tuple[int, int]]]  # block position -> sentence spans

    def text(self, pos: int) -> str:
        return self.outline.blocks[pos].text

    def in_block(self, pos: int) -> list[Placed]:
        if not hasattr(self, "_by_pos"):
            self._by_pos: dict[int, list[Placed]] = {}
            for p in self.placed:
                self._by_pos.setdefault(p.pos, []).append(p)
        return self._by_pos.get(pos, [])

    def sentence_span(self, p: Placed) -> tuple[int, int]:
        return self.sentences[p.pos][p.sentence]

    def evidence(self, pos: int, start: int, end: int) -> Evidence:
        loc = self.outline.location(pos, start, end)
        original = self.outline.blocks[pos].block.text
        return Evidence(text=original[loc.start:loc.end], location=loc)


def figure_evidence(f: Figure) -> Evidence:
    return Evidence(text=f.text, location=f.location)


def _sentence_of(spans: list[tuple[int, int]], offset: int) -> int:
    for i, (s, e) in enumerate(spans):
        if s <= offset < e:
            return i
    return len(spans) - 1


def outline_to_placed(outline: Outline, figures: list[Figure]) -> tuple[list[Placed], dict[int, list[tuple[int, int]]]]:
    """Place every figure in the outline (figures whose block is unknown are left out)."""
    pos_of = {ob.block.index: i for i, ob in enumerate(outline.blocks)}
    sentences = {i: text_to_sentences(ob.text) for i, ob in enumerate(outline.blocks)}
    placed: list[Placed] = []
    for f in figures:
        pos = pos_of.get(f.location.block) if f.location else None
        if pos is None:
            continue
        norm = outline.blocks[pos].norm
        n = len(norm.text)
        start = min(bisect.bisect_left(norm.offsets, f.location.start), n)
        end = min(max(bisect.bisect_left(norm.offsets, f.location.end), start), n)
        placed.append(Placed(f, pos, start, end, _sentence_of(sentences[pos], start)))
    placed.sort(key=lambda p: (p.pos, p.start))
    return placed, sentences


def place_name(outline: Outline, pos: int) -> Callable[[str], str]:
    """Where a block stands, for messages: its programme component, else its page, else its
    paragraph number."""
    ob = outline.blocks[pos]
    if ob.component is not None:
        return lambda lang: i18n.t("checks", "place_component", lang=lang, n=ob.component)
    if ob.block.page is not None:
        return lambda lang: i18n.t("checks", "place_page", lang=lang, n=ob.block.page)
    # blocks count from 0 in locations; people count paragraphs from 1
    return lambda lang: i18n.t("checks", "place_block", lang=lang, n=ob.block.index + 1)


def _close(a: float, b: float, rel: float = 1e-9) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


def _same_amount(a: Figure, b: Figure) -> bool:
    if not _close(a.value, b.value):
        return False
    if (a.total is None) != (b.total is None):
        return False
    return a.total is None or _close(a.total, b.total)


def _comparable(a: Figure, b: Figure) -> bool:
    """Two figures that may measure the same thing: same unit (and per-unit), same noun for
    counts, and the same indicator when both have one."""
    if a.unit != b.unit or a.per != b.per:
        return False
    if a.unit == "count" and (a.noun or "").casefold() != (b.noun or "").casefold():
        return False
    return not (a.indicator and b.indicator and a.indicator != b.indicator)


# ---------------------------------------------------------------------------- conflicting_values


def _is_anchor(f: Figure) -> bool:
    minimum = config()["conflict"]["anchor_min"].get(f.unit)
    return minimum is not None and f.value >= minimum


def _years(text: str) -> set[str]:
    return set(_regex("year").findall(text))


def _sentence_years(rep: _Report, window: list[Placed]) -> set[str]:
    """The years a sentence names, its figures blanked out: "hiến 1970 m2" names no year."""
    start, end = rep.sentence_span(window[0])
    text = list(rep.text(window[0].pos)[start:end])
    for p in window:
        text[p.start - start:p.end - start] = " " * (p.end - p.start)
    return _years("".join(text))


def conflicting_values(rep: _Report) -> list[Flag]:
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
    by_anchor: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
    for key, items in windows.items():
        for a in {_anchor_key(p.figure) for p in items if _is_anchor(p.figure)}:
            by_anchor.setdefault(a, []).append(key)
    candidates = sorted({(k1, k2) for keys in by_anchor.values() for k1, k2 in combinations(sorted(keys), 2)})
    flags: list[Flag] = []
    flagged: set[frozenset[int]] = set()
    for k1, k2 in candidates:
        w1, w2 = windows[k1], windows[k2]
        anchors = _anchor_pairs(w1, w2)
        if not anchors:
            continue
        y1, y2 = _sentence_years(rep, w1), _sentence_years(rep, w2)
        if y1 and y2 and not (y1 & y2):
            continue  # different years: different periods, not one thing told twice
        used1 = {id(a) for a, _ in anchors}
        used2 = {id(b) for _, b in anchors}
        differing = [(a, b) for a, b in _leftover_pairs([p for p in w1 if id(p) not in used1],
                                                        [p for p in w2 if id(p) not in used2])
                     if not (_comparable(a.figure, b.figure) and _same_amount(a.figure, b.figure))]
        if len(differing) != 1 or not _comparable(differing[0][0].figure, differing[0][1].figure):
            continue  # several figures changed: two different things told alike, not one told twice
        for a, b in differing:
            severity = "error" if len(anchors) >= cfg["anchors_for_error"] else cfg["one_anchor_severity"]
            anchor_texts = "; ".join(x.figure.text for x, _ in anchors)
            evidence = [figure_evidence(a.figure), figure_evidence(b.figure)]
            for x, y in anchors:
                evidence += [figure_evidence(x.figure), figure_evidence(y.figure)]
            flags.append(make_flag(
                "conflicting_values", severity, "conflicting_values", evidence,
                a=a.figure.text, b=b.figure.text, place_a=place_name(rep.outline, a.pos),
                place_b=place_name(rep.outline, b.pos), anchors=anchor_texts))
            flagged.add(frozenset((id(a.figure), id(b.figure))))
    flags += _prose_table_conflicts(rep, flagged)
    flags += _single_valued_conflicts(rep, flagged)
    return flags


def _prose_table_conflicts(rep: _Report, flagged: set[frozenset[int]]) -> list[Flag]:
    """An indicator the text states once and a table states once, with different values
    ("toàn xã còn 154 hộ nghèo" and the appendix row "Số hộ nghèo | hộ | - | 135"). An
    indicator the text gives several values of is used loosely there and is left alone."""
    severity = config()["conflict"]["prose_table_severity"]
    target = _regex("conflict", "target_regex")
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
        if any(_close(u, v) for u in amounts_a for v in amounts_b):
            continue
        flags.append(make_flag(
            "conflicting_values", severity, "conflicting_values_table",
            [figure_evidence(a), figure_evidence(b)], indicator=indicator_name(key[0]),
            a=a.text, b=b.text, place_a=place_name(rep.outline, xs[0].pos)))
        flagged.add(frozenset((id(a), id(b))))
    return flags


def _distinct(items: list[Placed]) -> list[Placed]:
    out: list[Placed] = []
    for p in items:
        if not any(_same_amount(p.figure, q.figure) for q in out):
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
            if id(b) not in taken and _comparable(a.figure, b.figure) and _same_amount(a.figure, b.figure):
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


def _single_valued_conflicts(rep: _Report, flagged: set[frozenset[int]]) -> list[Flag]:
    cfg = config()["conflict"]
    single = set(cfg.get("single_valued_indicators") or [])
    by_indicator: dict[str, list[Placed]] = {}
    for p in rep.placed:
        if p.figure.indicator in single:
            by_indicator.setdefault(p.figure.indicator, []).append(p)
    flags: list[Flag] = []
    for indicator, items in sorted(by_indicator.items()):
        distinct = _distinct(items)
        if len(distinct) < 2:
            continue
        ids = {id(p.figure) for p in distinct}
        if any(pair <= ids for pair in flagged) and len(distinct) == 2:
            continue  # already reported with its context by the anchored rule
        flags.append(make_flag(
            "conflicting_values", cfg.get("single_valued_severity", "warning"),
            "conflicting_values_indicator", [figure_evidence(p.figure) for p in distinct],
            indicator=indicator_name(indicator), values="; ".join(f'"{p.figure.text}"' for p in distinct)))
    return flags


# ---------------------------------------------------------------------------- count_list_mismatch

_WORD = re.compile(r"\s*([^\W\d_][\w'-]*)([:,;]?)")
_NAME_WORD = re.compile(r"[^\W\d_][\w'-]*|\d{1,3}(?![\w/]|[.,]\d)")


@cache
def _count_nouns() -> dict[int, frozenset[tuple[str, ...]]]:
    """The counted nouns of patterns/checks.yaml as word tuples, by length."""
    out: dict[int, set[tuple[str, ...]]] = {}
    for noun in config()["count_list"]["nouns"]:
        words = tuple(noun.split())
        out.setdefault(len(words), set()).add(words)
    return {n: frozenset(v) for n, v in out.items()}


@dataclass(frozen=True)
class CountedList:
    count: int
    noun: str
    count_span: tuple[int, int]  # normalized offsets of "<count> <noun>"
    names: tuple[str, ...]
    names_span: tuple[int, int]


def text_to_counted_lists(text: str) -> list[CountedList]:
    """Every "<count> <noun>[:,] Name, Name và Name" in a text, with the names read."""
    cfg = config()["count_list"]
    nouns = _count_nouns()
    found: list[CountedList] = []
    for m in _regex("count_list", flags=0).finditer(text):
        words: list[tuple[str, int]] = []  # (word, end offset)
        pos = m.end()
        while len(words) < cfg["max_noun_words"]:
            w = _WORD.match(text, pos)
            if not w or not (w.group(1).islower() or w.group(1) in cfg["nouns"]):
                break
            words.append((w.group(1), w.end(1)))
            pos = w.end()
            if w.group(2):
                break
        seq = tuple(x for x, _ in words)
        noun_len = next((k for k in range(len(seq), 0, -1)
                         if any(seq[k - n:k] in nouns.get(n, ()) for n in range(1, k + 1))), 0)
        if not noun_len:
            continue
        noun_end = words[noun_len - 1][1]
        names, span = _read_names(text, noun_end, cfg)
        if len(names) < cfg["min_names"]:
            continue
        noun = " ".join(x for x, _ in words[:noun_len])
        found.append(CountedList(int(m.group("count")), noun, (m.start("count"), noun_end), tuple(names), span))
    return found


@cache
def _not_name_regex() -> re.Pattern[str]:
    """Capitalised words and phrases that open no name ("UBND", "Tổng số")."""
    words = sorted(config()["count_list"]["not_names"], key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _read_names(text: str, pos: int, cfg: dict[str, Any]) -> tuple[list[str], tuple[int, int]]:
    lead = re.compile(cfg["lead_regex"]).match(text, pos)
    pos = lead.end() if lead else pos
    sep = re.compile(cfg["name_separator"], re.IGNORECASE)
    not_name = _not_name_regex()
    prefixes = tuple(f"{p} " for p in cfg["name_prefixes"])
    names: list[str] = []
    start = end = pos
    while True:
        prefixed = text.startswith(prefixes, pos)
        if prefixed:  # "thôn Nà Pài", "ấp 5": the name is what follows
            pos = text.index(" ", pos) + 1
        name_end, words = pos, []
        while True:
            w = _NAME_WORD.match(text, name_end)
            numbered = prefixed and w is not None and w.group().isdigit()
            if not w or (not words and not numbered
                         and (not w.group()[0].isupper() or not_name.match(text, name_end))):
                break
            if not w.group()[0].isupper() and not w.group().isdigit():
                break
            words.append(w.group())
            name_end = w.end()
            if not text.startswith(" ", name_end):
                break
            nxt = _NAME_WORD.match(text, name_end + 1)
            if not nxt or not (nxt.group()[0].isupper() or nxt.group().isdigit()):
                break
            name_end += 1
        if not words:
            break
        names.append(" ".join(words))
        end = name_end
        s = sep.match(text, end)
        if not s:
            break
        pos = s.end()
    if names and re.compile(cfg["truncation_regex"], re.IGNORECASE).match(text, end):
        return [], (start, end)
    return names, (start, end)


def count_list_mismatch(rep: _Report) -> list[Flag]:
    """A count of places followed by a list naming a different number of them."""
    cfg = config()["count_list"]
    flags: list[Flag] = []
    for pos, ob in enumerate(rep.outline.blocks):
        for cl in text_to_counted_lists(ob.text):
            if cl.count == len(cl.names):
                continue
            count_ev = rep.evidence(pos, *cl.count_span)
            flags.append(make_flag(
                "count_list_mismatch", cfg["severity"], "count_list_mismatch",
                [count_ev, rep.evidence(pos, *cl.names_span)],
                text=count_ev.text, count=cl.count, listed=len(cl.names), names=", ".join(cl.names)))
    return flags


# ---------------------------------------------------------------------------- ratio_mismatch


def _ratio_flag(stated: Placed, computed: float, value: float, total: float,
                evidence: list[Evidence], implicit: bool) -> Flag | None:
    cfg = config()["ratio"]
    p = stated.figure.value
    tol = max(cfg["last_digit_units"] * 10 ** -decimals(p), cfg["min_points"])
    diff = abs(computed - p)
    if diff <= tol + 1e-9:
        return None
    severity = "error" if diff >= cfg["error_points"] and not implicit else "warning"
    return make_flag("ratio_mismatch", severity, "ratio_mismatch", evidence,
                     stated=p, value=value, total=total, computed=round(computed, 2))


def ratio_mismatch(rep: _Report) -> list[Flag]:
    """A percentage beside its own ratio ("12,1/12,6 km đạt 90%"), or after the two amounts
    it relates ("giao 2.600.000.000 đồng, giải ngân 1.488.131.262 đồng, đạt 57,24%")."""
    cfg = config()["ratio"]
    after = _regex("ratio", "gap_after_regex")
    before = _regex("ratio", "gap_before_regex")
    flags: list[Flag] = []
    checked: set[int] = set()
    by_pos: dict[int, list[Placed]] = {}
    for p in rep.placed:
        by_pos.setdefault(p.pos, []).append(p)
    for pos, items in by_pos.items():
        text = rep.text(pos)
        for i, p in enumerate(items):
            f = p.figure
            if f.unit == "percent" or not f.total:
                continue
            pct = None
            if i + 1 < len(items) and items[i + 1].figure.unit == "percent" and after.match(text[p.end:items[i + 1].start]):
                pct = items[i + 1]
            elif i > 0 and items[i - 1].figure.unit == "percent" and before.match(text[items[i - 1].end:p.start]):
                pct = items[i - 1]
            if pct is None:
                continue
            checked.add(id(pct))
            flag = _ratio_flag(pct, 100.0 * f.value / f.total, f.value, f.total,
                               [figure_evidence(f), figure_evidence(pct.figure)], implicit=False)
            if flag:
                flags.append(flag)
        flags += _implicit_ratios(rep, items, checked, cfg)
    return flags


def _implicit_ratios(rep: _Report, items: list[Placed], checked: set[int], cfg: dict[str, Any]) -> list[Flag]:
    connector = _regex("ratio", "implicit_connector_regex")
    flags: list[Flag] = []
    for i, p in enumerate(items):
        if p.figure.unit != "percent" or id(p) in checked:
            continue
        text = rep.text(p.pos)
        prev = [q for q in items[:i] if q.sentence == p.sentence]
        # only the figures since the last percentage of the sentence
        cut = max((k for k, q in enumerate(prev) if q.figure.unit == "percent"), default=-1)
        prev = prev[cut + 1:]
        if len(prev) != 2 or not connector.search(text[prev[-1].end:p.start]):
            continue
        a, b = prev[0].figure, prev[1].figure
        if (a.unit != b.unit or a.unit not in cfg["implicit_units"] or a.total is not None
                or b.total is not None or a.per or b.per or a.value <= 0 or b.value < 0):
            continue
        flag = _ratio_flag(p, 100.0 * b.value / a.value, b.value, a.value,
                           [figure_evidence(b), figure_evidence(a), figure_evidence(p.figure)], implicit=True)
        if flag:
            flags.append(flag)
    return flags


def table_ratio_mismatch(rep: _Report) -> list[Flag]:
    """A table row "Kế hoạch | Thực hiện | Tỷ lệ (%)" whose percentage is not the result
    over the plan (rule id `ratio_mismatch`)."""
    roles = {role: _regex("table_ratio", f"{role}_header_regex") for role in ("percent", "actual", "plan")}
    headers: dict[tuple[int, int], str] = {}  # (table, column) -> header text (first row)
    rows: dict[tuple[int, int], list[tuple[int, Placed]]] = {}
    for pos, ob in enumerate(rep.outline.blocks):
        cell = ob.block.cell
        if ob.block.kind is not BlockKind.TABLE_CELL or cell is None:
            continue
        if cell.row == 0:
            headers[(cell.table, cell.col)] = ob.text
        for p in rep.in_block(pos):
            rows.setdefault((cell.table, cell.row), []).append((cell.col, p))
    flags: list[Flag] = []
    for (table, _), items in sorted(rows.items()):
        found: dict[str, list[Placed]] = {}
        for col, p in items:
            header = headers.get((table, col), "")
            role = next((r for r, rx in roles.items() if rx.search(header)), None)
            if role:
                found.setdefault(role, []).append(p)
        if any(len(found.get(r, [])) != 1 for r in roles):
            continue
        plan, actual, pct = found["plan"][0].figure, found["actual"][0].figure, found["percent"][0]
        if (pct.figure.unit != "percent" or plan.unit != actual.unit or plan.unit == "percent"
                or plan.total is not None or actual.total is not None or plan.value <= 0):
            continue
        flag = _ratio_flag(pct, 100.0 * actual.value / plan.value, actual.value, plan.value,
                           [figure_evidence(actual), figure_evidence(plan), figure_evidence(pct.figure)],
                           implicit=False)
        if flag:
            flags.append(flag)
    return flags


# ---------------------------------------------------------------------------- sum_mismatch


def _marker_depth(text: str) -> int | None:
    markers = config()["sum"]["item_markers"]
    stripped = text.lstrip()
    for depth, m in enumerate(markers):
        if stripped.startswith(m):
            return depth
    return None


def _approximate(f: Figure) -> bool:
    return (f.qualifier or "").casefold() in {q.casefold() for q in config()["sum"]["approximate_qualifiers"]}


def _part_of(total: Figure, f: Figure) -> bool:
    return f.unit == total.unit and f.per == total.per and (
        total.unit != "count" or (f.noun or "").casefold() == (total.noun or "").casefold())


def sum_mismatch(rep: _Report) -> list[Flag]:
    """A total followed by "trong đó" and its parts, in the list items of the next blocks
    ("452 ha, trong đó: / + 445 ha / + 7 ha") or later in the same sentence, where the parts
    may be separated by ';' ("369,5 ha, trong đó: cây hàng năm 307,1 ha; cây lâu năm 57,4 ha.")."""
    cfg = config()["sum"]
    lead_in = _regex("sum", "lead_in_end_regex")
    breakdown = _regex("sum", "breakdown_regex")
    units = set(cfg["additive_units"]) | {"percent"}
    flags: list[Flag] = []
    for pos, ob in enumerate(rep.outline.blocks):
        text = ob.text
        matches = list(breakdown.finditer(text))
        if not matches:
            continue
        own = rep.in_block(pos)
        spans = text_to_sentences(text, split_on_semicolon=False)
        tail = lead_in.search(text)
        for i, m in enumerate(matches):
            s_start, s_end = spans[_sentence_of(spans, m.start())]
            before = [p for p in own if s_start <= p.start and p.end <= m.start() and p.figure.unit in units]
            if not before:
                continue
            total = before[-1].figure
            if tail and tail.start() == m.start():
                parts, complete = _list_parts(rep, pos, total)
                short = cfg["short_severity"] if complete and len(parts) >= 2 else None
            else:
                # "trong đó:" with a colon announces the whole breakdown, which may run over
                # ';'; without one the parts end with the clause
                colon = ":" in m.group()
                if not colon:
                    semi = text_to_sentences(text)
                    s_end = min(s_end, semi[_sentence_of(semi, m.end())][1])
                end = min([s_end] + [n.start() for n in matches[i + 1:]])
                parts = [p.figure for p in own if m.end() <= p.start and p.end <= end and _part_of(total, p.figure)]
                # a sentence cut by the end of the block (a page break in a PDF) may go on
                finished = bool(re.search(r"[.;!?]\s*$", text[:end])) or end < len(text.rstrip())
                # "trong đó:" announces the whole split; without the colon two or more parts
                # may still be only some categories, so a shortfall is a note, not a warning
                short = None
                if finished and len(parts) >= 2:
                    short = cfg["short_severity"] if colon else cfg["short_uncertain_severity"]
            flag = _sum_flag(total, parts, short)
            if flag:
                flags.append(flag)
    flags.extend(_bracketed_sums(rep, units))
    return flags


# words but no other number or clause break between the total and the bracket
_BRACKET = re.compile(r"[^()\d;.:]{0,80}?\(([^()]*)\)")


def _bracketed_sums(rep: _Report, units: set[str]) -> list[Flag]:
    """A total with its parts in brackets after it in the same clause: "138 hội viên đăng ký
    (116 hội viên cấp xã, 10 hội viên cấp huyện)". Two or more parts read as the whole split."""
    flags: list[Flag] = []
    for pos, ob in enumerate(rep.outline.blocks):
        own = rep.in_block(pos)
        for placed in own:
            total = placed.figure
            m = _BRACKET.match(ob.text, placed.end)
            if total.unit not in units or m is None:
                continue
            parts = [p.figure for p in own if m.start(1) <= p.start and p.end <= m.end(1)
                     and _part_of(total, p.figure)]
            if len(parts) >= 2:
                flag = _sum_flag(total, parts, config()["sum"]["short_severity"])
                if flag:
                    flags.append(flag)
    return flags


def _list_parts(rep: _Report, pos: int, total: Figure) -> tuple[list[Figure], bool]:
    """The parts in the list items after block `pos`: the first figure of the total's kind in
    each item; `complete` is False when some item has none."""
    lead_depth = _marker_depth(rep.text(pos))
    parts: list[Figure] = []
    complete = True
    for nxt in range(pos + 1, len(rep.outline.blocks)):
        depth = _marker_depth(rep.text(nxt))
        if depth is None or (lead_depth is not None and depth <= lead_depth):
            break
        own = [p.figure for p in rep.in_block(nxt) if _part_of(total, p.figure)]
        if own:
            parts.append(own[0])
        else:
            complete = False
    return parts, complete


def _sum_flag(total: Figure, parts: list[Figure], short_severity: str | None) -> Flag | None:
    """The flag for parts that exceed their total, or fall short of it when the split reads
    as complete (`short_severity` given)."""
    cfg = config()["sum"]
    if not parts or _approximate(total) or any(_approximate(p) for p in parts):
        return None
    s = sum(p.value for p in parts)
    d = max([decimals(total.value)] + [decimals(p.value) for p in parts])
    tol = max(cfg["relative_tolerance"] * abs(total.value), 0.5 * 10 ** -d)
    evidence = [figure_evidence(total)] + [figure_evidence(p) for p in parts]
    listed = number_list([p.value for p in parts])
    if total.unit == "percent":
        if s > 100 + tol:
            return make_flag("sum_mismatch", cfg["part_exceeds_severity"] if any(p.value > 100 + tol for p in parts)
                             else cfg["exceed_severity"], "percent_parts_exceed", evidence,
                             sum=round(s, 6), parts=listed)
        return None
    if s > total.value + tol:
        if any(p.value > total.value + tol for p in parts):
            severity = cfg["part_exceeds_severity"]
        elif total.unit in cfg["overlap_prone_units"] and len(parts) > 1:
            severity = cfg["overlap_severity"]
        else:
            severity = cfg["exceed_severity"]
        return make_flag("sum_mismatch", severity, "sum_exceeds_total", evidence,
                         sum=round(s, 6), total=total.value, unit=unit_name(total.unit), parts=listed)
    if short_severity and s < total.value - tol:
        return make_flag("sum_mismatch", short_severity, "sum_short_of_total", evidence,
                         sum=round(s, 6), total=total.value, unit=unit_name(total.unit), parts=listed)
    return None


# ---------------------------------------------------------------------------- criteria


def _criterion_evidence(rep: _Report, numbers: Iterable[int], statuses: set[str] | None = None) -> list[Evidence]:
    wanted = set(numbers)
    return [Evidence(text=e.text, location=e.location) for e in rep.record.criteria.evidence
            if e.number in wanted and (statuses is None or e.status in statuses)]


def _claimed_evidence(rep: _Report, status: str, claimed: int) -> list[Evidence]:
    """Where a claimed count is stated ("14 tiêu chí xã đạt"): the criteria reader's evidence,
    else an extracted criterion figure of that value."""
    ev = (getattr(rep.record.criteria, "count_evidence", None) or {}).get(status)
    if ev is not None:
        return [ev]
    return [figure_evidence(p.figure) for p in rep.placed
            if p.figure.unit == "criterion" and _close(p.figure.value, claimed)][:1]


def _numbers(ns: Iterable[int]) -> str:
    return ", ".join(str(n) for n in sorted(ns))


def _set_size(criteria_set: str | None) -> int:
    try:
        from extractor.extract.criteria_sets import criteria_set_size
        return criteria_set_size(criteria_set)
    except (ImportError, KeyError):
        return int(config()["criteria"]["default_set_size"])


def criteria_consistency(rep: _Report) -> list[Flag]:
    """Claimed counts against the lists, a criterion in both lists, counts or lists that do
    not cover the set; and the other disagreements the criteria reader reports
    (CriteriaStatus.conflicts: a name that is another number's, two claimed counts, a
    section verdict against the list)."""
    cfg = config()["criteria"]
    crit = rep.record.criteria
    met, unmet = set(crit.met), set(crit.unmet)
    flags: list[Flag] = []
    for n in sorted(met & unmet):
        flags.append(make_flag("criteria_both_met_and_unmet", cfg["severity_both"],
                               "criteria_both_met_and_unmet", _criterion_evidence(rep, [n]), number=n))
    counted_ok = True
    for claimed, listed, key, status in ((crit.met_count_claimed, met, "criteria_met_count", "met"),
                                          (crit.unmet_count_claimed, unmet, "criteria_unmet_count", "unmet")):
        if claimed is None or not listed or claimed == len(listed):
            continue
        counted_ok = False
        evidence = _claimed_evidence(rep, status, claimed) + _criterion_evidence(rep, listed, {status})
        flags.append(make_flag("criteria_count_mismatch", cfg["severity_count"], key, evidence,
                               claimed=claimed, listed=len(listed), numbers=_numbers(listed)))
    size = _set_size(crit.criteria_set)
    if counted_ok and crit.met_count_claimed is not None and crit.unmet_count_claimed is not None:
        total = crit.met_count_claimed + crit.unmet_count_claimed + len(crit.basically_met)
        if total != size:
            evidence = (_claimed_evidence(rep, "met", crit.met_count_claimed)
                        + _claimed_evidence(rep, "unmet", crit.unmet_count_claimed))
            flags.append(make_flag("criteria_count_mismatch", cfg["severity_count"], "criteria_claimed_total",
                                   evidence, met=crit.met_count_claimed, unmet=crit.unmet_count_claimed,
                                   sum=total, size=size))
    elif counted_ok and met and unmet and not (met & unmet):
        listed = met | unmet | set(crit.basically_met)
        if len(listed) != size:
            flags.append(make_flag("criteria_count_mismatch", cfg["severity_count"], "criteria_listed_total",
                                   _criterion_evidence(rep, listed), met=len(met), unmet=len(unmet),
                                   sum=len(listed), size=size))
    for c in getattr(crit, "conflicts", None) or []:
        kind = cfg["conflict_kinds"].get(getattr(c, "kind", None))
        if kind is None:
            continue  # a kind computed above from the lists and counts themselves
        evidence = [Evidence(e.text, e.location) for e in c.evidence]
        numbers = list(c.numbers or [])
        flags.append(make_flag(kind["rule"], kind["severity"], kind["message"], evidence,
                               number=numbers[0] if numbers else "?",
                               resolved=c.resolved if c.resolved is not None else "?",
                               text=" / ".join(e.text for e in evidence)))
    return flags


# ---------------------------------------------------------------------------- criterion_vs_figure


def _threshold_files(rep: _Report) -> list[dict[str, Any]]:
    crit_set = rep.record.criteria.criteria_set
    year = _report_year(rep.record)
    out = []
    for t in thresholds():
        if crit_set is not None:
            if crit_set in (t.get("criteria_sets") or []):
                out.append(t)
        elif year is not None and t.get("years") and t["years"][0] <= year <= t["years"][1]:
            out.append(t)
    return out


def _report_year(record: Record) -> int | None:
    for text in (record.identity.report_date, record.identity.period):
        m = re.search(r"(?:19|20)\d{2}", text or "")
        if m:
            return int(m.group())
    return None


def threshold_value(entry: dict[str, Any], region: str | None) -> float | None:
    """The level an indicator must reach: the region's when known, else the loosest of all
    regions (a check that does not know the region must not flag a commune that passes)."""
    by_region = entry.get("by_region") or {}
    if region and region in by_region:
        return float(by_region[region])
    values = [float(v) for v in by_region.values()]
    if "value" in entry:
        values.append(float(entry["value"]))
    if not values:
        return None
    return min(values) if entry.get("comparator", ">=") == ">=" else max(values)


def _ratio_before(rep: _Report, p: Placed) -> Placed | None:
    """The ratio a percentage restates: the figure right before it in its sentence, a ratio
    with the same label (figures.py gives a linked percentage its ratio's label)."""
    before = [q for q in rep.in_block(p.pos) if q.end <= p.start and q.sentence == p.sentence]
    if not before:
        return None
    last = before[-1]
    return last if last.figure.total and last.figure.label == p.figure.label else None


def criterion_vs_figure(rep: _Report) -> list[Flag]:
    """A criterion reported met while a figure of one of its indicators misses the level the
    criteria set requires (schemas/thresholds/*.yaml)."""
    severity = config()["criterion_vs_figure"]["severity"]
    met = set(rep.record.criteria.met)
    province = (rep.record.identity.province or "").casefold()
    flags: list[Flag] = []
    for tfile in _threshold_files(rep):
        region = {k.casefold(): v for k, v in (tfile.get("province_regions") or {}).items()}.get(province)
        for entry in tfile.get("thresholds") or []:
            if entry["criterion"] not in met:
                continue
            level = threshold_value(entry, region)
            if level is None:
                continue
            ratio_keys = set(entry.get("ratio_indicators") or [])
            for p in rep.placed:
                f = p.figure
                if f.unit == "percent" and _ratio_before(rep, p) is not None:
                    continue  # "10.390/10.444 người, đạt 84%": the ratio is judged, and ratio_mismatch
                    # reports a percentage that disagrees with it
                if f.unit == "percent" and f.indicator == entry["indicator"]:
                    pct = f.value
                elif f.total and (f.indicator == entry["indicator"] or f.indicator in ratio_keys):
                    pct = 100.0 * f.value / f.total
                else:
                    pct = None
                if pct is None:
                    continue
                ok = pct >= level if entry.get("comparator", ">=") == ">=" else pct <= level
                if not ok:
                    stated = [figure_evidence(q.figure) for q in rep.in_block(p.pos)
                              if q.figure.unit == "percent" and _ratio_before(rep, q) is p]
                    flags.append(make_flag(
                        "criterion_vs_figure", severity, "criterion_vs_figure",
                        [figure_evidence(f)] + stated + _criterion_evidence(rep, [entry["criterion"]], {"met"}),
                        number=entry["criterion"], text=f.text, value=round(pct, 2),
                        comparator=entry.get("comparator", ">="), threshold=level,
                        item=str(entry.get("item", entry["criterion"])), decision=tfile["decision"]))
    return flags


# ---------------------------------------------------------------------------- entry point

RULES: tuple[Callable[[_Report], list[Flag]], ...] = (
    conflicting_values,
    count_list_mismatch,
    ratio_mismatch,
    table_ratio_mismatch,
    sum_mismatch,
    criteria_consistency,
    criterion_vs_figure,
)


def record_to_flags(record: Record, outline: Outline) -> list[Flag]:
    placed, sentences = outline_to_placed(outline, record.figures)
    rep = _Report(record, outline, placed, sentences)
    flags: list[Flag] = []
    for rule in RULES:
        flags.extend(rule(rep))
    return flags
