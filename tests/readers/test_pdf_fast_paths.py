"""The PDF reader's fast paths give what the plain ones give: spans of a page's text, its
lines cleaned in one pass."""
from __future__ import annotations

from extractor.readers.pdf import chars, layout
from extractor.readers.pdf.lines import PdfLine


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
