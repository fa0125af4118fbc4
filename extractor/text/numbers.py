"""The number grammar of Vietnamese reports.

Digits: '.' groups thousands and ',' marks decimals ("1.326,6"), unless the document
consistently writes the English way ("1,326.6"); `texts_to_convention` decides from the tokens
that can only be read one way. A token that can be read either way ("2,226") follows the
document's convention; a dangling or doubled separator ("343. triệu", "1..500") is read by
intent and marked malformed. Spelled-out numbers ("ba mươi hai") are read from the words in
patterns/numbers.yaml.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from extractor.core.data import load_pattern

# A digit token: digits with '.', ',' or single-space thousand groups inside.
DIGIT_TOKEN = re.compile(r"\d+(?:(?:[.,]|\.\.|,,)\d+)*")

_VI, _EN = "vi", "en"


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    malformed: bool = False
    ambiguous: bool = False  # readable both ways and the document gave no evidence


@dataclass(frozen=True)
class Convention:
    name: str  # "vi" or "en"
    vi_evidence: int
    en_evidence: int

    @property
    def mixed(self) -> bool:
        return self.vi_evidence > 0 and self.en_evidence > 0

    def swapped(self) -> Convention:
        """The other convention, for a token whose reading the context rules out."""
        return Convention(_EN if self.name == _VI else _VI, self.vi_evidence, self.en_evidence)

    @property
    def balanced(self) -> bool:
        """Both conventions well attested: a two-way token cannot be settled by the document."""
        low, high = sorted((self.vi_evidence, self.en_evidence))
        return low >= 2 and low * 2 >= high

    def flags_token(self, token: str, ambiguous: bool) -> bool:
        """Whether a token deserves an ambiguous_number flag: written against the document's
        convention ("45.6" among "12,1"), or two-way in a document that settles nothing."""
        evidence = token_to_evidence(token)
        if evidence is not None:
            return evidence != self.name
        return ambiguous and self.balanced


def token_to_evidence(token: str) -> str | None:
    """'vi' or 'en' when the token can only be read one way, else None."""
    if "." in token and "," in token:
        return _VI if token.rfind(",") > token.rfind(".") else _EN
    for sep, grouping_convention, decimal_convention in ((".", _VI, _EN), (",", _EN, _VI)):
        parts = token.split(sep)
        if len(parts) > 2 and all(len(p) == 3 for p in parts[1:]):
            return grouping_convention  # "85.300.000" groups with '.'
        if len(parts) == 2 and len(parts[1]) != 3:
            return decimal_convention  # "12,1" is a Vietnamese decimal, "2.5" an English one
        if len(parts) == 2 and parts[0] == "0":
            return decimal_convention  # "0,340": a leading zero never groups
    return None


def texts_to_convention(texts: Iterable[str], setting: str = "auto") -> Convention:
    vi = en = 0
    for text in texts:
        for m in DIGIT_TOKEN.finditer(text):
            ev = token_to_evidence(m.group())
            vi += ev == _VI
            en += ev == _EN
    if setting in (_VI, _EN):
        return Convention(setting, vi, en)
    # English only when it clearly dominates: Vietnamese is the default of these reports.
    name = _EN if en >= 2 and en > 2 * vi else _VI
    return Convention(name, vi, en)


def token_to_number(token: str, convention: Convention) -> ParsedNumber:
    """Read one digit token (as matched by DIGIT_TOKEN) under the document's convention."""
    malformed = ".." in token or ",," in token
    token = token.replace("..", ".").replace(",,", ",")
    if token.isdigit():
        return ParsedNumber(float(int(token)), malformed)
    has_dot, has_comma = "." in token, "," in token
    if has_dot and has_comma:
        decimal = "," if token.rfind(",") > token.rfind(".") else "."
        grouping = "." if decimal == "," else ","
        whole, _, frac = token.rpartition(decimal)
        groups = whole.split(grouping)
        bad = frac.count(grouping) > 0 or any(len(g) != 3 for g in groups[1:]) or decimal in whole
        return ParsedNumber(float(whole.replace(grouping, "").replace(decimal, "") + "." + frac.replace(grouping, "")),
                            malformed or bad)
    sep = "." if has_dot else ","
    parts = token.split(sep)
    if len(parts) > 2:
        if all(len(p) == 3 for p in parts[1:]):
            return ParsedNumber(float("".join(parts)), malformed)
        # "1.2.3": separators that cannot all be groups; the last short group is the fraction
        return ParsedNumber(float("".join(parts[:-1]) + "." + parts[-1]), True)
    whole, frac = parts
    if len(frac) != 3 or whole == "0":
        return ParsedNumber(float(f"{whole}.{frac}"), malformed)
    groups_here = (sep == "." and convention.name == _VI) or (sep == "," and convention.name == _EN)
    value = float(whole + frac) if groups_here else float(f"{whole}.{frac}")
    return ParsedNumber(value, malformed, ambiguous=True)


# --- spelled-out numbers -------------------------------------------------------------------

@dataclass(frozen=True)
class _NumberWords:
    digits: dict[str, int]
    ten: frozenset[str]
    tens_multipliers: frozenset[str]
    hundreds: frozenset[str]
    zero_links: frozenset[str]
    scales: dict[str, int]

    @property
    def all_words(self) -> list[str]:
        return [*self.digits, *self.ten, *self.tens_multipliers, *self.hundreds, *self.zero_links, *self.scales]


@lru_cache(maxsize=1)
def number_words() -> _NumberWords:
    data = load_pattern("numbers")
    return _NumberWords(
        digits=dict(data["digit_words"]),
        ten=frozenset(data["ten_word"]),
        tens_multipliers=frozenset(data["tens_multiplier_words"]),
        hundreds=frozenset(data["hundred_words"]),
        zero_links=frozenset(data["zero_link_words"]),
        scales=dict(data["scale_words"]),
    )


def words_to_number(words: list[str]) -> int | None:
    """'ba mươi hai' -> 32, 'một trăm linh năm' -> 105; None when the words are not a number."""
    nw = number_words()
    total = small = 0
    pending: int | None = None
    seen_any = False
    for raw in words:
        w = raw.lower()
        if w in nw.digits:
            if pending is not None:
                return None
            pending = nw.digits[w]
        elif w in nw.ten:
            if pending is not None:
                return None
            small += 10
        elif w in nw.tens_multipliers:
            if pending is None:
                return None
            small += pending * 10
            pending = None
        elif w in nw.hundreds:
            if pending is None:
                return None
            small += pending * 100
            pending = None
        elif w in nw.zero_links:
            if small == 0:
                return None
        elif w in nw.scales:
            group = small + (pending or 0)
            if group == 0:
                return None
            total += group * nw.scales[w]
            small, pending = 0, None
        else:
            return None
        seen_any = True
    if not seen_any:
        return None
    value = total + small + (pending or 0)
    return value if value > 0 or (len(words) == 1 and nw.digits.get(words[0].lower()) == 0) else None
