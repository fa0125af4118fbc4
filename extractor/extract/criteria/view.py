"""The outline as the criteria reader reads it: the surface forms real documents carry folded
to the ones the patterns know, one character for one, so every offset and location of a claim
is still the outline's.

- bullets of other fonts ("●", "❖", "➢") as "-"; footnote marks after a statement ("(*)",
  "[1]") as spaces, and so the brackets of a reference before its name ("[TC8] Thông tin")
  (full-width punctuation is ASCII already: text/normalize.py);
- a line break inside a block before a lower-case letter or a digit (a PDF's wrapped line) as
  a space;
- a scan's slips in the words of a criteria statement ("Tiê u chí", "chư a đạt", "đat") as
  their words, in a text read with its marks (patterns/criteria.yaml scan_slip);
- a report typed without tone marks, or with "đ" typed as "d", read folded: every text with
  its marks stripped (`strip_diacritics`), and the patterns folded the same way
  (text/fold.py, `reading_unmarked`). Only such a report pays for it: the test is one C-speed scan of
  each block (`isascii`, `in`) and a search in the few blocks it passes.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from extractor.core.data import load_pattern, pattern_regexes
from extractor.core.model import CriteriaStatus, Location
from extractor.core.regexes import compiled
from extractor.extract.criteria.grammar import lookup, named_title_number, names, rx
from extractor.extract.guards import any_match_parts
from extractor.structure.outline import Outline, OutlineBlock
from extractor.text.fold import per_reading, spelt, strip_diacritics, unmarked

# a line break inside a block, with the characters either side of it
_BREAK = compiled(r"(?<=(.))\n(?=(.))")


def _unwrap(m: re.Match[str]) -> str:
    """A PDF's wrapped line read as one: after a comma, or where the text goes on in lower
    case, with a bracket, or with a number after a word; after a label's colon unless a list
    item follows ("Tiêu chí số 10 - Thu nhập:" over "Đạt (53 triệu đồng)"); after a word that
    cannot end a line ("tiêu chí", "đến", "và": its name or number is on the next). A break
    after the end of a sentence or a clause, or before a capital after any other word (the
    next name of a list written one per line), is the writer's own."""
    before, after = m.group(1), m.group(2)
    if before == ",":
        return " "
    if before in ".;!?" or before.isspace():
        return "\n"
    c = rx().c
    if before == ":":
        return "\n" if rx().at["bullet_lead"].match(m.string, m.end()) else " "
    joined = (after.islower() or after == "(" or (after.isdigit() and not before.isdigit())
              or c["wrap_open_end"].search(m.string, max(0, m.start() - 12), m.start()) is not None)
    return " " if joined else "\n"


def paragraphs_join(before: str, after: str) -> bool:
    """Does paragraph `after` go on with the line `before` ends (a scan's or a PDF's wrapped line
    made two paragraphs: "các tiêu chí chưa" over "đạt là ...")? The rule of a line break inside
    a block (`_unwrap`), for a block ending with no punctuation and a paragraph in lower case."""
    if not before or not after or before[-1] in ".;:!?)" or before[-1].isspace() or not after[0].islower():
        return False  # a paragraph in upper case or after a bullet is one of its own, even after "gồm"
    if rx().c["bullet_lead"].match(after):
        return False  # "o Thu nhập.": a list item, lower case bullet and all
    if named_title_number(after) is not None:
        return False  # "thu nhập, số 10:": a form's line naming the criterion of the line under it
    text = before + "\n" + after
    m = _BREAK.search(text, len(before) - 1)
    return m is not None and m.start() == len(before) and _unwrap(m) == " "


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    bullets = load_pattern("criteria")["reading_bullets"]
    return {ord(b): ord("-") for b in bullets}


def _hint_source() -> str:
    """What any fold needs: a character changed one for one, a line break, or the start of a
    footnote mark, a TC spelling or a spelled ordinal ("chí thứ"). A report without any (most
    reports) is read as it is after one search."""
    chars = re.escape("".join(chr(c) for c in _table()))
    data = load_pattern("criteria")
    return f"[{chars}\n\\]]|" + data["fold_hint"]["regex"] + "|" + data["scan_slip"]["regex"]


