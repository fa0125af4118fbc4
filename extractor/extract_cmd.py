"""`ntm extract FILE... [--format json|jsonl]`: print one record per document."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from . import i18n
from .errors import ReadError
from .pipeline import extract

SUPPORTED_SUFFIXES = frozenset({".docx", ".pdf", ".txt", ".doc"})


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


def run(args: argparse.Namespace) -> int:
    from .cli import EXIT_ALL_FAILED, EXIT_OK, EXIT_SOME_FAILED

    files = list(paths_to_files(args.paths))
    ok = failed = 0
    records = []
    for f in files:
        try:
            record = extract(f).to_json()
        except ReadError as err:
            failed += 1
            print(i18n.t("cli", "read_failed", message=err.message()), file=sys.stderr)
            continue
        except Exception as err:  # noqa: BLE001 - one bad file never stops the batch
            failed += 1
            wrapped = ReadError(str(f), "internal_error", f"{type(err).__name__}: {err}")
            print(i18n.t("cli", "read_failed", message=wrapped.message()), file=sys.stderr)
            continue
        ok += 1
        if args.format == "jsonl":
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            records.append(record)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    if not files:
        print(i18n.t("cli", "no_files", paths=", ".join(args.paths)), file=sys.stderr)
        return EXIT_ALL_FAILED
    if failed:
        return EXIT_ALL_FAILED if ok == 0 else EXIT_SOME_FAILED
    return EXIT_OK
