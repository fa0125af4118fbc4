"""read_document: format by bytes not extension, and every bad input a ReadError."""
from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import zipfile
from pathlib import Path

import pytest

from extractor.core import i18n
from extractor.core.errors import ReadError
from extractor.readers import read_document, sniff_format

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def error_of(path: Path) -> ReadError:
    with pytest.raises(ReadError) as err:
        read_document(path)
    # every code has a message in both languages, naming the file
    for lang in i18n.LANGUAGES:
        assert err.value.message(lang).startswith(f"{path}: ")
    return err.value


def test_pdf_renamed_docx_is_read_as_pdf(tmp_path: Path) -> None:
    renamed = tmp_path / "bao-cao.docx"
    shutil.copy(CORPUS / "luc-binh-2023.pdf", renamed)
    doc = read_document(renamed)
    assert doc.format == "pdf" and doc.pages == 14 and doc.blocks


def test_docx_renamed_txt_is_read_as_docx(tmp_path: Path) -> None:
    renamed = tmp_path / "bao-cao.txt"
    shutil.copy(CORPUS / "luc-binh-2023.docx", renamed)
    assert read_document(renamed).format == "docx"


def test_source_identity(tmp_path: Path) -> None:
    path = CORPUS / "luc-binh-2023.txt"
    doc = read_document(path)
    assert doc.path == str(path)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "rong.docx"
    empty.write_bytes(b"")
    assert error_of(empty).code == "empty_file"


def test_random_binary(tmp_path: Path) -> None:
    junk = tmp_path / "rac.pdf"
    junk.write_bytes(random.Random(7).randbytes(20_000))
    assert error_of(junk).code == "unsupported_format"


def test_docx_cut_before_its_document_part(tmp_path: Path) -> None:
    data = (CORPUS / "luc-binh-2023.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document_at = z.getinfo("word/document.xml").header_offset
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[:document_at + 20])
    assert error_of(cut).code == "corrupt_docx"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert error_of(tmp_path / "khong-co.pdf").code == "not_found"
    assert error_of(tmp_path).code == "not_a_file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "khoa.txt"
    locked.write_text("x")
    locked.chmod(0)
    assert error_of(locked).code == "permission_denied"


def test_ole_container_that_is_not_word(tmp_path: Path) -> None:
    fake = tmp_path / "bang.xls"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 +
                     "Workbook".encode("utf-16-le") + b"\x00" * 600)
    assert error_of(fake).code == "unsupported_format"


def test_encrypted_office_file(tmp_path: Path) -> None:
    # a password-protected .docx is an OLE2 container holding an "EncryptedPackage" stream
    fake = tmp_path / "mat-khau.docx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 +
                     "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600)
    assert error_of(fake).code == "encrypted_docx"


@pytest.mark.parametrize("head,expected", [
    (b"%PDF-1.7\n", "pdf"),
    (b"\r\n\r\n%PDF-1.4", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
    ("Báo cáo".encode(), "txt"),
    (b"{\\rtf1\\ansi B\\'e1o c\\'e1o}", "doc"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html><body>B", "doc"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "doc"),
    (b"\x00\x01\x02\x03\x04binary", None),
])
def test_sniff_format(head: bytes, expected: str | None) -> None:
    assert sniff_format(head) == expected


def test_legacy_doc_without_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.readers import doc

    monkeypatch.setattr(doc, "find_soffice", lambda: None)
    assert error_of(FIXTURES / "legacy.doc").code == "legacy_doc"


def _zip(entries: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in entries.items():
            z.writestr(name, text)
    return buf.getvalue()


@pytest.mark.parametrize("data,kind", [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200), "image (JPEG)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "image (PNG)"),
    (_zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}), "spreadsheet (.xlsx)"),
    (_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), "spreadsheet (.ods)"),
    (_zip({"readme.txt": "x"}), "zip archive without a Word document"),
])
def test_what_an_unsupported_file_is_is_named(tmp_path: Path, data: bytes, kind: str) -> None:
    # a JPEG or a spreadsheet named .pdf is what its bytes say, not what its name says
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(data)
    err = error_of(path)
    assert (err.code, err.detail) == ("unsupported_format", kind)


def test_a_huge_mimetype_member_is_not_inflated_to_sniff() -> None:
    """Reviewer's case: the sniffer reads the first bytes of an OpenDocument 'mimetype' member,
    not the whole of it (300 MB of zeros deflate to 300 KB)."""
    import tracemalloc

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", b"application/vnd.oasis.opendocument.text" + bytes(64 << 20))
    tracemalloc.start()
    try:
        assert sniff_format(buf.getvalue()) is None  # no OpenDocument text's type: a zip, not read
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20
