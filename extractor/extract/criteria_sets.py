"""Criteria catalogues: the national criteria sets as data (schemas/criteria/*.yaml).

A set has an id ("commune-2021-2025"), the level and tier it applies to, the years it is in
force and its numbered criteria with names and aliases. Adding a model (kiểu mẫu) or district
set is a new YAML file, no code; the advanced (nâng cao) set is one. Names are looked up within
one tier, since the same name has another number in another tier. The consistency checks use
`criteria_set_size` and `criterion_name`; extraction uses `name_regex` to read a criterion from
its name, with the names of every set of the same level (reports mix periods).
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from extractor.core.data import load_pattern, parse_yaml
from extractor.core.regexes import compiled
from extractor.text.fold import strip_diacritics
from extractor.text.normalize import normalize

DEFAULT_LEVEL = "commune"
DEFAULT_TIER = "standard"
ADVANCED_TIER = "advanced"


class Criterion(NamedTuple):
    """One criterion of a set: its number, official name and the other names reports use."""

    number: int
    name: str
    aliases: tuple[str, ...]


class CriteriaSet(NamedTuple):
    """A set of criteria in force for a level and tier over a span of years."""

    id: str
    level: str
    tier: str
    valid_from: int
    valid_to: int | None
    criteria: tuple[Criterion, ...]
    components: dict[int, tuple[int, ...]]

    @property
    def size(self) -> int:
        return len(self.criteria)

    def name(self, number: int) -> str | None:
        return next((c.name for c in self.criteria if c.number == number), None)


@cache
def criteria_sets() -> tuple[CriteriaSet, ...]:
    """Every catalogue under schemas/criteria/, ordered by level, tier and start year."""
    folder = resources.files("extractor._schemas").joinpath("criteria")
    out: list[CriteriaSet] = []
    for ref in folder.iterdir():
        if not ref.name.endswith(".yaml"):
            continue
        d = parse_yaml(ref.read_text(encoding="utf-8"))
        out.append(CriteriaSet(
            id=d["id"], level=d["level"], tier=d["tier"],
            valid_from=int(d["valid_from"]),
            valid_to=int(d["valid_to"]) if d.get("valid_to") is not None else None,
            criteria=tuple(Criterion(int(c["number"]), normalize(c["name"]),
                                     tuple(normalize(a) for a in c.get("aliases") or ()))
                           for c in d["criteria"]),
            components={int(k): tuple(v) for k, v in (d.get("components") or {}).items()}))
    return tuple(sorted(out, key=lambda s: (s.level, s.tier, s.valid_from)))


def criteria_set(set_id: str | None = None) -> CriteriaSet:
    """The set with this id; None gives the newest standard commune set."""
    if set_id is None:
        return criteria_set_for_year(None)
    for s in criteria_sets():
        if s.id == set_id:
            return s
    raise KeyError(f"unknown criteria set {set_id!r}")


def criteria_set_for_year(year: int | None, level: str = DEFAULT_LEVEL,
                          tier: str = DEFAULT_TIER) -> CriteriaSet:
    """The set in force in `year` (the newest one already in force past its end; the newest
    when the year is unknown)."""
    candidates = [s for s in criteria_sets() if s.level == level and s.tier == tier]
    if not candidates:
        raise KeyError(f"no criteria set for level={level!r} tier={tier!r}")
    if year is None:
        return candidates[-1]
    for s in candidates:
        if s.valid_from <= year <= (s.valid_to or 9999):
            return s
    started = [s for s in candidates if s.valid_from <= year]
    return started[-1] if started else candidates[0]


def criteria_set_size(set_id: str | None = None) -> int:
    """How many criteria the set has (19 for the commune sets)."""
    return criteria_set(set_id).size


def criterion_name(number: int, set_id: str | None = None) -> str | None:
    """The official name of criterion `number` in the set (None when out of range)."""
    return criteria_set(set_id).name(number)


@cache
def _conjunctions(folded: bool = False) -> tuple[str, ...]:
    """Words that join parts of a name and mean the same (patterns/criteria.yaml)."""
    words = (normalize(w).lower() for w in load_pattern("criteria")["conjunctions"])
    return tuple(dict.fromkeys(strip_diacritics(w) if folded else w for w in words))


def _alias_to_regex(alias: str, folded: bool = False) -> str:
    # words may be joined by spaces, commas or dashes in reports, and by any conjunction
    conjunctions = _conjunctions(folded)
    any_conjunction = "(?:" + "|".join(map(re.escape, conjunctions)) + ")"
    words = [w for w in re.split(r"[\s,\-–]+", alias) if w]
    parts = [any_conjunction if w.lower() in conjunctions else re.escape(w) for w in words]
    return r"[\s,\-–]*".join(parts)


@cache
def name_table(level: str = DEFAULT_LEVEL, tier: str = DEFAULT_TIER,
               folded: bool = False) -> tuple[tuple[str, int], ...]:
    """(name or alias, number) over every set of the level and tier, longest name first. A
    name used for two numbers in different sets keeps the number of the newest set. The tiers
    are kept apart: "Y tế" is 15 in the standard set and 14 in the advanced one. `folded`:
    the names with their marks stripped, for a report typed without them."""
    by_name: dict[str, int] = {}
    for s in criteria_sets():  # oldest first: newer sets overwrite
        if s.level != level or s.tier != tier:
            continue
        for c in s.criteria:
            for n in (c.name, *c.aliases):
                by_name[(strip_diacritics(n) if folded else n).casefold()] = c.number
    # abbreviations reports write ("QP&AN"), read but never written by the corpus generator
    # (patterns/criteria.yaml name_abbreviations, by level and tier)
    abbreviations = load_pattern("criteria").get("name_abbreviations", {}).get(f"{level}-{tier}", {})
    for number, names in abbreviations.items():
        for n in names:
            by_name.setdefault((strip_diacritics(n) if folded else n).casefold(), int(number))
    return tuple(sorted(by_name.items(), key=lambda kv: -len(kv[0])))


# after this many first characters, the whole alternation costs less than more parts of it
_PARTS_BEFORE_WHOLE = 4


class NamePattern:
    """One alternation over every criterion name, longest first, matched case-insensitively at
    word boundaries (`lookup_name` turns a match back into a number). The whole alternation is
    ~3,700 characters and ~5 ms to compile; `match` first compiles only the names that can
    start with the character at its position (in their order, so the same name wins), which
    is all a short report needs; once a few such parts are compiled, or `search` needed the
    whole alternation, the whole one serves every match."""

    def __init__(self, level: str, tier: str = DEFAULT_TIER, folded: bool = False) -> None:
        self._level = level
        # each name's regex, and how its first character is matched (None: a conjunction first)
        self._names = [(_alias_to_regex(n, folded), _first_letter(n, folded))
                       for n, _ in name_table(level, tier, folded)]
        self._by_char: dict[str, re.Pattern[str] | None] = {}
        self._parts = 0
        self._whole: re.Pattern[str] | None = None

    @staticmethod
    def _compile(alternatives: list[str]) -> re.Pattern[str]:
        alts = "|".join(dict.fromkeys(alternatives))  # a name spelled twice adds no reading
        return compiled(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)

    @property
    def whole(self) -> re.Pattern[str]:
        if self._whole is None:
            self._whole = self._compile([rx for rx, _ in self._names])
        return self._whole

    def _starting_with(self, ch: str) -> re.Pattern[str] | None:
        """The names that can start with `ch`; None when none can (every name starts with a
        letter, so no name matches there)."""
        if ch not in self._by_char:
            alternatives = [rx for rx, first in self._names if first is None or first.fullmatch(ch)]
            self._by_char[ch] = self._compile(alternatives) if alternatives else None
            self._parts += bool(alternatives)
        return self._by_char[ch]

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if self._whole is not None or not 0 <= pos < len(text):
            return self.whole.match(text, pos)
        if text[pos] not in self._by_char and self._parts >= _PARTS_BEFORE_WHOLE:
            return self.whole.match(text, pos)
        pattern = self._starting_with(text[pos])
        return pattern.match(text, pos) if pattern is not None else None

    def search(self, text: str) -> re.Match[str] | None:
        return self.whole.search(text)


def _first_letter(name: str, folded: bool = False) -> re.Pattern[str] | None:
    """What the first character of the text must be for `name` to match there: its first
    letter under re's own case folding, or None when it starts with a conjunction."""
    word = next(w for w in re.split(r"[\s,\-–]+", name) if w)
    return None if word.lower() in _conjunctions(folded) else _letter_regex(word[0])


