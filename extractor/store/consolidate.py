"""Consolidation: the store's documents turned into the district's tables.

`StoreTables(store)` holds communes (one row per report: the files of one report, a .docx and
its .pdf, are one row listing them all; see store.reports), criteria and indicators (one row
per commune, from its latest report), errors and a summary as DataFrames, and streams figures
and flags (long tables) from SQLite one report at a time, so writers never hold them whole;
`store_to_tables` gives every table as a DataFrame. Column names and order come from
schemas/tables.schema.json. Cells hold data codes (a criterion's status `met`/`unmet`, a
file's error code), never words: outputs.export localises. The same commune lands on the same
row across reports and runs through checks.across.commune_keys (identity.place_key: NFC, one
tone placement, casefold, the administrative prefixes stripped).
"""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from extractor.core.data import load_pattern, load_schema
from extractor.extract.criteria_sets import DEFAULT_LEVEL, criteria_sets
from extractor.extract.identity import strip_place_prefix
from extractor.extract.indicators import indicator_by_key
from extractor.store import queries
from extractor.store.db import Store, evidence_text
from extractor.store.reports import Reports, store_to_reports
from extractor.store.tables import Tables

if TYPE_CHECKING:  # an ingest writes its outputs without importing pandas
    import pandas as pd


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

def _join(numbers: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in numbers)


class RowTable:
    """A small consolidated table (communes, criteria, indicators, errors, summary) as it was
    built: rows of {column: value}, and the columns pandas is to hold as nullable integers
    (`ints`) and as floats (`floats`). Writers take its rows as a DataFrame of it would give
    them (`rows`: Tables.rows of `frame()`), without importing pandas: the import was a
    seventh of a re-run. `frame()` is the DataFrame the Python API returns."""

    def __init__(self, rows: list[dict[str, Any]], columns: list[str], ints: AbstractSet[str],
                 floats: AbstractSet[str] = frozenset()) -> None:
        self.built, self.columns = rows, columns
        self.ints, self.floats = ints, floats
        self._values: list[list[Any]] | None = None  # each column as `rows` gives it (`values`)

    def frame(self) -> pd.DataFrame:
        import pandas as pd

        df = pd.DataFrame(self.built, columns=self.columns)
        for col in df.columns:
            if col in self.ints:
                df[col] = pd.array(df[col].tolist(), dtype="Int64")
            elif col in self.floats:
                df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        return df

    def rows(self) -> Iterator[dict[str, Any]]:
        """The rows as a DataFrame of the table gives them, one row at a time: each a new dict
        (writers add to it), made from the columns converted once (`values`): a copy of the
        rows themselves kept between calls grew with the corpus (communes has a row per
        report), the columns hold references to the same values."""
        columns = self.values()
        return (dict(zip(self.columns, values, strict=True)) for values in zip(*columns, strict=True))

    def values(self) -> list[list[Any]]:
        """Each column's values as a DataFrame of the table holds them (`_as_pandas_holds`),
        converted at the first call and kept: the workbook, the overview and the CSVs each read
        the small tables (five conversions of each in the workbook alone, a tenth of its time
        in a re-run), and a run converts them before it forks the processes writing them."""
        if self._values is None:
            built = self.built
            converted = []
            for c in self.columns:
                values = [r.get(c) for r in built]
                if any(isinstance(v, float) and v != v for v in values):  # a NaN: `_plain_cell`
                    values = [_plain_cell(v) for v in values]
                converted.append(_as_pandas_holds(values, c in self.ints, c in self.floats))
            self._values = converted
        return self._values

    def __len__(self) -> int:
        return len(self.built)


def _plain_cell(value: Any) -> Any:
    return None if isinstance(value, float) and math.isnan(value) else value


