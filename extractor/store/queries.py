"""Read-only queries of the store: what the consolidated tables and an ingest run's summary
are made from. Rows come back as tuples in the order each docstring names; JSON columns
(`section`, `evidence`) as stored."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from extractor.store.db import Store, evidence_items, flag_digest, id_chunks

# The fields of `present_reports`, keyed as the consolidated tables name them.
REPORT_FIELDS = ("doc_id", "file", "sha256", "format", "commune", "district", "province",
                 "document_number", "report_date", "period", "document_kind", "criteria_set",
                 "met_count_claimed", "unmet_count_claimed")


def present_reports(store: Store) -> list[dict[str, Any]]:
    """The present, readable reports with their identity, ordered by path."""
    return [dict(zip(REPORT_FIELDS, r, strict=True)) for r in store.conn.execute(
        "SELECT d.id, d.path, d.sha256, d.format, i.commune, i.district, i.province,"
        " i.document_number, i.report_date, i.period, i.document_kind, i.criteria_set,"
        " i.met_count_claimed, i.unmet_count_claimed"
        " FROM documents d JOIN identity i ON i.document_id = d.id"
        " WHERE d.present = 1 AND d.status = 'ok' ORDER BY d.path")]


def present_report_files(store: Store) -> list[tuple[int, str, str | None]]:
    """(document id, path, sha256) of every present, readable report file, by path."""
    return store.conn.execute("SELECT id, path, sha256 FROM documents"
                              " WHERE present = 1 AND status = 'ok' ORDER BY path").fetchall()


def report_versions(store: Store) -> dict[int, str]:
    """The extractor and pattern versions that read each present, readable report, by id."""
    return dict(store.conn.execute(
        "SELECT id, extractor_version || ':' || patterns_version FROM documents"
        " WHERE present = 1 AND status = 'ok'"))


def report_states(store: Store) -> dict[int, str]:
    """What each present, readable report's stored rows were made from, by id: its content,
    the versions that read it and when it was stored (a report stored again has another)."""
    return {doc_id: state for doc_id, state in store.conn.execute(
        "SELECT id, sha256 || ' ' || extractor_version || ' ' || patterns_version || ' ' || read_at"
        " FROM documents WHERE present = 1 AND status = 'ok'") if state is not None}


def copy_groups(store: Store) -> dict[str, tuple[str, str]]:
    """The cached groups of files into reports, by commune key: (state, JSON of id lists)."""
    return {key: (state, groups) for key, state, groups in
            store.conn.execute("SELECT commune_key, state, groups FROM copy_groups")}


def criteria_statuses(store: Store) -> Iterator[tuple[int, int, str]]:
    """(document_id, criterion number, status code) of every stored criterion, streamed."""
    return store.conn.execute("SELECT document_id, number, status FROM criteria")


def document_flag_severities(store: Store) -> Iterator[tuple[int, str]]:
    """(document_id, severity) of every report's own flag, streamed."""
    return store.conn.execute("SELECT document_id, severity FROM flags WHERE scope = 'document'")


def figure_counts(store: Store) -> dict[int, int]:
    """Figures per document id."""
    return dict(store.conn.execute("SELECT document_id, COUNT(*) FROM figures GROUP BY document_id"))


def _of_documents(store: Store, query: str, doc_ids: Sequence[int]) -> Iterator[Any]:
    """The rows of `query` (whose `{ids}` is replaced by the ids' placeholders) for the given
    documents, asked a chunk of ids at a time (SQLite's limit on bound parameters), streamed."""
    for chunk, marks in id_chunks(doc_ids):
        yield from store.conn.execute(query.format(ids=marks), chunk)


def figure_values(store: Store, doc_ids: Sequence[int]) -> Iterator[tuple[int, str | None, float | None]]:
    """(document_id, unit, value) of every figure of the given documents: what tells two files
    of one report apart from two reports."""
    return _of_documents(store, "SELECT document_id, unit, value FROM figures WHERE document_id IN ({ids})",
                         doc_ids)


def result_indicator_figures(store: Store, doc_ids: Sequence[int]
                             ) -> Iterator[tuple[int, str, float | None, str | None]]:
    """(document_id, indicator, value, unit) of every result (not a target, plan, baseline or
    excess) of a known indicator in the given documents, each document's in order, streamed."""
    return _of_documents(
        store, "SELECT document_id, indicator, value, unit FROM figures WHERE document_id IN ({ids})"
        " AND indicator IS NOT NULL AND COALESCE(status, 'result') = 'result' ORDER BY document_id, seq",
        doc_ids)


