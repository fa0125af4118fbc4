"""The ingest run: check OUT and take its lock, plan what to read, read it in worker processes
(or on a Dask cluster), store each result as it arrives (one transaction per document),
recompute the flags across reports of the districts that changed, consolidate the store into
tables and write every output; with the progress shown and the summary printed."""
from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from extractor.batch import paths_to_entries
from extractor.core import i18n
from extractor.core.errors import ExitCode, reason
from extractor.core.settings import DEFAULT_SETTINGS, Settings
from extractor.ingest.guard import check_run, out_lock
from extractor.ingest.plan import Plan, plan_run, versions
from extractor.ingest.prepare import stored_result
from extractor.ingest.progress import Progress
from extractor.ingest.stamps import STAMP_NAME, outputs_current, outputs_stamp, write_stamp
from extractor.ingest.workers import internal_error, read_in_workers, start_readers, stop_readers, wait_closed, windowed
from extractor.store import queries
from extractor.store.db import CorpusFlagRow, FileInfo, Store, corpus_flag_rows
from extractor.store.reports import flag_severities

EXECUTORS = ("local", "dask", "dask-local")


@dataclass
class RunStats:
    files: int = 0
    read: int = 0
    failed: int = 0  # failed in this run: found unreadable before reading, or while reading
    failed_earlier: int = 0  # skipped as unchanged, still failed from an earlier run
    skipped: int = 0
    other: int = 0  # not read on purpose: not a report format, or beyond the size limit
    duplicates: int = 0
    missing: int = 0
    failed_walked: int = 0  # walked files whose stored status is failed (read now or before)
    flags: Counter[str] = field(default_factory=Counter)
    outputs_current: bool = False  # OUT already held this run's outputs: left untouched

    def exit_code(self) -> int:
        reports = self.files - self.other  # files of a report format
        if reports == 0 or self.failed_walked == reports:
            return ExitCode.ALL_FAILED
        return ExitCode.SOME_FAILED if self.failed_walked else ExitCode.OK


def compared_part(record: dict[str, Any]) -> dict[str, Any]:
    """What the checks across reports read of a record (checks.across.compared_part). A part
    the store kept is that already and is not made again (a seventh of checking a district):
    a whole record always has its own flags, a compared part never does."""
    from extractor.checks import across as crosscheck

    return crosscheck.compared_part(record) if "flags" in record else record


