"""Read-only queries of the store: what the consolidated tables and an ingest run's summary
are made from. Rows come back as tuples in the order each docstring names; JSON columns
(`section`, `evidence`) as stored."""
from __future__ import annotations

from collections import Counter
from typing import Any

from extractor.store.db import Store

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


def criteria_statuses(store: Store) -> list[tuple[int, int, str]]:
    """(document_id, criterion number, status code) of every stored criterion."""
    return store.conn.execute("SELECT document_id, number, status FROM criteria").fetchall()


def document_flag_severities(store: Store) -> list[tuple[int, str]]:
    """(document_id, severity) of every report's own flag."""
    return store.conn.execute("SELECT document_id, severity FROM flags WHERE scope = 'document'").fetchall()


def figure_counts(store: Store) -> Counter[int]:
    """Figures per document id."""
    return Counter(r[0] for r in store.conn.execute("SELECT document_id FROM figures"))


def indicator_figures(store: Store) -> list[tuple[int, str, float | None, str | None]]:
    """(document_id, indicator, value, unit) of every figure of a known indicator, in
    document order."""
    return store.conn.execute(
        "SELECT document_id, indicator, value, unit FROM figures"
        " WHERE indicator IS NOT NULL ORDER BY document_id, seq").fetchall()


def figure_rows(store: Store) -> list[tuple[Any, ...]]:
    """Every figure, in document order: (document_id, seq, value, unit, total, noun, qualifier,
    label, indicator, per, section, component, rule, text, block, page, start, end)."""
    return store.conn.execute(
        "SELECT document_id, seq, value, unit, total, noun, qualifier, label, indicator, per,"
        " section, component, rule, text, block, page, start, \"end\" FROM figures"
        " ORDER BY document_id, seq").fetchall()


def flag_rows(store: Store) -> list[tuple[Any, ...]]:
    """Every flag, the reports' own first: (document_id, scope, seq, rule, severity, message,
    message_en, evidence)."""
    return store.conn.execute(
        "SELECT document_id, scope, seq, rule, severity, message, message_en, evidence"
        " FROM flags ORDER BY scope DESC, document_id, district, seq").fetchall()


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


def live_flag_severities(store: Store) -> Counter[str]:
    """Flags by severity, across reports and of the present, readable reports."""
    return Counter(severity for (severity,) in store.conn.execute(
        "SELECT f.severity FROM flags f LEFT JOIN documents d ON d.id = f.document_id"
        " WHERE f.scope = 'corpus' OR (d.present = 1 AND d.status = 'ok')"))
