"""PDF reports with a text layer: pypdfium2's speed, pdfplumber's correctness.

Every page is read with pypdfium2 (about 1 ms a page) and its text judged
(`text_is_suspect`): replacement characters, '(cid:NN)', private-use characters and words
broken into one-letter pieces ("K t qu th c hi n", what pdfium returns when a font lacks
Vietnamese glyphs and a fallback font drew them). Only the pages that fail are read again
with pdfplumber (about 80 ms a page), which places every glyph by its position.

Both libraries hand over line segments (`PdfLine`: text, position, font size, bold), a line
being cut where a wide gap separates table cells. One set of rules rebuilds paragraphs
(`lines_to_paragraphs`): lines of a paragraph are joined with a space; a paragraph ends at a
larger vertical gap, a change of font size or weight, an indented first line, a short last
line, a line starting with a list marker, or a jump to another column; a paragraph whose
last line is full continues on the next page. A hyphen at a line end is kept ("2021-" +
"2023" is "2021-2023"); only a soft hyphen (U+00AD) is dropped. Paragraphs side by side on
one baseline, row after row, become table cells (`paragraphs_to_cells`). Lines that repeat
at the top or bottom of most pages (digits ignored, so page numbers count) are marked as
header/footer blocks. Text is NFC after every library (some return NFD).
"""
from __future__ import annotations

import ctypes
import io
import logging
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from extractor.core.data import load_pattern
from extractor.core.errors import ReadError
from extractor.core.model import Block, BlockKind, CellPosition, Document, Style
from extractor.core.settings import DEFAULT_SETTINGS, Settings
from extractor.readers import LIST_MARKERS

# A gap on one line wider than this many line heights separates two segments (table cells,
# columns) rather than two words. Measured between pdfium's text runs on office-suite PDFs:
# gaps inside running text stay under 0.75, gaps between table cells start at 1.25.
SEGMENT_GAP = 1.0
# A line whose baseline lies this much further below the previous one than the usual line
# pitch of the document starts a new paragraph.
PARAGRAPH_GAP = 1.3
# Headers/footers: lines within this share of the page height from its top or bottom that
# repeat on at least this share of the pages.
MARGIN_SHARE = 0.12
REPEAT_SHARE = 0.5

_SENTENCE_END = tuple(".:;!?…")


@lru_cache(maxsize=1)
def _list_start() -> re.Pattern[str]:
    """A line that opens a list item or a numbered heading (patterns/sections.yaml)."""
    return re.compile(load_pattern("sections")["list_start"]["regex"])
_SOFT_HYPHEN = "\u00ad"
# pdfium replaces a hyphen that ends a line before a letter with U+FFFE (or U+0002) and
# joins the two lines. It does so for a typed hyphen ("nông-" + "thôn") and for a rendered
# soft hyphen alike: the PDF draws both as the same '-' glyph. Vietnamese does not hyphenate
# syllables at line ends, so such a hyphen is kept as '-'; only a glyph the PDF itself maps
# to U+00AD (soft hyphen) is dropped when lines are joined.
_PDFIUM_HYPHEN = ("\ufffe", "\x02")
_HYPHENS = ("-", "\u2010", "\u2011")


