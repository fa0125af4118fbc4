"""First-character guards: regexes rewritten so that Python's regex engine tries them only where
a match can begin, with the same matches.

A regex led by `\\b` gives the engine no first character to scan for: it starts a match at
every position. Two shapes are rewritten:
- `\\b` and an alternation of words ("\\b(vùng|hạng|...)"): a lookahead of the words' first
  letters, `\\b(?=[vh...])(...)`, fails at once where no word can start; it is matched with the
  regex's own flags, so it admits a letter exactly when the word's first letter would.
- `\\b` and a digit ("\\b\\d+", "\\b0\\d"): the first digit is matched, then the boundary is
  checked behind it, `\\d(?<!\\w\\d)\\d*`: a digit is a word character, so the boundary before it
  means no word character before it, which the lookbehind says (it sees the text before the
  search window too, as `\\b` does). Led by a character class, the regex gets the engine's
  scan for its first character.

The rewrites run once per process, on the patterns files' regexes (some 10 ms of a short
`ntm extract`): each public rewrite's result is kept from one run to the next
(core/kept.py `kept_results`), keyed by its arguments and the digest of this file, the only
code they run besides `re`'s (the kept file is named by the interpreter's version).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

from extractor.core.kept import kept_results, source_digest
from extractor.core.regexes import compiled

_QUANTIFIERS = frozenset("?*+{")


@lru_cache(maxsize=1)
def _this_code() -> str | None:
    return source_digest(__file__)


_kept = kept_results(_this_code)


def _certain_letter(word: str, k: int) -> bool:
    """Whether word[k] is a letter every match of the word has at position k: the letters
    before it and itself plain, none made optional or repeated."""
    return (len(word) > k and word[:k + 1].isalpha()
            and (len(word) == k + 1 or word[k + 1] not in _QUANTIFIERS))


def letters_guard(words: Iterable[str]) -> str:
    """A lookahead of the letters words (or regexes led by letters) start with (`_letters_guard`)."""
    return _letters_guard(tuple(words))


@_kept
def _letters_guard(words: tuple[str, ...]) -> str:
    """A lookahead of the letters words (or regexes led by letters) start with: `(?=[..][..])`
    of the first two letters when every word has two certain ones, else `(?=[..])` of the
    first, else "" (a word not led by a certain letter rules nothing out: "a?b" may start
    with "b"). Two letters are a pair of classes, a wider set than the pairs themselves, so
    every word still passes. A word with alternatives of its own ("a|b") counts each."""
    alternatives: list[str] = []
    for word in words:  # a regex given as a word may hold alternatives of its own: "a|b"
        parts = _top_level_split(word)
        if parts is None:
            return ""
        alternatives += parts
    if not alternatives or not all(_certain_letter(w, 0) for w in alternatives):
        return ""
    firsts = "".join(sorted({w[0] for w in alternatives}))
    if all(_certain_letter(w, 1) for w in alternatives):
        return f"(?=[{firsts}][{''.join(sorted({w[1] for w in alternatives}))}])"
    return f"(?=[{firsts}])"


# what the readers below need of a regex's structure: escapes and character classes (a class
# ends at its first unescaped "]"; `closed` is absent when it never closes) skipped whole, and
# the brackets and bars outside them, one match each (the engine scans the text in between)
_STRUCTURE = compiled(r"\\.|\[(?:\\.|[^\\\]])*(?P<closed>\])?|[()|]", re.DOTALL)


def _closing(regex: str, open_at: int) -> int | None:
    """The index of the bracket closing the group opened at `open_at`."""
    depth = 0
    for m in _STRUCTURE.finditer(regex, open_at):
        c = m.group()
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return m.start()
        elif c[0] == "[" and m.group("closed") is None:
            return None
    return None


def _top_level_split(regex: str) -> list[str] | None:
    """The alternatives of a regex at bracket depth 0, or None for one that cannot be read
    (brackets that do not pair, a class that never closes)."""
    parts, start, depth = [], 0, 0
    for m in _STRUCTURE.finditer(regex):
        c = m.group()
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|":
            if depth == 0:
                parts.append(regex[start:m.start()])
                start = m.end()
        elif c[0] == "[" and m.group("closed") is None:
            return None
    if depth != 0:
        return None
    parts.append(regex[start:])
    return parts


# the repeat of a leading digit, and the same repeat less the digit matched before the lookbehind
_DIGIT_REPEATS = compiled(r"\\b(?P<first>\\d|0)(?:(?P<plus>\+)|\{(?P<lo>[1-9]\d*)(?:,(?P<hi>\d+))?\})?(?![?+*{])")


def _digit_led(alt: str) -> str:
    """`\\b\\d{1,2}rest` as `\\d(?<!\\w\\d)\\d{0,1}rest`; any other shape unchanged."""
    m = _DIGIT_REPEATS.match(alt)
    if m is None:
        return alt
    first = m.group("first")
    if m.group("plus"):
        rest = f"{first}*"
    elif m.group("lo"):
        lo = int(m.group("lo")) - 1
        rest = f"{first}{{{lo},{int(m.group('hi')) - 1}}}" if m.group("hi") else f"{first}{{{lo}}}"
    else:
        rest = ""
    return f"{first}(?<!\\w{first}){rest}{alt[m.end():]}"


def _guard_alternative(alt: str) -> str:
    """`\\b(word|word...)rest` or `\\b(?:word|word...)rest` with the guard after `\\b`; any
    other shape unchanged."""
    if alt.startswith("\\b(?:"):
        opened = 5  # a group that captures nothing: its words begin after "?:"
    elif alt.startswith("\\b(") and not alt.startswith("\\b(?"):
        opened = 3
    else:
        return alt
    close = _closing(alt, 2)
    inner = _top_level_split(alt[opened:close]) if close is not None else None
    guard = letters_guard(inner) if inner is not None else ""
    return "\\b" + guard + alt[2:] if guard else alt


@_kept
def word_led_guarded(regex: str) -> str:
    """The regex with each top-level alternative led by `\\b` and a group of words, or by `\\b`
    and a digit, guarded; the same matches (see the module's note)."""
    parts = _top_level_split(regex)
    if parts is None:
        return regex
    digit_led = [_digit_led(p) for p in parts]
    # only when every alternative is led by a digit: alternatives that all begin with `\\b`
    # share it (the regex parser checks it once for all), which a part rewritten would undo
    if all(d != p for d, p in zip(digit_led, parts)):
        return "|".join(digit_led)
    return "|".join(_guard_alternative(p) for p in parts)


# characters outside a letter's lower, upper and title case that `re` matches with it when
# ignoring case (their simple lowercase is the letter: KELVIN SIGN is "k"); the other way
# round, `re._casefix` lists them
_EXOTIC_UPPER = {"k": "\u212a", "i": "\u0130", "å": "\u212b", "ω": "\u2126"}
_BOUNDARY_LEADS = ("\\b", "(?<!\\w)")
# A class of more first letters than this stops the engine at most syllables, where its check
# behind the letter costs more than `\\b` tried everywhere (measured on the generated corpus:
# one or two letters, "ngày", "tháng", "thứ", 2.5 times faster; eight 15%; thirteen slower).
_MOST_FIRST_LETTERS = 8


def _case_variants(letter: str, ignore_case: bool) -> set[str]:
    """Every character `re` matches with `letter` (ignoring case when asked), and maybe more."""
    if not ignore_case:
        return {letter}
    low = letter.lower()
    out = {letter, low, letter.upper(), letter.title(), low.upper(), _EXOTIC_UPPER.get(low, letter)}
    casefix = getattr(re, "_casefix", None)  # where this version of `re` keeps them
    out |= {chr(c) for c in getattr(casefix, "_EXTRA_CASES", {}).get(ord(low), ())}
    return {c for c in out if len(c) == 1}


def _letter_led_words(alt: str) -> tuple[list[str], str] | None:
    """(the words, the rest) of an alternative `\\b(words)rest`, `\\b(?:words)rest` or
    `\\bword rest` whose every word is led by a certain letter; None for any other shape."""
    lead = next((b for b in _BOUNDARY_LEADS if alt.startswith(b)), None)
    if lead is None:
        return None
    body = alt[len(lead):]
    if body.startswith("(?:") or (body.startswith("(") and not body.startswith("(?")):
        close = _closing(body, 0)
        inner = _top_level_split(body[3 if body.startswith("(?:") else 1:close]) if close is not None else None
        if close is None or inner is None or not all(_certain_letter(w, 0) for w in inner):
            return None
        return inner, body[close + 1:]
    return ([body[0]], body[1:]) if _certain_letter(body, 0) else None


def _after_first_letter(word: str) -> str:
    """A word led by a certain letter, matched from its second character with its first checked
    behind: `ùng(?<=vù)` of "vùng" leads with a letter the engine tries at once, where a
    lookbehind first is a match of its own for every word tried."""
    if _certain_letter(word, 1):
        return f"{word[1]}(?<={word[:2]}){word[2:]}"
    return f"(?<={word[0]}){word[1:]}"


@_kept
def letter_class_led(regex: str, ignore_case: bool, most: int = _MOST_FIRST_LETTERS) -> str | None:
    """The regex rewritten to begin with a case-sensitive class of the letters its matches
    begin with; None when an alternative is not `\\b` (or `(?<!\\w)`) and words each led by a
    certain letter, or when they begin with more than `_MOST_FIRST_LETTERS` letters. Python's
    engine scans for a leading class in C and tries a match only where one of its characters
    stands, where `\\b` leaves it trying every position (a lookahead guard,
    `word_led_guarded`, only makes each try fail sooner).

    The class takes the first letter; behind it `(?<!\\w.)` is the boundary before it (a letter
    is a word character), `(?=[..])` the words' second letters when each has a certain one,
    and a lookbehind the word's own first letter, matched as the regex matches it (ignoring
    case or not), so the matches are the same. Groups move (the first letter is outside
    them): for regexes whose spans alone are read."""
    parts = _top_level_split(regex)
    if parts is None:
        return None
    read = [_letter_led_words(p) for p in parts]
    if not all(read):
        return None
    letters: set[str] = set()
    alternatives = []
    firsts: set[str] = set()
    for words, rest in (r for r in read if r is not None):
        firsts |= {w[0].lower() for w in words}
        letters |= {c for w in words for c in _case_variants(w[0], ignore_case)}
        # the words' second letters, as `letters_guard` checks them: most tries end here
        second = (f"(?=[{''.join(sorted({w[1] for w in words}))}])"
                  if all(_certain_letter(w, 1) for w in words) else "")
        alternatives.append("(?<!\\w.)" + second + "(?:" + "|".join(map(_after_first_letter, words)) + ")" + rest)
    if len(firsts) > most:
        return None
    first = "".join(re.escape(c) for c in sorted(letters))
    return f"(?-i:[{first}])(?:" + "|".join(alternatives) + ")"


def letter_class_alternation(regexes: Iterable[str], ignore_case: bool) -> str | None:
    """The alternation of regexes led by a class of their first letters (`_letter_class_alternation`)."""
    return _letter_class_alternation(tuple(regexes), ignore_case)


@_kept
def _letter_class_alternation(regexes: tuple[str, ...], ignore_case: bool) -> str | None:
    """The alternation of regexes searched anywhere in a text (no boundary before them), led by
    a case-sensitive class of the letters they begin with, each alternative going on from its
    second character with its own first letter checked behind (`_after_first_letter`): the
    same matches, found where the engine's scan for the class in C stops rather than tried at
    every position, as a lookahead guard (`letters_guard`) leaves it. None when an alternative
    is not led by a certain letter, or when they begin with more than `_MOST_FIRST_LETTERS`."""
    alternatives: list[str] = []
    for regex in regexes:  # a regex may hold alternatives of its own: "a|b"
        parts = _top_level_split(regex)
        if parts is None:
            return None
        alternatives += parts
    if not alternatives or not all(_certain_letter(w, 0) for w in alternatives):
        return None
    if len({w[0].lower() for w in alternatives}) > _MOST_FIRST_LETTERS:
        return None
    letters = {c for w in alternatives for c in _case_variants(w[0], ignore_case)}
    first = "".join(re.escape(c) for c in sorted(letters))
    return f"(?-i:[{first}])(?:" + "|".join(map(_after_first_letter, alternatives)) + ")"


_WORDS_GROUP_LEAD = compiled(r"\(\?<!\\w\)\((?:\?P<\w+>)?\((?:\?i)?:")
_LOOKBEHINDS = compiled(r"(?:\(\?<[!=](?:\\.|[^()\\])*\))+")


def words_led_cue(regex: str) -> re.Pattern[str] | None:
    """The cue of a regex led by a group of words (`_words_led_cue`), compiled; None for
    another shape."""
    cue = _words_led_cue(regex)
    return None if cue is None else compiled(*cue)


@_kept
def _words_led_cue(regex: str) -> tuple[str, int] | None:
    """For a regex compiled without flags that begins `(?<!\\w)((?i:words)...` (the first group
    may be named, `(?i:` may be `(?:`): a regex, led by a class of the words' first letters
    (`letter_class_led`), that matches wherever one of its matches begins, and maybe elsewhere;
    None for any other shape. A caller tries the regex only where the cue matches: an
    alternative's leading lookbehinds only narrow it, and are left out of the cue."""
    lead = _WORDS_GROUP_LEAD.match(regex)
    if lead is None:
        return None
    inner_open = regex.rindex("(", 0, lead.end())
    close = _closing(regex, inner_open)
    words = _top_level_split(regex[lead.end():close]) if close is not None else None
    if words is None:
        return None
    words = [w[m.end():] if (m := _LOOKBEHINDS.match(w)) else w for w in words]
    ignore_case = "(?i:" in lead.group()
    cue = letter_class_led("\\b(?:" + "|".join(words) + ")", ignore_case)
    return None if cue is None else (cue, int(re.IGNORECASE) if ignore_case else 0)


# more alternatives than this from one are left as written
_MOST_DISTRIBUTED = 64


def _distributed(alt: str) -> list[str]:
    """An alternative led by a group that captures nothing and is not repeated, `(?:a|b)rest`,
    as the alternatives `arest` and `brest`, in their order (the same matches: the engine tries
    `a` then `rest`, then `b` then `rest`); one led by such a group made optional, greedily,
    `(?:a)?rest`, as `arest` and `rest` (the engine tries the group first); any other
    alternative alone."""
    if alt.startswith("(?:"):
        close = _closing(alt, 0)
        inner = _top_level_split(alt[3:close]) if close is not None else None
        after = alt[close + 1:close + 3] if close is not None else ""
        optional = after[:1] == "?" and after[1:2] not in ("?", "+")
        if close is not None and inner is not None and (optional or after[:1] not in _QUANTIFIERS):
            rest = alt[close + 2:] if optional else alt[close + 1:]
            out = [d for word in inner + ([""] if optional else []) for d in _distributed(word + rest)]
            return out if len(out) <= _MOST_DISTRIBUTED else [alt]
    return [alt]


def _flagged_alternatives(regex: str, ignore_case: bool) -> list[tuple[str, bool]] | None:
    """The alternatives of a regex, each with whether it ignores case: a top-level `(?i:...)`
    (or `(?-i:...)`) around alternatives opened, groups that lead alternatives distributed
    (`_distributed`). None for a regex that cannot be read."""
    parts = _top_level_split(regex)
    if parts is None:
        return None
    out: list[tuple[str, bool]] = []
    for part in parts:
        scoped = next((f for f in ("(?i:", "(?-i:") if part.startswith(f)), None)
        if scoped is not None and _closing(part, 0) == len(part) - 1:
            inner = _flagged_alternatives(part[len(scoped):-1], scoped == "(?i:")
            if inner is None:
                return None
            out += inner
        else:
            out += [(d, ignore_case) for d in _distributed(part)]
    return out


def _letter_set(letter: str, ignore_case: bool) -> frozenset[str]:
    """Exactly the characters `re` matches with `letter` (`_case_variants`, checked)."""
    flags = re.IGNORECASE if ignore_case else 0
    return frozenset(c for c in _case_variants(letter, ignore_case) if re.fullmatch(re.escape(letter), c, flags))


def _letter_class(letter: str, ignore_case: bool) -> str:
    """A case-sensitive class of exactly the characters `re` matches with `letter`."""
    return "[" + "".join(re.escape(c) for c in sorted(_letter_set(letter, ignore_case))) + "]"


def _scoped(body: str, ignore_case: bool, outer: bool) -> str:
    return f"(?:{body})" if ignore_case == outer else f"(?{'' if ignore_case else '-'}i:{body})"


def _first_class(alt: str, ignore_case: bool) -> str | None:
    """A class of the characters every match of `alt` starts with, past its leading
    lookbehinds: a certain letter's (with its case variants when ignoring case) or `\\d`."""
    behind = _LOOKBEHINDS.match(alt)
    rest = alt[behind.end():] if behind else alt
    if _certain_letter(rest, 0):
        return _letter_class(rest[0], ignore_case)
    return "\\d" if rest.startswith("\\d") else None


def _by_first_letter(alts: list[tuple[str, bool]]) -> dict[tuple[str, bool], list[str]]:
    """Alternatives led by a certain letter, each with whether it ignores case, grouped by that
    letter (lower-cased when ignoring case) and case: the rests after the letter, in order."""
    groups: dict[tuple[str, bool], list[str]] = {}
    for alt, ic in alts:
        groups.setdefault((alt[0].lower() if ic else alt[0], ic), []).append(alt[1:])
    return groups


@_kept
def first_letter_dispatch(regex: str, ignore_case: bool) -> str | None:
    """The alternation `regex` (compiled with or without IGNORECASE, as `ignore_case` says)
    with its alternatives grouped by their first letter, each group led by a case-sensitive
    class of that letter: Python's engine skips an alternative led by a class (or a literal)
    that misses the character in C, without entering it, where it enters every alternative led
    by a letter matched ignoring case. The same matches and spans: within a group the
    alternatives keep their order, and the groups' classes are disjoint, so no two groups
    start a match at the same place. None when an alternative is not led by a certain letter
    or two groups' classes share a character. Groups move (the alternatives are regrouped and
    a leading `(?:...)` distributed): for regexes whose spans alone are read."""
    alts = _flagged_alternatives(regex, ignore_case)
    if not alts or not all(_certain_letter(a, 0) for a, _ in alts):
        return None
    groups = _by_first_letter(alts)
    sets = [_letter_set(letter, ic) for letter, ic in groups]
    if sum(map(len, sets)) != len(frozenset().union(*sets)):
        return None  # two groups could start a match at the same place
    classes = [_letter_class(letter, ic) for letter, ic in groups]
    return "(?:" + "|".join(f"(?-i:{cls})" + _scoped("|".join(rests), ic, ignore_case)
                            for cls, ((_, ic), rests) in zip(classes, groups.items())) + ")"


def any_match_hint(regexes: Iterable[str], first: str) -> str:
    """A regex that matches exactly when one of `regexes` does, for a caller that asks only
    whether (`_any_match_hint`)."""
    return _any_match_hint(tuple(regexes), first)


@_kept
def _any_match_hint(regexes: tuple[str, ...], first: str) -> str:
    """A regex that matches somewhere in a text exactly when one of `regexes` (compiled without
    flags) does, for a caller that asks only whether one does (the span it matches is not
    theirs): their alternatives regrouped by first letter as `first_letter_dispatch` does (the
    order of alternatives does not matter to whether one matches), each other alternative led
    by a class of its first character, the alternative itself tried in a lookahead at that
    character (`[x](?<=(?=alt).)`); the whole led by a lookahead of `first`, the characters a
    match may start with."""
    lettered: list[tuple[str, bool]] = []
    others: list[str] = []
    for regex in regexes:
        alts = _flagged_alternatives(regex, False)
        for alt, ic in alts if alts is not None else [(regex, False)]:
            if _certain_letter(alt, 0):
                lettered.append((alt, ic))
            elif (cls := _first_class(alt, ic)) is not None:
                others.append(f"{cls}(?<=(?={_scoped(alt, ic, False)}).)")
            else:
                others.append(_scoped(alt, ic, False))
    groups = _by_first_letter(lettered)
    led = [_letter_class(letter, ic) + _scoped("|".join(rests), ic, False) for (letter, ic), rests in groups.items()]
    return f"(?=[{first}])(?:" + "|".join(led + others) + ")"


@_kept
def word_led_dispatched(regex: str, ignore_case: bool) -> str | None:
    """The regex with each top-level alternative `\\b(words)rest` (or `\\b(?:words)rest`)
    written `\\b`, the words' first-letters guard (`letters_guard`) and the words grouped by
    first letter (`first_letter_dispatch`), then the rest; the same spans (the words' group
    captures nothing then: for regexes whose spans alone are read). None when no alternative
    has that shape."""
    parts = _top_level_split(regex)
    if parts is None:
        return None
    out: list[str] = []
    for part in parts:
        captures = part.startswith("\\b(") and not part.startswith("\\b(?")
        opened = 5 if part.startswith("\\b(?:") else 3 if captures else 0
        close = _closing(part, 2) if opened else None
        inner = part[opened:close] if close is not None else ""
        words = _top_level_split(inner) if close is not None else None
        dispatched = first_letter_dispatch(inner, ignore_case) if words is not None else None
        if dispatched is None or words is None or close is None or part[close + 1:close + 2] in _QUANTIFIERS:
            out.append(part)
        else:
            out.append("\\b" + letters_guard(words) + dispatched + part[close + 1:])
    return None if out == parts else "|".join(out)


@_kept
def lead_group_dispatched(regex: str) -> str | None:
    """A regex compiled without flags, `lookbehinds(?i:alternatives)rest` (or `(?:...)`), with
    the alternatives of its first group grouped by first letter (`first_letter_dispatch`);
    the same spans. None for any other shape, or alternatives that cannot be grouped."""
    at = 0
    while regex.startswith(("(?<!", "(?<="), at):  # the lookbehinds, whatever groups they hold
        end = _closing(regex, at)
        if end is None:
            return None
        at = end + 1
    if not regex.startswith(("(?i:", "(?:"), at):
        return None
    close = _closing(regex, at)
    if close is None or regex[close + 1:close + 2] in _QUANTIFIERS:
        return None
    dispatched = first_letter_dispatch(regex[at:close + 1], False)
    return None if dispatched is None else regex[:at] + dispatched + regex[close + 1:]


# A cue of a regex: a cheap regex that matches in a window of a text wherever the regex does
# (and maybe elsewhere), so that a caller searching many small windows (the mask rules) skips
# the regex where the cue finds nothing. It is one of the literal strings every match must
# hold (its "factors"), found from the parsed regex.
_MOST_FACTORS = 5
# single characters too common in a window around a number to rule it out
_COMMON_CHARACTERS = frozenset(".,")


def _factors_of_sequence(items: list[tuple[Any, Any]]) -> list[str] | None:
    """Literal strings one of which every match of the sequence `items` (a parsed regex's
    nodes) holds, or None when none is known: of the sets each node (or run of literal
    characters) requires, the most selective."""
    candidates: list[list[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(["".join(run)])
            run = []
        found = _factors_of_node(op, av)
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append(["".join(run)])
    return min(candidates, key=_factors_cost) if candidates else None


def _factors_of_node(op: Any, av: Any) -> list[str] | None:
    """The factors (`_factors_of_sequence`) of one parsed node, None when it requires none
    known: an optional or repeated-from-zero part, a class, a lookbehind (it sees the text
    before the window) or a negative lookaround, a group that changes the case flag."""
    c = _constants
    if op is c.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if (add_flags | del_flags) & c.SRE_FLAG_IGNORECASE else _factors_of_sequence(sub.data)
    if op is c.ATOMIC_GROUP:
        return _factors_of_sequence(av.data)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return _factors_of_sequence(av[2].data) if av[0] >= 1 else None
    if op is c.ASSERT:  # a lookahead looks no further than the end of the window
        return _factors_of_sequence(av[1].data) if av[0] == 1 else None
    if op is c.BRANCH:
        out: list[str] = []
        for sub in av[1]:
            found = _factors_of_sequence(sub.data)
            if found is None:
                return None
            out += found
        return _fewest(out)
    if op is c.IN and len(av) <= _MOST_FACTORS and all(o is c.LITERAL for o, _ in av):
        return [chr(a) for _, a in av]
    return None


def _fewest(factors: list[str]) -> list[str]:
    """The factors without repeats and without those that hold another (where a longer one
    stands, so does the one it holds, matched with the same flags)."""
    unique = list(dict.fromkeys(factors))
    return [f for f in unique if not any(g != f and g in f for g in unique)]


def _selective(factor: str) -> bool:
    return len(factor) > 1 or not (factor.isalnum() or factor.isspace() or factor in _COMMON_CHARACTERS)


def _factors_cost(factors: list[str]) -> tuple[bool, int, int]:
    """The cheaper, the likelier a window without a match holds none of `factors`."""
    return (not all(map(_selective, factors)), len(factors), -min(map(len, factors), default=0))


def required_cue(regex: str, flags: int) -> tuple[str, int] | None:
    """The cue of `regex` compiled with `flags` (`_required_cue`)."""
    return _required_cue(regex, int(flags))


@_kept
def _required_cue(regex: str, flags: int) -> tuple[str, int] | None:
    """(the cue of `regex` compiled with `flags`, its flags) or None: a regex that matches in
    any window text[lo:hi] where `regex` matches (`search(text, lo, hi)`), maybe elsewhere.
    It finds one of the literal strings every match of `regex` holds (from `re`'s own parse;
    lookaheads count, as they end with the window too), led by a case-sensitive class of
    exactly the characters `re` matches with their first characters, so the engine scans for
    them in C; each string tried in a lookahead where one stands. None where no such strings
    are known, or they are too many or too common to rule windows out."""
    try:
        parsed = _parser.parse(regex, flags)
    except re.error:
        return None
    factors = _factors_of_sequence(parsed.data)
    if not factors or len(factors) > _MOST_FACTORS or not all(map(_selective, factors)):
        return None
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    firsts = sorted({c for f in factors for c in _letter_set(f[0], ignore_case)})
    alternatives = "|".join(re.escape(f) for f in sorted(factors, key=len, reverse=True))
    cue = f"(?-i:[{''.join(map(re.escape, firsts))}])(?<=(?=(?:{alternatives}))(?s:.))"
    return cue, int(re.IGNORECASE) if ignore_case else 0


def pair_cue(regex: str, flags: int) -> tuple[str, int] | None:
    """The pair cue of `regex` compiled with `flags` (`_pair_cue`)."""
    return _pair_cue(regex, int(flags))


# categories a class of a pair cue may hold: a class of letters or digits, not of any word
# or space character, which stand next to almost every number
_PAIR_CATEGORIES = {_constants.CATEGORY_DIGIT: r"\d"}


def _pair_class(op: Any, av: Any) -> str | None:
    """A class matching one character as the parsed item (op, av) does, written as a regex, or
    None where it is not one of literals, ranges and digits (`_PAIR_CATEGORIES`)."""
    c = _constants
    if op is c.LITERAL:
        return re.escape(chr(av))
    if op is not c.IN:
        return None
    parts: list[str] = []
    for o, a in av:
        if o is c.LITERAL:
            parts.append(re.escape(chr(a)))
        elif o is c.RANGE:
            parts.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
        elif o is c.CATEGORY and a in _PAIR_CATEGORIES:
            parts.append(_PAIR_CATEGORIES[a])
        else:
            return None
    return f"[{''.join(parts)}]"


def _pair_item(op: Any, av: Any) -> tuple[str, bool] | None:
    """(the class of the item, whether it is optional) for one character or a run of one class
    (at least one: its last character, or its first, stands next to its neighbour), None for
    anything else; an optional item is one character or none."""
    c = _constants
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, sub = av
        if len(sub.data) != 1 or (low == 0 and high != 1):
            return None
        inner = _pair_class(*sub.data[0])
        return None if inner is None else (inner, low == 0)
    inner = _pair_class(op, av)
    return None if inner is None else (inner, False)


def _pairs_of_sequence(items: list[tuple[Any, Any]]) -> tuple[str, list[str], str] | None:
    """(A, the optional classes between, B): the first two required single-character classes
    of the sequence that stand next to each other in every match, but for optional
    characters between them; zero-width assertions are passed over."""
    c = _constants
    first: str | None = None
    between: list[str] = []
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        item = _pair_item(op, av)
        if item is None:
            first, between = None, []
        elif item[1]:
            if first is not None:
                between.append(item[0])
        elif first is not None:
            return first, between, item[0]
        else:
            first = item[0]
    return None


def _digit_class(written: str) -> bool:
    return re.search(written, "0123456789") is not None


@_kept
def _pair_cue(regex: str, flags: int) -> tuple[str, int] | None:
    """(a cue of `regex` compiled with `flags`, its flags) or None, where `required_cue` finds
    no strings: in every top-level alternative, two classes of one character each (a run's
    last and the next's first: "a letter then a digit") stand next to each other but for
    optional characters between; the cue is led by a class that is one of the two in every
    alternative (so the engine scans for it in C) and checks the other around it. None where
    an alternative has no such pair, or no class is shared, a class is a category other than
    digits, or both classes of a pair hold digits (found around every number)."""
    try:
        parsed = _parser.parse(regex, flags)
    except re.error:
        return None
    c = _constants
    items = [(op, av) for op, av in parsed.data if op not in (c.AT, c.ASSERT, c.ASSERT_NOT)]
    if len(items) == 1 and items[0][0] is c.BRANCH:  # a prefix the alternatives share is parsed out
        alternatives = [sub.data for sub in items[0][1][1]]
    else:
        alternatives = [items]
    pairs = [_pairs_of_sequence(list(alt)) for alt in alternatives]
    if any(p is None for p in pairs):
        return None
    found = [p for p in pairs if p is not None]
    if any(_digit_class(a) and _digit_class(b) for a, _, b in found):
        return None  # two digits stand together in almost every window around a number
    leads = set.intersection(*({p[0], p[2]} for p in found))
    if not leads:
        return None
    lead = sorted(leads)[0]
    checks: list[str] = []
    for a, between, b in found:
        if b == lead:  # every spelling of what stands between, behind the lead (fixed widths)
            spellings = [""]
            for o in between:
                spellings = [s + extra for s in spellings for extra in ("", o)]
            checks += [f"(?<={a}{s}{b})" for s in spellings]
        else:
            checks.append("(?=" + "".join(f"{o}?" for o in between) + f"{b})")
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    return f"{lead}(?:{'|'.join(dict.fromkeys(checks))})", int(re.IGNORECASE) if ignore_case else 0


# characters a first-character class may hold at most: more stop the engine's scan so often
# that trying the regex at every position costs as little
_MOST_FIRST_CHARACTERS = 64


def _first_characters(items: list[tuple[Any, Any]], ignore_case: bool) -> tuple[set[str], bool] | None:
    """(the characters a match of the sequence `items` may begin with, whether it may match the
    empty string), or None when they are not known or too many: zero-width assertions are
    passed over (they consume nothing), a class of categories or a negated one is unknown."""
    c = _constants
    chars: set[str] = set()
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL:
            return chars | _letter_set(chr(av), ignore_case), False
        if op is c.IN:
            if len(av) > _MOST_FIRST_CHARACTERS or not all(o is c.LITERAL for o, _ in av):
                return None
            return chars.union(*(_letter_set(chr(a), ignore_case) for _, a in av)), False
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            ignoring = c.SRE_FLAG_IGNORECASE
            inner_case = (ignore_case or bool(add_flags & ignoring)) and not del_flags & ignoring
            found = _first_characters(sub.data, inner_case)
        elif op is c.ATOMIC_GROUP:
            found = _first_characters(av.data, ignore_case)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            found = _first_characters(av[2].data, ignore_case)
            if found is not None and av[0] == 0:
                found = (found[0], True)
        elif op is c.BRANCH:
            parts = [_first_characters(sub.data, ignore_case) for sub in av[1]]
            found = None if None in parts else (set().union(*(p[0] for p in parts if p)), any(p[1] for p in parts if p))
        else:
            return None
        if found is None:
            return None
        chars |= found[0]
        if len(chars) > _MOST_FIRST_CHARACTERS:
            return None
        if not found[1]:
            return chars, False
    return chars, True


def first_characters(regex: str, flags: int = 0) -> frozenset[str] | None:
    """Exactly the characters `re` may begin a match of `regex` with (or more), None when not
    known, too many, or when it may match the empty string (anywhere)."""
    try:
        parsed = _parser.parse(regex, flags)
    except re.error:
        return None
    found = _first_characters(parsed.data, bool(parsed.state.flags & re.IGNORECASE))
    return None if found is None or found[1] or not found[0] else frozenset(found[0])


# one character matched by a class or a class escape, then a literal character (escaped
# punctuation or a character with no meaning of its own), not made optional or repeated
_CLASS_THEN_LITERAL = compiled(r"(?P<x>\[(?:\\.|[^\\\]])*\]|\\[wWdDsS]|\.)"
                               r"(?P<c>\\[^\w\s]|[^\\\[\](){}|?*+.^$\s])(?![?*+{])")


def _second_literal_led(alt: str) -> str | None:
    """`Xc rest` (X one character of a class, c a literal character) as `c(?<=Xc)rest`, led by
    its literal: it matches in a text exactly when the alternative does (one character later),
    for a caller that asks only whether; None for any other shape."""
    m = _CLASS_THEN_LITERAL.match(alt)
    if m is None:
        return None
    return f"{m.group('c')}(?<={m.group('x')}{m.group('c')}){alt[m.end():]}"


@_kept
def any_match_parts(regex: str) -> tuple[str, ...] | None:
    """Regexes (compiled without flags) one of which matches in a text exactly when `regex`
    (compiled without flags) does, each led so that the engine scans for where a match may
    begin in C: the top-level alternatives whose first characters are known
    (`first_characters`) in one regex led by a case-sensitive class of all of them, each tried
    in a lookahead at such a character (`[..](?<=(?=(?:alt|...)).)`); each other alternative
    as written. For a caller that asks only whether `regex` matches a whole text (a lookbehind
    of a lookahead sees before the position searched from). None when `regex` cannot be read."""
    alternatives = _top_level_split(regex)
    if alternatives is None:
        return None
    led: list[str] = []
    others: list[str] = []
    firsts: set[str] = set()
    for alt in alternatives:
        found = first_characters(alt)
        if found is None and (second := _second_literal_led(alt)) is not None:
            alt, found = second, first_characters(second)
        if found is None:
            others.append(alt)
        else:
            led.append(alt)
            firsts |= found
    if not led or len(firsts) > _MOST_FIRST_CHARACTERS:
        return (regex,)
    first = "".join(map(re.escape, sorted(firsts)))
    return (f"(?-i:[{first}])(?<=(?=(?:{'|'.join(led)}))(?s:.))", *others)
