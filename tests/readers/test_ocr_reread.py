"""Second looks at doubtful OCR words and cells (extractor.readers.pdf.ocr_reread) and specks
dropped (ocr_words.drop_noise), without Tesseract: the second reading is a stub."""
from __future__ import annotations

from PIL import Image

from extractor.readers.pdf.ocr_image import Grid
from extractor.readers.pdf.ocr_reread import reread_low_confidence
from extractor.readers.pdf.ocr_words import Word, drop_noise


def _word(text: str, left: int, conf: float, top: int = 100) -> Word:
    return Word(text, left, top, left + 20 * len(text), top + 30, conf, top + 25, 20)


def _hocr(words: list[tuple[str, tuple[int, int, int, int], int]]) -> str:
    spans = "".join(f"<span class='ocrx_word' title='bbox {x0} {y0} {x1} {y1}; x_wconf {c}'>{t}</span>"
                    for t, (x0, y0, x1, y1), c in words)
    return (f"<html><body><span class='ocr_line' title='bbox 0 0 2000 3000; baseline 0 -5; "
            f"x_size 20'>{spans}</span></body></html>")


def test_a_speck_between_a_number_and_its_unit_is_dropped_and_percent_is_kept():
    line = [_word("163", 0, 0.9), _word("nghìn", 100, 0.9), _word("'", 220, 0.12),
            _word("đồng", 260, 0.9), _word("%.", 400, 0.44)]
    assert [w.text for w in drop_noise([line])[0]] == ["163", "nghìn", "đồng", "%."]


def test_confident_punctuation_is_kept():
    line = [_word("hóa", 0, 0.9), _word(":", 80, 0.9), _word("3", 120, 0.9)]
    assert [w.text for w in drop_noise([line])[0]] == ["hóa", ":", "3"]


def test_a_doubtful_word_is_replaced_only_by_a_surer_single_word():
    image = Image.new("L", (1000, 400), 255)
    line = [_word("gồm", 0, 0.95), _word("tế,", 100, 0.34), _word("18", 200, 0.95)]
    seen = []

    def sure(strip):
        seen.append(strip.size)
        return _hocr([("17,", (45, 45, 100, 75), 90)])

    out = reread_low_confidence([list(line)], [], image, sure)
    assert [w.text for w in out[0]] == ["gồm", "17,", "18"] and len(seen) == 1
    # the new word takes its place in the line: same baseline, box where the old word was
    assert out[0][1].baseline == line[1].baseline and abs(out[0][1].left - line[1].left) < 20

    def unsure(strip):
        return _hocr([("12,", (45, 45, 100, 75), 38)])
    assert [w.text for w in reread_low_confidence([list(line)], [], image, unsure)[0]] == \
        ["gồm", "tế,", "18"]

    def split(strip):
        return _hocr([("1", (45, 45, 55, 75), 90), ("nhà", (60, 45, 100, 75), 90)])
    assert [w.text for w in reread_low_confidence([list(line)], [], image, split)[0]] == \
        ["gồm", "tế,", "18"]


def test_confident_words_cost_no_second_call():
    image = Image.new("L", (1000, 400), 255)
    calls = []
    line = [_word("Tổng", 0, 0.96), _word("số", 120, 0.95)]
    out = reread_low_confidence([line], [], image, lambda strip: calls.append(1) or "")
    assert out == [line] and not calls


def test_an_inked_ruled_cell_without_words_is_read_and_added():
    image = Image.new("L", (1000, 400), 255)
    for x in range(430, 470):  # a dark mark inside the cell (200-300, 400-600)
        for y in range(230, 260):
            image.putpixel((x, y), 0)
    grid = Grid((400.0, 600.0), (200.0, 300.0))

    def read(strip):
        return _hocr([("2084", (60, 60, 140, 90), 93)])
    out = reread_low_confidence([[_word("Hộ", 0, 0.95)]], [grid], image, read)
    added = out[-1][0]
    assert added.text == "2084" and grid.cell_of((added.left + added.right) / 2, added.middle) == (0, 0)


def test_a_blank_page_has_no_ink():
    import numpy as np

    from extractor.readers.pdf.ocr_image import gray_to_ink
    assert not gray_to_ink(np.full((50, 50), 255, dtype=np.uint8)).any()