@dataclass
class PdfLine:
    """One line segment of a page, in page coordinates with y growing downwards."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool = False
    row: bool = False  # shares its baseline with another segment: a table cell or column


@dataclass
class _PageRead:
    lines: list[PdfLine]
    text: str
    has_text_objects: bool = True
    height: float = 842.0
    reread: bool = False
    warnings: list[str] = field(default_factory=list)


# -- judging a page's text -------------------------------------------------------------------
_ALPHA_WORD = re.compile(r"\S*[^\W\d_]\S*")
_LONE_LETTER = re.compile(r"(?<!\S)[^\W\d_](?!\S)")
_BAD_GLYPH = re.compile(r"\S*(?:[\ufffd\ue000-\uf8ff]|\(cid:\d+\))\S*")


def text_is_suspect(text: str, max_ratio: float) -> bool:
    """True when too many words of `text` look garbled: one letter standing alone (Vietnamese
    words split where letters with diacritics went missing: "K t qu th c hi n"), or a word
    with a replacement, private-use or '(cid:NN)' glyph. Regexes, not a Python loop: this
    runs on every page."""
    words = len(_ALPHA_WORD.findall(text))
    bad = len(_LONE_LETTER.findall(text)) + len(_BAD_GLYPH.findall(text))
    return bad > 0 and bad / max(words, 1) > max_ratio


# -- pypdfium2 -------------------------------------------------------------------------------
class _Chars:
    """Raw pdfium calls with reused out-parameters (the fast path's hot loop)."""

    def __init__(self, pdfium_c: Any, textpage: Any) -> None:
        self.c = pdfium_c
        self.tp = textpage.raw
        self.l, self.r, self.b, self.t = (ctypes.c_double() for _ in range(4))
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()

    def left(self, i: int) -> float:
        self.c.FPDFText_GetCharBox(self.tp, i, self.l, self.r, self.b, self.t)
        return self.l.value

    def right(self, i: int) -> float:
        self.c.FPDFText_GetCharBox(self.tp, i, self.l, self.r, self.b, self.t)
        return self.r.value

    def baseline(self, i: int) -> float:
        self.c.FPDFText_GetCharOrigin(self.tp, i, self.x, self.y)
        return self.y.value

    def size(self, i: int) -> float:
        return float(self.c.FPDFText_GetFontSize(self.tp, i)) or 10.0

    def bold(self, i: int) -> bool:
        if int(self.c.FPDFText_GetFontWeight(self.tp, i)) >= 600:
            return True
        # many embedded fonts declare no weight: fall back to the font's name
        self.c.FPDFText_GetFontInfo(self.tp, i, self.name, len(self.name), self.flags)
        return b"bold" in self.name.value.lower() or bool(self.flags.value & (1 << 18))

    def segment_starts(self) -> set[int]:
        """Indices of chars that start a new segment inside one of pdfium's lines: the first
        char of a text run (pdfium's text rectangles) sitting on the same line as the run
        before it but a wide gap to its right (the next table cell), or back to its left."""
        starts: set[int] = set()
        prev: tuple[float, float, float, float] | None = None
        for k in range(self.c.FPDFText_CountRects(self.tp, 0, -1)):
            self.c.FPDFText_GetRect(self.tp, k, self.l, self.t, self.r, self.b)
            cur = (self.l.value, self.t.value, self.r.value, self.b.value)
            if prev is not None:
                # a lone '-' has a box a point high: measure gaps by the taller run
                height = max(prev[1] - prev[3], cur[1] - cur[3])
                overlap = min(prev[1], cur[1]) - max(prev[3], cur[3])
                same_line = overlap > 0.5 * min(prev[1] - prev[3], cur[1] - cur[3])
                # (pdfium sometimes keeps the first cell of the next table row on the line of
                # the last cell of the row before: a jump back left marks it too)
                if same_line and cur[0] - prev[2] > SEGMENT_GAP * height or \
                        cur[0] < prev[0] - height:
                    index = self.c.FPDFText_GetCharIndexAtPos(
                        self.tp, cur[0] + min(1.0, (cur[2] - cur[0]) / 2), (cur[1] + cur[3]) / 2,
                        1.0, 1.0)
                    if index >= 0:
                        starts.add(index)
            prev = cur
        return starts


def _pdfium_line(chars: _Chars, text: str, start: int, height: float,
                 cuts: list[int]) -> list[PdfLine]:
    """Segments of one pdfium line `text` whose first char has index `start`, cut at the
    (text-relative) positions `cuts`."""
    out: list[PdfLine] = []
    bounds = [0, *cuts, len(text)]
    for a, b in zip(bounds, bounds[1:]):
        while a < b and text[a] == " ":
            a += 1
        while b > a and text[b - 1] == " ":
            b -= 1
        if a < b:
            i = start + a
            # bold: the segment's first and last glyphs are (a bold label alone is not)
            out.append(PdfLine(text[a:b], chars.left(i), chars.right(start + b - 1),
                               height - chars.baseline(i), chars.size(i),
                               chars.bold(i) and chars.bold(start + b - 1)))
    return out


def _pdfium_page(page: Any, pdfium_c: Any) -> _PageRead:
    height = float(page.get_height())
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range() if count > 0 else ""
        if not text.strip():
            has_text = any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT],
                                                          max_depth=1))
            return _PageRead([], "", has_text, height)
        if len(text) != count:  # pdfium inserted or dropped chars: indices would not match
            return _PageRead([], text, True, height, warnings=["pdfium text/char count differ"])
        chars = _Chars(pdfium_c, textpage)
        starts = sorted(chars.segment_starts())
        lines: list[PdfLine] = []
        pos = 0
        for raw_line in text.split("\r\n"):
            # a line-end hyphen pdfium joined to the next line: split there again
            offset = pos
            for piece in re.split(r"(?<=[\ufffe\x02])", raw_line):
                if piece:
                    cuts = [k - offset for k in starts if offset < k < offset + len(piece)]
                    lines.extend(_pdfium_line(chars, piece, offset, height, cuts))
                offset += len(piece)
            pos += len(raw_line) + 2
        return _PageRead(lines, text, True, height)
    finally:
        textpage.close()


