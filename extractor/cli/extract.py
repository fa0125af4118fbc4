"""`ntm extract FILE... [--format json|jsonl]`: print one record per document."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from extractor.batch import BatchOutcome, each_read
from extractor.core import i18n
from extractor.pipeline import extract


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE", help=i18n.t("cli", "files_help"))
    parser.add_argument("--format", choices=("json", "jsonl"), default="json",
                        help=i18n.t("cli", "format_help"))


def warn_partly_read(record: dict[str, Any]) -> None:
    """A scanned page with no text read, or a damaged part read only as far as it could be
    recovered: the record may lack what they held, so say so beside the file's name."""
    source = record["source"]
    missing = source.get("pages_without_text") or []
    if missing:
        print(i18n.t("cli", "pages_without_text", path=source["path"], n=len(missing),
                     pages=source.get("pages") or len(missing),
                     numbers=", ".join(map(str, missing))), file=sys.stderr)
    damaged = source.get("damaged") or []
    if damaged:
        print(i18n.t("cli", "damaged_parts", path=source["path"], parts=", ".join(damaged)), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    outcome = BatchOutcome(args.paths)
    records = []
    for _, record in each_read(args.paths, outcome, lambda f: extract(f).to_json()):
        warn_partly_read(record)
        if args.format == "jsonl":
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            records.append(record)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    return outcome.exit_code()
