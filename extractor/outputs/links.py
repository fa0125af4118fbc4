"""Where each report's review page lives, and paths as a reader of OUT sees them.

Every output names a report's page the same way, from the report's file path alone, so the
CSVs, the workbook and the pages agree without sharing state, and a row points to its page
(and to the figure or flag in it) by a path relative to OUT.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from extractor.store.db import flag_digest

REVIEW_DIR = "review"


@lru_cache(maxsize=65536)
def page_name(file: str) -> str:
    """The review page of the report at `file`: a readable stem and a short hash of the path,
    so two reports both named `bao-cao.docx` in different folders get their own page."""
    stem = re.sub(r"[^\w-]+", "-", Path(file).name).strip("-")[:48] or "report"
    digest = hashlib.sha1(file.encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}.html"


def figure_anchor(block: object, start: object) -> str:
    return f"b{block}-{start}"


def flag_anchor(seq: object) -> str:
    return f"flag-{seq}"


def across_anchor(rule: object, message: object, evidence_json: object) -> str:
    """A flag across reports, named by what it says: the overview lists the flags of every
    district (each numbered within its district), and a page keeps its anchors when another
    district's flags change."""
    return digest_anchor(flag_digest(rule, message, evidence_json))


def digest_anchor(digest: str) -> str:
    """The anchor of a flag across reports from its stored digest (`across_anchor`)."""
    return f"across-{digest}"


def review_link(file: str | None, anchor: str | None = None) -> str | None:
    """The page of `file` (and `anchor` in it) relative to OUT; None for no file."""
    if not isinstance(file, str) or not file:
        return None
    link = f"{REVIEW_DIR}/{page_name(file)}"
    return f"{link}#{anchor}" if anchor else link


def common_root(files: Iterable[str]) -> str | None:
    """The deepest folder holding every file (None for no files)."""
    folders = [os.path.dirname(f) for f in files if isinstance(f, str) and f]
    if not folders:
        return None
    try:
        return os.path.commonpath(folders)
    except ValueError:  # different drives: no common folder
        return None


def relative_to(file: str | None, root: str | None) -> str | None:
    """`file` as a path under `root` (unchanged when it is not under it)."""
    if not isinstance(file, str) or not file or not root:
        return file
    return _relative(file, root, os.getcwd())


@lru_cache(maxsize=4096)  # a report's file is shown on several sheets; relpath is slow
def _relative(file: str, root: str, cwd: str) -> str:  # relpath reads the working folder
    try:
        rel = os.path.relpath(file, root)
    except ValueError:
        return file
    return file if rel.startswith("..") else rel.replace(os.sep, "/")