# -- pdfplumber ------------------------------------------------------------------------------
def _plumber_page(page: Any) -> list[PdfLine]:
    """Lines of a pdfplumber page. Glyphs are grouped into lines and ordered within a line by
    position, which puts glyphs a fallback font drew later back inside their words; the
    segments (lines, cells) then keep the content-stream order of their first glyph, which
    keeps each wrapped table cell together as pdfium does."""
    height = float(page.height)
    stream = {id(c): i for i, c in enumerate(page.chars)}
    keyed: list[tuple[int, PdfLine]] = []
    for line in page.extract_text_lines(layout=False, strip=True, return_chars=True):
        chars = [c for c in line["chars"] if c.get("text")]
        segments: list[list[dict[str, Any]]] = [[chars[0]]] if chars else []
        for prev, ch in zip(chars, chars[1:]):
            if ch["x0"] - prev["x1"] > SEGMENT_GAP * (prev.get("size") or 10.0):
                segments.append([])
            segments[-1].append(ch)
        for seg in segments:
            first = min(stream.get(id(c), len(stream)) for c in seg)
            keyed.append((first, _plumber_segment(seg, height)))
    keyed.sort(key=lambda item: item[0])
    return [ln for _, ln in keyed if ln.text]


def _plumber_segment(chars: list[dict[str, Any]], height: float) -> PdfLine:
    text = []
    for prev, ch in zip([None, *chars], chars):
        # a gap of a sixth of an em between glyphs is a space the PDF did not draw
        if prev is not None and ch["text"] != " " and text and text[-1] != " " and \
                ch["x0"] - prev["x1"] > 0.15 * (ch.get("size") or 10.0):
            text.append(" ")
        text.append(ch["text"])
    first = chars[0]
    baseline = height - first["matrix"][5] if first.get("matrix") else first["bottom"]
    bold = all("bold" in str(c.get("fontname", "")).lower() for c in chars if c["text"].strip())
    return PdfLine("".join(text).strip(), first["x0"], chars[-1]["x1"], baseline,
                   first.get("size") or 10.0, bold)


# -- rebuilding paragraphs ---------------------------------------------------------------
@dataclass(frozen=True)
class LineMetrics:
    """Per-document layout figures the paragraph rules compare against."""

    pitch: float  # usual baseline distance between lines of one paragraph, in font sizes
    right: float  # right edge of the text column


