"""Report identity: who reported (commune, district, province), when, on what period.

Units are read wherever a prefix (xã, huyện, tỉnh, ...) stands before a capitalised name and
chosen per level by weighted frequency: the header and the signature block count three times,
"UBND xã X" / "trên địa bàn xã X" twice, the place of the place-and-date line counts for the
commune. Names keep the report's spelling (NFC, without the prefix); a name met only in
capitals is title-cased. The report date comes from the place-and-date line ("ngày   tháng 8
năm 2023" gives "2023-08"); the period is the one the results cover, not the plan's. The words
are in patterns/identity.yaml.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractor.core.data import load_pattern
from extractor.core.model import BlockKind, Evidence, Identity, Location
from extractor.extract.criteria_sets import criteria_set_for_year
from extractor.structure.outline import Outline
from extractor.text.normalize import normalize

HEADER_BLOCKS = 12  # the header (units, number, place and date, title) fits in these
SIGNATURE_BLOCKS = 15


@lru_cache(maxsize=1)
def _p() -> dict[str, Any]:
    data = load_pattern("identity")
    rx = {k: re.compile(v["regex"]) for k, v in data.items() if isinstance(v, dict) and "regex" in v}
    level_of = {p: lvl for lvl, prefixes in data["levels"].items() for p in prefixes}
    return {"rx": rx, "level_of": level_of, "kinds": data["kinds"],
            "central": {c.casefold() for c in data["central_cities"]},
            "central_prefix": data["central_city_prefix"]}


@dataclass
class _Mention:
    level: str
    key: str
    spelling: str
    weight: int
    location: Location
    text: str


def _original(outline: Outline, i: int, start: int, end: int) -> tuple[str, Location]:
    loc = outline.location(i, start, end)
    text = outline.blocks[i].block.text[loc.start:loc.end]
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text)), loc


def _cut_name(name: str, caps: bool) -> str:
    """The leading capitalised syllables of a captured name ("Lục Bình báo cáo" -> "Lục Bình");
    in a line written in capitals every syllable must be upper case; acronyms end a name."""
    def ok(tok: str) -> bool:
        if caps:
            return tok.isupper()
        return tok[0].isupper() and not (len(tok) > 1 and tok.isupper())

    tokens = name.split()
    kept: list[str] = []
    for k, tok in enumerate(tokens):
        if tok in ("-", "–"):
            # "Bà Rịa - Vũng Tàu" is one name; "Bạch Thông - TỈNH BẮC KẠN" is two units
            nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
            if not kept or not nxt or not ok(nxt) or nxt.casefold() in _prefix_words():
                break
        elif not ok(tok):
            break
        kept.append(tok)
    return " ".join(kept)


@lru_cache(maxsize=1)
def _prefix_words() -> frozenset[str]:
    return frozenset(w for p in _p()["level_of"] for w in p.split())


def _zone_weight(outline: Outline, i: int) -> int:
    n = len(outline.blocks)
    kind = outline.blocks[i].block.kind
    if kind in (BlockKind.HEADER, BlockKind.FOOTER) or i < HEADER_BLOCKS or i >= n - SIGNATURE_BLOCKS:
        return 3
    return 1


def outline_to_units(outline: Outline) -> list[_Mention]:
    """Every administrative unit named in the report, with its level and weight."""
    p = _p()
    rx = p["rx"]
    out: list[_Mention] = []
    for i, ob in enumerate(outline.blocks):
        text = ob.text
        for m in rx["unit"].finditer(text):
            prefix = re.sub(r"\s+", " ", m.group("prefix").lower())
            caps = m.group("prefix").isupper()
            name = _cut_name(m.group("name"), caps)
            if not name or rx["not_a_name"].match(name):
                continue
            level = p["level_of"].get(prefix)
            if prefix == p["central_prefix"] and name.casefold() in p["central"]:
                level = "province"
            if level is None:
                continue
            start = m.start("name")
            spelling, loc = _original(outline, i, start, start + len(name))
            if caps:
                spelling = spelling.title()
            weight = _zone_weight(outline, i)
            if rx["own_context"].search(text[:m.start()]):
                weight += 1
            out.append(_Mention(level, name.casefold(), spelling, weight, loc,
                                text[m.start():start + len(name)]))
    return out


def _place_date(outline: Outline) -> tuple[int, re.Match[str]] | None:
    rx = _p()["rx"]
    for i, ob in enumerate(outline.blocks[:HEADER_BLOCKS * 2]):
        m = rx["place_date"].match(ob.text)
        if m and (rx["date"].search(ob.text) or rx["date_numeric"].search(ob.text)):
            return i, m
    return None


def _choose(mentions: list[_Mention], level: str) -> _Mention | None:
    scores: Counter[str] = Counter()
    for m in mentions:
        if m.level == level:
            scores[m.key] += m.weight
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], -min(x.location.block for x in mentions if x.key == k)))
    same = [m for m in mentions if m.level == level and m.key == best]
    # the report's own spelling: the most frequent one not in capitals
    spellings = Counter(m.spelling for m in same if not m.text.isupper()) or Counter(m.spelling for m in same)
    spelling = spellings.most_common(1)[0][0]
    first = next(m for m in same if m.spelling == spelling)
    return _Mention(level, best, spelling, scores[best], first.location, first.text)


def outline_to_date(outline: Outline) -> tuple[str, Evidence] | None:
    """The report date from the place-and-date line (or a date line in the header):
    "2023-08-14", or "2023-08" when the day is left blank for signing."""
    rx = _p()["rx"]
    found = _place_date(outline)
    candidates = [found[0]] if found else []
    candidates += [i for i in range(min(len(outline.blocks), HEADER_BLOCKS)) if i not in candidates]
    for i in candidates:
        text = outline.blocks[i].text
        if i != (found[0] if found else -1) and not _p()["rx"]["date_line_start"].match(text):
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
        return value, Evidence(*_original(outline, i, m.start(), m.end()))
    return None


def _periods(outline: Outline) -> tuple[tuple[str, Evidence] | None, tuple[str, Evidence] | None]:
    """(results period, plan period): each range of years is classed by the nearest cue
    before it in its clause ("Kết quả ... giai đoạn 2021-2023, phương hướng ... 2023-2025");
    ranges in the title count three times. A single "năm 2023" in a result title is a period
    when no range is."""
    rx = _p()["rx"]
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
            first.setdefault((kind, value), Evidence(*_original(outline, i, m.start(), m.end())))
    if not scores["result"]:
        for i, ob in enumerate(outline.blocks[:HEADER_BLOCKS]):
            m = rx["single_year"].search(ob.text)
            if m and rx["result_cue"].search(ob.text[:m.start()]) and not rx["period"].search(ob.text):
                value = m.group("y")
                scores["result"][value] += 1
                first.setdefault(("result", value), Evidence(*_original(outline, i, m.start(), m.end())))
    out: list[tuple[str, Evidence] | None] = []
    for kind in ("result", "plan"):
        if scores[kind]:
            value = scores[kind].most_common(1)[0][0]
            out.append((value, first[(kind, value)]))
        else:
            out.append(None)
    return out[0], out[1]


def outline_to_year(outline: Outline) -> int | None:
    """The year whose criteria set applies: the end of the results period, else the report
    year, else None."""
    period, _ = _periods(outline)
    if period:
        return int(period[0][-4:])
    date = outline_to_date(outline)
    return int(date[0][:4]) if date else None


def _number_and_kind(outline: Outline) -> tuple[tuple[str | None, Evidence] | None, tuple[str, Evidence] | None]:
    p = _p()
    rx = p["rx"]
    number = kind = None
    for i, ob in enumerate(outline.blocks[:HEADER_BLOCKS * 2]):
        text = ob.text
        m = rx["document_number"].match(text)
        if m and number is None:
            raw = re.sub(r"\s+", "", m.group("num"))
            ev = Evidence(*_original(outline, i, m.start("num"), m.end("num")))
            number = (raw if raw[:1].isdigit() else None, ev)
            code = m.group("code").casefold()
            for k in p["kinds"]:
                if kind is None and k["code"].casefold() == code:
                    kind = (k["kind"], ev)
        stripped = text.strip(" *.:").casefold()
        for k in p["kinds"]:
            if stripped == k["title"]:
                kind = (k["kind"], Evidence(*_original(outline, i, 0, len(text))))
                break
            if kind is None and _title_opens(text, k["title"], i):
                kind = (k["kind"], Evidence(*_original(outline, i, 0, len(k["title"]))))
    return number, kind


def _title_opens(text: str, title: str, index: int) -> bool:
    """A title that shares its line with the subject: "BÁO CÁO tình hình ... xã X" (the kind
    in capitals), or "Kế hoạch xây dựng ... năm 2024" as one of the first lines, not a sentence."""
    head = text.lstrip(" *")
    if not head.casefold().startswith(title + " "):
        return False
    if head[:len(title)].isupper():
        return True
    return index < HEADER_BLOCKS and len(head) <= 250 and not head.rstrip().endswith(".")


def _signer(outline: Outline) -> tuple[str, Evidence] | None:
    rx = _p()["rx"]
    blocks = outline.blocks
    start = max(0, len(blocks) - SIGNATURE_BLOCKS * 2)
    for i in range(start, len(blocks)):
        if not rx["signer_title"].match(blocks[i].text):
            continue
        for j in range(i + 1, min(i + 4, len(blocks))):
            m = rx["person_name"].match(blocks[j].text)
            if m and not m.group("name").isupper() and all(t[0].isupper() for t in m.group("name").split()):
                name, loc = _original(outline, j, m.start("name"), m.end("name"))
                return name, Evidence(name, loc)
    return None


def outline_to_identity(outline: Outline) -> Identity:
    ident = Identity()
    mentions = outline_to_units(outline)
    pd = _place_date(outline)
    if pd is not None:
        i, m = pd
        place = m.group("place").strip()
        spelling, loc = _original(outline, i, m.start("place"), m.start("place") + len(place))
        key = place.casefold()
        # the place counts for the level already naming it, the commune otherwise
        levels = [x.level for x in mentions if x.key == key]
        level = Counter(levels).most_common(1)[0][0] if levels else "commune"
        mentions.append(_Mention(level, key, spelling, 3, loc, place))
    for level in ("commune", "district", "province"):
        best = _choose(mentions, level)
        if best is not None:
            setattr(ident, level, best.spelling)
            ident.evidence[level] = Evidence(best.text, best.location)
    date = outline_to_date(outline)
    if date:
        ident.report_date, ident.evidence["report_date"] = date
    period, plan = _periods(outline)
    if period:
        ident.period, ident.evidence["period"] = period
    if plan:
        ident.plan_period, ident.evidence["plan_period"] = plan
    number, kind = _number_and_kind(outline)
    if number:
        ident.document_number, ident.evidence["document_number"] = number
    if kind:
        ident.document_kind, ident.evidence["document_kind"] = kind
    signer = _signer(outline)
    if signer:
        ident.signer, ident.evidence["signer"] = signer
    year = int(period[0][-4:]) if period else int(date[0][:4]) if date else None
    # the set in force follows from the year; with no year there is no evidence of it
    ident.criteria_set = criteria_set_for_year(year).id if year else None
    return ident


@lru_cache(maxsize=1)
def _place_prefix_regex() -> re.Pattern[str]:
    prefixes = sorted((normalize(p).casefold() for p in load_pattern("identity")["place_key"]["prefixes"]),
                      key=len, reverse=True)
    return re.compile(r"^(?:(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s+)+")


def strip_place_prefix(name: str) -> str:
    """'Xã Phủ Thông' -> 'Phủ Thông', 'Tỉnh Thái Nguyên' -> 'Thái Nguyên': the spelling kept,
    the administrative prefixes of patterns/identity.yaml removed."""
    return _place_prefix_regex_any_case().sub("", normalize(name).strip())


@lru_cache(maxsize=1)
def _place_prefix_regex_any_case() -> re.Pattern[str]:
    prefixes = sorted(load_pattern("identity")["place_key"]["prefixes"], key=len, reverse=True)
    return re.compile(r"^(?:(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s+)+", re.IGNORECASE)


def place_key(name: str | None) -> str:
    """The key a place is compared by across reports and runs: 'Xã Lục Bình', 'LỤC BÌNH',
    'UBND xã  Lục Bình' -> 'lục bình'; '' for no name."""
    if not name:
        return ""
    text = " ".join(normalize(name).casefold().split())
    return _place_prefix_regex().sub("", text).strip(" .,;:-")
