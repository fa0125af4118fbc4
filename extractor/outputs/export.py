"""Writers of the consolidated tables: CSV (UTF-8 with BOM), report.xlsx, Parquet.

The CSVs are a data contract: their values are the store's codes (`met`, `warning`,
`document`, an error code) and their headers the column keys of schemas/tables.schema.json,
whatever `--lang` says, so a script written against them works in either language. Language
applies only where people read: the workbook (extractor.outputs.workbook) and the review pages.
Each row of communes, criteria, indicators, figures and flags carries `review`, the path of its
review page (and anchor) relative to OUT.

Spreadsheets run cells that begin with =, +, - or @ as formulas; a report's text ("- Về giao
thông", "=SUM(...)" pasted from Excel) must never run, so text cells starting with those
characters are neutralised: a leading apostrophe in CSV, a quote-prefixed text cell in XLSX.
Numbers stay numbers (a negative value is not text). Every file is written to a temporary
name and renamed, so a run killed while writing leaves the previous outputs whole.
"""
from __future__ import annotations

import csv
import io
import math
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from extractor.core import i18n
from extractor.core.errors import reason
from extractor.outputs import links
from extractor.store.tables import Tables, as_tables, is_na

if TYPE_CHECKING:  # an ingest writes every output without importing pandas
    import pandas as pd

    from extractor.outputs.forked import Started
    from extractor.outputs.workbook_rows import Changes
    from extractor.store.consolidate import StoreTables
    from extractor.store.db import Store

CSV_TABLES = ("communes", "criteria", "indicators", "figures", "flags", "errors")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, made inert for CSV."""
    return "'" + value if is_formula_like(value) else value


# -- the data contract ---------------------------------------------------------------------

LINKED_TABLES = ("communes", "criteria", "indicators", "figures", "flags")


def review_link(table: str, row: Mapping[str, Any]) -> str | None:
    """A row's review page (and anchor) relative to OUT; a flag across reports points to its
    entry in the overview."""
    if table == "flags" and row.get("scope") != "document":
        across = links.across_anchor(row.get("rule"), row.get("message"), row.get("evidence_json"))
        return f"{links.REVIEW_DIR}/index.html#{across}"
    anchor = None
    if table == "figures" and row.get("block") is not None and row.get("start") is not None:
        anchor = links.figure_anchor(row["block"], row["start"])
    elif table == "flags" and row.get("seq") is not None:
        anchor = links.flag_anchor(row["seq"])
    return links.review_link(row.get("file"), anchor)


def _error_reason(row: Mapping[str, Any]) -> str:
    """An unread file's reason: the code in Vietnamese words (like a flag's `message`), so it
    too is the same in every language."""
    with i18n.language_set("vi"):
        if row.get("status") == "duplicate":
            return i18n.t("export", "duplicate_of", path=row.get("duplicate_of"))
        code = row.get("code")
        return reason(code if isinstance(code, str) and code else "internal_error")


def table_columns_out(tables: Tables, table: str) -> list[str]:
    """The columns a table is written with: its own, then `review` where rows have a page."""
    return tables.columns(table) + (["review"] if table in LINKED_TABLES else [])


def table_rows_out(tables: Tables, table: str) -> Iterator[dict[str, Any]]:
    """A table's rows as written, one at a time: with `review`, and `reason` for unread files."""
    return _rows_out(table, tables.rows(table))


