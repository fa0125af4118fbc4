"""Tables kept from one run to the next (core/kept.py): processes that end one after the other
each add what they worked out to the file, none dropping what another wrote before it."""
from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from extractor.core.data import CACHE_ENV
from extractor.core.kept import KeptTable, write_all


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
