"""Reading files in worker processes: each worker turns a path into a plain record dict (or an
error code and detail) and never raises; the main process gets each result as it arrives."""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from extractor.batch import read_or_error
from extractor.core import i18n
from extractor.core.errors import ReadError
from extractor.store.db import FileInfo

# Sleep this many seconds in each worker before reading: lets the kill-mid-run test catch
# a run in the middle without needing thousands of files. Unset in normal use.
DELAY_ENV = "NTM_INGEST_TEST_DELAY"


def read_one(path: str) -> dict[str, Any]:
    """Run in a worker process: the record dict, or the error code and detail. Never raises."""
    delay = os.environ.get(DELAY_ENV)
    if delay:
        time.sleep(float(delay))
    from extractor.pipeline import extract

    # The store must not depend on the language of the run that read a file: flag messages
    # are stored in Vietnamese (`message`) and English (`message_en`).
    i18n.set_language("vi")

    result = read_or_error(path, lambda p: extract(p).to_json())
    if isinstance(result, ReadError):
        return {"error": result.code, "detail": result.detail}
    return {"record": result}


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
