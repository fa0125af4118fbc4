"""`ntm eval DIR_OR_FILE...`: score the extractor against gold answers (extractor.outputs.evaluate)."""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

from extractor.core import i18n
from extractor.core.errors import ExitCode
from extractor.outputs.evaluate import evaluate, render_table


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="+", metavar="DIR_OR_FILE", help=i18n.t("eval", "targets_help"))
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help=i18n.t("eval", "format_help"))
    parser.add_argument("--json", metavar="FILE", dest="json_out", help=i18n.t("eval", "json_help"))
    parser.add_argument("-v", "--verbose", action="store_true", help=i18n.t("eval", "verbose_help"))


def run(args: argparse.Namespace) -> int:
    missing = [t for t in args.targets if not pathlib.Path(t).exists()]
    if missing:
        print(i18n.t("eval", "not_found", paths=", ".join(missing)), file=sys.stderr)
        return ExitCode.USAGE
    ev = evaluate(list(args.targets))
    if not ev.documents:
        print(i18n.t("eval", "no_gold", paths=", ".join(args.targets)), file=sys.stderr)
        return ExitCode.USAGE
    data = ev.to_json(verbose=args.verbose)
    if args.json_out:
        pathlib.Path(args.json_out).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                                               encoding="utf-8")
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_table(ev, verbose=args.verbose))
    return ExitCode.OK
