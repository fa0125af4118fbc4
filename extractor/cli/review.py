"""`ntm review FILE... -o DIR`: one review page per report and an index (extractor.outputs.review)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractor.batch import BatchOutcome, each_read
from extractor.core import i18n
from extractor.core.model import Document, Record
from extractor.outputs.links import page_name
from extractor.outputs.review import document_to_review_html, pages_to_index_html
from extractor.pipeline import document_to_record
from extractor.readers import read_document


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE", help=i18n.t("cli", "files_help"))
    parser.add_argument("-o", "--out", default="review", help=i18n.t("review", "out_help"))


def _read(path: Path) -> tuple[Document, Record]:
    doc = read_document(path)
    return doc, document_to_record(doc)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    outcome = BatchOutcome(args.paths)
    pages = []
    for f, (doc, record) in each_read(args.paths, outcome, _read):
        name = page_name(str(f))
        (out / name).write_text(document_to_review_html(doc, record, overview="index.html"), encoding="utf-8")
        pages.append((name, f, record))
    (out / "index.html").write_text(pages_to_index_html(pages), encoding="utf-8")
    if not args.quiet:
        print(i18n.t("review", "written", n=len(pages), path=str(out / "index.html")), file=sys.stderr)
    return outcome.exit_code()
