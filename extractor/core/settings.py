"""Extraction settings: one validated dataclass with named defaults (pdfplumber's way)."""
from __future__ import annotations

from dataclasses import dataclass

NUMBER_CONVENTIONS = ("auto", "vi", "en")


@dataclass(frozen=True)
class Settings:
    # '.' thousands and ',' decimals ("vi"), the English convention ("en"), or decided per
    # document from its unambiguous tokens ("auto").
    number_convention: str = "auto"
    # A PDF page whose fast text fails the quality test is re-read with pdfplumber; above this
    # share of suspect words a page fails.
    pdf_suspect_word_ratio: float = 0.08

    def __post_init__(self) -> None:
        if self.number_convention not in NUMBER_CONVENTIONS:
            raise ValueError(f"number_convention must be one of {NUMBER_CONVENTIONS}")
        if not 0.0 < self.pdf_suspect_word_ratio < 1.0:
            raise ValueError("pdf_suspect_word_ratio must be between 0 and 1")


DEFAULT_SETTINGS = Settings()
