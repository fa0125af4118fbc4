"""The cache of parsed data files (core/data.py): the same values as parsing, a new entry for
edited text, the types of the values kept (a date is not kept), and no failure where the folder
cannot be written."""
from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from extractor.core import data
from extractor.core.data import CACHE_ENV, cache_folder, parse_yaml


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def test_a_cached_file_reads_back_the_same_values(cache: Path):
    text = "rules:\n  - name: năm\n    level: 2\n    share: 0.5\n    strict: true\n    note: null\n"
    first = parse_yaml(text)
    assert first == {"rules": [{"name": "năm", "level": 2, "share": 0.5, "strict": True, "note": None}]}
    assert len(list(cache.glob("*.v*"))) == 1
    again = parse_yaml(text)
    assert again == first and type(again["rules"][0]["level"]) is int


def test_the_cache_is_read_instead_of_the_yaml(cache: Path, monkeypatch: pytest.MonkeyPatch):
    text = "words: [một, hai]\n"
    parse_yaml(text)

    def no_parsing(_: str) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(data, "_parse_yaml_text", no_parsing)
    assert parse_yaml(text) == {"words": ["một", "hai"]}


def test_edited_text_is_parsed_afresh(cache: Path):
    assert parse_yaml("n: 1\n") == {"n": 1}
    assert parse_yaml("n: 2\n") == {"n": 2}
    assert len(list(cache.glob("*.v*"))) == 2


def test_number_keys_and_sets_come_back_with_their_types(cache: Path):
    text = "components:\n  1: [one]\n  2: [two]\nmarks: !!set {a, b}\n"
    parse_yaml(text)
    assert len(list(cache.glob("*.v*"))) == 1
    assert parse_yaml(text) == {"components": {1: ["one"], 2: ["two"]}, "marks": {"a", "b"}}


def test_a_date_is_not_kept(cache: Path):
    import datetime

    assert parse_yaml("day: 2023-12-31\n") == {"day": datetime.date(2023, 12, 31)}
    assert not cache.exists() or not list(cache.glob("*.v*"))


def test_a_folder_that_cannot_be_written_only_means_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert parse_yaml("a: b\n") == {"a": "b"}


def test_a_damaged_entry_is_parsed_again_and_replaced(cache: Path):
    text = "a: [1, 2]\n"
    parse_yaml(text)
    (entry,) = cache.glob("*.v*")
    entry.write_bytes(entry.read_bytes()[:3])
    assert parse_yaml(text) == {"a": [1, 2]}
    assert marshal.loads(entry.read_bytes()) == {"a": [1, 2]}


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(CACHE_ENV, "")
    assert cache_folder() is None
    assert parse_yaml("a: 1\n") == {"a": 1}
