"""report.xlsx's rows kept from one run to the next (the store's `workbook_rows`).

A re-run after a few reports changed writes the whole workbook again: each sheet is one stream
of XML in a zip. What costs is making each row's XML, so the data rows of the long sheets
(criteria, communes, indicators, flags, figures) are kept as the XML written for them, without
their row number and sequence number (placeholders filled in when written), under a digest of
everything the row was rendered from: its values, and the sheet's context (the language, the
folder paths are shown under, the catalogue's words, the code that renders rows, XlsxWriter's
version). A row whose digest is kept is written from the text kept; any other is rendered, and
kept. Nothing is found by name, so nothing kept is trusted for another row: a report read
again, a flag renumbered or another language give other digests, and the rows not written in
a run are dropped (`SheetRows.changes`). The styles a row names are checked against the
workbook being written (XlsxWriter numbers a style when it is first used), and a text that is
not a kept row is ignored.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from extractor.core import i18n
from extractor.core.version import __version__

# In a kept row's XML: where its row number goes, where its sequence number goes. XlsxWriter
# escapes control characters in texts; a row whose XML holds one anyway (a formula's text) is
# not kept (outputs.workbook._Sheet._emit).
ROW_NUMBER, SEQ_NUMBER = "\x01", "\x02"
_ROW_START = f'<row r="{ROW_NUMBER}">'


class KeptRow(NamedTuple):
    """A row as written: its first and last column, the styles it names in order of first use
    (name, XlsxWriter's number for it), and its XML with the placeholders (a tuple: one is
    made for every kept row a re-run writes)."""

    first: int
    last: int
    styles: tuple[tuple[str, int], ...]
    xml: str

    def text(self) -> str:
        styles = " ".join(f"{name}={xf}" for name, xf in self.styles)
        return f"{self.first} {self.last} {styles}\n{self.xml}"


def kept_row(text: str) -> KeptRow | None:
    """The row a stored text holds (`KeptRow.text`), or None for a text that is not one."""
    head, sep, xml = text.partition("\n")
    if not sep or not xml.startswith(_ROW_START) or not xml.endswith("</row>"):
        return None
    found = _head(head)
    return None if found is None else KeptRow(found[0], found[1], found[2], xml)


@lru_cache(maxsize=4096)  # a sheet's rows name a few sets of styles over and over
def _head(head: str) -> tuple[int, int, tuple[tuple[str, int], ...]] | None:
    parts = head.split(" ")
    if len(parts) < 2:
        return None
    try:
        first, last = int(parts[0]), int(parts[1])
        styles = tuple((name, int(xf)) for name, _, xf in (p.rpartition("=") for p in parts[2:] if p))
    except ValueError:
        return None
    if any(not name for name, _ in styles) or not 0 <= first <= last:
        return None
    return first, last, styles


@cache
def _renderer() -> bytes:
    """What renders rows, as bytes: the code of the modules that make a row's XML and its
    values (a build that renders otherwise does not reuse rows of another), this package's and
    XlsxWriter's versions."""
    import xlsxwriter

    from extractor.outputs import links, workbook
    from extractor.store import tables

    parts = [__version__.encode(), str(getattr(xlsxwriter, "__version__", "")).encode()]
    for module in (workbook, links, tables, i18n):  # a cell's text, its link, its value, its words
        try:
            parts.append(Path(str(module.__file__)).read_bytes())
        except OSError:  # no source beside the module: the versions alone
            parts.append(b"")
    parts.append(Path(__file__).read_bytes() if Path(__file__).is_file() else b"")
    return hashlib.blake2b(b"\n".join(parts), digest_size=32).digest()


@cache
def _catalogue(language: str) -> bytes:
    """The words a row may show in `language` (the export catalogue, the indicators' names)."""
    from extractor.extract.indicators import indicator_by_key

    with i18n.language_set(language):
        words = sorted(i18n.catalogue("export").items())
    names = sorted((k, i.name_vi, i.name_en, i.unit) for k, i in indicator_by_key().items())
    return hashlib.blake2b(repr((words, names)).encode("utf-8"), digest_size=32).digest()


def warm_context(language: str) -> None:
    """Make the cached parts of `context` for `language` now (outputs.workbook.warm)."""
    _renderer()
    _catalogue(language)


def context(sheet: str, *parts: Any) -> bytes:
    """The digest of what every row of `sheet` is rendered with besides its own values:
    the renderer, the language and its words, and `parts` (the sheet's columns, the folder
    paths are shown under...)."""
    language = i18n.language()
    seen = (sheet, language, repr(parts))
    return hashlib.blake2b(_renderer() + _catalogue(language) + repr(seen).encode("utf-8"),
                           digest_size=32).digest()


SPILL_ROWS = 20_000
# rows of the flags across reports quote their evidence (2-3 KB of XML each): 20,000 of them
# are 50 MiB, so the rows held are bounded by their length too (held, then copied as texts to
# be written: a million characters cost a few MiB; 2,500 reports, workbook alone: 4 << 20
# 91 MiB peak, 1 << 20 73 MiB, 1 << 18 69 MiB, in the same time)
SPILL_CHARS = 1 << 20


