"""Readers: one module per input format, each turning a file into the same `Document`.

`read_document(path)` decides the format from the file's bytes (not its extension) and
dispatches; every failure is a `ReadError` naming the file and the reason. Each reader module
exposes `bytes_to_document(data, path, sha256) -> Document`.
"""
from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from pathlib import Path

from extractor.core.errors import ReadError
from extractor.core.model import Document
from extractor.core.names import display_name
from extractor.core.settings import DEFAULT_SETTINGS, Settings

# File suffixes that folders are walked for (`ntm extract`, `ntm ingest`, `ntm eval`); the
# format itself is decided from the bytes.
SUPPORTED_SUFFIXES = frozenset({".docx", ".pdf", ".txt", ".doc", ".rtf", ".odt"})

# A paragraph starting with one of these is a list item, whatever the format.
LIST_MARKERS = ("- ", "+ ", "• ", "* ", "– ")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# Stream names inside an OLE2 container, stored as UTF-16-LE directory entries (encoded when
# a container is read: the codec's module is imported only then).
_OLE_WORD = "WordDocument"
_OLE_ENCRYPTED_OOXML = "EncryptedPackage"


def _ole_entry(name: str) -> bytes:
    return name.encode("utf-16-le")
# Bytes that never occur in a text file (C0 controls other than \t \n \v \f \r and ESC/SUB).
_BINARY_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1A)) | \
    frozenset(range(0x1C, 0x20))


def _zip_kind(data: bytes) -> str:
    """What a zip holds: 'docx' (a Word package), 'odt' (an OpenDocument text, converted like
    a .doc), 'xlsx', 'pptx', 'ods', 'zip' (anything else), or 'broken' when unreadable."""
    return _zip_kind_and_archive(data)[0]


def _zip_kind_and_archive(data: bytes) -> tuple[str, zipfile.ZipFile | None]:
    """`_zip_kind`, and the archive opened to tell it (None when broken): the .docx reader
    reads its parts from it rather than parse the directory once more."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        mimetype = ""
        if "mimetype" in names:  # its first bytes only: a member inflated whole could be a bomb
            with zf.open("mimetype") as member:
                mimetype = member.read(80).decode("ascii", "replace")
    except Exception:  # truncated or hostile directory: the reader reports it
        return "broken", None
    return _listed_kind(names, mimetype), zf


def _listed_kind(names: set[str], mimetype: str) -> str:
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith("application/vnd.oasis.opendocument."):
        kind = mimetype.rsplit(".", 1)[-1]
        return {"text": "odt", "spreadsheet": "ods", "presentation": "odp"}.get(kind, "zip")
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    return "zip"


# Kinds of files a commune folder holds that are not reports, by their first bytes: named in
# the reason a file was skipped, so the officer knows what it was.
_OTHER_MAGICS = (
    (b"\xff\xd8\xff", "image (JPEG)"), (b"\x89PNG\r\n\x1a\n", "image (PNG)"),
    (b"II*\x00", "image (TIFF)"), (b"MM\x00*", "image (TIFF)"), (b"GIF8", "image (GIF)"),
    (b"BM", "image (BMP)"), (b"Rar!", "archive (RAR)"), (b"7z\xbc\xaf", "archive (7z)"),
    (b"\x1f\x8b", "archive (gzip)"),
)
_ZIP_DETAILS = {"xlsx": "spreadsheet (.xlsx)", "ods": "spreadsheet (.ods)", "pptx": "presentation (.pptx)",
                "odp": "presentation (.odp)", "zip": "zip archive without a Word document"}


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text without a byte-order mark, else None:
    text that is largely ASCII has a NUL in every other byte, on one side only."""
    sample = data[:8192]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < 0.3 * half or min(even, odd) > 0.05 * max(even, odd):
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


