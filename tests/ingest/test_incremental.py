"""Incremental outputs (issue 17): a re-run after reports changed, went and arrived writes the
very outputs a fresh ingest of the final folder writes, every file of OUT compared."""
from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from extractor.ingest import plan
from extractor.ingest.run import run_ingest
from extractor.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"
GENERATED = sorted((ROOT / "corpus" / "generated").glob("*.docx"))
# what OUT holds besides the outputs: the store and the stamp carry times and row ids
NOT_OUTPUTS = ("ntm.sqlite", "ntm.sqlite-wal", "ntm.sqlite-shm", ".ntm-outputs.json")


def _sample_with_area(path: Path, area: str) -> Path:
    """The sample report with its first area in hectares replaced: the same commune and period
    with another value, which the checks across reports flag."""
    text = SAMPLE.read_text(encoding="utf-8")
    changed, n = re.subn(r"\d+(?:,\d+)? ha\b", f"{area} ha", text, count=1)
    assert n == 1
    path.write_text(changed, encoding="utf-8")
    return path


def _outputs(out: Path) -> dict[str, bytes]:
    """Every output file under OUT by relative path; a workbook by its parts, without the
    creation time of docProps/core.xml."""
    files: dict[str, bytes] = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        rel = path.relative_to(out).as_posix()
        if rel in NOT_OUTPUTS or rel.startswith("ocr-cache/"):
            continue
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                for name in sorted(z.namelist()):
                    if name != "docProps/core.xml":
                        files[f"{rel}!{name}"] = z.read(name)
        else:
            files[rel] = path.read_bytes()
    return files