@dataclass
class SheetRows:
    """The rows of one sheet kept by the run before (digest -> text), and those of this run."""

    sheet: str
    kept: dict[bytes, str]
    context: bytes
    used: set[bytes] = field(default_factory=set)
    fresh: dict[bytes, KeptRow] = field(default_factory=dict)
    # where rows rendered go once `SPILL_ROWS` of them (or `SPILL_CHARS` of XML) are held (a
    # first run renders every row: at 10,000 reports the flags across reports alone are tens of MiB)
    spill: Callable[[list[tuple[str, bytes, str]]], None] | None = None
    held_chars: int = 0  # of the XML of the rows in `fresh`

    def digest(self, inputs: Any) -> bytes | None:
        """The digest of a row's inputs (plain values, tuples, lists, dicts) in this sheet's
        context; None for inputs of another kind (such a row is not kept)."""
        try:
            data = marshal.dumps(inputs, 2)  # version 2: no references, the same bytes for equal values
        except ValueError:
            return None
        return hashlib.blake2b(data, digest_size=16, key=self.context).digest()

    def find(self, digest: bytes) -> KeptRow | None:
        """The row kept under `digest` (by the run before, or rendered earlier in this one)."""
        row = self.fresh.get(digest)
        if row is not None:
            return row
        text = self.kept.get(digest)
        if text is None:
            return None
        row = kept_row(text)
        if row is None:  # not a row: rendered again, and kept anew
            return None
        self.used.add(digest)
        return row

    def keep(self, digest: bytes, row: KeptRow) -> None:
        self.fresh[digest] = row
        self.held_chars += len(row.xml)
        if self.spill is not None and (len(self.fresh) >= SPILL_ROWS or self.held_chars >= SPILL_CHARS):
            self.spill(self.rendered())  # a row rendered again later is stored again: the same
            self.fresh.clear()
            self.held_chars = 0

    def stale(self) -> list[tuple[str, bytes]]:
        """The rows kept to drop: not written in this run (or rendered anew)."""
        return [(self.sheet, d) for d in self.kept if d not in self.used]

    def rendered(self) -> list[tuple[str, bytes, str]]:
        """The rows rendered in this run, to keep: (sheet, digest, text)."""
        return [(self.sheet, d, row.text()) for d, row in self.fresh.items()]

    def release(self) -> None:
        """Let go of every row held, once the sheet's changes are handed over: its worksheet
        (which holds these rows) lives until the workbook closes, and the rows of every sheet
        held to the end made most of the workbook child's peak (issue 17)."""
        self.kept, self.used, self.fresh, self.held_chars = {}, set(), {}, 0


@dataclass
class Changes:
    """What a workbook's writing changes in the rows kept (`Store.save_workbook_rows`): the
    rows (sheet, digest) to drop, and an SQLite file of its own holding the rows rendered
    (table `rendered`: sheet, digest, data), written as each sheet ended and every `SPILL_ROWS`
    rows or `SPILL_CHARS` characters, so that neither the process writing the workbook nor the
    one storing them holds them all (a first run renders every row); None when none was."""

    stale: list[tuple[str, bytes]] = field(default_factory=list)
    rendered: str | None = None

    def discard(self) -> None:
        """Remove the file of rows rendered (stored, or not to be)."""
        if self.rendered is not None:
            Path(self.rendered).unlink(missing_ok=True)
            self.rendered = None


def rendered_file() -> str:
    """A new file name in the system's temporary folder for the rows a workbook renders."""
    fd, name = tempfile.mkstemp(prefix="ntm-workbook-rows-", suffix=".sqlite")
    os.close(fd)
    return name


RENDERED_DDL = "CREATE TABLE rendered (sheet TEXT NOT NULL, digest BLOB NOT NULL, data TEXT NOT NULL)"


class KeptSheets:
    """The rows kept for each sheet, read one sheet at a time (`sheet`: the sheet before hands
    its changes over and its rows are let go), with the changes of them all (`close`)."""

    def __init__(self, read: Callable[[str], dict[bytes, str]], *parts: Any, rendered: str | None = None) -> None:
        """`rendered`: the file to write the rows rendered to (chosen by the process that
        stores them, so that it removes it whatever becomes of this one); else a file of the
        system's temporary folder."""
        self._read, self._parts, self._path = read, parts, rendered
        self._open: SheetRows | None = None
        self._changes = Changes()
        self._file: sqlite3.Connection | None = None

    def sheet(self, name: str, *parts: Any) -> SheetRows:
        """The rows of sheet `name` kept, in the context of the workbook's `parts` and `parts`."""
        self._close_sheet()
        self._open = SheetRows(name, self._read(name), context(name, *self._parts, *parts), spill=self._write)
        return self._open

    def _close_sheet(self) -> None:
        sheet, self._open = self._open, None
        if sheet is None:
            return
        self._changes.stale += sheet.stale()
        self._write(sheet.rendered())
        sheet.release()

    def _write(self, rendered: list[tuple[str, bytes, str]]) -> None:
        """Rows rendered, into the file of them (made at the first)."""
        if not rendered:
            return
        if self._file is None:
            name = self._path or rendered_file()
            # what a child that failed left there is emptied, never followed nor replaced: the
            # name was made by mkstemp and must stay that file
            os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600))
            self._changes.rendered = name
            self._file = sqlite3.connect(name, isolation_level=None)
            self._file.execute("PRAGMA journal_mode=OFF")  # a scratch file: merged, then removed
            self._file.execute(RENDERED_DDL)
        self._file.execute("BEGIN")
        self._file.executemany("INSERT INTO rendered VALUES (?, ?, ?)", rendered)
        self._file.execute("COMMIT")

    def close(self) -> Changes:
        """The changes of every sheet (the caller stores them, or discards them)."""
        try:
            self._close_sheet()
        finally:
            if self._file is not None:
                self._file.close()
                self._file = None
        return self._changes

    def discard(self) -> None:
        """Let the changes go (the workbook was not written): the open sheet's rows are not
        written out first, and the file of rows goes whatever happens."""
        self._open = None
        try:
            self.close()
        finally:
            self._changes.discard()
