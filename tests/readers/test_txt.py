"""The .txt reader: encodings detected from evidence, every non-empty line a block."""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from extractor.core.errors import ReadError
from extractor.core.model import BlockKind
from extractor.readers import bytes_to_document, sniff_format

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SAMPLE = (CORPUS / "luc-binh-2023.txt").read_text(encoding="utf-8")
# A few real lines of the sample: enough text for a detector, and every Vietnamese diacritic
# family (breve, circumflex, horn, đ, the five tones, capitals).
SHORT = "\n".join(SAMPLE.splitlines()[:30])

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows software writes it: base letter (with its breve,
    circumflex or horn) followed by a combining tone mark."""
    out = bytearray()
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out += (base + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return bytes(out)


def lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "cp1258": to_cp1258,
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("text", [SHORT, SAMPLE], ids=["30-lines", "whole-sample"])
def test_vietnamese_text_is_decoded_in_each_encoding(encoding: str, text: str) -> None:
    data = ENCODINGS[encoding](text)
    assert sniff_format(data) == "txt"
    doc = bytes_to_document(data, f"report-{encoding}.txt")
    assert doc.encoding == encoding
    assert [b.text for b in doc.blocks] == lines(text)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_utf16_without_bom_is_recognised(encoding: str, form: str) -> None:
    text = unicodedata.normalize(form, SHORT)  # NFD puts NULs on both sides (U+03xx marks)
    doc = bytes_to_document(text.encode(encoding), "no-bom.txt")
    assert doc.encoding == encoding
    assert [b.text for b in doc.blocks] == lines(text)


def test_cp1258_is_not_mistaken_for_another_code_page() -> None:
    # the same bytes decoded as Windows-1252 would give "Kê\u0301t qua\u0309" style text
    text = "Kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới: Đạt 14 tiêu chí."
    doc = bytes_to_document(to_cp1258(text), "short.txt")
    assert doc.encoding == "cp1258"
    assert doc.blocks[0].text == text
    assert unicodedata.is_normalized("NFC", doc.blocks[0].text)


def test_every_non_empty_line_is_a_block_and_dashes_are_list_items() -> None:
    text = "BÁO CÁO\n\n- Về giao thông:\n+ Đường xã dài 3 km\nĐoạn thường\r\n\r\n   \n"
    doc = bytes_to_document(text.encode(), "x.txt")
    assert [(b.index, b.kind, b.text) for b in doc.blocks] == [
        (0, BlockKind.PARAGRAPH, "BÁO CÁO"),
        (1, BlockKind.LIST_ITEM, "- Về giao thông:"),
        (2, BlockKind.LIST_ITEM, "+ Đường xã dài 3 km"),
        (3, BlockKind.PARAGRAPH, "Đoạn thường"),
    ]
    assert all(b.page is None for b in doc.blocks)


def test_sample_txt_keeps_one_block_per_line() -> None:
    doc = bytes_to_document((CORPUS / "luc-binh-2023.txt").read_bytes(), "luc-binh-2023.txt")
    assert doc.format == "txt" and doc.encoding == "utf-8"
    assert [b.text for b in doc.blocks] == lines(SAMPLE)


def test_blank_text_file_has_no_text() -> None:
    with pytest.raises(ReadError) as err:
        bytes_to_document(b"  \n\r\n\t\n", "blank.txt")
    assert err.value.code == "no_text"


def _cells(text: str) -> list[tuple[int, int, int, str]]:
    doc = bytes_to_document(text.encode("utf-8"), "t.txt")
    return [(b.cell.table, b.cell.row, b.cell.col, b.text) for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]


def test_pipe_and_markdown_rows_become_table_cells() -> None:
    text = ("Phụ biểu số 08\n| STT | Chỉ tiêu | ĐVT | Thực hiện |\n|---|---|---|---|\n"
            "| 1 | Đường trục thôn | km | 12,5 |\n| 2 | Hộ nghèo | hộ | 45 |\nGhi chú: số liệu ước")
    cells = _cells(text)
    assert (0, 0, 1, "Chỉ tiêu") in cells and (0, 1, 3, "12,5") in cells and (0, 2, 2, "hộ") in cells
    assert max(r for _, r, _, _ in cells) == 2  # the |---| rule is not a row


def test_tab_separated_rows_keep_their_columns() -> None:
    cells = _cells("STT\tTên tiêu chí\tKết quả\n1\tQuy hoạch\tĐạt\n2\tGiao thông\tChưa đạt\n")
    assert (0, 2, 2, "Chưa đạt") in cells and len(cells) == 9


def test_a_lone_line_with_a_bar_stays_prose() -> None:
    doc = bytes_to_document("Kết quả | tóm tắt\nXã đạt 15/19 tiêu chí".encode("utf-8"), "t.txt")
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_a_row_with_an_empty_first_cell_stays_in_its_table() -> None:
    cells = _cells("STT | Nguồn vốn | ĐVT | Giá trị\n1 | Ngân sách tỉnh | triệu đồng | 434,4\n"
                   " | Tổng cộng | triệu đồng | 7.328,2\n")
    assert (0, 2, 1, "Tổng cộng") in cells and (0, 2, 3, "7.328,2") in cells
