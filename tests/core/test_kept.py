"""Tables kept from one run to the next (core/kept.py): processes that end one after the other
each add what they worked out to the file, none dropping what another wrote before it."""
from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from extractor.core.data import CACHE_ENV
from extractor.core.kept import KeptTable, kept_results, source_digest, write_all


def test_processes_ending_in_turn_keep_each_others_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    first, second = KeptTable("test-kept.marshal"), KeptTable("test-kept.marshal")
    assert first.get("a") is None and second.get("b") is None  # both read the file before either writes
    first.add("a", 1)
    second.add("b", 2)
    first.write()
    second.write()
    assert marshal.loads((tmp_path / "test-kept.marshal").read_bytes()) == {"a": 1, "b": 2}


def test_write_all_writes_only_tables_with_new_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(KeptTable, "every", [])
    idle, busy = KeptTable("test-idle.marshal"), KeptTable("test-busy.marshal")
    idle.get("x")
    busy.add("y", 3)
    write_all()
    assert not (tmp_path / "test-idle.marshal").exists()
    assert marshal.loads((tmp_path / "test-busy.marshal").read_bytes()) == {"y": 3}


def test_kept_results_are_looked_up_by_a_later_run_under_the_same_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    calls: list[str] = []

    def a_run(version: str) -> list[str | None]:
        """A process: a fresh table, the function decorated anew."""
        table = KeptTable("test-results.marshal")

        @kept_results(lambda: version, table)
        def worked_out(text: str, upper: bool) -> str | None:
            calls.append(text)
            return None if text == "none" else text.upper() if upper else text

        out = [worked_out("a", True), worked_out("a", True), worked_out("none", False)]
        table.write()
        return out

    assert a_run("v1") == ["A", "A", None] and calls == ["a", "none"]  # once a process
    assert a_run("v1") == ["A", "A", None] and calls == ["a", "none"]  # kept, None too
    assert a_run("v2") == ["A", "A", None] and calls == ["a", "none", "a", "none"]  # code changed


def test_kept_results_without_a_version_are_worked_out_each_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    table = KeptTable("test-unversioned.marshal")
    calls: list[int] = []

    @kept_results(lambda: None, table)
    def double(n: int) -> int:
        calls.append(n)
        return 2 * n

    assert double(2) == double(2) == 4 and calls == [2, 2] and not table.made


def test_a_source_digest_names_the_file_s_bytes(tmp_path: Path) -> None:
    path = tmp_path / "code.py"
    path.write_text("x = 1\n", encoding="utf-8")
    first = source_digest(path)
    path.write_text("x = 2\n", encoding="utf-8")
    assert first is not None and source_digest(path) != first
    assert source_digest(tmp_path / "missing.py") is None and source_digest(None) is None


def test_a_result_marshal_cannot_hold_is_not_kept_and_the_others_are_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    table = KeptTable("test-unmarshallable.marshal")

    @kept_results(lambda: "v", table)
    def flags_of(flags: int) -> int:
        return int(flags)

    assert flags_of(re.IGNORECASE | re.MULTILINE) == 10 and flags_of(2) == 2
    table.write()
    assert list(marshal.loads((tmp_path / "test-unmarshallable.marshal").read_bytes()).values()) == [(2,)]
