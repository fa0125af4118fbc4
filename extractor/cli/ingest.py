"""`ntm ingest FOLDER... -o OUT [--jobs N] [--executor local|dask|dask-local]`: read folders
of reports into the store and write the consolidated tables (extractor.ingest)."""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from extractor.core import i18n
from extractor.core.errors import ExitCode
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.ingest.guard import OutputError
from extractor.ingest.run import EXECUTORS, run_ingest, summary_lines
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
    parser.add_argument("--file-timeout", type=float, default=DEFAULT_SETTINGS.file_timeout_s,
                        dest="file_timeout", metavar="SECONDS",
                        help=i18n.t("ingest", "file_timeout_help", default=f"{DEFAULT_SETTINGS.file_timeout_s:g}"))
    parser.add_argument("--ocr-max-pages", type=int, default=DEFAULT_SETTINGS.ocr_max_pages,
                        dest="ocr_max_pages", metavar="N",
                        help=i18n.t("ingest", "ocr_max_pages_help", default=str(DEFAULT_SETTINGS.ocr_max_pages)))
    parser.add_argument("--ocr-run-max-pages", type=int, default=DEFAULT_SETTINGS.ocr_run_max_pages,
                        dest="ocr_run_max_pages", metavar="N", help=i18n.t("ingest", "ocr_run_max_pages_help"))
    parser.add_argument("--executor", choices=EXECUTORS, default="local", help=i18n.t("ingest", "executor_help"))
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS", help=i18n.t("ingest", "scheduler_help"))
    parser.add_argument("-v", "--verbose", action="store_true", help=i18n.t("ingest", "verbose_help"))
    parser.add_argument("--send-bytes", action="store_true", dest="send_bytes",
                        help=i18n.t("ingest", "send_bytes_help"))


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        print(i18n.t("ingest", "bad_jobs"), file=sys.stderr)
        return ExitCode.USAGE
    if not args.file_timeout > 0:
        print(i18n.t("ingest", "bad_file_timeout"), file=sys.stderr)
        return ExitCode.USAGE
    if args.ocr_max_pages < 0 or args.ocr_run_max_pages < 0:
        print(i18n.t("ingest", "bad_ocr_pages"), file=sys.stderr)
        return ExitCode.USAGE
    if args.quiet and args.verbose:
        print(i18n.t("ingest", "quiet_and_verbose"), file=sys.stderr)
        return ExitCode.USAGE
    if args.executor == "dask" and not args.scheduler:
        print(i18n.t("ingest", "no_scheduler"), file=sys.stderr)
        return ExitCode.USAGE
    settings = replace(DEFAULT_SETTINGS, file_timeout_s=args.file_timeout, ocr_max_pages=args.ocr_max_pages,
                       ocr_run_max_pages=args.ocr_run_max_pages)
    try:
        _, stats = run_ingest(args.paths, args.out, jobs=args.jobs, db=args.db, parquet=args.parquet,
                              admin_2025=args.admin_2025, force=args.force,
                              retry_failed=args.retry_failed, progress=not args.quiet, verbose=args.verbose,
                              stream=sys.stderr,
                              keep_current_outputs=True, settings=settings,
                              executor=args.executor, scheduler=args.scheduler, send_bytes=args.send_bytes)
    except OutputError as err:
        print(i18n.t("ingest", "cannot_start", message=err.message()), file=sys.stderr)
        return ExitCode.USAGE
    except StoreError as err:
        print(i18n.t("ingest", "store_error", detail=err.message()), file=sys.stderr)
        return ExitCode.USAGE
    except ImportError as err:  # the Dask extra asked for and not installed
        if err.name not in ("dask", "distributed"):
            raise
        print(i18n.t("ingest", "no_dask"), file=sys.stderr)
        return ExitCode.USAGE
    if stats.files == 0:
        print(i18n.t("ingest", "no_files", paths=", ".join(args.paths)), file=sys.stderr)
    for line in summary_lines(stats, Path(args.out)):
        print(line)
    return stats.exit_code()
