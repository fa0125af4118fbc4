"""An output written in a forked child process while this one writes the others.

After an ingest has read its files, the outputs are made one after the other in the main
process while a worker pool sits closed: on two cores, a writer that only reads the store (the
report pages, the workbook) can run beside it. The child opens its own read-only connection to
the store (an SQLite connection is not to be used across fork), sends its result back through
a pipe and leaves without running any cleanup; when it fails, finishing does the work here, so
its error is raised here.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from extractor.store.db import Store

T = TypeVar("T")

_INHERITED: list[Any] = []  # the parent's store connections, kept alive (never closed) in a child


def can_fork() -> bool:
    # fork copies what the parent holds for free; macOS's system libraries are not safe across
    # fork, Windows has none
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def start_forked(job: Callable[[Store], T], store: Store) -> Callable[[], T]:
    """Start `job` and return what finishes it, giving its result (picklable). Where the
    process can fork, a child runs `job` on a read-only connection to `store` while this process
    goes on; finishing waits for it (once: a second call gives the same result). Elsewhere, or
    when the child fails, finishing runs `job(store)` here."""
    if not can_fork():
        return _once(lambda: job(store))
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the job, send its result, leave without any cleanup
        code = 1
        try:
            os.close(read_end)
            _INHERITED.append(store)  # never closed here: it is the parent's
            with Store.reader(store.path) as own:
                data = pickle.dumps(job(own), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            code = 0
        except BaseException:  # noqa: BLE001 - the parent runs the job again and raises
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)

    def finish() -> T:
        with os.fdopen(read_end, "rb") as pipe:  # read before waiting: the result may not fit the pipe
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) == 0 and data:
            return pickle.loads(data)  # noqa: S301 - our own child's result
        return job(store)
    return _once(finish)


def _once(fn: Callable[[], T]) -> Callable[[], T]:
    """`fn`, run at the first call only; later calls give its result or raise its error again
    (a run that fails on the way still finishes its child, in a `finally`)."""
    done: list[tuple[bool, Any]] = []

    def once() -> T:
        if not done:
            try:
                done.append((True, fn()))
            except BaseException as err:
                done.append((False, err))
                raise
        ok, value = done[0]
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]
    return once
