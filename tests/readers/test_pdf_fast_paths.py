"""The PDF reader's fast paths give what the plain ones give: spans of a page's text, its
lines cleaned in one pass, a char's weight asked once per text object."""
from __future__ import annotations

import random
from pathlib import Path

from extractor.readers.pdf import chars, layout
from extractor.readers.pdf.lines import PdfLine

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_spans_split_lines_at_cuts_and_after_hyphen_marks() -> None:
    # lines at 0, 9 (pdfium's hyphen mark U+FFFE inside), 20, 30 (blank) and 33
    text = " ab cd \r\nnông\ufffethôn\r\nTên  Đạt\r\n \r\nx"
    # a start at a line's first char cuts nothing; 2 and 25 cut their lines
    assert chars.text_to_spans(text, [2, 9, 25]) == [
        ("a", 1, 1), ("b cd", 2, 5), ("nông\ufffe", 9, 13), ("thôn", 14, 17),
        ("Tên", 20, 22), ("Đạt", 25, 27), ("x", 33, 33)]
    assert chars.text_to_spans(text, []) == [
        ("ab cd", 1, 5), ("nông\ufffe", 9, 13), ("thôn", 14, 17), ("Tên  Đạt", 20, 27),
        ("x", 33, 33)]


def _line(text: str) -> PdfLine:
    return PdfLine(text, 72.0, 500.0, 100.0, 13.0)


def _one_by_one(texts: list[str]) -> list[str]:
    return [ln.text for ln in map(layout._nfc, map(_line, texts)) if ln.text.strip()]


def test_lines_cleaned_together_are_as_cleaned_one_by_one() -> None:
    # a combining mark opening a line must not compose with the end of the line before
    texts = ["Tho", "\u0302n ti\u1ebfp", "b\u1eaft \x07đầu\ufffe", "  ", "\x0c", "x\x02y", "\u00adz"]
    lines = [_line(t) for t in texts]
    assert [ln.text for ln in layout._clean_lines(lines)] == _one_by_one(texts)
    assert layout._clean_lines([]) == []


def test_a_line_holding_the_joining_char_is_cleaned_one_by_one() -> None:
    texts = ["a\x00b", "Tho", "\u0302n"]
    assert [ln.text for ln in layout._clean_lines([_line(t) for t in texts])] == \
        _one_by_one(texts) == ["ab", "Tho", "\u0302n"]


def test_weight_asked_once_per_text_object_is_the_weight_char_by_char() -> None:
    # the fixture mixes bold and regular fonts and has chars without a text object
    path = FIXTURES / "garbled-font.pdf"
    pdf, pdfium_c = chars.open_pdfium(path.read_bytes(), str(path))
    try:
        for n in range(len(pdf)):
            page = pdf[n]
            textpage = page.get_textpage()
            count = textpage.count_chars()
            for order in (list(range(count)), random.Random(n).sample(range(count), count)):
                plain, fast = chars._Chars(pdfium_c, textpage), chars._Chars(pdfium_c, textpage)
                expected = [plain.char_bold(i) for i in order]
                assert [fast.bold(i) for i in order] == expected
                assert any(expected) and not all(expected)
            textpage.close()
            page.close()
    finally:
        pdf.close()
