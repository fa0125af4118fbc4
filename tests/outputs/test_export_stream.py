"""Outputs streamed from the store (store.consolidate.StoreTables: figures and flags read a
report at a time) are the same bytes as outputs written from the whole tables as DataFrames,
in either language."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from extractor.core import i18n
from extractor.outputs.export import CSV_TABLES, write_outputs
from extractor.store.consolidate import StoreTables, store_to_tables
from extractor.store.db import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from extractor.ingest.run import run_ingest

    src = tmp_path_factory.mktemp("in")
    shutil.copy(ROOT / "corpus" / "luc-binh-2023.txt", src / "luc-binh-2023.txt")
    for path in sorted((ROOT / "corpus" / "generated").glob("*.docx"))[:4]:
        shutil.copy(path, src / path.name)
    out = tmp_path_factory.mktemp("out")
    run_ingest([str(src)], out, jobs=1)
    return out / "ntm.sqlite"


def _sheets(path: Path) -> dict[str, bytes]:
    """The workbook's parts but its document properties (they hold the time of writing)."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("docProps/")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_streamed_outputs_are_the_bytes_of_whole_tables(store_path: Path, tmp_path: Path, lang: str) -> None:
    with Store(store_path) as store, i18n.language_set(lang):
        streamed = StoreTables(store)
        assert streamed.count("figures") > 100 and streamed.count("flags") > 0
        write_outputs(streamed, tmp_path / "stream")
        write_outputs(store_to_tables(store), tmp_path / "frames")
    for table in CSV_TABLES:
        name = f"{table}.csv"
        assert (tmp_path / "stream" / name).read_bytes() == (tmp_path / "frames" / name).read_bytes(), name
    assert _sheets(tmp_path / "stream" / "report.xlsx") == _sheets(tmp_path / "frames" / "report.xlsx")


def test_streamed_rows_are_the_dataframe_rows(store_path: Path) -> None:
    with Store(store_path) as store:
        streamed = StoreTables(store)
        for table in ("figures", "flags"):
            df = streamed[table]
            assert list(df.columns) == streamed.columns(table)
            assert len(df) == streamed.count(table) == sum(1 for _ in streamed.rows(table))


