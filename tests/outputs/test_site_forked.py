"""The report pages written by a forked child while the main process writes the other outputs
(outputs.site.start_review_site, outputs.forked) are the pages written in the main process."""
from __future__ import annotations

import io
import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from extractor.core import i18n
from extractor.outputs import forked, site
from extractor.store.consolidate import StoreTables
from extractor.store.db import Store

ROOT = Path(__file__).resolve().parents[2]

needs_fork = pytest.mark.skipif(not forked.can_fork(), reason="no fork here: pages are written in this process")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OUT of two reports of one commune whose figures differ (flags across reports name both
    pages) and a third report; the inputs stay beside it in `in/`."""
    from extractor.ingest.run import run_ingest

    root = tmp_path_factory.mktemp("forked")
    src = root / "in"
    src.mkdir()
    text = (ROOT / "corpus" / "luc-binh-2023.txt").read_text(encoding="utf-8")
    (src / "a.txt").write_text(text, encoding="utf-8")
    changed, n = re.subn(r"\d+(?:,\d+)? ha\b", "987 ha", text, count=1)
    assert n == 1
    (src / "b.txt").write_text(changed, encoding="utf-8")
    shutil.copy(sorted((ROOT / "corpus" / "generated").glob("*.docx"))[0], src / "c.docx")
    run_ingest([str(src)], root / "out", jobs=1)
    return root


def _site(out: Path) -> dict[str, bytes]:
    review = out / site.links.REVIEW_DIR
    return {p.name: p.read_bytes() for p in sorted(review.iterdir())}


@needs_fork
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pages_written_by_a_child_are_the_pages_written_here(ingested: Path, tmp_path: Path, lang: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    here_calls: list[int] = []
    write_pages = site.write_report_pages

    def counted(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() == parent:
            here_calls.append(1)
        return write_pages(*args, **kwargs)

    monkeypatch.setattr(site, "write_report_pages", counted)
    with Store(ingested / "out" / "ntm.sqlite") as store, i18n.language_set(lang):
        tables = StoreTables(store)
        finish = site.start_review_site(store, tables, tmp_path / "child")
        assert finish() == 3
        assert finish() == 3  # once only
        assert here_calls == []  # written by the child, not again here after a failure
        monkeypatch.setattr(forked, "can_fork", lambda: False)
        assert site.write_review_site(store, tables, tmp_path / "here") == 3
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3  # still usable
    child, here = _site(tmp_path / "child"), _site(tmp_path / "here")
    assert child == here
    pages = {name.split("-")[0]: name for name in child}
    assert len(child) == 5  # a, b, c, the overview and the manifest
    # each of the two differing reports' pages shows the flags across reports naming both
    assert pages["b"].encode() in child[pages["a"]] and pages["a"].encode() in child[pages["b"]]


@needs_fork
def test_pages_a_child_could_not_write_are_written_here(ingested: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(ingested / "out" / "ntm.sqlite") as store:
        tables = StoreTables(store)
        site.write_review_site(store, tables, tmp_path / "here")

        def no_reader(path: object) -> Store:
            raise RuntimeError("no connection in the child")

        monkeypatch.setattr(Store, "reader", staticmethod(no_reader))  # the child fails, not this process
        assert site.write_review_site(store, tables, tmp_path / "child") == 3
    assert _site(tmp_path / "child") == _site(tmp_path / "here")


@pytest.mark.parametrize("fork", [True, False])
def test_an_error_writing_the_pages_is_raised_here(ingested: Path, tmp_path: Path, fork: bool,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> int:
        raise RuntimeError("no pages")

    monkeypatch.setattr(site, "write_report_pages", broken)
    if not fork:
        monkeypatch.setattr(forked, "can_fork", lambda: False)
    with Store(ingested / "out" / "ntm.sqlite") as store:
        finish = site.start_review_site(store, StoreTables(store), tmp_path)
        with pytest.raises(RuntimeError, match="no pages"):
            finish()
        with pytest.raises(RuntimeError, match="no pages"):
            finish()  # the same error again, nothing run twice
    assert (tmp_path / "review" / "index.html").exists()  # the overview is written all the same


@pytest.mark.parametrize("fork", [True, False])
def test_a_page_that_cannot_be_made_is_named_on_the_stream(ingested: Path, tmp_path: Path, fork: bool,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A report whose page head was not stored and whose file is gone: its page is not made,
    and the message written in the child reaches the run's stream."""
    if not fork:
        monkeypatch.setattr(forked, "can_fork", lambda: False)
    shutil.copytree(ingested, tmp_path / "copy")
    db = tmp_path / "copy" / "out" / "ntm.sqlite"
    with Store(db) as store:
        gone = store.conn.execute("SELECT id, path FROM documents WHERE path LIKE '%c.docx'").fetchone()
        store.conn.execute("DELETE FROM pages WHERE document_id = ?", (gone[0],))
    moved = tmp_path / "moved.docx"
    shutil.move(str(ingested / "in" / "c.docx"), moved)
    try:
        stream = io.StringIO()
        with Store(db) as store, i18n.language_set("en"):
            written = site.write_review_site(store, StoreTables(store), tmp_path / "site", stream)
    finally:
        shutil.move(str(moved), ingested / "in" / "c.docx")
    assert written == 2
    assert gone[1] in stream.getvalue()
    assert site.links.page_name(gone[1]) not in _site(tmp_path / "site")


