"""`ntm extract FILE... [--format json|jsonl]`: print one record per document."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from extractor.core import i18n
from extractor.core.errors import ReadError
from extractor.pipeline import extract
from extractor.readers import SUPPORTED_SUFFIXES

T = TypeVar("T")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE", help=i18n.t("cli", "files_help"))
    parser.add_argument("--format", choices=("json", "jsonl"), default="json",
                        help=i18n.t("cli", "format_help"))


def paths_to_files(paths: list[str]) -> Iterator[Path]:
    """Files named on the command line as they are; folders walked for supported suffixes
    (answer files *.gold.json are skipped)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield f
        else:
            yield p


@dataclass
class BatchOutcome:
    """How a batch over files went, for the exit code."""

    paths: list[str]
    ok: int = 0
    failed: int = 0

    def exit_code(self) -> int:
        from extractor.cli.main import EXIT_ALL_FAILED, EXIT_OK, EXIT_SOME_FAILED

        if self.ok == 0 and self.failed == 0:
            print(i18n.t("cli", "no_files", paths=", ".join(self.paths)), file=sys.stderr)
            return EXIT_ALL_FAILED
        if self.failed:
            return EXIT_ALL_FAILED if self.ok == 0 else EXIT_SOME_FAILED
        return EXIT_OK


def each_read(paths: list[str], outcome: BatchOutcome, handle: Callable[[Path], T]) -> Iterator[tuple[Path, T]]:
    """`handle(file)` for every file under `paths`; a file that fails is reported on stderr
    with its name and reason and counted, and the batch goes on."""
    for f in paths_to_files(paths):
        try:
            result = handle(f)
        except ReadError as err:
            outcome.failed += 1
            print(i18n.t("cli", "read_failed", message=err.message()), file=sys.stderr)
            continue
        except Exception as err:  # noqa: BLE001 - one bad file never stops the batch
            outcome.failed += 1
            wrapped = ReadError(str(f), "internal_error", f"{type(err).__name__}: {err}")
            print(i18n.t("cli", "read_failed", message=wrapped.message()), file=sys.stderr)
            continue
        outcome.ok += 1
        yield f, result


def warn_pages_without_text(record: dict[str, Any]) -> None:
    """A scanned page has no text to read (OCR is not part of the tool yet): say so."""
    source = record["source"]
    missing = source.get("pages_without_text") or []
    if missing:
        print(i18n.t("cli", "pages_without_text", path=source["path"], n=len(missing),
                     pages=source.get("pages") or len(missing),
                     numbers=", ".join(map(str, missing))), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    outcome = BatchOutcome(args.paths)
    records = []
    for _, record in each_read(args.paths, outcome, lambda f: extract(f).to_json()):
        warn_pages_without_text(record)
        if args.format == "jsonl":
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            records.append(record)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    return outcome.exit_code()
