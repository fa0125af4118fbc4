"""Small parts of ingest: progress display, planning, the optional 2025 mapping, --db."""
from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pytest

from extractor.ingest import (
    Progress,
    RunStats,
    patterns_version,
    plan_run,
    record_is_report,
    summary_lines,
    versions,
)
from extractor.store.consolidate import to_admin_2025
from extractor.store.db import StoredDocument


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_shows_the_current_file() -> None:
    stream = _Tty()
    bar = Progress(4, stream)
    bar.advance("/a/b/bao-cao-xa-a.docx", True)
    bar.advance("/a/b/bao-cao-xa-b.pdf", False)
    bar.close()
    text = stream.getvalue()
    assert text.startswith("\r[") and "2/4" in text and "bao-cao-xa-b.pdf" in text
    assert "\n" not in text.rstrip("\n")  # one line, redrawn


def test_progress_off_a_terminal_is_plain_lines() -> None:
    stream = io.StringIO()
    bar = Progress(2, stream)
    bar.advance("/a/x.txt", True)
    bar.advance("/a/y.txt", False)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2 and lines[0].startswith("[1/2]") and "/a/y.txt" in lines[1]


def test_patterns_version_is_stable() -> None:
    assert patterns_version() == patterns_version() and len(patterns_version()) == 16


def _stored(path: str, sha: str, status: str = "ok", present: bool = True) -> StoredDocument:
    v = versions()
    return StoredDocument(path, sha, status, present, None, v[0], v[1])


def test_plan_skips_fresh_rereads_stale_and_dedupes(tmp_path: Path) -> None:
    import hashlib

    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text("một", encoding="utf-8")
    b.write_text("hai", encoding="utf-8")
    c.write_text("một", encoding="utf-8")  # same bytes as a
    sha = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()
    stored = {str(a): _stored(str(a), sha(a)), str(b): _stored(str(b), "old")}
    plan = plan_run([a, b, c], stored, versions())
    assert plan.skipped == [str(a)]
    assert [i.path for i in plan.to_read] == [str(b)]
    assert [(i.path, p) for i, p in plan.duplicates] == [(str(c), str(a))]
    forced = plan_run([a, b, c], stored, versions(), force=True)
    assert sorted(i.path for i in forced.to_read) == [str(a), str(b)]
    other = plan_run([a, b, c], stored, ("9.9.9", "x"))
    assert not other.skipped


def test_record_is_report() -> None:
    assert not record_is_report({"commune": None, "criteria": {}, "figures": [{"indicator": None}]})
    assert record_is_report({"commune": "Lục Bình", "criteria": {}, "figures": []})
    assert record_is_report({"commune": None, "criteria": {"unmet": [6]}, "figures": []})
    assert record_is_report({"commune": None, "criteria": {}, "figures": [{"indicator": "x"}]})


def test_admin_2025_mapping_uses_the_converter_when_given() -> None:
    calls = []

    def convert(address: str):  # the shape of underthesea's ConversionResult
        calls.append(address)
        return SimpleNamespace(new=SimpleNamespace(ward="Xã Mới", province="Tỉnh Mới"))

    assert to_admin_2025("Lục Bình", "Bạch Thông", "Bắc Kạn", convert) == ("Mới", "Mới")
    assert calls == ["xã Lục Bình, huyện Bạch Thông, tỉnh Bắc Kạn"]
    assert to_admin_2025("Lục Bình", None, "Bắc Kạn", None) == (None, None)
    assert to_admin_2025(None, None, "Bắc Kạn", convert) == (None, None)

    def broken(address: str):
        raise ValueError("no such place")

    assert to_admin_2025("X", "Y", "Z", broken) == (None, None)


def test_criteria_counts_agree_with_the_lists(tmp_path: Path) -> None:
    from extractor.core import i18n
    from extractor.store.consolidate import store_to_tables
    from extractor.store.db import FileInfo, Store

    record = {"commune": "Lục Bình", "district": "Bạch Thông", "province": "Bắc Kạn",
              "report_date": "2023-08", "figures": [], "flags": [],
              "criteria": {"met": [1, 2, 3], "unmet": [6, 9], "basically_met": [17]}}
    with Store(tmp_path / "s.sqlite") as store, i18n.language_set("en"):
        store.save_record(FileInfo("/r/a.txt", "sha", 1, "txt"), record, versions())
        tables = store_to_tables(store)
    row = tables["communes"].iloc[0]
    assert (row["criteria_met"], row["criteria_unmet"], row["criteria_basically_met"]) == ("1, 2, 3", "6, 9", "17")
    assert (row["criteria_met_count"], row["criteria_unmet_count"], row["criteria_basically_met_count"]) == (3, 2, 1)
    crit = tables["criteria"].iloc[0]
    assert (crit["tc01"], crit["tc06"], crit["tc17"], crit["tc19"]) == ("met", "unmet", "unmet", "")


def test_admin_2025_mapping_with_underthesea() -> None:
    """The real converter (underthesea's data ships in its wheel; nothing is downloaded)."""
    pytest.importorskip("underthesea")
    from extractor.store.consolidate import _convert_address_fn

    commune, province = to_admin_2025("Lục Bình", "Bạch Thông", "Bắc Kạn", _convert_address_fn())
    assert province == "Thái Nguyên" and commune and not commune.lower().startswith("xã")


def test_summary_counts_failures_from_an_earlier_run() -> None:
    from extractor.core import i18n

    with i18n.language_set("en"):
        line = summary_lines(RunStats(files=4, read=1, failed=1, failed_earlier=2), Path("o"))[0]
        assert "failed 3 (2 from an earlier run);" in line
        assert "failed 1;" in summary_lines(RunStats(files=2, read=1, failed=1), Path("o"))[0]
    with i18n.language_set("vi"):
        line = summary_lines(RunStats(files=3, skipped=3, failed_earlier=2), Path("o"))[0]
        assert "lỗi 2 (2 từ lần chạy trước);" in line


def test_exit_code_follows_the_failed_state_not_this_run() -> None:
    from extractor.cli.main import EXIT_ALL_FAILED, EXIT_OK, EXIT_SOME_FAILED

    assert RunStats(files=3, skipped=3, failed_earlier=1, failed_walked=1).exit_code() == EXIT_SOME_FAILED
    assert RunStats(files=2, skipped=2, failed_earlier=2, failed_walked=2).exit_code() == EXIT_ALL_FAILED
    assert RunStats(files=2, read=2).exit_code() == EXIT_OK
