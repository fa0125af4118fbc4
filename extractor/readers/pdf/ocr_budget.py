"""The per-run limit on pages read by OCR (`Settings.ocr_run_max_pages`).

A batch of scans can hold thousands of pages, hours of recognition on an office PC. The run
hands each file a share of what is left of its page budget as that file's own OCR page limit
(`ocr_max_pages`), and takes back what the file did not use once its record arrives. Files
read at the same time cannot together exceed the budget: each holds its share until it is
done. A file that failed or timed out keeps its whole share (how many pages it read is
unknown). Pages over the limit are left unread, and the document says so.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from extractor.core.settings import Settings

# Layout's warning naming the pages a document had read by OCR (extractor.readers.pdf.layout).
OCR_PAGES_WARNING = "pages read by OCR: "


def ocr_pages_read(warnings: list[str]) -> int:
    """How many pages of a document were read by OCR, from its warnings."""
    for w in warnings:
        if w.startswith(OCR_PAGES_WARNING):
            return len(w[len(OCR_PAGES_WARNING):].split(","))
    return 0


class OcrBudget:
    """What is left of a run's OCR pages; unlimited when the setting is 0."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.left = settings.ocr_run_max_pages
        self._held: dict[str, int] = {}

    @property
    def limited(self) -> bool:
        return self.settings.ocr_run_max_pages > 0

    def settings_for(self, key: str) -> Settings:
        """The settings to read one file with: its OCR page limit is its share of the budget."""
        if not self.limited:
            return self.settings
        share = min(self.settings.ocr_max_pages, self.left)
        self.left -= share
        self._held[key] = self._held.get(key, 0) + share
        return replace(self.settings, ocr_max_pages=share)

    def settle(self, key: str, result: dict[str, Any]) -> None:
        """Take back the part of a file's share it did not use."""
        if not self.limited:
            return
        held = self._held.pop(key, 0)
        record = result.get("record")
        if record is not None:
            used = ocr_pages_read(list(record.get("source", {}).get("warnings") or []))
            self.left += max(0, held - used)
