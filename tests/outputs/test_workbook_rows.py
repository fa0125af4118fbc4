"""report.xlsx's rows kept from one run to the next (outputs.workbook_rows): a workbook written
after reports changed, from the rows the run before kept, is the workbook written from scratch
(every part of it, and cell by cell as openpyxl reads it), and nothing kept is trusted when it
no longer fits: a report read again or removed, flags renumbered, the rows kept deleted or
edited, the workbook itself edited, another language."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from extractor.core import i18n
from extractor.ingest import plan
from extractor.ingest.run import run_ingest
from extractor.outputs import export, forked
from extractor.outputs import workbook as wb
from extractor.outputs.workbook_rows import ROW_NUMBER, SEQ_NUMBER, kept_row
from extractor.store.consolidate import StoreTables, store_to_tables
from extractor.store.db import Store
from extractor.store.tables import as_tables

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"
GENERATED = sorted((ROOT / "corpus" / "generated").glob("*.docx"))


def _sample_with_area(path: Path, area: str) -> None:
    """The sample report with its first area in hectares replaced: flagged against the sample."""
    changed, n = re.subn(r"\d+(?:,\d+)? ha\b", f"{area} ha", SAMPLE.read_text(encoding="utf-8"), count=1)
    assert n == 1
    path.write_text(changed, encoding="utf-8")


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A folder of reports (two of one commune whose figures differ: flags across reports) and
    OUT after a first run, the workbook's rows kept in its store; and a copy of both as they
    were (the store names the files by their path: each test changes them where they are)."""
    base = tmp_path_factory.mktemp("kept")
    src = base / "w" / "in"
    src.mkdir(parents=True)
    for path in GENERATED[:2]:
        shutil.copy(path, src / path.name)
    shutil.copy(SAMPLE, src / "a.txt")
    _sample_with_area(src / "b.txt", "987")
    run_ingest([str(src)], base / "w" / "out", jobs=1)
    shutil.copytree(base / "w", base / "pristine")  # times kept: nothing to read again
    return base / "w", base / "pristine"


@pytest.fixture
def run(first_run: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The first run's folder and OUT as they were, to change and run again (stats trusted
    however recent)."""
    monkeypatch.setattr(plan, "_RACY_NS", 0)
    work, pristine = first_run
    shutil.rmtree(work)
    shutil.copytree(pristine, work)
    return work


def _parts(path: Path) -> dict[str, bytes]:
    """A workbook's parts but the time it was written (docProps/core.xml)."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def _cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every cell of every sheet as openpyxl reads it: its value, number format and styles."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    return {ws.title: [(c.coordinate, c.value, c.number_format, *(repr(s) for s in (c.font, c.fill, c.border,
                                                                                     c.alignment, c.protection)))
                       for row in ws.iter_rows() for c in row] for ws in book.worksheets}


def _scratch(out: Path, tmp_path: Path) -> Path:
    """The workbook of OUT's store written from scratch (from its tables as DataFrames: no row
    kept is read)."""
    path = tmp_path / "scratch.xlsx"
    with Store(out / "ntm.sqlite") as store:
        export.write_xlsx(as_tables(store_to_tables(store)), path)
    return path


def _assert_from_scratch(out: Path, tmp_path: Path) -> None:
    scratch = _scratch(out, tmp_path)
    assert _parts(out / "report.xlsx") == _parts(scratch)
    assert _cells(out / "report.xlsx") == _cells(scratch)


def _kept(out: Path) -> dict[tuple[str, bytes], str]:
    with Store(out / "ntm.sqlite") as store:
        return {(s, d): t for s, d, t in store.conn.execute("SELECT sheet, digest, data FROM workbook_rows")}


