"""`ntm ingest FOLDER... -o OUT [--jobs N]`: read folders of reports into the store and
write the consolidated tables.

The main process walks the folders, hashes each file and decides what needs reading (new or
changed content, another extractor or pattern version); worker processes read files and
hand back plain record dicts (or an error code); the main process alone writes the store,
one transaction per document, then recomputes the flags across reports and writes every
output from the store. `ingest()` is the Python API (also `extractor.ingest`).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from extractor.batch import paths_to_files
from extractor.core import i18n
from extractor.core.errors import ReadError, reason
from extractor.core.version import __version__
from extractor.store.db import FileInfo, Store, StoredDocument, StoreError

# Sleep this many seconds in each worker before reading: lets the kill-mid-run test catch
# a run in the middle without needing thousands of files. Unset in normal use.
DELAY_ENV = "NTM_INGEST_TEST_DELAY"
# In OUT: what the outputs there were written from (see `outputs_stamp`).
STAMP_NAME = ".ntm-outputs.json"


# -- versions ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def patterns_version() -> str:
    """A hash over what decides a record besides the file: the extractor's own code, the
    patterns/*.yaml, the schemas catalogues (sub-folders included) and extractor.__version__,
    so a fixed rule or a changed word list re-reads what it may change."""
    h = hashlib.sha256(__version__.encode())
    sources: list[tuple[str, bytes]] = []
    for package, suffixes in (("extractor", (".py", ".yaml")),
                              ("extractor._patterns", (".yaml",)),
                              ("extractor._schemas", (".json", ".yaml"))):
        for name, ref in _walk(resources.files(package), package):
            if name.endswith(suffixes):
                sources.append((name, ref.read_bytes()))
    for name, data in sorted(sources):
        h.update(name.encode())
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()[:16]


def _walk(ref: Any, prefix: str) -> Iterable[tuple[str, Any]]:
    """Every file under a resources folder, with its path (catalogues sit in sub-folders)."""
    for child in ref.iterdir():
        name = f"{prefix}/{child.name}"
        if child.is_dir():
            if child.name != "__pycache__":
                yield from _walk(child, name)
        else:
            yield name, child


def versions() -> tuple[str, str]:
    return __version__, patterns_version()


# -- the worker ----------------------------------------------------------------------------

def read_one(path: str) -> dict[str, Any]:
    """Run in a worker process: the record dict, or the error code and detail. Never raises."""
    delay = os.environ.get(DELAY_ENV)
    if delay:
        time.sleep(float(delay))
    from extractor.pipeline import extract

    # The store must not depend on the language of the run that read a file: flag messages
    # are stored in Vietnamese (`message`) and English (`message_en`).
    i18n.set_language("vi")

    try:
        return {"record": extract(path).to_json()}
    except ReadError as err:
        return {"error": err.code, "detail": err.detail}
    except Exception as err:  # noqa: BLE001 - one bad file never stops the batch
        return {"error": "internal_error", "detail": f"{type(err).__name__}: {err}"}


def record_is_report(record: dict[str, Any]) -> bool:
    """A document that names no commune, states no criterion and has no figure of a known
    indicator is not a commune report (a letter, a list, another programme's paper)."""
    crit = record.get("criteria") or {}
    return bool(record.get("commune")
                or crit.get("met") or crit.get("unmet") or crit.get("basically_met")
                or crit.get("met_count_claimed") is not None
                or any(f.get("indicator") for f in record.get("figures") or []))


# -- planning: what must be read -----------------------------------------------------------

@dataclass
class Plan:
    to_read: list[FileInfo] = field(default_factory=list)
    failures: list[tuple[FileInfo, str]] = field(default_factory=list)  # unreadable here
    duplicates: list[tuple[FileInfo, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    walked: list[str] = field(default_factory=list)


def _file_info(path: str) -> tuple[FileInfo, str | None]:
    """Hash a file in the main process; the error code when it cannot even be opened."""
    from extractor.readers import SUPPORTED_SUFFIXES, sniff_format

    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        return FileInfo(path, None, None, None), "not_found"
    except IsADirectoryError:
        return FileInfo(path, None, None, None), "not_a_file"
    except PermissionError:
        return FileInfo(path, None, None, None), "permission_denied"
    except OSError:
        return FileInfo(path, None, None, None), "not_found"
    fmt = sniff_format(data[:4096]) if data else None
    if fmt is None and p.suffix.lower() in SUPPORTED_SUFFIXES:
        fmt = p.suffix.lower()[1:]  # no bytes to tell (an empty file): what its name says
    info = FileInfo(path, hashlib.sha256(data).hexdigest(), len(data), fmt)
    return info, ("empty_file" if not data else None)


def _is_fresh(stored: StoredDocument | None, sha: str | None, vers: tuple[str, str]) -> bool:
    return (stored is not None and stored.sha256 == sha
            and (stored.extractor_version, stored.patterns_version) == vers)


def plan_run(files: Iterable[Path], stored: dict[str, StoredDocument], vers: tuple[str, str], *,
             force: bool = False, retry_failed: bool = False) -> Plan:
    plan = Plan()
    infos: list[FileInfo] = []
    seen: set[str] = set()
    for f in files:
        path = str(f.resolve()) if f.exists() else str(f.absolute())
        if path in seen:
            continue
        seen.add(path)
        plan.walked.append(path)
        info, code = _file_info(path)
        if code is not None:
            doc = stored.get(path)
            if (not force and not retry_failed and info.sha256 is not None
                    and _is_fresh(doc, info.sha256, vers) and doc is not None and doc.status == "failed"):
                plan.skipped.append(path)  # an empty file still empty
            else:
                plan.failures.append((info, code))
        else:
            infos.append(info)

    # The same content saved twice is read once. The primary copy is one already stored and
    # fresh when there is one (no re-read), else the first path in sorted order.
    by_sha: dict[str, list[FileInfo]] = {}
    for info in infos:
        by_sha.setdefault(info.sha256 or "", []).append(info)
    stored_ok = {}
    for doc in stored.values():
        if doc.status == "ok" and doc.present and _is_fresh(doc, doc.sha256, vers):
            stored_ok.setdefault(doc.sha256, []).append(doc.path)
    for sha, group in by_sha.items():
        group.sort(key=lambda i: i.path)
        primary: str | None = None
        if not force:
            for path in sorted(stored_ok.get(sha, [])):
                if path in seen or Path(path).exists():
                    primary = path
                    break
        if primary is None:
            primary = group[0].path
        for info in group:
            if info.path != primary:
                plan.duplicates.append((info, primary))
                continue
            doc = stored.get(info.path)
            unchanged = (not force and _is_fresh(doc, info.sha256, vers) and doc is not None
                         and (doc.status == "ok" or (doc.status == "failed" and not retry_failed)))
            if unchanged:
                plan.skipped.append(info.path)
            else:
                plan.to_read.append(info)
    return plan


# -- reading in worker processes -----------------------------------------------------------

def read_in_workers(infos: Sequence[FileInfo], jobs: int,
                    on_result: Callable[[FileInfo, dict[str, Any]], None]) -> None:
    """Read every file in a pool of `jobs` processes, handing each result to `on_result` in
    the main process as it arrives. A worker that dies (a crash inside a native library)
    breaks the pool: the files in flight are retried alone, and a file that kills a worker
    on its own is recorded as failed."""
    crashed = _read_batch(list(infos), jobs, on_result)
    for info in crashed:
        if _read_batch([info], 1, on_result):
            on_result(info, {"error": "internal_error", "detail": "worker process died"})


def _read_batch(infos: list[FileInfo], jobs: int,
                on_result: Callable[[FileInfo, dict[str, Any]], None]) -> list[FileInfo]:
    if not infos:
        return []
    crashed: list[FileInfo] = []
    queue = iter(infos)
    window = max(1, jobs) * 4  # bounded in-flight work: results stream, memory stays flat
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(infos)))) as pool:
        pending: dict[Future[dict[str, Any]], FileInfo] = {}

        def submit_next() -> bool:
            info = next(queue, None)
            if info is None:
                return False
            try:
                pending[pool.submit(read_one, info.path)] = info
            except BrokenProcessPool:
                crashed.append(info)
            return True

        while len(pending) < window and submit_next():
            pass
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                info = pending.pop(fut)
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    crashed.append(info)
                    continue
                on_result(info, result)
                submit_next()
        crashed.extend(queue)  # never submitted because the pool broke
    return crashed


# -- progress and summary ------------------------------------------------------------------

class Progress:
    """A one-line bar with the current file on a terminal; plain lines otherwise."""

    def __init__(self, total: int, stream: Any = None, enabled: bool = True) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()

    def advance(self, path: str, ok: bool) -> None:
        self.done += 1
        if not self.enabled:
            return
        key = "progress_ok" if ok else "progress_failed"
        if self.tty:
            width = shutil.get_terminal_size((80, 20)).columns
            filled = int(20 * self.done / max(1, self.total))
            head = f"[{'#' * filled}{'.' * (20 - filled)}] {self.done}/{self.total} "
            name = Path(path).name
            line = (head + name)[: max(10, width - 1)]
            self.stream.write("\r" + line.ljust(width - 1))
        else:
            self.stream.write(i18n.t("ingest", key, done=self.done, total=self.total, path=path) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty and self.total:
            self.stream.write("\n")
            self.stream.flush()


@dataclass
class RunStats:
    files: int = 0
    read: int = 0
    failed: int = 0  # failed in this run: found unreadable before reading, or while reading
    failed_earlier: int = 0  # skipped as unchanged, still failed from an earlier run
    skipped: int = 0
    duplicates: int = 0
    missing: int = 0
    failed_walked: int = 0  # walked files whose stored status is failed (read now or before)
    flags: Counter[str] = field(default_factory=Counter)
    outputs_current: bool = False  # OUT already held this run's outputs: left untouched

    def exit_code(self) -> int:
        from extractor.core.errors import ExitCode
        EXIT_ALL_FAILED, EXIT_OK, EXIT_SOME_FAILED = ExitCode.ALL_FAILED, ExitCode.OK, ExitCode.SOME_FAILED

        if self.files == 0 or self.failed_walked == self.files:
            return EXIT_ALL_FAILED
        return EXIT_SOME_FAILED if self.failed_walked else EXIT_OK


# -- flags across reports ------------------------------------------------------------------

def corpus_flags(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flags across reports (extractor.checks.across), stored in Vietnamese like each report's
    own flags; `message_en` carries the English."""
    from extractor.checks import across as crosscheck

    with i18n.language_set("vi"):
        return crosscheck.records_to_flags(records)


# -- the run -------------------------------------------------------------------------------

def ingest_to_store(paths: Sequence[str], store: Store, *, jobs: int | None = None,
                    force: bool = False, retry_failed: bool = False,
                    progress: bool = False, stream: Any = None) -> RunStats:
    stream = stream or sys.stderr
    vers = versions()
    files = list(paths_to_files(list(paths)))
    plan = plan_run(files, store.documents(), vers, force=force, retry_failed=retry_failed)
    stats = RunStats(files=len(plan.walked), skipped=len(plan.skipped),
                     duplicates=len(plan.duplicates))

    for info, code in plan.failures:
        store.save_failure(info, code, "", vers)
    for info, primary in plan.duplicates:
        store.save_duplicate(info, primary, vers)
    stored = store.documents()
    store.set_present([p for p in plan.skipped if not stored[p].present], True)
    walked = set(plan.walked)
    gone = [d.path for d in stored.values()
            if d.present and d.path not in walked and not Path(d.path).exists()]
    store.set_present(gone, False)
    stats.missing = len(gone)

    bar = Progress(len(plan.to_read), stream, enabled=progress)
    if progress:
        _report_before_reading(plan, store, stream, tty=bar.tty)

    def on_result(info: FileInfo, result: dict[str, Any]) -> None:
        record = result.get("record")
        if record is not None and not record_is_report(record):
            scanned = record["source"].get("pages_without_text") and not record["source"].get("blocks")
            result = {"error": "scanned_pdf" if scanned else "not_a_report", "detail": ""}
        if record is not None and "error" not in result:
            store.save_record(info, record, vers)
            stats.read += 1
            bar.advance(info.path, True)
        else:
            store.save_failure(info, result["error"], result.get("detail") or "", vers)
            stats.failed += 1
            bar.advance(info.path, False)
            if progress and bar.tty:
                stream.write("\n")
            if progress:
                stream.write(i18n.t("ingest", "read_failed", message=error_message(
                    info.path, result["error"], result.get("detail") or "")) + "\n")

    read_in_workers(plan.to_read, jobs or os.cpu_count() or 1, on_result)
    bar.close()
    stats.failed += len(plan.failures)

    state = store.state()
    if force or store.meta("corpus_flags_state") != state:  # else they are those of this store
        try:
            store.replace_corpus_flags(corpus_flags(store.records()), state)
        except Exception as err:  # noqa: BLE001 - the reports' own results are still worth writing
            stream.write(i18n.t("ingest", "crosscheck_failed", detail=f"{type(err).__name__}: {err}") + "\n")

    final = store.documents()
    stats.failed_walked = sum(1 for p in plan.walked if final[p].status == "failed")
    stats.failed_earlier = sum(1 for p in plan.skipped if final[p].status == "failed")
    for (severity,) in store.conn.execute(
            "SELECT f.severity FROM flags f LEFT JOIN documents d ON d.id = f.document_id"
            " WHERE f.scope = 'corpus' OR (d.present = 1 AND d.status = 'ok')"):
        stats.flags[severity] += 1
    return stats


def _report_before_reading(plan: Plan, store: Store, stream: Any, *, tty: bool) -> None:
    """Name what is known before any file is read: files found unreadable already (missing,
    empty, not a file), files skipped as unchanged that still fail from an earlier run (or the
    exit code would be the only sign of them), and, in a log, the duplicates."""
    for info, code in plan.failures:
        stream.write(i18n.t("ingest", "read_failed", message=error_message(info.path, code)) + "\n")
    if plan.skipped:
        stream.write(i18n.t("ingest", "skipping", count=len(plan.skipped)) + "\n")
        skipped = set(plan.skipped)
        rows = store.conn.execute("SELECT path, error_code, error_detail FROM documents"
                                  " WHERE status = 'failed' ORDER BY path")
        for path, code, detail in rows:
            if path in skipped:
                stream.write(i18n.t("ingest", "still_failed", message=error_message(
                    path, code or "internal_error", detail or "")) + "\n")
    if not tty:  # a duplicate is no failure: a log line, not noise on a terminal
        for info, primary in plan.duplicates:
            stream.write(i18n.t("ingest", "duplicate", path=info.path, primary=primary) + "\n")
    stream.flush()


def error_message(path: str, code: str, detail: str = "") -> str:
    """The line naming a file that was not read and why: a ReadError code, or one that only
    ingest gives ('not_a_report')."""
    return f"{path}: {reason(code)}" + (f" ({detail})" if detail else "")


def summary_lines(stats: RunStats, out: Path) -> list[str]:
    # every walked file in failed state counts, read now or not: the exit code says the same
    failed = str(stats.failed + stats.failed_earlier)
    if stats.failed_earlier:
        failed += i18n.t("ingest", "summary_failed_earlier", count=stats.failed_earlier)
    lines = [i18n.t("ingest", "summary_files", read=stats.read, failed=failed,
                    skipped=stats.skipped, duplicates=stats.duplicates, missing=stats.missing),
             i18n.t("ingest", "summary_flags", error=stats.flags.get("error", 0),
                    warning=stats.flags.get("warning", 0), info=stats.flags.get("info", 0)),
             i18n.t("ingest", "summary_out_current" if stats.outputs_current else "summary_out",
                    out=str(out))]
    return lines


# -- outputs: rewritten only when what they show changed -----------------------------------

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


def _ingest(paths: Sequence[str], out: str | os.PathLike[str], *, jobs: int | None = None,
            db: str | os.PathLike[str] | None = None, parquet: bool = False,
            admin_2025: bool = False, force: bool = False, retry_failed: bool = False,
            progress: bool = False, stream: Any = None,
            keep_current_outputs: bool = False) -> tuple[dict[str, Any] | None, RunStats]:
    """The run. With `keep_current_outputs` (the command), a run that read and removed nothing
    over a store whose outputs in OUT are current leaves them as they are and returns no
    tables: consolidating and rewriting them is most of an unchanged re-run's time."""
    from extractor.export import output_names, write_outputs
    from extractor.store.consolidate import store_to_tables

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    if admin_2025:
        from extractor.store.consolidate import _convert_address_fn

        if _convert_address_fn() is None:
            print(i18n.t("ingest", "no_underthesea"), file=stream or sys.stderr)
    with Store(Path(db) if db else out_dir / "ntm.sqlite") as store:
        stats = ingest_to_store(paths, store, jobs=jobs, force=force, retry_failed=retry_failed,
                                progress=progress, stream=stream)
        stamp = outputs_stamp(store, admin_2025=admin_2025, parquet=parquet)
        if (keep_current_outputs and not force and stats.read == 0 and stats.missing == 0
                and outputs_current(out_dir, stamp, output_names(parquet=parquet))):
            stats.outputs_current = True
            return None, stats
        tables = store_to_tables(store, admin_2025=admin_2025)
    # until every file is rewritten, OUT does not hold the outputs of any one state
    (out_dir / STAMP_NAME).unlink(missing_ok=True)
    written = write_outputs(tables, out_dir, parquet=parquet, stream=stream or sys.stderr)
    write_stamp(out_dir, stamp, written)
    return tables, stats


def ingest(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
           out: str | os.PathLike[str], **options: Any) -> dict[str, Any]:
    """Ingest files and folders into OUT and return the consolidated tables as DataFrames
    (communes, criteria, indicators, figures, flags, errors, summary). Options: jobs, db,
    parquet, admin_2025, force, retry_failed, progress."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    tables, _ = _ingest([str(p) for p in paths], out, **{**options, "keep_current_outputs": False})
    assert tables is not None  # only the command keeps current outputs, without tables
    return tables


# -- the command ---------------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FOLDER", help=i18n.t("ingest", "paths_help"))
    parser.add_argument("-o", "--out", required=True, metavar="OUT", help=i18n.t("ingest", "out_help"))
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help=i18n.t("ingest", "jobs_help"))
    parser.add_argument("--db", default=None, metavar="FILE", help=i18n.t("ingest", "db_help"))
    parser.add_argument("--parquet", action="store_true", help=i18n.t("ingest", "parquet_help"))
    parser.add_argument("--admin-2025", action="store_true", dest="admin_2025",
                        help=i18n.t("ingest", "admin_2025_help"))
    parser.add_argument("--force", action="store_true", help=i18n.t("ingest", "force_help"))
    parser.add_argument("--retry-failed", action="store_true", dest="retry_failed",
                        help=i18n.t("ingest", "retry_failed_help"))


def run(args: argparse.Namespace) -> int:
    from extractor.core.errors import ExitCode
    EXIT_USAGE = ExitCode.USAGE

    if args.jobs is not None and args.jobs < 1:
        print(i18n.t("ingest", "bad_jobs"), file=sys.stderr)
        return EXIT_USAGE
    try:
        _, stats = _ingest(args.paths, args.out, jobs=args.jobs, db=args.db, parquet=args.parquet,
                           admin_2025=args.admin_2025, force=args.force,
                           retry_failed=args.retry_failed, progress=True, stream=sys.stderr,
                           keep_current_outputs=True)
    except StoreError as err:
        print(i18n.t("ingest", "store_error", detail=err.message()), file=sys.stderr)
        return EXIT_USAGE
    if stats.files == 0:
        print(i18n.t("ingest", "no_files", paths=", ".join(args.paths)), file=sys.stderr)
    for line in summary_lines(stats, Path(args.out)):
        print(line)
    return stats.exit_code()
