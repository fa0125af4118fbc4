"""File names in any encoding. On Linux a name is bytes: one saved on a Windows-1258 PC is
not UTF-8, and Python hands it over with surrogate escapes that no UTF-8 writer (SQLite, JSON,
HTML, CSV) accepts. Names are shown and stored in a safe text form; the raw bytes are kept."""
from __future__ import annotations

import os


def display_name(path: str | os.PathLike[str]) -> str:
    """The name as valid UTF-8 text: each byte that is not UTF-8 written as `\\xNN`, so two
    names that differ only in such bytes stay apart and the officer can still find the file."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def raw_name(path: str | os.PathLike[str]) -> bytes | None:
    """The name's bytes when they are not UTF-8 (what `display_name` replaced), else None."""
    data = os.fsencode(path)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    return None