def _as_pandas_holds(values: list[Any], ints: bool, floats: bool) -> list[Any]:
    """A column's values as a DataFrame column gives them back (tables.plain): a column of
    numbers with a missing value or a float holds floats, every other kind as it is (pandas'
    inference; tests/store/test_consolidate.py checks it against pandas)."""
    if ints:
        return [None if v is None else int(v) for v in values]
    if floats:
        return [float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None for v in values]
    present = [v for v in values if v is not None]
    if present and all(type(v) in (int, float) for v in present) \
            and (len(present) < len(values) or any(type(v) is float for v in present)):
        return [None if v is None else float(v) for v in values]
    return values


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


def _own_flag_counts(store: Store, reps: Reports) -> dict[int, Counter[str]]:
    """Each report's own flags by severity, of its kept copy only (the copies' are the same)."""
    counts: dict[int, Counter[str]] = {d["doc_id"]: Counter() for d in reps.docs}
    for doc_id, severity in queries.document_flag_severities(store):
        if doc_id in counts:
            counts[doc_id][severity] += 1
    return counts


def _communes_table(reps: Reports, own: dict[int, Counter[str]], convert: Any) -> RowTable:
    """One row per report (its files listed), with its own flags and those across reports that
    concern it."""
    flag_counts = {doc_id: Counter(c) for doc_id, c in own.items()}
    for flag in reps.corpus_flags:
        for doc_id in flag.doc_ids:
            flag_counts[doc_id][flag.severity] += 1
    rows = []
    for d in reps.docs:
        st, fc = reps.status[d["doc_id"]], flag_counts[d["doc_id"]]
        commune_2025, province_2025 = to_admin_2025(d["commune"], d["district"], d["province"], convert)
        rows.append({**d, "commune_2025": commune_2025, "province_2025": province_2025,
                     "criteria_met_count": len(st["met"]), "criteria_unmet_count": len(st["unmet"]),
                     "criteria_basically_met_count": len(st["basically_met"]),
                     "criteria_met": _join(st["met"]), "criteria_unmet": _join(st["unmet"]),
                     "criteria_basically_met": _join(st["basically_met"]),
                     "figures": reps.figure_counts.get(d["doc_id"], 0), "flags": sum(fc.values()),
                     "flags_error": fc["error"], "flags_warning": fc["warning"],
                     "flags_info": fc["info"]})
    rows.sort(key=lambda r: (r["commune_key"], r["report_date"] or "", r["file"]))
    return RowTable(rows, table_columns("communes"), integer_columns())


def _criteria_table(reps: Reports) -> RowTable:
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
    return RowTable(rows, base_cols + [f"tc{n:02d}" for n in criteria_numbers()], integer_columns())


def _indicators_table(store: Store, reps: Reports) -> RowTable:
    """One row per commune, from its latest report: the first result (not a target, plan,
    baseline or excess) of each indicator, in the indicator's unit; catalogue indicators
    first, then any other key found."""
    units = {key: ind.unit for key, ind in indicator_by_key().items()}
    wanted = {d["doc_id"] for d in reps.latest.values()}
    values: dict[int, dict[str, float]] = {}
    for doc_id, indicator, value, unit in queries.result_indicator_figures(store, sorted(wanted)):
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
    return RowTable(rows, cols + keys + extra, {"reports"}, set(keys + extra))


# The leading columns of a long table's row that name its report; the rest of the row
# depends on the report alone (what export caches per document).
LEAD_COLUMNS = {"figures": ("commune_key", "commune", "file"),
                "flags": ("scope", "commune_key", "commune", "file")}


def _lead(name: str, d: dict[str, Any]) -> dict[str, Any]:
    lead = {"commune_key": d["commune_key"], "commune": d["commune"], "file": d["file"]}
    return {"scope": "document", **lead} if name == "flags" else lead


def lead_values(name: str, d: dict[str, Any]) -> tuple[Any, ...]:
    """The leading columns of a report's rows in long table `name`, in order."""
    lead = _lead(name, d)
    return tuple(lead[c] for c in LEAD_COLUMNS[name])


