"""The review page shows every figure in its source and links every flag to its evidence."""
from __future__ import annotations

import html
import re
from pathlib import Path

from extractor.core import i18n
from extractor.core.model import Block, BlockKind, Document
from extractor.outputs.review import document_to_review_html
from extractor.pipeline import document_to_record
from extractor.readers import read_document

ROOT = Path(__file__).resolve().parents[2]


def test_every_figure_is_marked_in_its_source_and_flags_link_to_evidence():
    doc = read_document(ROOT / "corpus" / "luc-binh-2023.docx")
    record = document_to_record(doc)
    page = document_to_review_html(doc, record)
    marked = [html.unescape(m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", page)]
    for fig in record.figures:
        original = doc.blocks[fig.location.block].text[fig.location.start:fig.location.end]
        assert original in marked
    anchors = set(re.findall(r'id="(b\d+-\d+)"', page))
    links = set(re.findall(r'href="#(b\d+-\d+)"', page))
    assert record.flags and links <= anchors


def test_text_is_escaped_and_language_follows_the_setting():
    doc = Document("x.txt", "txt", "0", [Block(0, BlockKind.PARAGRAPH, "<script>alert(1)</script> có 5 hộ")])
    record = document_to_record(doc)
    try:
        i18n.set_language("en")
        page = document_to_review_html(doc, record)
    finally:
        i18n.set_language(None)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "No contradictions found." in page or "Flags" in page


def test_figures_read_by_ocr_with_low_confidence_are_marked_apart_with_their_confidence():
    doc = Document("scan.pdf", "pdf", "0", [
        Block(0, BlockKind.PARAGRAPH, "Đường trục xã dài 12 km.", page=1, confidence=0.62),
        Block(1, BlockKind.PARAGRAPH, "Có 5 hộ nghèo.", page=1, confidence=0.95)], pages=1)
    record = document_to_record(doc)
    for lang, words in (("vi", "độ tin cậy thấp (62%)"), ("en", "low confidence (62%)")):
        try:
            i18n.set_language(lang)
            page = document_to_review_html(doc, record)
        finally:
            i18n.set_language(None)
        low = re.findall(r'<mark[^>]*class="low-confidence"[^>]*title="([^"]*)"[^>]*>(.*?)</mark>', page)
        assert [text for _, text in low] == ["12 km"]
        assert words in html.unescape(low[0][0])
        assert "5 hộ" in page and page.count("low-confidence\"") == 1


def test_flag_across_reports_box_keeps_its_own_anchor_not_its_last_evidence() -> None:
    """Regression: the box of a flag across reports took the id of its last piece of evidence's
    figure (duplicating that figure's id) instead of its own anchor."""
    from extractor.outputs.review import across_section

    flag = {"severity": "warning", "rule": "conflicting_values", "message": "",
            "evidence": [{"source": "a.docx", "text": "12 km", "location": {"block": 3, "start": 7}},
                         {"source": "b.docx", "text": "15 km", "commune": "Xã B",
                          "location": {"block": 5, "start": 2}}]}
    page = across_section([("across-1f2e", flag)], "a.docx")
    assert re.search(r'<div class="flag warning" id="across-1f2e"', page)
    ids = re.findall(r'id="([^"]+)"', page)
    assert ids == ["across-1f2e"]
    hrefs = re.findall(r'<a href="([^"]+)"', page)
    assert hrefs[0].startswith("#") and hrefs[1].startswith("b") and "#" in hrefs[1]


def test_the_overview_names_a_files_format_as_its_path_suffix() -> None:
    """The overview's link to each report page shows the file's suffix (site._suffix, made
    without a path object): `Path(...).suffix` of every kind of name."""
    from pathlib import Path

    from extractor.outputs.site import _suffix

    for name in ("a/b.docx", "b.DOCX", "a/b.tar.gz", "a/.hidden", "a/b.", "a/..b", "a/b", "noext", "x/y.z/w",
                 "a.b/c.pdf", "/abs/x.PDF", ".", "..", "a/...", "d/e f.txt", "g/h.d.o.c.x"):
        assert _suffix(name) == Path(name).suffix, name
