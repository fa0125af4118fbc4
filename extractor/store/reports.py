"""The store's present, readable documents as reports: one report counted once.

The same report often arrives as several files (a .docx and the .pdf exported from it, a copy
re-sent with a figure corrected). `store_to_reports` keys every document with its commune
(checks.across.commune_keys, the one key function of the tables and the flags across reports),
groups the files of one report (checks.across.report_copies) and keeps one copy of each: the
one with the most figures (a scan may lose some), then the first path. Every table is written
from the kept copies, so a report is one row of communes.csv and its flags are counted once;
the row lists all its files. Flags across reports count towards the reports their evidence
comes from.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from extractor.checks.across import commune_keys, report_copies
from extractor.store import queries
from extractor.store.db import Store

CRITERIA_STATUSES = ("met", "unmet", "basically_met")


@dataclass
class CorpusFlag:
    """A flag across reports with the reports (kept copies' document ids) it counts towards.
    Its evidence stays in the store (`flag_id`: queries.flag_evidence): a flag between two
    copies of a report holds every figure that differs, and a province's took more memory than
    the rest of the tables; `sources` and `communes` are what the tables need of it."""

    flag_id: int
    seq: int
    rule: str
    severity: str
    message: str | None
    message_en: str | None
    sources: tuple[str, ...]  # the files its evidence comes from, in order
    communes: str | None  # the communes its evidence names, joined with "; "
    digest: str  # what names it (db.flag_digest: its review anchor)
    doc_ids: list[int] = field(default_factory=list)


@dataclass
class Reports:
    """The reports of the store and what several tables need to know about them."""

    docs: list[dict[str, Any]]  # the kept copy of each report, by path, with commune_key and files
    kept: dict[int, dict[str, Any]]  # document id of any copy -> its report's kept copy
    status: dict[int, dict[str, tuple[int, ...]]]  # criterion numbers by status, per kept copy
    latest: dict[str, dict[str, Any]]  # each commune's latest report (date, then path)
    counts: Counter[str]  # reports per commune key
    figure_counts: dict[int, int]
    corpus_flags: list[CorpusFlag]

    def ordered(self) -> list[dict[str, Any]]:
        """The reports in the order of the long tables: commune key, then file."""
        return sorted(self.docs, key=lambda d: (d["commune_key"], d["file"]))


def _light_record(doc: dict[str, Any], figures: list[dict[str, Any]]) -> dict[str, Any]:
    """What `same_report` compares, from the store's rows (no record JSON is decoded)."""
    return {"source": {"path": doc["file"], "sha256": doc["sha256"]}, "commune": doc["commune"],
            "district": doc["district"], "province": doc["province"], "period": doc["period"],
            "report_date": doc["report_date"], "document_number": doc["document_number"],
            "figures": figures, "doc": doc}


def _group_copies(store: Store, docs: list[dict[str, Any]], counts: dict[int, int]) -> list[list[dict[str, Any]]]:
    """The documents grouped into reports; only communes with several documents need their
    figures compared, and only those whose files changed since they were last grouped (the
    groups are cached in the store per commune key, with a digest of its files)."""
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        by_key[d["commune_key"]].append(d)
    groups: list[list[dict[str, Any]]] = []
    cached = queries.copy_groups(store)
    doc_versions = queries.report_versions(store)
    fresh: list[tuple[str, str, str]] = []
    for key, ds in by_key.items():
        if len(ds) == 1 or key.startswith("?"):
            groups.extend([d] for d in ds)
            continue
        state = _copies_state(key, ds, doc_versions)
        by_id = {d["doc_id"]: d for d in ds}
        known = cached.get(key)
        if known is not None and known[0] == state:
            groups.extend([by_id[i] for i in ids] for ids in json.loads(known[1]))
            continue
        # one commune's figures at a time: a province's would all be in memory at once
        figures: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for doc_id, unit, value in queries.figure_values(store, [d["doc_id"] for d in ds]):
            figures[doc_id].append({"unit": unit, "value": value})
        recs = [_light_record(d, figures[d["doc_id"]]) for d in ds]
        found = [[r["doc"] for r in g] for g in report_copies(recs, [key] * len(recs))]
        groups.extend(found)
        fresh.append((key, state, json.dumps([[d["doc_id"] for d in g] for g in found])))
    if fresh or set(cached) - set(by_key):
        _save_copy_groups(store, fresh, set(by_key))
    for g in groups:
        g.sort(key=lambda d: (-counts.get(d["doc_id"], 0), d["file"]))
    return groups


def _copies_state(key: str, docs: list[dict[str, Any]], doc_versions: dict[int, str]) -> str:
    """A digest of what decides how a commune's files group: each file's id, path, content,
    the versions that read it (the figures compared come from those) and its identity."""
    h = hashlib.sha256(key.encode())
    for d in docs:
        h.update(json.dumps([doc_versions.get(d["doc_id"]), *d.values()], ensure_ascii=False,
                            default=str).encode())
    return h.hexdigest()


def _save_copy_groups(store: Store, fresh: list[tuple[str, str, str]], keys: set[str]) -> None:
    """Store the communes grouped now and drop those with no file left. A read-only
    connection keeps no cache: the groups are made again next time."""
    try:
        with store.transaction() as conn:
            conn.executemany("INSERT OR REPLACE INTO copy_groups VALUES (?, ?, ?)", fresh)
            gone = [(k,) for (k,) in conn.execute("SELECT commune_key FROM copy_groups") if k not in keys]
            conn.executemany("DELETE FROM copy_groups WHERE commune_key = ?", gone)
    except sqlite3.OperationalError:  # a read-only store (another process's reader)
        pass


def _attribute(store: Store, kept: dict[int, dict[str, Any]], docs: list[dict[str, Any]]) -> list[CorpusFlag]:
    """Flags across reports, each with the reports its evidence comes from (by file; by commune
    key, to the commune's reports, when an evidence names no stored file)."""
    by_file = {d["file"]: kept[d["doc_id"]]["doc_id"] for d in docs}
    by_key: dict[str, list[int]] = defaultdict(list)
    for d in docs:
        if kept[d["doc_id"]] is d:
            by_key[d["commune_key"]].append(d["doc_id"])
    flags = []
    for flag_id, seq, rule, severity, message, message_en, digest, items_json in queries.corpus_flags(store):
        ids: list[int] = []
        items = json.loads(items_json)  # [source, commune_key, commune] per evidence item
        for source, key, _ in items:
            found = by_file.get(source)
            ids.extend([found] if found is not None else by_key.get(key, []))
        sources = tuple(dict.fromkeys(s for s, _, _ in items if s))
        communes = "; ".join(dict.fromkeys(c for _, _, c in items if c)) or None
        flags.append(CorpusFlag(flag_id, seq, rule, severity, message, message_en, sources, communes,
                                digest, list(dict.fromkeys(ids))))
    return flags


@dataclass
class ReportsOfRows:
    """`Reports` but its flags across reports (`reports.corpus_flags` left empty), and every
    present document (`docs`, copies too): what depends only on the reports' own rows, so a
    run makes it while the flags across reports are still being computed."""

    reports: Reports
    docs: list[dict[str, Any]]


def reports_of_rows(store: Store) -> ReportsOfRows:
    """The part of `store_to_reports` made from the reports' own rows (`ReportsOfRows`)."""
    docs = queries.present_reports(store)
    for doc, key in zip(docs, commune_keys(docs), strict=True):
        doc["commune_key"] = key
    counts = queries.figure_counts(store)
    kept: dict[int, dict[str, Any]] = {}
    reports = []
    for group in _group_copies(store, docs, counts):
        first = group[0]
        first["files"] = "; ".join(sorted(d["file"] for d in group))
        reports.append(first)
        for d in group:
            kept[d["doc_id"]] = first
    reports.sort(key=lambda d: d["file"])
    numbers: dict[int, dict[str, set[int]]] = {d["doc_id"]: {s: set() for s in CRITERIA_STATUSES} for d in reports}
    for doc_id, number, st in queries.criteria_statuses(store):
        if doc_id in numbers and st in numbers[doc_id]:
            numbers[doc_id][st].add(number)
    status = {d: {s: tuple(sorted(n)) for s, n in by.items()} for d, by in numbers.items()}
    latest: dict[str, dict[str, Any]] = {}
    for d in sorted(reports, key=lambda r: (r["report_date"] or "", r["file"])):
        latest[d["commune_key"]] = d
    return ReportsOfRows(Reports(reports, kept, status, latest, Counter(d["commune_key"] for d in reports),
                                 counts, []), docs)


def store_to_reports(store: Store, of_rows: ReportsOfRows | None = None) -> Reports:
    """The store's reports, with their flags across reports. `of_rows`: `reports_of_rows`
    made before those flags were stored, the reports' rows unchanged since."""
    made = reports_of_rows(store) if of_rows is None else of_rows
    return replace(made.reports, corpus_flags=_attribute(store, made.reports.kept, made.docs))


def flag_severities(store: Store) -> Counter[str]:
    """Flags by severity as the tables count them: each report's own flags once (of its kept
    copy), and those across reports."""
    reports = store_to_reports(store)
    kept = {d["doc_id"] for d in reports.docs}
    counts: Counter[str] = Counter(f.severity for f in reports.corpus_flags)
    counts.update(severity for doc_id, severity in queries.document_flag_severities(store) if doc_id in kept)
    return counts