def report_rows(store: Store, name: str, d: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One report's rows of the figures table, or of its own flags (`d`: its doc_id, file,
    commune_key and commune, which only the leading columns use)."""
    return _document_rows(store, name, d)


def _document_rows(store: Store, name: str, d: dict[str, Any], *, located: bool = True) -> Iterator[dict[str, Any]]:
    """One report's rows of the figures table, or of its own flags, with their lead columns."""
    lead = _lead(name, d)
    if name == "figures":
        for r in queries.document_figures(store, d["doc_id"]):
            row = dict(zip(queries.FIGURE_FIELDS, r, strict=True))
            row["section"] = " > ".join(json.loads(row["section"]) if row["section"] else [])
            yield {**lead, **row}
    else:
        for r in queries.document_flags(store, d["doc_id"]):
            yield _flag_row("document", d["commune_key"], d["commune"], d["file"], *r, located=located)


def _figure_rows(store: Store, reps: Reports) -> Iterator[dict[str, Any]]:
    """Every figure of every report (long), with its provenance, one report at a time."""
    for d in reps.ordered():
        yield from _document_rows(store, "figures", d)


def _flag_row(scope: str, key: str, commune: str | None, file: str | None, seq: int, rule: str,
              severity: str, message: str | None, message_en: str | None, evidence: str, *,
              located: bool = True) -> dict[str, Any]:
    items = json.loads(evidence) if evidence else []
    items = [i if isinstance(i, dict) else {"text": str(i)} for i in items]
    if scope != "document":
        commune = commune or "; ".join(_unique(str(i.get("commune") or "") for i in items)) or None
        file = "; ".join(_unique(str(i.get("source") or "") for i in items)) or None
    return {"scope": scope, "commune_key": key, "commune": commune, "file": file, "seq": seq,
            "rule": rule, "severity": severity, "message": message, "message_en": message_en,
            "evidence": evidence_text(items),
            "locations": "; ".join(_evidence_location(i) for i in items) if located else None,
            "evidence_json": evidence}


def _flag_rows(store: Store, reps: Reports) -> Iterator[dict[str, Any]]:
    """The reports' own flags (of one copy of each report), then those across reports, each
    naming the communes it counts towards."""
    for d in reps.ordered():
        yield from _document_rows(store, "flags", d)
    yield from _corpus_flag_rows(store, corpus_flag_heads(reps))


def corpus_flag_heads(reps: Reports) -> list[dict[str, Any]]:
    """The rows of the flags across reports in their order, without their evidence (`flag_id`
    names it in the store): what is held while the tables are written."""
    docs = {d["doc_id"]: d for d in reps.docs}
    heads = []
    for f in reps.corpus_flags:
        concerned = [docs[i] for i in f.doc_ids if i in docs]
        key = "; ".join(_unique(d["commune_key"] for d in concerned))
        commune = "; ".join(_unique(d["commune"] for d in concerned)) or f.communes
        heads.append({"flag_id": f.flag_id, "commune_key": key, "commune": commune,
                      "file": "; ".join(f.sources) or None, "sources": f.sources,
                      "seq": f.seq, "rule": f.rule, "severity": f.severity, "message": f.message,
                      "message_en": f.message_en, "digest": f.digest})
    heads.sort(key=lambda r: (r["commune_key"], r["file"] or "", r["seq"]))
    return heads


def corpus_lead_values(head: dict[str, Any]) -> tuple[Any, ...]:
    """The leading columns (LEAD_COLUMNS["flags"]) of a flag across reports' row, from its head:
    what `corpus_flag_row` gives them (they depend on the reports it concerns)."""
    return ("corpus", head["commune_key"], head["commune"], head["file"])