def lines_to_metrics(pages: list[list[PdfLine]]) -> LineMetrics:
    ratios: list[float] = []
    rights: list[float] = []
    for lines in pages:
        for prev, line in zip(lines, lines[1:]):
            dy = line.baseline - prev.baseline
            if 0.5 * line.size < dy < 4 * line.size and abs(line.size - prev.size) < 0.5:
                ratios.append(dy / line.size)
        rights.extend(ln.x1 for ln in lines)
    # within-paragraph pitch is the common small one: a low quantile ignores paragraph gaps
    pitch = statistics.quantiles(ratios, n=4)[0] if len(ratios) >= 4 else \
        (min(ratios) if ratios else 1.2)
    right = statistics.quantiles(rights, n=10)[-1] if len(rights) >= 10 else \
        (max(rights) if rights else 0.0)
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
    # a cell wraps at its own border, unknown here: "short" only means something in a line
    # that has the text column to itself
    short = not prev.row and _ends_short(prev, line, m)
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


def _mark_rows(lines: list[PdfLine]) -> None:
    for prev, line in zip(lines, lines[1:]):
        if abs(line.baseline - prev.baseline) < 0.3 * max(line.size, prev.size):
            prev.row = line.row = True


def lines_to_paragraphs(lines: list[PdfLine], m: LineMetrics) -> list[list[PdfLine]]:
    """Group a page's line segments (in reading order) into paragraphs."""
    _mark_rows(lines)
    paragraphs: list[list[PdfLine]] = []
    for line in lines:
        if paragraphs and not starts_paragraph(paragraphs[-1][-1], line, paragraphs[-1][0], m):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


# -- headers and footers ---------------------------------------------------------------------
def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def pages_to_margin_lines(pages: list[_PageRead]) -> dict[tuple[int, int], BlockKind]:
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
    text = "".join(c for c in text if c >= " " or c in _PDFIUM_HYPHEN)
    line.text = text.replace("\ufffe", "-").replace("\x02", "-")
    return line


def _open_pdfium(data: bytes, path: str) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data), pdfium_c
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError(path, "encrypted_pdf") from None
        raise ReadError(path, "corrupt_pdf", str(exc)) from None


def _reread_with_pdfplumber(data: bytes, path: str, pages: list[_PageRead],
                            numbers: list[int]) -> None:
    import pdfplumber

    # pdfminer logs every oddity of a damaged file to the console; what matters reaches the
    # page's warnings below, so keep the officer's terminal to the tool's own messages
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    try:
        with pdfplumber.open(io.BytesIO(data), pages=[n + 1 for n in numbers]) as pdf:
            for n, page in zip(numbers, pdf.pages):
                pages[n].lines = _plumber_page(page)
                pages[n].reread = True
    except Exception as exc:  # keep pdfium's text when pdfminer cannot parse the file
        for n in numbers:
            pages[n].warnings.append(f"pdfplumber re-read failed: {type(exc).__name__}: {exc}")


def bytes_to_document(data: bytes, path: str, sha256: str,
                      settings: Settings = DEFAULT_SETTINGS) -> Document:
    pdf, pdfium_c = _open_pdfium(data, path)
    try:
        pages: list[_PageRead] = []
        for n in range(len(pdf)):
            page = pdf[n]
            try:
                pages.append(_pdfium_page(page, pdfium_c))
            except Exception as exc:  # one broken page must not lose the others
                pages.append(_PageRead([], "", True, warnings=[f"page {n + 1}: {exc}"]))
            finally:
                page.close()
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(path, "corrupt_pdf", f"{type(exc).__name__}: {exc}") from None
    finally:
        pdf.close()
    failing = [n for n, page in enumerate(pages)
               if (not page.lines and page.has_text_objects)
               or text_is_suspect(unicodedata.normalize("NFC", page.text),
                                  settings.pdf_suspect_word_ratio)]
    if failing:
        _reread_with_pdfplumber(data, path, pages, failing)
    return pages_to_document(pages, path, sha256)


