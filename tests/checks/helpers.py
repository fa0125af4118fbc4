"""Helpers of the tests of extractor/checks/: small documents built in memory, with figures
built by hand at their place in the text, so the rules are tested apart from the figure grammar."""
from __future__ import annotations

from extractor import checks
from extractor.core.model import Block, BlockKind, CriteriaStatus, Document, Figure, Identity, Location, Record
from extractor.structure.outline import document_to_outline


def make_doc(*lines: str) -> Document:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)]
    return Document(path="mem.txt", format="txt", sha256="0", blocks=blocks)


def fig(doc: Document, block: int, text: str, value: float, unit: str, nth: int = 0, **kw) -> Figure:
    """A figure standing at the nth occurrence of `text` in block `block`."""
    t = doc.blocks[block].text
    start = -1
    for _ in range(nth + 1):
        start = t.index(text, start + 1)
    return Figure(value=value, unit=unit, text=text, rule="test",
                  location=Location(block, None, start, start + len(text)), **kw)


def run(doc: Document, figures: list[Figure], criteria: CriteriaStatus | None = None,
        identity: Identity | None = None) -> list:
    record = Record(source={"path": doc.path}, identity=identity or Identity(),
                    criteria=criteria or CriteriaStatus(), figures=figures, flags=[])
    return checks.record_to_flags(record, document_to_outline(doc))


def rules(flags) -> list[str]:
    return [f.rule for f in flags]


def texts(flag) -> list[str]:
    return [e.text for e in flag.evidence]
