"""Legacy .doc through LibreOffice (skipped where soffice is not installed)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from extractor.core.model import BlockKind
from extractor.readers import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
sys.path.insert(0, str(FIXTURES))
import make_reader_fixtures as made  # noqa: E402


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_legacy_doc_is_converted_and_read() -> None:
    doc = read_document(FIXTURES / "legacy.doc")
    assert doc.format == "doc"
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got == [
        (BlockKind.HEADING, made.LEGACY_TITLE),
        (BlockKind.PARAGRAPH, made.LEGACY_BODY),
        *[(BlockKind.TABLE_CELL, text) for row in made.LEGACY_TABLE for text in row],
        (BlockKind.PARAGRAPH, made.LEGACY_END),
    ]
    assert [(b.cell.row, b.cell.col) for b in doc.blocks if b.cell] == \
        [(0, 0), (0, 1), (1, 0), (1, 1)]


RTF = (r"{\rtf1\ansi\ansicpg1252\uc1{\fonttbl{\f0 Times New Roman;}}\f0"
       r"\pard B\u193?O C\u193?O\par"
       r"\pard K\u7871?t qu\u7843? \u273?\u7841?t 14 ti\u234?u ch\u237?\par}")


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_word_rtf_saved_as_doc_is_converted(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.doc"
    path.write_text(RTF, encoding="ascii")
    doc = read_document(path)
    assert doc.format == "doc"
    assert [b.text for b in doc.blocks] == ["BÁO CÁO", "Kết quả đạt 14 tiêu chí"]


def odt_bytes(paragraphs: list[str]) -> bytes:
    """A minimal OpenDocument text: the mimetype entry first and stored, then content.xml."""
    import io
    import zipfile
    from xml.sax.saxutils import escape

    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def test_odt_is_sniffed_from_its_bytes_whatever_its_name() -> None:
    from extractor.readers import sniff_format

    assert sniff_format(odt_bytes(["Báo cáo"])) == "odt"


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_odt_is_converted_and_read(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.odt"
    path.write_bytes(odt_bytes(["BÁO CÁO", "Kết quả đạt 14 tiêu chí"]))
    doc = read_document(path)
    assert doc.format == "odt"
    assert [b.text for b in doc.blocks] == ["BÁO CÁO", "Kết quả đạt 14 tiêu chí"]
