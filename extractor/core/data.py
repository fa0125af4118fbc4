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

# libyaml's C parser is about ten times faster than the pure-Python one, which dominated the
# start-up of a short run; the pure one stands in where PyYAML was built without libyaml.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """YAML text parsed safely (no tags that build objects)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


@lru_cache(maxsize=None)
def load_pattern(name: str) -> Any:
    """patterns/<name>.yaml, parsed once per process."""
    text = resources.files("extractor._patterns").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return parse_yaml(text)


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
