"""Word (.docx) reports: the body XML walked in document order.

The package is opened with zipfile and lxml (only the parts read are inflated); the reading
walks the WordprocessingML directly because python-docx's object API loses what we need: it lists
paragraphs and tables separately (their interleaving is lost), repeats a merged cell once
per grid column it spans, and skips text boxes. Here:
- paragraphs and tables come in body order, content controls (w:sdt) unwrapped;
- a table cell is one block (its paragraphs joined with '\\n'), read once however many grid
  columns (gridSpan, hMerge) or rows (vMerge) it spans; cells of a nested table follow the
  cell that holds them, with `parent_table` set;
- text boxes (w:txbxContent) follow the paragraph they are anchored in; the VML fallback copy
  of a text box (mc:Fallback) is skipped so the text is not read twice;
- headers come first and footers last, each distinct header/footer part once;
- deleted revisions and field instructions are not text; field results are.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

from extractor.core.errors import ReadError
from extractor.core.model import Block, BlockKind, CellPosition, Document, Style
from extractor.core.settings import DEFAULT_SETTINGS, Settings
from extractor.readers import LIST_MARKERS
from extractor.readers.cut_zip import RATIO_FROM, TooLarge, cut_zip_to_members

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@lru_cache(maxsize=None)  # a few dozen tags, asked for hundreds of thousands of times
def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_R, W_T = map(_w, ("p", "tbl", "tr", "tc", "r", "t"))
W_SDT, W_SDTCONTENT, W_CUSTOMXML = map(_w, ("sdt", "sdtContent", "customXml"))
W_TXBX = _w("txbxContent")
_W_VAL, _W_PPR, _W_RPR = _w("val"), _w("pPr"), _w("rPr")
# Run content that is not visible text, or text that was deleted / moved away.
_SKIP = {_w(t) for t in ("del", "moveFrom", "instrText", "delText", "delInstrText", "rPr",
                         "pPr", "tblPr", "trPr", "tcPr", "sectPr", "fldData",
                         "footnoteReference", "endnoteReference", "commentReference")}
_SKIP.add(f"{{{_MC}}}Fallback")
_CHAR = {_w("tab"): "\t", _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "-",
         _w("softHyphen"): ""}
_OFF = {"0", "false", "off"}


def _child(el: Any, tag: str) -> Any:
    """The first child of `el` with the qualified `tag`, or None: `el.find(tag)` without the
    path parsing (about twice as fast; asked for every run and paragraph)."""
    return next(el.iterchildren(tag), None)


def _val(el: Any, tag: str) -> str | None:
    """The w:val of child `tag` of `el`; '' when the child is present without a value."""
    if el is None:
        return None
    child = _child(el, _w(tag))
    if child is None:
        return None
    return child.get(_W_VAL, "")


def _on(value: str | None) -> bool | None:
    return None if value is None else value not in _OFF


@dataclass
class _StyleInfo:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None  # 0-based outline level, 9 = body text
    numbered: bool | None = None
    bold: bool | None = None


@dataclass
class _Styles:
    styles: Mapping[str, _StyleInfo] = field(default_factory=dict)
    default_paragraph: str | None = None
    default_bold: bool = False
    # answers by (question, style id): a report asks the same few styles thousands of times,
    # and the styles of one template are shared by its reports (`_styles_of_part`)
    answers: dict[tuple[str, str | None], Any] = field(default_factory=dict, repr=False, compare=False)

    def _chain(self, style_id: str | None) -> Iterator[_StyleInfo]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            info = self.styles[style_id]
            yield info
            style_id = info.based_on

    def _first(self, style_id: str | None, attr: str) -> Any:
        for info in self._chain(style_id):
            value = getattr(info, attr)
            if value is not None:
                return value
        return None

    def _answer(self, question: str, style_id: str | None, find: Callable[[str | None], Any]) -> Any:
        key = (question, style_id)
        try:  # a style asked before: one lookup (the styles of a part never change)
            return self.answers[key]
        except KeyError:
            pass
        if style_id not in self.styles:  # answered at once, and kept for styles that exist only
            return find(style_id)
        self.answers[key] = find(style_id)
        return self.answers[key]

    def heading_level(self, style_id: str | None) -> int | None:
        return self._answer("heading_level", style_id or self.default_paragraph, self._heading_level)

    def is_list(self, style_id: str | None) -> bool:
        return self._answer("is_list", style_id or self.default_paragraph, self._is_list)

    def bold(self, style_id: str | None) -> bool:
        return self._answer("bold", style_id, self._bold)

    def run_bold(self, style_id: str) -> bool | None:
        """Bold as a character style sets it, or None."""
        return self._answer("run_bold", style_id, lambda sid: self._first(sid, "bold"))

    def _heading_level(self, style_id: str | None) -> int | None:
        """Heading level of a paragraph style: 'heading N' -> N, 'Title' -> 0 (above every
        heading), else the outline level inherited through basedOn, 1-based."""
        for info in self._chain(style_id):
            name = info.name.lower().replace(" ", "")
            if name == "title":
                return 0
            if name.startswith("heading") and name[7:].isdigit():
                return int(name[7:])
        outline = self._first(style_id, "outline")
        return outline + 1 if outline is not None and outline < 9 else None

    def _is_list(self, style_id: str | None) -> bool:
        if self._first(style_id, "numbered"):
            return True
        return any(info.name.lower().startswith("list") and info.name.lower() != "list paragraph"
                   for info in self._chain(style_id))

    def _bold(self, style_id: str | None) -> bool:
        value = self._first(style_id, "bold")
        return self.default_bold if value is None else value


def _style_info(st: Any) -> _StyleInfo:
    ppr = st.find(_w("pPr"))
    outline = _val(ppr, "outlineLvl")
    num = ppr.find(_w("numPr")) if ppr is not None else None
    num_id = _val(num, "numId") if num is not None else None
    return _StyleInfo(
        name=_val(st, "name") or "",
        based_on=_val(st, "basedOn"),
        outline=int(outline) if outline and outline.isdigit() else None,
        numbered=None if num_id is None else num_id != "0",
        bold=_on(_val(st.find(_w("rPr")), "b")),
    )


def _default_bold(defaults: Any | None) -> bool:
    return bool(_on(_val(defaults, "b")))


def _styles_from_xml(root: Any | None) -> _Styles:
    styles = _Styles()
    if root is None:
        return styles
    styles.default_bold = _default_bold(root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}"))
    table: dict[str, _StyleInfo] = {}
    for st in root.iter(_w("style")):
        sid = st.get(_w("styleId"))
        if not sid:
            continue
        table[sid] = _style_info(st)
        if st.get(_w("type")) == "paragraph" and _on(st.get(_w("default"))):
            styles.default_paragraph = sid
    styles.styles = table
    return styles


# A template's styles part is mostly table styles no paragraph uses (python-docx's default is
# 340 KB: parsing it whole cost 8 ms a report, more than the document). `_LazyStyles` finds
# each w:style element's bytes with a scan and parses one only when a paragraph asks for it.
_STYLES_ROOT = re.compile(rb"<w:styles\b[^>]*>")
_STYLE_TAG = re.compile(rb"<w:style\b[^>]*>")
_ATTR = re.compile(rb"""\bw:(styleId|type|default)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DOC_DEFAULTS = re.compile(rb"<w:docDefaults\b.*?</w:docDefaults>", re.DOTALL)
_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")


