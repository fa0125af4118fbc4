"""Consolidation: the store's documents turned into the district's tables, as DataFrames.

`store_to_tables` returns communes (one row per report), criteria and indicators (one row per
commune, from its latest report), figures (long), flags, errors and a summary. Column names
and order come from schemas/tables.schema.json. Cells hold data codes (a criterion's status
`met`/`unmet`, a file's error code), never words: outputs.export localises. The same commune
lands on the same row across reports and runs through `identity.place_key`: NFC, one tone
placement, casefold, the administrative prefixes (patterns/identity.yaml `place_key.prefixes`)
stripped.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from extractor.core.data import load_pattern, load_schema
from extractor.extract.criteria_sets import DEFAULT_LEVEL, criteria_sets
from extractor.extract.identity import place_key, strip_place_prefix
from extractor.extract.indicators import indicator_by_key
from extractor.store import queries
from extractor.store.db import Store


@lru_cache(maxsize=1)
def criteria_numbers() -> tuple[int, ...]:
    """The criteria columns (tc01...): every number of the commune criteria sets in
    schemas/criteria/, so a set with more criteria widens the table without a code change."""
    return tuple(sorted({c.number for s in criteria_sets() if s.level == DEFAULT_LEVEL for c in s.criteria}))


@lru_cache(maxsize=1)
def unit_factors() -> dict[tuple[str, str], float]:
    """(from, to) -> factor, both ways, from patterns/units.yaml `conversions`."""
    factors: dict[tuple[str, str], float] = {}
    for c in load_pattern("units")["conversions"]:
        factors[(c["from"], c["to"])] = float(c["factor"])
        factors[(c["to"], c["from"])] = 1.0 / float(c["factor"])
    return factors


@lru_cache(maxsize=1)
def tables_schema() -> dict[str, Any]:
    return load_schema("tables.schema.json")


def table_columns(table: str) -> list[str]:
    """Fixed columns of a table, in order (criteria and indicators add their own after)."""
    return list(tables_schema()["properties"][table]["x-columns"])


def integer_columns() -> set[str]:
    return set(tables_schema()["x-integer-columns"])


# -- identity keys -------------------------------------------------------------------------

def _commune_keys(rows: list[dict[str, Any]]) -> list[str]:
    """One key per report. A report that leaves out its district or province joins the one
    commune of that name whose known parts agree, when there is exactly one."""
    parts = [(place_key(r.get("commune")), place_key(r.get("district")),
              place_key(r.get("province"))) for r in rows]
    full = {p for p in parts if p[0] and p[1] and p[2]}
    keys = []
    for row, (c, d, p) in zip(rows, parts, strict=True):
        if not c:
            keys.append("?" + str(row["file"]))  # no name: a row of its own
            continue
        if not (d and p):
            matches = [k for k in full if k[0] == c and (not d or k[1] == d) and (not p or k[2] == p)]
            if len(matches) == 1:
                c, d, p = matches[0]
        keys.append(" | ".join((c, d, p)))
    return keys


# -- optional mapping to the administrative units in force since 1 July 2025 -----------------

def address_converter() -> Any:
    """underthesea's convert_address when underthesea is installed, else None."""
    try:
        from underthesea import convert_address  # type: ignore[import-not-found]
    except ImportError:
        try:
            from underthesea.pipeline.address import convert_address  # type: ignore[import-not-found]
        except ImportError:
            return None
    return convert_address


@lru_cache(maxsize=1)
def _level_words() -> dict[str, str]:
    """The word that names each administrative level ('commune' -> 'xã'): the first prefix of
    the level in patterns/identity.yaml."""
    return {level: words[0] for level, words in load_pattern("identity")["levels"].items()}


def to_admin_2025(commune: str | None, district: str | None, province: str | None,
               convert: Any) -> tuple[str | None, str | None]:
    """(commune or ward, province) after the 2025 merger; (None, None) when not mapped."""
    if convert is None or not commune or not province:
        return None, None
    words = _level_words()
    address = ", ".join(f"{words[level]} {name}" for level, name in
                        (("commune", commune), ("district", district), ("province", province)) if name)
    try:
        result = convert(address)
    except Exception:  # noqa: BLE001 - an optional helper must not stop consolidation
        return None, None
    new = getattr(result, "new", None)
    if isinstance(result, dict):
        new = result.get("new", result)
    get = (lambda k: new.get(k)) if isinstance(new, dict) else (lambda k: getattr(new, k, None))
    ward, prov = get("ward"), get("province")
    return (strip_place_prefix(ward) if ward else None), (strip_place_prefix(prov) if prov else None)


# -- indicator values ----------------------------------------------------------------------

def _in_unit(value: float | None, unit: str | None, target: str | None) -> float | None:
    if value is None or target is None or unit == target:
        return value
    factor = unit_factors().get((unit or "", target))
    return None if factor is None else value * factor



# -- the tables ----------------------------------------------------------------------------

