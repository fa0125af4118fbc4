"""Report identity: who reported (commune, district, province), when, on what period.

Units are read wherever a prefix (xã, huyện, tỉnh, ...) stands before a capitalised name and
chosen per level by weighted frequency: the header and the signature block count three times,
"UBND xã X" / "trên địa bàn xã X" twice, the place of the place-and-date line counts for the
commune. Names keep the report's spelling (NFC, without the prefix); a name met only in
capitals is title-cased. The report date and periods come from extract/period.py. The words
are in patterns/identity.yaml.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from extractor.core.data import load_pattern, pattern_regexes
from extractor.core.model import BlockKind, Evidence, Identity, Location
from extractor.core.regexes import compiled
from extractor.extract.gazetteer import (
    AddressNames,
    ascii_index,
    ascii_key,
    gazetteer,
    name_in_year,
    settle,
    settle_address,
    variant_key,
    without_note,
)
from extractor.extract.guards import words_led_cue
from extractor.extract.period import HEADER_BLOCKS, ReportPeriod, original_text, outline_to_period, place_date_line
from extractor.structure.outline import Outline
from extractor.text.fold import strip_diacritics
from extractor.text.normalize import normalize

SIGNATURE_BLOCKS = 15
# characters after a name within which the time phrase that ends it must end
# ("TỪ NĂM 2021" after the name's last syllable is well inside)
_PERIOD_TAIL = 48


@lru_cache(maxsize=1)
def _p() -> dict[str, Any]:
    data = load_pattern("identity")
    rx = pattern_regexes("identity")
    level_of = {p: lvl for lvl, prefixes in data["levels"].items() for p in prefixes}
    return {"rx": rx, "level_of": level_of, "kinds": data["kinds"],
            "central": {c.casefold() for c in data["central_cities"]},
            "central_prefix": data["central_city_prefix"]}


class _Mention(NamedTuple):
    """A place name found in a report, at one level, with the weight of where it stands."""

    level: str
    key: str
    spelling: str
    weight: int
    location: Location
    text: str
    # a province written without its prefix after a unit: that unit's (level, key); it counts
    # only when that unit is the report's own, not a visitor's or a source's
    host: tuple[str, str] | None = None


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


# characters before a mention that hold its context words or a name's last four syllables
_CONTEXT_REACH = 64


def outline_to_units(outline: Outline) -> list[_Mention]:
    """Every administrative unit named in the report, with its level and weight."""
    p = _p()
    rx = p["rx"]
    out: list[_Mention] = []
    for i, ob in enumerate(outline.blocks):
        text = ob.text
        first = len(out)
        zone = _zone_weight(outline, i)
        matches = [(m, False) for m in _unit_matches(rx["unit"], text)]
        matches += [(m, True) for m in _numbered_unit_matches(rx["numbered_unit"], text)]
        if ":" in text:  # a form's fields ("Xã: Lục Bình. Huyện: Bạch Thông"), read as units
            matches += [(m, False) for m in rx["form_field_unit"].finditer(text)]
        for m, numbered in matches:
            prefix = re.sub(r"\s+", " ", m.group("prefix").lower())
            caps = m.group("prefix").isupper()
            name = m.group("name") if numbered else _with_number(text, m.start("name"), _before_period(
                text, m.start("name"), _cut_name(m.group("name"), caps)))
            if not name or rx["not_a_name"].match(name):
                continue
            level = p["level_of"].get(prefix)
            if prefix == p["central_prefix"] and name.casefold() in p["central"]:
                level = "province"
            if level is None:
                continue
            if caps and not numbered:
                name = _known_lead(name, level)
            if not numbered:
                name = _before_dash(name, level)
            start = m.start("prefix") if numbered else m.start("name")
            end = m.start("name") + len(name)
            joined = None
            if not numbered and ob.block.confidence is not None:
                joined = _across_stray_mark(text, end, name, level, caps)
            if joined is not None:
                name, end = joined
                spelling, loc = name.title() if caps else name, original_text(outline, i, start, end)[1]
            else:
                spelling, loc = original_text(outline, i, start, end)
                if caps:
                    spelling = spelling.title()
                name = text[start:end]
            weight = zone
            # the words right before the mention (the longest, "ủy ban nhân dân ", fits in
            # _CONTEXT_REACH): the whole line before it made a long paragraph quadratic
            if rx["own_context"].search(text[max(0, m.start() - _CONTEXT_REACH):m.start()]):
                weight += 1
            out.append(_Mention(level, name.casefold(), spelling, weight, loc, text[m.start():end]))
            bare = _bare_province(text, end, name, level, caps) if level in ("commune", "district") else None
            if bare is not None:
                out.append(_hosted(outline, i, "province", *bare, weight, (level, name.casefold())))
            elif level == "commune":
                out += [_hosted(outline, i, lv, a, b, weight, host)
                        for lv, a, b, host in _bare_district(text, end, name, caps)]
        hosted = _bracket_places(text) + _dateline_places(text, [m.key for m in out[first:] if m.level == "commune"])
        if i > 0 and text.lstrip().startswith("("):
            hosted += _bracket_places_below(outline.blocks[i - 1].text, text)
        out += [_hosted(outline, i, lv, start, end, zone, host) for lv, start, end, host in hosted]
        # a letterhead line wraps in its narrow column, in the header or the signature block
        wrapped = _wrapped_unit(outline, i) if zone == 3 else None
        if wrapped is not None:
            out.append(wrapped)
    return out


def _hosted(outline: Outline, i: int, level: str, start: int, end: int, weight: int,
            host: tuple[str, str]) -> _Mention:
    """A unit written without its prefix at `start:end` of block `i`, read as a place of `host`."""
    written = outline.blocks[i].text[start:end]
    spelling, loc = original_text(outline, i, start, end)
    return _Mention(level, written.casefold(), spelling.title() if written.isupper() else spelling,
                    weight, loc, written, host)


_Placed = tuple[str, int, int, tuple[str, str]]  # level, start, end, host (level, key)


def _bracket_places(text: str) -> list[_Placed]:
    """The district and province written in brackets after a unit's name without prefixes
    ("xã Vũ Muộn (Bạch Thông, Bắc Kạn)", "Vũ Muộn (Bạch Thông)"): the last capitalised
    syllables before the bracket name the unit, the longest run of them the gazetteer places
    in every part inside."""
    out: list[_Placed] = []
    if "(" not in text:  # the regex needs an opening bracket: most lines have none
        return out
    level_of = _p()["level_of"]
    for m in _p()["rx"]["bracket_places"].finditer(text):
        before = text[max(0, m.start() - _CONTEXT_REACH):m.start()]
        tokens = before.split()[-4:]
        caps = bool(tokens) and tokens[-1].isupper()
        while tokens and _cut_name(" ".join(tokens), caps) != " ".join(tokens):
            tokens = tokens[1:]
        # a prefix in capitals ("XÃ NÀ PÙ LẠC") is no part of the unit's name
        while tokens and (tokens[0].casefold() in level_of or " ".join(tokens[:2]).casefold() in level_of):
            tokens = tokens[2:] if " ".join(tokens[:2]).casefold() in level_of else tokens[1:]
        parts = _place_parts(text, m.start("places"), m.end("places"), caps)
        for n in range(len(tokens), 0, -1):
            host = " ".join(tokens[-n:])
            # the prefix before the name says its level: "huyện Phong Điền (Thừa Thiên Huế)" is
            # the district, not a commune of that name
            level = _prefix_level(before[:before.rfind(host)])
            placed = _placed_within(text, host, parts,
                                    (level,) if level in ("commune", "district") else ("commune", "district"))
            if placed:
                out += placed
                break
    return out


def _bracket_places_below(above: str, text: str) -> list[_Placed]:
    """The places in a bracket opening the line `text`, after a unit's name ending the line
    `above` (a letterhead "Trường Tiểu học xã Vũ Muộn" over "(Bạch Thông, Bắc Kạn)"): read as
    one line, the spans kept in `text`."""
    shift = len(above) + 1
    return [(lv, a - shift, b - shift, host)
            for lv, a, b, host in _bracket_places(above + " " + text) if a >= shift]


def _prefix_level(lead: str) -> str | None:
    """The level of the administrative prefix that ends `lead` ("... của UBND huyện " -> district)."""
    words = " ".join(lead.split()).casefold()
    for prefix in sorted(_p()["level_of"], key=len, reverse=True):
        if words == prefix or words.endswith(" " + prefix):
            return str(_p()["level_of"][prefix])
    return None


def _dateline_places(text: str, hosts: list[str]) -> list[_Placed]:
    """The district and province of a news dateline opening the line ("Bắc Kạn - Bạch
    Thông: xã Vũ Muộn ..."), each placed by the gazetteer around a commune of `hosts` (the keys
    of the communes the line names)."""
    # the regex needs a colon after the places: most lines have none, and the names' repeat
    # is tried at every split of the line's first words before the match fails
    m = _p()["rx"]["dateline"].match(text) if ":" in text else None
    if m is None:
        return []
    parts = _place_parts(text, m.start("places"), m.end("places"), m.group("places").isupper())
    for host in hosts:
        placed = _placed_within(text, host, parts, ("commune",))
        if placed:
            return placed
    return []


def _placed_in_dateline(text: str, start: int, end: int, mentions: list[_Mention]) -> list[_Placed]:
    """The place of the place-and-date line at `start:end` as the district or province of a
    commune the report names, the first of `mentions` the gazetteer places in it; none when it
    places none there."""
    for host in dict.fromkeys(x.key for x in mentions if x.level == "commune" and x.host is None):
        placed = _placed_within(text, host, [(start, end)], ("commune",))
        if placed:
            return placed
    return []


def _place_parts(text: str, start: int, end: int, caps: bool) -> list[tuple[int, int]]:
    """The spans of the names between `start` and `end`, split at commas, spaced dashes and
    brackets; none when one is not a capitalised name."""
    spans: list[tuple[int, int]] = []
    pos = start
    inner = text[start:end].replace("(", ",").replace(")", ",")
    for m in [*_p()["rx"]["place_parts_split"].finditer(inner), None]:
        a, b = pos, (start + m.start() if m is not None else end)
        part = text[a:b].strip(" \t()")
        if part:
            a = text.index(part, a)
            if _cut_name(part, caps) != part:
                return []
            spans.append((a, a + len(part)))
        if m is not None:
            pos = start + m.end()
    return spans


def _placed_within(text: str, host: str, parts: list[tuple[int, int]], host_levels: tuple[str, ...]) -> list[_Placed]:
    """The parts at `parts` of `text` as places of the unit `host`: as written, or with two
    parts a dash joins read as one name ("Bà Rịa - Vũng Tàu")."""
    readings = [parts] + [[*parts[:k], (parts[k][0], parts[k + 1][1]), *parts[k + 2:]]
                          for k in range(len(parts) - 1)
                          if text[parts[k][1]:parts[k + 1][0]].strip() in ("-", "–")]
    for spans in readings:
        levels = _levels_within(host, [text[a:b] for a, b in spans], host_levels)
        if levels:
            placed = [(lv, a, b, (host_level, host.casefold()))
                      for (host_level, lv), (a, b) in zip(levels, spans, strict=True)]
            # a province beside a district is that district's: it counts only with it
            district = next((text[a:b].casefold() for lv, a, b, _ in placed if lv == "district"), None)
            return [(lv, a, b, ("district", district) if lv == "province" and district else h)
                    for lv, a, b, h in placed]
    return []


def _levels_within(host: str, parts: list[str], host_levels: tuple[str, ...]) -> list[tuple[str, str]]:
    """For each part, (the host's level, the part's level) when the gazetteer places a unit
    named `host` in a district or province of each part's name, all at once; else none."""
    gz = gazetteer()
    if gz is None:
        return []
    for host_level in host_levels:
        if host_level == "commune":
            places = [(u.district, u.province) for u in gz.communes(host)]
            if not places:
                # a commune the data do not hold (merged or renamed before their snapshot):
                # the places are read when they are a district and its province themselves
                # (a lone part that names a province as well as a district is the province)
                places = ([(None, p) for p in map(gz.province, parts) if p]
                          + [dp for part in parts for dp in gz.districts(part)])
        else:
            places = [(d, p) for d, p in gz.districts(host)]
        for district, province in places:
            levels: list[tuple[str, str]] = []
            for part in parts:
                if district and variant_key(without_note(district)) == variant_key(part) and "district" not in (
                        lv for _, lv in levels):
                    levels.append((host_level, "district"))
                elif gz.province(part) == province:
                    levels.append((host_level, "province"))
                else:
                    break
            if len(levels) == len(parts):
                return levels
    return []