def _utf8(blob: bytes) -> bool:
    """Is the part UTF-8 (declared so, or not declared)? The scan reads attribute values as UTF-8."""
    m = _ENCODING.match(blob)
    return m is None or m.group(1).lower() in (b"utf-8", b"utf8")


class _LazyStyles(Mapping[str, _StyleInfo]):
    """The styles of one styles part by id, each parsed from its own bytes when first asked
    for, inside the part's root tag (which declares its namespaces)."""

    def __init__(self, blob: bytes, root_tag: bytes, spans: dict[str, tuple[int, int]]) -> None:
        self._blob, self._root_tag, self._spans = blob, root_tag, spans
        self._parsed: dict[str, _StyleInfo | None] = {}

    def _info(self, sid: str) -> _StyleInfo | None:
        if sid not in self._parsed:
            start, end = self._spans[sid]
            st = _fragment(self._root_tag, self._blob[start:end])
            self._parsed[sid] = None if st is None else _style_info(st)
        return self._parsed[sid]

    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and sid in self._spans and self._info(sid) is not None

    def __getitem__(self, sid: str) -> _StyleInfo:
        info = self._info(sid) if sid in self._spans else None
        if info is None:
            raise KeyError(sid)
        return info

    def __iter__(self) -> Iterator[str]:
        return (sid for sid in self._spans if sid in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _fragment(root_tag: bytes, element: bytes) -> Any | None:
    """The one element of `element` (bytes cut from a part) parsed inside the part's root tag;
    None when it does not parse (a damaged style is no style, as an unknown id)."""
    closing = b"</" + root_tag[1:].split(None, 1)[0].rstrip(b">/") + b">"
    try:
        root = etree.fromstring(root_tag + element + closing, _WML_PARSER)
    except etree.XMLSyntaxError:
        return None
    return root[0] if len(root) else None


def _attrs(tag: bytes) -> dict[str, str]:
    return {m.group(1).decode(): (m.group(2) if m.group(2) is not None else m.group(3)).decode("utf-8", "replace")
            for m in _ATTR.finditer(tag)}


def _styles_from_bytes(blob: bytes) -> _Styles | None:
    """`_Styles` of a styles part read lazily (`_LazyStyles`); None where the scan cannot
    stand in for a parse: another prefix than w:, a DTD, a comment or CDATA (which may hold
    tags), another encoding than UTF-8, a part cut short, escaped attribute values."""
    root = _STYLES_ROOT.search(blob)
    if (root is None or root.group().endswith(b"/>") or b"<!" in blob  # a DTD, comment or CDATA
            or not _utf8(blob) or not blob.rstrip().endswith(b"</w:styles>")):
        return None
    styles = _Styles()
    spans: dict[str, tuple[int, int]] = {}
    for m in _STYLE_TAG.finditer(blob, root.end()):
        attrs = _attrs(m.group())
        if any("&" in v for v in attrs.values()):
            return None
        sid = attrs.get("styleId")
        if not sid:
            continue
        end = m.end() if m.group().endswith(b"/>") else blob.find(b"</w:style>", m.end())
        if end < 0:
            return None
        spans[sid] = (m.start(), end + (0 if m.group().endswith(b"/>") else len(b"</w:style>")))
        if attrs.get("type") == "paragraph" and _on(attrs.get("default")):
            styles.default_paragraph = sid
    defaults = _DOC_DEFAULTS.search(blob, root.end())
    if defaults is not None:
        element = _fragment(root.group(), defaults.group())
        styles.default_bold = _default_bold(
            None if element is None else element.find(f"{_w('rPrDefault')}/{_w('rPr')}"))
    styles.styles = _LazyStyles(blob, root.group(), spans)
    return styles


@dataclass
class _Paragraph:
    text: str
    bold: bool
    boxes: list[Any]  # w:txbxContent elements anchored in the paragraph


# the style of a plain paragraph (Style is frozen: one shared instance is safe)
_PLAIN = Style()


@lru_cache(maxsize=None)  # a few values of each: one frozen instance each, not one a block
def _style(bold: bool, heading_level: int | None = None) -> Style:
    return Style(bold=bold, heading_level=heading_level)


class _Reader:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.tables = 0

    def add(self, kind: BlockKind, text: str, style: Style = _PLAIN,
            cell: CellPosition | None = None) -> None:
        self.blocks.append(Block(len(self.blocks), kind, text, None, style, cell))

    # -- runs and paragraphs -------------------------------------------------------------
    def _collect(self, el: Any, pstyle: str | None, parts: list[str], bold: list[bool],
                 boxes: list[Any]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W_R:
                before = len(parts)
                self._collect(child, pstyle, parts, bold, boxes)
                if "".join(parts[before:]).strip():
                    bold.append(self._run_bold(child, pstyle))
            elif tag == W_T:
                parts.append(child.text or "")
            elif tag in _CHAR:
                if tag == _w("br") and child.get(_w("type")) == "page":
                    parts.append(" ")
                else:
                    parts.append(_CHAR[tag])
            elif tag == W_TXBX:
                boxes.append(child)
            else:
                self._collect(child, pstyle, parts, bold, boxes)

    def _run_bold(self, run: Any, pstyle: str | None) -> bool:
        rpr = _child(run, _W_RPR)
        direct = _on(_val(rpr, "b"))
        if direct is not None:
            return direct
        rstyle = _val(rpr, "rStyle")
        if rstyle:
            value = self.styles.run_bold(rstyle)
            if value is not None:
                return value
        return self.styles.bold(pstyle or self.styles.default_paragraph)

    def paragraph(self, p: Any, ppr: Any = None) -> tuple[_Paragraph, str | None]:
        """The paragraph's text, boldness and text boxes, and its style id (`ppr`: its
        properties when the caller has found them)."""
        ppr = _child(p, _W_PPR) if ppr is None else ppr
        pstyle = _val(ppr, "pStyle")
        parts: list[str] = []
        bold: list[bool] = []
        boxes: list[Any] = []
        self._collect(p, pstyle, parts, bold, boxes)
        text = "".join(parts).strip()
        return _Paragraph(text, bool(bold) and all(bold), boxes), pstyle

    def paragraph_block(self, p: Any, override: BlockKind | None) -> None:
        ppr = _child(p, _W_PPR)
        para, pstyle = self.paragraph(p, ppr)
        if para.text:
            outline = _val(ppr, "outlineLvl")
            if outline is not None and outline.isdigit():
                level = int(outline) + 1 if int(outline) < 9 else None
            else:
                level = self.styles.heading_level(pstyle)
            num = _child(ppr, _w("numPr")) if ppr is not None else None
            numbered = (_val(num, "numId") or "0") != "0" if num is not None else \
                self.styles.is_list(pstyle)
            if override is not None:
                kind, level = override, None
            elif level is not None:
                kind = BlockKind.HEADING
            elif numbered or para.text.startswith(LIST_MARKERS):
                kind = BlockKind.LIST_ITEM
            else:
                kind = BlockKind.PARAGRAPH
            self.add(kind, para.text, _style(para.bold, level))
        for box in para.boxes:
            self.container(box, override)

    # -- containers and tables -----------------------------------------------------------
    def container(self, el: Any, override: BlockKind | None = None,
                  parent_table: int | None = None) -> None:
        for child in _content(el):
            if child.tag == W_P:
                self.paragraph_block(child, override)
            elif child.tag == W_TBL:
                self.table(child, override, parent_table)

    def table(self, tbl: Any, override: BlockKind | None, parent_table: int | None) -> None:
        index = None
        if override is None:
            index, self.tables = self.tables, self.tables + 1
        for cell in _table_grid(tbl):
            texts: list[str] = []
            bolds: list[bool] = []
            nested: list[tuple[str, Any]] = []
            for child in _content(cell.tc):
                if child.tag == W_P:
                    para, _ = self.paragraph(child)
                    if para.text:
                        texts.append(para.text)
                        bolds.append(para.bold)
                    nested.extend(("box", b) for b in para.boxes)
                elif child.tag == W_TBL:
                    nested.append(("table", child))
            text = "\n".join(texts)
            if text:
                if override is not None or index is None:
                    self.add(override or BlockKind.PARAGRAPH, text, _style(all(bolds)))
                else:
                    self.add(BlockKind.TABLE_CELL, text, _style(all(bolds)), CellPosition(
                        table=index, row=cell.row, col=cell.col, row_span=cell.row_span,
                        col_span=cell.col_span, parent_table=parent_table))
            for what, el in nested:
                if what == "table":
                    self.table(el, override, index)
                else:
                    self.container(el, override, parent_table)


def _content(el: Any) -> Iterator[Any]:
    """Children of a container with content controls and custom XML unwrapped."""
    for child in el:
        if child.tag == W_SDT:
            inner = _child(child, W_SDTCONTENT)
            if inner is not None:
                yield from _content(inner)
        elif child.tag in (W_CUSTOMXML, W_SDTCONTENT):
            yield from _content(child)
        else:
            yield child


def _children(el: Any, tag: str) -> Iterator[Any]:
    return (c for c in _content(el) if c.tag == tag)


@dataclass
class _GridCell:
    tc: Any
    row: int
    col: int
    col_span: int
    row_span: int = 1


def _int_val(el: Any, tag: str, default: int) -> int:
    value = _val(el, tag)
    return int(value) if value and value.isdigit() else default


def _table_grid(tbl: Any) -> list[_GridCell]:
    """The cells of a table that carry content, each once, with grid row/col and spans.

    A horizontally merged cell is one w:tc with gridSpan (or a legacy hMerge run); a
    vertically merged cell is a 'restart' w:tc followed by 'continue' w:tc at the same grid
    column in the rows below: those continuations are folded into the first cell's row_span.
    """
    cells: list[_GridCell] = []
    at: dict[tuple[int, int], _GridCell] = {}
    for r, tr in enumerate(_children(tbl, W_TR)):
        col = _int_val(_child(tr, _w("trPr")), "gridBefore", 0)
        prev: _GridCell | None = None
        for tc in _children(tr, W_TC):
            tcpr = _child(tc, _w("tcPr"))
            span = max(1, _int_val(tcpr, "gridSpan", 1))
            vmerge = _val(tcpr, "vMerge")
            hmerge = _val(tcpr, "hMerge")
            if hmerge is not None and hmerge != "restart" and prev is not None:
                prev.col_span += span  # legacy horizontal merge continuation
            elif vmerge is not None and vmerge != "restart" and (r - 1, col) in at:
                above = at[(r - 1, col)]
                above.row_span += 1
                at[(r, col)] = above
                prev = None
            else:
                prev = _GridCell(tc, r, col, span)
                cells.append(prev)
                at[(r, col)] = prev
            col += span
    return cells


# -- the package ---------------------------------------------------------------------------
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = _RT + "officeDocument"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# The content types python-docx parsed with its own parser (blank text dropped, no entities):
# the parts read here parse the same way, any other the way lxml does by default.
_WML_PARTS = frozenset(_WML + t for t in ("document.main+xml", "styles+xml", "header+xml", "footer+xml"))
_WML_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
# Word's own answer to a damaged document ("Word found unreadable content ... recover the
# contents?"): libxml2 reads on past the damage (a tag cut or mismatched, stray bytes) and keeps
# the rest; what it could not keep is lost, so the record says the part was damaged.
_RECOVERING_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, recover=True)


@dataclass
class _Damage:
    """What a damaged package lost: the parts read only as far as they could be recovered
    (`parts`, their names made printable: they come from the file) and, for the record's
    technical warnings, what was wrong with each (`details`)."""

    parts: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    def note(self, partname: str, detail: str) -> None:
        name = _printable(partname.lstrip("/"))
        if name not in self.parts:
            self.parts.append(name)
        self.details.append(f"{name}: {detail}")


def _printable(name: str, limit: int = 120) -> str:
    """A part's name as a message may show it: control characters escaped, cut at `limit`."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name[:limit])
    return shown + ("…" if len(name) > limit else "")


@dataclass(frozen=True)
class _Rel:
    reltype: str
    target: str  # the part's name, absolute ('/word/styles.xml'), for an internal target
    external: bool


class _Package:
    """The parts of a Word package that the reader needs, read straight from the zip: the
    main document, its relationships, styles, headers and footers. Only those parts are
    inflated and parsed (python-docx's object model loaded every part of the package, which
    was most of the cost of reading)."""

    def __init__(self, data: bytes, archive: zipfile.ZipFile | None, settings: Settings,
                 damage: _Damage) -> None:
        self.zip: zipfile.ZipFile | _CutPackage
        if archive is not None:
            self.zip = archive
        else:  # no directory to open: a package cut short, or no zip at all (_CutPackage raises)
            self.zip = _CutPackage(data, settings)
            # what the cut lost first is the directory; a part it runs through is noted when parsed
            damage.note("zip directory", f"the file is cut short in or after {self.zip.last}")
        types = etree.fromstring(self.zip.read("[Content_Types].xml"), _WML_PARSER)
        self.overrides = {o.get("PartName", "").lower(): o.get("ContentType", "")
                          for o in types.iter(f"{{{_CT}}}Override")}
        self.defaults = {d.get("Extension", "").lower(): d.get("ContentType", "")
                         for d in types.iter(f"{{{_CT}}}Default")}
        main = next((r for r in self.rels("/", damage).values() if r.reltype == _OFFICE_DOCUMENT and not r.external),
                    None)
        if main is None:
            raise KeyError(f"no relationship of type '{_OFFICE_DOCUMENT}'")
        self.main = main.target

    def content_type(self, partname: str) -> str:
        if partname.lower() in self.overrides:
            return self.overrides[partname.lower()]
        ext = posixpath.splitext(partname)[1].lstrip(".").lower()
        if ext in self.defaults:
            return self.defaults[ext]
        raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")

    def rels(self, partname: str, damage: _Damage) -> dict[str, _Rel]:
        """The relationships of a part (or of the package, '/'), by id, in their order; those
        recovered from a damaged relationships part (noted in `damage`)."""
        base, name = posixpath.split(partname)
        rels_name = posixpath.join(base, "_rels", f"{name}.rels").lstrip("/")
        try:
            xml = self.zip.read(rels_name)
        except KeyError:
            return {}
        try:
            root = etree.fromstring(xml, _WML_PARSER)
        except etree.XMLSyntaxError as exc:
            root = _recovered(xml, rels_name, exc, damage)
            if root is None:
                return {}
        rels: dict[str, _Rel] = {}
        for rel in root.iter(f"{{{_PR}}}Relationship"):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target", "")
            rels[rel.get("Id", "")] = _Rel(rel.get("Type", ""), target if external else
                                           posixpath.abspath(posixpath.join(base, target)), external)
        return rels

    def has(self, partname: str) -> bool:
        try:
            self.zip.getinfo(partname.lstrip("/"))
        except KeyError:
            return False
        return True

    def part(self, partname: str) -> tuple[bytes, bool]:
        """A part's bytes, and whether they parse as WordprocessingML (see _WML_PARTS)."""
        return self.zip.read(partname.lstrip("/")), self.content_type(partname) in _WML_PARTS

    def element(self, partname: str, damage: _Damage | None = None) -> Any | None:
        """A part's root element. With `damage`, a WordprocessingML part that does not parse
        is read as far as it can be recovered (`_recovered`): None when nothing is."""
        blob, wml = self.part(partname)
        try:
            return _parse(blob, wml)
        except etree.XMLSyntaxError as exc:
            if damage is None or not wml:
                raise
            root = _recovered(blob, partname, exc, damage)
            return _flattened(root) if root is not None and root.tag in _FLOWING else root


def _recovered(blob: bytes, partname: str, exc: etree.XMLSyntaxError, damage: _Damage) -> Any | None:
    """What libxml2's recovery keeps of a part that did not parse (`exc`), noted in `damage`
    (None when it keeps nothing: a part cut right after its start); a hostile part (entity
    expansion) raises `exc` again."""
    if _xml_error("", exc).code == "unsafe_xml":
        raise exc
    if _utf8(blob):  # a byte sequence cut in two stops libxml2's recovery there
        blob = blob.decode("utf-8", "replace").encode("utf-8")
    damage.note(partname, str(exc))
    try:
        return etree.fromstring(blob, _RECOVERING_PARSER)
    except etree.XMLSyntaxError:  # nothing at all to recover ("Document is empty")
        return None


class _CutPackage:
    """The XML parts of a package cut short (readers/cut_zip.py), read like a ZipFile's."""

    def __init__(self, data: bytes, settings: Settings) -> None:
        # only the XML parts are inflated: the reader needs no media
        members = cut_zip_to_members(data, settings.max_docx_inflated_bytes, settings.max_docx_entry_ratio,
                                     settings.max_docx_entries,
                                     wanted=lambda name: name.endswith((".xml", ".rels")))
        if not any(m.name == "word/document.xml" for m in members):
            raise zipfile.BadZipFile("File is not a zip file, nor the start of a Word package")
        self.parts = {m.name: m.data for m in members}
        self.last = members[-1].name

    def read(self, name: str) -> bytes:
        return self.parts[name]

    def getinfo(self, name: str) -> str:
        if name not in self.parts:
            raise KeyError(name)
        return name


# the parts whose paragraphs flow (a body, a header, a footer), as opposed to styles
_FLOWING = frozenset(map(_w, ("document", "hdr", "ftr")))
# where a paragraph or table stays when a recovered part is put back in a row: in its table
# cell, in its text box (its anchor paragraph reads it), in the copy of a text box meant for
# old readers (which the reader skips, or the box would be read twice)
_STAYS_IN = frozenset((W_TC, W_TXBX, f"{{{_MC}}}Fallback"))


def _flattened(root: Any) -> Any:
    """A recovered part with its paragraphs and tables put back in a row: recovery closes the
    tags it finds unclosed where it notices, so the paragraphs after the damage end up inside
    a run or a paragraph's properties, inside a table that lost its end, or after the body,
    where the reader would not look for them. Each paragraph or table moves, in document
    order, to a fresh body (or header, footer), unless it stays where it is (`_STAYS_IN`)."""
    out = etree.Element(root.tag, nsmap=root.nsmap)
    holder = etree.SubElement(out, _w("body")) if root.tag == _w("document") else out
    for el in list(root.iter(W_P, W_TBL, _w("sectPr"))):
        if el.tag == _w("sectPr") and el.getparent() is not None and el.getparent().tag == _w("pPr"):
            continue  # a section break of a paragraph goes with its paragraph
        if not any(a.tag in _STAYS_IN for a in el.iterancestors()):
            holder.append(el)
    return out


def styles_cache_clear() -> None:
    """Forget the templates' styles read so far (for a benchmark of the worst case)."""
    _styles_of_part.cache_clear()


def _parse(blob: bytes, wml: bool) -> Any:
    return etree.fromstring(blob, _WML_PARSER if wml else None)


# Reports of one commune or district are typed from the same template: their styles.xml is
# the same bytes, scanned once (`_styles_from_bytes`) and each style parsed once. The key is the
# bytes themselves, so a hit is an exact match; the value holds the part's bytes (the key holds
# them anyway) and a few fields per style parsed, not a tree.
@lru_cache(maxsize=16)
def _styles_of_part(blob: bytes, wml: bool) -> _Styles:
    return (wml and _styles_from_bytes(blob)) or _styles_from_xml(_parse(blob, wml))


def _styles_or_plain(package: _Package, partname: str | None, damage: _Damage) -> _Styles:
    """The document's styles: none (every paragraph plain) when it has no styles part or the
    part is missing from a package cut short; those recovered from a damaged part (noted in
    `damage`). Styles only tell headings and lists apart: the text reads without them."""
    if partname is None or not package.has(partname):
        return _Styles()
    try:
        return _styles_of_part(*package.part(partname))
    except etree.XMLSyntaxError:
        return _styles_from_xml(package.element(partname, damage))


def _header_footer_parts(rels: dict[str, _Rel], body: Any, tag: str) -> list[str]:
    """Distinct header (or footer) parts in section order, each once."""
    parts: list[str] = []
    for ref in body.iter(_w(tag)):
        rid = ref.get(f"{{{_R}}}id")
        rel = rels.get(rid) if rid else None
        if rel is None or rel.external or rel.target in parts:
            continue
        parts.append(rel.target)
    return parts


def zip_directory_to_verdict(entries: list[zipfile.ZipInfo], path: str, settings: Settings) -> None:
    """Refuse an archive whose directory promises more than the limits, before anything is
    inflated: a part is inflated whole into memory. A directory that lies about sizes
    is caught by zlib's own checks when the part is read (corrupt_docx)."""
    if len(entries) > settings.max_docx_entries:
        raise ReadError(path, "archive_bomb", f"{len(entries):,} entries > {settings.max_docx_entries:,}")
    inflated = sum(e.file_size for e in entries)
    if inflated > settings.max_docx_inflated_bytes:
        raise ReadError(path, "archive_bomb",
                        f"{inflated:,} bytes inflated > {settings.max_docx_inflated_bytes:,}")
    for e in entries:
        if e.file_size > RATIO_FROM and e.file_size > settings.max_docx_entry_ratio * max(e.compress_size, 1):
            raise ReadError(path, "archive_bomb",
                            f"{e.filename}: {e.file_size:,} bytes from {e.compress_size:,}")


def bytes_to_document(data: bytes, path: str, sha256: str, fmt: str = "docx",
                      settings: Settings = DEFAULT_SETTINGS, archive: zipfile.ZipFile | None = None) -> Document:
    """The document in a Word package's bytes; `archive`, when given, is `data` already
    opened as a zip (the format sniffer opens it to tell a .docx from other zips)."""
    if archive is None:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except Exception:  # noqa: BLE001 - a package cut short, or no zip: _Package tells which
            archive = None
    if archive is not None:
        zip_directory_to_verdict(archive.infolist(), path, settings)
    damage = _Damage()
    try:
        package = _Package(data, archive, settings, damage)
        root = package.element(package.main, damage)
        rels = package.rels(package.main, damage)
        styles_part = next((r.target for r in rels.values() if r.reltype == _RT + "styles" and not r.external),
                           None)
        styles = _styles_or_plain(package, styles_part, damage)
        body = root.find(_w("body")) if root is not None else None
        # a package cut short may end before a header or footer part, or in its first bytes
        headers = [package.element(p, damage) for p in _header_footer_parts(rels, body, "headerReference")
                   if package.has(p)] if body is not None else []
        footers = [package.element(p, damage) for p in _header_footer_parts(rels, body, "footerReference")
                   if package.has(p)] if body is not None else []
    except etree.XMLSyntaxError as exc:
        raise _xml_error(path, exc) from None
    except TooLarge as exc:  # a package cut short whose parts inflate beyond the limit
        raise ReadError(path, "archive_bomb", str(exc)) from None
    except Exception as exc:  # zipfile.BadZipFile, KeyError (a missing part), zlib.error, EOFError
        raise ReadError(path, "corrupt_docx", f"{type(exc).__name__}: {exc}") from None
    if body is None:
        raise ReadError(path, "corrupt_docx", damage.details[-1] if damage.details else
                        "no w:body in word/document.xml")
    reader = _Reader(styles)
    for header in headers:
        if header is not None:
            reader.container(header, BlockKind.HEADER)
    reader.container(body)
    for footer in footers:
        if footer is not None:
            reader.container(footer, BlockKind.FOOTER)
    if damage.parts and not any(b.text.strip() for b in reader.blocks):
        raise ReadError(path, "corrupt_docx", damage.details[0])
    return Document(path=path, format=fmt, sha256=sha256, blocks=reader.blocks, damaged=damage.parts,
                    warnings=damage.details)


def _xml_error(path: str, exc: etree.XMLSyntaxError) -> ReadError:
    """libxml2 stops entity expansion attacks (billion laughs) with a syntax error naming the
    entity; that is a hostile file, not a damaged one."""
    text = str(exc).lower()
    code = "unsafe_xml" if "entit" in text and ("loop" in text or "amplification" in text
                                                 or "detected" in text) else "corrupt_docx"
    return ReadError(path, code, f"{type(exc).__name__}: {exc}")
