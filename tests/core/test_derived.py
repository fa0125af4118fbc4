"""Values kept by `kept_results` (core/kept.py: the guards' rewritten regexes, the units'
letter classes): every one a fresh `ntm extract` keeps is what its function works out afresh,
keyed by the digest of its module's source as it is now."""
from __future__ import annotations

import importlib
import marshal
import os
import subprocess
import sys
from pathlib import Path

from extractor.core.data import CACHE_ENV
from extractor.core.kept import DERIVED, source_digest


def test_every_value_kept_by_an_extraction_is_the_one_worked_out_afresh(tmp_path: Path) -> None:
    env = {**os.environ, CACHE_ENV: str(tmp_path)}
    subprocess.run([sys.executable, "-m", "extractor.cli.main", "extract", "corpus/luc-binh-2023.txt"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    kept = marshal.loads((tmp_path / DERIVED.name).read_bytes())
    assert len(kept) > 20
    names = set()
    for (name, version, *args), value in kept.items():
        module_name, _, function_name = name.rpartition(".")
        module = importlib.import_module(module_name)
        assert version == source_digest(module.__file__), name
        afresh = getattr(module, function_name).__wrapped__(*args)
        assert value == (afresh,), (name, args)
        names.add(name)
    assert {"extractor.extract.guards.word_led_dispatched", "extractor.text.units._letters"} <= names
