"""A criteria table with an "x" in its Đạt / Chưa đạt columns once made a clean page look
garbled (lone letters), so it was re-read with pdfplumber, which glued a tick to the name
cell beside it. A lone letter at a line's end or alone on its line is no sign of garbling."""
from __future__ import annotations

from extractor.readers.pdf.chars import text_is_suspect


def test_ticks_are_not_garbling() -> None:
    table = "\r\n".join(f"{n} Tên tiêu chí số {n} x" if n % 2 else f"{n} Tên\r\ntiêu chí\r\nx"
                        for n in range(1, 20))
    assert not text_is_suspect(table, 0.08)


def test_words_split_apart_still_are() -> None:
    assert text_is_suspect("K t qu th c hi n Ch ng trình xây d ng nông thôn m i", 0.08)
