"""The PDF reader: fast pypdfium2 pass, page judging, paragraph rebuilding, margins, errors."""
from __future__ import annotations

import io
import sys
import unicodedata
from pathlib import Path

import pytest

from extractor.core.errors import ReadError
from extractor.core.model import BlockKind
from extractor.core.settings import Settings
from extractor.readers import bytes_to_document
from extractor.readers.pdf import chars, layout
from extractor.readers.pdf.layout import LineMetrics
from extractor.readers.pdf.lines import PdfLine

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"
sys.path.insert(0, str(FIXTURES))
import make_reader_fixtures as made  # noqa: E402  (the texts layout.pdf was built from)


def read(path: Path, settings: Settings | None = None):
    data = path.read_bytes()
    return bytes_to_document(data, str(path), settings or Settings())


# -- judging page text ---------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "K t qu th c hi n Ch ng trình MTQG xây d ng nông thôn m i",
    "Kết quả \ufffd\ufffd\ufffd thực hiện",
    "(cid:12)(cid:45) (cid:77) thực hiện chương trình",
    "\ue001\ue002 \ue003 nông thôn",
])
def test_garbled_text_is_suspect(text: str) -> None:
    assert chars.text_is_suspect(text, 0.08)


@pytest.mark.parametrize("text", [
    "Đường trục thôn, đường liên thôn ít nhất được cứng hóa, đảm bảo ô tô đi lại thuận tiện "
    "quanh năm 12,1/12,6 km đạt 96%. Mặt trận tổ quốc xã tổ chức tuyên truyền ở 8/8 thôn.",
    "a) Kết quả huy động các nguồn lực để thực hiện Chương trình, phân theo các nguồn:",
    "",
])
def test_clean_text_is_not_suspect(text: str) -> None:
    assert not chars.text_is_suspect(text, 0.08)


def test_every_page_of_the_clean_sample_passes_the_judge() -> None:
    doc = read(CORPUS / "luc-binh-2023.pdf")
    assert not any("re-read" in w for w in doc.warnings)


# -- joining lines and splitting paragraphs (pure functions) -------------------------------
def test_join_keeps_a_hyphen_at_a_line_break() -> None:
    assert layout.join_lines(["giai đoạn 2021-", "2023 của xã"]) == "giai đoạn 2021-2023 của xã"
    assert layout.join_lines(["an ninh -", "quốc phòng"]) == "an ninh - quốc phòng"


def test_join_drops_only_a_soft_hyphen() -> None:
    assert layout.join_lines(["Khuổi\u00ad", "Lặng"]) == "KhuổiLặng"
    assert layout.join_lines(["nông thôn", "mới"]) == "nông thôn mới"


def line(text: str, y: float, x0: float = 72.0, x1: float = 520.0, size: float = 13.0) -> PdfLine:
    return PdfLine(text, x0, x1, y, size)


METRICS = LineMetrics(pitch=1.15, right=520.0)


def texts(paragraphs: list[list[PdfLine]]) -> list[str]:
    return [layout.join_lines([ln.text for ln in p]) for p in paragraphs]


def test_paragraphs_split_on_gap_indent_short_line_and_bullets() -> None:
    lines = [
        line("Thực hiện công văn số 1724 của UBND huyện về việc", 100, x0=100),
        line("báo cáo sơ kết ba năm như sau:", 115, x1=300),        # short last line
        line("- Đường trục thôn được cứng hóa đạt", 130),           # bullet
        line("12,1/12,6 km.", 145, x1=150),
        line("Kinh phí đã được cấp để thực hiện là 250 triệu đồng và", 160, x0=100),
        line("đã giải ngân hết trong năm.", 175, x1=250),
        line("Phần thứ hai", 200, x0=250, x1=340),                   # after a larger gap
    ]
    assert texts(layout.lines_to_paragraphs(lines, METRICS)) == [
        "Thực hiện công văn số 1724 của UBND huyện về việc báo cáo sơ kết ba năm như sau:",
        "- Đường trục thôn được cứng hóa đạt 12,1/12,6 km.",
        "Kinh phí đã được cấp để thực hiện là 250 triệu đồng và đã giải ngân hết trong năm.",
        "Phần thứ hai",
    ]


def test_a_full_line_followed_by_an_indented_one_ends_a_paragraph() -> None:
    lines = [line("đoạn một kết thúc đúng ở lề phải của trang giấy", 100),
             line("Đoạn hai thụt đầu dòng", 115, x0=100, x1=300)]
    assert len(layout.lines_to_paragraphs(lines, METRICS)) == 2


