"""The number grammar of Vietnamese reports.

Digits: '.' groups thousands and ',' marks decimals ("1.326,6"), unless the document
consistently writes the English way ("1,326.6"); `texts_to_convention` decides from the tokens
that can only be read one way. A token that can be read either way ("2,226") follows the
document's convention; a dangling or doubled separator ("343. triệu", "1..500") is read by
intent and marked malformed; separators that cannot be read at all ("1.2.3") make the token
unreadable: flagged, never a value. Spaced thousand groups ("8 898 100 000") are joined by
`spaced_groups_at` where the caller has a reason to (a unit after them). Spelled-out numbers are
read in extractor.text.spelled.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from extractor.core.regexes import compiled

# A digit token: digits with '.', ',' or single-space thousand groups inside. The repeat is
# possessive (nothing follows it, so the match is the same): a greedy one keeps a backtracking
# point per group, about 100 MB for a 1 MB run of "1.2.3.".
DIGIT_TOKEN = compiled(r"\d+(?:(?:[.,]|\.\.|,,)\d+)*+")

_VI, _EN = "vi", "en"


class ParsedNumber(NamedTuple):
    """The value of a digit token and what was doubtful about reading it."""

    value: float
    malformed: bool = False
    ambiguous: bool = False  # readable both ways and the document gave no evidence
    unreadable: bool = False  # "1.2.3": no reading is more likely than another


class Convention(NamedTuple):
    """The separator convention of a document, with the tokens that speak for each."""

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


def texts_to_evidence(texts: Iterable[str]) -> tuple[int, int]:
    """How many digit tokens can only be read the Vietnamese way, and the English way."""
    vi = en = 0
    for text in texts:
        for m in DIGIT_TOKEN.finditer(text):
            token = m.group()
            if "." not in token and "," not in token:
                continue  # most tokens: no separator, no evidence (`token_to_evidence` is None)
            ev = token_to_evidence(token)
            vi += ev == _VI
            en += ev == _EN
    return vi, en


def texts_to_convention(texts: Iterable[str], setting: str = "auto") -> Convention:
    return evidence_to_convention(*texts_to_evidence(texts), setting)


def evidence_to_convention(vi: int, en: int, setting: str = "auto") -> Convention:
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
        if frac.count(grouping) > 0 or any(len(g) != 3 for g in groups[1:]) or decimal in whole:
            return ParsedNumber(float("nan"), True, unreadable=True)  # "1,2.3,4"
        return ParsedNumber(float(whole.replace(grouping, "").replace(decimal, "") + "." + frac.replace(grouping, "")),
                            malformed)
    sep = "." if has_dot else ","
    parts = token.split(sep)
    if len(parts) > 2:
        if all(len(p) == 3 for p in parts[1:]):
            return ParsedNumber(float("".join(parts)), malformed)
        # "1.2.3": separators that cannot all be groups, so neither a grouped number nor a decimal
        return ParsedNumber(float("nan"), True, unreadable=True)
    whole, frac = parts
    if len(frac) != 3 or whole == "0":
        return ParsedNumber(float(f"{whole}.{frac}"), malformed)
    groups_here = (sep == "." and convention.name == _VI) or (sep == "," and convention.name == _EN)
    value = float(whole + frac) if groups_here else float(f"{whole}.{frac}")
    return ParsedNumber(value, malformed, ambiguous=True)


# "2 681,93", "8 898 100 000": groups of three digits after single spaces (no-break spaces are
# plain spaces after normalization), with an optional decimal part.
_SPACED_GROUPS = compiled(r"(?: \d{3})+(?:[.,]\d+)?(?![\d]|[.,]\d)")


def spaced_groups_at(text: str, start: int, end: int) -> int | None:
    """The end of thousand groups written with spaces after the digits text[start:end] (one to
    three digits, not preceded by another spaced group), else None."""
    if not 1 <= end - start <= 3 or not text[start:end].isdigit():
        return None
    if start >= 2 and text[start - 1] == " " and text[start - 2].isdigit():
        return None  # inside a list of numbers "3 5 7" or a longer spaced run
    m = _SPACED_GROUPS.match(text, end)
    return m.end() if m else None


# What may stand before a list item's number in a line: the line's start, a ';' that ends the
# item before, or a bullet.
_ITEM_BEFORE = compiled(r"(?:^|[;•+–-])\s*$")


def item_number_at(text: str, start: int, end: int) -> bool:
    """Is the digit token text[start:end] the number of a list item ("...; 12. lao động có việc
    làm")? One or two digits, then '.' and a space, at the line's start or after ';' or a bullet:
    its dot numbers the item, it is no dangling separator of a number ("343. triệu")."""
    return 1 <= end - start <= 2 and text[start:end].isdigit() and text[end:end + 2] == ". " \
        and _ITEM_BEFORE.search(text, max(0, start - 4), start) is not None
