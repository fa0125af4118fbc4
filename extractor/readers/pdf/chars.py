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
from extractor.readers.pdf.lines import PageRead, PdfLine, boxes_to_rules

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
def _bare(fn: Any, restype: Any) -> Any:
    """The C function behind a pypdfium2 binding, called without ctypes' conversion of each
    argument (a call costs about half): ints go as C ints, pointers as `c_void_p` or
    `byref(...)`, never as bare Python numbers."""
    address = ctypes.cast(fn, ctypes.c_void_p).value
    if address is None:
        raise ReadError("-", "corrupt_pdf", "pdfium function not loaded")
    return ctypes.CFUNCTYPE(restype)(address)


class _Calls:
    """The pdfium text functions of the hot loops, bare (see `_bare`)."""

    def __init__(self, pdfium_c: Any) -> None:
        c_int, c_double = ctypes.c_int, ctypes.c_double
        self.char_box = _bare(pdfium_c.FPDFText_GetCharBox, c_int)
        self.char_origin = _bare(pdfium_c.FPDFText_GetCharOrigin, c_int)
        self.font_size = _bare(pdfium_c.FPDFText_GetFontSize, c_double)
        self.font_weight = _bare(pdfium_c.FPDFText_GetFontWeight, c_int)
        self.font_info = _bare(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong)
        self.count_rects = _bare(pdfium_c.FPDFText_CountRects, c_int)
        self.get_rect = _bare(pdfium_c.FPDFText_GetRect, c_int)
        self.count_objects = _bare(pdfium_c.FPDFPage_CountObjects, c_int)
        self.get_object = _bare(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p)
        self.get_type = _bare(pdfium_c.FPDFPageObj_GetType, c_int)
        self.get_bounds = _bare(pdfium_c.FPDFPageObj_GetBounds, c_int)


_CALLS: dict[int, _Calls] = {}


def _calls(pdfium_c: Any) -> _Calls:
    calls = _CALLS.get(id(pdfium_c))
    if calls is None:
        calls = _CALLS[id(pdfium_c)] = _Calls(pdfium_c)
    return calls


class _Chars:
    """A page's pdfium text calls with reused out-parameters (the fast path's hot loop)."""

    def __init__(self, pdfium_c: Any, textpage: Any) -> None:
        self.c = pdfium_c
        self.f = _calls(pdfium_c)
        self.raw = textpage.raw
        self.tp = ctypes.cast(textpage.raw, ctypes.c_void_p)
        self.l, self.r, self.b, self.t = (ctypes.c_double() for _ in range(4))
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.name = ctypes.create_string_buffer(128)
        self.name_len = ctypes.c_ulong(len(self.name))
        self.flags = ctypes.c_int()
        byref = ctypes.byref
        self.lr = byref(self.l), byref(self.r)
        self.bt = byref(self.b), byref(self.t)
        self.xy = byref(self.x), byref(self.y)
        self.flags_ref = byref(self.flags)

    def bold(self, i: int) -> bool:
        if self.f.font_weight(self.tp, i) >= 600:
            return True
        # many embedded fonts declare no weight: fall back to the font's name
        self.f.font_info(self.tp, i, self.name, self.name_len, self.flags_ref)
        return b"bold" in self.name.value.lower() or bool(self.flags.value & (1 << 18))

    def segments(self, spans: list[tuple[str, int, int]], height: float) -> list[PdfLine]:
        """The segments `spans` (text, first char, last char): their left and right edges,
        baseline, size and weight in five to eight pdfium calls each (bold: the segment's
        first and last glyphs are; a bold label alone is not). This runs for every segment
        of every page: the calls are bare and looked up once."""
        f, tp = self.f, self.tp
        char_box, char_origin, font_size, bold = f.char_box, f.char_origin, f.font_size, self.bold
        lref, rref = self.lr
        bref, tref = self.bt
        xref, yref = self.xy
        lb, rb, yb = self.l, self.r, self.y
        out: list[PdfLine] = []
        for text, first, last in spans:
            char_box(tp, first, lref, rref, bref, tref)
            x0 = lb.value
            char_box(tp, last, lref, rref, bref, tref)
            char_origin(tp, first, xref, yref)
            out.append(PdfLine(text, x0, rb.value, height - yb.value,
                               font_size(tp, first) or 10.0, bold(first) and bold(last)))
        return out

    def segment_starts(self) -> set[int]:
        """Indices of chars that start a new segment inside one of pdfium's lines: the first
        char of a text run (pdfium's text rectangles) sitting on the same line as the run
        before it but a wide gap to its right (the next table cell), or back to its left.
        A narrower gap (a cell's text that nearly fills its cell) cuts too when the run starts
        where a run of another line starts: the left edge of a table column."""
        get_rect, tp, lb, tb, rb, bb = self.f.get_rect, self.tp, self.l, self.t, self.r, self.b
        lref, rref = self.lr
        bref, tref = self.bt
        rects: list[tuple[float, float, float, float]] = []
        for k in range(self.f.count_rects(tp, 0, -1)):
            get_rect(tp, k, lref, tref, rref, bref)
            rects.append((lb.value, tb.value, rb.value, bb.value))
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
        raw = self.raw
        for cur in cuts:
            # the whole run's height as tolerance: a glyph drawn high or low in its line (an
            # opening quote '“') does not reach the run's middle
            index = self.c.FPDFText_GetCharIndexAtPos(
                raw, cur[0] + min(1.0, (cur[2] - cur[0]) / 2), (cur[1] + cur[3]) / 2,
                1.0, max(1.0, (cur[1] - cur[3]) / 2))
            if index >= 0:
                starts.add(index)
        return starts


