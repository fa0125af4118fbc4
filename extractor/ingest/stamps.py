"""Output stamps: what the outputs in OUT were written from, so an unchanged re-run can leave
them as they are (rewriting them is most of its time)."""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from extractor.core import i18n
from extractor.ingest.plan import versions
from extractor.store.db import Store

# In OUT: what the outputs there were written from (see `outputs_stamp`).
STAMP_NAME = ".ntm-outputs.json"


def outputs_stamp(store: Store, *, admin_2025: bool, parquet: bool) -> str:
    """A digest of everything the outputs depend on: the store's state, the versions, the
    language (headers, reasons) and the options that change the files written."""
    parts = (store.state(), store.meta("corpus_flags_state") or "", *versions(), i18n.language(),
             f"admin_2025={admin_2025}", f"parquet={parquet}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _file_mark(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def outputs_current(out_dir: Path, stamp: str, expected: Iterable[str] = ()) -> bool:
    """True when OUT holds the outputs of `stamp`, `expected` among them, every file as it
    was written (none deleted, edited or replaced since)."""
    try:
        data = json.loads((out_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict) or data.get("stamp") != stamp:
        return False
    files = data.get("files")
    return (isinstance(files, dict) and bool(files) and set(expected) <= set(files)
            and all(_file_mark(out_dir / str(name)) == mark for name, mark in files.items()))


def write_stamp(out_dir: Path, stamp: str, written: Sequence[Path]) -> None:
    data = {"stamp": stamp, "files": {p.name: _file_mark(p) for p in written}}
    target = out_dir / STAMP_NAME
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, target)
