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
    from extractor.outputs import export, forked

    if not forked.can_fork():
        pytest.skip("no fork here: the workbook is always written in this process")
    with Store(store_path) as store, i18n.language_set(lang):
        tables = StoreTables(store)
        (tmp_path / "child").mkdir()
        finish = export.start_workbook(tables, tmp_path / "child" / "report.xlsx")
        finish()
        finish()  # once only
        monkeypatch.setattr(forked, "can_fork", lambda: False)
        export.start_workbook(tables, tmp_path / "here.xlsx")()
        assert tables.store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] > 0  # still usable
    assert _sheets(tmp_path / "child" / "report.xlsx") == _sheets(tmp_path / "here.xlsx")


def test_a_workbook_child_that_fails_raises_its_error_here(store_path: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.outputs import export, forked, workbook

    if not forked.can_fork():
        pytest.skip("no fork here")

    def broken(tables: object, path: Path, **options: object) -> None:
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


# -- figures.csv and flags.csv rewritten from the file written before -----------------------

def _copy_store(store_path: Path, tmp_path: Path) -> Path:
    """A copy of the store with its outputs written (other tests write the module's store's
    outputs elsewhere)."""
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(store_path, out / "ntm.sqlite")
    with Store(out / "ntm.sqlite") as store:
        write_outputs(StoreTables(store), out)
    return out


def _fresh_bytes(out: Path, tmp_path: Path) -> dict[str, bytes]:
    """The long CSVs written afresh from the store in `out` (nothing copied)."""
    fresh = tmp_path / "fresh"
    with Store(out / "ntm.sqlite") as store:
        store.conn.execute("DELETE FROM csv_spans")
        write_outputs(StoreTables(store), fresh)
    return {t: (fresh / f"{t}.csv").read_bytes() for t in ("figures", "flags")}


def _count_rendered(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The documents whose cached lines are read (the others are copied from the file)."""
    read: list[int] = []
    original = store.csv_block

    def counted(doc_id: int, name: str, prefix: str) -> bytes | None:
        read.append(doc_id)
        return original(doc_id, name, prefix)
    monkeypatch.setattr(store, "csv_block", counted)
    return read


def test_unchanged_reports_are_copied_from_the_file_written_before(store_with_flags_across: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    written = _copy_store(store_with_flags_across, tmp_path)
    out = tmp_path / "copy"  # a copy of OUT that keeps its files' times (cp -a) copies from its files
    shutil.copytree(written, out)
    with Store(out / "ntm.sqlite") as store:
        read = _count_rendered(store, monkeypatch)
        parts = store.conn.execute("SELECT count(*) FROM corpus_flag_parts").fetchone()[0]
        store.conn.execute("DELETE FROM corpus_flag_parts")  # were a flag's line read, it would be rendered
        write_outputs(StoreTables(store), out)
        assert read == [] and parts > 0
        assert store.conn.execute("SELECT count(*) FROM corpus_flag_parts").fetchone()[0] == 0  # all copied
    monkeypatch.undo()
    fresh = _fresh_bytes(out, tmp_path)
    for table in ("figures", "flags"):
        assert (out / f"{table}.csv").read_bytes() == fresh[table], table


def test_a_report_read_again_is_rendered_the_others_copied(store_path: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = _copy_store(store_path, tmp_path)
    with Store(out / "ntm.sqlite") as store:
        doc_id = store.conn.execute("SELECT min(document_id) FROM csv_spans").fetchone()[0]
        store.conn.execute("DELETE FROM csv_spans WHERE document_id = ?", (doc_id,))  # as a re-read does
        read = _count_rendered(store, monkeypatch)
        write_outputs(StoreTables(store), out)
        assert read == [doc_id, doc_id]  # its lines of figures.csv and of flags.csv
    monkeypatch.undo()
    fresh = _fresh_bytes(out, tmp_path)
    for table in ("figures", "flags"):
        assert (out / f"{table}.csv").read_bytes() == fresh[table], table


def test_a_report_read_again_loses_its_spans(store_path: Path, tmp_path: Path) -> None:
    """A re-read (or --force) deletes the report's rows, its cached lines and where they lay."""
    from extractor.store.db import FileInfo

    out = _copy_store(store_path, tmp_path)
    with Store(out / "ntm.sqlite") as store:
        doc_id, path = store.conn.execute("SELECT id, path FROM documents WHERE status = 'ok' LIMIT 1").fetchone()
        assert store.conn.execute("SELECT count(*) FROM csv_spans WHERE document_id = ?", (doc_id,)).fetchone()[0] == 2
        info = FileInfo(path=path, sha256="0" * 64, size=1, format="txt")
        with store.transaction():
            store._upsert_document(info, "ok", ("x", "y"))
        assert store.conn.execute("SELECT count(*) FROM csv_spans WHERE document_id = ?", (doc_id,)).fetchone()[0] == 0


@pytest.mark.parametrize("edit", ["append", "same-size", "removed"])
def test_an_edited_file_is_written_whole(store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         edit: str) -> None:
    out = _copy_store(store_path, tmp_path)
    target = out / "figures.csv"
    data = target.read_bytes()
    if edit == "append":
        target.write_bytes(data + b"x,y\n")
    elif edit == "same-size":
        target.write_bytes(data[:100] + b"#" + data[101:])
    else:
        target.unlink()
    with Store(out / "ntm.sqlite") as store:
        read = _count_rendered(store, monkeypatch)
        write_outputs(StoreTables(store), out)
        docs = [r[0] for r in store.conn.execute(
            "SELECT document_id FROM csv_spans WHERE name = 'figures' AND document_id IS NOT NULL")]
        assert len(docs) > 1 and sorted(read) == sorted(docs)  # figures.csv rendered whole, flags.csv copied
    monkeypatch.undo()
    assert target.read_bytes() == _fresh_bytes(out, tmp_path)["figures"]


def test_a_removed_report_disappears_from_the_copied_file(store_path: Path, tmp_path: Path) -> None:
    out = _copy_store(store_path, tmp_path)
    with Store(out / "ntm.sqlite") as store:
        path = store.conn.execute("SELECT path FROM documents WHERE status = 'ok' ORDER BY path LIMIT 1").fetchone()[0]
        before = (out / "figures.csv").read_text(encoding="utf-8")
        store.set_present([path], False)
        write_outputs(StoreTables(store), out)
    after = (out / "figures.csv").read_text(encoding="utf-8")
    name = Path(path).name
    assert name in before and name not in after
    fresh = _fresh_bytes(out, tmp_path)
    for table in ("figures", "flags"):
        assert (out / f"{table}.csv").read_bytes() == fresh[table], table


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_copied_csv_is_the_same_in_either_language(store_path: Path, tmp_path: Path, lang: str) -> None:
    out = _copy_store(store_path, tmp_path)
    with Store(out / "ntm.sqlite") as store, i18n.language_set(lang):
        write_outputs(StoreTables(store), out)
    for table in ("figures", "flags"):
        assert (out / f"{table}.csv").read_bytes() == _fresh_bytes(out, tmp_path)[table], table


def test_flags_renumbered_by_a_new_flag_are_not_rendered_again(store_with_flags_across: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.store import consolidate
    from extractor.store.db import corpus_flag_rows

    out = _copy_store(store_with_flags_across, tmp_path)
    with Store(out / "ntm.sqlite") as store:
        district, = store.conn.execute(
            "SELECT DISTINCT COALESCE(district, '') FROM flags WHERE scope = 'corpus'").fetchone()
        kept = [((rule, sev, msg, msg_en, ev), digest, items, text) for rule, sev, msg, msg_en, ev, digest, items, text
                in store.conn.execute(
                    "SELECT f.rule, f.severity, f.message, f.message_en, f.evidence, h.digest, h.items, h.text"
                    " FROM flags f JOIN corpus_flag_heads h ON h.flag_id = f.id"
                    " WHERE f.scope = 'corpus' ORDER BY f.seq")]
        source = store.conn.execute("SELECT path FROM documents ORDER BY path").fetchone()[0]
        new = corpus_flag_rows([{"rule": "figure_mismatch", "severity": "info", "message": "mới", "message_en": "new",
                                 "evidence": [{"text": "1 ha", "source": source}]}])
        store.replace_district_flags(district, new + kept, "renumbered")
        rendered: list[int] = []
        original = consolidate.corpus_flag_row

        def counted(store: Store, head: dict, *, located: bool = True) -> dict:
            rendered.append(head["seq"])
            return original(store, head, located=located)
        monkeypatch.setattr(consolidate, "corpus_flag_row", counted)
        write_outputs(StoreTables(store), out)
        assert rendered == [0]  # the new flag only: the others' lines but their number are cached
    monkeypatch.undo()
    fresh = _fresh_bytes(out, tmp_path)
    assert (out / "flags.csv").read_bytes() == fresh["flags"]


def test_overview_boxes_read_in_chunks_are_those_read_one_by_one(store_with_flags_across: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The overview reads its cached boxes a chunk at a time (`AcrossFlags.boxes`,
    `Store.flag_parts`), cached or not: the page is the one rendered whole."""
    from extractor.outputs import site
    from extractor.store import db

    monkeypatch.setattr(site, "_SAVE_EVERY", 1)
    monkeypatch.setattr(db, "_IN_LIMIT", 1)
    with Store(store_with_flags_across) as store:
        store.conn.execute("DELETE FROM corpus_flag_parts")
        whole = site.tables_to_overview_html(store_to_tables(store))
        tables = StoreTables(store)
        ids = [h["flag_id"] for h in tables.corpus_heads]
        assert ids and store.flag_parts(ids, "box:vi") == {}
        site.write_review_site(store, tables, tmp_path / "rendered")
        parts = store.flag_parts([*ids, -1], "box:vi")
        assert set(parts) == set(ids) and all(parts[i] == store.flag_part(i, "box:vi") for i in ids)
        site.write_review_site(store, tables, tmp_path / "cached")
    for d in ("rendered", "cached"):
        assert (tmp_path / d / "review" / "index.html").read_text(encoding="utf-8") == whole


def test_own_flag_rows_read_in_chunks_are_each_reports_rows_in_turn(store_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The workbook reads every report's own flags a chunk of reports a query
    (`StoreTables.own_flag_rows`): the rows `report_rows` gives report by report, in the long
    tables' order, whatever the chunk's size."""
    from extractor.store import consolidate

    with Store(store_path) as store:
        tables = StoreTables(store)
        one_by_one = [r for d in tables.reports.ordered() for r in tables.report_rows("flags", d, located=False)]
        assert len(one_by_one) > 3
        for chunk in (1, 2, 500):
            monkeypatch.setattr(consolidate, "_FLAG_CHUNK", chunk)
            assert list(tables.own_flag_rows(located=False)) == one_by_one
        located = [r for d in tables.reports.ordered() for r in tables.report_rows("flags", d)]
        assert list(tables.own_flag_rows()) == located


def test_a_csv_cell_of_a_common_type_is_written_as_the_general_way_writes_it() -> None:
    """Texts, whole numbers, None and floats are told by their exact type first
    (`export._csv_value`); every other value, a subclass of them included, goes the general
    way (`_csv_other`): both give the same cell."""
    import numpy as np

    from extractor.outputs.export import _csv_other, _csv_value

    class Text(str):
        pass

    values = [None, "", "a", "=1+1", "+84", "-", "@x", "\tx", "'q", 0, -3, 12, True, False, 2.5, -0.0,
              250000000.0, 12.1, float("nan"), float("inf"), Text("=x"), np.int64(5), np.float64(1.5),
              np.float64("nan"), np.str_("=y")]
    for value in values:
        assert repr(_csv_value(value)) == repr(_csv_other(value)), value
