"""Structure: normalize every block and place it in the report's outline.

`document_to_outline` turns a `Document` into an `Outline`: per block its normalized text
(with the offset map back to the original), the path of headings it sits under, and the
programme component (nội dung thành phần 01-11) when the report is organised by them.
Headings are recognised from style (docx heading levels) or from numbering patterns in
patterns/sections.yaml ("Phần thứ nhất", "I.", "1.", "(1)", "a)", "- Về giao thông:").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from extractor.core.data import load_pattern, pattern_regexes
from extractor.core.model import Block, BlockKind, Document, Location
from extractor.core.regexes import compiled
from extractor.text.normalize import NormalizedText, text_to_normalized
from extractor.text.numbers import texts_to_evidence

if TYPE_CHECKING:
    from extractor.structure.tables import TableGrid


@dataclass(frozen=True)
class OutlineBlock:
    """A block with its normalized text, the headings above it and its heading level."""

    block: Block
    norm: NormalizedText
    # text of each enclosing heading, outermost first (the block itself excluded)
    headings: tuple[str, ...]
    level: int | None  # heading level when this block is a heading, else None
    component: int | None
    # the normalized text, a plain attribute: every stage reads it, many times per block
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.norm.text)


@dataclass(frozen=True)
class Outline:
    """A document's blocks in reading order, each with its normalized text and headings."""

    document: Document
    blocks: tuple[OutlineBlock, ...]

    @cached_property
    def table_grids(self) -> dict[int, TableGrid]:
        """The grids of the table cells (structure/tables.py), built once: figures, criteria
        and checks all read them."""
        from extractor.structure.tables import table_cells_to_grids

        return table_cells_to_grids(self)

    @cached_property
    def number_evidence(self) -> tuple[int, int]:
        """The tokens that settle the number convention (text/numbers.py), counted once:
        figures and the checks' tables both decide by them."""
        return texts_to_evidence(ob.text for ob in self.blocks)

    @cached_property
    def unmarked(self) -> bool:
        """Is the report typed without tone marks, or with "đ" typed as "d"? Some block that
        names criteria without marks ("dat 17/19 tieu chi") or spells a status with "d" ("dạt")
        says so (patterns/sections.yaml); criteria, figures and identity then read it folded."""
        rx = pattern_regexes("sections")
        for ob in self.blocks:
            text = ob.text
            # no marked letter: ASCII, or with symbols beside the letters ("-> Dat", "– dat")
            if text.isascii() or _MARKED_LETTER.search(text) is None:
                if rx["unmarked_statement"].search(text):
                    return True
            elif "đ" not in text and "Đ" not in text and rx["d_for_đ_word"].search(text):
                return True
        return False

    def location(self, index: int, start: int, end: int) -> Location:
        """Location of normalized offsets [start, end) of block `index`, in original offsets."""
        ob = self.blocks[index]
        ostart, oend = ob.norm.to_original(start, end)
        # positional: keywords double the cost of the call, made for every figure and evidence
        return Location(ob.block.index, ob.block.page, ostart, oend)


class _HeadingRule(NamedTuple):
    """A kind of heading (patterns/sections.yaml): its regex, level and longest text."""

    name: str
    level: int
    regex: re.Pattern[str]
    max_chars: int


@lru_cache(maxsize=1)
def _heading_rules() -> tuple[_HeadingRule, ...]:
    data = load_pattern("sections")
    return tuple(
        _HeadingRule(r["name"], r["level"], compiled(r["regex"]), r.get("max_chars", 400))
        for r in data["headings"])


@lru_cache(maxsize=1)
def _component_regex() -> re.Pattern[str]:
    return compiled(load_pattern("sections")["component"]["regex"], re.IGNORECASE)


def block_to_heading_level(block: Block, text: str) -> int | None:
    """The heading level of a block (lower is outer), or None for body text."""
    if block.kind in (BlockKind.TABLE_CELL, BlockKind.HEADER, BlockKind.FOOTER):
        return None
    for rule in _heading_rules():
        if len(text) <= rule.max_chars and rule.regex.match(text):
            return rule.level
    if block.style.heading_level is not None:
        return block.style.heading_level
    return None


def heading_to_component(text: str) -> int | None:
    m = _component_regex().search(text)
    return int(m.group("n")) if m else None


# a letter outside ASCII: a tone mark or "đ" (a line of ASCII letters and symbols has none)
_MARKED_LETTER = compiled(r"[^\W\d_\x00-\x7f]")
_NEXT_CHAR = compiled(r"\s*(\S)")


@lru_cache(maxsize=1)
def _sentence_end_regex() -> re.Pattern[str]:
    return compiled(load_pattern("sections")["sentence"]["end_regex"])


# Figures, criteria and checks each ask for the sentences of the same block texts, some once
# per figure, with and without ';' as an end: computed once per text (a str caches its hash,
# so a repeat costs no rescan). The size holds both kinds for every block of a long report,
# so one stage's pass over the blocks does not push out what the next one asks for.
@lru_cache(maxsize=4096)
def text_to_sentences(text: str, *, split_on_semicolon: bool = True) -> tuple[tuple[int, int], ...]:
    """Sentence spans that cover a text, each holding its closing mark (the whitespace after
    it opens the next span). Ends are those of patterns/sections.yaml `sentence`: a line
    break, ';' unless `split_on_semicolon` is False, and '.', '!', '?' before whitespace and
    a character that is not a lowercase letter ("343. triệu đồng" stays whole)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _sentence_end_regex().finditer(text):
        mark = m.group()
        if mark == ";" and not split_on_semicolon:
            continue
        if mark in ".!?":
            nxt = _NEXT_CHAR.match(text, m.end())
            if nxt and nxt.group(1).islower():
                continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return tuple((s, e) for s, e in spans if e > s) or ((0, len(text)),)


_ENUMERATION = compiled(r"^\(?(\d{1,2})[).]")


def document_to_outline(doc: Document) -> Outline:
    stack: list[tuple[int, str]] = []  # (level, heading text)
    component: int | None = None
    component_level: int | None = None
    out: list[OutlineBlock] = []
    for block in doc.blocks:
        norm = text_to_normalized(block.text)
        text = norm.text.strip()
        level = block_to_heading_level(block, text)
        if level is not None:
            while stack and stack[-1][0] >= level:
                stack.pop()
            numbered = heading_to_component(text)
            if numbered is not None:
                component, component_level = numbered, level
            elif component_level is not None and level == component_level:
                # a sibling of a component heading numbered "(10)" without the words
                m = _ENUMERATION.match(text)
                component = int(m.group(1)) if m and 1 <= int(m.group(1)) <= 11 else None
            elif component_level is not None and level < component_level:
                component, component_level = None, None
        out.append(OutlineBlock(block, norm, tuple(h for _, h in stack), level, component))
        if level is not None:
            stack.append((level, text))
    return Outline(doc, tuple(out))
