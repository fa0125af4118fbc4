"""Legacy Word (.doc, .rtf) and OpenDocument (.odt) reports: converted to .docx by
LibreOffice, then read as .docx.

LibreOffice is a system program, not a Python dependency: it is looked up when a .doc
arrives, and its absence is a `ReadError('legacy_doc')` for that file only. Each conversion
uses its own throw-away LibreOffice profile so that concurrent conversions (and a desktop
LibreOffice the user has open) do not lock each other out.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from extractor.core.errors import ReadError
from extractor.core.model import Document
from extractor.readers import docx

CONVERT_TIMEOUT_S = 120


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def doc_to_docx_bytes(data: bytes, path: str, fmt: str = "doc") -> bytes:
    soffice = find_soffice()
    if soffice is None:
        raise ReadError(path, "legacy_doc")
    with tempfile.TemporaryDirectory(prefix="ntm-doc-") as tmp:
        folder = Path(tmp)
        source = folder / f"input.{fmt}"
        source.write_bytes(data)
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML",
                   "--outdir", str(folder / "out"), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_S,
                                  check=False)
        except subprocess.TimeoutExpired:
            raise ReadError(path, "conversion_failed",
                            f"no result after {CONVERT_TIMEOUT_S} s") from None
        except OSError as exc:
            raise ReadError(path, "conversion_failed", str(exc)) from None
        result = folder / "out" / "input.docx"
        if not result.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-300:]
            raise ReadError(path, "conversion_failed", detail or f"exit code {done.returncode}")
        return result.read_bytes()


def bytes_to_document(data: bytes, path: str, sha256: str, fmt: str = "doc") -> Document:
    document = docx.bytes_to_document(doc_to_docx_bytes(data, path, fmt), path, sha256, fmt=fmt)
    document.warnings.append("converted to .docx with LibreOffice")
    return document
