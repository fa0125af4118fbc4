"""What must hold before an ingest run reads any file: every input path exists, OUT is a folder
that can be written (made if missing), the store's folder too, and no other ingest is running
into the same OUT. A problem is an `OutputError` with a localised reason, found in
milliseconds rather than after every file was read."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from extractor.core import i18n
from extractor.core.errors import NtmError

# In OUT: held by the running ingest (see `out_lock`).
LOCK_NAME = ".ntm-ingest.lock"


class OutputError(NtmError):
    """A run that cannot start; codes are keys `guard_<code>` of locale/ingest.yaml."""

    def reason(self, lang: str | None = None) -> str:
        return i18n.t("ingest", f"guard_{self.code}", lang=lang, **self.values)


def _writable_folder(folder: Path, code: str) -> None:
    """Make `folder` if missing and prove it takes a file (permission bits say nothing to root,
    and a read-only mount or /proc refuses what access() allows)."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(folder, "not_a_folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".ntm-probe-"):
            pass
    except OSError as err:
        raise OutputError(folder, code, err.strerror or str(err)) from None


def check_run(paths: Sequence[str], out: Path, db: Path | None) -> None:
    """Raise OutputError for the first problem that would stop the run."""
    for p in paths:
        if not os.path.lexists(p):
            raise OutputError(p, "input_missing")
    _writable_folder(out, "out_not_writable")
    if db is not None:
        if db.is_dir():
            raise OutputError(db, "db_is_a_folder")
        _writable_folder(db.parent, "db_not_writable")


@contextmanager
def out_lock(out: Path) -> Iterator[None]:
    """Held for the whole run: a second ingest into the same OUT stops at once, saying one
    is already running, instead of reading everything a second time beside the first."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(out / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise OutputError(out, "locked") from None
    try:
        yield
    finally:
        lock.release()
