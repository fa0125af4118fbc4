"""A hostile folder, as a district's share drive may hold one, made by code (no binary is
committed): broken and malicious files beside valid reports. `make_hostile(folder)` returns
what each file is -> its path; `EXPECTED` says how each must end up."""
from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TXT = ROOT / "corpus" / "luc-binh-2023.txt"
SAMPLE_DOCX = ROOT / "corpus" / "luc-binh-2023.docx"

# what -> (status, code); None: any code
EXPECTED: dict[str, tuple[str, str | None]] = {
    "valid_docx": ("ok", None),
    "valid_non_utf8_name": ("ok", None),
    "valid_utf16": ("ok", None),
    "valid_with_script_and_formula": ("ok", None),
    "duplicate": ("duplicate", None),
    "zip_bomb": ("failed", "archive_bomb"),
    "billion_laughs": ("failed", "unsafe_xml"),
    "external_entity": ("failed", None),
    "encrypted_pdf": ("failed", "encrypted_pdf"),
    "truncated_docx": ("failed", "corrupt_docx"),
    "truncated_pdf": ("failed", "corrupt_pdf"),
    "empty_pages_pdf": ("failed", "too_many_pages"),
    "zero_bytes": ("failed", "empty_file"),
    "jpeg_named_pdf": ("skipped", "unsupported_format"),
    "spreadsheet": ("skipped", "unsupported_format"),
    "symlink_loop": ("failed", "not_a_file"),
    "digit_run": ("failed", None),
}

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def _docx_with(document_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _zip_bomb(inflated_mib: int = 100) -> bytes:
    """A .docx whose document.xml inflates about 1000:1 (written in chunks, never held)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f"<w:document {_W}><w:body><w:p><w:r><w:t>".encode())
            chunk = b" " * (1 << 20)
            for _ in range(inflated_mib):
                fh.write(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buf.getvalue()


def _billion_laughs() -> bytes:
    ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return _docx_with(f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(ents)}]>'
                      f'<w:document {_W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


def _external_entity() -> bytes:
    return _docx_with('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                      f'<w:document {_W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')


def _pdf(pages: int, *, encrypt: bool = False) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if encrypt:
        writer.encrypt("mat-khau")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Xã", "Tiêu chí"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_hostile(folder: Path) -> dict[str, Path]:
    """Write the hostile folder; returns what -> path (the non-UTF-8 name as the OS gives it)."""
    folder.mkdir(parents=True, exist_ok=True)
    sample = SAMPLE_TXT.read_text(encoding="utf-8")
    made: dict[str, Path] = {}

    def put(what: str, name: str, data: bytes) -> None:
        made[what] = folder / name
        made[what].write_bytes(data)

    shutil.copyfile(SAMPLE_DOCX, folder / "bao-cao.docx")
    made["valid_docx"] = folder / "bao-cao.docx"
    # a name saved on a Windows-1258 PC: not UTF-8 (b"b\xe1o-c\xe1o" is "báo-cáo" there)
    raw = os.fsencode(folder) + b"/b\xe1o-c\xe1o-2.txt"
    with open(raw, "wb") as fh:
        fh.write((sample + "\nBản gửi lại.\n").encode("utf-8"))
    made["valid_non_utf8_name"] = Path(os.fsdecode(raw))
    put("valid_utf16", "utf16.txt", (sample + "\nBản mã UTF-16.\n").encode("utf-16"))
    put("valid_with_script_and_formula", "chen-ma.txt",
        (sample + '\n<script>alert("x")</script>\n=HYPERLINK("http://example.invalid","bấm vào")\n'
         '- Số hộ nghèo: =1+2 hộ.\n').encode("utf-8"))
    shutil.copyfile(folder / "utf16.txt", folder / "utf16_ban-sao.txt")  # sorts after: the copy
    made["duplicate"] = folder / "utf16_ban-sao.txt"
    put("zip_bomb", "bom-nen.docx", _zip_bomb())
    put("billion_laughs", "ty-tieng-cuoi.docx", _billion_laughs())
    put("external_entity", "thuc-the-ngoai.docx", _external_entity())
    put("encrypted_pdf", "mat-khau.pdf", _pdf(1, encrypt=True))
    docx = SAMPLE_DOCX.read_bytes()
    # cut before its document part: nothing to recover (a later cut is read, tests/readers/test_cut_zip.py)
    with zipfile.ZipFile(SAMPLE_DOCX) as z:
        document_at = z.getinfo("word/document.xml").header_offset
    put("truncated_docx", "cut-ngang.docx", docx[:document_at + 20])
    pdf = _pdf(3)
    put("truncated_pdf", "cut-ngang.pdf", pdf[: len(pdf) // 2])
    put("empty_pages_pdf", "2000-trang-trang.pdf", _pdf(2000))
    put("zero_bytes", "rong.txt", b"")
    put("jpeg_named_pdf", "anh.pdf", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)
    put("spreadsheet", "bang-tinh.xlsx", _xlsx())
    os.symlink("vong-lap.txt", folder / "vong-lap.txt")
    made["symlink_loop"] = folder / "vong-lap.txt"
    put("digit_run", "chu-so.txt", ("1.2.3.4.5.6.7.8.9.0." * 30_000).encode("ascii"))
    return made
