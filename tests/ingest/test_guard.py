"""Problems that stop an ingest run are found before any file is read: exit 2, a localised
message naming the path, no traceback, nothing written; a second run into the same OUT stops."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from filelock import FileLock

import extractor.cli.main as cli
from extractor.cli.main import EXIT_OK, EXIT_USAGE
from extractor.core import i18n
from extractor.ingest.guard import LOCK_NAME

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = cli.main(argv)
    finally:
        i18n.set_language(None)
    return code, capsys.readouterr().err


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(SAMPLE, folder / "a.txt")
    return folder


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_missing_input_path_stops_before_anything_is_written(tmp_path: Path, src: Path, lang: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    missing, out = tmp_path / "khong-co", tmp_path / "out"
    code, err = _run(["--lang", lang, "ingest", str(src), str(missing), "-o", str(out)], capsys)
    assert code == EXIT_USAGE and not out.exists()
    reason = i18n.t("ingest", "guard_input_missing", lang=lang)
    assert err.strip() == i18n.t("ingest", "cannot_start", lang=lang, message=f"{missing}: {reason}")


def test_out_naming_a_file(tmp_path: Path, src: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ket-qua.csv"
    out.write_text("x", encoding="utf-8")
    code, err = _run(["--lang", "en", "ingest", str(src), "-o", str(out)], capsys)
    assert code == EXIT_USAGE and "a file of this name exists, not a folder" in err
    assert out.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("out", ["/proc/ntm-out", "/proc/self/ntm/out"])
def test_out_that_cannot_be_made(src: Path, out: str, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/proc/self").exists():
        pytest.skip("no /proc here")
    code, err = _run(["--lang", "en", "ingest", str(src), "-o", out], capsys)
    assert code == EXIT_USAGE and "output folder cannot be created or written" in err and out in err
    assert "Traceback" not in err


def test_db_folder_that_cannot_be_written(tmp_path: Path, src: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(["--lang", "en", "ingest", str(src), "-o", str(tmp_path / "out"),
                      "--db", "/proc/ntm/kho.sqlite"], capsys)
    assert code == EXIT_USAGE and "the store's folder cannot be created" in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_out_with_db_elsewhere(tmp_path: Path, src: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        code, err = _run(["--lang", "en", "ingest", str(src), "-o", str(out), "--db", str(tmp_path / "k.sqlite")],
                         capsys)
    finally:
        out.chmod(0o700)
    assert code == EXIT_USAGE and not (tmp_path / "k.sqlite").exists()


def test_second_ingest_into_the_same_out_says_one_is_running(tmp_path: Path, src: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with FileLock(str(out / LOCK_NAME)):  # as a running ingest holds it
        code, err = _run(["--lang", "en", "ingest", str(src), "-o", str(out)], capsys)
    assert code == EXIT_USAGE and "another ntm ingest is already running" in err
    assert not (out / "ntm.sqlite").exists()
    code, _ = _run(["--lang", "en", "ingest", str(src), "-o", str(out)], capsys)  # released: runs
    assert code == EXIT_OK