def _same_row(a: PdfLine, b: PdfLine) -> bool:
    return abs(a.baseline - b.baseline) < 0.3 * max(a.size, b.size) and b.x0 > a.x0


def _extent(lines: list[PdfLine]) -> tuple[float, float]:
    return min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)


def _columns_of(lines: list[PdfLine], columns: list[tuple[float, float]]) -> list[int]:
    """The columns a cell overlaps (the nearest one when it sits in a gap between them)."""
    x0, x1 = _extent(lines)
    over = [c for c, (a, b) in enumerate(columns) if min(x1, b) - max(x0, a) > 0]
    if not over:
        middle = (x0 + x1) / 2
        over = [min(range(len(columns)),
                    key=lambda c: abs((columns[c][0] + columns[c][1]) / 2 - middle))]
    return over


def _rest_of_split_row(cells: list[list[PdfLine]], last_row: list[list[PdfLine]],
                       columns: list[tuple[float, float]]) -> bool:
    """Whether the first row of a page is the rest of the table row a page break split: its
    cells start with small letters and each sits under a different cell of the last row."""
    if not all(lines[0].text[:1].islower() for lines in cells):
        return False
    taken = [_columns_of(lines, columns)[0] for lines in cells]
    above = {_columns_of(lines, columns)[0] for lines in last_row}
    return len(set(taken)) == len(taken) and set(taken) <= above


def _lone_cell(lines: list[PdfLine], fullest: list[list[PdfLine]]) -> bool:
    """Whether a paragraph right after a table row is that table's next row with one cell
    filled: it lies in one column other than the first (text after a table starts at the
    left margin) and is aligned with that column's cell above: same left, right or centre."""
    columns = [_extent(cell) for cell in fullest]
    x0, x1 = _extent(lines)
    over = [c for c, (a, b) in enumerate(columns) if min(x1, b) - max(x0, a) > 0]
    if len(over) != 1 or over[0] == 0:
        return False
    a, b = columns[over[0]]
    size = lines[0].size
    return abs(x0 - a) < size or abs(x1 - b) < size or abs((x0 + x1) - (a + b)) < 2 * size


def paragraphs_to_cells(paragraphs: list[tuple[int, list[PdfLine]]]
                        ) -> list[tuple[int, list[PdfLine], CellPosition | None]]:
    """The paragraphs with table cells marked, rebuilt from layout alone.

    A row is a run of paragraphs whose first lines share a baseline, left to right (cells are
    top-aligned); consecutive rows of two or more cells make a table, across a page break
    too. When a page break splits a row, the rest of its cells at the top of the next page
    are appended to the cells above them. Columns are the cells of the table's fullest row;
    a cell overlapping several spans them. Without the table's rulings this misses cells
    left empty, but it gives the figures and criteria of a PDF table the same row/column
    context as in the .docx.
    """
    rows: list[list[int]] = []
    for k, (page, lines) in enumerate(paragraphs):
        head = rows[-1] if rows else None
        if head is not None and paragraphs[head[0]][0] == page and \
                _same_row(paragraphs[head[-1]][1][0], lines[0]):
            head.append(k)
        else:
            rows.append([k])
    tables: list[list[list[int]]] = []
    absorbed: set[int] = set()
    in_table = False
    for i, row in enumerate(rows):
        page_start = i > 0 and paragraphs[row[0]][0] != paragraphs[rows[i - 1][0]][0]
        if in_table and page_start:
            table = tables[-1]
            columns = [_extent(paragraphs[k][1]) for k in max(table, key=len)]
            last = table[-1]
            if _rest_of_split_row([paragraphs[k][1] for k in row],
                                  [paragraphs[k][1] for k in last], columns):
                for k in row:
                    col = _columns_of(paragraphs[k][1], columns)[0]
                    target = next(j for j in last
                                  if _columns_of(paragraphs[j][1], columns)[0] == col)
                    paragraphs[target][1].extend(paragraphs[k][1])
                    absorbed.add(k)
                continue  # the table goes on with the next row
        if in_table and len(row) == 1 and not page_start and _lone_cell(
                paragraphs[row[0]][1], [paragraphs[k][1] for k in max(tables[-1], key=len)]):
            tables[-1].append(row)
            continue
        if len(row) >= 2:
            if not in_table:
                tables.append([])
            tables[-1].append(row)
        in_table = len(row) >= 2
    cells: dict[int, CellPosition] = {}
    for t, table in enumerate(tables):
        columns = [_extent(paragraphs[k][1]) for k in max(table, key=len)]
        for r, row in enumerate(table):
            for k in row:
                over = _columns_of(paragraphs[k][1], columns)
                cells[k] = CellPosition(table=t, row=r, col=over[0], col_span=len(over))
    return [(page, lines, cells.get(k)) for k, (page, lines) in enumerate(paragraphs)
            if k not in absorbed]


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


