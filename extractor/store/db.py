"""The ingest store: one SQLite file (no server) holding every document read and what was found.

One transaction per document: a run killed at any moment leaves each document either fully
stored or not at all, and the next run reads whatever is missing. Only the main process of
`ntm ingest` writes; workers hand back plain record dicts. The schema is documented in
schemas/store.md (a test checks that the DDL there is the DDL here).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from extractor.core import i18n
from extractor.core.errors import NtmError
from extractor.extract.identity import place_key

STORE_SCHEMA_VERSION = "3"
# Stores of these older schemas are rebuilt empty: every document in them was read by an
# older extractor, so the next run re-reads it anyway.
_REBUILT_SCHEMAS = ("1", "2")

SCHEMA_SQL = """\
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id                INTEGER PRIMARY KEY,
    path              TEXT NOT NULL UNIQUE,
    path_bytes        BLOB,
    sha256            TEXT,
    size              INTEGER,
    format            TEXT,
    status            TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'duplicate', 'skipped')),
    error_code        TEXT,
    error_detail      TEXT,
    duplicate_of      TEXT,
    present           INTEGER NOT NULL DEFAULT 1,
    extractor_version TEXT NOT NULL,
    patterns_version  TEXT NOT NULL,
    read_at           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256);
CREATE TABLE IF NOT EXISTS records (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    json        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS compared (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    json        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS across_keys (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    json        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS identity (
    document_id         INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    commune             TEXT,
    district            TEXT,
    province            TEXT,
    document_number     TEXT,
    report_date         TEXT,
    period              TEXT,
    document_kind       TEXT,
    signer              TEXT,
    criteria_set        TEXT,
    met_count_claimed   INTEGER,
    unmet_count_claimed INTEGER,
    district_key        TEXT
);
CREATE INDEX IF NOT EXISTS identity_district ON identity (district_key);
CREATE TABLE IF NOT EXISTS criteria (
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    status        TEXT NOT NULL,
    evidence_text TEXT,
    block         INTEGER,
    page          INTEGER,
    start         INTEGER,
    "end"         INTEGER,
    PRIMARY KEY (document_id, number, status)
);
CREATE TABLE IF NOT EXISTS figures (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    value       REAL,
    unit        TEXT,
    total       REAL,
    noun        TEXT,
    qualifier   TEXT,
    label       TEXT,
    indicator   TEXT,
    per         TEXT,
    section     TEXT,
    component   INTEGER,
    rule        TEXT,
    text        TEXT,
    block       INTEGER,
    page        INTEGER,
    start       INTEGER,
    "end"       INTEGER,
    upper       REAL,
    status      TEXT,
    PRIMARY KEY (document_id, seq)
);
CREATE INDEX IF NOT EXISTS figures_indicator ON figures (indicator);
CREATE TABLE IF NOT EXISTS flags (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
    scope       TEXT NOT NULL CHECK (scope IN ('document', 'corpus')),
    district    TEXT,
    seq         INTEGER NOT NULL,
    rule        TEXT NOT NULL,
    severity    TEXT NOT NULL,
    message     TEXT,
    message_en  TEXT,
    evidence    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS flags_document ON flags (document_id);
CREATE INDEX IF NOT EXISTS flags_district ON flags (district);
CREATE TABLE IF NOT EXISTS corpus_flag_heads (
    flag_id INTEGER PRIMARY KEY REFERENCES flags (id) ON DELETE CASCADE,
    digest  TEXT NOT NULL,
    items   TEXT NOT NULL,
    text    TEXT,
    place   TEXT
);
CREATE TABLE IF NOT EXISTS corpus_flag_parts (
    flag_id INTEGER NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    data    BLOB NOT NULL,
    PRIMARY KEY (flag_id, name)
);
CREATE TABLE IF NOT EXISTS corpus_districts (
    district TEXT PRIMARY KEY,
    state    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS corpus_groups (
    district TEXT NOT NULL,
    grp      TEXT NOT NULL,
    state    TEXT NOT NULL,
    PRIMARY KEY (district, grp)
);
CREATE TABLE IF NOT EXISTS pages (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    html        BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS csv_rows (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    data        BLOB NOT NULL,
    PRIMARY KEY (document_id, name)
);
CREATE TABLE IF NOT EXISTS csv_spans (
    name        TEXT NOT NULL,
    document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
    flag_id     INTEGER REFERENCES flags (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    length      INTEGER NOT NULL,
    lead        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS csv_spans_document ON csv_spans (document_id);
CREATE INDEX IF NOT EXISTS csv_spans_flag ON csv_spans (flag_id);
CREATE TABLE IF NOT EXISTS copy_groups (
    commune_key TEXT PRIMARY KEY,
    state       TEXT NOT NULL,
    groups      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS workbook_rows (
    sheet  TEXT NOT NULL,
    digest BLOB NOT NULL,
    data   TEXT NOT NULL,
    PRIMARY KEY (sheet, digest)
);
CREATE TABLE IF NOT EXISTS file_stats (
    path     TEXT PRIMARY KEY,
    stat     TEXT NOT NULL,
    checked  INTEGER NOT NULL,
    sha256   TEXT NOT NULL,
    format   TEXT NOT NULL
);
"""

# The cached renderings of a flag across reports (`corpus_flag_parts` names) that do not show its
# number: kept when a district's flags are recomputed and only its number changed.
FLAG_LINE_PART = "csv-after-seq"  # its line of flags.csv after the number (outputs.export)


def flag_box_part(language: str) -> str:
    """The part name of a flag's box in the review overview (outputs.site), per language."""
    return f"box:{language}"


def flag_part_spans(part: str) -> str:
    """The name of the spans (`Store.csv_spans`) of the file written from a flag's cached
    rendering `part`: flags.csv from its line, the review overview in a language (its spans
    named as the part) from its box there."""
    return "flags" if part == FLAG_LINE_PART else part


NUMBERLESS_PARTS = (FLAG_LINE_PART, *(flag_box_part(lang) for lang in i18n.LANGUAGES))

# (table, column, type) added to schema version 3 after stores were made with it (`_add_columns`)
_ADDED_COLUMNS = (("corpus_flag_heads", "text", "TEXT"),
                  ("corpus_flag_heads", "place", "TEXT"))

# Tables holding what was extracted from one document (deleted and rewritten together).
_CHILD_TABLES = ("csv_spans", "records", "compared", "across_keys", "identity", "criteria", "figures", "flags",
                 "pages", "csv_rows")
_OTHER_TABLES = ("workbook_rows", "copy_groups", "file_stats", "corpus_flag_parts", "corpus_flag_heads",
                 "corpus_districts", "corpus_groups", "documents", "meta")

_IDENTITY_FIELDS = ("commune", "district", "province", "document_number", "report_date",
                    "period", "document_kind", "signer")
_FIGURE_FIELDS = ("value", "unit", "total", "noun", "qualifier", "label", "indicator", "per")


class StoreError(NtmError):
    """A store that cannot be used; codes are keys `store_<code>` of locale/ingest.yaml, whose
    texts take `values`."""

    def reason(self, lang: str | None = None) -> str:
        return i18n.t("ingest", f"store_{self.code}", lang=lang, **self.values)


@dataclass(frozen=True)
class StoredDocument:
    path: str
    sha256: str | None
    status: str
    present: bool
    duplicate_of: str | None
    extractor_version: str
    patterns_version: str
    raw: bytes | None = None  # the name's bytes when they are not UTF-8

    @property
    def fs_path(self) -> str:
        return os.fsdecode(self.raw) if self.raw is not None else self.path


@dataclass(frozen=True)
class FileStat:
    """A file's content as last hashed: its stat then (`stat`: size, mtime_ns, ctime_ns, inode,
    device), when it was hashed (`checked`, ns since the epoch, taken before reading) and what
    its bytes were (sha256, the format sniffed). See ingest.plan.file_to_found."""

    stat: str
    checked: int
    sha256: str
    format: str


@dataclass(frozen=True)
class FileInfo:
    """What the main process knows about a file before it is read. `path` is the display
    name (extractor.core.names); `raw` the name's bytes when they are not UTF-8."""

    path: str
    sha256: str | None
    size: int | None
    format: str | None
    raw: bytes | None = None

    @property
    def fs_path(self) -> str:
        """The name to open the file by."""
        return os.fsdecode(self.raw) if self.raw is not None else self.path


@dataclass(frozen=True)
class RecordRows:
    """What the store keeps of one report, ready to insert (`Store.save_rows`): made from its
    record by `record_to_rows`, where the report was read, so that the main process of an
    ingest only inserts. Rows lack their leading document id; `page` and `csv` are compressed
    as stored."""

    record_json: str
    compared_json: str | None
    page: tuple[str, bytes] | None  # (language, the head of its review page)
    identity: tuple[Any, ...]
    criteria: list[tuple[Any, ...]]
    figures: list[tuple[Any, ...]]
    flags: list[tuple[Any, ...]]
    csv: list[tuple[str, bytes]] = field(default_factory=list)  # (table name, csv_blob)
    across_json: str | None = None  # checks.across.across_key of the compared part


def record_to_rows(record: dict[str, Any], page: tuple[str, str] | None = None,
                   compared: dict[str, Any] | None = None) -> RecordRows:
    """A report's rows of every table, for `Store.save_rows`: `page` is (language, the head of its
    review page) when the worker rendered it (outputs.site.page_head); `compared` the part of the
    record the checks across reports read (checks.across.compared_part), kept beside it so that
    recomputing a district decodes that instead of whole records, with its `across_key` (what
    decides which of the district's comparisons it takes part in: a district recomputes only
    those a changed report is in, and finds them without decoding a report). Without its cached
    CSV lines (ingest.prepare.report_to_rows adds them)."""
    from extractor.checks.across import across_key

    crit = record.get("criteria") or {}
    return RecordRows(
        across_json=None if compared is None else json.dumps(across_key(compared), ensure_ascii=False),
        record_json=json.dumps(record, ensure_ascii=False, sort_keys=True),
        compared_json=None if compared is None else json.dumps(compared, ensure_ascii=False),
        page=None if page is None else (page[0], zlib.compress(page[1].encode("utf-8"), 1)),
        identity=(*(record.get(k) for k in _IDENTITY_FIELDS), crit.get("criteria_set"),
                  crit.get("met_count_claimed"), crit.get("unmet_count_claimed"),
                  district_key(record.get("district"))),
        criteria=list(_criteria_rows(crit)),
        figures=[(seq, *(fig.get(k) for k in _FIGURE_FIELDS),
                  json.dumps(fig.get("section") or [], ensure_ascii=False), fig.get("component"),
                  fig.get("rule"), fig.get("text"), *_location(fig),
                  fig.get("upper"), fig.get("status") or "result")  # a record of before status: results
                 for seq, fig in enumerate(record.get("figures") or [])],
        flags=[(seq, *_flag_values(flag)) for seq, flag in enumerate(record.get("flags") or [])])


# Marks the start of each cached CSV line (`Store.save_csv_rows`): replaced by the leading
# columns in one pass when the lines are written.
_LINE_MARK = "\x00"


def _csv_lines_text(lines: Sequence[str]) -> str:
    if any(_LINE_MARK in line for line in lines):
        return json.dumps(list(lines), ensure_ascii=False)
    return "".join(_LINE_MARK + line for line in lines)


def csv_blob(lines: Sequence[str]) -> bytes:
    """A report's cached lines of one table as stored in `csv_rows`."""
    return zlib.compress(_csv_lines_text(lines).encode("utf-8"), 1)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _location(item: dict[str, Any] | None) -> tuple[Any, Any, Any, Any]:
    loc = (item or {}).get("location") or {}
    return loc.get("block"), loc.get("page"), loc.get("start"), loc.get("end")


class Store:
    read_only = False  # a connection that only reads (`reader`)

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(self.path, "cannot_create", str(err)) from err
        try:
            # autocommit mode: transactions are opened explicitly with BEGIN IMMEDIATE
            self.conn = sqlite3.connect(str(self.path), isolation_level=None)
        except sqlite3.DatabaseError as err:
            raise StoreError(self.path, "not_a_store", str(err)) from err
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL survives a killed process (not a power cut), at a fraction of FULL's cost
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._create_or_check()
        except sqlite3.DatabaseError as err:
            self.conn.close()
            raise StoreError(self.path, "not_a_store", str(err)) from err
        except StoreError:
            self.conn.close()
            raise

    @classmethod
    def reader(cls, path: str | Path) -> Store:
        """A read-only connection to an existing store (no schema check, no lock taken): for a
        process that only reads while the main process writes (WAL lets both go on)."""
        store = cls.__new__(cls)
        store.path = Path(path)
        store.conn = sqlite3.connect(f"{store.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        store.read_only = True
        return store

    def _create_or_check(self) -> None:
        with self.transaction():
            self._run_ddl()
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is not None and row[0] in _REBUILT_SCHEMAS:
                self._drop_all()
                row = None
            if row is None:
                self.conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (STORE_SCHEMA_VERSION,))
            elif row[0] != STORE_SCHEMA_VERSION:
                raise StoreError(self.path, "schema_version", found=row[0], expected=STORE_SCHEMA_VERSION)
            self._add_columns()

    def _add_columns(self) -> None:
        """Columns added to a table of this schema version since it was first made: a store
        made before has them added empty (a head without `text`: its evidence is decoded)."""
        for table, column, kind in _ADDED_COLUMNS:
            have = {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")}
            if column not in have:
                self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    def _run_ddl(self) -> None:
        for statement in SCHEMA_SQL.split(";"):
            if statement.strip():
                self.conn.execute(statement)

    def _drop_all(self) -> None:
        # children first: dropping a parent table with foreign keys on deletes its rows' children
        for table in (*_CHILD_TABLES, *_OTHER_TABLES):
            self.conn.execute(f"DROP TABLE IF EXISTS {table}")
        self._run_ddl()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- reading -----------------------------------------------------------------------

    def file_stats(self) -> dict[str, FileStat]:
        return {path: FileStat(stat, checked, sha, fmt) for path, stat, checked, sha, fmt in
                self.conn.execute("SELECT path, stat, checked, sha256, format FROM file_stats")}

    def save_file_stats(self, stats: dict[str, FileStat]) -> None:
        with self.transaction() as conn:
            conn.executemany("INSERT OR REPLACE INTO file_stats VALUES (?, ?, ?, ?, ?)",
                             [(p, s.stat, s.checked, s.sha256, s.format) for p, s in stats.items()])

    def forget_file_stats(self, paths: Sequence[str]) -> None:
        """Drop the stats of files that are gone: a file back at that path is hashed afresh."""
        with self.transaction() as conn:
            conn.executemany("DELETE FROM file_stats WHERE path = ?", [(p,) for p in paths])

    def documents(self) -> dict[str, StoredDocument]:
        rows = self.conn.execute(
            "SELECT path, sha256, status, present, duplicate_of, extractor_version, patterns_version,"
            " path_bytes FROM documents")
        return {r[0]: StoredDocument(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6], r[7]) for r in rows}

    def state(self) -> str:
        """A digest of every document's row (not when it was last written): equal digests mean
        the same files with the same content, statuses and versions, so the same outputs."""
        h = hashlib.sha256(STORE_SCHEMA_VERSION.encode())
        for row in self.conn.execute(
                "SELECT id, path, sha256, size, format, status, error_code, error_detail,"
                " duplicate_of, present, extractor_version, patterns_version FROM documents ORDER BY id"):
            h.update(json.dumps(row, ensure_ascii=False).encode())
        return h.hexdigest()

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def records(self) -> Iterator[dict[str, Any]]:
        """Records of every present, successfully read document, ordered by path, decoded one
        at a time (a province's records are never all in memory)."""
        rows = self.conn.execute(
            "SELECT r.json FROM records r JOIN documents d ON d.id = r.document_id"
            " WHERE d.present = 1 AND d.status = 'ok' ORDER BY d.path")
        return (json.loads(r[0]) for r in rows)

    def record(self, doc_id: int) -> dict[str, Any]:
        """The stored record of one document."""
        row = self.conn.execute("SELECT json FROM records WHERE document_id = ?", (doc_id,)).fetchone()
        return dict(json.loads(row[0])) if row else {}

    # -- writing: each method is one transaction ---------------------------------------

    def _upsert_document(self, info: FileInfo, status: str, versions: tuple[str, str], *,
                         error_code: str | None = None, error_detail: str | None = None,
                         duplicate_of: str | None = None) -> int:
        row = self.conn.execute("SELECT id FROM documents WHERE path = ?", (info.path,)).fetchone()
        values = (info.raw, info.sha256, info.size, info.format, status, error_code, error_detail,
                  duplicate_of, versions[0], versions[1], _now())
        if row is None:
            cur = self.conn.execute(
                "INSERT INTO documents (path_bytes, sha256, size, format, status, error_code, error_detail,"
                " duplicate_of, extractor_version, patterns_version, read_at, path, present)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", (*values, info.path))
            return int(cur.lastrowid or 0)
        doc_id = int(row[0])
        for table in _CHILD_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
        self.conn.execute(
            "UPDATE documents SET path_bytes = ?, sha256 = ?, size = ?, format = ?, status = ?, error_code = ?,"
            " error_detail = ?, duplicate_of = ?, extractor_version = ?, patterns_version = ?,"
            " read_at = ?, present = 1 WHERE id = ?", (*values, doc_id))
        return doc_id

    def save_rows(self, info: FileInfo, rows: RecordRows, versions: tuple[str, str]) -> int:
        """A report read, from its rows made beforehand (`record_to_rows`, in the worker that
        read it: the main process only inserts them). Returns its document id."""
        with self.transaction() as conn:
            doc_id = self._upsert_document(info, "ok", versions)
            if rows.page is not None:
                conn.execute("INSERT INTO pages VALUES (?, ?, ?)", (doc_id, *rows.page))
            conn.execute("INSERT INTO records VALUES (?, ?)", (doc_id, rows.record_json))
            if rows.compared_json is not None:
                conn.execute("INSERT INTO compared VALUES (?, ?)", (doc_id, rows.compared_json))
            if rows.across_json is not None:
                conn.execute("INSERT INTO across_keys VALUES (?, ?)", (doc_id, rows.across_json))
            conn.execute("INSERT INTO identity VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (doc_id, *rows.identity))
            conn.executemany("INSERT OR IGNORE INTO criteria VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             [(doc_id, *r) for r in rows.criteria])
            conn.executemany(
                "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, *r) for r in rows.figures])
            conn.executemany(
                "INSERT INTO flags (document_id, scope, seq, rule, severity, message, message_en,"
                " evidence) VALUES (?, 'document', ?, ?, ?, ?, ?, ?)", [(doc_id, *r) for r in rows.flags])
            conn.executemany("INSERT INTO csv_rows VALUES (?, ?, ?)", [(doc_id, *r) for r in rows.csv])
        return doc_id

    def save_failure(self, info: FileInfo, code: str, detail: str, versions: tuple[str, str]) -> None:
        with self.transaction():
            self._upsert_document(info, "failed", versions, error_code=code, error_detail=detail)

    def save_skipped(self, info: FileInfo, code: str, detail: str, versions: tuple[str, str]) -> None:
        """A file not read on purpose: not a report format, or beyond a size limit."""
        with self.transaction():
            self._upsert_document(info, "skipped", versions, error_code=code, error_detail=detail)

    def save_duplicate(self, info: FileInfo, duplicate_of: str, versions: tuple[str, str]) -> None:
        with self.transaction():
            self._upsert_document(info, "duplicate", versions, duplicate_of=duplicate_of)

    def set_present(self, paths: Sequence[str], present: bool) -> None:
        with self.transaction() as conn:
            conn.executemany("UPDATE documents SET present = ? WHERE path = ?",
                             [(int(present), p) for p in paths])

    def replace_corpus_flags(self, flags: Sequence[dict[str, Any]], state: str | None = None) -> None:
        """Flags across reports, recomputed over the whole store. `state` (the `state()` they
        were computed for) is kept in meta `corpus_flags_state`, in the same transaction, so a
        run over an unchanged store can tell they are current."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM flags WHERE scope = 'corpus'")
            conn.execute("DELETE FROM corpus_districts")
            conn.execute("DELETE FROM corpus_groups")
            self._insert_corpus_flags(None, [(seq, row, None) for seq, row in enumerate(corpus_flag_rows(flags))])
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('corpus_flags_state', ?)", (state or "",))

    # -- flags across reports, kept per district --------------------------------------
    # Every check across reports compares reports of one district (checks.across), so the
    # flags of a district depend only on its reports: a run recomputes those of the districts
    # whose reports changed, and the result equals a recomputation over the whole store.

    def district_states(self) -> dict[str, str]:
        """District key -> a digest of its present, readable reports (path, content,
        versions); reports that name no district share the key ''."""
        digests: dict[str, Any] = {}
        for key, path, sha, ev, pv in self.conn.execute(
                "SELECT i.district_key, d.path, d.sha256, d.extractor_version, d.patterns_version"
                " FROM documents d JOIN identity i ON i.document_id = d.id"
                " WHERE d.present = 1 AND d.status = 'ok' ORDER BY i.district_key, d.path"):
            digests.setdefault(key or "", hashlib.sha256()).update(f"{path}|{sha}|{ev}|{pv}\n".encode())
        return {k: h.hexdigest() for k, h in digests.items()}

    def district_sizes(self) -> dict[str, int]:
        """District key -> how many present, readable reports it has (`district_states`' keys)."""
        return dict(self.conn.execute(
            "SELECT COALESCE(i.district_key, ''), count(*) FROM documents d JOIN identity i ON i.document_id = d.id"
            " WHERE d.present = 1 AND d.status = 'ok' GROUP BY COALESCE(i.district_key, '')").fetchall())

    def corpus_district_states(self) -> dict[str, str]:
        """District key -> the digest its stored flags across reports were computed for."""
        return dict(self.conn.execute("SELECT district, state FROM corpus_districts").fetchall())

    def district_records(self, key: str) -> Iterator[dict[str, Any]]:
        """Records of the present, readable reports of one district, ordered by path, decoded
        one at a time (a caller keeps what it needs of each: a province's largest district held
        whole took more memory than every table). Each is its compared part (`record_to_rows`)
        when that was stored, else the whole record (a report stored by an earlier build)."""
        rows = self.conn.execute(
            "SELECT COALESCE(c.json, r.json) FROM records r JOIN documents d ON d.id = r.document_id"
            " LEFT JOIN compared c ON c.document_id = d.id"
            " JOIN identity i ON i.document_id = d.id"
            " WHERE d.present = 1 AND d.status = 'ok' AND COALESCE(i.district_key, '') = ?"
            " ORDER BY d.path", (key,))
        return (json.loads(r[0]) for r in rows.fetchall())

    def district_reports(self, key: str) -> list[tuple[int, str, str, str | None]]:
        """The present, readable reports of one district by path: (document id, path, what
        names its content (path, sha256, versions, as `district_states`), its stored
        `across_key` JSON or None: stored by an earlier build)."""
        rows = self.conn.execute(
            "SELECT d.id, d.path, d.sha256, d.extractor_version, d.patterns_version, k.json"
            " FROM documents d JOIN identity i ON i.document_id = d.id"
            " LEFT JOIN across_keys k ON k.document_id = d.id"
            " WHERE d.present = 1 AND d.status = 'ok' AND COALESCE(i.district_key, '') = ?"
            " ORDER BY d.path", (key,))
        return [(doc_id, path, f"{path}|{sha}|{ev}|{pv}", keys) for doc_id, path, sha, ev, pv, keys in rows]

    def compared_parts(self, doc_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Document id -> its compared part (`district_records`: the whole record when none
        was stored), of these documents only."""
        found: dict[int, dict[str, Any]] = {}
        for ids, marks in id_chunks(doc_ids):
            found.update((doc_id, json.loads(text)) for doc_id, text in self.conn.execute(
                "SELECT r.document_id, COALESCE(c.json, r.json) FROM records r"
                f" LEFT JOIN compared c ON c.document_id = r.document_id WHERE r.document_id IN ({marks})", ids))
        return found

    def corpus_group_states(self, key: str) -> dict[str, str]:
        """Group (checks.across.key_groups) -> the digest of its members its stored flags were
        computed for, in one district."""
        return dict(self.conn.execute("SELECT grp, state FROM corpus_groups WHERE district = ?", (key,)).fetchall())

    def placed_district_flags(self, key: str) -> list[tuple[int, str]]:
        """(flag id, place) of the stored flags across one district's reports that have a place
        (checks.across: its group, rule, path and number as JSON): what a recomputation keeps
        by id (`replace_district_flags`), never decoded."""
        return self.conn.execute(
            "SELECT f.id, h.place FROM flags f JOIN corpus_flag_heads h ON h.flag_id = f.id"
            " WHERE f.scope = 'corpus' AND COALESCE(f.district, '') = ? AND h.place IS NOT NULL"
            " AND h.text IS NOT NULL", (key,)).fetchall()

    def replace_district_flags(self, key: str, flags: Sequence[CorpusFlagRow | int], state: str | None,
                               places: Sequence[str | None] | None = None, groups: dict[str, str] | None = None,
                               keys: Sequence[tuple[int, str]] = ()) -> None:
        """The flags across the reports of one district (`corpus_flag_rows`), computed for
        `state` (None: the district has no report left), with each flag's place (checks.across,
        `placed_district_flags`), the digest of each group's members they were computed for
        (`corpus_group_states`) and the `across_key`s (document id, JSON) made for reports
        stored without one. A flag given by its id (`placed_district_flags`) is kept as it is;
        a flag stored before with the same
        content keeps its row, id and cached renderings (`corpus_flag_parts`): a re-run renders
        again only the flags that changed, not every flag of the district. One whose number
        changed (a flag before it came or went: most of a changed district's) gets its new
        number and keeps only the renderings that do not show it (`NUMBERLESS_PARTS`).
        Renderings made by another version expire apart (`expire_flag_parts`)."""
        with self.transaction() as conn:
            seqs = dict(conn.execute("SELECT id, seq FROM flags WHERE scope = 'corpus' AND COALESCE(district, '') = ?",
                                     (key,)).fetchall())
            given = {flag for flag in flags if isinstance(flag, int)}
            if not given <= seqs.keys():
                raise ValueError(f"flags {sorted(given - seqs.keys())} are not district {key!r}'s")
            others = [i for i in seqs if i not in given]
            old: dict[Any, list[tuple[int, int]]] = {}
            for ids, marks in id_chunks(others):
                for flag_id, seq, *content, head in conn.execute(
                        "SELECT f.id, f.seq, f.rule, f.severity, f.message, f.message_en, f.evidence, h.flag_id"
                        " FROM flags f LEFT JOIN corpus_flag_heads h ON h.flag_id = f.id"
                        f" WHERE f.id IN ({marks})", ids):
                    # a flag without a head (an earlier build's) matches nothing: it goes
                    old.setdefault(tuple(content) if head else flag_id, []).append((flag_id, seq))
            fresh, moved, texts = [], [], []
            places = places if places is not None else [None] * len(flags)
            for seq, (flag, place) in enumerate(zip(flags, places, strict=True)):
                if isinstance(flag, int):
                    if seqs[flag] != seq:  # its place is the one stored: its group did not change
                        moved.append((seq, flag))
                    continue
                same = old.get(tuple(flag[0]))
                if not same:
                    fresh.append((seq, flag, place))
                    continue
                kept = next((s for s in same if s[1] == seq), same[0])  # the same number first
                same.remove(kept)
                if kept[1] != seq:
                    moved.append((seq, kept[0]))
                texts.append((flag[3], place, kept[0]))
            conn.executemany("DELETE FROM flags WHERE id = ?", [(i,) for ids in old.values() for i, _ in ids])
            conn.executemany("UPDATE flags SET seq = ? WHERE id = ?", moved)
            conn.executemany(f"DELETE FROM corpus_flag_parts WHERE flag_id = ? AND name NOT IN"
                             f" ({', '.join('?' * len(NUMBERLESS_PARTS))})",
                             [(flag_id, *NUMBERLESS_PARTS) for _, flag_id in moved])
            # a head kept from a store made before `text` was added gets it; its place is this one
            conn.executemany("UPDATE corpus_flag_heads SET text = COALESCE(text, ?), place = ? WHERE flag_id = ?",
                             texts)
            self._insert_corpus_flags(key, fresh)
            conn.execute("DELETE FROM corpus_groups WHERE district = ?", (key,))
            conn.executemany("INSERT INTO corpus_groups VALUES (?, ?, ?)",
                             [(key, grp, digest) for grp, digest in (groups or {}).items()])
            conn.executemany("INSERT OR REPLACE INTO across_keys VALUES (?, ?)", keys)
            if state is None:
                conn.execute("DELETE FROM corpus_districts WHERE district = ?", (key,))
            else:
                conn.execute("INSERT OR REPLACE INTO corpus_districts VALUES (?, ?)", (key, state))

    def _insert_corpus_flags(self, district: str | None,
                             flags: Sequence[tuple[int, CorpusFlagRow, str | None]]) -> None:
        """Flags across reports (their number and `corpus_flag_rows` row) with their heads
        (`corpus_flag_heads`: the digest naming each and what its evidence items name), so the
        tables and pages attribute and link a flag without decoding its evidence (every figure
        that differs between two reports)."""
        for seq, (values, digest, items, text), place in flags:
            cur = self.conn.execute(
                "INSERT INTO flags (document_id, scope, district, seq, rule, severity, message, message_en,"
                " evidence) VALUES (NULL, 'corpus', ?, ?, ?, ?, ?, ?, ?)", (district, seq, *values))
            self.conn.execute("INSERT INTO corpus_flag_heads (flag_id, digest, items, text, place)"
                              " VALUES (?, ?, ?, ?, ?)", (cur.lastrowid, digest, items, text, place))

    def page_head(self, doc_id: int, lang: str) -> str | None:
        """The head of a report's review page in `lang`, when the worker that read it made one."""
        row = self.conn.execute("SELECT html FROM pages WHERE document_id = ? AND lang = ?",
                                (doc_id, lang)).fetchone()
        return None if row is None else zlib.decompress(row[0]).decode("utf-8")

    # -- rows of the long output tables, kept per document ------------------------------

    def csv_rows(self, doc_id: int, name: str) -> list[str] | None:
        """The cached CSV lines of one document in table `name` (None: not cached)."""
        data = self._csv_data(doc_id, name)
        if data is None:
            return None
        text = data.decode("utf-8")
        return list(json.loads(text)) if text.startswith("[") else text.split(_LINE_MARK)[1:]

    def csv_block(self, doc_id: int, name: str, prefix: str) -> bytes | None:
        """The cached CSV lines of one document in table `name`, each after `prefix` (its
        leading columns), as one UTF-8 text: made without a Python step per line and without
        decoding it (None: not cached)."""
        data = self._csv_data(doc_id, name)
        if data is None or data.startswith(b"["):
            lines = None if data is None else json.loads(data)
            return None if lines is None else "".join(prefix + line for line in lines).encode("utf-8")
        return data.replace(_LINE_MARK.encode(), prefix.encode("utf-8"))  # UTF-8 has no 0 byte but NUL's

    def _csv_data(self, doc_id: int, name: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM csv_rows WHERE document_id = ? AND name = ?",
                                (doc_id, name)).fetchone()
        return None if row is None else zlib.decompress(row[0])

    def save_csv_rows(self, items: Sequence[tuple[int, str, Sequence[str]]]) -> None:
        """Cache (document id, table name, CSV lines) in one transaction: each line after a NUL
        (which no line holds: a report's text with one is kept as a JSON list instead)."""
        with self.transaction() as conn:
            conn.executemany("DELETE FROM csv_spans WHERE document_id = ? AND name = ?",
                             [(doc_id, name) for doc_id, name, _ in items])
            conn.executemany("INSERT OR REPLACE INTO csv_rows VALUES (?, ?, ?)",
                             [(doc_id, name, csv_blob(lines)) for doc_id, name, lines in items])

    def flag_part(self, flag_id: int, name: str) -> str | None:
        """A cached rendering of one flag across reports (`name`: its row of flags.csv, its box
        in the overview in a language), or None."""
        return self.flag_parts([flag_id], name).get(flag_id)

    def flag_parts(self, flag_ids: Sequence[int], name: str) -> dict[int, str]:
        """The cached renderings `name` of these flags across reports (`flag_part`), by flag id,
        in one query (those not cached are missing)."""
        found: dict[int, str] = {}
        for ids, marks in id_chunks(flag_ids):
            found.update((flag_id, zlib.decompress(data).decode("utf-8")) for flag_id, data in self.conn.execute(
                f"SELECT flag_id, data FROM corpus_flag_parts WHERE name = ? AND flag_id IN ({marks})", (name, *ids)))
        return found

    def save_flag_parts(self, items: Sequence[tuple[int, str, str]]) -> None:
        """Cache (flag id, name, text) renderings of flags across reports in one transaction;
        they go with their flag when its district is recomputed. The spans written from a
        rendering cached again go (`flag_part_spans`: those of that file only)."""
        with self.transaction() as conn:
            conn.executemany("DELETE FROM csv_spans WHERE flag_id = ? AND name = ?",
                             [(flag_id, flag_part_spans(name)) for flag_id, name, _ in items])
            conn.executemany("INSERT OR REPLACE INTO corpus_flag_parts VALUES (?, ?, ?)",
                             [(flag_id, name, zlib.compress(text.encode("utf-8"), 1))
                              for flag_id, name, text in items])

    def expire_flag_parts(self, versions: tuple[str, str], *, everything: bool = False) -> None:
        """Drop the cached renderings of flags across reports (`save_flag_parts`) unless they were
        made by this extractor and patterns version (every one with `everything`: a forced run
        renders each again). A flag kept unchanged by `replace_district_flags` keeps its
        renderings, but another version of the program may render it otherwise."""
        made_by = "\n".join(versions)
        with self.transaction() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'flag_parts_versions'").fetchone()
            if everything or row is None or row[0] != made_by:
                conn.execute("DELETE FROM corpus_flag_parts")
                conn.execute("DELETE FROM csv_spans WHERE flag_id IS NOT NULL")
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('flag_parts_versions', ?)", (made_by,))

    # -- where each report's lines lie in the CSV files last written --------------------
    # A long CSV (figures, flags) rewritten after a few reports changed copies the others'
    # bytes from the file written before (outputs.export): each report's lines (and each flag
    # across reports' line) are one span of it, kept with the leading columns they were written
    # after. A span goes with what it was written from: a report read again, its cached lines
    # saved again, a flag recomputed or its cached line dropped or saved again.

    def csv_spans(self, name: str, stamp: str) -> dict[tuple[int | None, int | None], tuple[int, int, str]]:
        """(document id, flag id) -> (start, length, leading columns) of the lines of table `name`
        in its file, when `stamp` (the file's size and modification time now) is the one it was
        written with (`save_csv_spans`); else nothing (the file was edited, or never written)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (f"csv_file_{name}",)).fetchone()
        if row is None or row[0] != stamp:
            return {}
        return {(doc_id, flag_id): (start, length, lead) for doc_id, flag_id, start, length, lead in self.conn.execute(
            "SELECT document_id, flag_id, start, length, lead FROM csv_spans WHERE name = ?", (name,))}

    def save_csv_spans(self, name: str, stamp: str,
                       spans: Sequence[tuple[int | None, int | None, int, int, str]]) -> None:
        """Where the lines of table `name` lie in the file just written (its `stamp`): (document
        id, flag id, start, length, leading columns) each; those kept before are dropped."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM csv_spans WHERE name = ?", (name,))
            conn.executemany("INSERT INTO csv_spans VALUES (?, ?, ?, ?, ?, ?)", [(name, *s) for s in spans])
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"csv_file_{name}", stamp))

    # -- report.xlsx's rows as written by the run before ---------------------------------
    # Each data row of the workbook's long sheets, kept by a digest of what it was rendered
    # from (outputs.workbook_rows): a re-run writes the rows of unchanged reports and flags as
    # they were. Nothing here ties a row to a report: a row no longer written goes (`stale`).

    def workbook_rows(self, sheet: str) -> dict[bytes, str]:
        """digest -> the row's text, of one sheet (none from a store without the table: read
        by a connection of its own before any writer of this build opened it)."""
        try:
            return dict(self.conn.execute("SELECT digest, data FROM workbook_rows WHERE sheet = ?", (sheet,)))
        except sqlite3.OperationalError:
            return {}

    def save_workbook_rows(self, stale: Sequence[tuple[str, bytes]], rendered: str | None) -> None:
        """Drop the rows (sheet, digest) no longer written and keep those rendered, from the
        SQLite file `rendered` (its table `rendered`: sheet, digest, data; copied by SQLite,
        never held here), in one transaction."""
        if rendered is not None:
            self.conn.execute("ATTACH DATABASE ? AS rendered_rows", (str(rendered),))
        try:
            with self.transaction() as conn:
                conn.executemany("DELETE FROM workbook_rows WHERE sheet = ? AND digest = ?", stale)
                if rendered is not None:
                    conn.execute("INSERT OR REPLACE INTO workbook_rows (sheet, digest, data)"
                                 " SELECT sheet, digest, data FROM rendered_rows.rendered")
        finally:
            if rendered is not None:
                self.conn.execute("DETACH DATABASE rendered_rows")

    def clear_workbook_rows(self) -> None:
        """Drop every row kept (a forced run renders each again)."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM workbook_rows")

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


_IN_LIMIT = 500  # values bound in one `IN (...)`: far below SQLite's limit on variables


def id_chunks(ids: Sequence[int]) -> Iterator[tuple[list[int], str]]:
    """The ids `_IN_LIMIT` at a time, each chunk with its placeholders for an `IN (...)`."""
    for start in range(0, len(ids), _IN_LIMIT):
        chunk = list(ids[start:start + _IN_LIMIT])
        yield chunk, ", ".join("?" * len(chunk))


def district_key(name: str | None) -> str:
    """The key reports of one district share (identity.place_key; '' for none)."""
    return place_key(name) or ""


# A flag across reports as stored: its column values (rule, severity, message, message_en,
# evidence JSON), its digest, its evidence items and its evidence's text (`corpus_flag_heads`).
CorpusFlagRow = tuple[tuple[Any, ...], str, str, str]


def corpus_flag_rows(flags: Sequence[dict[str, Any]]) -> list[CorpusFlagRow]:
    """Flags across reports as the store keeps them (made where they are computed: the text of
    the evidence is made there, so the workbook never decodes it; from the JSON stored unless
    every item is a dict whose text is text, which JSON gives back as it was)."""
    rows = []
    for flag in flags:
        values = _flag_values(flag)
        evidence = flag.get("evidence") or []
        if not all(isinstance(i, dict) and isinstance(i.get("text"), (str, type(None))) for i in evidence):
            evidence = json.loads(values[4])
        rows.append((values, flag_digest(values[0], values[2], values[4]), evidence_items(flag.get("evidence") or []),
                     evidence_text(evidence)))
    return rows


def evidence_text(evidence: Sequence[Any]) -> str:
    """A flag's evidence as one text: each item's text (an item that is no dict as it is), joined
    by " | " (the `evidence` column of the flags table)."""
    return " | ".join(str(i.get("text") or "") if isinstance(i, dict) else str(i) for i in evidence)


def flag_digest(rule: object, message: object, evidence_json: object) -> str:
    """What names a flag across reports (its review anchor, outputs.links.across_anchor): a
    digest of what it says, so a page keeps its anchors when another district's flags change."""
    return hashlib.sha1(f"{rule}\n{message}\n{evidence_json}".encode()).hexdigest()[:12]


def evidence_items(evidence: Sequence[Any]) -> str:
    """What the evidence items of a flag across reports name, as JSON: [source, commune_key,
    commune] per item (an item that is no dict names nothing), each once in the order first
    named (a flag between two reports names them in each of ~100 items)."""
    items = [e if isinstance(e, dict) else {} for e in evidence]
    named = dict.fromkeys((str(e.get("source") or ""), str(e.get("commune_key") or ""), str(e.get("commune") or ""))
                          for e in items)
    return json.dumps([list(n) for n in named], ensure_ascii=False)


def _criteria_rows(crit: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    evidence: dict[tuple[int, str], dict[str, Any]] = {}
    for ev in crit.get("evidence") or []:
        evidence.setdefault((ev.get("number"), ev.get("status")), ev)
    for status in ("met", "unmet", "basically_met"):
        for number in crit.get(status) or []:
            ev = evidence.get((number, status))
            yield (int(number), status, ev.get("text") if ev else None, *_location(ev))


def _flag_values(flag: dict[str, Any]) -> tuple[Any, ...]:
    return (str(flag.get("rule") or ""), str(flag.get("severity") or "info"), flag.get("message"),
            flag.get("message_en"),
            json.dumps(flag.get("evidence") or [], ensure_ascii=False, sort_keys=True))
