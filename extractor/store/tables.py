"""The consolidated tables as the writers take them: each table's columns, its rows one at a
time, and its row count, whether the rows come from DataFrames or straight from the store.

`Tables` is a read-only mapping of table name -> DataFrame (what `extractor.ingest` returns and
notebooks use); writers of large outputs call `columns`, `rows` and `count` instead, so a table
streamed from SQLite (consolidate.StoreTables) is never held whole in memory.
"""
from __future__ import annotations

import math
import sys
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # an ingest writes its outputs without importing pandas
    import pandas as pd

TABLE_NAMES = ("communes", "criteria", "indicators", "figures", "flags", "errors", "summary")


def plain(value: Any) -> Any:
    """A cell as a plain Python value: None for a missing one, numpy scalars unwrapped."""
    if value is None or is_na(value):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def is_na(value: Any) -> bool:
    """Whether `value` is pandas' missing value, told without importing pandas (without it
    there is none)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and value is pandas.NA


class Tables(Mapping[str, Any]):
    """Table name -> DataFrame, with row-wise access for writers."""

    def columns(self, name: str) -> list[str]:
        return [str(c) for c in self[name].columns]

    def rows(self, name: str) -> Iterator[dict[str, Any]]:
        """The rows of a table, in order, as {column: plain value}."""
        df = self[name]
        cols = self.columns(name)
        for row in df.itertuples(index=False, name=None):
            yield {c: plain(v) for c, v in zip(cols, row, strict=True)}

    def count(self, name: str) -> int:
        return len(self[name])

    def __iter__(self) -> Iterator[str]:
        return iter(TABLE_NAMES)

    def __len__(self) -> int:
        return len(TABLE_NAMES)


class FrameTables(Tables):
    """Tables held as DataFrames (tests, the Python API, `store_to_tables`)."""

    def __init__(self, frames: Mapping[str, pd.DataFrame]) -> None:
        self.frames = dict(frames)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.frames)

    def __len__(self) -> int:
        return len(self.frames)


def as_tables(tables: Mapping[str, pd.DataFrame]) -> Tables:
    return tables if isinstance(tables, Tables) else FrameTables(tables)
