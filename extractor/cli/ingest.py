"""`ntm ingest FOLDER... -o OUT [--jobs N]`: read folders of reports into the store and
write the consolidated tables (extractor.ingest)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractor.core import i18n
from extractor.core.errors import ExitCode
from extractor.ingest.run import run_ingest, summary_lines
from extractor.store.db import StoreError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FOLDER", help=i18n.t("ingest", "paths_help"))
    parser.add_argument("-o", "--out", required=True, metavar="OUT", help=i18n.t("ingest", "out_help"))
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help=i18n.t("ingest", "jobs_help"))
    parser.add_argument("--db", default=None, metavar="FILE", help=i18n.t("ingest", "db_help"))
    parser.add_argument("--parquet", action="store_true", help=i18n.t("ingest", "parquet_help"))
    parser.add_argument("--admin-2025", action="store_true", dest="admin_2025",
                        help=i18n.t("ingest", "admin_2025_help"))
    parser.add_argument("--force", action="store_true", help=i18n.t("ingest", "force_help"))
    parser.add_argument("--retry-failed", action="store_true", dest="retry_failed",
                        help=i18n.t("ingest", "retry_failed_help"))


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        print(i18n.t("ingest", "bad_jobs"), file=sys.stderr)
        return ExitCode.USAGE
    try:
        _, stats = run_ingest(args.paths, args.out, jobs=args.jobs, db=args.db, parquet=args.parquet,
                             admin_2025=args.admin_2025, force=args.force,
                             retry_failed=args.retry_failed, progress=not args.quiet, stream=sys.stderr,
                             keep_current_outputs=True)
    except StoreError as err:
        print(i18n.t("ingest", "store_error", detail=err.message()), file=sys.stderr)
        return ExitCode.USAGE
    if stats.files == 0:
        print(i18n.t("ingest", "no_files", paths=", ".join(args.paths)), file=sys.stderr)
    for line in summary_lines(stats, Path(args.out)):
        print(line)
    return stats.exit_code()
