"""The code `dataclasses` and `collections.namedtuple` generate, and the annotations `typing`
compiles, kept compiled from one run to the next.

Creating a dataclass writes the source of its `__init__`, `__repr__`, `__eq__` (and more when
frozen) and compiles it: about 0.35 ms a class on Python 3.11, some 10 ms of a short `ntm
extract` for the ~27 classes its modules create; a named tuple compiles its `__new__` too.
While a command's modules are imported (cli/main.py), both modules' `exec` / `eval` take the
code object compiled from that exact source text from a kept table (core/kept.py; the key is
the source itself, the file is named by the interpreter's version and optimization level) and
compile only a source not there, as the built-in would: same file name ("<string>"), no
`from __future__` flags inherited (none of these modules has any; nor has this one, so that
the built-ins called from here for anything else inherit none either). `typing` compiles each
string annotation of a named tuple (`ForwardRef`: about 110 for `ntm extract`), kept the same
way. A code object is kept only when it comes back from `marshal` equal to itself, as a
module's bytecode does from its .pyc. Outside the `generated_code_kept` block the modules run
as they are.
"""
# no `from __future__ import annotations` here: see above

import builtins
import collections
import marshal
import sys
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from types import CodeType
from typing import Any

from extractor.core.kept import KeptTable

# named by what the code's form belongs to: the interpreter, its bytecode's magic number, -O
_kept = KeptTable(f"generated-{sys.implementation.cache_tag}-{sys.hexversion:x}-{MAGIC_NUMBER.hex()}"
                  f"-O{sys.flags.optimize}.marshal", runs_code=True)


def _code(source: str, mode: str) -> CodeType:
    """The code object `exec` / `eval` compile from `source`, from the kept table when there."""
    key = (mode, source)
    found = _kept.get(key)
    if isinstance(found, CodeType):
        return found
    made = compile(source, "<string>", mode, dont_inherit=True)
    if _kept.keeps:
        try:
            if marshal.loads(marshal.dumps(made)) == made:
                _kept.add(key, made)
        except ValueError:  # a constant marshal cannot hold: compiled every time
            pass
    return made


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002
    if globals is None:  # the caller's namespaces, as the built-in takes them (never so in 3.11)
        frame = sys._getframe(1)
        globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
    builtins.exec(_code(source, "exec") if type(source) is str else source, globals, locals)


def _eval(source: Any, globals: Any = None, locals: Any = None, /) -> Any:  # noqa: A002
    if globals is None:
        frame = sys._getframe(1)
        globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
    return builtins.eval(_code(source, "eval") if type(source) is str else source, globals, locals)


def _compile(source: Any, filename: Any, mode: Any, *args: Any, **kwargs: Any) -> Any:
    if type(source) is str and filename == "<string>" and not args and not kwargs:
        return _code(source, mode)
    return builtins.compile(source, filename, mode, *args, **kwargs)


@contextmanager
def generated_code_kept() -> Iterator[None]:
    """Classes created meanwhile take their generated methods' code from the kept table:
    `dataclasses`, `collections` and `typing` see our `exec`, `eval` and `compile` as module
    globals (ahead of the built-ins they call by name), removed afterwards."""
    import dataclasses  # the modules a command imports create dataclasses: imported anyway

    shadowed = [(module, name, fn) for module, name, fn in
                ((dataclasses, "exec", _exec), (collections, "eval", _eval),
                                     (typing, "compile", _compile)) if name not in vars(module)]
    for module, name, fn in shadowed:
        setattr(module, name, fn)
    try:
        yield
    finally:
        for module, name, _ in shadowed:
            delattr(module, name)
