"""What the store keeps of a report, made where the report is read: its rows of every table,
the part the checks across reports compare, its review page's head and its lines of
figures.csv and flags.csv, compressed as stored. A worker makes them while the next file
waits, so the main process of an ingest only inserts (`Store.save_rows`): its share of each
report was what kept two workers from being twice as fast as one."""
from __future__ import annotations

import os
import threading
from dataclasses import replace
from typing import Any

from extractor.store.db import FileInfo, RecordRows, Store, csv_blob, record_to_rows


def record_is_report(record: dict[str, Any]) -> bool:
    """A document that names no commune, states no criterion and has no figure of a known
    indicator is not a commune report (a letter, a list, another programme's paper)."""
    crit = record.get("criteria") or {}
    return bool(record.get("commune")
                or crit.get("met") or crit.get("unmet") or crit.get("basically_met")
                or crit.get("met_count_claimed") is not None
                or any(f.get("indicator") for f in record.get("figures") or []))


def stored_result(result: dict[str, Any], file: str) -> dict[str, Any]:
    """A reader's result as the store takes it: a report's rows (`rows`), or the error (a
    document that is no report fails as `not_a_report`, or `scanned_pdf` when it had pages
    without text and nothing else). `file` is the report's display name (its review links)."""
    record = result.get("record")
    if record is None:
        return result
    if not record_is_report(record):
        scanned = record["source"].get("pages_without_text") and not record["source"].get("blocks")
        return {"error": "scanned_pdf" if scanned else "not_a_report", "detail": ""}
    return {"rows": report_to_rows(record, result.get("page"), file)}


def report_to_rows(record: dict[str, Any], page: tuple[str, str] | None, file: str) -> RecordRows:
    """Every row the store keeps of one report, with its cached CSV lines. The lines are made
    from the rows as the store gives them back (a scratch store in memory): the same values,
    types and text as when they were made from the ingest store itself."""
    from extractor.checks.across import compared_part
    from extractor.outputs.export import report_csv_lines

    rows = record_to_rows(record, page, compared_part(record))
    scratch = _scratch()
    doc_id = scratch.save_rows(_SCRATCH_FILE, rows, ("", ""))
    lines = report_csv_lines(scratch, doc_id, file)
    return replace(rows, csv=[(name, csv_blob(text)) for _, name, text in lines])


_SCRATCH_FILE = FileInfo("", None, None, None)  # one row, replaced by each report
_LOCAL = threading.local()


def _scratch() -> Store:
    """This thread's store in memory, holding the last report prepared (made again in a forked
    child: an SQLite connection is not to be used across fork)."""
    made = getattr(_LOCAL, "scratch", None)
    if made is None or made[0] != os.getpid():
        made = _LOCAL.scratch = (os.getpid(), Store(":memory:"))
    return made[1]
