"""Text layers of PDF pages: pypdfium2 first (about 1 ms a page), pdfplumber for the pages
whose fast text fails the quality test (`text_is_suspect`, about 80 ms a page)."""
from __future__ import annotations

import ctypes
import io
import logging
from bisect import bisect_left, bisect_right
from typing import Any

from extractor.core.errors import ReadError
from extractor.core.regexes import compiled
from extractor.readers.pdf.lines import PageRead, PdfLine

# A gap on one line wider than this many line heights separates two segments (table cells,
# columns) rather than two words. Measured between pdfium's text runs on office-suite PDFs:
# gaps inside running text stay under 0.75, gaps between table cells start at 1.25.
SEGMENT_GAP = 1.0
# A gap of this many line heights cuts too where the run after it starts at the left edge
# of a run on another line of the page (within COLUMN_TOLERANCE points): a table column.
# LibreOffice leaves 0.85-0.95 line heights between a cell's text that nearly fills it and
# the next cell's.
NARROW_GAP = 0.5
COLUMN_TOLERANCE = 1.0

# -- judging a page's text -------------------------------------------------------------------
# a word with a letter; anchored at a word's start (a match can only start there), so the
# engine does not try again inside every word without a letter ("2023", "-")
_ALPHA_WORD = compiled(r"(?<!\S)\S*?[^\W\d_]\S*")
# a lone letter with another word after it on its line: a letter at a line's end or on a
# line of its own is more often a table tick ("x") than a word that lost its other letters
_LONE_LETTER = compiled(r"(?<!\S)[^\W\d_](?=[^\S\r\n]+\S)")
_BAD_GLYPH = compiled(r"\S*(?:[\ufffd\ue000-\uf8ff]|\(cid:\d+\))\S*")
_BAD_CHAR = compiled(r"[\ufffd\ue000-\uf8ff]")


def _bad_glyph_words(text: str) -> int:
    # `_BAD_GLYPH` starts with \S*, so it is tried at every position of every word; a page
    # without any bad glyph (nearly all) is told by one scan for the glyphs themselves
    if "(cid:" not in text and _BAD_CHAR.search(text) is None:
        return 0
    return len(_BAD_GLYPH.findall(text))


def text_is_suspect(text: str, max_ratio: float) -> bool:
    """True when too many words of `text` look garbled: one letter standing alone (Vietnamese
    words split where letters with diacritics went missing: "K t qu th c hi n"), or a word
    with a replacement, private-use or '(cid:NN)' glyph. Regexes, not a Python loop: this
    runs on every page; the words are counted only when some look garbled."""
    bad = len(_LONE_LETTER.findall(text)) + _bad_glyph_words(text)
    return bad > 0 and bad / max(len(_ALPHA_WORD.findall(text)), 1) > max_ratio


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

    def bold(self, i: int) -> bool:
        if int(self.c.FPDFText_GetFontWeight(self.tp, i)) >= 600:
            return True
        # many embedded fonts declare no weight: fall back to the font's name
        self.c.FPDFText_GetFontInfo(self.tp, i, self.name, len(self.name), self.flags)
        return b"bold" in self.name.value.lower() or bool(self.flags.value & (1 << 18))

    def segment(self, text: str, first: int, last: int, height: float) -> PdfLine:
        """The segment `text` from char `first` to char `last`: its left and right edges,
        baseline, size and weight in five to eight pdfium calls, made here without a Python
        method call each (this runs for every segment of every page)."""
        c, tp, lb, rb = self.c, self.tp, self.l, self.r
        c.FPDFText_GetCharBox(tp, first, lb, rb, self.b, self.t)
        x0 = lb.value
        c.FPDFText_GetCharBox(tp, last, lb, rb, self.b, self.t)
        c.FPDFText_GetCharOrigin(tp, first, self.x, self.y)
        # bold: the segment's first and last glyphs are (a bold label alone is not)
        return PdfLine(text, x0, rb.value, height - self.y.value,
                       float(c.FPDFText_GetFontSize(tp, first)) or 10.0,
                       self.bold(first) and self.bold(last))

    def segment_starts(self) -> set[int]:
        """Indices of chars that start a new segment inside one of pdfium's lines: the first
        char of a text run (pdfium's text rectangles) sitting on the same line as the run
        before it but a wide gap to its right (the next table cell), or back to its left.
        A narrower gap (a cell's text that nearly fills its cell) cuts too when the run starts
        where a run of another line starts: the left edge of a table column."""
        rects: list[tuple[float, float, float, float]] = []
        for k in range(self.c.FPDFText_CountRects(self.tp, 0, -1)):
            self.c.FPDFText_GetRect(self.tp, k, self.l, self.t, self.r, self.b)
            rects.append((self.l.value, self.t.value, self.r.value, self.b.value))
        cuts: list[tuple[float, float, float, float]] = []
        narrow: list[tuple[float, float, float, float]] = []
        lefts: list[float] = []  # where runs start a line or a cell
        for prev, cur in zip([None, *rects], rects):
            if prev is None:
                lefts.append(cur[0])
                continue
            # a lone '-' has a box a point high: measure gaps by the taller run
            height = max(prev[1] - prev[3], cur[1] - cur[3])
            overlap = min(prev[1], cur[1]) - max(prev[3], cur[3])
            same_line = overlap > 0.5 * min(prev[1] - prev[3], cur[1] - cur[3])
            gap = cur[0] - prev[2]
            # (pdfium sometimes keeps the first cell of the next table row on the line of
            # the last cell of the row before: a jump back left marks it too)
            if same_line and gap > SEGMENT_GAP * height or cur[0] < prev[0] - height:
                cuts.append(cur)
                lefts.append(cur[0])
            elif not same_line:
                lefts.append(cur[0])
            elif gap > NARROW_GAP * height:
                narrow.append(cur)
        if narrow:
            lefts.sort()
            for cur in narrow:
                i = bisect_left(lefts, cur[0] - COLUMN_TOLERANCE)
                if i < len(lefts) and lefts[i] <= cur[0] + COLUMN_TOLERANCE:
                    cuts.append(cur)
        starts: set[int] = set()
        for cur in cuts:
            # the whole run's height as tolerance: a glyph drawn high or low in its line (an
            # opening quote '“') does not reach the run's middle
            index = self.c.FPDFText_GetCharIndexAtPos(
                self.tp, cur[0] + min(1.0, (cur[2] - cur[0]) / 2), (cur[1] + cur[3]) / 2,
                1.0, max(1.0, (cur[1] - cur[3]) / 2))
            if index >= 0:
                starts.add(index)
        return starts