def _wrapped_unit(outline: Outline, i: int) -> _Mention | None:
    """A unit of the letterhead whose prefix ends block `i` in capitals and whose name opens
    the next block ("UBND XÃ VŨ MUỘN, HUYỆN" / "BẠCH THÔNG"), when the gazetteer knows the name
    at the prefix's level."""
    p = _p()
    m = p["rx"]["prefix_at_end"].search(outline.blocks[i].text)
    if m is None or i + 1 >= len(outline.blocks):
        return None
    nxt = outline.blocks[i + 1].text
    lead = len(nxt) - len(nxt.lstrip(" *"))
    name = _cut_name(nxt[lead:], caps=True)
    prefix = re.sub(r"\s+", " ", m.group("prefix").lower())
    level = p["level_of"].get(prefix)
    if prefix == p["central_prefix"] and name.casefold() in p["central"]:
        level = "province"
    if not name or level is None or p["rx"]["not_a_name"].match(name):
        return None
    name = _known_lead(name, level)
    if not _known_at(level, name):
        return None
    spelling, loc = original_text(outline, i + 1, lead, lead + len(name))
    return _Mention(level, name.casefold(), spelling.title(), _zone_weight(outline, i + 1), loc, name)


def _bare_district(text: str, end: int, commune: str, caps: bool) -> list[_Placed]:
    """The district named without its prefix right after the commune `commune` that ends at
    `end` ("xã Phù Ninh, Ba Vì"), and the province after it if one follows the same way ("xã Phù
    Ninh, Ba Vì, Hà Nội"): the longest leading part of the capitalised name there in which the
    gazetteer places a commune of that name. The province counts with the district only."""
    m = _p()["rx"]["bare_province"].match(text[end:])
    gz = gazetteer()
    if m is None or gz is None:
        return []
    kept = len(_cut_name(m.group("name"), caps).split())
    spans = [t.span() for t in re.finditer(r"\S+", m.group("name"))][:kept]
    lies_in = {variant_key(without_note(u.district)) for u in gz.communes(commune) if u.district}
    for n in range(len(spans), 0, -1):
        lead = m.group("name")[:spans[n - 1][1]]
        if variant_key(lead) in lies_in:
            start = end + m.start("name")
            host = ("commune", commune.casefold())
            placed: list[_Placed] = [("district", start, start + len(lead), host)]
            province = _bare_province(text, start + len(lead), lead, "district", caps)
            if province is not None and gz.province(text[province[0]:province[1]]) in {
                    u.province for u in gz.communes(commune)
                    if u.district and variant_key(without_note(u.district)) == variant_key(lead)}:
                placed.append(("province", *province, ("district", lead.casefold())))
            return placed
    return []


