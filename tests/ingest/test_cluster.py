"""Ingest on a Dask cluster (a LocalCluster of two worker processes) gives the outputs of a
local run, by path and by bytes, and still does when one worker is killed part-way."""
from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from extractor.ingest.run import run_ingest

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"
TABLES = ("communes", "criteria", "indicators", "figures", "flags", "errors")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("dask-in")
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(12):  # long enough each that a worker can be killed while others are left
        sub = src / f"nhom-{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"r{i:02d}.txt").write_text("\n".join([text] * 3) + f"\nGhi chú số {i}.\n", encoding="utf-8")
    (src / "rong.txt").write_bytes(b"")
    (src / "bang.xlsx").write_bytes(b"PK\x05\x06" + bytes(18))
    return src


@pytest.fixture(scope="module")
def local_out(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local-out")
    run_ingest([str(corpus)], out, jobs=2)
    return out


@pytest.fixture(scope="module")
def cluster():
    import dask

    with dask.config.set({"distributed.worker.daemon": False}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as c:
            yield c


def _same_outputs(a: Path, b: Path) -> None:
    for t in TABLES:
        assert (a / f"{t}.csv").read_bytes() == (b / f"{t}.csv").read_bytes(), t


@pytest.mark.parametrize("send_bytes", [False, True])
def test_dask_run_equals_local_run(corpus: Path, local_out: Path, cluster, tmp_path: Path,
                                   send_bytes: bool) -> None:
    _, stats = run_ingest([str(corpus)], tmp_path / "out", executor="dask",
                          scheduler=cluster.scheduler_address, send_bytes=send_bytes)
    assert stats.read == 12 and stats.failed == 1 and stats.other == 1
    _same_outputs(local_out, tmp_path / "out")


def test_a_worker_killed_part_way_loses_no_document(corpus: Path, local_out: Path, cluster,
                                                    tmp_path: Path) -> None:
    out = tmp_path / "out"
    client = distributed.Client(cluster)
    pids = list(client.run(os.getpid).values())
    client.close()
    box: dict[str, object] = {}
    runner = threading.Thread(target=lambda: box.update(result=run_ingest(
        [str(corpus)], out, executor="dask", scheduler=cluster.scheduler_address)))
    runner.start()
    deadline = time.monotonic() + 120
    read = 0
    while read < 2 and time.monotonic() < deadline and runner.is_alive():
        time.sleep(0.2)
        try:
            conn = sqlite3.connect(out / "ntm.sqlite")
            read = conn.execute("SELECT COUNT(*) FROM documents WHERE status = 'ok'").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            pass
    assert 2 <= read < 12, read  # part-way
    os.kill(pids[0], signal.SIGKILL)
    runner.join(300)
    assert not runner.is_alive()
    _, stats = box["result"]  # type: ignore[misc]
    assert stats.read == 12
    _same_outputs(local_out, out)
