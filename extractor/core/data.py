"""Loading of the data files in patterns/ (Vietnamese words, units, regexes) and schemas/.

The folders ship inside the package as `extractor._patterns` and `extractor._schemas`
(see pyproject.toml), so the same loader serves a checkout and an installed wheel.

Parsing YAML builds every value through PyYAML's Python constructor (about 25 ms for the
files one `ntm extract` reads, plus about 15 ms to import PyYAML), so a parsed file is kept in
a cache folder in `marshal`'s format (the one of bytecode files: the same types back, number
keys included, read at C speed), named by the SHA-256 of the YAML text: an edited file has
another name and is parsed afresh, and a later run needs no PyYAML. A value marshal cannot
hold (a date) is not kept. The folder is
$NTM_CACHE_DIR (empty: no cache), else $XDG_CACHE_HOME/ntm-extractor/data, else
~/.cache/ntm-extractor/data; a folder that cannot be written only means parsing every time.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

CACHE_ENV = "NTM_CACHE_DIR"


def _parse_yaml_text(text: str) -> Any:
    import yaml  # only when a file is not in the cache yet

    # libyaml's C parser is about ten times faster than the pure-Python one; the pure one
    # stands in where PyYAML was built without libyaml.
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


def cache_folder() -> Path | None:
    """The folder of parsed data files, or None when the cache is turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ntm-extractor" / "data"


def store_marshalled(path: Path, data: Any) -> None:
    """Write a value in marshal's format next to its peers atomically (several workers may
    race); a value marshal cannot hold is not written."""
    try:
        packed = marshal.dumps(data)
    except ValueError:
        return  # a date: parsed every time
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(packed)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full disk: the next run parses the YAML again


def cached(key: str, build: Callable[[], Any]) -> Any:
    """`build()`, kept in the cache folder under the SHA-256 of `key` (which must name every
    input of the value, so that a changed input has another name); a value marshal cannot hold
    is built every time."""
    folder = cache_folder()
    if folder is None:
        return build()
    path = folder / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.v{marshal.version}"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not cached yet, or damaged
    data = build()
    store_marshalled(path, data)
    return data


def parse_yaml(text: str) -> Any:
    """YAML text parsed safely (no tags that build objects), from the cache when there."""
    return cached(text, lambda: _parse_yaml_text(text))


@lru_cache(maxsize=None)
def load_pattern(name: str) -> Any:
    """patterns/<name>.yaml, parsed once per process."""
    text = resources.files("extractor._patterns").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return parse_yaml(text)


class RegexesOnFirstUse(dict[str, "re.Pattern[str]"]):
    """Named regexes compiled when first looked up: a report uses a fraction of a pattern
    file's regexes, and compiling every one up front was much of a short run's start-up."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        super().__init__()
        self._sources = sources

    def __missing__(self, name: str) -> re.Pattern[str]:
        from extractor.core.regexes import compiled  # it keeps its programs in this module's cache folder

        pattern = self[name] = compiled(self._sources[name])
        return pattern


@lru_cache(maxsize=None)
def pattern_regexes(name: str) -> RegexesOnFirstUse:
    """The `regex` of every entry of patterns/<name>.yaml by the entry's key, each compiled
    when first used and shared by every reader of the file."""
    return data_to_regexes(load_pattern(name))


def data_to_regexes(data: Mapping[str, Any]) -> RegexesOnFirstUse:
    """The `regex` of every entry of a pattern file's data by the entry's key, each compiled
    when first used."""
    return RegexesOnFirstUse({k: v["regex"] for k, v in data.items() if isinstance(v, dict) and "regex" in v})


@lru_cache(maxsize=None)
def load_schema(name: str) -> Any:
    """schemas/<name> (.json or .yaml), parsed once per process."""
    ref = resources.files("extractor._schemas").joinpath(name)
    text = ref.read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else parse_yaml(text)


def pattern_names() -> list[str]:
    """Every pattern file, for the tests that run each file's examples."""
    return sorted(p.name[:-5] for p in resources.files("extractor._patterns").iterdir()
                  if p.name.endswith(".yaml"))