def _bare_province(text: str, end: int, unit: str, level: str, caps: bool) -> tuple[int, int] | None:
    """The span of a province named without its prefix right after the unit `unit` that ends
    at `end` ("huyện Phong Điền, Thừa Thiên Huế"): the longest leading part of the capitalised
    name there that the gazetteer knows as a province in which it places the unit."""
    m = _p()["rx"]["bare_province"].match(text[end:])
    gz = gazetteer()
    if m is None or gz is None:
        return None
    kept = len(_cut_name(m.group("name"), caps).split())
    spans = [t.span() for t in re.finditer(r"\S+", m.group("name"))][:kept]
    if level == "commune":
        lies_in = {u.province for u in gz.communes(unit)}
    else:
        lies_in = {p for _, p in gz.districts(unit)}
    for n in range(len(spans), 0, -1):
        lead = m.group("name")[:spans[n - 1][1]]
        if gz.province(lead) in lies_in:
            start = end + m.start("name")
            return start, start + len(lead)
    return None


@lru_cache(maxsize=1)
def _unmarked_unit() -> tuple[re.Pattern[str], dict[str, str]]:
    """The unit regex and prefixes without marks ("xa Phuoc Son", "huyen Tuy Phuoc")."""
    data = load_pattern("identity")
    levels = {strip_diacritics(p): lvl for lvl, prefixes in data["levels"].items() for p in prefixes}
    return compiled(strip_diacritics(data["unit"]["regex"])), levels


