"""The errors users see, one coded base (`NtmError`): a file, the reason as a code, a detail.

Readers raise `ReadError(path, code, detail)`, the store `StoreError`; the CLI and ingest print
`message()` in the user's language and go on with the batch. Codes are keys of extractor/locale/errors.yaml; the
few that only ingest gives (`not_a_report`) are `error_<code>` keys of locale/ingest.yaml.
"""
from __future__ import annotations

from enum import IntEnum
from os import PathLike
from typing import Any

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


class NtmError(Exception):
    """An error a user sees: the file it concerns, the reason as a code, a technical detail.

    Subclasses say which catalogue holds the texts of their codes; `values` fill the text."""

    def __init__(self, path: str | PathLike[str], code: str, detail: str = "", **values: Any) -> None:
        self.path = str(path)
        self.code = code
        self.detail = detail
        self.values = values
        super().__init__(f"{self.path}: {code}{': ' + detail if detail else ''}")

    def reason(self, lang: str | None = None) -> str:
        return reason(self.code, lang)

    def message(self, lang: str | None = None) -> str:
        text = f"{self.path}: {self.reason(lang)}"
        return f"{text} ({self.detail})" if self.detail else text


class ReadError(NtmError):
    """A file that cannot be read; codes are keys of locale/errors.yaml."""
