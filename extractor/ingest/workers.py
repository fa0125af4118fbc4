"""Reading files in worker processes: each worker turns a file into a plain record dict (or an
error code and detail) and never raises; the main process gets each result as it arrives.

The local pool is pebble's ProcessPool rather than concurrent.futures': it gives every file a
wall-time limit and ends the worker process of a file that overruns it (a hung converter, a
pathological input), where a standard pool can only wait; and a worker that dies fails only
its own file instead of breaking the pool. pebble is pure Python and has no dependencies.
Cluster execution (Dask) is in extractor.ingest.cluster and shares `read_one`.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from extractor.batch import read_or_error
from extractor.core import i18n
from extractor.core.errors import ReadError
from extractor.core.settings import DEFAULT_SETTINGS, Settings
from extractor.readers.pdf.ocr_budget import OcrBudget
from extractor.store.db import FileInfo

OnResult = Callable[[FileInfo, dict[str, Any]], None]
T = TypeVar("T")


def read_one(path: str, settings: Settings = DEFAULT_SETTINGS, data: bytes | None = None,
             lang: str | None = None, file: str | None = None) -> dict[str, Any]:
    """Run in a worker: the record dict (read from `data` when given, else from `path`) and,
    with `lang`, the head of its review page in that language (`page`), made here while the
    document is in hand so the main process never reads the file again; or the error code
    and detail. With `file` (the report's display name), what the store keeps of it instead
    of the record (`rows`: ingest.prepare.stored_result), made here so that the main process
    only inserts. Never raises."""
    from extractor import pipeline
    from extractor.readers import bytes_to_document, read_document

    page: list[str] = []

    def handle(p: str) -> dict[str, Any]:
        if data is None and lang is None:
            return pipeline.extract(p, settings).to_json()
        doc = read_document(p, settings) if data is None else bytes_to_document(data, p, settings)
        record = pipeline.document_to_record(doc, settings).to_json()
        if lang is not None:
            page.extend(_page_head(doc, record, lang))
        return record

    # The store must not depend on the language of the run that read a file: flag messages
    # are stored in Vietnamese (`message`) and English (`message_en`). Set for this task only:
    # a Dask worker reads several files at once in its threads.
    with i18n.language_set("vi"):
        result = read_or_error(path, handle)
        if isinstance(result, ReadError):
            return {"error": result.code, "detail": result.detail}
        read = {"record": result, "page": (lang, page[0])} if page else {"record": result}
        return read if file is None else _stored(read, file)


def _stored(read: dict[str, Any], file: str) -> dict[str, Any]:
    """What the store keeps of a file read, or the file's failure when that cannot be made:
    the main process records it as failed (`internal_error`) and the batch goes on."""
    from extractor.ingest.prepare import stored_result

    try:
        return stored_result(read, file)
    except Exception as err:  # noqa: BLE001 - the file fails, the batch goes on
        return internal_error(err)


def _page_head(doc: Any, record: dict[str, Any], lang: str) -> list[str]:
    """The review page's head, or none when it cannot be made (the main process then makes it
    from the file, as for a report stored before)."""
    from extractor.outputs.site import page_head

    try:
        with i18n.language_set(lang):
            return [page_head(doc, record)]
    except Exception:  # noqa: BLE001 - the record is what counts; the page is made later
        return []


def warm_worker() -> None:
    """Import the stages once when a worker starts, so a file's time limit counts reading,
    not the imports; and have what the worker works out kept for the next run when it ends
    (`keep_at_exit`)."""
    import extractor.ingest.prepare  # noqa: F401
    import extractor.outputs.site  # noqa: F401
    import extractor.pipeline  # noqa: F401
    import extractor.readers.docx  # noqa: F401 - most reports' format; the others load on their first file

    keep_at_exit()


def keep_at_exit() -> None:
    """Write the kept tables (core/kept.py: the programs of the regexes the stages compile,
    the code of their dataclasses) when this worker process ends. A worker ends through
    multiprocessing's exit, never the interpreter's, so the `atexit` functions that write them
    in a command do not run there: every ingest compiled the extraction's ~300 regexes again
    in each worker, ~0.2 s of its first file, which only `ntm extract` ever kept. A
    multiprocessing finalizer runs when the worker ends, stopped or not (pebble's exit runs
    them too)."""
    from multiprocessing import util

    util.Finalize(None, _write_kept_tables, exitpriority=0)


def _write_kept_tables() -> None:
    """Each kept table with what this worker worked out, merged into the file as the workers
    that ended before left it (core/kept.py)."""
    from extractor.core.kept import write_all

    write_all()


def timeout_result(settings: Settings) -> dict[str, Any]:
    return {"error": "timeout", "detail": f"> {settings.file_timeout_s:g} s"}


def died_result(detail: str) -> dict[str, Any]:
    return {"error": "worker_died", "detail": detail}


def internal_error(err: BaseException) -> dict[str, Any]:
    """The result of a file whose handling raised: it fails alone, the batch goes on."""
    return {"error": "internal_error", "detail": f"{type(err).__name__}: {err}"}


def windowed(items: Iterable[T], window: int, submit: Callable[[T], Future[Any]],
             meanwhile: Callable[[], None] | None = None) -> Iterator[tuple[T, Future[Any]]]:
    """Each item's finished future (a file's, a district's), as they finish, with at most
    `window` in flight: results stream into the store and memory stays flat however many
    items there are. `meanwhile` is called once every item is sent, before waiting for the
    last ones: the workers have up to a window of work in hand while it runs (called after
    the first window, it left them idle once they had done it, more items waiting)."""
    queue = iter(items)
    end = object()
    upcoming: list[Any] = [next(queue, end)]  # the next item to send (looked at ahead)
    pending: dict[Future[Any], T] = {}
    waiting = [meanwhile] if meanwhile is not None else []

    def submit_next() -> None:
        if upcoming[0] is not end:
            pending[submit(upcoming[0])] = upcoming[0]
            upcoming[0] = next(queue, end)
        if upcoming[0] is end and waiting and pending:  # every item sent
            waiting.pop()()

    for _ in range(window):
        submit_next()
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in done:
            yield pending.pop(fut), fut
            submit_next()


def _result_of(fut: Future[Any], settings: Settings) -> dict[str, Any] | None:
    """What a finished pebble future says about its file; None when its worker died."""
    from pebble import ProcessExpired

    try:
        return dict(fut.result())
    except FutureTimeout:
        return timeout_result(settings)
    except ProcessExpired:
        return None
    except Exception as err:  # noqa: BLE001 - the file fails, the batch goes on
        return internal_error(err)


def _ready() -> None:
    """A task that does nothing: scheduled first, it makes the pool start its workers."""


def start_readers(jobs: int) -> Any:
    """A pool of `jobs` reading processes, started now: each worker imports the stages
    (`warm_worker`) while the main process still plans, before any file is sent to it. Hand it
    to `read_in_workers`, or `stop_readers` it when nothing is to be read after all."""
    from pebble import ProcessPool

    pool = ProcessPool(max_workers=max(1, jobs), initializer=warm_worker)
    pool.schedule(_ready)
    return pool


def stop_readers(pool: Any) -> None:
    """End a pool of readers that read nothing (`start_readers`)."""
    pool.stop()
    pool.join()


def read_in_workers(infos: Sequence[FileInfo], jobs: int, on_result: OnResult,
                    settings: Settings = DEFAULT_SETTINGS, lang: str | None = None,
                    then: Callable[[Any], None] | None = None,
                    meanwhile: Callable[[], None] | None = None, pool: Any = None) -> None:
    """Read every file in a pool of `jobs` processes, handing each result to `on_result` in
    the main process as it arrives (with its review page's head in `lang`); `meanwhile` is
    called once every file is sent (the main process only waits for them then), then `then`
    with the pool, still open (the run checks across reports in its workers), or with None
    when the pool has a single worker (work sent there would only wait for it). A file over
    `settings.file_timeout_s` has its worker ended and is recorded as timed out; a worker that
    dies (a crash inside a native library, the system killing it) is replaced and its file
    read once more, alone, before it is recorded as failed. `pool`: one `start_readers` started
    (of `jobs` workers). The pool is closed here, and ends in the background once its work
    is done (`close_in_background`; `wait_closed` waits for it)."""
    from pebble import ProcessPool

    if not infos:
        if pool is not None:
            stop_readers(pool)
        return
    budget = OcrBudget(settings)  # the run's OCR page limit, shared out file by file
    workers = max(1, min(jobs, len(infos)))
    if pool is None:
        pool = ProcessPool(max_workers=workers, initializer=warm_worker)
    try:
        _read_in(pool, infos, jobs, workers, on_result, settings, budget, lang, then, meanwhile)
    except BaseException:
        stop_readers(pool)
        raise
    close_in_background(pool)


def _read_in(pool: Any, infos: Sequence[FileInfo], jobs: int, workers: int, on_result: OnResult,
             settings: Settings, budget: OcrBudget, lang: str | None, then: Callable[[Any], None] | None,
             meanwhile: Callable[[], None] | None) -> None:
    """`read_in_workers` in its open pool of `workers` processes."""
    died: list[FileInfo] = []

    def submit(info: FileInfo) -> Future[Any]:
        return pool.schedule(read_one, (info.fs_path, budget.settings_for(info.fs_path), None, lang, info.path),
                             timeout=settings.file_timeout_s)

    for info, fut in windowed(infos, max(1, jobs) * 4, submit, meanwhile):
        result = _result_of(fut, settings)
        budget.settle(info.fs_path, result or {})
        if result is None:
            died.append(info)
        else:
            on_result(info, result)
    for info in died:  # alone: nothing else in flight can be the cause
        fut = submit(info)
        wait([fut])
        result = _result_of(fut, settings) or died_result("the worker process died twice")
        budget.settle(info.fs_path, result)
        on_result(info, result)
    if then is not None:
        then(pool if workers > 1 else None)


_closing: list[tuple[threading.Thread, list[BaseException]]] = []


def close_in_background(pool: Any) -> None:
    """Close a pool whose work is done without waiting for it: pebble's join waits for its
    manager threads, which look at the pool every tenth of a second, then ends each worker (a
    worker writes its kept tables as it ends): 0.05-0.13 s of a changed re-run spent waiting,
    before the outputs could start. A thread joins it meanwhile (`wait_closed`)."""
    errors: list[BaseException] = []

    def join() -> None:
        try:
            pool.join()
        except BaseException as err:  # noqa: BLE001 - raised by wait_closed, in the run's thread
            errors.append(err)

    pool.close()
    closing = threading.Thread(target=join, name="ntm-readers-closing")
    closing.start()
    _closing.append((closing, errors))


def wait_closed() -> None:
    """Wait for the pools closed in the background (`close_in_background`) to have ended;
    raises what ending one raised."""
    errors: list[BaseException] = []
    while _closing:
        closing, raised = _closing.pop()
        closing.join()
        errors.extend(raised)
    if errors:
        raise errors[0]