def _is_word_text_format(data: bytes) -> bool:
    """RTF, HTML or MHT: what Word writes when "saving as .doc" in a text-based format.
    They are text bytes, but their text is markup: LibreOffice converts them like a .doc."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"{\\rtf", b"<!doctype html", b"<html", b"mime-version:")) or \
        (head.startswith(b"<?xml") and b"<html" in head)


def sniff_format(data: bytes) -> str | None:
    """'docx', 'pdf', 'doc', 'odt' or 'txt' from the bytes; None when not a supported kind
    (`_sniff`)."""
    return _sniff(data)[0]


def _sniff(data: bytes) -> tuple[str | None, zipfile.ZipFile | None]:
    """'docx', 'pdf', 'doc', 'odt' or 'txt' from the bytes; None when not a supported kind.
    'doc' covers Word 97-2003 files and Word's RTF/HTML/MHT saves; they and OpenDocument
    text ('odt') are converted by LibreOffice.

    A zip that cannot be opened (a truncated .docx) still sniffs as 'docx' so the reader can
    report it as corrupt; a readable zip without word/document.xml is not a Word file.
    """
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf", None
    if data.startswith(_ZIP_MAGICS):
        kind, archive = _zip_kind_and_archive(data)
        if kind == "odt":
            return "odt", None
        return ("docx", archive) if kind in ("docx", "broken") else (None, None)
    if data.startswith(_OLE_MAGIC) or _is_word_text_format(data):
        return "doc", None
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return "txt", None
    if utf16_without_bom(data):
        return "txt", None
    if not any(b in _BINARY_BYTES for b in data[:8192]):
        return "txt", None
    return None, None


def unsupported_detail(data: bytes) -> str:
    """What the file is, when it is not a report format ('image (JPEG)')."""
    if data.startswith(_ZIP_MAGICS):
        return _ZIP_DETAILS.get(_zip_kind(data), "zip archive")
    if data.startswith(_OLE_MAGIC):
        return "OLE2 container (an old Excel or PowerPoint file?)"
    for magic, kind in _OTHER_MAGICS:
        if data.startswith(magic):
            return kind
    return "unrecognised binary data"


def read_document(path: str | os.PathLike[str], settings: Settings = DEFAULT_SETTINGS) -> Document:
    p = Path(path)
    name = display_name(path)  # the text every record, message and page shows
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
            raise ReadError(name, "not_a_file")
        size = st.st_size
        if size > settings.max_file_bytes:
            raise ReadError(name, "too_large", f"{size:,} bytes > {settings.max_file_bytes:,}")
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(name, "not_found") from None
    except IsADirectoryError:
        raise ReadError(name, "not_a_file") from None
    except PermissionError:
        raise ReadError(name, "permission_denied") from None
    except OSError as exc:
        raise ReadError(name, "not_a_file", str(exc)) from None
    return bytes_to_document(data, name, settings)


def bytes_to_document(data: bytes, path: str, settings: Settings = DEFAULT_SETTINGS) -> Document:
    """Sniff the format of `data` and read it with the matching reader."""
    if not data:
        raise ReadError(path, "empty_file")
    if len(data) > settings.max_file_bytes:
        raise ReadError(path, "too_large", f"{len(data):,} bytes > {settings.max_file_bytes:,}")
    fmt, archive = _sniff(data)
    sha256 = hashlib.sha256(data).hexdigest()
    doc = _read_format(data, path, fmt, sha256, settings, archive)
    chars = sum(len(b.text) for b in doc.blocks)
    if chars > settings.max_document_chars:
        raise ReadError(path, "too_much_text", f"{chars:,} characters > {settings.max_document_chars:,}")
    return document_from_legacy_font(doc)


def document_from_legacy_font(doc: Document) -> Document:
    """A report typed in the TCVN3 fonts (.VnTime, one character for one) or the VNI fonts
    (VNI-Times, a vowel and its mark) reads as Latin-1 letters in every format: turn it into
    Unicode and say so."""
    from extractor.text.legacy import tcvn3_to_unicode, text_is_tcvn3, text_is_vni, vni_to_unicode

    if doc.encoding in ("tcvn3", "vni"):
        return doc
    text = doc.text  # joined once for both tests
    # VNI first: its text holds many of TCVN3's marker characters, the reverse is rare
    if text_is_vni(text):
        convert, doc.encoding, font = vni_to_unicode, "vni", "a VNI (VNI-Times)"
    elif text_is_tcvn3(text):
        convert, doc.encoding, font = tcvn3_to_unicode, "tcvn3", "a TCVN3 (.VnTime)"
    else:
        return doc
    for block in doc.blocks:
        block.text = convert(block.text)
    doc.warnings.append(f"text typed in {font} font, converted to Unicode")
    return doc


def _read_format(data: bytes, path: str, fmt: str | None, sha256: str, settings: Settings,
                 archive: zipfile.ZipFile | None = None) -> Document:
    try:
        if fmt == "txt":
            from extractor.readers import txt
            return txt.bytes_to_document(data, path, sha256)
        if fmt == "docx":
            from extractor.readers import docx
            return docx.bytes_to_document(data, path, sha256, settings=settings, archive=archive)
        if fmt == "pdf":
            from extractor.readers import pdf
            return pdf.bytes_to_document(data, path, sha256, settings)
        if fmt == "doc":
            if data.startswith(_OLE_MAGIC) and _ole_entry(_OLE_ENCRYPTED_OOXML) in data:
                raise ReadError(path, "encrypted_docx")
            if data.startswith(_OLE_MAGIC) and _ole_entry(_OLE_WORD) not in data:
                raise ReadError(path, "unsupported_format", unsupported_detail(data))
            from extractor.readers import doc
            return doc.bytes_to_document(data, path, sha256)
        if fmt == "odt":
            from extractor.readers import doc
            return doc.bytes_to_document(data, path, sha256, fmt="odt")
    except ReadError:
        raise
    except Exception as exc:  # a reader bug must still name the file, never a bare traceback
        raise ReadError(path, "internal_error", f"{type(exc).__name__}: {exc}") from exc
    raise ReadError(path, "unsupported_format", unsupported_detail(data))
