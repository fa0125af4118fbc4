"""Limits: a file beyond one is refused with a reason naming it, before it can exhaust memory.
The hostile files are made here from a few lines of code, never committed as binaries."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from pypdf import PdfWriter

from extractor.core.errors import ReadError
from extractor.core.settings import DEFAULT_SETTINGS, Settings
from extractor.readers import bytes_to_document, read_document

REPORT = "Đến nay xã đạt 15/19 tiêu chí; đã cứng hóa 12,5 km đường trục xã."


def report_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph(REPORT)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def with_part(data: bytes, name: str, make: Callable[[bytes], bytes]) -> bytes:
    """The .docx `data` with part `name` replaced by make(old part)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            part = src.read(item.filename)
            z.writestr(item, make(part) if item.filename == name else part)
        if name not in src.namelist():
            z.writestr(name, make(b""))
    return out.getvalue()


def code_of(data: bytes, settings: Settings = DEFAULT_SETTINGS) -> str:
    with pytest.raises(ReadError) as err:
        bytes_to_document(data, "x.docx", settings)
    return err.value.code


def test_a_valid_report_is_within_every_default_limit() -> None:
    assert "15/19" in bytes_to_document(report_docx(), "ok.docx").text


def test_zip_bomb_is_refused_from_its_directory() -> None:
    # 64 MiB of zeros deflate to about 64 KB: a 1000:1 entry, refused before inflating
    bomb = with_part(report_docx(), "word/media/pad.bin", lambda _: bytes(64 * 2**20))
    assert len(bomb) < 2**20
    assert code_of(bomb) == "archive_bomb"


def test_archive_over_the_inflated_total_is_refused() -> None:
    data = with_part(report_docx(), "word/media/pad.bin", lambda _: bytes(2**20))
    assert code_of(data, Settings(max_docx_inflated_bytes=2**20)) == "archive_bomb"


def test_archive_with_too_many_entries_is_refused() -> None:
    assert code_of(report_docx(), Settings(max_docx_entries=3)) == "archive_bomb"


def test_billion_laughs_is_named_hostile_not_corrupt() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))

    def laughs(part: bytes) -> bytes:
        text = part.decode()
        body = text[text.index("<w:document"):].replace(REPORT, "&j;")
        return f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>{body}'.encode()

    assert code_of(with_part(report_docx(), "word/document.xml", laughs)) == "unsafe_xml"


def test_truncated_docx_is_read_as_far_as_it_goes_not_called_a_bomb() -> None:
    doc = bytes_to_document(report_docx()[:3000], "cut.docx")  # cut after its document part
    assert "15/19" in doc.text and doc.damaged


def test_pdf_over_the_page_limit_is_refused() -> None:
    writer = PdfWriter()
    for _ in range(6):
        writer.add_blank_page(595, 842)
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(ReadError) as err:
        bytes_to_document(buf.getvalue(), "long.pdf", Settings(max_pdf_pages=5))
    assert err.value.code == "too_many_pages" and "6" in err.value.detail


def test_file_over_the_byte_limit_is_refused_before_reading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.txt"
    path.write_text(REPORT * 10, encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_document(path, Settings(max_file_bytes=100))
    assert err.value.code == "too_large"


def test_text_over_the_character_limit_is_refused() -> None:
    with pytest.raises(ReadError) as err:
        bytes_to_document((REPORT + "\n").encode() * 20, "long.txt", Settings(max_document_chars=500))
    assert err.value.code == "too_much_text"


@pytest.mark.parametrize("field", ["max_file_bytes", "max_docx_entries", "max_pdf_pages", "max_document_chars"])
def test_limits_must_be_positive(field: str) -> None:
    with pytest.raises(ValueError, match=field):
        Settings(**{field: 0})