@lru_cache(maxsize=1)
def _unmarked_name_period() -> re.Pattern[str]:
    return compiled(strip_diacritics(load_pattern("identity")["name_period"]["regex"]))


def _unmarked_units(outline: Outline) -> list[_Mention]:
    """In a report typed without tone marks, the units named after an unmarked prefix, each
    spelt as the gazetteer spells it where the units of that unmarked name at that level share
    one spelling ("Phuoc Son" -> "Phước Sơn"), or, for a commune, where those inside the
    district or province the report names do; a name the gazetteer does not know is not taken
    ("xa" is also the word for "far")."""
    idx = ascii_index()
    if idx is None:
        return []
    regex, levels = _unmarked_unit()
    period_rx = _unmarked_name_period()

    # level -> ascii key -> (spelling, district, province) of every unit of that name
    units = {"commune": lambda k: {(without_note(u.commune), without_note(u.district or ""), u.province)
                                   for u in idx.communes.get(k, ())},
             "district": lambda k: {(without_note(d), without_note(d), p) for d, p in idx.districts.get(k, ())},
             "province": lambda k: {(idx.provinces[k], "", idx.provinces[k])} if k in idx.provinces else set()}
    found: list[tuple[str, set[tuple[str, str, str]], int, re.Match[str], str]] = []
    for i, ob in enumerate(outline.blocks):
        for m in _unit_matches(regex, ob.text):
            level = levels.get(re.sub(r"\s+", " ", m.group("prefix").lower()))
            name = _cut_name(m.group("name"), m.group("prefix").isupper())
            if level is None or not name:
                continue
            candidates = units[level](ascii_key(name))
            # a name the gazetteer does not know may have run into the title's time phrase
            cut = _name_before(period_rx, ob.text, m.start("name"), name)
            if not candidates and cut != name:
                name, candidates = cut, units[level](ascii_key(cut))
            found.append((level, candidates, i, m, name))
    named = {lv: {u[0] for f in found if f[0] == lv and len({u[0] for u in f[1]}) == 1 for u in f[1]}
             for lv in ("district", "province")}
    out: list[_Mention] = []
    for level, candidates, i, m, name in found:
        spellings = {u[0] for u in candidates}
        if len(spellings) > 1 and level == "commune":
            spellings = {u[0] for u in candidates if u[1] in named["district"] or u[2] in named["province"]}
        if len(spellings) != 1:
            continue
        spelling = spellings.pop()
        end = m.start("name") + len(name)
        loc = original_text(outline, i, m.start("name"), end)[1]
        out.append(_Mention(level, normalize(spelling).casefold(), spelling, _zone_weight(outline, i), loc,
                            outline.blocks[i].text[m.start():end]))
    return out


