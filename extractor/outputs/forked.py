"""An output written in a forked child process while this one writes the others.

After an ingest has read its files, the outputs are made one after the other in the main
process while a worker pool sits closed: on two cores, a writer that only reads the store (the
report pages, the workbook) can run beside it. The child opens its own read-only connection to
the store (an SQLite connection is not to be used across fork), sends its result back through
a pipe and leaves without running any cleanup; when it fails, finishing does the work here, so
its error is raised here. A child stopped by the user (Ctrl-C reaches the whole process group)
stops the run: its job is not done again here. A run that fails on the way abandons its
children (`Started.abandon`): they are stopped and reaped, their jobs not done here.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Callable
from contextlib import suppress
from typing import Any, Generic, TypeVar

from extractor.store.db import Store

T = TypeVar("T")
S = TypeVar("S", Store, None)  # a job reads the store, or needs none

_INHERITED: list[Any] = []  # the parent's store connections, kept alive (never closed) in a child
_FAILED, _INTERRUPTED = 1, 130  # a child's exit codes besides 0 (130: stopped by Ctrl-C, as shells say)


class Started(Generic[T]):
    """A job started in a child: calling it finishes the job (waits, gives its result; once:
    later calls give the same result or error); `abandon` stops the child and reaps it without
    doing the job here (for a run already failing)."""

    def __init__(self, finish: Callable[[], T], abandon: Callable[[], None] = lambda: None) -> None:
        self._finish, self._abandon = finish, abandon

    def __call__(self) -> T:
        return self._finish()

    def abandon(self) -> None:
        self._abandon()


def can_fork() -> bool:
    # fork copies what the parent holds for free; macOS's system libraries are not safe across
    # fork, Windows has none
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def start_forked(job: Callable[[S], T], store: S) -> Started[T]:
    """Start `job` and return what finishes it, giving its result (picklable). Where the
    process can fork, a child runs `job` on a read-only connection to `store` (None without a
    store: what the job needs is in the memory it inherits) while this process goes on;
    finishing waits for it (once: a second call gives the same result). Elsewhere, or when the
    child fails, finishing runs `job(store)` here."""
    if not can_fork():
        return Started(_once(lambda: job(store)))
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the job, send its result, leave without any cleanup
        code = _FAILED
        try:
            os.close(read_end)
            if store is None:
                data = pickle.dumps(job(store), protocol=pickle.HIGHEST_PROTOCOL)
            else:
                _INHERITED.append(store)  # never closed here: it is the parent's
                with Store.reader(store.path) as own:
                    data = pickle.dumps(job(own), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            code = 0
        except (KeyboardInterrupt, SystemExit):
            code = _INTERRUPTED
        except BaseException:  # noqa: BLE001 - the parent runs the job again and raises
            code = _FAILED
        finally:
            os._exit(code)
    os.close(write_end)
    reaped: list[int] = []
    unread = [read_end]  # the pipe's end until finishing reads (and closes) it

    def reap() -> int:
        if not reaped:
            reaped.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
        return reaped[0]

    def finish() -> T:
        unread.clear()
        with os.fdopen(read_end, "rb") as pipe:  # read before waiting: the result may not fit the pipe
            data = pipe.read()
        code = reap()
        if code == 0 and data:
            return pickle.loads(data)  # noqa: S301 - our own child's result
        if code in (_INTERRUPTED, -signal.SIGINT, -signal.SIGTERM):
            raise KeyboardInterrupt  # stopped by the user: the run stops, nothing is redone
        return job(store)

    def abandon() -> None:
        if reaped:
            return
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        reap()
        for fd in unread:
            os.close(fd)
        unread.clear()
    return Started(_once(finish), abandon)


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
