"""Extraction settings: one validated dataclass with named defaults (pdfplumber's way)."""
from __future__ import annotations

from dataclasses import dataclass

NUMBER_CONVENTIONS = ("auto", "vi", "en")
OCR_MODES = ("auto", "off", "garbage")


@dataclass(frozen=True)
class Settings:
    """How a document is read and extracted, and the limits that keep one file from exhausting a PC."""

    # '.' thousands and ',' decimals ("vi"), the English convention ("en"), or decided per
    # document from its unambiguous tokens ("auto").
    number_convention: str = "auto"
    # A PDF page whose fast text fails the quality test is re-read with pdfplumber; above this
    # share of suspect words a page fails.
    pdf_suspect_word_ratio: float = 0.08

    # Limits: a file beyond one is not read, with a reason naming the limit, so one hostile or
    # absurd file cannot exhaust an office PC. The defaults are far above any real report.
    # Bytes of one input file (a long scanned report is tens of MB).
    max_file_bytes: int = 256 * 2**20
    # A .docx is a zip: its directory is checked before anything is inflated. Total inflated
    # bytes, number of entries, and the inflation ratio of any entry over 1 MiB (Word's XML
    # compresses about 10:1; a zip bomb 1000:1).
    max_docx_inflated_bytes: int = 512 * 2**20
    max_docx_entries: int = 5000
    max_docx_entry_ratio: float = 200.0
    # Pages of one PDF (a commune report has tens; an archive scan a few hundred).
    max_pdf_pages: int = 1500
    # Characters of text in one document after reading (1 MB is a very long report).
    max_document_chars: int = 16_000_000
    # Scanned PDF pages (no text layer) are read by OCR when Tesseract is installed: "auto";
    # "off" leaves them unread; "garbage" also OCRs pages whose text layer stays garbled.
    ocr: str = "auto"
    tesseract: str = "tesseract"  # the binary, looked up on PATH
    ocr_dpi: int = 200  # pages are rendered at this resolution for the recognizer
    ocr_jobs: int = 0  # Tesseract processes at once per file; 0: one per core
    ocr_max_pages: int = 100  # pages of one file read by OCR at most (the rest are skipped)
    ocr_run_max_pages: int = 0  # pages read by OCR in one `ntm ingest` run at most; 0: no limit
    ocr_page_timeout: float = 120.0  # seconds one page may take
    ocr_cache_dir: str | None = None  # recognized pages kept by image hash, when set
    # Wall time of one file in `ntm ingest`, in seconds: a file still being read then has its
    # worker process ended and is recorded as timed out, and the batch goes on. A long report
    # takes seconds; converting a large .doc through LibreOffice or OCR of a long scan, minutes.
    file_timeout_s: float = 600.0

    def __post_init__(self) -> None:
        if self.number_convention not in NUMBER_CONVENTIONS:
            raise ValueError(f"number_convention must be one of {NUMBER_CONVENTIONS}")
        if not 0.0 < self.pdf_suspect_word_ratio < 1.0:
            raise ValueError("pdf_suspect_word_ratio must be between 0 and 1")
        for name in ("max_file_bytes", "max_docx_inflated_bytes", "max_docx_entries", "max_pdf_pages",
                     "max_document_chars"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be > 0")
        if not self.file_timeout_s > 0:
            raise ValueError("file_timeout_s must be > 0")
        if self.max_docx_entry_ratio <= 1.0:
            raise ValueError("max_docx_entry_ratio must be > 1")
        if self.ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {OCR_MODES}")
        if not 50 <= self.ocr_dpi <= 600:
            raise ValueError("ocr_dpi must be between 50 and 600")
        if self.ocr_jobs < 0 or self.ocr_max_pages < 0 or self.ocr_run_max_pages < 0 or \
                self.ocr_page_timeout <= 0:
            raise ValueError("ocr_jobs, ocr_max_pages and ocr_run_max_pages must be >= 0, "
                             "ocr_page_timeout > 0")


DEFAULT_SETTINGS = Settings()