def _before_period(text: str, start: int, name: str) -> str:
    """The name at `start` cut before a time phrase that runs on from it ("BẠCH THÔNG GIAI ĐOẠN"
    before "2021-2025", "Bạch Thông Năm 2023"): in capitals or title case no lower-case word
    stops it. A name the gazetteer knows whole at some level is kept ("Ngã Năm")."""
    cut = _name_before(_p()["rx"]["name_period"], text, start, name)
    if cut == name or any(_known_at(level, name) for level in ("commune", "district", "province")):
        return name
    return cut


def _known_at(level: str, name: str) -> bool:
    gz = gazetteer()
    if gz is None:
        return False
    known = {"commune": gz.communes, "district": gz.districts, "province": gz.province}[level](name)
    return bool(known)


def _known_lead(name: str, level: str) -> str:
    """In a line written in capitals nothing but a time phrase ends a name, so a title runs the
    unit on into the words after it ("XÃ VŨ MUỘN ĐẠT CHUẨN", "UBND XÃ X VỀ VIỆC"): a name of
    three or more syllables the gazetteer does not know at `level` is cut to its longest leading
    part of two or more syllables that it knows there. A name it knows whole, or of which it
    knows no leading part, is kept as written."""
    tokens = name.split()
    if len(tokens) < 3 or _known_at(level, name):
        return name
    for n in range(len(tokens) - 1, 1, -1):
        lead = " ".join(tokens[:n])
        if _known_at(level, lead):
            return lead
    return name