FIGURE_FIELDS = ("seq", "value", "unit", "total", "upper", "noun", "qualifier", "status", "label",
                 "indicator", "per", "section", "component", "rule", "text", "block", "page", "start",
                 "end")


def document_figures(store: Store, doc_id: int) -> Iterator[tuple[Any, ...]]:
    """The figures of one document in order, as FIGURE_FIELDS (section as stored JSON), streamed."""
    return store.conn.execute(
        "SELECT seq, value, unit, total, upper, noun, qualifier, status, label, indicator, per,"
        " section, component, rule, text, block, page, start, \"end\" FROM figures"
        " WHERE document_id = ? ORDER BY seq", (doc_id,))


def document_flags(store: Store, doc_id: int) -> Iterator[tuple[Any, ...]]:
    """A report's own flags in order: (seq, rule, severity, message, message_en, evidence)."""
    return store.conn.execute(
        "SELECT seq, rule, severity, message, message_en, evidence FROM flags"
        " WHERE document_id = ? AND scope = 'document' ORDER BY seq", (doc_id,))


def documents_flags(store: Store, doc_ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    """The own flags of the given reports, each report's in order: (document_id, seq, rule,
    severity, message, message_en, evidence), streamed (`document_flags` of many reports,
    a chunk of them a query)."""
    return _of_documents(store, "SELECT document_id, seq, rule, severity, message, message_en, evidence"
                         " FROM flags WHERE document_id IN ({ids}) AND scope = 'document'"
                         " ORDER BY document_id, seq", doc_ids)


def corpus_flags(store: Store) -> Iterator[tuple[Any, ...]]:
    """Flags across reports without their evidence: (id, seq, rule, severity, message,
    message_en, digest, items), by district, streamed; `digest` and `items` are the flag's
    head (db.flag_digest, db.evidence_items), made from its evidence for a flag stored
    without one."""
    rows = store.conn.execute(
        "SELECT f.id, f.seq, f.rule, f.severity, f.message, f.message_en, h.digest, h.items,"
        " CASE WHEN h.flag_id IS NULL THEN f.evidence END"
        " FROM flags f LEFT JOIN corpus_flag_heads h ON h.flag_id = f.id"
        " WHERE f.scope = 'corpus' ORDER BY f.district, f.seq")
    for *head, digest, items, evidence in rows:
        if digest is None:
            decoded = json.loads(evidence) if evidence else []
            digest = flag_digest(head[2], head[4], evidence or "")
            items = evidence_items(decoded if isinstance(decoded, list) else [])
        yield (*head, digest, items)


def flag_evidence(store: Store, flag_id: int) -> str:
    """The evidence (stored JSON) of one flag."""
    row = store.conn.execute("SELECT evidence FROM flags WHERE id = ?", (flag_id,)).fetchone()
    return str(row[0]) if row and row[0] is not None else ""


def flag_evidence_text(store: Store, flag_id: int) -> str | None:
    """The text of a flag across reports' evidence (db.evidence_text), when its head keeps it."""
    try:
        row = store.conn.execute("SELECT text FROM corpus_flag_heads WHERE flag_id = ?", (flag_id,)).fetchone()
    except sqlite3.OperationalError:  # read-only, from a store no writer of this build has opened yet
        return None
    return None if row is None or row[0] is None else str(row[0])


def unread_documents(store: Store) -> list[tuple[Any, ...]]:
    """Present files not read as reports, failed or duplicate, by path: (path, status,
    error_code, error_detail, duplicate_of, sha256, format)."""
    return store.conn.execute(
        "SELECT path, status, error_code, error_detail, duplicate_of, sha256, format"
        " FROM documents WHERE present = 1 AND status != 'ok' ORDER BY path").fetchall()


def failed_documents(store: Store) -> list[tuple[str, str | None, str | None]]:
    """(path, error_code, error_detail) of every failed document, by path."""
    return store.conn.execute("SELECT path, error_code, error_detail FROM documents"
                              " WHERE status = 'failed' ORDER BY path").fetchall()