def corpus_flags(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flags across reports (extractor.checks.across), stored in Vietnamese like each report's
    own flags; `message_en` carries the English."""
    from extractor.checks import across as crosscheck

    with i18n.language_set("vi"):
        return crosscheck.records_to_flags(records)


@dataclass
class DistrictFlags:
    """A district's flags across reports as `Store.replace_district_flags` takes them: the rows
    in order (a flag kept as stored by its id), each one's place, the digest of each group's
    members, the `across_key`s made for reports stored without one; and how many reports were
    decoded to make them."""

    rows: list[CorpusFlagRow | int]
    places: list[str]
    groups: dict[str, str]
    keys: list[tuple[int, str]]
    decoded: int = 0


def district_flag_rows(store: Store, key: str, *, force: bool = False) -> DistrictFlags:
    """The flags across the reports of one district, recomputing only the groups of reports
    (checks.across.key_groups) whose members changed since their flags were stored (every
    group with `force`) and keeping the other groups' stored flags: the rows a recomputation
    of the whole district gives, in its order (each flag's place). Only the members of a
    recomputed group that can give a flag are decoded (and a report flagged by the unit-slip
    check, computed from the reports' keys); a report stored without its key is decoded to
    make it."""
    import hashlib
    import json

    from extractor.checks import across as crosscheck

    reports = store.district_reports(key)
    ids = [r[0] for r in reports]
    paths = [r[1] for r in reports]
    parts: dict[int, dict[str, Any]] = {}
    unkeyed = [doc_id for doc_id, _, _, keys in reports if keys is None]
    parts.update(store.compared_parts(unkeyed))
    made = {doc_id: json.dumps(crosscheck.across_key(compared_part(parts[doc_id])), ensure_ascii=False)
            for doc_id in unkeyed}
    keys = [json.loads(made.get(doc_id) or stored or "{}") for doc_id, _, _, stored in reports]
    members: dict[str, list[int]] = {}
    for n, report_key in enumerate(keys):
        for group in crosscheck.key_groups(report_key):
            members.setdefault(group, []).append(n)
    states = {group: hashlib.sha256("\n".join(reports[n][2] for n in ns).encode()).hexdigest()
              for group, ns in members.items()}
    stored = {} if force else store.corpus_group_states(key)
    changed = [group for group in members if stored.get(group) != states[group]]
    reading = [group for group in changed if crosscheck.group_reads_records(group, [keys[n] for n in members[group]])]
    wanted = sorted({ids[n] for group in reading for n in members[group]} - parts.keys())
    parts.update(store.compared_parts(wanted))

    def part(n: int) -> dict[str, Any]:
        if ids[n] not in parts:
            parts.update(store.compared_parts([ids[n]]))
        return compared_part(parts[ids[n]])

    placed: list[tuple[tuple[int, str, int], str, dict[str, Any]]] = []
    with i18n.language_set("vi"):
        for group in reading:
            ns = members[group]
            placed.extend((where, group, flag) for where, flag in crosscheck.group_flags(
                group, [part(n) for n in ns], [paths[n] for n in ns]))
        if crosscheck.SLIP_GROUP in changed:
            placed.extend((where, crosscheck.SLIP_GROUP, flag) for where, flag in crosscheck.slip_flags(keys, part))
    rows = corpus_flag_rows([flag for _, _, flag in placed])
    every: list[tuple[tuple[int, str, int], CorpusFlagRow | int, str]] = [
        ((where[0], where[1], where[2]), row, json.dumps([group, *where], ensure_ascii=False))
        for (where, group, _), row in zip(placed, rows, strict=True)]
    kept = set(members) - set(changed)
    for flag_id, place in ([] if force else store.placed_district_flags(key)):
        group, *where = json.loads(place)
        if group in kept:
            every.append(((where[0], where[1], where[2]), flag_id, place))
    every.sort(key=lambda item: item[0])
    return DistrictFlags([row for _, row, _ in every], [place for _, _, place in every], states,
                         sorted(made.items()), len(parts))


def _district_flag_rows_at(db_path: str, key: str, force: bool = False) -> DistrictFlags:
    """Run in a worker: `district_flag_rows` from a read-only connection to the store."""
    with Store.reader(db_path) as store:
        return district_flag_rows(store, key, force=force)


def _store_district(store: Store, key: str, flags: DistrictFlags, state: str) -> None:
    store.replace_district_flags(key, flags.rows, state, flags.places, flags.groups, flags.keys)


def update_corpus_flags(store: Store, *, force: bool = False, pool: Any = None,
                        timeout: float | None = None, window: int = 8,
                        meanwhile: Callable[[], None] | None = None, state: str | None = None) -> int:
    """Recompute the flags across reports of each district whose reports changed since they
    were computed (all with `force`); the other districts' records are not even decoded.
    Returns how many districts were recomputed. The store gives each report's compared part
    (whole records from an earlier build: `compared_part` of a compared part is the same).
    Cached renderings of flags made by another version of the program, or every one with
    `force`, are dropped first (`Store.expire_flag_parts`).
    With `pool` (the readers' worker pool, still open), the districts are computed in its
    workers, each from its own read-only connection, at most `window` at a time and each within
    `timeout` seconds, and stored here as they come (each result dropped once stored); a
    district whose task fails or overruns is computed here instead. `meanwhile` is called
    once every district is sent (this process would only wait for them). `state`: the
    store's `state()` when the caller made it already (the checks change no document)."""
    store.expire_flag_parts(versions(), everything=force)
    now, before = store.district_states(), store.corpus_district_states()
    changed = sorted(k for k in set(now) | set(before) if force or now.get(k) != before.get(k))
    present = [k for k in changed if k in now]
    for key in changed:
        if key not in now:
            store.replace_district_flags(key, [], None)
    if pool is None or len(present) < 2:
        for key in present:
            _store_district(store, key, district_flag_rows(store, key, force=force), now[key])
    else:
        def submit(key: str) -> Any:
            return pool.schedule(_district_flag_rows_at, (str(store.path), key, force), timeout=timeout)

        # the largest districts first: the last task to end is a small one, and the workers
        # end together (each is stored as it ends, in whatever order: flag ids are in no output)
        sizes = store.district_sizes()
        for key, fut in windowed(sorted(present, key=lambda k: -sizes.get(k, 0)), window, submit, meanwhile):
            try:
                flags = fut.result()
            except Exception:  # noqa: BLE001 - a worker lost or over its time: computed here instead
                flags = district_flag_rows(store, key, force=force)
            _store_district(store, key, flags, now[key])  # and nothing keeps them past here
    store.set_meta("corpus_flags_state", state or store.state())
    return len(changed)


def ingest_to_store(paths: Sequence[str], store: Store, *, jobs: int | None = None,
                    force: bool = False, retry_failed: bool = False,
                    progress: bool = False, verbose: bool = False, stream: Any = None,
                    settings: Settings = DEFAULT_SETTINGS, exclude: Sequence[Path] = (),
                    executor: str = "local", scheduler: str | None = None,
                    send_bytes: bool = False, meanwhile: Callable[[], None] | None = None,
                    while_checking: Callable[[], None] | None = None) -> RunStats:
    """Plan, read into `store` and check across reports; `meanwhile` is called while the local
    workers read (the main process would only wait), to prepare what comes after, and
    `while_checking` while they check across reports, every file read and stored."""
    stream = stream or sys.stderr
    vers = versions()
    files = paths_to_entries(list(paths), exclude)
    readers: list[Any] = []  # the local readers, started as soon as the plan finds a changed file

    def start() -> None:
        if executor == "local":
            readers.append(start_readers(jobs or os.cpu_count() or 1))
    try:
        plan = plan_run(files, store.documents(), vers, force=force, retry_failed=retry_failed,
                        settings=settings, known=store.file_stats(), on_change=start)
        stats = _read_planned(plan, store, readers, jobs=jobs, force=force,
                              progress=progress, verbose=verbose, stream=stream, settings=settings,
                              executor=executor, scheduler=scheduler, send_bytes=send_bytes,
                              meanwhile=meanwhile, while_checking=while_checking)
    except BaseException:
        for pool in readers:  # started and not handed over to the reading
            stop_readers(pool)
        raise
    return stats


def _read_planned(plan: Plan, store: Store, readers: list[Any], *, jobs: int | None, force: bool,
                  progress: bool, verbose: bool, stream: Any, settings: Settings, executor: str,
                  scheduler: str | None, send_bytes: bool, meanwhile: Callable[[], None] | None,
                  while_checking: Callable[[], None] | None = None) -> RunStats:
    """`ingest_to_store` after its plan: `readers` holds the local pool started while planning,
    if any, taken out of it when the reading takes it over."""
    vers = versions()
    if plan.file_stats:
        store.save_file_stats(plan.file_stats)
    stats = RunStats(files=len(plan.walked), skipped=len(plan.skipped), other=len(plan.other),
                     duplicates=len(plan.duplicates))

    for info, code, detail in plan.failures:
        store.save_failure(info, code, detail, vers)
    for info, code, detail in plan.other:
        store.save_skipped(info, code, detail, vers)
    for info, primary in plan.duplicates:
        store.save_duplicate(info, primary, vers)
    stored = store.documents()
    store.set_present([p for p in plan.skipped if not stored[p].present], True)
    walked = set(plan.walked)
    gone = [d.path for d in stored.values()
            if d.present and d.path not in walked and not Path(d.fs_path).exists()]
    store.set_present(gone, False)
    store.forget_file_stats(gone)
    stats.missing = len(gone)

    bar = Progress(len(plan.to_read), stream, enabled=progress, verbose=verbose)
    if progress:
        _report_before_reading(plan, store, stream, tty=bar.tty)

    def on_result(info: FileInfo, result: dict[str, Any]) -> None:
        # A file whose rows cannot be made or stored fails alone (`internal_error`, named with
        # its reason): one bad file never stops the batch. A store that cannot even record the
        # failure is broken, and that does stop it.
        if "rows" not in result and "record" in result:  # read where it was not prepared: a Dask task
            try:
                result = stored_result(result, info.path)
            except Exception as err:  # noqa: BLE001 - the file fails, the batch goes on
                result = internal_error(err)
        if "rows" in result:
            try:
                store.save_rows(info, result["rows"], vers)
            except Exception as err:  # noqa: BLE001 - rolled back: the file fails, the batch goes on
                result = internal_error(err)
        if "rows" in result:
            stats.read += 1
            bar.advance(info.path, True)
        else:
            store.save_failure(info, result["error"], result.get("detail") or "", vers)
            stats.failed += 1
            bar.advance(info.path, False)
            if progress:
                bar.message(i18n.t("ingest", "read_failed", message=error_message(
                    info.path, result["error"], result.get("detail") or "")))

    def cross_check(pool: Any = None) -> None:
        bar.close()
        stats.failed += len(plan.failures)
        state = store.state()
        if force or store.meta("corpus_flags_state") != state:  # else they are those of this store
            try:
                update_corpus_flags(store, force=force, pool=pool, timeout=settings.file_timeout_s,
                                    window=4 * (jobs or os.cpu_count() or 1), meanwhile=while_checking,
                                    state=state)
            except Exception as err:  # noqa: BLE001 - the reports' own results are still worth writing
                stream.write(i18n.t("ingest", "crosscheck_failed", detail=f"{type(err).__name__}: {err}") + "\n")
        else:  # the flags are current, their cached renderings may be another version's
            store.expire_flag_parts(vers)

    if executor == "local" and plan.to_read:  # the workers that read then check across reports
        read_in_workers(plan.to_read, jobs or os.cpu_count() or 1, on_result, settings, lang=i18n.language(),
                        then=cross_check, meanwhile=meanwhile, pool=readers.pop() if readers else None)
    else:
        if readers:  # a file that changed on disk but not in content: nothing to read
            stop_readers(readers.pop())
        if executor != "local":
            from extractor.ingest.cluster import read_on_dask

            read_on_dask(plan.to_read, on_result, settings, local_workers=jobs, send_bytes=send_bytes,
                         scheduler=None if executor == "dask-local" else scheduler, lang=i18n.language())
        cross_check()

    final = store.documents()
    stats.failed_walked = sum(1 for p in plan.walked if final[p].status == "failed")
    stats.failed_earlier = sum(1 for p in plan.skipped if final[p].status == "failed")
    return stats


def _report_before_reading(plan: Plan, store: Store, stream: Any, *, tty: bool) -> None:
    """Name what is known before any file is read: files found unreadable already (missing,
    empty, not a file), files skipped as unchanged that still fail from an earlier run (or the
    exit code would be the only sign of them), and, in a log, the duplicates."""
    for info, code, detail in plan.failures:
        stream.write(i18n.t("ingest", "read_failed", message=error_message(info.path, code, detail)) + "\n")
    for info, code, detail in plan.other:
        stream.write(i18n.t("ingest", "not_read", message=error_message(info.path, code, detail)) + "\n")
    if plan.skipped:
        stream.write(i18n.t("ingest", "skipping", count=len(plan.skipped)) + "\n")
        skipped = set(plan.skipped)
        for path, failed_code, failed_detail in queries.failed_documents(store):
            if path in skipped:
                stream.write(i18n.t("ingest", "still_failed", message=error_message(
                    path, failed_code or "internal_error", failed_detail or "")) + "\n")
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
    # the files found first, then counts that add up to them: failed ones skipped as unchanged
    # count as failed
    lines = [i18n.t("ingest", "summary_found", files=stats.files),
             i18n.t("ingest", "summary_files", read=stats.read, failed=failed,
                    skipped=stats.skipped - stats.failed_earlier, duplicates=stats.duplicates,
                    other=stats.other, missing=stats.missing),
             i18n.t("ingest", "summary_flags", error=stats.flags.get("error", 0),
                    warning=stats.flags.get("warning", 0), info=stats.flags.get("info", 0)),
             i18n.t("ingest", "summary_out_current" if stats.outputs_current else "summary_out",
                    out=str(out))]
    return lines


def _prepare_reports(store: Store, made: list[Any]) -> None:
    """What the tables take from the reports' own rows (store.reports.reports_of_rows,
    store.consolidate.own_row_tables), made while the workers check across reports, once every
    file is read and stored: the main process would only wait, and made after the checks it
    was the outputs' first step, alone on one core; and the names every output process caches
    for each report (export.warm_report_names). Never fails: what could not be made here is
    made (and raises) after."""
    from extractor.outputs.export import warm_report_names
    from extractor.store.consolidate import own_row_tables
    from extractor.store.reports import reports_of_rows

    try:
        of_rows = reports_of_rows(store)
        made.extend((of_rows, own_row_tables(store, of_rows.reports)))
        warm_report_names(of_rows.docs)
    except Exception:  # noqa: BLE001,S110 - made again after the checks, where it raises
        pass


def _warm_output_stage(store: Store | None = None) -> None:
    """Import the output stage and make what its forked children would each make first
    (export.warm_outputs): called while the workers read, when this process only waits; a
    run with nothing to read imports only what it uses. With `store`, the names each output
    process caches for a report (export.warm_report_names) are made too, for the reports
    stored before this run: made while the workers check across reports, they were a quarter
    of that step, alone on the path (only the reports read now are left for it)."""
    from extractor.outputs.export import warm_outputs, warm_report_names

    warm_outputs()
    import extractor.outputs.site  # noqa: F401
    import extractor.store.consolidate  # noqa: F401

    if store is not None:
        try:
            warm_report_names(queries.present_reports(store))
        except Exception:  # noqa: BLE001,S110 - only caches: made (and raised) when needed
            pass


def run_ingest(paths: Sequence[str], out: str | os.PathLike[str], *, jobs: int | None = None,
               db: str | os.PathLike[str] | None = None, parquet: bool = False,
               admin_2025: bool = False, force: bool = False, retry_failed: bool = False,
               progress: bool = False, verbose: bool = False, stream: Any = None,
               keep_current_outputs: bool = False,
               settings: Settings = DEFAULT_SETTINGS, executor: str = "local",
               scheduler: str | None = None, send_bytes: bool = False
               ) -> tuple[dict[str, Any] | None, RunStats]:
    """The run. With `keep_current_outputs` (the command), a run that read and removed nothing
    over a store whose outputs in OUT are current leaves them as they are and returns no
    tables: consolidating and rewriting them is most of an unchanged re-run's time. Raises
    guard.OutputError before reading anything when the run cannot start. The command
    (`keep_current_outputs`) gets no tables back: only the API builds them as DataFrames."""
    if executor not in EXECUTORS:
        raise ValueError(f"executor must be one of {EXECUTORS}")
    out_dir = Path(out)
    db_path = Path(db) if db else None
    check_run(paths, out_dir, db_path)
    if settings.ocr_cache_dir is None:  # a re-run or an upgrade does not recognize a page again
        settings = replace(settings, ocr_cache_dir=str(out_dir / "ocr-cache"))
    if admin_2025:
        from extractor.store.consolidate import address_converter

        if address_converter() is None:
            print(i18n.t("ingest", "no_underthesea"), file=stream or sys.stderr)
    try:
        return _ingest_and_write(paths, out_dir, db_path, parquet=parquet, admin_2025=admin_2025, force=force,
                                 retry_failed=retry_failed, progress=progress, verbose=verbose, stream=stream,
                                 keep_current_outputs=keep_current_outputs, settings=settings,
                                 executor=executor, scheduler=scheduler, send_bytes=send_bytes, jobs=jobs)
    finally:
        wait_closed()  # the readers' pool, ending in the background since the reading ended


def _ingest_and_write(paths: Sequence[str], out_dir: Path, db_path: Path | None, *, jobs: int | None,
                      parquet: bool, admin_2025: bool, force: bool, retry_failed: bool, progress: bool,
                      verbose: bool, stream: Any, keep_current_outputs: bool, settings: Settings,
                      executor: str, scheduler: str | None, send_bytes: bool
                      ) -> tuple[dict[str, Any] | None, RunStats]:
    """`run_ingest` once it can start."""
    from extractor.outputs.export import output_names

    with out_lock(out_dir), Store(db_path or out_dir / "ntm.sqlite") as store:
        of_rows: list[Any] = []  # ReportsOfRows and OwnRowTables, made while the workers check
        stats = ingest_to_store(paths, store, jobs=jobs, force=force, retry_failed=retry_failed,
                                progress=progress, verbose=verbose, stream=stream, settings=settings,
                                exclude=[out_dir], executor=executor, scheduler=scheduler,
                                send_bytes=send_bytes, meanwhile=lambda: _warm_output_stage(store),
                                while_checking=lambda: _prepare_reports(store, of_rows))
        if (keep_current_outputs and not force and stats.read == 0 and stats.missing == 0
                and outputs_current(out_dir, outputs_stamp(store, admin_2025=admin_2025, parquet=parquet),
                                    output_names(parquet=parquet))):
            stats.outputs_current = True
            stats.flags.update(flag_severities(store))  # a report in two files counted once
            return None, stats
        from extractor.outputs.export import start_workbook, write_outputs
        from extractor.outputs.site import AcrossFlags, start_report_pages, write_overview
        from extractor.store.consolidate import StoreTables, corpus_flag_heads
        from extractor.store.reports import store_to_reports

        # until every file is rewritten, OUT does not hold the outputs of any one state
        (out_dir / STAMP_NAME).unlink(missing_ok=True)
        if force:  # a forced run renders every row of the workbook again, as every other output
            store.clear_workbook_rows()
        # the report pages and the workbook are written by child processes (where the process
        # can fork) alongside the overview and the CSVs written here; the pages need only the
        # reports and their flags across reports, so their child starts before the tables are
        # built (here, while the other core would wait); a run failing or stopped on the way
        # abandons them (stopped, not done again here)
        reports_rows, own_rows = of_rows if of_rows else (None, None)
        reports = store_to_reports(store, reports_rows)
        heads = corpus_flag_heads(reports)
        across = AcrossFlags.of_store(heads, store)
        pages = start_report_pages(store, across, out_dir, stream)
        try:
            tables = StoreTables(store, admin_2025=admin_2025, reports=reports, corpus_heads=heads,
                                 own_rows=own_rows)  # long tables streamed
            stats.flags.update(tables.severities)
            workbook = start_workbook(tables, out_dir / "report.xlsx")
            try:
                write_overview(tables, across, out_dir)
                written = write_outputs(tables, out_dir, parquet=parquet, stream=stream or sys.stderr,
                                        workbook=workbook)
            except BaseException:
                workbook.abandon()
                raise
            pages()
        except BaseException:
            pages.abandon()
            raise
        # the outputs change no document: the stamp is made once they are written, not before
        # the children that write them start (the store's digest is a hundredth of a second)
        write_stamp(out_dir, outputs_stamp(store, admin_2025=admin_2025, parquet=parquet), written)
        # the Python API returns DataFrames; the command needs none (bounded memory)
        frames = None if keep_current_outputs else {name: tables[name] for name in tables}
    return frames, stats


def ingest(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
           out: str | os.PathLike[str], **options: Any) -> dict[str, Any]:
    """Ingest files and folders into OUT and return the consolidated tables as DataFrames
    (communes, criteria, indicators, figures, flags, errors, summary). Options: jobs, db,
    parquet, admin_2025, force, retry_failed, progress, verbose, settings, executor ('local', 'dask',
    'dask-local'), scheduler (a Dask scheduler's address), send_bytes (Dask: send each file's
    bytes to the workers instead of its path)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    tables, _ = run_ingest([str(p) for p in paths], out, **{**options, "keep_current_outputs": False})
    assert tables is not None  # only the command keeps current outputs, without tables
    return tables