def _before_dash(name: str, level: str) -> str:
    """A name joined by a dash to the next one ("Nghĩa Thắng - Quảng Ngãi": the commune, then
    its province) cut before the dash, when the gazetteer knows the part before it at `level`
    and not the whole; a name with a dash of its own ("Bà Rịa - Vũng Tàu") is kept."""
    cut = re.split(r" [-–] ", name, maxsplit=1)[0]
    if cut == name or _known_at(level, name) or not _known_at(level, cut):
        return name
    return cut


def _name_before(regex: re.Pattern[str], text: str, start: int, name: str) -> str:
    """`name` (at `start` in `text`) up to the first match of `regex` that starts inside it;
    the search ends a short phrase past the name, so a long line is not read again per unit."""
    m = regex.search(text, start, start + len(name) + _PERIOD_TAIL)
    if m is None or m.start() >= start + len(name):
        return name
    return name[:m.start() - start]


def _across_stray_mark(text: str, end: int, name: str, level: str, caps: bool) -> tuple[str, int] | None:
    """In text read by OCR, a name broken by a lone stray mark ("Xuân: Lộc") at `end`: the
    joined name and the end of its second part, when the gazetteer knows it at `level`."""
    m = _p()["rx"]["ocr_stray_mark"].match(text, end)
    if m is None:
        return None
    word = m.group("word")
    if not (word.isupper() if caps else word[0].isupper()):
        return None
    joined = f"{name} {word}"
    return (joined, m.end()) if _known_at(level, joined) else None