@cache
def _letter_regex(ch: str) -> re.Pattern[str]:
    return compiled(re.escape(ch), re.IGNORECASE)


@cache
def name_regex(level: str = DEFAULT_LEVEL, tier: str = DEFAULT_TIER, folded: bool = False) -> NamePattern:
    """The criterion names of `level` and `tier` as one pattern (see `NamePattern`); `folded`:
    without their marks."""
    return NamePattern(level, tier, folded)


def _name_key(text: str, folded: bool = False) -> str:
    # without the joiners: `name_regex` reads a name's parts joined by any or none of them
    # ("QP-AN", "QP AN", "QPAN"), so all such spellings are one name
    text = normalize(text).casefold()
    if folded:
        text = strip_diacritics(text)
    first, *others = _conjunctions(folded)
    for word in others:
        text = text.replace(word, first)
    return re.sub(r"[\s,\-–]+", "", text)


@cache
def _keys(level: str, tier: str, folded: bool = False) -> dict[str, int]:
    return {_name_key(n, folded): num for n, num in name_table(level, tier, folded)}


def lookup_name(text: str, level: str = DEFAULT_LEVEL, tier: str = DEFAULT_TIER, folded: bool = False) -> int | None:
    """The criterion number a name (as matched by `name_regex`) stands for in the sets of
    `level` and `tier` (`folded`: a name read without its marks)."""
    return _keys(level, tier, folded).get(_name_key(text, folded))