def _pdfium_line(chars: _Chars, text: str, start: int, height: float,
                 cuts: list[int]) -> list[PdfLine]:
    """Segments of one pdfium line `text` whose first char has index `start`, cut at the
    (text-relative) positions `cuts`."""
    if not cuts:  # most lines: one segment
        seg = text.strip(" ")
        if not seg:
            return []
        a = start + len(text) - len(text.lstrip(" "))
        return [chars.segment(seg, a, a + len(seg) - 1, height)]
    out: list[PdfLine] = []
    bounds = [0, *cuts, len(text)]
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        seg = piece.strip(" ")
        if seg:
            i = start + a + len(piece) - len(piece.lstrip(" "))
            out.append(chars.segment(seg, i, i + len(seg) - 1, height))
    return out


# pdfium's marks of a hyphen at a line end; a line is split after each
_AFTER_HYPHEN = compiled(r"(?<=[\ufffe\x02])")


def pdfium_page(page: Any, pdfium_c: Any) -> PageRead:
    height = float(page.get_height())
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range() if count > 0 else ""
        if not text.strip():
            has_text = any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT],
                                                          max_depth=1))
            return PageRead([], "", has_text, height)
        if len(text) != count:  # pdfium inserted or dropped chars: indices would not match
            return PageRead([], text, True, height, warnings=["pdfium text/char count differ"])
        chars = _Chars(pdfium_c, textpage)
        starts = sorted(chars.segment_starts())
        lines: list[PdfLine] = []
        pos = 0
        for raw_line in text.split("\r\n"):
            # a line-end hyphen pdfium joined to the next line: split there again
            offset = pos
            marked = "\ufffe" in raw_line or "\x02" in raw_line
            pieces = _AFTER_HYPHEN.split(raw_line) if marked else (raw_line,)
            for piece in pieces:
                if piece:
                    end = offset + len(piece)
                    cuts = [k - offset for k in starts[bisect_right(starts, offset):bisect_left(starts, end)]]
                    lines.extend(_pdfium_line(chars, piece, offset, height, cuts))
                offset += len(piece)
            pos += len(raw_line) + 2
        return PageRead(lines, text, True, height)
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
    text: list[str] = []
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


def open_pdfium(data: bytes, path: str) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data), pdfium_c
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError(path, "encrypted_pdf") from None
        raise ReadError(path, "corrupt_pdf", str(exc)) from None


def reread_with_pdfplumber(data: bytes, path: str, pages: list[PageRead],
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

