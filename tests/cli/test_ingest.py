"""`ntm ingest` end to end: a messy folder, re-runs, a killed run, failures named on the console."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from extractor.cli.main import EXIT_ALL_FAILED, EXIT_OK, EXIT_SOME_FAILED
from extractor.core.errors import reason
from extractor.ingest.guard import LOCK_NAME
from extractor.ingest.run import run_ingest, summary_lines

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"
NTM = [sys.executable, "-m", "extractor.cli.main"]
TABLES = ("communes", "criteria", "indicators", "figures", "flags", "errors")


def _variant(path: Path, note: int, copies: int = 1) -> Path:
    """The sample report (`copies` times over) with a note appended: another file with other
    bytes; more copies make a file that takes longer to read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join([SAMPLE.read_text(encoding="utf-8")] * copies)
    path.write_text(text + f"\nGhi chú số {note}.\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("messy")
    files = {
        "deep": _variant(root / "huyen" / "xa-a" / "2023" / "bao-cao.txt", 1),
        "other": _variant(root / "huyen" / "xa-b" / "bao-cao.txt", 2),
        "corrupt": root / "huyen" / "hong.docx",
        "empty": root / "rong.txt",
        "not_report": root / "khac" / "thu-moi.txt",
        "duplicate": root / "khac" / "bao-cao-ban-sao.txt",
    }
    files["corrupt"].write_bytes(b"PK\x03\x04" + b"\x00garbage, not a zip archive" * 20)
    files["empty"].write_bytes(b"")
    files["not_report"].parent.mkdir(parents=True, exist_ok=True)
    files["not_report"].write_text(
        "THƯ MỜI\nTrân trọng kính mời quý vị đến dự buổi liên hoan văn nghệ.\n"
        "Thời gian: 19 giờ 30.\nRất hân hạnh được đón tiếp.\n", encoding="utf-8")
    shutil.copyfile(files["deep"], files["duplicate"])
    files["xlsx"] = root / "huyen" / "ghi-chu.xlsx"
    files["xlsx"].write_bytes(b"not a report format")  # listed as skipped, never read
    return {"root": root, **files}


@pytest.fixture(scope="module")
def messy_run(messy: dict[str, Path], tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("messy-out")
    env = {**os.environ, "NTM_LANG": "en"}
    proc = subprocess.run([*NTM, "ingest", str(messy["root"]), "-o", str(out), "--jobs", "2"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    return out, proc


def test_messy_folder_gives_complete_outputs(messy: dict[str, Path], messy_run) -> None:
    out, proc = messy_run
    assert proc.returncode == EXIT_SOME_FAILED, proc.stderr
    for t in TABLES:
        assert (out / f"{t}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (out / "report.xlsx").exists() and (out / "ntm.sqlite").exists()
    communes = pd.read_csv(out / "communes.csv", encoding="utf-8-sig")
    listed = [f for fs in communes["files"] for f in fs.split("; ")]  # copies: one row (issue 14)
    assert sorted(listed) == sorted(str(messy[k].resolve()) for k in ("deep", "other"))
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig").set_index("file")
    bad = {str(messy[k].resolve()): k for k in ("corrupt", "empty", "not_report", "duplicate", "xlsx")}
    assert set(errors.index) == set(bad)
    codes = {bad[f]: errors.loc[f, "code"] for f in bad}
    assert codes == {"corrupt": codes["corrupt"], "empty": "empty_file",
                     "not_report": "not_a_report", "duplicate": "duplicate", "xlsx": "unsupported_format"}
    assert errors.loc[str(messy["xlsx"].resolve()), "status"] == "skipped"
    assert codes["corrupt"] in ("corrupt_docx", "internal_error")
    assert errors.loc[str(messy["duplicate"].resolve()), "duplicate_of"] == str(messy["deep"].resolve())
    assert all(isinstance(r, str) and r for r in errors["reason"])
    assert "Found 7 files." in proc.stdout
    assert "Read 2 files; unreadable 3;" in proc.stdout and "duplicates 1" in proc.stdout
    assert "not a report format or too large 1;" in proc.stdout
    assert "hong.docx" in proc.stderr  # the failure is named as it happens


def test_second_run_reads_nothing(messy: dict[str, Path], messy_run,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out, _ = messy_run
    monkeypatch.setenv("NTM_LANG", "en")  # as the first run
    before = {t: (out / f"{t}.csv").read_bytes() for t in TABLES}
    _, stats = run_ingest([str(messy["root"])], out, jobs=1)
    assert stats.read == 0 and stats.failed == 0
    assert stats.skipped == 5 and stats.duplicates == 1  # 2 reports + 3 unchanged failures
    assert stats.failed_earlier == 3 and stats.exit_code() == EXIT_SOME_FAILED
    assert "unreadable 3 (3 from an earlier run);" in summary_lines(stats, out)[1]
    assert {t: (out / f"{t}.csv").read_bytes() for t in TABLES} == before


def test_nothing_readable_exits_all_failed(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "rong.txt").write_bytes(b"")
    proc = subprocess.run([*NTM, "ingest", str(tmp_path / "in"), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == EXIT_ALL_FAILED
    assert (tmp_path / "out" / "errors.csv").exists()


# -- a run killed mid-way ------------------------------------------------------------------

def _store_dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    dump: dict[str, list[tuple]] = {}
    doc_cols = ("path, sha256, size, format, status, error_code, error_detail, duplicate_of,"
                " present, extractor_version, patterns_version")
    dump["documents"] = conn.execute(f"SELECT {doc_cols} FROM documents ORDER BY path").fetchall()
    for table in ("records", "identity", "criteria", "figures", "flags"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                if r[1] not in ("id", "document_id")]
        select = ", ".join(f't."{c}"' for c in cols)
        rows = conn.execute(f"SELECT d.path, {select} FROM {table} t"
                            " LEFT JOIN documents d ON d.id = t.document_id").fetchall()
        dump[table] = sorted(rows, key=repr)
    conn.close()
    return dump


def _xlsx_values(path: Path) -> dict[str, list[tuple]]:
    wb = load_workbook(path, read_only=True)
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def test_killed_run_then_rerun_equals_uninterrupted(tmp_path: Path) -> None:
    src = tmp_path / "in"
    # long enough to read that the run is still going when it is killed after three
    files = [_variant(src / f"sub{i % 3}" / f"r{i:02d}.txt", i, copies=3) for i in range(12)]
    (src / "rong.txt").write_bytes(b"")
    killed, clean = tmp_path / "killed", tmp_path / "clean"

    env = {**os.environ, "NTM_LANG": "en"}
    proc = subprocess.Popen([*NTM, "ingest", str(src), "-o", str(killed), "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT, start_new_session=True)
    watchdog = threading.Timer(60, lambda: os.killpg(proc.pid, signal.SIGKILL))
    watchdog.start()
    done = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        done += line.startswith("[")
        if done >= 3:
            break
    os.killpg(proc.pid, signal.SIGKILL)  # the whole run: main process and its workers
    proc.wait()
    watchdog.cancel()
    assert done >= 3
    partial = _store_dump(killed / "ntm.sqlite")
    assert 3 <= len([d for d in partial["documents"] if d[4] == "ok"]) < len(files)

    rerun = subprocess.run([*NTM, "ingest", str(src), "-o", str(killed), "--jobs", "2"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    whole = subprocess.run([*NTM, "ingest", str(src), "-o", str(clean), "--jobs", "2"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert rerun.returncode == whole.returncode == EXIT_SOME_FAILED, rerun.stderr + whole.stderr
    assert _store_dump(killed / "ntm.sqlite") == _store_dump(clean / "ntm.sqlite")
    for t in TABLES:
        assert (killed / f"{t}.csv").read_bytes() == (clean / f"{t}.csv").read_bytes(), t
    assert _xlsx_values(killed / "report.xlsx") == _xlsx_values(clean / "report.xlsx")


# -- an unchanged re-run leaves the outputs alone ------------------------------------------

def _marks(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir()
            if p.is_file() and not p.name.startswith("ntm.sqlite") and p.name != LOCK_NAME}


def test_unchanged_cli_rerun_leaves_outputs_untouched(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import extractor.cli.main as cli
    from extractor.core import i18n

    src, out = tmp_path / "in", tmp_path / "out"
    a = _variant(src / "a.txt", 1)
    _variant(src / "b.txt", 2)
    (src / "rong.txt").write_bytes(b"")
    shutil.copyfile(a, src / "a-ban-sao.txt")  # a duplicate is re-recorded on every run
    argv = ["--lang", "en", "ingest", str(src), "-o", str(out), "--jobs", "1"]
    try:
        assert cli.main(argv) == EXIT_SOME_FAILED
        first = _marks(out)
        assert {f"{t}.csv" for t in TABLES} | {"report.xlsx"} <= set(first)
        capsys.readouterr()
        assert cli.main(argv) == EXIT_SOME_FAILED
        assert _marks(out) == first
        assert "nothing changed" in capsys.readouterr().out

        (out / "report.xlsx").unlink()  # an output gone: everything is written again
        assert cli.main(argv) == EXIT_SOME_FAILED
        again = _marks(out)
        assert "report.xlsx" in again and again["communes.csv"] != first["communes.csv"]

        (src / "rong.txt").unlink()
        assert cli.main(argv) == EXIT_OK  # nothing read, but a file is gone: new outputs
        assert _marks(out)["errors.csv"] != again["errors.csv"]
        later = _marks(out)
        assert cli.main(["--lang", "vi", *argv[2:]]) == EXIT_OK  # other language, other headers
        assert _marks(out)["report.xlsx"] != later["report.xlsx"]
    finally:
        i18n.set_language(None)


# -- failures are named on the console, and counted on every run ---------------------------

def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    import extractor.cli.main as cli
    from extractor.core import i18n

    try:
        code = cli.main(argv)
    finally:
        i18n.set_language(None)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_failures_found_before_reading_are_named(tmp_path: Path, lang: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from extractor.core import i18n

    src = tmp_path / "in"
    _variant(src / "a.txt", 1)
    (src / "rong.txt").write_bytes(b"")
    code, _, err = _cli(["--lang", lang, "ingest", str(src), "-o", str(tmp_path / "o2"), "--jobs", "1"], capsys)
    assert code == EXIT_SOME_FAILED
    empty = f"{(src / 'rong.txt').resolve()}: {reason('empty_file', lang)}"
    assert i18n.t("ingest", "read_failed", lang=lang, message=empty) in err.splitlines()


def test_unchanged_rerun_counts_and_names_the_earlier_failures(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _variant(src / "a.txt", 1)
    (src / "rong.txt").write_bytes(b"")  # found before reading
    (src / "hong.docx").write_bytes(b"PK\x03\x04" + b"\x00not a zip archive" * 20)  # while reading
    argv = ["--lang", "en", "ingest", str(src), "-o", str(out), "--jobs", "1"]
    code, first, _ = _cli(argv, capsys)
    assert code == EXIT_SOME_FAILED and "Read 1 files; unreadable 2;" in first

    code, again, err = _cli(argv, capsys)
    assert code == EXIT_SOME_FAILED
    assert "Read 0 files; unreadable 2 (2 from an earlier run);" in again
    still = [line for line in err.splitlines() if line.startswith("Still unreadable")]
    assert len(still) == 2 and any("hong.docx" in s for s in still) and any("rong.txt" in s for s in still)

    code, retried, _ = _cli([*argv, "--retry-failed"], capsys)  # read again: failed now, not earlier
    assert code == EXIT_SOME_FAILED and "unreadable 2;" in retried and "earlier" not in retried

    code, vi, _ = _cli(["--lang", "vi", *argv[2:]], capsys)
    assert code == EXIT_SOME_FAILED and "tệp không đọc được 2 (2 từ lần chạy trước);" in vi


@pytest.mark.parametrize("option", ["--ocr-max-pages", "--ocr-run-max-pages"])
def test_a_negative_ocr_page_limit_is_a_usage_error(tmp_path: Path, option: str) -> None:
    from extractor.cli.main import EXIT_USAGE

    proc = subprocess.run(NTM + ["ingest", str(SAMPLE), "-o", str(tmp_path / "out"), option, "-1"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == EXIT_USAGE
    assert "--ocr-max-pages" in proc.stderr and not (tmp_path / "out").exists()


def test_ocr_page_limits_reach_the_settings_of_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.cli import ingest as cli_ingest
    from extractor.cli.main import build_parser

    seen = {}

    def fake_run_ingest(*args: object, settings: object, **kwargs: object) -> tuple[None, dict[str, int]]:
        seen["settings"] = settings
        raise SystemExit(0)

    monkeypatch.setattr(cli_ingest, "run_ingest", fake_run_ingest)
    args = build_parser("ingest").parse_args(["ingest", str(SAMPLE), "-o", str(tmp_path), "--ocr-max-pages", "7",
                                      "--ocr-run-max-pages", "30"])
    with pytest.raises(SystemExit):
        cli_ingest.run(args)
    assert (seen["settings"].ocr_max_pages, seen["settings"].ocr_run_max_pages) == (7, 30)  # type: ignore[attr-defined]
