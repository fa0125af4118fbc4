"""Writers of the consolidated tables: CSV (UTF-8 with BOM), report.xlsx, Parquet.

The store's tables hold data codes; `localise` turns them into the user's language (criteria
status words, the reason a file was not read) before they are written or returned.

Spreadsheets run cells that begin with =, +, - or @ as formulas; a report's text ("- Về giao
thông", "=SUM(...)" pasted from Excel) must never run, so text cells starting with those
characters are neutralised: a leading apostrophe in CSV, a quote-prefixed text cell in XLSX.
Numbers stay numbers (a negative value is not text). Every file is written to a temporary
name and renamed, so a run killed while writing leaves the previous outputs whole.
"""
from __future__ import annotations

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
from extractor.core.version import __version__
from extractor.extract.indicators import indicator_by_key

CSV_TABLES = ("communes", "criteria", "indicators", "figures", "flags", "errors")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel number formats; the vi-VN locale tag makes LibreOffice (and Excel where it honours the
# tag) show 1.326.600.000 and 12,1 whatever the reader's own regional settings.
INT_FORMAT = "[$-42A]#,##0"
DEC_FORMAT = "[$-42A]#,##0.0##"
_MAX_WIDTH = 60
# Integer columns that are quantities (shown with separators); other integers are positions.
_COUNT_COLUMNS = frozenset({"figures", "flags", "reports"})


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, made inert for CSV."""
    return "'" + value if is_formula_like(value) else value


def _text_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns
            if not (pd.api.types.is_numeric_dtype(df[c]) or pd.api.types.is_bool_dtype(df[c]))]


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in _text_columns(out):
        out[col] = out[col].map(neutralise, na_action="ignore")
    return out


# -- codes to words ------------------------------------------------------------------------

def _is_criterion_column(column: str) -> bool:
    return column.startswith("tc") and column[2:].isdigit()


def _status_label(status: Any) -> str:
    """A criterion's status code in words; a status not stated is an empty cell."""
    if not isinstance(status, str):
        return ""
    return i18n.t("export", "status_met" if status == "met" else "status_unmet")


def _unread_reason(status: str, code: str | None, duplicate_of: str | None) -> str:
    if status == "duplicate":
        return i18n.t("export", "duplicate_of", path=duplicate_of)
    return reason(code if isinstance(code, str) and code else "internal_error")


def localise(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The consolidated tables as people read them, in the current language: each criterion's
    status as a word, and in `errors` the reason each file was not read."""
    out = dict(tables)
    criteria = tables["criteria"].copy()
    for col in criteria.columns:
        if _is_criterion_column(col):
            criteria[col] = criteria[col].map(_status_label).astype(object)
    errors = tables["errors"].copy()
    errors["reason"] = pd.Series(
        [_unread_reason(st, code, dup) for st, code, dup in
         zip(errors["status"], errors["code"], errors["duplicate_of"], strict=True)],
        index=errors.index, dtype=object)
    out["criteria"], out["errors"] = criteria, errors
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


def write_csv(df: pd.DataFrame, path: Path) -> None:
    with _atomic(path) as tmp:
        # %.15g: 250000000 not 250000000.0, 12.1 not 12.0999...; exact for every value in reports
        csv_frame(df).to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n",
                             float_format="%.15g")


# -- report.xlsx ---------------------------------------------------------------------------

def _unit_label(unit: str | None) -> str:
    if not unit:
        return ""
    key = f"unit_{unit}"
    return i18n.t("export", key) if key in i18n.catalogue("export") else unit


def header(table: str, column: str) -> str:
    """The spreadsheet header of a column in the user's language."""
    cat = i18n.catalogue("export")
    if f"col_{column}" in cat:
        return i18n.t("export", f"col_{column}")
    if table == "criteria" and _is_criterion_column(column):
        number = int(column[2:])
        try:
            from extractor.extract.criteria_sets import criterion_name

            name = criterion_name(number) or ""
        except Exception:  # noqa: BLE001 - a header without the name is still a header
            name = ""
        return i18n.t("export", "col_criterion", number=number, name=name).strip()
    if table == "indicators":
        ind = indicator_by_key().get(column)
        if ind is None:
            return column
        name = ind.name_vi if i18n.language() == "vi" else ind.name_en
        label = _unit_label(ind.unit)
        return f"{name} ({label})" if label else name
    return column


def sheet_name(table: str) -> str:
    return i18n.t("export", f"sheet_{table}")[:31]


def _number_format(value: float | int) -> str:
    if isinstance(value, float) and not value.is_integer():
        return DEC_FORMAT
    return INT_FORMAT


def _cell_value(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _write_sheet(wb: Any, title: str, headers: list[str], rows: list[list[Any]],
                 formatted: set[int] | None = None) -> None:
    """One sheet in write-only mode. Cells are plain values except where a style is needed:
    quantities (columns in `formatted`, None for all) get a number format, formula-like text
    a quote prefix; positions and counters stay plain, which keeps large sheets fast."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    widths = [min(_MAX_WIDTH, max(8, len(h) + 2)) for h in headers]
    for row in rows[:300]:
        for i, v in enumerate(row):
            if v is not None:
                widths[i] = min(_MAX_WIDTH, max(widths[i], len(str(v)) + 2))
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    if headers:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    head_cells = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=h)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        head_cells.append(cell)
    ws.append(head_cells)
    for row in rows:
        cells: list[Any] = []
        for i, v in enumerate(row):
            if isinstance(v, str):
                if is_formula_like(v):
                    cell = WriteOnlyCell(ws, value=v)
                    cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
                    cell.quotePrefix = True  # shown as typed, stays text when edited
                    cells.append(cell)
                else:
                    cells.append(v)
            elif (isinstance(v, (int, float)) and not isinstance(v, bool)
                  and (formatted is None or i in formatted)):
                cell = WriteOnlyCell(ws, value=v)
                cell.number_format = _number_format(v)
                cells.append(cell)
            elif v is None or isinstance(v, (bool, int, float)):
                cells.append(v)
            else:
                cells.append(str(v))
        ws.append(cells)


def write_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    summary = tables.get("summary")
    rows: list[list[Any]] = [[i18n.t("export", "sum_version"), __version__]]
    if summary is not None:
        rows += [[i18n.t("export", f"sum_{k}"), _cell_value(v)]
                 for k, v in zip(summary["key"], summary["value"], strict=True)]
    _write_sheet(wb, sheet_name("summary"),
                 [i18n.t("export", "sum_item"), i18n.t("export", "sum_value")], rows)
    for table in CSV_TABLES:
        df = tables[table]
        headers = [header(table, c) for c in df.columns]
        data = df.astype(object).where(df.notna(), None).values.tolist()
        quantities = {i for i, c in enumerate(df.columns)
                      if pd.api.types.is_float_dtype(df[c]) or c in _COUNT_COLUMNS}
        _write_sheet(wb, sheet_name(table), headers, data, quantities)
    with _atomic(path) as tmp:
        wb.save(tmp)


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
