"""Labels: the phrase that names what a figure measures.

In prose the label is the text before a colon in the figure's clause ("Tổng kinh phí thực
hiện: 231 triệu đồng"), else the words before the number back to the clause start, at most
`max_words` of them. A figure joined to the one before it by a link word ("12,1/12,6 km đạt
96%") shares its label. Link and trailing words are data in patterns/labels.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from extractor.core.data import load_pattern
from extractor.core.regexes import compiled
from extractor.text.fold import per_reading, spelt, spelt_all, unmarked

# Clause boundaries: ';', a line break, an opening bracket, or a full stop that ends a
# sentence (followed by a space), never the dot inside "1.326,6"; an inline bullet, never the
# dash of "2021 - 2025".
_BOUNDARY = compiled(r"[;\n(]|\.(?=\s)|(?<!\d)\s[-+•]\s(?!\d)")
_BULLET = compiled(r"^[\s\-+•*/,;.)]+")
# more than two words after a colon (found without splitting the rest of a long clause)
_THREE_WORDS = compiled(r"\s*\S+\s+\S+\s+\S")
# a word right after a space: where a segment's tail is cut (extract/labels.py `_tail_label`)
_WORD_AFTER_SPACE = compiled(r"(?<=\s)\S")
# a segment longer than this is first read from its last characters (`_tail_label`)
_TAIL_CHARS = 256


@lru_cache(maxsize=8)
def _boundary_ends(text: str) -> tuple[int, ...]:
    """Where every clause boundary of a block ends, found once per block: looking them up for
    each figure keeps labelling linear in the block's length."""
    return tuple(m.end() for m in _BOUNDARY.finditer(text))


@lru_cache(maxsize=16)
def _clause_start(text: str, start: int) -> int:
    """The end of the last clause boundary before `start`. A boundary right before the number
    ("xã - 5 ha" read up to the number) is matched as if the text stopped there. Remembered
    for the last few figures: a figure's label, its whole clause and its status each ask."""
    ends = _boundary_ends(text)
    k = bisect_right(ends, start)
    clause_start = ends[k - 1] if k else 0
    for m in _BOUNDARY.finditer(text, max(clause_start, start - 3), start):
        clause_start = m.end()
    return clause_start


def clause_before(text: str, start: int) -> str:
    """The words of the clause before text[start], from its last boundary."""
    return text[_clause_start(text, start):start]


@per_reading
def _vocab() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    data = load_pattern("labels")
    links = sorted(spelt_all(data["link_words"]), key=len, reverse=True)
    link_re = compiled(r"^[\s,]*(?:(?:" + "|".join(map(re.escape, links)) + r")[\s,]*)*$", re.IGNORECASE)
    trail_re = compiled(r"(?:\s*(?<!\w)(?:" + _trailing_alternation() + r")|\s*[:,\-–=])+\s*$", re.IGNORECASE)
    return link_re, trail_re, int(data["max_words"])


def _trailing_alternation() -> str:
    return "|".join(map(re.escape, sorted(spelt_all(load_pattern("labels")["trailing_words"]), key=len, reverse=True)))


@per_reading
def _last_trailing() -> tuple[re.Pattern[str], int]:
    """The last word or mark of a trailing run, and how far back from the end it can start.
    The run ends the segment, so its last unit ends where the segment's spaces begin: looking
    there first spares the full search, tried at every position, for a segment without one."""
    words = load_pattern("labels")["trailing_words"]
    return (compiled(r"(?:(?<!\w)(?:" + _trailing_alternation() + r")|[:,\-–=])\s*$", re.IGNORECASE),
            max(map(len, words), default=1))


def _strip_trailing(segment: str) -> str:
    """The segment without its trailing link words and marks ("Tổng diện tích là:"), found in
    it as read (`spelt`, of the same length) and cut from it as written."""
    last_re, reach = _last_trailing()
    read = spelt(segment)
    if last_re.search(read, max(0, len(read.rstrip()) - reach)) is None:
        return segment
    trail_re = _vocab()[1]
    m = trail_re.search(read)
    while m is not None and (kept := _kept_phrase_end(read, m.start())) is not None:
        m = trail_re.search(read, kept)
    return segment if m is None else segment[:m.start()]


