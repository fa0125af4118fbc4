"""User-facing messages in Vietnamese (default) or English.

Catalogues are `extractor/locale/<domain>.yaml`, one per module that talks to users
(cli, checks, export, review, ...), each key holding a `vi` and an `en` text with
str.format placeholders. The language comes from `set_language` (the CLI's --lang)
or the NTM_LANG environment variable.
"""
from __future__ import annotations

import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources
from typing import Any

from extractor.core.data import parse_yaml

LANGUAGES = ("vi", "en")
# The run's language (the CLI's --lang), seen by every thread; `language_set` overrides it for
# one block in its own context only, so a thread reading a report in Vietnamese (a Dask
# worker's threads) never changes the language another thread writes in.
_language: str | None = None
_language_here: ContextVar[str | None] = ContextVar("ntm_language_here", default=None)


def _checked(lang: str | None) -> str | None:
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    return lang


def set_language(lang: str | None) -> None:
    """The run's language, for every thread (None: NTM_LANG, else Vietnamese)."""
    global _language
    _language = _checked(lang)


@contextmanager
def language_set(lang: str | None) -> Iterator[None]:
    """Messages in `lang` inside the block (in this thread or task only), the language
    before it after it; None: the run's language."""
    token = _language_here.set(_checked(lang))
    try:
        yield
    finally:
        _language_here.reset(token)


def language() -> str:
    lang = _language_here.get() or _language or os.environ.get("NTM_LANG", "vi")
    return lang if lang in LANGUAGES else "vi"


@lru_cache(maxsize=None)
def catalogue(domain: str) -> dict[str, dict[str, str]]:
    text = resources.files("extractor.core").joinpath("locale", f"{domain}.yaml").read_text(encoding="utf-8")
    return parse_yaml(text) or {}


def t(domain: str, key: str, lang: str | None = None, **values: Any) -> str:
    """The message `key` of `domain` in `lang` (default: the current language)."""
    entry = catalogue(domain)[key]
    return entry[lang or language()].format(**values)


def format_number(x: float | None, lang: str | None = None) -> str:
    """A number as the language writes it: 1.488.131.262 and 57,24 in Vietnamese."""
    if x is None or not math.isfinite(x):
        return str(x)
    if abs(x - round(x)) < 1e-9:
        text = f"{int(round(x)):,}"
    else:
        text = f"{x:,.4f}".rstrip("0").rstrip(".")
    if (lang or language()) == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    return text
