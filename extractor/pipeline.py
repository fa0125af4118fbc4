"""The pipeline: read -> normalize -> structure -> extract -> check, as plain functions.

`extract(path)` is the public entry point (also `extractor.extract`); `document_to_record`
runs every stage after reading, so tests and benchmarks can feed a `Document` built in memory.
"""
from __future__ import annotations

import os

from extractor.checks import record_to_flags
from extractor.core.model import Document, Record
from extractor.core.settings import DEFAULT_SETTINGS, Settings
from extractor.core.version import __version__
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.figures import outline_to_figures
from extractor.extract.identity import outline_to_identity
from extractor.extract.period import outline_to_period
from extractor.readers import read_document
from extractor.structure.outline import document_to_outline


def document_to_source(doc: Document) -> dict[str, object]:
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "format": doc.format,
        "pages": doc.pages,
        "blocks": len(doc.blocks),
        "pages_without_text": list(doc.pages_without_text),
        "encoding": doc.encoding,
        "warnings": list(doc.warnings),
        "damaged": list(doc.damaged),
    }


def document_to_record(doc: Document, settings: Settings = DEFAULT_SETTINGS) -> Record:
    outline = document_to_outline(doc)
    figures, number_issues = outline_to_figures(outline, settings)
    period = outline_to_period(outline)  # one year and criteria set for every reader
    identity = outline_to_identity(outline, period)
    criteria = outline_to_criteria(outline, period, identity.commune)
    # the reader may find the report is about another set than its year's (the advanced one)
    identity.criteria_set = criteria.criteria_set or identity.criteria_set
    record = Record(source=document_to_source(doc), identity=identity, criteria=criteria,
                    figures=figures, flags=[], extractor_version=__version__)
    record.flags = record_to_flags(record, outline, number_issues)
    return record


def extract(path: str | os.PathLike[str], settings: Settings = DEFAULT_SETTINGS) -> Record:
    """Read one report and return its record; raises ReadError for a file that cannot be read."""
    return document_to_record(read_document(path, settings), settings)