@lru_cache(maxsize=1)
def _hint_parts() -> tuple[re.Pattern[str], ...]:
    """`_hint` as regexes one of which matches a text exactly when it does, each scanned for
    in C from the characters its matches begin with (guards.py `any_match_parts`): the hint is
    searched over every report's whole text."""
    source = _hint_source()
    parts = any_match_parts(source)
    return tuple(map(compiled, parts)) if parts is not None else (compiled(source),)


# a criterion's name in quotes ("chưa đạt “Thu nhập” (10)"): the quotes delimit nothing a
# separator does not, and read as spaces
_QUOTED = compiled(r'"(?=[^"]{2,80}")')


def _may_change(text: str) -> bool:
    return (unmarked() or any(part.search(text) is not None for part in _hint_parts())
            or ('"' in text and any(True for _ in _quoted_names(text))))


def _quoted_names(text: str) -> Iterator[tuple[int, int]]:
    """(opening, closing) quote of every criterion name in quotes."""
    for m in _QUOTED.finditer(text):
        name = names().match(text, m.end())
        if name is not None and text.startswith('"', name.end()):
            yield m.start(), name.end()


def _unquote_names(text: str) -> str:
    for start, end in list(_quoted_names(text)):
        text = text[:start] + " " + text[start + 1:end] + " " + text[end + 1:]
    return text


def _slip_to_word(m: re.Match[str]) -> str:
    """A scan's slip as its word (patterns/criteria.yaml scan_slip), in the slip's case and room."""
    slip = m.group(0)
    joined = "".join(slip.split()).casefold()
    word = load_pattern("criteria")["scan_slip"].get("reads", {}).get(joined, joined)
    letters = "".join(slip.split())
    if letters.isupper():
        word = word.upper()
    elif letters[:1].isupper():
        word = word[:1].upper() + word[1:]
    return _padded(word, slip)


def _bracketed_number(text: str, m: re.Match[str]) -> str:
    """"[13]" before the name of criterion 13 as the reference "TC13" (same room); any other
    bracketed number as it is."""
    n = int(m.group("n"))
    start = m.end() + len(text[m.end():]) - len(text[m.end():].lstrip())
    name = names().match(text, start)
    if name is None or lookup(name.group(0)) != n:
        return m.group(0)
    return _padded(f"TC{n}", m.group(0))


def _padded(new: str, old: str) -> str:
    """`new` in the room of `old`, padded with spaces (offsets stay the outline's)."""
    return new + " " * (len(old) - len(new))


# the words (up to three) right before a tagged abbreviation, that may be a name ("Nhà ở(9)")
_WORDS_BEFORE = compiled(r"(?:(?<!\w)[^\W\d_]+\s){1,3}$")
_WORD_START = compiled(r"(?<!\w)\w")


def _tagged_start(text: str, m: re.Match[str]) -> int | None:
    """Where the tag's criterion begins: the abbreviation's start when it holds two capitals at
    least, else the start of the words ending with it that name the bracket's criterion; None
    when they name none or another."""
    if sum(ch.isupper() for ch in m.group("abbr")) >= 2:
        return m.start()
    n, stop = int(m.group("n")), m.end("abbr")
    words = _WORDS_BEFORE.search(text, max(0, m.start() - 40), m.start())
    starts = [w.start() for w in _WORD_START.finditer(text, words.start(), m.start())] if words else []
    return next((s for s in [*starts, m.start()] if lookup(text[s:stop]) == n), None)


def _tagged_to_references(text: str) -> str:
    """Every criterion tagged with its number in brackets (patterns/criteria.yaml
    tagged_reference) as the reference "TC n" in its room."""
    out, last = [], 0
    for m in rx().c["tagged_reference"].finditer(text):
        start = _tagged_start(text, m)
        if start is None or start < last:
            continue
        n = m.group("n")
        out += [text[last:start], "TC", " " * (m.end() - start - 3 - len(n)), n, " "]
        last = m.end()
    return "".join(out) + text[last:] if out else text


def _ordinal(m: re.Match[str]) -> str:
    number = _ordinals().get(" ".join(m.group("w").lower().split()))
    if number is None:
        return m.group(0)
    head = m.group(0)[:m.start("w") - m.start()]
    return head + _padded(str(number), m.group("w"))


