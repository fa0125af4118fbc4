"""A report whose rows cannot be made (in the worker, or in the main process for a result
that came unprepared, as from Dask) or cannot be stored used to escape `read_in_workers` and
stop the ingest with no outputs. Now that file alone fails (`internal_error`, with the reason
named) and the others are read, stored and written."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from extractor.core import i18n
from extractor.core.errors import reason
from extractor.ingest import prepare, workers
from extractor.ingest.run import run_ingest
from extractor.store.db import Store

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "luc-binh-2023.txt"


def _reports(folder: Path) -> Path:
    folder.mkdir()
    for note, name in enumerate(("a.txt", "bad.txt", "c.txt")):
        (folder / name).write_text(SAMPLE.read_text(encoding="utf-8") + f"\nGhi chú số {note}.\n",
                                   encoding="utf-8")
    return folder


def _documents(out: Path) -> dict[str, tuple[str, str | None, str | None]]:
    with sqlite3.connect(out / "ntm.sqlite") as conn:
        return {Path(p).name: (s, c, d) for p, s, c, d in conn.execute(
            "SELECT path, status, error_code, error_detail FROM documents")}


def _check(out: Path, stats: Any, err: str) -> None:
    assert (stats.read, stats.failed) == (2, 1)
    docs = _documents(out)
    assert docs["bad.txt"] == ("failed", "internal_error", "RuntimeError: cannot keep bad.txt")
    assert docs["a.txt"][0] == docs["c.txt"][0] == "ok"
    assert (out / "communes.csv").exists() and (out / "errors.csv").exists()
    errors = (out / "errors.csv").read_text(encoding="utf-8")
    assert "bad.txt" in errors and "cannot keep bad.txt" in errors
    # named with its reason, in the run's language (core/i18n), where the progress is shown
    assert "bad.txt" in err and reason("internal_error", lang="vi") in err


@pytest.mark.parametrize("made_in", ["worker", "main process"])
def test_rows_that_cannot_be_made_fail_only_their_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str], made_in: str) -> None:
    real = prepare.report_to_rows
    if made_in == "main process":  # a result that comes unprepared, as a Dask task's does
        monkeypatch.setattr(workers, "_stored", lambda read, file: read)

    def rows(record: dict[str, Any], page: Any, file: str) -> Any:
        if file.endswith("bad.txt"):
            raise RuntimeError("cannot keep bad.txt")
        return real(record, page, file)

    monkeypatch.setattr(prepare, "report_to_rows", rows)  # in the forked workers and here
    out = tmp_path / "out"
    with i18n.language_set("vi"):
        _, stats = run_ingest([str(_reports(tmp_path / "in"))], out, jobs=2, progress=True)
    _check(out, stats, capsys.readouterr().err)


def test_rows_that_cannot_be_stored_fail_only_their_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    real = Store.save_rows

    def save_rows(self: Store, info: Any, rows: Any, versions: tuple[str, str]) -> int:
        if info.path.endswith("bad.txt"):
            raise RuntimeError("cannot keep bad.txt")
        return real(self, info, rows, versions)

    monkeypatch.setattr(Store, "save_rows", save_rows)
    out = tmp_path / "out"
    with i18n.language_set("vi"):
        _, stats = run_ingest([str(_reports(tmp_path / "in"))], out, jobs=1, progress=True)
    _check(out, stats, capsys.readouterr().err)