def _margin_blocks(pages: list[_PageRead], margin: dict[tuple[int, int], BlockKind], p: int,
                   kind: BlockKind, add: Any) -> None:
    for i, ln in enumerate(pages[p].lines):
        if margin.get((p, i)) is kind:
            add(kind, [ln], p + 1)


def pages_to_document(pages: list[_PageRead], path: str, sha256: str) -> Document:
    for page in pages:
        page.lines = [ln for ln in map(_nfc, page.lines) if ln.text.strip()]
    metrics = lines_to_metrics([page.lines for page in pages])
    margin = pages_to_margin_lines(pages)
    blocks: list[Block] = []
    warnings: list[str] = []

    def add(kind: BlockKind, lines: list[PdfLine], number: int,
            cell: CellPosition | None = None) -> None:
        text = join_lines([ln.text for ln in lines]).strip()
        if text:
            if cell is not None:
                kind = BlockKind.TABLE_CELL
            elif kind is BlockKind.PARAGRAPH and text.startswith(LIST_MARKERS):
                kind = BlockKind.LIST_ITEM
            bold = all(ln.bold for ln in lines)
            blocks.append(Block(len(blocks), kind, text, number, Style(bold=bold), cell))

    # paragraphs of all pages in one stream, so one that runs over a page break is one block
    paragraphs: list[tuple[int, list[PdfLine]]] = []
    for p, page in enumerate(pages):
        warnings.extend(page.warnings)
        body = [ln for i, ln in enumerate(page.lines) if (p, i) not in margin]
        for k, paragraph in enumerate(lines_to_paragraphs(body, metrics)):
            if k == 0 and paragraphs and continues_on_next_page(paragraphs[-1][1][-1],
                                                                paragraph[0], metrics):
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
            _margin_blocks(pages, margin, next_page, BlockKind.HEADER, add)
            if not starting[next_page]:
                _margin_blocks(pages, margin, next_page, BlockKind.FOOTER, add)
            next_page += 1

    for p, paragraph, cell in marked:
        margins_up_to(p)
        add(BlockKind.PARAGRAPH, paragraph, p + 1, cell)
        done[p] += 1
        if done[p] == starting[p]:
            _margin_blocks(pages, margin, p, BlockKind.FOOTER, add)
    margins_up_to(len(pages) - 1)
    without = [p + 1 for p, page in enumerate(pages) if not page.lines]
    reread = [p + 1 for p, page in enumerate(pages) if page.reread]
    if reread:
        warnings.append("pages re-read with pdfplumber: " + ", ".join(map(str, reread)))
    return Document(path=path, format="pdf", sha256=sha256, blocks=blocks, pages=len(pages),
                    pages_without_text=without, warnings=warnings)