def test_a_forked_job_gives_its_result_once(tmp_path: Path) -> None:
    runs: list[str] = []

    def job(store: Store) -> list[str]:
        runs.append(str(store.path))
        return [str(store.path), *[str(n) for n in range(20_000)]]  # more than a pipe holds

    with Store(tmp_path / "s.sqlite") as store:
        finish = forked.start_forked(job, store)
        result = finish()
        assert finish() is result
    assert result[0] == str(tmp_path / "s.sqlite") and len(result) == 20_001
    assert runs == ([] if forked.can_fork() else [str(tmp_path / "s.sqlite")])  # run in the child


def test_each_flag_across_reports_is_read_once_for_all_the_pages_naming_it(
        ingested: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    flag = site.AcrossFlags.flag

    def counted(self: site.AcrossFlags, index: int) -> tuple[str, dict[str, object]]:
        read.append(index)
        return flag(self, index)

    with Store(ingested / "out" / "ntm.sqlite") as store:
        across = site.AcrossFlags.of(StoreTables(store))
        named = [i for path in across.by_file for i in across.by_file[path]]
        assert len(named) > len(set(named))  # flags named by two pages
        monkeypatch.setattr(site.AcrossFlags, "flag", counted)
        site.write_report_pages(store, across, tmp_path / "once")
        assert sorted(read) == sorted(set(named))
        monkeypatch.setattr(site, "_HELD_FLAGS", 0)  # none held: read again for each page
        read.clear()
        site.write_report_pages(store, across, tmp_path / "each")
        assert sorted(read) == sorted(named)
    once, each = ({p.name: p.read_bytes() for p in (tmp_path / d).iterdir()} for d in ("once", "each"))
    assert once == each


@needs_fork
def test_a_child_stopped_by_ctrl_c_stops_the_run_without_doing_its_job_here(tmp_path: Path) -> None:
    """Regression: Ctrl-C reaches the whole process group; the child, interrupted, exited as
    failed, and finishing wrote the pages (and the workbook) again in the parent before the run
    stopped."""
    parent = os.getpid()
    runs: list[int] = []

    def job(store: Store) -> int:
        runs.append(os.getpid())
        if os.getpid() != parent:
            raise KeyboardInterrupt
        return 1

    with Store(tmp_path / "s.sqlite") as store:
        finish = forked.start_forked(job, store)
        with pytest.raises(KeyboardInterrupt):
            finish()
    assert runs == []  # nothing run here (the child's own list is its copy)


@needs_fork
def test_an_abandoned_child_is_stopped_and_its_job_not_done_here(tmp_path: Path) -> None:
    parent = os.getpid()
    runs: list[int] = []

    def job(store: Store) -> int:
        runs.append(os.getpid())
        if os.getpid() != parent:
            time.sleep(60)
        return 1

    with Store(tmp_path / "s.sqlite") as store:
        started = forked.start_forked(job, store)
        begun = time.monotonic()
        started.abandon()
        started.abandon()  # once
    assert time.monotonic() - begun < 30 and runs == []


def test_a_run_failing_while_writing_its_csvs_abandons_the_pages_and_the_workbook(
        ingested: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a CSV that could not be written made the run write the report pages again
    in its `finally`, and an error there replaced the first one."""
    from extractor.ingest import run
    from extractor.outputs import export

    parent = os.getpid()
    here: list[str] = []
    pages, xlsx = site.write_report_pages, export.write_xlsx

    def pages_here(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() == parent:
            here.append("pages")
        return pages(*args, **kwargs)

    def xlsx_here(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() == parent:
            here.append("workbook")
        return xlsx(*args, **kwargs)

    def no_csv(*args: Any, **kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(site, "write_report_pages", pages_here)
    monkeypatch.setattr(export, "write_xlsx", xlsx_here)
    monkeypatch.setattr(export, "write_table_csv", no_csv)
    out = tmp_path / "out"
    shutil.copytree(ingested / "out", out)
    with pytest.raises(OSError, match="disk full"):
        run.run_ingest([str(ingested / "in")], out, jobs=1, force=True)
    assert here == []  # neither written again here
