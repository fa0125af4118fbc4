"""Helpers of the criteria and identity tests: a document of a few lines built in memory."""
from __future__ import annotations

import re
from collections.abc import Callable

from extractor.core.data import load_pattern
from extractor.core.model import Block, BlockKind, CriteriaStatus, Document, Identity
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.identity import outline_to_identity
from extractor.structure.outline import document_to_outline
from extractor.text.fold import strip_diacritics


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


def mask_rules_rewritten_alike(rewrite: Callable[[str, bool], str | None], texts: list[str]) -> int:
    """Assert that each mask rule of patterns/non_figures.yaml (as written and folded) that
    `rewrite(regex, ignore_case)` rewrites finds the same spans as written in every text,
    searched from inside it too; the number of rules rewritten."""
    rewritten = 0
    for r in load_pattern("non_figures")["rules"]:
        flags = (0 if r.get("case_sensitive") else re.IGNORECASE) | re.MULTILINE
        for written in r["regex"] if isinstance(r["regex"], list) else [r["regex"]]:
            for rx in (written, strip_diacritics(written)):
                fast_rx = rewrite(rx, bool(flags & re.IGNORECASE))
                if fast_rx is None:
                    continue
                rewritten += 1
                plain, fast = re.compile(rx, flags), re.compile(fast_rx, flags)
                for t in texts:
                    for pos in (0, 1, 3):
                        expected = [m.span() for m in plain.finditer(t, pos)]
                        assert [m.span() for m in fast.finditer(t, pos)] == expected, (rx, t)
    return rewritten