def _kept_phrase_end(read: str, cut: int) -> int | None:
    """The end of a kept phrase (`_kept_phrases`) that a cut at `cut` would split, else None."""
    regex = _kept_phrases()
    if regex is None:
        return None
    return next((m.end() for m in regex.finditer(read) if m.start() < cut < m.end()), None)


@per_reading
def _kept_phrases() -> re.Pattern[str] | None:
    """Phrases a trailing cut must not split: `kept_phrases` in every reading, and read
    unmarked also `unmarked_kept_phrases`."""
    data = load_pattern("labels")
    phrases = list(data["kept_phrases"]) + (list(data["unmarked_kept_phrases"]) if unmarked() else [])
    words = sorted(spelt_all(phrases), key=len, reverse=True)
    return compiled(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)


@per_reading
def _tail_end() -> re.Pattern[str]:
    words = sorted(spelt_all(load_pattern("labels")["tail_stop_words"]), key=len, reverse=True)
    return compiled(r"[\d;,.:()\n]|(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)


def figure_tail(text: str, end: int) -> str:
    """The words right after a figure that end at `end` ("thôn đều có điện"), up to the next
    number, clause mark or word opening the next item (`tail_stop_words`), at most 50
    characters; found as the report is read (`spelt`, of the same length), cut as written."""
    window = text[end:end + 50]
    m = _tail_end().search(spelt(window))
    return window if m is None else window[:m.start()]


def is_linked(between: str) -> bool:
    """True when only link words stand between two figures."""
    return len(between) <= 30 and bool(_vocab()[0].match(spelt(between)))


def figure_to_label(text: str, start: int, end: int, noun: str | None = None, floor: int = 0,
                    whole_clause: bool = False) -> str | None:
    """The label of the figure at text[start:end]; `floor` is where the figure before it in the
    same clause ended, so "dân số 7.854 người, 1.986 hộ" labels 1.986 without 7.854.
    Before a colon stands the label ("Tổng kinh phí thực hiện: 231 triệu đồng") unless a phrase
    follows the colon, which then is the label and the part before it a heading ("- Về thủy
    lợi: Tổng diện tích cần tưới 452 ha"); `whole_clause` keeps both, for indicator matching."""
    return _segment_to_label(_label_segment(text, start, floor, whole_clause), noun)


def figure_to_label_and_context(text: str, start: int, end: int, noun: str | None,
                                floor: int) -> tuple[str | None, tuple[str, ...]]:
    """The figure's label (`figure_to_label` with `floor`) and the texts the indicator reads,
    nearest first (`_segment_to_context`): the words since the figure before it in the
    clause, then the whole clause ("đạt 14 tiêu chí, chưa đạt 5 tiêu chí": the 5 is of
    "chưa đạt", whatever the clause began with). A single word since the figure before says
    too little alone ("5 hộ đạt 8 tiêu chí": the households meet them), so the clause is read
    whole. When no figure stands before it, the two are one."""
    clause_start = _clause_start(text, start)
    segment = _label_segment(text, start, floor, False, clause_start)
    label = _segment_to_label(segment, noun)
    whole = _segment_to_context(text[clause_start:start])
    # a floor before the clause's start cuts nothing: the words since the figure before are the clause
    near = _segment_to_context(text[floor:start]) if floor > clause_start else whole
    if near and len(near.split()) < 2:
        near = None
    contexts = tuple(dict.fromkeys(c for c in (near, whole) if c))
    return label, contexts or ((label,) if label else ())


def _segment_to_context(segment: str) -> str | None:
    """A whole clause as the indicator reads it: like a label, but keeping the link words
    before the number, which may say what is counted ("xã đạt 13/19 tiêu chí" counts criteria
    met, "chưa đạt 4 tiêu chí" those not met)."""
    if len(segment) > 2 * _TAIL_CHARS:  # only its last words are kept: split no long clause whole
        word = _WORD_AFTER_SPACE.search(segment, len(segment) - 2 * _TAIL_CHARS)
        segment = segment[word.start():] if word is not None else segment
    context = _shorten(_BULLET.sub("", segment).strip(" ,:"), _vocab()[2])
    return context or None


def _label_segment(text: str, start: int, floor: int, whole_clause: bool,
                   clause_start: int | None = None) -> str:
    """The text a label is cut from; `whole_clause` keeps both sides of a colon, however
    few words follow it ("Dự án 2: giao 900 triệu": "giao" says what the amount is).
    `clause_start`: `_clause_start(text, start)`, when the caller has it."""
    if clause_start is None:
        clause_start = _clause_start(text, start)
    clause_start = max(clause_start, floor)
    segment = text[clause_start:start]
    if whole_clause:
        return segment
    colon = segment.rfind(":")
    if colon >= 0 and _THREE_WORDS.match(segment, colon + 1) is None:
        segment = segment[:colon]
    elif colon >= 0:
        segment = segment[colon + 1:]
    return segment


def _segment_to_label(segment: str, noun: str | None) -> str | None:
    if len(segment) > _TAIL_CHARS and not unmarked():
        label = _tail_label(segment)
        if label is not None:
            return label
    segment = _BULLET.sub("", segment)
    segment = _strip_trailing(segment).strip(" ,:")
    label = _shorten(segment, _vocab()[2])
    if not label and noun:
        return noun
    return label or None


def _tail_label(segment: str) -> str | None:
    """The label of a long segment read from its last characters alone, or None where they do
    not settle it. Each figure of a long clause has its whole clause read for its context, so
    reading every segment whole made a paragraph of many figures quadratic.

    The tail starts at a word after a space, past the leading bullet run, and is read as the
    whole is: its trailing run starts at the same place once the words before that start are
    more than a trailing word's (a run starting before the tail would hold a word boundary in
    the tail, from which the run's rest matches, nearer than that start), and `_shorten`
    takes the same words once the tail keeps more than `max_words` + 1 of them (it looks no
    further back). Otherwise the tail doubles, up to the whole segment (None: read it whole).
    Read unmarked, phrases kept whole may move the cut: such a segment is read whole."""
    last_re, reach = _last_trailing()
    _, trail_re, max_words = _vocab()
    need = max(max_words + 2, _trailing_words_span() + 1)
    bullet = _BULLET.match(segment)
    floor = bullet.end() if bullet else 0
    n, chars = len(segment), _TAIL_CHARS
    while chars < n:
        word = _WORD_AFTER_SPACE.search(segment, n - chars)
        chars *= 2
        if word is None or word.start() <= floor:
            return None
        tail = segment[word.start():]
        read = spelt(tail)
        lo = len(read.rstrip()) - reach
        if lo <= 0:
            continue  # the search for a trailing run's last unit would reach before the tail
        cut = len(read)
        if last_re.search(read, lo) is not None:
            m = trail_re.search(read)
            if m is None:
                return None
            cut = m.start()
        kept = tail[:cut].strip(" ,:")
        if len(kept.split()) >= need:
            return _shorten(kept, max_words)
    return None


@lru_cache(maxsize=1)
def _trailing_words_span() -> int:
    """The most words a trailing word of patterns/labels.yaml spans ("ít nhất": 2)."""
    return max((len(w.split()) for w in load_pattern("labels")["trailing_words"]), default=1)


def _shorten(segment: str, max_words: int) -> str:
    """At most `max_words` words from the end, cut after a comma where one allows it, so a
    long label starts at a phrase, not inside a word of several syllables."""
    words = segment.split()
    if len(words) <= max_words:
        return " ".join(words)
    for i, word in enumerate(words[:-1]):
        if word.endswith(",") and len(words) - i - 1 <= max_words:
            return " ".join(words[i + 1:])
    return " ".join(words[-max_words:])
