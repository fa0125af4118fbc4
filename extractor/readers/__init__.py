"""Readers: one module per input format, each turning a file into the same `Document`.

`read_document(path)` decides the format from the file's bytes (not its extension) and
dispatches; every failure is a `ReadError` naming the file and the reason.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import ReadError
from ..model import Document


def sniff_format(data: bytes) -> str | None:
    """'docx', 'pdf', 'doc' or 'txt' from the leading bytes; None when not a supported kind."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if b"\x00" not in data[:4096] or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "txt"
    return None


def read_document(path: str | os.PathLike[str]) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(str(path), "not_found") from None
    except IsADirectoryError:
        raise ReadError(str(path), "not_a_file") from None
    except PermissionError:
        raise ReadError(str(path), "permission_denied") from None
    if not data:
        raise ReadError(str(path), "empty_file")
    fmt = sniff_format(data)
    sha256 = hashlib.sha256(data).hexdigest()
    if fmt == "txt":
        from .txt import bytes_to_document
    elif fmt == "docx":
        from .docx import bytes_to_document
    elif fmt == "pdf":
        from .pdf import bytes_to_document
    else:
        raise ReadError(str(path), "unsupported_format")
    return bytes_to_document(data, str(path), sha256)
