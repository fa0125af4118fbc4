"""Plain-text reports: one block per paragraph (blank-line or line separated)."""
from __future__ import annotations

from ..errors import ReadError
from ..model import Block, BlockKind, Document


def bytes_to_document(data: bytes, path: str, sha256: str) -> Document:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError(path, "undecodable_text") from None
    blocks = [Block(i, BlockKind.PARAGRAPH, line.strip())
              for i, line in enumerate(l for l in text.splitlines() if l.strip())]
    return Document(path=path, format="txt", sha256=sha256, blocks=blocks, encoding="utf-8")
