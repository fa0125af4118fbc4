"""The one error type users see: a file that cannot be read, with the reason as a code.

Readers raise `ReadError(path, code, detail)`; the CLI and ingest print `message()` in the
user's language and go on with the batch. Codes are keys of extractor/locale/errors.yaml; the
few that only ingest gives (`not_a_report`) are `error_<code>` keys of locale/ingest.yaml.
"""
from __future__ import annotations

from enum import IntEnum

from extractor.core import i18n


class ExitCode(IntEnum):
    """Exit codes shared by every command that reads files."""

    OK = 0
    USAGE = 2
    SOME_FAILED = 3
    ALL_FAILED = 4


def reason(code: str, lang: str | None = None) -> str:
    """The reason a file was not read, for a ReadError code or one that only ingest gives."""
    if code in i18n.catalogue("errors"):
        return i18n.t("errors", code, lang=lang)
    if f"error_{code}" in i18n.catalogue("ingest"):
        return i18n.t("ingest", f"error_{code}", lang=lang)
    # a code no catalogue knows (a store written by another version): still a reason
    return i18n.t("errors", "internal_error", lang=lang)


class ReadError(Exception):
    def __init__(self, path: str, code: str, detail: str = "") -> None:
        self.path = str(path)
        self.code = code
        self.detail = detail
        super().__init__(f"{self.path}: {code}{': ' + detail if detail else ''}")

    def message(self, lang: str | None = None) -> str:
        text = f"{self.path}: {reason(self.code, lang)}"
        return f"{text} ({self.detail})" if self.detail else text