_OCR_WORD = compiled(r"[^\W_]+")
_OCR_WORD_GAP = compiled(r"[\s,\-–]*")
# a name shorter than this is matched by OCR only without an edit ("Điện" must not read "Điểm")
_OCR_EDIT_MIN_LETTERS = 8


@cache
def _stripped_names(level: str, tier: str) -> tuple[tuple[tuple[str, ...], int], ...]:
    """Every name as its words with marks stripped and case folded, longest name first."""
    conj = _conjunctions()
    out = []
    for name, number in name_table(level, tier):
        words = [strip_diacritics(w) for w in re.split(r"[\s,\-–]+", normalize(name).casefold()) if w]
        out.append((tuple(strip_diacritics(conj[0]) if w in map(strip_diacritics, conj) else w
                          for w in words), number))
    return tuple(out)


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:] if len(a) < len(b) else a[i + 1:] == b[i:]


def ocr_name_at(text: str, pos: int, level: str = DEFAULT_LEVEL,
                tier: str = DEFAULT_TIER) -> tuple[int, int] | None:
    """(number, end) of a criterion name starting at `pos` in text read by OCR: compared with
    tone and vowel marks stripped ("Nhà ở dân cữ"), one edit allowed in a name of at least
    eight letters ("Nhật ở dân cư"). For OCR text only: typed text is matched exactly."""
    conj = {strip_diacritics(w) for w in _conjunctions()}
    words: list[tuple[str, int]] = []
    at = pos
    longest = max((len(w) for w, _ in _stripped_names(level, tier)), default=0)
    while len(words) < longest:
        m = _OCR_WORD.match(text, at)
        if not m:
            break
        w = strip_diacritics(m.group(0).casefold())
        words.append((strip_diacritics(_conjunctions()[0]) if w in conj else w, m.end()))
        at = _OCR_WORD_GAP.match(text, m.end()).end()  # type: ignore[union-attr]
    for name_words, number in _stripped_names(level, tier):
        k = len(name_words)
        if k > len(words):
            continue
        got, want = " ".join(w for w, _ in words[:k]), " ".join(name_words)
        letters = len(want.replace(" ", ""))
        if got == want or (letters >= _OCR_EDIT_MIN_LETTERS and _within_one_edit(got, want)):
            return number, words[k - 1][1]
    return None
