"""Compiled regexes kept from one run to the next (core/regexes.py): a pattern built from its
kept program is the pattern `re.compile` gives (the same program: `re.Pattern.__eq__` compares
them), the kept file is read instead of compiling, and a damaged file or no cache folder means
compiling as `re` does."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from extractor.core import regexes
from extractor.core.data import CACHE_ENV
from extractor.core.kept import KeptTable

PATTERNS = [
    (r"\b(?=[vh][uạ])(vùng|hạng)\s+(?P<n>\d+)", re.IGNORECASE),
    (r"(?<!\w)\d(?<!\w\d)\d*(?:[.,]\d+)*+", 0),
    (r"^(?:a|b)$", re.MULTILINE),
    (r"(?P<x>x)|(?P<y>y)(?(x)z)", 0),
    (r"[^\W\d_]+", re.IGNORECASE | re.MULTILINE),
]


def a_new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The module's state as in a process that has compiled nothing yet."""
    monkeypatch.setattr(regexes, "_patterns", {})
    monkeypatch.setattr(regexes, "_kept", KeptTable(regexes._FILE_NAME))


def kept_file(cache: Path) -> dict[tuple[str, int], Any]:
    kept = marshal.loads((cache / regexes._FILE_NAME).read_bytes())
    assert isinstance(kept, dict)
    return kept


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    a_new_process(monkeypatch)
    return tmp_path


def test_a_kept_program_gives_the_pattern_re_compiles(cache: Path, monkeypatch: pytest.MonkeyPatch):
    first = [regexes.compiled(p, f) for p, f in PATTERNS]
    assert first == [re.compile(p, f) for p, f in PATTERNS]
    regexes._kept.write()
    assert len(list(cache.glob("regexes-*"))) == 1
    a_new_process(monkeypatch)

    def no_compiling(*_: object) -> None:
        raise AssertionError("compiled although kept")

    monkeypatch.setattr(re, "compile", no_compiling)
    again = [regexes.compiled(p, f) for p, f in PATTERNS]
    monkeypatch.undo()
    assert again == [re.compile(p, f) for p, f in PATTERNS]
    for pattern, (source, flags) in zip(again, PATTERNS):
        assert pattern.groupindex == re.compile(source, flags).groupindex
    assert again[0].search("Xếp HẠNG  12").group("n") == "12"


def test_every_program_kept_by_an_extraction_is_the_one_re_compiles(cache: Path):
    """A fresh process extracting the sample report writes its patterns when it ends."""
    env = {**os.environ, CACHE_ENV: str(cache)}
    subprocess.run([sys.executable, "-m", "extractor.cli.main", "extract", "corpus/luc-binh-2023.txt"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    kept = kept_file(cache)
    assert len(kept) > 100
    for (source, flags), program in kept.items():
        assert regexes._from_program(source, program) == re.compile(source, flags), source


def test_a_damaged_file_means_compiling(cache: Path):
    (cache / regexes._FILE_NAME).write_bytes(b"\x00not marshal")
    assert regexes.compiled(r"\d+") == re.compile(r"\d+")
    regexes._kept.write()
    assert kept_file(cache)


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(CACHE_ENV, "")
    a_new_process(monkeypatch)
    assert regexes.compiled(r"[a-z]+", re.IGNORECASE) == re.compile(r"[a-z]+", re.IGNORECASE)
    regexes._kept.write()
    assert not regexes._kept.made and regexes._kept.path is None


def test_a_pattern_is_compiled_once_per_process(cache: Path):
    assert regexes.compiled(r"\w+\s") is regexes.compiled(r"\w+\s")