_CRITERIA_STATUSES = ("met", "unmet", "basically_met")


def _join(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in sorted(numbers))


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    ints = integer_columns()
    for col in df.columns:
        if col in ints:
            df[col] = pd.array(df[col].tolist(), dtype="Int64")
    return df


def _unique(values: Any) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _evidence_location(item: dict[str, Any]) -> str:
    loc = item.get("location") or {}
    where = item.get("source") or item.get("path") or item.get("file") or ""
    if not loc:
        return str(where)
    page = f"p{loc['page']} " if loc.get("page") is not None else ""
    spot = f"{page}b{loc.get('block')}:{loc.get('start')}-{loc.get('end')}"
    return f"{where} {spot}".strip()


@dataclass
class _Reports:
    """The present, readable reports, and what several tables need to know about them."""

    docs: list[dict[str, Any]]  # one per report, ordered by path, with its commune_key
    by_id: dict[int, dict[str, Any]]
    status: dict[int, dict[str, list[int]]]  # criterion numbers by status, per report
    latest: dict[str, dict[str, Any]]  # each commune's latest report (date, then path)
    counts: Counter[str]  # reports per commune key


def _reports(store: Store) -> _Reports:
    docs = queries.present_reports(store)
    for doc, key in zip(docs, _commune_keys(docs), strict=True):
        doc["commune_key"] = key
    by_id = {d["doc_id"]: d for d in docs}
    status: dict[int, dict[str, list[int]]] = {d: {s: [] for s in _CRITERIA_STATUSES} for d in by_id}
    for doc_id, number, st in queries.criteria_statuses(store):
        if doc_id in status and st in status[doc_id]:
            status[doc_id][st].append(number)
    latest: dict[str, dict[str, Any]] = {}
    for d in sorted(docs, key=lambda r: (r["report_date"] or "", r["file"])):
        latest[d["commune_key"]] = d
    return _Reports(docs, by_id, status, latest, Counter(d["commune_key"] for d in docs))


def _communes_table(store: Store, reps: _Reports, convert: Any) -> pd.DataFrame:
    """One row per report."""
    flag_counts: dict[int, Counter[str]] = {d: Counter() for d in reps.by_id}
    for doc_id, severity in queries.document_flag_severities(store):
        if doc_id in flag_counts:
            flag_counts[doc_id][severity] += 1
    figure_counts = queries.figure_counts(store)
    rows = []
    for d in reps.docs:
        st, fc = reps.status[d["doc_id"]], flag_counts[d["doc_id"]]
        commune_2025, province_2025 = to_admin_2025(d["commune"], d["district"], d["province"], convert)
        rows.append({**d, "commune_2025": commune_2025, "province_2025": province_2025,
                     "criteria_met_count": len(set(st["met"])),
                     "criteria_unmet_count": len(set(st["unmet"])),
                     "criteria_basically_met_count": len(set(st["basically_met"])),
                     "criteria_met": _join(st["met"]), "criteria_unmet": _join(st["unmet"]),
                     "criteria_basically_met": _join(st["basically_met"]),
                     "figures": figure_counts.get(d["doc_id"], 0), "flags": sum(fc.values()),
                     "flags_error": fc["error"], "flags_warning": fc["warning"],
                     "flags_info": fc["info"]})
    rows.sort(key=lambda r: (r["commune_key"], r["report_date"] or "", r["file"]))
    return _frame(rows, table_columns("communes"))


def _criteria_table(reps: _Reports) -> pd.DataFrame:
    """One row per commune, from its latest report, with each criterion's status code (None
    when the report does not state it): a criterion only basically met, or listed both as met
    and unmet, shows as unmet (a flag reports the contradiction)."""
    base_cols = table_columns("criteria")
    rows = []
    for key in sorted(reps.latest):
        d = reps.latest[key]
        st = reps.status[d["doc_id"]]
        row = {c: d.get(c) for c in base_cols}
        row["reports"] = reps.counts[key]
        for n in criteria_numbers():
            if n in st["unmet"] or n in st["basically_met"]:
                value: str | None = "unmet"
            elif n in st["met"]:
                value = "met"
            else:
                value = None
            row[f"tc{n:02d}"] = value
        rows.append(row)
    return _frame(rows, base_cols + [f"tc{n:02d}" for n in criteria_numbers()])


def _indicators_table(store: Store, reps: _Reports) -> pd.DataFrame:
    """One row per commune, from its latest report: the first figure of each indicator, in
    the indicator's unit; catalogue indicators first, then any other key found."""
    units = {key: ind.unit for key, ind in indicator_by_key().items()}
    values: dict[int, dict[str, float]] = {}
    for doc_id, indicator, value, unit in queries.indicator_figures(store):
        per_doc = values.setdefault(doc_id, {})
        if indicator in per_doc:
            continue  # the first mention in document order; disagreements are the checks' job
        converted = _in_unit(value, unit, units.get(indicator))
        if converted is not None:
            per_doc[indicator] = converted
    keys = list(units)
    extra = sorted({k for v in values.values() for k in v} - set(keys))
    cols = table_columns("indicators")
    rows = []
    for key in sorted(reps.latest):
        d = reps.latest[key]
        row = {c: d.get(c) for c in cols}
        row["reports"] = reps.counts[key]
        row.update(values.get(d["doc_id"], {}))
        rows.append(row)
    table = pd.DataFrame(rows, columns=cols + keys + extra)
    table["reports"] = pd.array(table["reports"].tolist(), dtype="Int64")
    for k in keys + extra:
        table[k] = pd.to_numeric(table[k], errors="coerce").astype("float64")
    return table


