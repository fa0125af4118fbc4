"""Reading on a Dask cluster (`ntm ingest --executor dask|dask-local`): each file is one Dask
task that returns the same plain result dict as the local pool, and the main process stores
results as they arrive, so the store and outputs are those of a local run.

Dask is an optional extra (`pip install ntm-extractor[dask]`), imported only here. Files reach
the workers by path (storage the workers share) or, with `send_bytes`, as bytes from the
client (docs/scale-out.md says when each fits). A worker lost mid-run loses nothing: the
scheduler re-runs its tasks on another worker; a file that keeps killing workers is recorded
as failed (`worker_died`), never dropped. The per-file time limit ends a child process that
the task reads in, when the worker may have children (workers started with
`distributed.worker.daemon: False`, as the local cluster here is); on daemonic workers the
task reads in the worker itself, bounded by the size, page and text limits but not by time.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from extractor.core.settings import Settings
from extractor.ingest.guard import OutputError
from extractor.ingest.workers import OnResult, died_result, internal_error, read_one, timeout_result
from extractor.readers.pdf.ocr_budget import OcrBudget
from extractor.store.db import FileInfo

_POOL: Any = None  # per Dask worker process: the pool its tasks read in (see `_pool`)


def _pool() -> Any:
    """A pebble pool inside this Dask worker, one process per worker thread, made once: the
    stages are imported once and a file over its time limit ends only that child. Forked
    where the system can (a spawned child per file would import everything per file)."""
    global _POOL
    from pebble import ProcessPool

    from extractor.ingest.workers import warm_worker

    if _POOL is None or not _POOL.active:
        try:
            from distributed import get_worker

            threads = get_worker().state.nthreads
        except (ImportError, ValueError, AttributeError):
            threads = 1
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else methods[0])
        _POOL = ProcessPool(max_workers=max(1, threads), initializer=warm_worker, context=context)
    return _POOL


def read_task(path: str, data: bytes | None, settings: Settings, lang: str | None = None) -> dict[str, Any]:
    """Run on a Dask worker: the result dict of one file, read from `data` when the client
    sent the bytes, else from `path`."""
    if multiprocessing.current_process().daemon:
        return _read(path, data, settings, lang)
    from pebble import ProcessExpired

    future = _pool().schedule(_read, (path, data, settings, lang), timeout=settings.file_timeout_s)
    try:
        return dict(future.result())
    except FutureTimeout:
        return timeout_result(settings)
    except ProcessExpired as err:
        return died_result(f"exit code {err.exitcode}")


def _read(path: str, data: bytes | None, settings: Settings, lang: str | None = None) -> dict[str, Any]:
    return read_one(path, settings, data, lang)


def read_on_dask(infos: Sequence[FileInfo], on_result: OnResult, settings: Settings, *,
                 scheduler: str | None = None, local_workers: int | None = None,
                 send_bytes: bool = False, lang: str | None = None) -> None:
    """Read every file as a Dask task on the cluster at `scheduler`, or on a local cluster of
    `local_workers` processes when no scheduler is given; hand each result to `on_result`
    as it arrives, with a bounded number of tasks in flight."""
    import dask
    from distributed import Client, KilledWorker, LocalCluster, as_completed

    if not infos:
        return
    cluster = None
    if scheduler is None:
        with dask.config.set({"distributed.worker.daemon": False}):  # a task may end its child
            cluster = LocalCluster(n_workers=local_workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
    try:
        client = Client(cluster if cluster is not None else scheduler, timeout="20s")
    except OSError as err:
        if cluster is not None:
            cluster.close()
        raise OutputError(scheduler or "dask-local", "dask_unreachable", str(err)) from None
    try:
        workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        queue = iter(enumerate(infos))
        pending: dict[Any, FileInfo] = {}
        budget = OcrBudget(settings)  # the run's OCR page limit, as on the local pool

        def submit_next(done: Any) -> None:
            item = next(queue, None)
            if item is None:
                return
            i, info = item
            data = Path(info.fs_path).read_bytes() if send_bytes else None
            fut = client.submit(read_task, info.fs_path, data, budget.settings_for(info.fs_path), lang,
                                key=f"ntm-read-{i}-{info.sha256}", pure=False)
            pending[fut] = info
            done.add(fut)

        futures = as_completed()
        for _ in range(workers * 4):
            submit_next(futures)
        for fut in futures:
            info = pending.pop(fut)
            try:
                result = fut.result()
            except KilledWorker as err:  # the file killed every worker it was given to
                result = died_result(str(err))
            except Exception as err:  # noqa: BLE001 - the file fails, the batch goes on
                result = internal_error(err)
            budget.settle(info.fs_path, result)
            on_result(info, result)
            submit_next(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
