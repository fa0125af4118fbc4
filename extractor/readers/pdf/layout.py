"""Paragraphs, tables and margins of a PDF rebuilt from line segments (`PdfLine`).

One set of rules rebuilds paragraphs (`lines_to_paragraphs`): lines of a paragraph are
joined with a space; a paragraph ends at a larger vertical gap, a change of font size or
weight, an indented first line, a short last line, a line starting with a list marker, or a
jump to another column; a paragraph whose last line is full continues on the next page. A
table cell (a paragraph whose first line shares its baseline with another segment of the
page) ends only where a line leaves its column, and may go on at the top of the next page.
Where the page draws its table's rulings (cell borders), a horizontal ruling across two lines
ends a paragraph (a row border: LibreOffice leaves about one line pitch between rows, so the
gap cannot tell it), and lines between one column's vertical rulings are one cell. A
hyphen at a line end is kept ("2021-" + "2023" is "2021-2023"); only a soft hyphen (U+00AD)
is dropped. Paragraphs side by side on one baseline, row after row, become table cells
(extractor.readers.pdf.tables). Lines that repeat at the top or bottom of most pages (digits
ignored, so page numbers count) are marked as header/footer blocks. Text is NFC after every
library (some return NFD).
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any

from extractor.core.data import load_pattern
from extractor.core.model import Block, BlockKind, CellPosition, Document, Style
from extractor.core.regexes import compiled
from extractor.readers import LIST_MARKERS
from extractor.readers.pdf.lines import RULE_JOIN, PageRead, PdfLine, Rule
from extractor.readers.pdf.ocr_budget import OCR_PAGES_WARNING
from extractor.readers.pdf.tables import paragraphs_to_cells

# A line whose baseline lies this much further below the previous one than the usual line
# pitch of the document starts a new paragraph.
PARAGRAPH_GAP = 1.3
# Headers/footers: lines within this share of the page height from its top or bottom that
# repeat on at least this share of the pages.
MARGIN_SHARE = 0.12
REPEAT_SHARE = 0.5
# Full-line pairs needed to read the line pitch from wrapped lines alone.
WRAPPED_PAIRS = 8

_SENTENCE_END = tuple(".:;!?…")


@lru_cache(maxsize=1)
def _list_start() -> re.Pattern[str]:
    """A line that opens a list item or a numbered heading (patterns/sections.yaml)."""
    return compiled(load_pattern("sections")["list_start"]["regex"])


_SOFT_HYPHEN = "\u00ad"
# pdfium replaces a hyphen that ends a line before a letter with U+FFFE (or U+0002) and
# joins the two lines. It does so for a typed hyphen ("nông-" + "thôn") and for a rendered
# soft hyphen alike: the PDF draws both as the same '-' glyph. Vietnamese does not hyphenate
# syllables at line ends, so such a hyphen is kept as '-'; only a glyph the PDF itself maps
# to U+00AD (soft hyphen) is dropped when lines are joined.
_PDFIUM_HYPHEN = ("\ufffe", "\x02")
# control characters are not text, except pdfium's marks of a hyphen at a line end
_CONTROLS = compiled("[" + "".join(re.escape(chr(i)) for i in range(0x20) if chr(i) not in _PDFIUM_HYPHEN) + "]")
_HYPHENS = ("-", "\u2010", "\u2011")


@dataclass(frozen=True)
class LineMetrics:
    """Per-document layout figures the paragraph rules compare against."""

    pitch: float  # usual baseline distance between lines of one paragraph, in font sizes
    right: float  # right edge of the text column


def lines_to_metrics(pages: list[list[PdfLine]]) -> LineMetrics:
    """The document's line pitch and right edge. The pitch is read from pairs whose first line
    is full (it reaches the right edge, so the line wrapped: both lines are one paragraph);
    without enough of them, a low quantile of every pair. A report of mostly one-line
    paragraphs (a letterhead, short bullets) would otherwise take its paragraph spacing for
    the line pitch and merge paragraphs."""
    pairs: list[tuple[PdfLine, float]] = []
    rights: list[float] = []
    for lines in pages:
        for prev, line in zip(lines, lines[1:]):
            dy = line.baseline - prev.baseline
            if 0.5 * line.size < dy < 4 * line.size and abs(line.size - prev.size) < 0.5:
                pairs.append((prev, dy / line.size))
        rights.extend(ln.x1 for ln in lines)
    right = statistics.quantiles(rights, n=10)[-1] if len(rights) >= 10 else \
        (max(rights) if rights else 0.0)
    wrapped = [r for prev, r in pairs if prev.x1 >= right - prev.size]
    ratios = wrapped if len(wrapped) >= WRAPPED_PAIRS else [r for _, r in pairs]
    # within-paragraph pitch is the common small one: a low quantile ignores paragraph gaps
    pitch = statistics.quantiles(ratios, n=4)[0] if len(ratios) >= 4 else \
        (min(ratios) if ratios else 1.2)
    return LineMetrics(pitch=pitch, right=right)


def _centered(a: PdfLine, b: PdfLine) -> bool:
    return abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) < a.size and abs(a.x0 - b.x0) > a.size


def _ends_short(prev: PdfLine, line: PdfLine, m: LineMetrics) -> bool:
    """Whether `prev` ends early: the first word of `line` would have fit after it, so the
    break was the author's, not the line wrap's."""
    first_word = line.text.split(" ", 1)[0]
    advance = (line.x1 - line.x0) / max(len(line.text), 1)
    return m.right - prev.x1 > (len(first_word) + 1) * advance + 0.3 * line.size


def starts_paragraph(prev: PdfLine, line: PdfLine, first: PdfLine, m: LineMetrics) -> bool:
    """Whether `line` begins a new paragraph after `prev` (`first`: the paragraph's first)."""
    size = max(prev.size, line.size)
    dy = line.baseline - prev.baseline
    if dy < 0.3 * size:
        return True  # same line further right, or back up: another cell or column
    if abs(line.size - prev.size) > 0.15 * size:
        return True
    if dy > m.pitch * PARAGRAPH_GAP * size:
        return True
    opens = not line.text[:1].islower()  # a continuation line starts with a small letter
    if line.bold != prev.bold and opens:
        return True  # a bold heading line next to body text
    if line.x0 < prev.x0 - 4 * size:
        return True  # back to a column far to the left: the next table row, or the text after
    if prev.row or first.row or (first.box is not None and prev.box == first.box):
        # a table cell (its first line shares a baseline with the cells beside it, or it lies
        # between the rulings of a table's column) wraps at its own border and is one block
        # however its lines start (a list of criteria, "12. ..." after "11. ...;"): it ends
        # only where a line leaves its column (or its ruled box), or where another cell starts
        # under it on the line's baseline (the sub-headings "Đạt | Chưa đạt" under a merged
        # "Kết quả đánh giá": a row of their own); a ruling between rows is checked apart
        right = max(prev.x1, first.x1)
        return line.x0 > first.x1 or any(first.x0 < x < right for x in line.beside) or \
            (first.box is not None and line.box != first.box)
    short = _ends_short(prev, line, m)
    ends_sentence = prev.text.endswith(_SENTENCE_END)
    if _list_start().match(line.text) and (short or ends_sentence):
        return True
    if short and not _centered(prev, line) and (ends_sentence or opens):
        return True
    hanging = first is prev and _list_start().match(first.text) is not None
    if line.x0 > prev.x0 + 0.8 * size and not hanging and not _centered(prev, line):
        return True  # an indented first line after a full one
    return False


def join_lines(texts: list[str]) -> str:
    """Join the lines of one paragraph: a space between lines, nothing after a soft hyphen
    (dropped) or a hyphen that follows a letter or digit (kept: '2021-' + '2023')."""
    out = ""
    for text in texts:
        if not out:
            out = text
        elif out.endswith(_SOFT_HYPHEN):
            out = out[:-1] + text
        elif out.endswith(_HYPHENS) and len(out) > 1 and out[-2].isalnum():
            out += text
        else:
            out += " " + text
    return out


_BASELINE = attrgetter("baseline")


def _mark_rows(lines: list[PdfLine]) -> None:
    """Mark the segments that share their baseline with another segment of the page: table
    cells and columns. Compared across the page, not only with the next segment: pdfium
    hands over a table cell by cell, so the wrapped second line of a label cell comes before
    the cell beside its first line, and only the page's other segments tell that it is in a
    row (where a short line is no paragraph end)."""
    by_baseline = sorted(lines, key=_BASELINE)
    group: list[PdfLine] = by_baseline[:1]
    for prev, line in zip(by_baseline, by_baseline[1:]):
        if abs(line.baseline - prev.baseline) < 0.3 * max(line.size, prev.size):
            prev.row = line.row = True
            group.append(line)
            continue
        if len(group) > 1:
            _mark_beside(group)
        group = [line]
    _mark_beside(group)


def _mark_beside(group: list[PdfLine]) -> None:
    """Give each segment of one baseline the left edges of the others (`PdfLine.beside`)."""
    if len(group) > 1:
        for line in group:
            line.beside = tuple(other.x0 for other in group if other is not line)


def _mark_boxes(lines: list[PdfLine], vrules: list[Rule], hrules: list[Rule]) -> None:
    """Give each segment that lies between two vertical rulings of a table the x of those two
    (`PdfLine.box`). A table has two or more columns (three vertical rulings or more across the
    line) and rows (three horizontal rulings or more across the column): a frame around the
    page with a rule between two columns of text is none."""
    start, end = min(y0 for _, y0, _ in vrules), max(y1 for _, _, y1 in vrules)
    ruled: dict[tuple[float, float], bool] = {}
    for line in lines:
        y = line.baseline
        if y < start or y > end:  # the text around the tables
            continue
        top = y - 0.5 * line.size
        across = [x for x, y0, y1 in vrules if y0 <= top and y1 >= y]  # left to right
        if len(across) >= 3:
            k = bisect_right(across, line.x0 + 0.5)
            if 0 < k < len(across) and across[k] >= line.x1 - 0.5:
                box = (across[k - 1], across[k])
                rows = ruled.get(box)
                if rows is None:
                    rows = ruled[box] = sum(a <= box[0] + RULE_JOIN and b >= box[1] - RULE_JOIN
                                            for _, a, b in hrules) >= 3
                if rows:
                    line.box = box


def _ruled_apart(prev: PdfLine, line: PdfLine, hrules: list[Rule], ys: list[float]) -> bool:
    """Whether a horizontal ruling (`hrules`, their y in `ys`) runs between `prev` and the
    `line` below it, across both: a border between table rows. It must reach past their left
    edges (a cell's padding), which an underline of `prev` never does. Row borders cannot be
    told by the gap alone: LibreOffice leaves about the line pitch between rows."""
    low, high = prev.baseline, line.baseline - 0.5 * line.size
    left, right = min(prev.x0, line.x0) - 1.0, max(prev.x1, line.x1)
    for k in range(bisect_right(ys, low), bisect_left(ys, high)):
        _, x0, x1 = hrules[k]
        if x0 <= left and x1 >= right:
            return True
    return False


def lines_to_paragraphs(lines: list[PdfLine], m: LineMetrics, hrules: list[Rule] | None = None,
                        vrules: list[Rule] | None = None) -> list[list[PdfLine]]:
    """Group a page's line segments (in reading order) into paragraphs. The page's table
    rulings (`PageRead.hrules`, `vrules`), where read, end a paragraph at a row border and
    keep a ruled cell's lines together."""
    _mark_rows(lines)
    if vrules and hrules:
        _mark_boxes(lines, vrules, hrules)
    ys = [y for y, _, _ in hrules] if hrules else []
    if hrules:
        for line in lines:
            line.rules = hrules
    paragraphs: list[list[PdfLine]] = []
    if not lines:
        return paragraphs
    current = [lines[0]]
    paragraphs.append(current)
    prev = lines[0]
    for line in lines[1:]:
        if starts_paragraph(prev, line, current[0], m) or (
                ys and _ruled_apart(prev, line, hrules or [], ys)):
            current = [line]
            paragraphs.append(current)
        else:
            current.append(line)
        prev = line
    return paragraphs


# -- headers and footers ---------------------------------------------------------------------
def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def pages_to_margin_lines(pages: list[PageRead]) -> dict[tuple[int, int], BlockKind]:
    """(page index, line index) of lines repeated in the top or bottom margin of most pages."""
    if len(pages) < 2:
        return {}
    where: dict[tuple[str, BlockKind], list[tuple[int, int]]] = {}
    for p, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            if line.baseline < MARGIN_SHARE * page.height:
                kind = BlockKind.HEADER
            elif line.baseline > (1 - MARGIN_SHARE) * page.height:
                kind = BlockKind.FOOTER
            else:
                continue
            where.setdefault((_margin_key(line.text), kind), []).append((p, i))
    texted = sum(1 for page in pages if page.lines)
    marked: dict[tuple[int, int], BlockKind] = {}
    for (_, kind), spots in where.items():
        if len({p for p, _ in spots}) >= max(2, REPEAT_SHARE * texted):
            marked.update({spot: kind for spot in spots})
    return marked


# -- the document ----------------------------------------------------------------------------
def _nfc(line: PdfLine) -> PdfLine:
    text = unicodedata.normalize("NFC", line.text)
    text = _CONTROLS.sub("", text)  # a scan at C speed; str.translate looks each character up
    line.text = text.replace("\ufffe", "-").replace("\x02", "-")
    return line


# joins a page's line texts so that they are cleaned in one pass each: NUL is a starter that
# composes with nothing, so NFC of the joined text is the NFC of each text, joined
_JOIN = "\x00"
_CONTROLS_BUT_JOIN = compiled("[" + "".join(re.escape(chr(i)) for i in range(1, 0x20)
                                            if chr(i) not in _PDFIUM_HYPHEN) + "]")


def _clean_lines(lines: list[PdfLine]) -> list[PdfLine]:
    """The page's lines with their text as `_nfc` makes it, without the lines left blank."""
    if not lines:
        return lines
    joined = _JOIN.join([ln.text for ln in lines])
    if joined.count(_JOIN) != len(lines) - 1:  # a text holds a NUL of its own
        return [ln for ln in map(_nfc, lines) if ln.text.strip()]
    joined = _CONTROLS_BUT_JOIN.sub("", unicodedata.normalize("NFC", joined))
    joined = joined.replace("\ufffe", "-").replace("\x02", "-")
    kept: list[PdfLine] = []
    for line, text in zip(lines, joined.split(_JOIN)):
        line.text = text
        if text.strip():
            kept.append(line)
    return kept



def continues_on_next_page(last: PdfLine, first: PdfLine, m: LineMetrics) -> bool:
    """Whether the first line of a page continues the last paragraph of the page before:
    that paragraph's last line is full, and the new line neither starts a list item, nor
    changes font size, nor starts a sentence after one that ended."""
    size = max(last.size, first.size)
    if _ends_short(last, first, m) or abs(last.size - first.size) > 0.15 * size:
        return False
    if last.bold != first.bold and not first.text[:1].islower():
        return False
    if last.row or first.row or abs(first.x0 - last.x0) > 4 * size:
        return False  # table cells, or a different column
    if _list_start().match(first.text):
        return False
    return not (last.text.endswith(_SENTENCE_END) and first.text[:1].isupper())


def cell_continues_on_next_page(cell: list[PdfLine], first: PdfLine, left: float) -> bool:
    """Whether the first line of a page is the rest of a table cell the page break cut: the
    last paragraph of the page before is a cell (its first line is in a row) of a column
    other than the first, and the new line starts under its lines without a row of its own.
    Its words tell nothing: a list of criteria goes on with a capital after a ';'."""
    last = cell[-1]
    size = max(last.size, first.size)
    return cell[0].row and not first.row and abs(last.size - first.size) <= 0.15 * size \
        and abs(first.x0 - last.x0) < size and cell[0].x0 > left + 4 * size


def _margin_blocks(pages: list[PageRead], margin: dict[int, list[tuple[int, BlockKind]]],
                   p: int, kind: BlockKind, add: Any) -> None:
    """Add the margin lines of `kind` of page `p` (`margin`: by page, (line index, kind) in
    line order)."""
    lines = pages[p].lines
    for i, k in margin.get(p, ()):
        if k is kind:
            add(kind, [lines[i]], p + 1)


def lines_to_box(lines: list[PdfLine]) -> tuple[float, float, float, float]:
    """The block's box on its (first) page: x0, top, x1, bottom in points."""
    if len(lines) == 1:  # most blocks: a heading, a table cell, a one-line paragraph
        ln = lines[0]
        top = ln.top if ln.top is not None else ln.baseline - ln.size
        return round(ln.x0, 1), round(top, 1), round(ln.x1, 1), round(ln.baseline, 1)
    top = min(ln.top if ln.top is not None else ln.baseline - ln.size for ln in lines)
    return (round(min(ln.x0 for ln in lines), 1), round(top, 1),
            round(max(ln.x1 for ln in lines), 1), round(max(ln.baseline for ln in lines), 1))


def lines_to_confidence(lines: list[PdfLine]) -> float | None:
    """The recognizer's confidence in a block read by OCR (per character), else None."""
    scored = [(ln.conf, len(ln.text)) for ln in lines if ln.conf is not None]
    if not scored:
        return None
    return round(sum(c * n for c, n in scored) / max(1, sum(n for _, n in scored)), 3)


# a Style is frozen: every block shares one of the two
_BOLD, _PLAIN = Style(bold=True), Style(bold=False)


def pages_to_document(pages: list[PageRead], path: str, sha256: str) -> Document:
    for page in pages:
        page.lines = _clean_lines(page.lines)
    metrics = lines_to_metrics([page.lines for page in pages])
    margin = pages_to_margin_lines(pages)
    by_page: dict[int, list[tuple[int, BlockKind]]] = {}
    for (p, i), kind in sorted(margin.items()):
        by_page.setdefault(p, []).append((i, kind))
    blocks: list[Block] = []
    warnings: list[str] = []

    def add(kind: BlockKind, lines: list[PdfLine], number: int,
            cell: CellPosition | None = None) -> None:
        one = lines[0] if len(lines) == 1 else None  # most blocks: a heading, a cell, a line
        text = (one.text if one is not None else join_lines([ln.text for ln in lines])).strip()
        if text:
            if cell is not None:
                kind = BlockKind.TABLE_CELL
            elif kind is BlockKind.PARAGRAPH and text.startswith(LIST_MARKERS):
                kind = BlockKind.LIST_ITEM
            if one is not None:
                bold = one.bold
                confidence = None if one.conf is None else lines_to_confidence(lines)
            else:
                bold = all(ln.bold for ln in lines)
                confidence = lines_to_confidence(lines)
            if one is not None and one.top is None:  # lines_to_box's first case, inline
                baseline = one.baseline
                box = (round(one.x0, 1), round(baseline - one.size, 1), round(one.x1, 1),
                       round(baseline, 1))
            else:
                box = lines_to_box(lines)
            blocks.append(Block(len(blocks), kind, text, number, _BOLD if bold else _PLAIN, cell,
                                box, confidence))

    # paragraphs of all pages in one stream, so one that runs over a page break is one block
    paragraphs: list[tuple[int, list[PdfLine]]] = []
    for p, page in enumerate(pages):
        warnings.extend(page.warnings)
        skip = {i for i, _ in by_page.get(p, ())}
        body = [ln for i, ln in enumerate(page.lines) if i not in skip] if skip else page.lines
        left = min((ln.x0 for ln in body), default=0.0)
        for k, paragraph in enumerate(lines_to_paragraphs(body, metrics, page.hrules, page.vrules)):
            if k == 0 and paragraphs and (
                    continues_on_next_page(paragraphs[-1][1][-1], paragraph[0], metrics)
                    or cell_continues_on_next_page(paragraphs[-1][1], paragraph[0], left)):
                paragraphs[-1][1].extend(paragraph)
            else:
                paragraphs.append((p, paragraph))
    marked = paragraphs_to_cells(paragraphs)
    # header lines before the first paragraph that starts on their page, footer lines after
    # the last one (which may run on to the next page)
    starting = Counter(p for p, _, _ in marked)
    done: Counter[int] = Counter()
    next_page = 0

    def margins_up_to(last: int) -> None:
        nonlocal next_page
        while next_page <= last:
            _margin_blocks(pages, by_page, next_page, BlockKind.HEADER, add)
            if not starting[next_page]:
                _margin_blocks(pages, by_page, next_page, BlockKind.FOOTER, add)
            next_page += 1

    for p, paragraph, cell in marked:
        margins_up_to(p)
        add(BlockKind.PARAGRAPH, paragraph, p + 1, cell)
        done[p] += 1
        if done[p] == starting[p]:
            _margin_blocks(pages, by_page, p, BlockKind.FOOTER, add)
    margins_up_to(len(pages) - 1)
    without = [p + 1 for p, page in enumerate(pages) if not page.lines]
    reread = [p + 1 for p, page in enumerate(pages) if page.reread]
    if reread:
        warnings.append("pages re-read with pdfplumber: " + ", ".join(map(str, reread)))
    recognized = [p + 1 for p, page in enumerate(pages) if page.ocr and page.lines]
    if recognized:
        warnings.append(OCR_PAGES_WARNING + ", ".join(map(str, recognized)))
    return Document(path=path, format="pdf", sha256=sha256, blocks=blocks, pages=len(pages),
                    pages_without_text=without, warnings=warnings)