def _figures_table(store: Store, reps: _Reports) -> pd.DataFrame:
    """Every figure of every report (long), with its provenance."""
    rows = []
    for r in queries.figure_rows(store):
        d = reps.by_id.get(r[0])
        if d is None:
            continue
        section = " > ".join(json.loads(r[10]) if r[10] else [])
        rows.append({"commune_key": d["commune_key"], "commune": d["commune"], "file": d["file"],
                     "seq": r[1], "value": r[2], "unit": r[3], "total": r[4], "noun": r[5],
                     "qualifier": r[6], "label": r[7], "indicator": r[8], "per": r[9],
                     "section": section, "component": r[11], "rule": r[12], "text": r[13],
                     "block": r[14], "page": r[15], "start": r[16], "end": r[17]})
    rows.sort(key=lambda r: (r["commune_key"], r["file"], r["seq"]))
    figures = _frame(rows, table_columns("figures"))
    for col in ("value", "total"):
        figures[col] = pd.to_numeric(figures[col], errors="coerce").astype("float64")
    return figures


def _flags_table(store: Store, reps: _Reports) -> pd.DataFrame:
    """The reports' own flags, then those across reports."""
    rows = []
    for doc_id, scope, seq, rule, severity, message, message_en, evidence in queries.flag_rows(store):
        d = reps.by_id.get(doc_id) if doc_id is not None else None
        if scope == "document" and d is None:
            continue
        items = json.loads(evidence) if evidence else []
        items = [i if isinstance(i, dict) else {"text": str(i)} for i in items]
        sources = _unique(str(i.get("source") or "") for i in items)
        communes_named = _unique(str(i.get("commune") or "") for i in items)
        rows.append({
            "scope": scope, "commune_key": d["commune_key"] if d else "",
            "commune": d["commune"] if d else ("; ".join(communes_named) or None),
            "file": d["file"] if d else ("; ".join(sources) or None),
            "seq": seq, "rule": rule, "severity": severity, "message": message,
            "message_en": message_en,
            "evidence": " | ".join(str(i.get("text") or "") for i in items),
            "locations": "; ".join(_evidence_location(i) for i in items),
            "evidence_json": evidence})
    rows.sort(key=lambda r: (r["scope"] != "document", r["commune_key"], r["file"] or "", r["seq"]))
    return _frame(rows, table_columns("flags"))


def _errors_table(store: Store) -> pd.DataFrame:
    """Files that could not be read, and copies of files already read. `reason` is left empty:
    it is the code in words, written by outputs.export.localise."""
    rows = []
    for path, st, code, detail, dup, sha, fmt in queries.unread_documents(store):
        if st == "duplicate":
            code = "duplicate"
        rows.append({"file": path, "status": st, "code": code, "reason": None,
                     "detail": detail or None, "duplicate_of": dup, "sha256": sha, "format": fmt})
    return _frame(rows, table_columns("errors"))


def _summary_table(reps: _Reports, figures: pd.DataFrame, flags: pd.DataFrame,
                   errors: pd.DataFrame) -> pd.DataFrame:
    severities = Counter(flags["severity"]) if len(flags) else Counter()
    statuses = Counter(errors["status"]) if len(errors) else Counter()
    return pd.DataFrame([
        ("reports", len(reps.docs)), ("communes", len(reps.latest)),
        ("failed", statuses.get("failed", 0)), ("duplicates", statuses.get("duplicate", 0)),
        ("skipped", statuses.get("skipped", 0)),
        ("figures", len(figures)), ("flags_error", severities.get("error", 0)),
        ("flags_warning", severities.get("warning", 0)), ("flags_info", severities.get("info", 0)),
    ], columns=["key", "value"])


def store_to_tables(store: Store, *, admin_2025: bool = False) -> dict[str, pd.DataFrame]:
    """Every consolidated table of the store: communes, criteria, indicators, figures, flags,
    errors and summary."""
    reps = _reports(store)
    convert = address_converter() if admin_2025 else None
    figures, flags, errors = _figures_table(store, reps), _flags_table(store, reps), _errors_table(store)
    return {"communes": _communes_table(store, reps, convert), "criteria": _criteria_table(reps),
            "indicators": _indicators_table(store, reps), "figures": figures, "flags": flags,
            "errors": errors, "summary": _summary_table(reps, figures, flags, errors)}