def test_centered_title_lines_stay_one_paragraph() -> None:
    lines = [line("ĐÁNH GIÁ TÌNH HÌNH TRIỂN KHAI, KẾT QUẢ THỰC HIỆN", 100, x0=120, x1=470),
             line("CHƯƠNG TRÌNH", 115, x0=250, x1=340)]
    assert texts(layout.lines_to_paragraphs(lines, METRICS)) == [
        "ĐÁNH GIÁ TÌNH HÌNH TRIỂN KHAI, KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH"]


def test_segments_side_by_side_are_separate_blocks() -> None:
    lines = [line("6", 100, x0=72, x1=80), line("Cơ sở vật chất văn hóa", 100, x0=120, x1=250),
             line("(nhà văn hóa thôn)", 115, x0=120, x1=230),
             line("Chưa đạt", 100, x0=300, x1=350)]
    assert texts(layout.lines_to_paragraphs(lines, METRICS)) == [
        "6", "Cơ sở vật chất văn hóa (nhà văn hóa thôn)", "Chưa đạt"]


def test_text_after_a_table_starts_a_paragraph_and_a_next_row_is_not_merged() -> None:
    lines = [line("Môi trường", 100, x0=120, x1=200), line("Chưa đạt", 100, x0=400, x1=460),
             line("(số liệu chi tiết theo Phụ biểu số 09 kèm theo)", 115, x0=72, x1=330)]
    assert texts(layout.lines_to_paragraphs(lines, METRICS)) == [
        "Môi trường", "Chưa đạt", "(số liệu chi tiết theo Phụ biểu số 09 kèm theo)"]


def test_paragraph_continues_over_a_page_break_but_a_table_row_does_not() -> None:
    full = line("Cán bộ công chức xã sử dụng thành thạo các phần mềm quản lý văn bản và", 780)
    assert layout.continues_on_next_page(full, line("hệ thống thư điện tử công vụ.", 60, x1=300),
                                      METRICS)
    assert not layout.continues_on_next_page(full, line("- Về cấp nước sinh hoạt:", 60, x1=250),
                                          METRICS)
    short = line("Kết thúc đoạn văn.", 780, x1=200)
    assert not layout.continues_on_next_page(short, line("và dòng sau", 60), METRICS)
    cell = line("3.677.200.000", 780, x0=415, x1=488)
    cell.row = True
    assert not layout.continues_on_next_page(cell, line("Tổng cộng", 60, x0=198, x1=254), METRICS)


# -- real PDFs -------------------------------------------------------------------------------
def test_sample_pdf_pages_blocks_and_hyphen() -> None:
    doc = read(CORPUS / "luc-binh-2023.pdf")
    assert doc.format == "pdf" and doc.pages == 14 and doc.pages_without_text == []
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert all(b.page is not None and 1 <= b.page <= 14 for b in doc.blocks)
    assert [b.page for b in doc.blocks] == sorted(b.page for b in doc.blocks)
    # "2021-" ends a line on page 1 of this rendering; the hyphen must survive the join
    title = next(b for b in doc.blocks if b.text.startswith("Kết quả thực hiện Chương trình"))
    assert "giai đoạn 2021-2023, phương hướng" in title.text
    assert all(unicodedata.is_normalized("NFC", b.text) for b in doc.blocks)


def test_layout_pdf_paragraphs_margins_soft_hyphen_and_table() -> None:
    doc = read(FIXTURES / "layout.pdf")
    assert doc.pages == 3
    headers = [b for b in doc.blocks if b.kind is BlockKind.HEADER]
    footers = [b for b in doc.blocks if b.kind is BlockKind.FOOTER]
    assert [(b.page, b.text) for b in headers] == [(p, made.HEADER) for p in (1, 2, 3)]
    assert [(b.page, b.text) for b in footers] == \
        [(p, made.FOOTER.format(page=p)) for p in (1, 2, 3)]
    body = [b.text for b in doc.blocks if b.kind not in (BlockKind.HEADER, BlockKind.FOOTER)]
    # The long word breaks at one of its soft hyphens; the PDF draws that one as a plain '-'
    # glyph (pdfium reports U+FFFE), indistinguishable from a typed hyphen, so it is kept
    # (Vietnamese does not hyphenate syllables; "2021-" + "2023" must stay "2021-2023").
    soft = next(t for t in body if t.startswith("Các thôn tham gia"))
    assert soft.count("-") == 1
    assert soft.replace("-", "") == made.SOFT_PARAGRAPH.replace("\u00ad", "")
    expected_body = (made.INDENTED + made.LIST_ITEMS + [made.FILLER] * 6) * 3 + \
        [soft] + [c for row in made.TABLE for c in row] + [made.INDENTED[0]]
    assert body == expected_body  # incl. paragraphs that run over a page break
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds[made.LIST_ITEMS[0]] is BlockKind.LIST_ITEM
    # each margin line sits with its page: header first, footer last
    for p in (1, 2, 3):
        on_page = [b for b in doc.blocks if b.page == p]
        assert on_page[0].kind is BlockKind.HEADER


