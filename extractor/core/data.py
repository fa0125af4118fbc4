"""Loading of the data files in patterns/ (Vietnamese words, units, regexes) and schemas/.

The folders ship inside the package as `extractor._patterns` and `extractor._schemas`
(see pyproject.toml), so the same loader serves a checkout and an installed wheel.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=None)
def load_pattern(name: str) -> Any:
    """patterns/<name>.yaml, parsed once per process."""
    text = resources.files("extractor._patterns").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=None)
def load_schema(name: str) -> Any:
    """schemas/<name> (.json or .yaml), parsed once per process."""
    ref = resources.files("extractor._schemas").joinpath(name)
    text = ref.read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else yaml.safe_load(text)


def pattern_names() -> list[str]:
    """Every pattern file, for the tests that run each file's examples."""
    return sorted(p.name[:-5] for p in resources.files("extractor._patterns").iterdir()
                  if p.name.endswith(".yaml"))
