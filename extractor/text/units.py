"""Units after a number, compiled from patterns/units.yaml.

`unit_at(text, pos)` answers: does a unit start at `pos` (glued to the number or after up to
two spaces)? It returns the canonical unit, the scale into that unit (money into đồng) and
the end of the match. Multipliers ("2,5 triệu mét vuông") and per-units ("/người/năm") are
matched the same way.

Text read by OCR loses or swaps tone marks ("6 hổ nghèo", "3400,2 triêu đồng");
`tolerant_unit_at` matches a unit with every diacritic stripped from both sides, one letter for
one, so the offsets are those of the text as read. A one-syllable form ("hộ", "bản") stripped
collides with common words ("hồ", "bán"): it is matched only when the caller allows it (a
poorly read text); forms of two syllables or more ("triệu đồng", "hộ nghèo") always.

A form is not read where its last syllable begins a compound noun of `compound_nouns` ("03 đồng
chí" counts comrades, not money; "ký 500 bản cam kết" pledges, not villages). A report typed
without tone marks is read folded (extractor/text/fold.py): every form, per-unit, multiplier
and compound noun spelt folded, one-syllable ones too, with the words of `unmarked_not_units`
added to the compounds ("ho so" is "hồ sơ", not "hộ").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from extractor.core.data import load_pattern
from extractor.core.kept import kept_results, source_digest
from extractor.core.regexes import compiled
from extractor.text.fold import per_reading, spelt, strip_diacritics, unmarked

__all__ = ["UnitMatch", "multiplier_at", "per_unit_at", "tolerant_unit_at", "unit_at"]

_GAP = r"[ ]{0,2}"
_END = r"(?!\w)"


class UnitMatch(NamedTuple):
    """A unit found in a text: its canonical name, scale, counted noun and offsets."""

    unit: str
    scale: float
    noun: str | None
    start: int
    end: int


class _UnitEntry(NamedTuple):
    """One unit of patterns/units.yaml: its canonical name, scale, counted noun and spellings."""

    unit: str
    scale: float
    noun: str | None
    forms: tuple[str, ...]


def _alternation(forms: list[str]) -> str:
    return "|".join(sorted(forms, key=len, reverse=True))


# Each regex is compiled when first used: a report's numbers may never reach a multiplier or a
# per-unit, and the stripped spellings serve text read by OCR only.


@lru_cache(maxsize=1)
def _entries() -> tuple[_UnitEntry, ...]:
    return tuple(_UnitEntry(e["unit"], float(e.get("scale", 1)), e.get("noun"), tuple(e["forms"]))
                 for e in load_pattern("units")["units"])


def _compounds(spell: Callable[[str], str], folded: bool) -> dict[str, list[str]]:
    """The compound nouns led by a unit's syllable, spelled by `spell`, as {first syllable: the
    rest}; `unmarked_not_units` added when the text is read `folded` (unmarked or stripped)."""
    data = load_pattern("units")
    words = data["compound_nouns"] + (data["unmarked_not_units"] if folded else [])
    tails: dict[str, list[str]] = {}
    for word in dict.fromkeys(spell(w).lower() for w in words):
        head, _, rest = word.partition(" ")
        tails.setdefault(head, []).append(rest)
    return tails


def _after_unit_lookahead(spell: Callable[[str], str]) -> str:
    """Where a word of `after_unit_words` (spelled by `spell`) stands, no compound noun does."""
    words = dict.fromkeys(spell(w).lower() for w in load_pattern("units")["after_unit_words"])
    return rf"(?!(?:{_alternation([re.escape(w) for w in words])}){_END})"


def _compound_tail(rests: list[str], after_unit: str) -> str:
    """The rest of a compound noun after its first syllable, not where a word read after a unit
    stands (`after_unit`: "đồng phục vụ" is money serving, not uniforms)."""
    return rf"[ ]+{after_unit}(?:{_alternation([re.escape(r) for r in rests])}){_END}"


@lru_cache(maxsize=1)
def _this_code() -> str | None:
    return source_digest(__file__)


@kept_results(_this_code)
def _letters(upper: bool) -> str:
    """The Latin letters (Vietnamese ones among them) of one case, for a character class (a
    test of ~8,000 characters, ~1.5 ms: kept from one run to the next, core/kept.py)."""
    return "".join(c for c in map(chr, range(0x41, 0x2000)) if c.isalpha() and (c.isupper() if upper else c.islower()))


def _name_lookahead(form: str) -> str:
    """Where `form` is capitalized (not all capitals) before a capitalized word it leads a place
    name ("14 Đồng Xoài"): a case-sensitive lookahead that keeps the form from matching."""
    title = re.escape(form[:1].upper()) + re.escape(form[1:])
    return rf"(?!(?-i:{title}[ ]+[{_letters(True)}][{_letters(False)}]))"


def _form_regex(form: str, tails: dict[str, list[str]], after_unit: str, names: frozenset[str]) -> str:
    """A form, not where its last syllable begins a compound noun ("đồng" of "đồng chí",
    "ngày công" of "ngày công tác"), nor where it leads a place name (`names`)."""
    low = form.lower()
    lead = _name_lookahead(form) if low in names else ""
    for head, rests in tails.items():
        if low.endswith(head) and not low[:-len(head)][-1:].isalpha():
            return rf"{lead}{form}(?!{_compound_tail(rests, after_unit)})"
    return lead + form


class _Spelling(NamedTuple):
    """What keeps a form from a compound noun or a place name, spelled by `spell`."""

    tails: dict[str, list[str]]
    after_unit: str
    names: frozenset[str]


def _spelling(spell: Callable[[str], str], folded: bool) -> _Spelling:
    """`_compounds`, `_after_unit_lookahead` and the name heads, spelled by `spell` (worked out
    once for all the forms of a regex)."""
    names = frozenset(spell(w).lower() for w in load_pattern("units")["name_heads"])
    return _Spelling(_compounds(spell, folded), _after_unit_lookahead(spell), names)


def _forms_alternation(forms: list[str], spelling: _Spelling) -> str:
    """The forms longest first (as `_alternation`), each kept from a compound noun."""
    tails, after_unit, names = spelling
    return "|".join(_form_regex(f, tails, after_unit, names) for f in sorted(forms, key=len, reverse=True))


def _units_regex(spell: Callable[[str], str], folded: bool) -> re.Pattern[str]:
    """One named group per unit (u0, u1...), its forms spelled by `spell` and kept from the
    compound nouns (`_compounds`)."""
    spelling = _spelling(spell, folded)
    groups = [f"(?P<u{i}>{_forms_alternation([spell(f) for f in e.forms], spelling)})"
              for i, e in enumerate(_entries())]
    return compiled(_GAP + "(?:" + "|".join(groups) + ")" + _END, re.IGNORECASE)


@per_reading
def _unit_regex() -> re.Pattern[str]:
    return _units_regex(spelt, unmarked())


@per_reading
def _compounds_regex() -> re.Pattern[str]:
    """A compound noun (`_compounds`, spelt as read) right after a digit: led by the digit, the
    regex is tried only where one stands."""
    after_unit = _after_unit_lookahead(spelt)
    heads = [rf"{re.escape(head)}{_compound_tail(rests, after_unit)}"
             for head, rests in _compounds(spelt, unmarked()).items()]
    return compiled(rf"\d{_GAP}(?P<c>{'|'.join(heads)})", re.IGNORECASE)


def text_without_compounds(text: str, lo: int, hi: int) -> str | None:
    """`text` with the compound nouns led by a unit's syllable (`_compounds`) after a number of
    text[lo:hi] blanked to spaces, for a pattern that looks for a unit after the number ("năm
    2023 đồng chí", "Du an 1 ho tro": no unit follows); None when there is none."""
    spans = [m.span("c") for m in _compounds_regex().finditer(text, lo, hi)]
    if not spans:
        return None
    parts, done = [], 0
    for start, end in spans:
        parts += [text[done:start], " " * (end - start)]
        done = end
    return "".join(parts) + text[done:]


@lru_cache(maxsize=1)
def _tolerant_regex() -> re.Pattern[str]:
    return _units_regex(strip_diacritics, True)


@per_reading
def _multipliers() -> tuple[dict[str, float], re.Pattern[str]]:
    # keyed in lower case, as `multiplier_at` looks a match up, however the patterns write it
    multipliers = {spelt(form).lower(): float(m["scale"]) for m in load_pattern("units")["multipliers"]
                   for form in m["forms"]}
    alternation = _forms_alternation(list(multipliers), _spelling(spelt, unmarked()))  # "95 tỷ lệ" is no multiplier
    return multipliers, compiled(_GAP + f"(?P<m>{alternation})" + _END, re.IGNORECASE)


@per_reading
def _per_units() -> tuple[dict[str, str], re.Pattern[str]]:
    """(the per-unit as the patterns write it, by its spelling as read; the regex)."""
    # keyed in lower case, as `per_unit_at` looks a match up, however the patterns write it
    written = {spelt(p).lower(): p for p in load_pattern("units")["per_units"]}
    per = _alternation([re.escape(p) for p in written])
    return written, compiled(rf"[ ]?/[ ]?(?P<per>{per}){_END}", re.IGNORECASE)


def _matched(m: re.Match[str]) -> tuple[str, _UnitEntry]:
    """The name of the unit's group that matched and its entry: the last group matched, since
    the groups are alternatives and no form holds a group of its own."""
    name = str(m.lastgroup)
    return name, _entries()[int(name[1:])]


def unit_at(text: str, pos: int) -> UnitMatch | None:
    m = _unit_regex().match(text, pos)
    if m is None:
        return None
    name, entry = _matched(m)
    return UnitMatch(entry.unit, entry.scale, entry.noun, m.start(name), m.end())


def tolerant_unit_at(text: str, pos: int, one_syllable: bool = False) -> UnitMatch | None:
    """A unit at pos read with its diacritics stripped, when `unit_at` finds none: for text read
    by OCR. One-syllable forms only when `one_syllable` is set (see the module's note)."""
    exact = unit_at(text, pos)
    if exact is not None:
        return exact
    m = _tolerant_regex().match(strip_diacritics(text[pos:pos + 40]))
    if m is None:
        return None
    name, entry = _matched(m)
    if len(m.group(name).split()) < 2 and not one_syllable:
        return None
    return UnitMatch(entry.unit, entry.scale, entry.noun, pos + m.start(name), pos + m.end())


def multiplier_at(text: str, pos: int) -> tuple[float, int] | None:
    """(scale, end) of "nghìn"/"triệu"/"tỷ" starting at pos."""
    multipliers, regex = _multipliers()
    m = regex.match(text, pos)
    if m is None:
        return None
    return multipliers[m.group("m").lower()], m.end()


def per_unit_at(text: str, pos: int) -> tuple[str, int] | None:
    """("người/năm", end) of a per-unit starting with '/' at pos."""
    written, regex = _per_units()
    m = regex.match(text, pos)
    return (written[m.group("per").lower()], m.end()) if m else None