def test_garbled_page_is_reread_and_right() -> None:
    doc = read(FIXTURES / "garbled-font.pdf")
    expected = (FIXTURES / "garbled-font.expected.txt").read_text(encoding="utf-8").split()
    assert " ".join(b.text for b in doc.blocks).split() == expected
    assert any("re-read with pdfplumber: 1" in w for w in doc.warnings)


def test_the_judge_threshold_comes_from_settings() -> None:
    # a tiny threshold fails every page with one lone letter ("ô tô"): those pages are read
    # by pdfplumber instead, and the blocks come out the same
    fast = read(FIXTURES / "layout.pdf")
    strict = read(FIXTURES / "layout.pdf", Settings(pdf_suspect_word_ratio=0.0001))
    assert not any("re-read" in w for w in fast.warnings)
    assert any("re-read with pdfplumber" in w for w in strict.warnings)
    assert [(b.kind, b.page, b.text) for b in strict.blocks] == \
        [(b.kind, b.page, b.text) for b in fast.blocks]


def _pdf_with_blank_page() -> bytes:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(FIXTURES / "layout.pdf"))
    out = pdfium.PdfDocument.new()
    out.import_pages(src, [0])
    out.new_page(595, 842)  # a page with no text layer, like a scan
    buf = io.BytesIO()
    out.save(buf)
    out.close()
    src.close()
    return buf.getvalue()


def test_pages_without_text_are_listed() -> None:
    doc = bytes_to_document(_pdf_with_blank_page(), "scan.pdf")
    assert doc.pages == 2 and doc.pages_without_text == [2]
    assert doc.blocks and all(b.page == 1 for b in doc.blocks)


def test_encrypted_pdf_is_a_read_error() -> None:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(FIXTURES / "layout.pdf"))
    writer = pypdf.PdfWriter()
    writer.append(reader)
    writer.encrypt("mật-khẩu")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(ReadError) as err:
        bytes_to_document(buf.getvalue(), "locked.pdf")
    assert err.value.code == "encrypted_pdf"
    assert "locked.pdf" in err.value.message("en")


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage",
    b"%PDF-1.4\n" + bytes(range(256)) * 20,
])
def test_corrupt_pdf_is_a_read_error(data: bytes) -> None:
    with pytest.raises(ReadError) as err:
        bytes_to_document(data, "broken.pdf")
    assert err.value.code == "corrupt_pdf"


def test_truncated_pdf_reads_what_it_can_or_fails_cleanly() -> None:
    data = (CORPUS / "luc-binh-2023.pdf").read_bytes()
    try:
        doc = bytes_to_document(data[: len(data) // 2], "half.pdf")
    except ReadError as exc:
        assert exc.code == "corrupt_pdf"
    else:
        assert doc.format == "pdf"


def test_a_table_cell_opening_with_a_quote_is_its_own_cell() -> None:
    """Regression: the next cell's first glyph was looked up at its run's middle height, which
    an opening quote ('“', drawn high) does not reach, so the two cells read as one paragraph
    and the table lost its row (a tuned corpus report, criteria names quoted in a cell)."""
    path = Path(__file__).resolve().parents[2] / "corpus" / "audited5" / "audited5-5-0043-ha-mon-2020.pdf"
    doc = read(path)
    at = next(i for i, b in enumerate(doc.blocks) if b.text.startswith("Cơ bản đạt ("))
    first, second = doc.blocks[at], doc.blocks[at + 1]
    assert first.kind is BlockKind.TABLE_CELL and second.kind is BlockKind.TABLE_CELL
    assert first.cell is not None and second.cell is not None
    assert (first.cell.row, first.cell.col) == (second.cell.row, second.cell.col - 1)
    assert second.text.startswith("“")
