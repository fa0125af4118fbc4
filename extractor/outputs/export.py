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
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from extractor.core import i18n
from extractor.core.errors import reason
from extractor.outputs import links

CSV_TABLES = ("communes", "criteria", "indicators", "figures", "flags", "errors")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, made inert for CSV."""
    return "'" + value if is_formula_like(value) else value


# -- the data contract ---------------------------------------------------------------------

def _anchor(table: str, row: pd.DataFrame) -> pd.Series | None:
    if table == "figures":
        return "b" + row["block"].astype("string") + "-" + row["start"].astype("string")
    if table == "flags":
        return "flag-" + row["seq"].astype("string")
    return None


def with_review_links(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables with `review`: each row's review page (and anchor) relative to OUT; a flag
    across reports points to its entry in the overview. In `errors`, `reason` is the code in
    Vietnamese words (like a flag's `message`), so it too is the same in every language."""
    out = dict(tables)
    for table in ("communes", "criteria", "indicators", "figures", "flags"):
        df = tables[table].copy()
        anchors = _anchor(table, df)
        values = []
        for i, file in enumerate(df["file"].tolist()):
            anchor = None if anchors is None or pd.isna(anchors.iloc[i]) else str(anchors.iloc[i])
            if table == "flags" and df["scope"].iloc[i] != "document":
                values.append(f"{links.REVIEW_DIR}/index.html#{links.across_anchor(df['seq'].iloc[i])}")
            else:
                values.append(links.review_link(file, anchor))
        df["review"] = pd.Series(values, index=df.index, dtype=object)
        out[table] = df
    errors = tables["errors"].copy()
    with i18n.language_set("vi"):
        errors["reason"] = pd.Series(
            [i18n.t("export", "duplicate_of", path=dup) if st == "duplicate"
             else reason(code if isinstance(code, str) and code else "internal_error")
             for st, code, dup in zip(errors["status"], errors["code"], errors["duplicate_of"], strict=True)],
            index=errors.index, dtype=object)
    out["errors"] = errors
    return out


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
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float):
        # %.15g: 250000000 not 250000000.0, 12.1 not 12.0999...; exact for every value in reports
        return "" if math.isnan(value) else "%.15g" % value
    if hasattr(value, "item"):  # numpy scalars
        return _csv_value(value.item())
    return neutralise(value)


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """One table as CSV, streamed row by row (no copy of the table is made)."""
    with _atomic(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(df.columns)
        for row in df.itertuples(index=False, name=None):
            writer.writerow([_csv_value(v) for v in row])


def write_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> None:
    """report.xlsx in the current language (extractor.outputs.workbook)."""
    from extractor.outputs.workbook import tables_to_workbook

    with _atomic(path) as tmp:
        tables_to_workbook(tables, tmp)


def write_parquet(tables: dict[str, pd.DataFrame], out: Path) -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    for table in CSV_TABLES:
        target = out / f"{table}.parquet"
        with _atomic(target) as tmp:
            tables[table].to_parquet(tmp, index=False)
    return True


def output_names(*, parquet: bool = False) -> list[str]:
    """The files `write_outputs` writes in OUT."""
    names = [f"{t}.csv" for t in CSV_TABLES] + ["report.xlsx"]
    return names + ([f"{t}.parquet" for t in CSV_TABLES] if parquet else [])


def write_outputs(tables: dict[str, pd.DataFrame], out: Path, *, parquet: bool = False,
                  stream: Any = None) -> list[Path]:
    """Every output file in OUT; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    tables = with_review_links(tables)
    written = []
    for table in CSV_TABLES:
        write_csv(tables[table], out / f"{table}.csv")
        written.append(out / f"{table}.csv")
    write_xlsx(tables, out / "report.xlsx")
    written.append(out / "report.xlsx")
    if parquet:
        if write_parquet(tables, out):
            written += [out / f"{t}.parquet" for t in CSV_TABLES]
        else:
            print(i18n.t("export", "no_pyarrow"), file=stream or sys.stderr)
    return written
