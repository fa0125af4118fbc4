"""Helpers of the criteria and identity tests: a document of a few lines built in memory."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, CriteriaStatus, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.structure.outline import document_to_outline


def lines_to_document(*lines: str) -> Document:
    """A document of these lines, one paragraph each."""
    return Document("mem.txt", "txt", "0", [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])


def criteria_of(*lines: str) -> CriteriaStatus:
    """The criteria the reader finds in a document of these lines."""
    return outline_to_criteria(document_to_outline(lines_to_document(*lines)))