def _rows_out(table: str, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        if table in LINKED_TABLES:
            row["review"] = review_link(table, row)
        elif table == "errors":
            row["reason"] = _error_reason(row)
        yield row


def frame_out(tables: Tables, table: str) -> pd.DataFrame:
    """One table as a DataFrame, as written (`table_rows_out`)."""
    import pandas as pd

    df = tables[table].copy()
    if table == "errors":
        df["reason"] = pd.Series([_error_reason(r) for r in tables.rows(table)], index=df.index, dtype=object)
    elif table in LINKED_TABLES:
        df["review"] = pd.Series([review_link(table, r) for r in tables.rows(table)], index=df.index, dtype=object)
    return df


def with_review_links(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables as DataFrames, as written: with `review` (`review_link`) and the errors'
    `reason` in words."""
    t = as_tables(tables)
    return {name: frame_out(t, name) for name in t}


# -- files ---------------------------------------------------------------------------------

@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _csv_value(value: Any) -> Any:
    """A cell as CSV writes it. Texts and whole numbers, most cells, are told by their exact
    type first (a subclass takes the general way): the tests below cost a few calls each,
    most of a small table's rewriting."""
    kind = type(value)
    if kind is str:
        return "'" + value if value.startswith(_FORMULA_START) else value
    if kind is int:
        return value
    if value is None:
        return ""
    if kind is float:  # %.15g: 250000000 not 250000000.0, 12.1 not 12.0999...; NaN none
        return "%.15g" % value if value == value else ""
    return _csv_other(value)


def _csv_other(value: Any) -> Any:
    if value is None or is_na(value):
        return ""
    if isinstance(value, float):
        # %.15g: 250000000 not 250000000.0, 12.1 not 12.0999...; exact for every value in reports
        return "" if math.isnan(value) else "%.15g" % value
    if hasattr(value, "item"):  # numpy scalars
        return _csv_value(value.item())
    return neutralise(value)


def _csv_file(path: Path) -> TextIO:
    """A CSV file open for writing: UTF-8 with a BOM (Excel reads it as UTF-8). The BOM is
    written once by hand: the utf-8-sig codec encodes every write in Python, a tenth of the
    time of writing a long table."""
    fh = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - the caller closes it
    fh.write("\ufeff")
    return fh


def _write_csv_rows(columns: list[str], rows: Iterable[Sequence[Any]], path: Path) -> None:
    with _atomic(path) as tmp, _csv_file(tmp) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(list(map(_csv_value, row)))


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """One DataFrame as CSV, row by row (no copy of the table is made)."""
    _write_csv_rows(list(df.columns), df.itertuples(index=False, name=None), path)


class _CsvLines:
    """Rows made into CSV lines one at a time, exactly as `_write_csv_rows` writes them."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")

    def __call__(self, values: Iterable[Any]) -> str:
        self.buffer.seek(0)
        self.buffer.truncate()
        self.writer.writerow(list(map(_csv_value, values)))
        return self.buffer.getvalue()


def write_table_csv(tables: Tables, table: str, path: Path) -> None:
    """One table as CSV, streamed: a table read from the store is never held whole."""
    from extractor.store.consolidate import LEAD_COLUMNS, StoreTables

    if isinstance(tables, StoreTables) and table in LEAD_COLUMNS:
        _write_report_rows_csv(tables, table, path)
        return
    columns = table_columns_out(tables, table)
    _write_csv_rows(columns, ([row.get(c) for c in columns] for row in table_rows_out(tables, table)), path)


_SAVE_EVERY = 200  # reports whose lines are cached in one transaction


def file_stamp(path: Path) -> str | None:
    """What tells a file written before from one edited since: its size and modification time
    (to the nanosecond; a copy made with its times kept, cp -a, keeps it)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_size} {st.st_mtime_ns}"


class SpanWriter:
    """A long CSV (or the review overview: site.write_overview) written in spans: new text, or
    a span of the file written before copied as it is (adjacent spans in one copy, done by the
    kernel where it can). Remembers where each report's (or flag's) lines land (`spans`)."""

    def __init__(self, fh: BinaryIO, old: BinaryIO | None) -> None:
        self.fh, self.old = fh, old
        self.pos = 0
        self.pending: list[int] = []  # start, end of the copy not made yet
        self.spans: list[tuple[int | None, int | None, int, int, str]] = []

    def write(self, data: bytes) -> None:
        self._copy()
        self.fh.write(data)
        self.pos += len(data)

    def text(self, key: tuple[int | None, int | None], lead: str, data: bytes) -> None:
        self.spans.append((*key, self.pos, len(data), lead))
        self.write(data)

    def copy(self, key: tuple[int | None, int | None], lead: str, start: int, length: int,
             head: bytes = b"") -> None:
        """`length` bytes of the file before from `start`, after `head` (new leading columns)."""
        self.spans.append((*key, self.pos, len(head) + length, lead))
        if head:
            self.write(head)
        if self.pending and self.pending[1] == start:
            self.pending[1] = start + length
        else:
            self._copy()
            self.pending = [start, start + length]
        self.pos += length

    def _copy(self) -> None:
        if not self.pending:
            return
        start, end = self.pending
        self.pending = []
        assert self.old is not None
        self.fh.flush()
        _copy_range(self.old, self.fh, start, end - start)

    def close(self) -> None:
        self._copy()


def _copy_range(src: BinaryIO, dst: BinaryIO, start: int, length: int) -> None:
    """`length` bytes of `src` from `start` appended to `dst` (flushed): in the kernel where the
    system copies between files, else read and written."""
    while length > 0:
        try:
            done = os.copy_file_range(src.fileno(), dst.fileno(), length, start)
        except (AttributeError, OSError):  # not Linux, or this file system cannot
            done = 0
        if done <= 0:
            break
        start, length = start + done, length - done
    if length > 0:
        src.seek(start)
        while length > 0:
            chunk = src.read(min(length, 1 << 20))
            if not chunk:
                raise OSError(f"{getattr(src, 'name', 'file')}: shorter than the spans kept for it")
            dst.write(chunk)
            length -= len(chunk)
        dst.flush()


def _write_report_rows_csv(tables: StoreTables, table: str, path: Path) -> None:
    """A long table (figures, flags) of the store, report by report. Each report's lines,
    without the leading columns naming it (consolidate.LEAD_COLUMNS: they depend on the other
    reports), are cached in the store the first time they are written, so rewriting the file
    after a few reports changed renders only theirs: the bytes are those `write_table_csv`
    writes row by row. Better still, a report whose lines and leading columns are those of the
    file written before (`Store.csv_spans`: that file unchanged since) has its bytes copied
    from it: only the reports read again are even read from the store."""
    from extractor.store.consolidate import LEAD_COLUMNS, lead_values

    columns = table_columns_out(tables, table)
    lead = LEAD_COLUMNS[table]
    rest = columns[len(lead):]
    line = _CsvLines()
    store = tables.store
    stamp = file_stamp(path)
    header = line(columns)
    spans = store.csv_spans(table, stamp) if stamp else {}
    if spans.get((None, None), (0, 0, ""))[2] != header:  # the header as it was, or nothing copied
        spans = {}
    fresh: list[tuple[int, str, list[str]]] = []
    # binary: the cached blocks are UTF-8 already (52 MB of figures at 1,000 reports)
    with _atomic(path) as tmp, open(tmp, "wb") as fh, (open(path, "rb") if spans else _no_file()) as old:
        out = SpanWriter(fh, old)
        out.text((None, None), header, ("\ufeff" + header).encode("utf-8"))
        for doc in tables.reports.ordered():
            prefix = line(lead_values(table, doc))[:-1] + ","
            key = (doc["doc_id"], None)
            span = spans.get(key)
            if span is not None and span[2] == prefix:
                out.copy(key, prefix, span[0], span[1])
                continue
            block = store.csv_block(doc["doc_id"], table, prefix)
            if block is None:
                lines = _report_lines(store, table, doc, rest, line)
                fresh.append((doc["doc_id"], table, lines))
                if len(fresh) >= _SAVE_EVERY:
                    store.save_csv_rows(fresh)
                    fresh = []
                block = "".join(prefix + text for text in lines).encode("utf-8")
            out.text(key, prefix, block)
        if table == "flags":
            _write_corpus_flag_rows(tables, out, line, rest, spans)
        out.close()
    if fresh:
        store.save_csv_rows(fresh)
    written = file_stamp(path)
    if written:
        store.save_csv_spans(table, written, out.spans)


@contextmanager
def _no_file() -> Iterator[None]:
    yield None


def _report_lines(store: Store, table: str, doc: dict[str, Any], rest: list[str], line: _CsvLines) -> list[str]:
    """One report's lines of a long table without their leading columns."""
    from extractor.store.consolidate import report_rows

    return [line(row.get(c) for c in rest) for row in _rows_out(table, report_rows(store, table, doc))]


def report_csv_lines(store: Store, doc_id: int, file: str) -> list[tuple[int, str, list[str]]]:
    """A report's cached lines of figures.csv and flags.csv (`Store.save_csv_rows` items), made
    as soon as it is stored: the run renders them while the workers read the next files, not
    after the last one (the leading columns, which depend on the other reports, are not in
    them; a report's own rows depend only on it)."""
    from extractor.store.consolidate import LEAD_COLUMNS, table_columns

    line = _CsvLines()
    doc = {"doc_id": doc_id, "file": file, "commune_key": "", "commune": None}
    return [(doc_id, table, _report_lines(store, table, doc,
                                          (table_columns(table) + ["review"])[len(LEAD_COLUMNS[table]):], line))
            for table in LEAD_COLUMNS]


def _write_corpus_flag_rows(tables: StoreTables, out: SpanWriter, line: _CsvLines, rest: list[str],
                            spans: dict[tuple[int | None, int | None], tuple[int, int, str]]) -> None:
    """The flags across reports' rows of flags.csv: each flag's line but its leading columns
    (consolidate.corpus_lead_values) and its number is cached in the store the first time it is
    written, so a re-run renders only the flags that changed (each holds every figure that
    differs between two reports), not those only renumbered; a flag written before has its line
    copied from the file written before (`spans`), after its leading columns and number as they
    are now: a span goes when the line after them is cached again (db.save_flag_parts) or its
    flag changes, not when only they do."""
    from extractor.store.consolidate import corpus_flag_row, corpus_lead_values
    from extractor.store.db import FLAG_LINE_PART

    if rest[:1] != ["seq"]:
        raise ValueError(f"flags.csv: the number must follow the leading columns, not {rest[:1]}")
    store = tables.store
    fresh: list[tuple[int, str, str]] = []
    for head in tables.corpus_heads:
        # the number is written with the leading columns: a flag renumbered keeps its line's rest
        prefix = line((*corpus_lead_values(head), head["seq"]))[:-1] + ","
        key = (None, head["flag_id"])
        span = spans.get(key)
        if span is not None and span[2] == prefix:
            out.copy(key, prefix, span[0], span[1])
            continue
        if span is not None:  # renumbered: its line after the number is the one written before
            lead = len(span[2].encode("utf-8"))
            out.copy(key, prefix, span[0] + lead, span[1] - lead, prefix.encode("utf-8"))
            continue
        text = store.flag_part(head["flag_id"], FLAG_LINE_PART)
        if text is None:
            row = next(_rows_out("flags", [corpus_flag_row(store, head)]))
            text = line(row.get(c) for c in rest[1:])
            fresh.append((head["flag_id"], FLAG_LINE_PART, text))
            if len(fresh) >= _SAVE_EVERY:
                store.save_flag_parts(fresh)
                fresh = []
        out.text(key, prefix, (prefix + text).encode("utf-8"))
    if fresh:
        store.save_flag_parts(fresh)


def write_xlsx(tables: Tables, path: Path, *, rendered: str | None = None) -> Changes | None:
    """report.xlsx in the current language (extractor.outputs.workbook); what changes in the
    workbook's rows kept in the store, when written from one (`save_workbook_rows`; the rows
    rendered in the file `rendered`, or one of the system's temporary folder)."""
    from extractor.outputs.workbook import tables_to_workbook

    changes = None
    try:
        with _atomic(path) as tmp:
            changes = tables_to_workbook(tables, tmp, rendered=rendered)
    except BaseException:
        if changes is not None:
            changes.discard()
        raise
    return changes


def save_workbook_rows(store: Store, changes: Changes | None) -> None:
    """Keep the rows a workbook was written with for the next run (outputs.workbook_rows).
    They are a cache: a store this process only reads keeps none (the next run renders them)."""
    import sqlite3

    if changes is None:
        return
    try:
        if changes.stale or changes.rendered:
            store.save_workbook_rows(changes.stale, changes.rendered)
    except sqlite3.OperationalError:  # a read-only store (a reader's connection)
        if not store.read_only:
            raise
    finally:
        changes.discard()


def warm_outputs() -> None:
    """Do now what the output stage's forked children would each do first (import XlsxWriter,
    make the workbook's cached parts: `workbook.warm`): the run calls this while its workers
    read, when the main process only waits, and the children inherit it. Never fails: what
    could not be done here is done when it is needed."""
    try:
        from extractor.outputs.workbook import warm

        warm()
    except Exception:  # noqa: BLE001,S110 - only done early; done again, and raised, when needed
        pass


def warm_report_names(docs: Iterable[Mapping[str, Any]]) -> None:
    """Make now, for every report, what each output process works out and caches for it: its
    review page's name (links.page_name) and the collation keys of its place (every sheet and
    the overview sort by them). A run calls this before it forks the processes that write the
    outputs, at a time it would only wait: they inherit the caches instead of each making
    them again."""
    from extractor.outputs.collation import sort_key

    for d in docs:
        file = d.get("file")
        if isinstance(file, str) and file:
            links.page_name(file)
        for key in ("province", "district", "commune"):
            sort_key(d.get(key))


def start_workbook(tables: Tables, path: Path) -> Started[None]:
    """Start writing report.xlsx and return what finishes it. Its cells cost the most of a
    re-run's outputs, so where the process can fork a child writes it from the same tables (its
    own read-only connection to the store) while this one writes the other outputs; finishing
    waits for the child, keeps in the store the rows it wrote (the child only reads it), and
    writes the workbook here when the child failed (so its error is raised here). Elsewhere
    finishing writes it here (extractor.outputs.forked)."""
    from extractor.outputs.forked import Started, start_forked
    from extractor.store.consolidate import StoreTables

    if not isinstance(tables, StoreTables):
        def write_here(_: None) -> None:
            write_xlsx(tables, path)
        return start_forked(write_here, None)
    from extractor.outputs.workbook_rows import rendered_file

    stored, store = tables, tables.store
    rendered = rendered_file()  # named here: removed here whatever becomes of the child

    def write(own: Store) -> Changes | None:
        stored.store = own  # in the child its own connection; here the same one
        return write_xlsx(stored, path, rendered=rendered)
    try:
        started = start_forked(write, store)
    except BaseException:
        Path(rendered).unlink(missing_ok=True)
        raise
    saved: list[bool] = []

    def finish() -> None:
        try:
            changes = started()  # once: later calls give the same changes, kept once
            if not saved:
                saved.append(True)
                save_workbook_rows(store, changes)
        finally:
            Path(rendered).unlink(missing_ok=True)

    def abandon() -> None:
        try:
            started.abandon()
        finally:
            Path(rendered).unlink(missing_ok=True)
    return Started(finish, abandon)


def write_parquet(tables: Tables, out: Path) -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    for table in CSV_TABLES:
        target = out / f"{table}.parquet"
        with _atomic(target) as tmp:  # a streamed table is built whole for this file only
            frame_out(tables, table).to_parquet(tmp, index=False)
    return True


def output_names(*, parquet: bool = False) -> list[str]:
    """The files `write_outputs` writes in OUT."""
    names = [f"{t}.csv" for t in CSV_TABLES] + ["report.xlsx"]
    return names + ([f"{t}.parquet" for t in CSV_TABLES] if parquet else [])


def write_outputs(tables: Mapping[str, pd.DataFrame], out: Path, *, parquet: bool = False,
                  stream: Any = None, workbook: Callable[[], None] | None = None) -> list[Path]:
    """Every output file in OUT; returns the paths written. `tables` may stream its long
    tables from the store (store.consolidate.StoreTables): each is read once per file.
    `workbook` finishes a report.xlsx started before (`start_workbook`); by default it is
    started here, alongside the CSVs."""
    out.mkdir(parents=True, exist_ok=True)
    t = as_tables(tables)
    started = None if workbook else start_workbook(t, out / "report.xlsx")
    written = []
    try:
        for table in CSV_TABLES:
            write_table_csv(t, table, out / f"{table}.csv")
            written.append(out / f"{table}.csv")
    except BaseException:
        if started is not None:  # a workbook passed in is the caller's to stop
            started.abandon()
        raise
    if started is not None:
        started()
    elif workbook is not None:
        workbook()
    written.append(out / "report.xlsx")
    if parquet:
        if write_parquet(t, out):
            written += [out / f"{t}.parquet" for t in CSV_TABLES]
        else:
            print(i18n.t("export", "no_pyarrow"), file=stream or sys.stderr)
    return written