def _written_here(out: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, export.Changes | None]:
    """Write the workbook of OUT's store in this process: (rows of the long sheets written as
    kept, rows of them rendered, the changes to the rows kept, saved)."""
    counts = [0, 0]
    kept = wb._Sheet.kept

    def counted(self: wb._Sheet, number: int, inputs: Any) -> bool:
        found = kept(self, number, inputs)
        counts[0 if found else 1] += 1
        return found
    monkeypatch.setattr(wb._Sheet, "kept", counted)
    with Store(out / "ntm.sqlite") as store:
        changes = export.write_xlsx(StoreTables(store), out / "report.xlsx")
        export.save_workbook_rows(store, changes)
    monkeypatch.undo()
    return counts[0], counts[1], changes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_workbook_written_after_a_change_is_the_one_written_from_scratch(run: Path, tmp_path: Path,
                                                                           lang: str,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    with i18n.language_set(lang):
        _written_here(run / "out", monkeypatch)  # rows kept in this language
        before = _kept(run / "out")
        _sample_with_area(run / "in" / "a.txt", "1.234,5")
        _, stats = run_ingest([str(run / "in")], run / "out", jobs=1)
        assert stats.read == 1
        _assert_from_scratch(run / "out", tmp_path)
    after = _kept(run / "out")
    assert after != before and len(set(after) & set(before)) > len(before) // 2  # most rows kept as they were


def test_rows_are_rendered_only_for_what_changed(run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = run / "out"
    kept, rendered, changes = _written_here(out, monkeypatch)  # nothing changed: every row as kept
    assert kept > 100 and rendered == 0 and changes is not None and (changes.stale, changes.rendered) == ([], None)
    with Store(out / "ntm.sqlite") as store:  # a report removed: its rows go, the others stay
        path = store.conn.execute("SELECT path FROM documents WHERE path LIKE '%.docx' ORDER BY path").fetchone()[0]
        store.set_present([path], False)
    kept_after, rendered_after, changes = _written_here(out, monkeypatch)
    assert changes is not None and changes.stale and kept_after > kept // 2
    assert rendered_after < kept // 4
    _assert_from_scratch(out, tmp_path)
    assert not [t for t in _kept(out).values() if Path(path).name in t]


def test_a_removed_report_leaves_no_row_in_the_workbook(run: Path, tmp_path: Path) -> None:
    (run / "in" / GENERATED[0].name).unlink()
    _, stats = run_ingest([str(run / "in")], run / "out", jobs=1)
    assert stats.missing == 1
    _assert_from_scratch(run / "out", tmp_path)
    assert not [t for t in _kept(run / "out").values() if GENERATED[0].stem in t]


def test_flags_across_reports_renumbered_by_a_new_one(run: Path, tmp_path: Path) -> None:
    """A third copy of the commune's report: new flags across reports, the others renumbered."""
    with Store(run / "out" / "ntm.sqlite") as store:
        before = dict(store.conn.execute("SELECT id, seq FROM flags WHERE scope = 'corpus'"))
    _sample_with_area(run / "in" / "0.txt", "55")  # first in its district's order
    run_ingest([str(run / "in")], run / "out", jobs=1)
    with Store(run / "out" / "ntm.sqlite") as store:
        after = dict(store.conn.execute("SELECT id, seq FROM flags WHERE scope = 'corpus'"))
    assert before and any(after.get(i, seq) != seq for i, seq in before.items())  # renumbered
    _assert_from_scratch(run / "out", tmp_path)


def test_an_edited_workbook_is_written_whole(run: Path, tmp_path: Path) -> None:
    """The rows kept are in the store, not read from the workbook: an edited (here broken)
    report.xlsx is written again in full."""
    (run / "out" / "report.xlsx").write_bytes(b"not a workbook")
    _sample_with_area(run / "in" / "a.txt", "1.234,5")
    run_ingest([str(run / "in")], run / "out", jobs=1)
    _assert_from_scratch(run / "out", tmp_path)


@pytest.mark.parametrize("damage", ["deleted", "not-a-row", "other-styles", "other-context"])
def test_rows_kept_that_no_longer_fit_are_rendered_again(run: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    out = run / "out"
    kept = _kept(out)
    with Store(out / "ntm.sqlite") as store, store.transaction() as conn:
        if damage == "deleted":
            conn.execute("DELETE FROM workbook_rows")
        elif damage == "not-a-row":
            conn.execute("UPDATE workbook_rows SET data = 'x' || data")
        elif damage == "other-styles":  # numbered otherwise than this workbook numbers them
            conn.executemany("UPDATE workbook_rows SET data = ? WHERE sheet = ? AND digest = ?",
                             [(re.sub(r"=(\d+)", lambda m: f"={int(m[1]) + 1}", t, count=1), s, d)
                              for (s, d), t in kept.items()])
    if damage == "other-context":  # another folder the files are shown under
        monkeypatch.setattr(wb.links, "common_root", lambda files: "/elsewhere")
    written_kept, rendered, changes = _written_here(out, monkeypatch)
    assert written_kept == 0 and rendered >= len(kept)
    if damage == "other-context":
        return
    _assert_from_scratch(out, tmp_path)
    assert _kept(out) == kept  # kept again as they were written


def test_a_forced_run_renders_every_row_again(run: Path, tmp_path: Path) -> None:
    with Store(run / "out" / "ntm.sqlite") as store, store.transaction() as conn:
        conn.execute("UPDATE workbook_rows SET data = replace(data, 'inlineStr', 'inlineStr ')")  # never read back
    run_ingest([str(run / "in")], run / "out", jobs=1, force=True)
    assert not [t for t in _kept(run / "out").values() if "inlineStr " in t]
    _assert_from_scratch(run / "out", tmp_path)


def _rendered_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files of rows rendered that the workbooks started are given."""
    from extractor.outputs import workbook_rows

    names: list[str] = []
    made = workbook_rows.rendered_file

    def recorded() -> str:
        names.append(made())
        return names[-1]
    monkeypatch.setattr(workbook_rows, "rendered_file", recorded)
    return names


def test_the_workbook_child_hands_its_rows_to_this_process(run: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The child that writes the workbook only reads the store: this process keeps its rows,
    and removes the file they came in."""
    if not forked.can_fork():
        pytest.skip("no fork here")
    out = run / "out"
    names = _rendered_files(monkeypatch)
    with Store(out / "ntm.sqlite") as store:
        store.clear_workbook_rows()
        finish = export.start_workbook(StoreTables(store), out / "report.xlsx")
        finish()
        finish()  # once
    assert len(_kept(out)) > 100
    assert len(names) == 1 and not Path(names[0]).exists()
    _assert_from_scratch(out, tmp_path)


def test_a_workbook_abandoned_leaves_no_file_of_rows(run: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a run failing after the workbook's child had written its rows (to a file of
    its own) abandoned the child and left the file in the temporary folder."""
    import time

    if not forked.can_fork():
        pytest.skip("no fork here")
    names = _rendered_files(monkeypatch)
    target = tmp_path / "report.xlsx"
    with Store(run / "out" / "ntm.sqlite") as store:
        store.clear_workbook_rows()  # every row rendered: the child writes them to its file
        started = export.start_workbook(StoreTables(store), target)
        deadline = time.monotonic() + 120
        while not target.exists() and time.monotonic() < deadline:  # the child has written it all
            time.sleep(0.05)
        assert target.exists() and len(names) == 1
        started.abandon()
    assert not Path(names[0]).exists()
    assert _kept(run / "out") == {}


def _sheet_xml(path: Path, rows: Any, links: list[str]) -> bytes:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                           "strings_to_urls": False, "strings_to_numbers": False})
    fmt = wb._formats(book)
    sheet = wb._Sheet(book, fmt, "s", "t", [10, 10, 10], kept=rows)
    sheet.header(["a", "b", "c"])
    for seq, target in enumerate(links, start=1):
        if sheet.kept(seq, target):
            continue
        sheet.seq_cell(0, seq)
        sheet.cell(1, "x")
        sheet.link(2, target)
        sheet.next_row()
    for s in fmt.sheets:
        s.done()
    book.close()
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml")


def test_a_row_whose_text_holds_a_placeholder_is_written_as_it_is_and_not_kept(tmp_path: Path) -> None:
    from extractor.outputs.workbook_rows import SheetRows

    links = ["review/a.html", f"review/b{ROW_NUMBER}.html", f"review/c{SEQ_NUMBER}.html", "review/a.html", "z"]
    rows = SheetRows("s", {}, b"context")
    kept = _sheet_xml(tmp_path / "kept.xlsx", rows, links)
    assert kept == _sheet_xml(tmp_path / "plain.xlsx", None, links)
    texts = [r.xml for r in rows.fresh.values()]
    assert len(texts) == 1 and "a.html" in texts[0]  # the same inputs twice: rendered once
    row = rows.fresh[rows.digest("review/a.html") or b""]
    assert kept_row(row.text()) == row  # as stored and read back


def test_a_workbook_written_from_a_store_only_read_keeps_no_row(run: Path, tmp_path: Path) -> None:
    out = run / "out"
    with Store(out / "ntm.sqlite") as store:
        store.clear_workbook_rows()
    with Store.reader(out / "ntm.sqlite") as store:
        export.start_workbook(StoreTables(store), tmp_path / "report.xlsx")()
    assert _kept(out) == {}
    assert _parts(tmp_path / "report.xlsx") == _parts(_scratch(out, tmp_path))


@pytest.mark.parametrize("limit, value", [("SPILL_ROWS", 3), ("SPILL_CHARS", 1)])
def test_rows_rendered_beyond_a_spill_limit_are_kept_all_the_same(run: Path, tmp_path: Path, limit: str, value: int,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (issue 17): a sheet's rendered rows were held until the sheet ended (the
    workbook child's 412 MiB at 10,000 reports; 20,000 rows of flags across reports are 50 MiB);
    they now go to the file of rows every SPILL_ROWS rows and every SPILL_CHARS of XML."""
    from extractor.outputs import workbook_rows

    with Store(run / "out" / "ntm.sqlite") as store:
        store.clear_workbook_rows()
    _written_here(run / "out", monkeypatch)
    whole = _kept(run / "out")
    with Store(run / "out" / "ntm.sqlite") as store:
        store.clear_workbook_rows()
    monkeypatch.setattr(workbook_rows, limit, value)
    reused, rendered, _ = _written_here(run / "out", monkeypatch)
    assert reused == 0 and rendered > 3 * 2
    assert _kept(run / "out") == whole
    _assert_from_scratch(run / "out", tmp_path)


def test_the_rows_of_a_sheet_ended_are_let_go(run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (issue 17): each sheet's worksheet lives until the workbook closes and held
    the rows kept and rendered for it, so the workbook child held the rows of every sheet at
    once (most of its 412 MiB at 10,000 reports); a sheet's rows go once they are handed over."""
    from extractor.outputs import workbook_rows

    with Store(run / "out" / "ntm.sqlite") as store:
        store.clear_workbook_rows()
    opened: list[workbook_rows.SheetRows] = []
    sheet = workbook_rows.KeptSheets.sheet

    def recorded(self: workbook_rows.KeptSheets, name: str, *parts: Any) -> workbook_rows.SheetRows:
        opened.append(sheet(self, name, *parts))
        return opened[-1]
    monkeypatch.setattr(workbook_rows.KeptSheets, "sheet", recorded)
    _, rendered, _ = _written_here(run / "out", monkeypatch)
    assert rendered > 0 and len(opened) > 1
    assert all(not (s.fresh or s.kept or s.used) for s in opened)


def _figures_read(out: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Write the workbook of OUT's store here; the files whose figures it read from the store."""
    read: list[str] = []
    rows = StoreTables.report_rows

    def counted(self: StoreTables, name: str, doc: dict[str, Any], **kw: Any) -> Any:
        if name == "figures":
            read.append(Path(doc["file"]).name)
        return rows(self, name, doc, **kw)
    monkeypatch.setattr(StoreTables, "report_rows", counted)
    _written_here(out, monkeypatch)  # undoes the patch too
    return read


def test_the_figures_sheet_reads_only_the_figures_of_reports_stored_again(run: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A row of the figures sheet is named by its report's stored state (content, versions,
    time stored), leading columns and place (workbook._figure_sheet_rows): a re-run reads the
    figures of the reports read again, writes the others' rows as kept, and the workbook is
    the one written from scratch; a report stored again (its time of storing changed) is read."""
    out = run / "out"
    assert _figures_read(out, monkeypatch) == []  # every row kept by the first run
    _sample_with_area(run / "in" / "a.txt", "1.234,5")
    _, stats = run_ingest([str(run / "in")], out, jobs=1)
    assert stats.read == 1
    assert _figures_read(out, monkeypatch) == []  # the run's own workbook kept a.txt's new rows
    _assert_from_scratch(out, tmp_path)
    with Store(out / "ntm.sqlite") as store:
        store.conn.execute("UPDATE documents SET read_at = '2000-01-01T00:00:00+00:00' WHERE path LIKE '%a.txt'")
        store.conn.commit()
    assert _figures_read(out, monkeypatch) == ["a.txt"]
    _assert_from_scratch(out, tmp_path)
