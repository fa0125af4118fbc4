"""count_list_mismatch: a count of places followed by a list naming a different number of them
("3 thôn: Nà Pài, Khuổi Tẩu", two names for three)."""
from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

from extractor.checks.data import config, regex
from extractor.checks.flags import make_flag
from extractor.checks.index import Report
from extractor.core.model import Flag
from extractor.core.regexes import compiled

_WORD = compiled(r"\s*([^\W\d_][\w'-]*)([:,;]?)")
_NAME_WORD = compiled(r"[^\W\d_][\w'-]*|\d{1,3}(?![\w/]|[.,]\d)")


@cache
def _count_nouns() -> dict[int, frozenset[tuple[str, ...]]]:
    """The counted nouns of patterns/checks.yaml as word tuples, by length."""
    out: dict[int, set[tuple[str, ...]]] = {}
    for noun in config()["count_list"]["nouns"]:
        words = tuple(noun.split())
        out.setdefault(len(words), set()).add(words)
    return {n: frozenset(v) for n, v in out.items()}


@cache
def _noun_last_words() -> frozenset[str]:
    return frozenset(words[-1] for group in _count_nouns().values() for words in group)


@cache
def _vocab() -> tuple[dict[str, Any], dict[int, frozenset[tuple[str, ...]]], frozenset[str],
                      re.Pattern[str], re.Pattern[str]]:
    """What `text_to_counted_lists` reads, looked up once: it runs on every block."""
    return (config()["count_list"], _count_nouns(), _noun_last_words(),
            regex("count_list", "joined_counts_regex"), regex("count_list", flags=0))


class CountedList(NamedTuple):
    number: int  # the count stated ("count" would hide tuple.count)
    noun: str
    count_span: tuple[int, int]  # normalized offsets of "<count> <noun>"
    names: tuple[str, ...]
    names_span: tuple[int, int]


def text_to_counted_lists(text: str) -> list[CountedList]:
    """Every "<count> <noun>[:,] Name, Name và Name" in a text, with the names read."""
    cfg, nouns, last_words, joined, counts = _vocab()
    found: list[CountedList] = []
    # the last count of places: (count, start, noun end, noun), so that "06 thôn và 01 tổ dân
    # phố: <7 names>" counts the names of both
    last: tuple[int, int, int, str] | None = None
    for m in counts.finditer(text):
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
        # a noun ends with one of the nouns' last words: other ends are passed over at once
        noun_len = next((k for k in range(len(seq), 0, -1) if seq[k - 1] in last_words
                         and any(seq[k - n:k] in nouns.get(n, ()) for n in range(1, k + 1))), 0)
        if not noun_len:
            continue
        noun_end = words[noun_len - 1][1]
        noun = " ".join(x for x, _ in words[:noun_len])
        number, start = int(m.group("count")), m.start("count")
        if last is not None and last[3] != noun and joined.fullmatch(text, last[2], start):
            number, start = number + last[0], last[1]
        last = (number, start, noun_end, noun)
        names, span = _read_names(text, noun_end, cfg)
        if len(names) < cfg["min_names"]:
            continue
        found.append(CountedList(number, noun, (start, noun_end), tuple(names), span))
    return found


@cache
def _not_name_regex() -> re.Pattern[str]:
    """Capitalised words and phrases that open no name ("UBND", "Tổng số")."""
    words = sorted(config()["count_list"]["not_names"], key=len, reverse=True)
    return compiled("(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _read_names(text: str, pos: int, cfg: dict[str, Any]) -> tuple[list[str], tuple[int, int]]:
    # "4 thôn đạt danh hiệu thôn văn hóa: A, B, ...": a lowercase phrase and a colon first
    phrase = compiled(cfg["lead_phrase_regex"]).match(text, pos)
    if phrase and phrase.group().islower():
        pos = phrase.end()
    lead = compiled(cfg["lead_regex"]).match(text, pos)
    pos = lead.end() if lead else pos
    sep = compiled(cfg["name_separator"], re.IGNORECASE)
    not_name = _not_name_regex()
    prefixes = tuple(f"{p} " for p in cfg["name_prefixes"])
    names: list[str] = []
    start = end = pos
    while True:
        prefixed = text.startswith(prefixes, pos)
        if prefixed:  # "thôn Nà Pài", "ấp 5": the name is what follows
            pos = text.index(" ", pos) + 1
        name_end, words = pos, list[str]()
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
    if names and compiled(cfg["truncation_regex"], re.IGNORECASE).match(text, end):
        return [], (start, end)
    return names, (start, end)


def count_list_mismatch(rep: Report) -> list[Flag]:
    """A count of places followed by a list naming a different number of them."""
    flags: list[Flag] = []
    for pos, ob in enumerate(rep.outline.blocks):
        for cl in text_to_counted_lists(ob.text):
            if cl.number == len(cl.names):
                continue
            count_ev = rep.evidence(pos, *cl.count_span)
            flags.append(make_flag(
                "count_list_mismatch", ("count_list", "severity"), "count_list_mismatch",
                [count_ev, rep.evidence(pos, *cl.names_span)],
                text=count_ev.text, count=cl.number, listed=len(cl.names), names=", ".join(cl.names)))
    return flags
