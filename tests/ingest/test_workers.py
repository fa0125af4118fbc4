"""The worker pool: a file over its time limit has its worker ended and the batch goes on; a
worker that dies fails only its own file; results arrive while others are still read."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from extractor.core.settings import Settings
from extractor.ingest.plan import file_to_found
from extractor.ingest.workers import read_in_workers
from extractor.store.db import FileInfo

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"


def _write(path: Path, copies: int = 1, note: str = "") -> FileInfo:
    path.write_text("\n".join([SAMPLE.read_text(encoding="utf-8")] * copies) + note, encoding="utf-8")
    return file_to_found(path).info


def _collect(infos: list[FileInfo], settings: Settings, jobs: int = 2) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    read_in_workers(infos, jobs, lambda info, result: results.__setitem__(Path(info.path).name, result),
                    settings)
    return results


def test_a_file_over_its_time_limit_is_abandoned_and_the_batch_goes_on(tmp_path: Path) -> None:
    slow = _write(tmp_path / "rat-dai.txt", copies=40)  # a real long text: seconds to read
    quick = [_write(tmp_path / f"ngan-{i}.txt", note=f"\nGhi chú {i}.\n") for i in range(3)]
    start = time.perf_counter()
    results = _collect([slow, *quick], Settings(file_timeout_s=1.5))
    assert time.perf_counter() - start < 30
    assert results["rat-dai.txt"] == {"error": "timeout", "detail": "> 1.5 s"}
    assert all("rows" in results[f"ngan-{i}.txt"] for i in range(3))  # stored as read


def test_a_worker_that_dies_fails_only_its_own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.pipeline as pipeline

    real = pipeline.extract

    def crash_on_bad(path: str, settings: Settings) -> Any:
        if "chet" in str(path):
            os._exit(9)  # as a crash inside a native library ends the process
        return real(path, settings)

    # the workers are forked after this, so they run the patched function
    monkeypatch.setattr(pipeline, "extract", crash_on_bad)
    if __import__("multiprocessing").get_start_method() != "fork":
        pytest.skip("the patch reaches forked workers only")
    infos = [_write(tmp_path / "chet.txt"), *(_write(tmp_path / f"song-{i}.txt", note=f"\n{i}\n") for i in range(3))]
    results = _collect(infos, Settings())
    assert results["chet.txt"]["error"] == "worker_died"
    assert all("rows" in results[f"song-{i}.txt"] for i in range(3))


@pytest.mark.parametrize(("jobs", "files", "pool"), [(1, 2, False), (2, 1, False), (2, 2, True)])
def test_a_pool_of_one_worker_leaves_the_work_after_reading_to_the_main_process(
        tmp_path: Path, jobs: int, files: int, pool: bool) -> None:
    """Work sent to a single worker would only wait for it: `then` gets no pool to send it to."""
    infos = [tmp_path / f"missing-{i}.txt" for i in range(files)]  # fails at once: no reading
    given: list[Any] = []
    read_in_workers([FileInfo(str(p), None, None, "txt") for p in infos], jobs, lambda info, result: None,
                    Settings(), then=given.append)
    assert len(given) == 1 and (given[0] is not None) == pool


def _compile_unique(pattern: str) -> bool:
    """Run in a worker: a pattern no module compiles, through the kept regex programs."""
    from extractor.core.regexes import compiled

    return compiled(pattern).pattern == pattern


def test_a_workers_compiled_regexes_are_kept_for_the_next_run(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker ends through multiprocessing's exit, where the `atexit` functions that write the
    kept tables (core/kept.py) never ran: every ingest compiled the extraction's regexes again
    in each worker. They are written when the worker ends (ingest.workers.keep_at_exit)."""
    from pebble import ProcessPool

    from extractor.core import regexes
    from extractor.core.kept import KeptTable
    from extractor.ingest.workers import close_in_background, wait_closed, warm_worker

    monkeypatch.setenv("NTM_CACHE_DIR", str(tmp_path))
    table = KeptTable(regexes._kept.name or "regexes-test.marshal")
    monkeypatch.setattr(regexes, "_kept", table)  # read from tmp_path by the workers, written there
    pattern = f"kept-in-a-worker-{os.getpid()}-(\\d+)"
    pool = ProcessPool(max_workers=2, initializer=warm_worker)
    assert pool.schedule(_compile_unique, (pattern,)).result(timeout=60)
    close_in_background(pool)
    wait_closed()
    assert not pool.active
    import marshal

    kept = marshal.loads((tmp_path / table.name).read_bytes())
    assert (pattern, 0) in kept


def test_a_pool_closed_in_the_background_raises_its_error_when_waited_for() -> None:
    """The readers' pool ends in a thread of its own (close_in_background); what ending it
    raised is raised where the run waits for it, not lost in that thread."""
    from extractor.ingest.workers import close_in_background, wait_closed

    class Failing:
        def close(self) -> None:
            pass

        def join(self) -> None:
            raise RuntimeError("Unable to terminate PID")

    close_in_background(Failing())
    with pytest.raises(RuntimeError, match="terminate"):
        wait_closed()
    wait_closed()  # once raised, nothing is left to wait for


@pytest.mark.parametrize(("items", "window"), [(5, 2), (1, 1), (3, 8)])
def test_work_done_meanwhile_waits_until_every_item_is_sent(items: int, window: int) -> None:
    """`windowed` calls `meanwhile` once the last item is sent, while up to a window of them is
    still in hand: called after the first window, it left the workers idle once they had done
    it while more items waited (the districts checked across reports)."""
    from concurrent.futures import Future

    from extractor.ingest.workers import windowed

    events: list[str] = []

    def submit(item: int) -> Future[Any]:
        events.append(f"sent {item}")
        fut: Future[Any] = Future()
        fut.set_result(item)
        return fut

    done = [item for item, _ in windowed(range(items), window, submit, lambda: events.append("meanwhile"))]
    assert sorted(done) == list(range(items))
    assert events.count("meanwhile") == 1
    assert events.index("meanwhile") == events.index(f"sent {items - 1}") + 1
    assert list(windowed([], window, submit, lambda: events.append("meanwhile"))) == []
    assert events.count("meanwhile") == 1  # nothing sent: nothing to do meanwhile
