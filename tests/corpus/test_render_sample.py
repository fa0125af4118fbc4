"""The committed renderings of the sample report and the garbled-font fixture.

No converter is needed: the .docx is read with python-docx, the .pdf files with pypdfium2
and pdfplumber. The renderings are made by `python -m corpus.render_sample [--garbled]`.
"""
from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

import docx
import pdfplumber
import pypdfium2
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from extractor.core.data import load_pattern

ROOT = Path(__file__).resolve().parents[2]
TXT = ROOT / "corpus" / "luc-binh-2023.txt"
DOCX = ROOT / "corpus" / "luc-binh-2023.docx"
PDF = ROOT / "corpus" / "luc-binh-2023.pdf"
FIXTURES = ROOT / "tests" / "fixtures"


def _words(text: str) -> list[str]:
    # the .txt keeps its '**bold**' markers as literal text; the renderings do not
    return unicodedata.normalize("NFC", text.replace("*", "")).split()


def _txt_lines() -> list[str]:
    text = TXT.read_text(encoding="utf-8")
    return [unicodedata.normalize("NFC", ln.strip().replace("**", ""))
            for ln in text.splitlines() if ln.strip()]


def _body(document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def _body_texts(document) -> list[str]:
    """Paragraph texts and table cell texts (row by row) in document order."""
    out: list[str] = []
    for item in _body(document):
        if isinstance(item, Paragraph):
            out.append(item.text)
        else:
            out.extend(cell.text for row in item.rows for cell in row.cells)
    return out


@pytest.fixture(scope="module")
def sample_docx():
    return docx.Document(str(DOCX))


def test_docx_words_agree_with_txt_in_order(sample_docx) -> None:
    assert _words("\n".join(_body_texts(sample_docx))) == _words(TXT.read_text(encoding="utf-8"))


def test_docx_paragraphs_are_the_txt_lines(sample_docx) -> None:
    paragraphs = [p.text for p in sample_docx.paragraphs]
    table_lines = {" ".join(c.text for c in row.cells)
                   for t in sample_docx.tables for row in t.rows}
    lines = [ln for ln in _txt_lines() if ln not in table_lines]
    assert paragraphs == lines
    assert not any("*" in p for p in paragraphs)


def test_docx_headings_use_word_heading_styles(sample_docx) -> None:
    styles = {p.text: p.style.name for p in sample_docx.paragraphs}
    assert styles["BÁO CÁO"] == "Title"
    assert styles["Phần thứ nhất"] == styles["Phần thứ hai"] == "Heading 1"
    assert styles["ĐÁNH GIÁ TÌNH HÌNH TRIỂN KHAI, KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH"] == "Heading 1"
    assert styles["I. KẾT QUẢ TRIỂN KHAI CHƯƠNG TRÌNH."] == "Heading 2"
    assert styles["1. Công tác tuyên truyền, vận động"] == "Heading 3"
    assert styles["(10) Giữ vững quốc phòng, an ninh và trật tự xã hội nông thôn"] == "Heading 4"
    assert styles["c) Kết quả thực hiện các nguồn vốn"] == "Heading 5"
    assert styles["- Kinh phí đã được cấp để thực hiện: 250 triệu đồng."] == "Normal"
    assert styles["+ Tổng diện tích gieo trồng cây lâu năm: 7 ha."] == "Normal"


def test_every_numbered_section_line_is_a_heading(sample_docx) -> None:
    rules = [re.compile(r["regex"]) for r in load_pattern("sections")["headings"]
             if r["name"] in ("part", "roman", "arabic", "parenthesised", "lettered")]
    headings = [p for p in sample_docx.paragraphs
                if any(r.match(p.text) for r in rules) and len(p.text) <= 400]
    assert len(headings) >= 20
    assert all(p.style.name.startswith("Heading ") for p in headings)


def test_criteria_summary_is_a_two_by_two_table(sample_docx) -> None:
    assert len(sample_docx.tables) == 1
    table = sample_docx.tables[0]
    assert (len(table.rows), len(table.columns)) == (2, 2)
    labels = [row.cells[0] for row in table.rows]
    assert labels[0].text == "- Tổng số 14 tiêu chí xã đạt đến thời điểm hiện tại:"
    assert labels[1].text == "- Tổng 5 tiêu chí không đạt cụ thể:"
    assert table.rows[0].cells[1].text.startswith("Tiêu chí số 1 Quy hoạch;")
    assert table.rows[1].cells[1].text.endswith("Hệ thống chính trị và tiếp cận pháp luật.")
    for cell in labels:  # the label is bold, as in the .txt
        assert [r.bold for r in cell.paragraphs[0].runs if r.text.strip("- ")] == [True]
    # the table stands where its two lines stand in the .txt
    items = _body(sample_docx)
    at = next(i for i, item in enumerate(items) if isinstance(item, Table))
    assert items[at - 1].text.startswith("2. Kết quả thực hiện Bộ tiêu chí Quốc gia")
    assert items[at + 1].text == "(số liệu chi tiết theo Phụ biểu số 09 kèm theo)"


def test_markdown_bold_becomes_bold_runs(sample_docx) -> None:
    para = next(p for p in sample_docx.paragraphs
                if p.text.startswith("- Kết quả thực hiện Chương trình Giảm nghèo bền vững:"))
    bold = [r.text for r in para.runs if r.bold]
    assert bold == ["Kết quả thực hiện Chương trình Giảm nghèo bền vững:"]
    # "**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**": the bold span crosses a line break
    texts = [p.text for p in sample_docx.paragraphs]
    at = texts.index("TM. ỦY BAN NHÂN DÂN")
    signature = sample_docx.paragraphs[at:at + 3]
    assert texts[at + 1] == "CHỦ TỊCH"
    assert [all(r.bold for r in p.runs) for p in signature] == [True, True, False]


def _render_sample_module():
    # loaded by path: `corpus` is a folder of the checkout, not part of the installed package
    spec = importlib.util.spec_from_file_location("render_sample", ROOT / "corpus" / "render_sample.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("render_sample", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_committed_docx_matches_the_script(sample_docx) -> None:
    """Regenerating in memory gives the same paragraphs, styles and table: the committed
    file is not stale."""
    render = _render_sample_module()
    fresh = render.lines_to_docx(render.txt_to_lines(TXT.read_text(encoding="utf-8")))
    def shape(d):
        return ([(p.style.name, p.text, tuple(bool(r.bold) for r in p.runs)) for p in d.paragraphs],
                _body_texts(d))
    assert shape(fresh) == shape(sample_docx)


def test_docx_font_is_times_new_roman(sample_docx) -> None:
    assert sample_docx.styles["Normal"].font.name == "Times New Roman"
    assert sample_docx.core_properties.language == "vi-VN"


def test_pdf_has_a_text_layer_on_every_page() -> None:
    pdf = pypdfium2.PdfDocument(str(PDF))
    try:
        texts = [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()
    assert len(texts) >= 10
    assert all(len(t.split()) > 50 for t in texts)
    words = _words("\n".join(texts))
    expected = _words(TXT.read_text(encoding="utf-8"))
    # same words up to line-break splits such as "2021-" / "2023"
    assert abs(len(words) - len(expected)) <= 5
    assert words[:5] == expected[:5] and words[-4:] == expected[-4:]


def _expected_pages() -> list[list[str]]:
    text = (FIXTURES / "garbled-font.expected.txt").read_text(encoding="utf-8")
    return [_words(page) for page in text.split("\n\n") if page.strip()]


def test_garbled_fixture_is_garbled_by_pypdfium2_only() -> None:
    """Page 1 is set in a font without Vietnamese glyphs: pypdfium2 returns the patched-in
    glyphs out of order, so most words come apart; pdfplumber reads every word right.
    Page 2 uses a full font and reads right with both."""
    pages = _expected_pages()
    pdf = pypdfium2.PdfDocument(str(FIXTURES / "garbled-font.pdf"))
    try:
        fast = [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()
    with pdfplumber.open(FIXTURES / "garbled-font.pdf") as plumber:
        slow = [page.extract_text() for page in plumber.pages]
    assert len(fast) == len(slow) == len(pages) == 2

    found = set(_words(fast[0]))
    assert sum(w in found for w in pages[0]) / len(pages[0]) < 0.6
    assert "K t qu th c hi n" in fast[0]
    assert _words(fast[1]) == pages[1]
    assert [_words(t) for t in slow] == pages


def test_garbled_fixture_docx_holds_the_expected_text() -> None:
    document = docx.Document(str(FIXTURES / "garbled-font.docx"))
    assert _words("\n".join(p.text for p in document.paragraphs)) == [
        w for page in _expected_pages() for w in page]
    assert document.paragraphs[0].runs[0].font.name == "NTM Latin1 Serif"