def corpus_flag_row(store: Store, head: dict[str, Any], *, located: bool = True) -> dict[str, Any]:
    """A flag across reports' row of the flags table, its evidence read from the store. Not
    `located` (the workbook), its evidence is not even decoded where the store kept its text
    (db.corpus_flag_rows): `locations` and `evidence_json` are left empty."""
    text = None if located else queries.flag_evidence_text(store, head["flag_id"])
    if text is not None:
        return {"scope": "corpus", "commune_key": head["commune_key"], "commune": head["commune"],
                "file": head["file"], "seq": head["seq"], "rule": head["rule"], "severity": head["severity"],
                "message": head["message"], "message_en": head["message_en"], "evidence": text,
                "locations": None, "evidence_json": None}
    return _flag_row("corpus", head["commune_key"], head["commune"], None, head["seq"], head["rule"],
                     head["severity"], head["message"], head["message_en"],
                     queries.flag_evidence(store, head["flag_id"]), located=located)


def _corpus_flag_rows(store: Store, heads: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for head in heads:
        yield corpus_flag_row(store, head)


def _errors_table(store: Store) -> RowTable:
    """Files that could not be read, and copies of files already read. `reason` is left empty:
    it is the code in words, written by outputs.export.localise."""
    rows = []
    for path, st, code, detail, dup, sha, fmt in queries.unread_documents(store):
        if st == "duplicate":
            code = "duplicate"
        rows.append({"file": path, "status": st, "code": code, "reason": None,
                     "detail": detail or None, "duplicate_of": dup, "sha256": sha, "format": fmt})
    return RowTable(rows, table_columns("errors"), integer_columns())


def _severities(reps: Reports, own: dict[int, Counter[str]]) -> Counter[str]:
    """Flags by severity: each report's own once (its kept copy's), and those across reports
    (what store.reports.flag_severities counts)."""
    severities: Counter[str] = Counter(f.severity for f in reps.corpus_flags)
    for counts in own.values():
        severities.update(counts)
    return severities


def _summary_table(reps: Reports, severities: Counter[str], errors: RowTable) -> RowTable:
    statuses = Counter(r["status"] for r in errors.built)
    return RowTable([{"key": k, "value": v} for k, v in [
        ("reports", len(reps.docs)), ("communes", len(reps.latest)),
        ("failed", statuses.get("failed", 0)), ("duplicates", statuses.get("duplicate", 0)),
        ("skipped", statuses.get("skipped", 0)),
        ("figures", sum(reps.figure_counts.get(d["doc_id"], 0) for d in reps.docs)),
        ("flags_error", severities.get("error", 0)),
        ("flags_warning", severities.get("warning", 0)), ("flags_info", severities.get("info", 0)),
    ]], ["key", "value"], frozenset())


_STREAMED = ("figures", "flags")
_FLAG_CHUNK = 500  # reports whose own flags are read in one query (`StoreTables.own_flag_rows`)
_FLOAT_COLUMNS = {"figures": ("value", "total", "upper")}


@dataclass
class OwnRowTables:
    """The tables made from the reports' own rows alone, not their flags across reports: each
    report's own flags by severity, criteria, indicators and errors (what an ingest makes while
    its workers check across reports)."""

    own: dict[int, Counter[str]]
    criteria: RowTable
    indicators: RowTable
    errors: RowTable


def own_row_tables(store: Store, reports: Reports) -> OwnRowTables:
    """`OwnRowTables` of `reports` (store.reports.reports_of_rows, or store_to_reports)."""
    return OwnRowTables(_own_flag_counts(store, reports), _criteria_table(reports),
                        _indicators_table(store, reports), _errors_table(store))


class StoreTables(Tables):
    """Every consolidated table of a store: communes, criteria, indicators, errors and summary
    held as rows (`RowTable`); figures and flags streamed from SQLite a report at a time
    (`rows`). Each is made into a DataFrame only when asked for by name (the Python API)."""

    def __init__(self, store: Store, *, admin_2025: bool = False, reports: Reports | None = None,
                 corpus_heads: list[dict[str, Any]] | None = None, own_rows: OwnRowTables | None = None) -> None:
        """`reports`: `store_to_reports(store)` when the caller made it already; `corpus_heads`
        its `corpus_flag_heads`, `own_rows` its `own_row_tables` (made before the flags across
        reports were stored, the reports' rows unchanged since)."""
        self.store = store
        self.reports = store_to_reports(store) if reports is None else reports
        convert = address_converter() if admin_2025 else None
        made = own_row_tables(store, self.reports) if own_rows is None else own_rows
        self.severities = _severities(self.reports, made.own)
        self.corpus_heads = corpus_flag_heads(self.reports) if corpus_heads is None else corpus_heads
        self.small = {"communes": _communes_table(self.reports, made.own, convert),
                       "criteria": made.criteria, "indicators": made.indicators, "errors": made.errors,
                       "summary": _summary_table(self.reports, self.severities, made.errors)}
        for table in self.small.values():  # converted once here: the processes forked after inherit them
            table.values()

    def columns(self, name: str) -> list[str]:
        return table_columns(name) if name in _STREAMED else list(self.small[name].columns)

    def rows(self, name: str) -> Iterator[dict[str, Any]]:
        if name == "figures":
            return _figure_rows(self.store, self.reports)
        if name == "flags":
            return _flag_rows(self.store, self.reports)
        return self.small[name].rows()

    def report_rows(self, name: str, doc: dict[str, Any], *, located: bool = True) -> Iterator[dict[str, Any]]:
        """One report's rows of a long table (figures, or its own flags) in order; a flag's
        `locations` left empty unless `located` (the workbook does not show them)."""
        return _document_rows(self.store, name, doc, located=located)

    def own_flag_rows(self, *, located: bool = True) -> Iterator[dict[str, Any]]:
        """Every report's own flags: `report_rows("flags", ...)` of each report in the order of
        the long tables (`Reports.ordered`), read `_FLAG_CHUNK` reports a query (one query a
        report was a tenth of the workbook's re-run)."""
        docs = self.reports.ordered()
        for start in range(0, len(docs), _FLAG_CHUNK):
            chunk = docs[start:start + _FLAG_CHUNK]
            by_doc: dict[int, list[tuple[Any, ...]]] = {}
            for doc_id, *columns in queries.documents_flags(self.store, [d["doc_id"] for d in chunk]):
                by_doc.setdefault(doc_id, []).append(tuple(columns))
            for d in chunk:
                for values in by_doc.get(d["doc_id"], ()):
                    yield _flag_row("document", d["commune_key"], d["commune"], d["file"], *values, located=located)

    def corpus_flag_rows(self) -> Iterator[dict[str, Any]]:
        """The rows of the flags across reports, after every report's own flags, streamed."""
        return _corpus_flag_rows(self.store, self.corpus_heads)

    def corpus_flag_row(self, index: int, *, located: bool = True) -> dict[str, Any]:
        """The row of the `index`-th flag across reports (in the order of `corpus_flag_rows`)."""
        return corpus_flag_row(self.store, self.corpus_heads[index], located=located)

    def count(self, name: str) -> int:
        if name == "figures":
            return sum(self.reports.figure_counts.get(d["doc_id"], 0) for d in self.reports.docs)
        if name == "flags":
            kept = {d["doc_id"] for d in self.reports.docs}
            own = sum(1 for doc_id, _ in queries.document_flag_severities(self.store) if doc_id in kept)
            return own + len(self.corpus_heads)
        return len(self.small[name])

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in _STREAMED:
            return self.small[name].frame()
        return RowTable(list(self.rows(name)), table_columns(name), integer_columns(),
                        frozenset(_FLOAT_COLUMNS.get(name, ()))).frame()


def store_to_tables(store: Store, *, admin_2025: bool = False) -> dict[str, pd.DataFrame]:
    """Every consolidated table of the store as a DataFrame: communes, criteria, indicators,
    figures, flags, errors and summary (writers stream them from `StoreTables` instead)."""
    tables = StoreTables(store, admin_2025=admin_2025)
    return {name: tables[name] for name in tables}
