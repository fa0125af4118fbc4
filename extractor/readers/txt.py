"""Plain-text reports: decode by evidence, then one block per non-empty line.

Encodings are decided in this order, each step on evidence in the bytes, never by default:
a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), UTF-16 without a BOM (NULs in every other
byte), strict UTF-8 (multi-byte UTF-8 almost never decodes by accident), then Windows-1258 when
its combining tone-mark bytes all sit on vowels, and finally charset-normalizer's best guess
when its chaos measure is low. Windows-1258 stores Vietnamese as base letter + combining tone,
so its text is recomposed to NFC here.
"""
from __future__ import annotations

import codecs
import unicodedata

from extractor.core.errors import ReadError
from extractor.core.model import Block, BlockKind, CellPosition, Document
from extractor.core.regexes import compiled
from extractor.readers import LIST_MARKERS, utf16_without_bom
from extractor.text.legacy import tcvn3_to_unicode, text_is_tcvn3, text_is_vni, vni_to_unicode

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Windows-1258 bytes of the five combining tone marks (grave, hook, tilde, acute, dot below).
_CP1258_TONE_BYTES = frozenset(b"\xcc\xd2\xde\xec\xf2")
# charset-normalizer's chaos (0 = clean) above which a guess is refused.
_MAX_CHAOS = 0.2
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_RATIO = 0.01


def _bom_decode(data: bytes) -> tuple[str, str] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc.replace("-sig", "")), enc
    return None


def _cp1258_evidence(data: bytes) -> bool:
    """True when the bytes carry Windows-1258 tone marks and every one composes with the
    letter before it, which text in another single-byte code page does not do."""
    if not any(b in _CP1258_TONE_BYTES for b in data):
        return False
    text = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    marks = sum(1 for ch in text if unicodedata.category(ch) == "Mn")
    tone_bytes = sum(1 for b in data if b in _CP1258_TONE_BYTES)
    return marks <= 0.02 * tone_bytes


def bytes_to_text(data: bytes, path: str) -> tuple[str, str]:
    """The decoded text and the name of the encoding it was found in."""
    try:
        found = _bom_decode(data)
        if found:
            return found
        # (before UTF-8: NFD text in UTF-16 is all bytes below 0x80, valid UTF-8 with NULs)
        utf16 = utf16_without_bom(data)
        if utf16:
            return data.decode(utf16), utf16
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    except UnicodeDecodeError as exc:
        raise ReadError(path, "undecodable_text", str(exc)) from None
    # TCVN3 (.VnTime) and VNI bytes are the Latin-1 letters of its font; checked before Windows-1258,
    # whose tone bytes would otherwise mangle them
    latin1 = data.decode("latin-1")
    if text_is_vni(latin1):  # VNI text holds many of TCVN3's markers, not the reverse
        return vni_to_unicode(latin1), "vni"
    if text_is_tcvn3(latin1):
        return tcvn3_to_unicode(latin1), "tcvn3"
    if _cp1258_evidence(data):
        return unicodedata.normalize("NFC", data.decode("cp1258")), "cp1258"
    from charset_normalizer import from_bytes  # imported here: only legacy files need it

    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise ReadError(path, "undecodable_text")
    return unicodedata.normalize("NFC", str(best)), best.encoding


def _is_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f\v\x1a")
    return controls > _MAX_CONTROL_RATIO * max(len(text), 1)


def line_to_block(index: int, line: str) -> Block:
    kind = BlockKind.LIST_ITEM if line.startswith(LIST_MARKERS) else BlockKind.PARAGRAPH
    return Block(index, kind, line)


_RULE_ROW = compiled(r"^[\s|:+-]*-{3,}[\s|:+-]*$")  # "|---|:---|" under a Markdown header


def line_to_cells(line: str) -> tuple[str, list[str]] | None:
    """The cells of a table row written as text: tab-separated (Word's "save as text") or
    '|'-separated (Markdown and hand-typed tables); None for a line of prose."""
    for sep in ("\t", "|"):
        if sep in line:
            body = line.strip()
            if sep == "|" and body.startswith("|") and body.endswith("|"):
                body = body[1:-1]  # Markdown's outer bars; a bare leading bar is an empty cell
            cells = [c.strip() for c in body.split(sep)]
            if len(cells) >= 2 and any(cells):
                return sep, cells
    return None


def lines_to_blocks(lines: list[str]) -> list[Block]:
    """Every non-empty line a paragraph, except runs of two or more rows with the same
    separator and number of cells, which become a table of cells."""
    rows = [line_to_cells(line) for line in lines]
    blocks: list[Block] = []
    tables = 0
    i = 0
    while i < len(lines):
        first = rows[i]
        j = i
        while first is not None and j < len(lines) and (row := rows[j]) is not None \
                and row[0] == first[0] and len(row[1]) == len(first[1]):
            j += 1
        if first is not None and j - i >= 2:
            row_index = 0
            for k in range(i, j):
                cells = rows[k]
                if cells is None or _RULE_ROW.match(lines[k]):
                    continue
                for col, cell in enumerate(cells[1]):
                    if cell:
                        blocks.append(Block(len(blocks), BlockKind.TABLE_CELL, cell,
                                            cell=CellPosition(tables, row_index, col)))
                row_index += 1
            tables += 1
            i = j
            continue
        if lines[i].strip():
            blocks.append(line_to_block(len(blocks), lines[i].strip()))
        i += 1
    return blocks


def bytes_to_document(data: bytes, path: str, sha256: str) -> Document:
    text, encoding = bytes_to_text(data, path)
    if _is_binary(text):
        raise ReadError(path, "unsupported_format", "binary data, not text")
    # Every non-empty line is a paragraph: plain-text reports put one paragraph per line,
    # with or without blank lines between them. Blank lines do not break a table.
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    blocks = lines_to_blocks(lines)
    if not blocks:
        raise ReadError(path, "no_text")
    return Document(path=path, format="txt", sha256=sha256, blocks=blocks, encoding=encoding)
