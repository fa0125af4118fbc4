"""The one error type users see: a file that cannot be read, with the reason as a code.

Readers raise `ReadError(path, code, detail)`; the CLI and ingest print `message()` in the
user's language (codes are keys of extractor/locale/errors.yaml) and go on with the batch.
"""
from __future__ import annotations

from . import i18n


class ReadError(Exception):
    def __init__(self, path: str, code: str, detail: str = "") -> None:
        self.path = str(path)
        self.code = code
        self.detail = detail
        super().__init__(f"{self.path}: {code}{': ' + detail if detail else ''}")

    def message(self, lang: str | None = None) -> str:
        reason = i18n.t("errors", self.code, lang=lang)
        text = f"{self.path}: {reason}"
        return f"{text} ({self.detail})" if self.detail else text
