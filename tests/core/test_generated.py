"""The code dataclasses and named tuples generate, kept compiled (core/generated.py): a class
created from the kept code has the same methods (equal code objects, annotations, defaults) as
one created without it, the kept file is read instead of compiling, and the modules are as they
were after the block."""
from __future__ import annotations

import collections
import dataclasses
import marshal
import os
import subprocess
import sys
import typing
from pathlib import Path
from types import CodeType
from typing import Any, NamedTuple

import pytest

from extractor.core import generated
from extractor.core.data import CACHE_ENV
from extractor.core.kept import KeptTable

METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__new__")


def make_classes() -> list[type]:
    @dataclasses.dataclass(frozen=True)
    class Spot:
        block: int
        page: int | None = None
        words: tuple[str, ...] = ()

    @dataclasses.dataclass
    class Tally:
        name: str
        seen: list[int] = dataclasses.field(default_factory=list)

    class Pair(NamedTuple):
        left: str
        right: int = 0

    return [Spot, Tally, Pair, collections.namedtuple("Triple", "a b c", defaults=(1,))]


def methods(cls: type) -> dict[str, Any]:
    found = {}
    for name in METHODS:
        fn = vars(cls).get(name)
        if callable(fn) and hasattr(fn, "__code__"):
            found[name] = (fn.__code__, fn.__annotations__, fn.__defaults__, fn.__kwdefaults__, fn.__qualname__)
    return found


def a_new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generated, "_kept", KeptTable(generated._kept.name, runs_code=True))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    a_new_process(monkeypatch)
    return tmp_path


def no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def compile_nothing(*_: Any, **__: Any) -> CodeType:
        raise AssertionError("compiled although kept")

    monkeypatch.setattr(generated, "compile", compile_nothing, raising=False)


def test_classes_from_kept_code_have_the_methods_compiled_anew(cache: Path, monkeypatch: pytest.MonkeyPatch):
    plain = [methods(cls) for cls in make_classes()]
    with generated.generated_code_kept():
        first = [methods(cls) for cls in make_classes()]
    generated._kept.write()
    assert len(list(cache.glob("generated-*"))) == 1
    a_new_process(monkeypatch)
    no_compiling(monkeypatch)
    with generated.generated_code_kept():
        classes = make_classes()
    monkeypatch.undo()
    again = [methods(cls) for cls in classes]
    assert plain == first == again
    assert [len(m) >= 2 for m in plain] == [True, True, False, False] and all(plain)
    spot, tally, pair, triple = classes
    assert spot(3) == spot(3, None, ()) and hash(spot(3)) == hash(spot(3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        spot(3).block = 4  # type: ignore[misc]
    assert repr(tally("x")) == "make_classes.<locals>.Tally(name='x', seen=[])"
    assert pair("a") == ("a", 0) and triple(1, 2) == (1, 2, 1)


def test_the_modules_are_as_they_were_after_the_block(cache: Path):
    with generated.generated_code_kept():
        assert vars(dataclasses)["exec"] is generated._exec
        assert vars(collections)["eval"] is generated._eval
        assert vars(typing)["compile"] is generated._compile
    assert "exec" not in vars(dataclasses) and "eval" not in vars(collections)
    assert "compile" not in vars(typing)


def test_a_damaged_file_means_compiling(cache: Path):
    (cache / generated._kept.name).write_bytes(b"\x00not marshal")
    plain = [methods(cls) for cls in make_classes()]
    with generated.generated_code_kept():
        assert [methods(cls) for cls in make_classes()] == plain
    generated._kept.write()
    assert marshal.loads((cache / generated._kept.name).read_bytes())


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file owners and modes are POSIX's")
def test_kept_code_that_others_may_write_is_not_run(cache: Path, monkeypatch: pytest.MonkeyPatch):
    key = ("exec", "x = 1")
    path = cache / generated._kept.name
    path.write_bytes(marshal.dumps({key: compile("x = 2", "<string>", "exec")}))
    path.chmod(0o666)
    assert generated._kept.get(key) is None  # compiled from its source instead
    path.chmod(0o644)
    a_new_process(monkeypatch)
    assert isinstance(generated._kept.get(key), CodeType)


def test_every_code_kept_by_an_extraction_is_what_compiling_its_source_gives(cache: Path):
    env = {**os.environ, CACHE_ENV: str(cache)}
    subprocess.run([sys.executable, "-m", "extractor.cli.main", "extract", "corpus/luc-binh-2023.txt"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    kept = marshal.loads((cache / generated._kept.name).read_bytes())
    assert sum(mode == "exec" for mode, _ in kept) > 50 and any(mode == "eval" for mode, _ in kept)
    for (mode, source), code in kept.items():
        assert code == compile(source, "<string>", mode, dont_inherit=True), source


def test_without_a_cache_folder_nothing_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(CACHE_ENV, "")
    a_new_process(monkeypatch)
    plain = [methods(cls) for cls in make_classes()]
    with generated.generated_code_kept():
        assert [methods(cls) for cls in make_classes()] == plain
    generated._kept.write()
    assert not generated._kept.made and generated._kept.path is None and not list(tmp_path.iterdir())