def _unit_matches(regex: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of the unit regex that may overlap: a capture cut short ("xã trong toàn tỉnh
    Bắc Giang" names no commune) leaves the rest of it to be read again ("tỉnh Bắc Giang")."""
    return _cued_matches(regex, text, lambda m: m.start("name"))


def _numbered_unit_matches(regex: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """`regex.finditer(text)` of the numbered unit regex (it matches no empty text)."""
    return _cued_matches(regex, text, re.Match.end)


def _cued_matches(regex: re.Pattern[str], text: str,
                  restart: Callable[[re.Match[str]], int]) -> list[re.Match[str]]:
    """The matches `regex.search` finds from 0 and, after each, from `restart(match)`, tried
    only where its cue (`guards.words_led_cue`: a class of the prefixes' first letters the
    engine scans for in C) matches: every match begins at a cue, so the first match at or
    after a position is the first cue there that the regex matches at. A regex of another
    shape is searched as it is."""
    cue = _cue(regex)
    out: list[re.Match[str]] = []
    pos = 0
    if cue is None:
        while (m := regex.search(text, pos)) is not None:
            out.append(m)
            pos = restart(m)
        return out
    while (c := cue.search(text, pos)) is not None:
        m = regex.match(text, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        out.append(m)
        pos = restart(m)
    return out


@lru_cache(maxsize=8)
def _cue(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    return words_led_cue(regex.pattern) if regex.flags & ~re.UNICODE == 0 else None


def _with_number(text: str, start: int, name: str) -> str:
    """The name with the number that ends it ("Quế Xuân 1"), when punctuation or the end of
    the text follows the number or the gazetteer knows the numbered name."""
    if not name:
        return name
    rx = _p()["rx"]
    end = start + len(name)
    m = rx["name_number"].match(text[end:])
    if not m:
        return name
    numbered = f"{name} {m.group('n')}"
    gz = gazetteer()
    if rx["name_number_end"].match(text[end + m.end():]) or (gz is not None and gz.communes(numbered)):
        return numbered
    return name


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
    # `most_common(1)` is this `max` (the first of equals), less the import of heapq
    spelling = max(spellings, key=spellings.__getitem__)
    first = next(m for m in same if m.spelling == spelling)
    return _Mention(level, best, spelling, scores[best], first.location, first.text)


def _number_and_kind(outline: Outline) -> tuple[tuple[str | None, Evidence] | None, tuple[str, Evidence] | None]:
    p = _p()
    rx = p["rx"]
    number = kind = None
    for i, ob in enumerate(outline.blocks[:HEADER_BLOCKS * 2]):
        text = ob.text
        m = rx["document_number"].match(text)
        if m and number is None:
            raw = re.sub(r"\s+", "", m.group("num"))
            ev = Evidence(*original_text(outline, i, m.start("num"), m.end("num")))
            number = (raw if raw[:1].isdigit() else None, ev)
            code = m.group("code").casefold()
            for k in p["kinds"]:
                if kind is None and k["code"].casefold() == code:
                    kind = (k["kind"], ev)
        stripped = text.strip(" *.:").casefold()
        for k in p["kinds"]:
            if stripped == k["title"]:
                kind = (k["kind"], Evidence(*original_text(outline, i, 0, len(text))))
                break
            if kind is None and _title_opens(text, k["title"], i):
                kind = (k["kind"], Evidence(*original_text(outline, i, 0, len(k["title"]))))
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
                name, loc = original_text(outline, j, m.start("name"), m.end("name"))
                return name, Evidence(name, loc)
    return None


def outline_to_identity(outline: Outline, period: ReportPeriod | None = None) -> Identity:
    """Who reported and when; `period` is the pipeline's one reading of the report's dates."""
    period = period if period is not None else outline_to_period(outline)
    ident = Identity()
    mentions = outline_to_units(outline)
    if not mentions and outline.unmarked:
        mentions = _unmarked_units(outline)
    pd = place_date_line(outline)
    if pd is not None:
        i, m = pd
        place = m.group("place").strip()
        spelling, loc = original_text(outline, i, m.start("place"), m.start("place") + len(place))
        key = place.casefold()
        # the place counts for the level already naming it; a place no unit names that the
        # gazetteer places a commune of the report in is that commune's district or province
        # (an office of the province dates its report from the province: "Hà Nội, ngày ...");
        # the commune otherwise
        levels = [x.level for x in mentions if x.key == key]
        placed = [] if levels else _placed_in_dateline(
            outline.blocks[i].text, m.start("place"), m.start("place") + len(place), mentions)
        if placed:
            mentions += [_hosted(outline, i, lv, start, end, 3, host) for lv, start, end, host in placed]
        else:
            counted = Counter(levels)
            level = max(counted, key=counted.__getitem__) if levels else "commune"
            mentions.append(_Mention(level, key, spelling, 3, loc, place))
    chosen: dict[str, _Mention] = {}
    for level in ("commune", "district", "province"):
        best = _choose([m for m in mentions if m.host is None or _is_chosen(m.host, chosen)], level)
        if best is not None:
            chosen[level] = best
            setattr(ident, level, best.spelling)
            ident.evidence[level] = Evidence(best.text, best.location)
    # the year whose names a province the gazetteer settles is given: the report's date's, or
    # the year of its period
    year = int(period.report_date[0][:4]) if period.report_date else period.year
    _settle_places(ident, chosen, mentions, year)
    _places_from_address(ident, outline, year)
    if period.report_date:
        ident.report_date, ident.evidence["report_date"] = period.report_date
    if period.results:
        ident.period, ident.evidence["period"] = period.results
    if period.plan:
        ident.plan_period, ident.evidence["plan_period"] = period.plan
    number, kind = _number_and_kind(outline)
    if number:
        ident.document_number, ident.evidence["document_number"] = number
    if kind:
        ident.document_kind, ident.evidence["document_kind"] = kind
    signer = _signer(outline)
    if signer:
        ident.signer, ident.evidence["signer"] = signer
    ident.criteria_set = period.criteria_set_id
    return ident


def _is_chosen(host: tuple[str, str], chosen: dict[str, _Mention]) -> bool:
    level, key = host
    return level in chosen and chosen[level].key == key


def _settle_places(ident: Identity, chosen: dict[str, _Mention], mentions: list[_Mention], year: int | None) -> None:
    """District and province the report leaves unsaid, settled by the gazetteer from what it
    states, a province under its name in the report's `year`. An inferred field keeps the
    evidence it came from and says so under "<field>_inferred"; a field the gazetteer cannot
    choose stays blank, its candidates under "<field>_candidates"."""
    if "province" in chosen and "district" in chosen:
        return
    others = tuple(dict.fromkeys(strip_place_prefix(m.spelling) for m in mentions
                                 if m.level in ("commune", "district")
                                 and all(m.key != c.key for c in chosen.values())))
    stated = {lv: strip_place_prefix(m.spelling) for lv, m in chosen.items()}
    settled = settle(stated.get("commune"), stated.get("district"), stated.get("province"), others=others)
    source = chosen.get("commune") or chosen.get("district")
    if source is None:
        return
    province = name_in_year(settled.province, year) if settled.province else None
    for level, value in (("district", settled.district), ("province", province)):
        if level in chosen:
            continue
        if value is not None:
            setattr(ident, level, value)
            ident.evidence[level] = Evidence(source.text, source.location)
            ident.evidence[f"{level}_inferred"] = Evidence(
                f"gazetteer: {source.spelling} -> {value}", source.location)
        elif settled.candidates and level in settled.candidates:
            names = [name_in_year(c, year) if level == "province" else c for c in settled.candidates[level]]
            ident.evidence[f"{level}_candidates"] = Evidence("; ".join(names), None)


def _places_from_address(ident: Identity, outline: Outline, year: int | None) -> None:
    """Levels the text leaves blank, from a web address in it that the gazetteer confirms: a
    saved portal page or news item often names its commune only in its address (a province
    under its name in the report's `year`). An address that contradicts a unit the text states
    (or the gazetteer settled) is not used."""
    for i, ob in enumerate(outline.blocks):
        for m in _p()["rx"]["web_address"].finditer(ob.text):
            names = address_to_names(m.group("host"), m.group("path") or "")
            found = settle_address(names) if names is not None else {}
            if "province" in found:
                found["province"] = name_in_year(found["province"], year)
            known = {lv: getattr(ident, lv) for lv in found if getattr(ident, lv)}
            if not found or any(ascii_key(strip_place_prefix(v)) != ascii_key(found[lv]) for lv, v in known.items()):
                continue
            text, loc = original_text(outline, i, m.start(), m.end())
            for level, name in found.items():
                if getattr(ident, level) is None:
                    setattr(ident, level, name)
                    ident.evidence[level] = Evidence(text, loc)
                    ident.evidence[f"{level}_inferred"] = Evidence(f"address: {text} -> {name}", loc)
            return


def address_to_names(host: str, path: str) -> AddressNames | None:
    """The unit names of a web address, or None when no label of its host is a province."""
    idx = ascii_index()
    if idx is None:
        return None
    data = load_pattern("identity")["web_address"]
    aliases = {k: ascii_key(v) for k, v in data["province_aliases"].items()}
    labels = [lb for lb in host.casefold().split(".") if lb and lb not in data["generic_labels"]]
    index = next((k for k, lb in enumerate(labels) if aliases.get(lb, lb) in idx.provinces), None)
    if index is None:
        return None
    before = labels[index - 1].split("-") if index > 0 else []
    words = [w for w in re.split(r"[^a-z0-9]+", path.casefold()) if w]
    runs: dict[str, list[tuple[str, ...]]] = {}
    for level, prefixes in data["slug_prefixes"].items():
        for prefix in prefixes:
            parts = prefix.split("-")
            for k in range(len(words) - len(parts)):
                if words[k:k + len(parts)] == parts:
                    runs.setdefault(level, []).append(tuple(words[k + len(parts):k + len(parts) + 4]))
    return AddressNames(aliases.get(labels[index], labels[index]), tuple(before),
                        {lv: tuple(r) for lv, r in runs.items()})


@lru_cache(maxsize=1)
def _place_prefix_regex() -> re.Pattern[str]:
    prefixes = sorted((normalize(p).casefold() for p in load_pattern("identity")["place_key"]["prefixes"]),
                      key=len, reverse=True)
    return compiled(r"^(?:(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s+)+")


def strip_place_prefix(name: str) -> str:
    """'Xã Phủ Thông' -> 'Phủ Thông', 'Tỉnh Thái Nguyên' -> 'Thái Nguyên': the spelling kept,
    the administrative prefixes of patterns/identity.yaml removed."""
    return _place_prefix_regex_any_case().sub("", normalize(name).strip())


@lru_cache(maxsize=1)
def _place_prefix_regex_any_case() -> re.Pattern[str]:
    prefixes = sorted(load_pattern("identity")["place_key"]["prefixes"], key=len, reverse=True)
    return compiled(r"^(?:(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s+)+", re.IGNORECASE)


def place_key(name: str | None) -> str:
    """The key a place is compared by across reports and runs: 'Xã Lục Bình', 'LỤC BÌNH',
    'UBND xã  Lục Bình' -> 'lục bình'; '' for no name."""
    if not name:
        return ""
    text = " ".join(normalize(name).casefold().split())
    return _place_prefix_regex().sub("", text).strip(" .,;:-")
