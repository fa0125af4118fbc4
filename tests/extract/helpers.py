"""Helpers of the criteria and identity tests: a document of a few lines built in memory."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, CriteriaStatus, Document, Identity
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.identity import outline_to_identity
from extractor.structure.outline import document_to_outline


def lines_to_document(*lines: str) -> Document:
    """A document of these lines, one paragraph each."""
    return Document("mem.txt", "txt", "0", [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])


def criteria_of(*lines: str) -> CriteriaStatus:
    """The criteria the reader finds in a document of these lines."""
    return outline_to_criteria(document_to_outline(lines_to_document(*lines)))


# lines that name no unit: a report's body after the lines a test gives, so that the header
# zone is as long as in a real report
NEUTRAL_LINES = tuple(f"Mục {i}: nội dung không nêu đơn vị hành chính nào." for i in range(14))


def identity_of(*lines: str) -> Identity:
    """The identity the reader finds in a document of these lines and `NEUTRAL_LINES`."""
    return outline_to_identity(document_to_outline(lines_to_document(*lines, *NEUTRAL_LINES)))


def places_of(*lines: str) -> tuple[str | None, str | None, str | None]:
    """(commune, district, province) of `identity_of`."""
    ident = identity_of(*lines)
    return ident.commune, ident.district, ident.province
