"""The data the checks read: words, regexes, tolerances and severities of patterns/checks.yaml,
and the criteria thresholds of schemas/thresholds/*.yaml."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from extractor.core.data import load_pattern, parse_yaml
from extractor.core.regexes import compiled
from extractor.extract.guards import word_led_guarded


@cache
def config() -> dict[str, Any]:
    return load_pattern("checks")


def with_words(section: dict[str, Any], regex: str) -> str:
    """A regex of patterns/checks.yaml with each `{<name>_words}` filled in from the key of
    that name in its section, so an alternation of words is written once."""
    for name, words in section.items():
        if name.endswith("_words"):
            regex = regex.replace(f"{{{name}}}", f"(?:{words})")
    return regex


@cache
def regex(section: str, key: str = "regex", flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A regex of patterns/checks.yaml, compiled with a first-letter guard when led by a list of
    words (extractor.extract.guards: the same matches, found sooner)."""
    return compiled(word_led_guarded(with_words(config()[section], config()[section][key])), flags)


@cache
def thresholds() -> tuple[dict[str, Any], ...]:
    """Every criteria threshold file of schemas/thresholds/, parsed once per process."""
    folder = resources.files("extractor._schemas").joinpath("thresholds")
    try:
        files = sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    except (FileNotFoundError, NotADirectoryError):
        return ()  # an install without the folder: the check has nothing to compare
    return tuple(parse_yaml(p.read_text(encoding="utf-8")) for p in files)
