"""Compiled regexes kept from one run to the next.

Python's `re` parses and compiles a pattern in Python code (about 0.1-1 ms each); a short
`ntm extract` compiles some 150 of them, about a third of its time after start-up. The
outcome of that work is a list of integers (the program `_sre.compile` turns into a pattern
object in C, in microseconds), so the program of every pattern compiled through `compiled`
is kept in one `marshal` file in the data cache folder (core/data.py) and a later run
builds its patterns from it: the same program, so the same pattern (`re.Pattern.__eq__`
compares the programs; tests/core/test_regexes.py checks every kept one against
`re.compile`). The file is named by the interpreter's version and the regex engine's magic
number, since the program's form belongs to them; it is written when the process ends, if
it compiled a pattern the file did not hold. Without a cache folder, or where the engine's
internals are not as expected, `compiled` is `re.compile`.
"""
from __future__ import annotations

import re
import sys
from array import array

from extractor.core.kept import KeptTable

try:  # the regex engine's internals: the parser, the code generator and the C constructor
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _CODE_TYPE = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)
    _FILE_NAME = f"regexes-{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}.marshal"
except (ImportError, AttributeError, StopIteration):  # another implementation or version
    _FILE_NAME = ""

# (pattern, flags) -> (flags the program sets, program as bytes, groups, group index, index group)
_Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_patterns: dict[tuple[str, int], re.Pattern[str]] = {}
_kept = KeptTable(_FILE_NAME)  # an empty name: nothing read or written


def _program(pattern: str, flags: int) -> _Program:
    """What `re._compiler.compile` gives `_sre.compile`, with the program as bytes."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, array(_CODE_TYPE, code).tobytes(), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _from_program(pattern: str, program: _Program) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    made: re.Pattern[str] = _sre.compile(pattern, flags, array(_CODE_TYPE, code).tolist(), groups,
                                         groupindex, indexgroup)
    return made


def compiled(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the kept program when a former run compiled it."""
    key = (pattern, int(flags))
    found = _patterns.get(key)
    if found is not None:
        return found
    made = None
    program = _kept.get(key)
    if program is not None:
        try:
            made = _from_program(pattern, program)
        except (TypeError, ValueError, RuntimeError):
            made = None
    if made is None:
        made = re.compile(pattern, flags)
        _make_program(key, made)
    _patterns[key] = made
    return made


def _make_program(key: tuple[str, int], pattern: re.Pattern[str]) -> None:
    """Keep the program of a pattern compiled by `re`, when building it anew from the program
    gives the same pattern."""
    if not _kept.keeps or key[1] & re.DEBUG:
        return
    try:
        program = _program(*key)
        if _from_program(key[0], program) == pattern:
            _kept.add(key, program)
    except Exception:  # noqa: BLE001 - internals not as expected: compiled as re does, not kept
        pass
