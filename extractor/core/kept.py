"""A table of values kept from one run to the next in one `marshal` file of the data cache
folder (core/data.py): what a process would otherwise work out again at every start
(compiled regex programs, core/regexes.py; the code dataclasses generate, core/generated.py).

The file is read at the first lookup and written, atomically, when the process ends if it
worked out a value the file did not hold. Its name carries what the values' form belongs to
(the interpreter's version, the regex engine's): another interpreter reads another file. A
key must name every input of its value. No cache folder or a damaged file: an empty table,
so the caller works the value out as it would without one.
"""
from __future__ import annotations

import atexit
import marshal
import os
import stat
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

from extractor.core.data import cache_folder, store_marshalled

# a file holding more values than this (sources edited over many runs) is written afresh
# with the ones this process used
MOST_KEPT = 4000


class KeptTable:
    """Values by key, from the file `name` of the cache folder and this process's new ones."""

    every: list[KeptTable] = []  # the tables of this process (`write_all`)

    def __init__(self, name: str, most: int = MOST_KEPT, *, runs_code: bool = False) -> None:
        KeptTable.every.append(self)
        self.name = name
        self.most = most
        # a table of code objects is read only from a file of this user that no one else may
        # write, as if it were the program's own bytecode
        self.runs_code = runs_code
        self.path: Path | None = None
        self.kept: dict[Any, Any] | None = None  # read at the first lookup
        self.made: dict[Any, Any] = {}
        self.used: set[Any] = set()

    def _load(self) -> dict[Any, Any]:
        folder = cache_folder()
        self.path = folder / self.name if folder is not None and self.name else None
        if self.path is not None:
            atexit.register(self.write)
        self.kept = self._read()
        return self.kept

    def _read(self) -> dict[Any, Any]:
        """The file's table as it is now; empty when not written yet, damaged or untrusted."""
        if self.path is None:
            return {}
        try:
            kept = marshal.loads(self.path.read_bytes()) if self._trusted(self.path) else {}
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        return kept if isinstance(kept, dict) else {}

    def _trusted(self, path: Path) -> bool:
        if not self.runs_code or not hasattr(os, "getuid"):
            return True
        st = path.stat()
        return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)

    def get(self, key: Any) -> Any:
        """The kept value of `key`, or None."""
        kept = self._load() if self.kept is None else self.kept
        found = kept.get(key)
        if found is not None:
            self.used.add(key)
        return found

    @property
    def keeps(self) -> bool:
        """Whether new values are written (there is a cache folder)."""
        if self.kept is None:
            self._load()
        return self.path is not None

    def add(self, key: Any, value: Any) -> None:
        """Keep a value worked out in this process (written when it ends)."""
        if self.keeps:
            self.made[key] = value
            self.used.add(key)

    def write(self) -> None:
        """Write this process's new values beside the kept ones, merged with the file as it is
        now: the workers of a batch end one after the other, and each writes what it worked out
        (atomically: several processes may end at once)."""
        if not self.made or self.path is None or self.kept is None:
            return
        table = self.kept | self._read()
        if len(table) + len(self.made) > self.most:
            table = {key: value for key, value in table.items() if key in self.used}
        table.update(self.made)
        store_marshalled(self.path, table)
        self.made.clear()


def write_all() -> None:
    """Write every table of this process that holds new values: for a process whose end runs
    no `atexit` functions (a multiprocessing worker). A table that cannot be written is a
    cache: worked out again next time."""
    for table in KeptTable.every:
        try:
            table.write()
        except OSError:
            pass


# values our code works out from the patterns files and the interpreter's own tables (regexes
# rewritten, character classes), by `kept_results`; named by the interpreter's version, whose
# `re` and Unicode tables they depend on
DERIVED = KeptTable(f"derived-{sys.implementation.cache_tag}-{sys.hexversion:x}.marshal")


def source_digest(path: str | os.PathLike[str] | None) -> str | None:
    """The SHA-256 of a source file's bytes (what a kept result computed by its code is keyed
    by: an edited file has another digest), or None when it cannot be read."""
    if path is None:
        return None
    import hashlib  # imported by core/data.py already: the data files are named by theirs

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


F = TypeVar("F", bound=Callable[..., Any])


def kept_results(version: Callable[[], str | None], table: KeptTable = DERIVED) -> Callable[[F], F]:
    """A decorator for a pure function of hashable arguments marshal can hold (strings, numbers,
    booleans, tuples of them), whose result marshal can hold too: each result is kept in
    `table` under (the function's name, `version()`, its arguments), so a later run looks it up
    instead of working it out. `version()` must name every input the arguments do not: the
    code of the function and of whatever it calls that may change (`source_digest` of its
    module); None keeps nothing (the function is called). The result is kept in a 1-tuple (a
    kept None is a result, not a miss); one marshal cannot hold (an enum's member among the
    arguments) is worked out in every run rather than keep the table from being written."""

    def decorate(func: F) -> F:
        name = f"{func.__module__}.{func.__qualname__}"
        done: dict[tuple[Any, ...], Any] = {}  # this process's, kept or worked out

        @wraps(func)
        def kept(*args: Any) -> Any:
            try:
                return done[args]
            except KeyError:
                pass
            made = version()
            if made is None:
                return func(*args)
            key = (name, made, *args)
            found = table.get(key)
            if type(found) is tuple and len(found) == 1:
                value = found[0]
            else:
                value = func(*args)
                try:
                    marshal.dumps((key, value))  # one value the file cannot hold keeps it from being written
                except ValueError:
                    pass
                else:
                    table.add(key, (value,))
            done[args] = value
            return value

        return kept  # type: ignore[return-value]

    return decorate