@per_reading
def _ordinals() -> dict[str, int]:
    return {spelt(w): n for w, n in load_pattern("criteria")["spelled_ordinals"].items()}


# a quotation in a report (text/normalize.py makes every quotation mark '"')
_QUOTATION = compiled(r'"([^"]{6,400})"')


def outline_reads_unmarked(outline: Outline) -> bool:
    """Are the report's criteria read folded? When it is typed without marks (`Outline.unmarked`),
    and when it quotes a statement typed without them (an officer's message: "Xa em hien dat 16
    tieu chi, con tc 10 chua dat"): the quotation can only be read folded, and a marked text
    folded reads as it is written."""
    if outline.unmarked:
        return True
    statement = pattern_regexes("sections")["unmarked_statement"]
    for ob in outline.blocks:
        if '"' not in ob.text:
            continue
        for m in _QUOTATION.finditer(ob.text):
            quoted = m.group(1)
            if strip_diacritics(quoted) == quoted and statement.search(quoted):
                return True
    return False


def text_to_reading(text: str) -> str:
    """`text` as the criteria reader reads it (same length), plain or folded as the report
    is read (text/fold.py, `reading_unmarked`)."""
    if unmarked():
        text = strip_diacritics(text)
    if not _may_change(text):
        return text
    c = rx().c
    if not unmarked():
        text = c["scan_slip"].sub(_slip_to_word, text)
    if c["table_mark"].match(text):
        return text  # a mark alone ("✓" in a Đạt column) is a tick, not a bullet
    text = _BREAK.sub(_unwrap, text.translate(_table()))
    if '"' in text:
        text = _unquote_names(text)
    text = c["footnote_mark"].sub(lambda m: " " * len(m.group(0)), text)
    text = c["tc_variant"].sub(lambda m: _padded("TC", m.group(0)), text)
    if "(" in text:
        text = _tagged_to_references(text)
    if "[" in text:
        text = c["bracketed_reference"].sub(lambda m: " " + m.group("ref") + " ", text)
        text = c["bracketed_number_name"].sub(lambda m: _bracketed_number(text, m), text)
    return c["spelled_ordinal"].sub(_ordinal, text)


def outline_to_reading(outline: Outline) -> Outline:
    """The outline with every text as `text_to_reading` reads it (the same outline when no
    text changes)."""
    if not _may_change("\x00".join(ob.text for ob in outline.blocks)):
        return outline  # one test over the whole text: most reports need no fold
    blocks: list[OutlineBlock] = []
    changed = False
    fold_headings = unmarked()
    for ob in outline.blocks:
        text = text_to_reading(ob.text)
        headings = tuple(text_to_reading(h) for h in ob.headings) if fold_headings else ob.headings
        if text == ob.text and headings == ob.headings:
            blocks.append(ob)
            continue
        changed = True
        blocks.append(replace(ob, norm=ob.norm._replace(text=text), headings=headings))
    return Outline(outline.document, tuple(blocks)) if changed else outline


def _original_text(text: str, location: Location | None, original: Outline, reading: Outline,
                   by_block: dict[int, int]) -> str:
    """The outline's own text where the reader read `text` (evidence shows what the report
    wrote, not its fold); `text` itself when it spans more than the one block it starts in."""
    i = by_block.get(location.block) if location is not None else None
    if i is None or location is None:
        return text
    ob, rb = original.blocks[i], reading.blocks[i]
    if ob.text == rb.text:
        return text
    start = bisect_left(ob.norm.offsets, location.start)
    if rb.text[start:start + len(text)] != text:
        return text
    return ob.text[start:start + len(text)]


def criteria_to_original_text(result: CriteriaStatus, original: Outline, reading: Outline) -> None:
    """Every evidence text of `result`, read from `reading`, as `original` has it."""
    if reading is original:
        return
    by_block = {ob.block.index: i for i, ob in enumerate(original.blocks)}

    def back(text: str, location: Location | None) -> str:
        return _original_text(text, location, original, reading, by_block)

    for ce in result.evidence:
        ce.text = back(ce.text, ce.location)
    for ev in [*result.count_evidence.values(), *(e for c in result.conflicts for e in c.evidence)]:
        ev.text = back(ev.text, ev.location)
