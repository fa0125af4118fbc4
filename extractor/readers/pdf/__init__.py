"""PDF reports with a text layer: pypdfium2's speed, pdfplumber's correctness.

Every page is read with pypdfium2 and its text judged (`chars.text_is_suspect`); only the
pages that fail are read again with pdfplumber. Both hand over line segments (`PdfLine`), and
one set of layout rules (`layout`) rebuilds paragraphs, tables (`tables`) and margins.
"""
from __future__ import annotations

import unicodedata

from extractor.core.errors import ReadError
from extractor.core.model import Document
from extractor.core.settings import DEFAULT_SETTINGS, Settings
from extractor.readers.pdf.chars import open_pdfium, pdfium_page, reread_with_pdfplumber, text_is_suspect
from extractor.readers.pdf.layout import pages_to_document
from extractor.readers.pdf.lines import PageRead


def bytes_to_document(data: bytes, path: str, sha256: str,
                      settings: Settings = DEFAULT_SETTINGS) -> Document:
    pdf, pdfium_c = open_pdfium(data, path)
    if len(pdf) > settings.max_pdf_pages:
        count = len(pdf)
        pdf.close()
        raise ReadError(path, "too_many_pages", f"{count:,} pages > {settings.max_pdf_pages:,}")
    try:
        pages: list[PageRead] = []
        for n in range(len(pdf)):
            page = pdf[n]
            try:
                pages.append(pdfium_page(page, pdfium_c))
            except Exception as exc:  # one broken page must not lose the others
                pages.append(PageRead([], "", True, warnings=[f"page {n + 1}: {exc}"]))
            finally:
                page.close()
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(path, "corrupt_pdf", f"{type(exc).__name__}: {exc}") from None
    finally:
        pdf.close()
    failing = [n for n, page in enumerate(pages)
               if (not page.lines and page.has_text_objects)
               or text_is_suspect(unicodedata.normalize("NFC", page.text),
                                  settings.pdf_suspect_word_ratio)]
    if failing:
        reread_with_pdfplumber(data, path, pages, failing)
    return pages_to_document(pages, path, sha256)