@pytest.fixture(scope="module")
def store_with_flags_across(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two reports of one commune and period whose figures differ: flags across reports."""
    import re

    from extractor.ingest.run import run_ingest

    src = tmp_path_factory.mktemp("in-across")
    text = (ROOT / "corpus" / "luc-binh-2023.txt").read_text(encoding="utf-8")
    (src / "a.txt").write_text(text, encoding="utf-8")
    changed, n = re.subn(r"\d+(?:,\d+)? ha\b", "987 ha", text, count=1)
    assert n == 1
    (src / "b.txt").write_text(changed, encoding="utf-8")
    out = tmp_path_factory.mktemp("out-across")
    run_ingest([str(src)], out, jobs=1)
    return out / "ntm.sqlite"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_flags_across_reports_read_from_the_store_write_the_bytes_of_whole_tables(
        store_with_flags_across: Path, tmp_path: Path, lang: str) -> None:
    """Their evidence is read by id when a row, a workbook row or an overview box needs it."""
    from extractor.outputs.site import tables_to_overview_html

    with Store(store_with_flags_across) as store, i18n.language_set(lang):
        streamed = StoreTables(store)
        frames = store_to_tables(store)
        assert streamed.corpus_heads and "evidence_json" not in streamed.corpus_heads[0]
        assert streamed.count("flags") == len(frames["flags"])
        store.conn.execute("DELETE FROM corpus_flag_parts")
        write_outputs(streamed, tmp_path / "stream")  # renders the flags across reports' rows
        assert store.conn.execute("SELECT count(*) FROM corpus_flag_parts").fetchone()[0] > 0
        write_outputs(streamed, tmp_path / "cached")  # copies them
        write_outputs(frames, tmp_path / "frames")
        assert tables_to_overview_html(streamed) == tables_to_overview_html(frames)
        assert "across-" in tables_to_overview_html(streamed)
    for table in CSV_TABLES:
        name = f"{table}.csv"
        assert (tmp_path / "stream" / name).read_bytes() == (tmp_path / "frames" / name).read_bytes(), name
        assert (tmp_path / "cached" / name).read_bytes() == (tmp_path / "frames" / name).read_bytes(), name
    assert _sheets(tmp_path / "stream" / "report.xlsx") == _sheets(tmp_path / "frames" / "report.xlsx")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_workbook_written_by_a_child_process_is_the_one_written_here(store_path: Path, tmp_path: Path,
                                                                     lang: str, monkeypatch: pytest.MonkeyPatch
                                                                     ) -> None:
    from extractor.outputs import export

    if not export._can_fork():
        pytest.skip("no fork here: the workbook is always written in this process")
    with Store(store_path) as store, i18n.language_set(lang):
        tables = StoreTables(store)
        (tmp_path / "child").mkdir()
        finish = export.start_workbook(tables, tmp_path / "child" / "report.xlsx")
        finish()
        finish()  # once only
        monkeypatch.setattr(export, "_can_fork", lambda: False)
        export.start_workbook(tables, tmp_path / "here.xlsx")()
        assert tables.store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] > 0  # still usable
    assert _sheets(tmp_path / "child" / "report.xlsx") == _sheets(tmp_path / "here.xlsx")


def test_a_workbook_child_that_fails_raises_its_error_here(store_path: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.outputs import export, workbook

    if not export._can_fork():
        pytest.skip("no fork here")

    def broken(tables: object, path: Path) -> None:
        raise RuntimeError("no workbook")

    monkeypatch.setattr(workbook, "tables_to_workbook", broken)
    with Store(store_path) as store:
        finish = export.start_workbook(StoreTables(store), tmp_path / "report.xlsx")
        with pytest.raises(RuntimeError, match="no workbook"):
            finish()
    assert not (tmp_path / "report.xlsx").exists()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_boxes_cached_in_the_store_are_the_boxes_rendered(store_with_flags_across: Path, tmp_path: Path,
                                                                   lang: str) -> None:
    from extractor.outputs.site import tables_to_overview_html, write_review_site

    with Store(store_with_flags_across) as store, i18n.language_set(lang):
        store.conn.execute("DELETE FROM corpus_flag_parts")
        tables = StoreTables(store)
        write_review_site(store, tables, tmp_path / "rendered")
        assert store.conn.execute("SELECT count(*) FROM corpus_flag_parts WHERE name = ?",
                                  (f"box:{lang}",)).fetchone()[0] > 0
        write_review_site(store, tables, tmp_path / "cached")
        whole = tables_to_overview_html(store_to_tables(store))
    rendered, cached = ((tmp_path / d / "review" / "index.html").read_text(encoding="utf-8")
                        for d in ("rendered", "cached"))
    assert rendered == cached == whole and "across-" in whole


def test_overview_boxes_are_stored_as_they_are_rendered_not_held_to_the_end(
        store_with_flags_across: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first run renders every flag's box: held until the overview was written, they grew
    with the corpus (the largest part of the main process's memory at 10,000 reports)."""
    from extractor.outputs import site

    monkeypatch.setattr(site, "_SAVE_EVERY", 1)
    with Store(store_with_flags_across) as store:
        store.conn.execute("DELETE FROM corpus_flag_parts")
        across = site.AcrossFlags.of(StoreTables(store))
        assert across.box(0, lambda flag: "box") == "box"
        assert not across._fresh
        assert store.conn.execute("SELECT count(*) FROM corpus_flag_parts").fetchone()[0] == 1


def test_report_lines_are_cached_while_reading_and_are_those_written(store_path: Path, tmp_path: Path) -> None:
    with Store(store_path) as store:
        docs = store.conn.execute("SELECT id FROM documents WHERE status = 'ok'").fetchall()
        cached = store.conn.execute("SELECT count(*) FROM csv_rows").fetchone()[0]
        assert cached == 2 * len(docs)  # figures and own flags of each report, made by the run
        store.conn.execute("DELETE FROM csv_rows")
        write_outputs(StoreTables(store), tmp_path / "rendered")
    for table in ("figures", "flags"):
        name = f"{table}.csv"
        assert (tmp_path / "rendered" / name).read_bytes() == (store_path.parent / name).read_bytes(), name