def test_a_rerun_after_changes_writes_what_a_fresh_ingest_writes(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for f in GENERATED[:5]:
        shutil.copy(f, src / f.name)
    shutil.copy(SAMPLE, src / "a.txt")
    _sample_with_area(src / "b.txt", "1.234,5")  # flagged against a.txt
    # stats trusted however recent their change (not 2 s before): the re-run hashes only what changed
    monkeypatch.setattr(plan, "_RACY_NS", 0)
    old_mtime = (src / "b.txt").stat().st_mtime_ns
    out = tmp_path / "out"
    _, first = run_ingest([str(src)], out, jobs=2)
    assert first.read == 7
    with Store(out / "ntm.sqlite") as store:
        hashed_first = store.file_stats()

    shutil.copy(GENERATED[6], src / GENERATED[0].name)  # changed content under the same name
    (src / GENERATED[1].name).unlink()  # gone
    shutil.copy(GENERATED[7], src / GENERATED[7].name)  # new
    _sample_with_area(src / "b.txt", "2.345,6")  # its flag across reports changes
    os.utime(src / "b.txt", ns=(old_mtime, old_mtime))  # same size, mtime set back: ctime moved
    from extractor.ingest import run as run_module

    prepared: list[object] = []  # the reports' rows made while the workers checked across reports
    real_prepare = run_module._prepare_reports
    monkeypatch.setattr(run_module, "_prepare_reports",
                        lambda store, made: (real_prepare(store, made), prepared.extend(made)))
    _, second = run_ingest([str(src)], out, jobs=2)
    assert (second.read, second.missing) == (3, 1)
    assert len(prepared) == 2  # and the outputs below made from them are those of a fresh ingest
    with Store(out / "ntm.sqlite") as store:  # only the changed and new files were hashed again
        rehashed = {Path(p).name for p, s in store.file_stats().items() if hashed_first.get(p) != s}
        remembered = {Path(p).name for p in store.file_stats()}
    assert rehashed == {GENERATED[0].name, GENERATED[7].name, "b.txt"}
    assert GENERATED[1].name not in remembered  # a file gone leaves no stat behind

    fresh = tmp_path / "fresh"
    run_ingest([str(src)], fresh, jobs=2)
    incremental, scratch = _outputs(out), _outputs(fresh)
    assert sorted(incremental) == sorted(scratch)
    assert [name for name in scratch if incremental[name] != scratch[name]] == []
    assert b"\ncorpus," in scratch["flags.csv"] and b"2.345,6" in scratch["flags.csv"]


def test_a_rerun_names_the_reports_stored_before_while_its_workers_read(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The review page names and collation keys every output process caches were all made while
    the workers checked across reports, alone on the run's path: those of the reports stored
    before are made while the workers read (the main process only waits then)."""
    from extractor.ingest import run as run_module
    from extractor.outputs import export

    src = tmp_path / "in"
    src.mkdir()
    for f in GENERATED[:3]:
        shutil.copy(f, src / f.name)
    monkeypatch.setattr(plan, "_RACY_NS", 0)
    out = tmp_path / "out"
    run_ingest([str(src)], out, jobs=2)
    shutil.copy(GENERATED[4], src / GENERATED[0].name)

    calls: list[tuple[bool, set[str]]] = []
    checking: list[bool] = []
    real_warm, real_prepare = export.warm_report_names, run_module._prepare_reports

    def warm(docs: list[dict[str, object]]) -> None:
        docs = list(docs)
        calls.append((bool(checking), {Path(str(d["file"])).name for d in docs}))
        real_warm(docs)

    monkeypatch.setattr(export, "warm_report_names", warm)
    monkeypatch.setattr(run_module, "_prepare_reports",
                        lambda store, made: (checking.append(True), real_prepare(store, made)))
    run_ingest([str(src)], out, jobs=2)
    before = [names for during_checks, names in calls if not during_checks]
    assert before and {f.name for f in GENERATED[1:3]} <= before[0]


def test_a_rerun_copies_the_overview_boxes_of_flags_unchanged_from_the_overview_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The overview's box of every flag across reports was read from the store, decompressed
    and written again at each re-run (half of rewriting index.html): a flag's box the overview
    before shows is copied from it, and the file is the one a fresh ingest writes; an overview
    edited since is not copied from."""
    from extractor.outputs import export

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(GENERATED[0], src / GENERATED[0].name)
    shutil.copy(SAMPLE, src / "a.txt")
    _sample_with_area(src / "b.txt", "1.234,5")  # flagged against a.txt
    monkeypatch.setattr(plan, "_RACY_NS", 0)
    out = tmp_path / "out"
    run_ingest([str(src)], out, jobs=1)
    copies: list[int | None] = []
    real_copy = export.SpanWriter.copy

    def copy(self: export.SpanWriter, key: tuple[int | None, int | None], lead: str, *args: object) -> None:
        if lead == "":  # the overview's (a line of flags.csv is copied after its leading columns)
            copies.append(key[1])
        real_copy(self, key, lead, *args)  # type: ignore[arg-type]
    monkeypatch.setattr(export.SpanWriter, "copy", copy)

    def rerun(other: Path) -> bytes:
        copies.clear()
        shutil.copy(other, src / GENERATED[0].name)  # a report of another district changes
        run_ingest([str(src)], out, jobs=1)
        fresh = tmp_path / f"fresh-{other.name}"
        run_ingest([str(src)], fresh, jobs=1)
        overview = (out / "review" / "index.html").read_bytes()
        assert overview == (fresh / "review" / "index.html").read_bytes()
        return overview

    overview = rerun(GENERATED[1])
    with Store(out / "ntm.sqlite") as store:
        flag_ids = {i for (i,) in store.conn.execute("SELECT id FROM flags WHERE scope = 'corpus'")}
    assert flag_ids and flag_ids <= {i for i in copies if i is not None} and b"across-" in overview
    with open(out / "review" / "index.html", "ab") as fh:  # edited since: nothing copied from it
        fh.write(b"<!-- a note -->")
    rerun(GENERATED[2])
    assert [i for i in copies if i is not None and i in flag_ids] == []


def test_readers_started_for_a_file_touched_but_not_changed_are_stopped(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The run starts its readers when the plan finds a file to hash (ingest.workers.start_readers);
    a file whose stat changed but not its content is not read, and those readers are ended."""
    from extractor.ingest import run as run_module

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a.txt")
    out = tmp_path / "out"
    run_ingest([str(src)], out, jobs=2)
    started: list[object] = []
    real = run_module.start_readers
    monkeypatch.setattr(run_module, "start_readers", lambda jobs: started.append(real(jobs)) or started[-1])
    before = _outputs(out)
    (src / "a.txt").write_bytes((src / "a.txt").read_bytes())  # the same bytes written again
    _, stats = run_ingest([str(src)], out, jobs=2)
    assert stats.read == 0 and len(started) == 1
    assert not started[0].active  # type: ignore[attr-defined]
    assert _outputs(out) == before