# pdfium's marks of a hyphen at a line end; a line is split after each
_AFTER_HYPHEN = compiled(r"(?<=[\ufffe\x02])")


def text_to_spans(text: str, starts: list[int]) -> list[tuple[str, int, int]]:
    """The segments of a page's pdfium text as (text, first char, last char): its lines
    ("\r\n"), split again after a line-end hyphen pdfium joined to the next line and at the
    (sorted) char indices `starts`, stripped of spaces; empty ones dropped."""
    spans: list[tuple[str, int, int]] = []
    append = spans.append
    marks = "\ufffe" in text or "\x02" in text
    count, j = len(starts), 0  # starts[j]: the first start after the line's first char
    pos = 0
    for raw_line in text.split("\r\n"):
        end = pos + len(raw_line)
        while j < count and starts[j] <= pos:
            j += 1
        if (j == count or starts[j] >= end) and not (
                marks and ("\ufffe" in raw_line or "\x02" in raw_line)):
            # most lines: one segment
            seg = raw_line.strip(" ")
            if seg:
                first = end - len(raw_line.lstrip(" "))
                append((seg, first, first + len(seg) - 1))
            pos = end + 2
            continue
        offset = pos
        for piece in _AFTER_HYPHEN.split(raw_line):
            if piece:
                stop = offset + len(piece)
                lo = bisect_right(starts, offset)
                bounds = [offset, *starts[lo:bisect_left(starts, stop, lo)], stop]
                for a, b in zip(bounds, bounds[1:]):
                    seg = text[a:b]
                    stripped = seg.strip(" ")
                    if stripped:
                        first = b - len(seg.lstrip(" "))
                        append((stripped, first, first + len(stripped) - 1))
            offset += len(piece)
        pos = end + 2
    return spans


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
        lines = chars.segments(text_to_spans(text, starts), height)
        read = PageRead(lines, text, True, height)
        if _has_row(lines):
            read.hrules, read.vrules = boxes_to_rules(_path_boxes(page, pdfium_c, height))
        return read
    finally:
        textpage.close()


# Pages with more drawn paths than this (a chart, a map) are not searched for table rulings.
MAX_PATHS = 3000


def _has_row(lines: list[PdfLine]) -> bool:
    """Whether two segments of the page share a baseline: a table (or columns) to rule."""
    baselines = sorted(ln.baseline for ln in lines)
    return any(b - a < 2.0 for a, b in zip(baselines, baselines[1:]))


def _path_boxes(page: Any, pdfium_c: Any, height: float) -> list[tuple[float, float, float, float]]:
    """The bounding boxes (x0, top, x1, bottom; y growing downwards) of the page's path
    objects: the table borders among them are thin and long (`boxes_to_rules`). Every object
    of the page is asked its type (text runs are objects too): bare calls (`_bare`)."""
    f = _calls(pdfium_c)
    raw = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
    count = f.count_objects(raw)
    if count > MAX_PATHS:
        return []
    get_object, get_type, get_bounds, pointer = f.get_object, f.get_type, f.get_bounds, ctypes.c_void_p
    path = pdfium_c.FPDF_PAGEOBJ_PATH
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    boxes: list[tuple[float, float, float, float]] = []
    for i in range(count):
        obj = pointer(get_object(raw, i))
        if get_type(obj) == path and get_bounds(obj, *refs):
            boxes.append((left.value, height - top.value, right.value, height - bottom.value))
    return boxes


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
                pages[n].hrules, pages[n].vrules = boxes_to_rules(
                    [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in (*page.rects, *page.lines)])
    except Exception as exc:  # keep pdfium's text when pdfminer cannot parse the file
        for n in numbers:
            pages[n].warnings.append(f"pdfplumber re-read failed: {type(exc).__name__}: {exc}")

