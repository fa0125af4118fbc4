"""The .docx reader on documents built here with python-docx (plus raw XML where python-docx
has no API: text boxes, content controls, revisions, numbering, outline levels)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from lxml import etree

from extractor.core.errors import ReadError
from extractor.core.model import BlockKind, CellPosition, Document
from extractor.readers import bytes_to_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def to_bytes(d) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def read(d) -> Document:  # type: ignore[no-untyped-def]
    return bytes_to_document(to_bytes(d), "test.docx")


def cells(doc: Document) -> list[tuple[str, CellPosition]]:
    return [(b.text, b.cell) for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]


def test_paragraphs_and_tables_interleave_in_body_order() -> None:
    d = docx.Document()
    d.add_paragraph("Trước bảng")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Giao thông", "Đạt"
    d.add_paragraph("Sau bảng")
    doc = read(d)
    assert [b.text for b in doc.blocks] == ["Trước bảng", "Giao thông", "Đạt", "Sau bảng"]
    assert [b.index for b in doc.blocks] == [0, 1, 2, 3]
    assert doc.format == "docx" and doc.pages is None


def test_merged_cells_are_read_once_with_their_spans() -> None:
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    top = t.cell(0, 0).merge(t.cell(0, 2))  # one cell across three grid columns
    top.text = "Kết quả thực hiện các tiêu chí"
    left = t.cell(1, 0).merge(t.cell(2, 0))  # one cell down two rows
    left.text = "Giao thông"
    t.cell(1, 1).text, t.cell(1, 2).text = "3 km", "Đạt"
    t.cell(2, 1).text, t.cell(2, 2).text = "12,1/12,6 km", "96%"
    got = cells(read(d))
    assert got == [
        ("Kết quả thực hiện các tiêu chí", CellPosition(0, 0, 0, row_span=1, col_span=3)),
        ("Giao thông", CellPosition(0, 1, 0, row_span=2, col_span=1)),
        ("3 km", CellPosition(0, 1, 1)),
        ("Đạt", CellPosition(0, 1, 2)),
        ("12,1/12,6 km", CellPosition(0, 2, 1)),
        ("96%", CellPosition(0, 2, 2)),
    ]
    # python-docx itself repeats the merged cell once per spanned grid column
    assert [c.text for c in t.rows[0].cells].count("Kết quả thực hiện các tiêu chí") == 3


def test_nested_table_cells_follow_their_parent_cell() -> None:
    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    host = outer.cell(0, 0)
    host.text = "Nguồn vốn"
    inner = host.add_table(rows=2, cols=1)
    inner.cell(0, 0).text, inner.cell(1, 0).text = "Ngân sách: 231 triệu", "Nhân dân: 85 triệu"
    outer.cell(0, 1).text = "Tổng"
    d.add_table(rows=1, cols=1).cell(0, 0).text = "Bảng sau"
    assert cells(read(d)) == [
        ("Nguồn vốn", CellPosition(0, 0, 0)),
        ("Ngân sách: 231 triệu", CellPosition(1, 0, 0, parent_table=0)),
        ("Nhân dân: 85 triệu", CellPosition(1, 1, 0, parent_table=0)),
        ("Tổng", CellPosition(0, 0, 1)),
        ("Bảng sau", CellPosition(2, 0, 0)),
    ]


def test_cell_with_several_paragraphs_is_one_block() -> None:
    d = docx.Document()
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Dòng một"
    cell.add_paragraph("Dòng hai")
    assert [t for t, _ in cells(read(d))] == ["Dòng một\nDòng hai"]


def test_headers_and_footers_once_each() -> None:
    d = docx.Document()
    d.add_paragraph("Nội dung")
    section = d.sections[0]
    section.header.paragraphs[0].text = "UBND XÃ LỤC BÌNH"
    section.footer.paragraphs[0].text = "Trang cuối"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Trang đầu"
    d.add_section()  # a second section linked to the first: its header is the same part
    d.add_paragraph("Phần hai")
    doc = read(d)
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds.count((BlockKind.HEADER, "UBND XÃ LỤC BÌNH")) == 1
    assert (BlockKind.HEADER, "Trang đầu") in kinds
    assert kinds[-1] == (BlockKind.FOOTER, "Trang cuối")
    assert [t for k, t in kinds if k is BlockKind.PARAGRAPH] == ["Nội dung", "Phần hai"]
    assert doc.blocks[0].kind is BlockKind.HEADER


TEXTBOX = f"""
<w:r {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>
      <w:p><w:r><w:t>Ghi chú trong khung: 676/676 hộ</w:t></w:r></w:p>
    </w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
      <w:p><w:r><w:t>Ghi chú trong khung: 676/676 hộ</w:t></w:r></w:p>
    </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
  </mc:AlternateContent>
</w:r>"""


def test_text_box_text_follows_its_anchor_once() -> None:
    d = docx.Document()
    p = d.add_paragraph("Đoạn có khung")
    p._p.append(parse_xml(TEXTBOX))
    d.add_paragraph("Đoạn sau")
    assert [b.text for b in read(d).blocks] == [
        "Đoạn có khung", "Ghi chú trong khung: 676/676 hộ", "Đoạn sau"]


def test_headings_lists_and_bold() -> None:
    d = docx.Document()
    d.add_heading("BÁO CÁO", level=0)
    d.add_heading("I. KẾT QUẢ", level=1)
    d.add_heading("1. Giao thông", level=3)
    outline = d.add_paragraph("Tiêu đề theo cấp dàn ý")
    outline._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="1"/>'))
    d.add_paragraph("Mục gạch đầu dòng", style="List Bullet")
    numbered = d.add_paragraph("Mục đánh số")
    numbered._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    bold = d.add_paragraph()
    bold.add_run("Toàn bộ ").bold = True
    bold.add_run("in đậm").bold = True
    mixed = d.add_paragraph()
    mixed.add_run("Một phần ").bold = True
    mixed.add_run("in đậm")
    got = [(b.kind, b.style.heading_level, b.style.bold) for b in read(d).blocks]
    assert got == [
        (BlockKind.HEADING, 0, False),
        (BlockKind.HEADING, 1, True),
        (BlockKind.HEADING, 3, True),
        (BlockKind.HEADING, 2, False),
        (BlockKind.LIST_ITEM, None, False),
        (BlockKind.LIST_ITEM, None, False),
        (BlockKind.PARAGRAPH, None, True),
        (BlockKind.PARAGRAPH, None, False),
    ]


def test_content_controls_revisions_tabs_and_breaks() -> None:
    d = docx.Document()
    d.element.body.insert(0, parse_xml(
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Trong điều khiển nội dung</w:t></w:r></w:p>'
        f'</w:sdtContent></w:sdt>'))
    p = d.add_paragraph("Đạt ")
    p._p.append(parse_xml(f'<w:del {W}><w:r><w:delText>400</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W}><w:r><w:t>600</w:t></w:r></w:ins>'))
    p.add_run(" ngày công")
    r = d.add_paragraph("Cột một").add_run()
    r.add_tab()
    r.add_text("Cột hai")
    r.add_break()
    r.add_text("Dòng mới")
    assert [b.text for b in read(d).blocks] == [
        "Trong điều khiển nội dung", "Đạt 600 ngày công", "Cột một\tCột hai\nDòng mới"]


def test_sample_docx_reads_fast_and_has_the_criteria_table() -> None:
    import time

    data = (CORPUS / "luc-binh-2023.docx").read_bytes()
    bytes_to_document(data, "warm-up.docx")
    start = time.perf_counter()
    doc = bytes_to_document(data, "luc-binh-2023.docx")
    assert time.perf_counter() - start < 0.5
    table = [b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert table and {b.cell.col for b in table} == {0, 1}
    assert any(b.kind is BlockKind.HEADING for b in doc.blocks)


# -- bad .docx files -------------------------------------------------------------------------
def test_docx_cut_before_its_document_part_is_corrupt() -> None:
    data = (CORPUS / "luc-binh-2023.docx").read_bytes()
    document_at = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").header_offset
    with pytest.raises(ReadError) as err:
        bytes_to_document(data[:document_at + 20], "cut.docx")
    assert err.value.code == "corrupt_docx"
    assert err.value.message("vi").startswith("cut.docx: ")


def test_docx_with_broken_xml_is_corrupt() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO((CORPUS / "luc-binh-2023.docx").read_bytes())) as src, \
            zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    with pytest.raises(ReadError) as err:
        bytes_to_document(buf.getvalue(), "broken.docx")
    assert err.value.code == "corrupt_docx"


def _damaged(build, change) -> bytes:  # type: ignore[no-untyped-def]
    """A document built by `build(docx.Document())` with `change(bytes) -> bytes` applied to
    its word/document.xml, the rest of the package intact."""
    d = docx.Document()
    build(d)
    return rewrite(to_bytes(d), lambda name, data: (name, change(data) if name == "word/document.xml" else data))


def _three_paragraphs(d) -> None:  # type: ignore[no-untyped-def]
    for text in ("Đường trục xã 12,5 km", "Kênh mương 4,2 km", "Tổng vốn 2.150 triệu đồng"):
        d.add_paragraph(text)


def test_a_mismatched_tag_is_read_past_and_the_part_named_as_damaged() -> None:
    # the closing tag of the first run's text misspelled, as a damaged save leaves it
    data = _damaged(_three_paragraphs, lambda b: b.replace(b"</w:t>", b"</w:tx>", 1))
    with pytest.raises(etree.XMLSyntaxError):  # damaged indeed
        etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    doc = bytes_to_document(data, "hong.docx")
    assert [b.text for b in doc.blocks][1:] == ["Kênh mương 4,2 km", "Tổng vốn 2.150 triệu đồng"]
    assert doc.damaged == ["word/document.xml"]
    assert any(w.startswith("word/document.xml: ") and "mismatch" in w for w in doc.warnings)


def test_paragraphs_recovery_nests_after_the_damage_are_read_in_their_order() -> None:
    # the first paragraph's end tag lost: recovery puts the next ones inside it
    data = _damaged(_three_paragraphs, lambda b: b.replace(b"</w:p>", b"", 1))
    doc = bytes_to_document(data, "hong.docx")
    assert [b.text for b in doc.blocks] == ["Đường trục xã 12,5 km", "Kênh mương 4,2 km", "Tổng vốn 2.150 triệu đồng"]
    assert doc.damaged


def test_a_table_after_the_damage_keeps_its_cells() -> None:
    def build(d) -> None:  # type: ignore[no-untyped-def]
        _three_paragraphs(d)
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "Giao thông", "Đạt"

    doc = bytes_to_document(_damaged(build, lambda b: b.replace(b"</w:p>", b"", 1)), "hong.docx")
    in_cells = [(b.text, b.cell.col) for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert in_cells == [("Giao thông", 0), ("Đạt", 1)]


_TEXT_BOX = (  # a text box as Word writes it: the box for new readers, a copy for old ones
    '<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
    '<w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Nhà văn hóa 6 thôn</w:t></w:r></w:p>'
    '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>'
    '<w:p><w:r><w:t>Nhà văn hóa 6 thôn</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict>'
    '</mc:Fallback></mc:AlternateContent></w:r></w:p>')
_NAMESPACES = (b' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
               b' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
               b' xmlns:v="urn:schemas-microsoft-com:vml"')


def _with_box(damage):  # type: ignore[no-untyped-def]
    def change(b: bytes) -> bytes:
        b = b.replace(b"<w:document ", b"<w:document" + _NAMESPACES + b" ", 1) if b"xmlns:mc=" not in b else b
        body_end = b.rindex(b"<w:sectPr")
        return damage(b[:body_end] + _TEXT_BOX.encode() + b[body_end:])
    return change


def test_a_text_box_in_a_damaged_document_is_read_once() -> None:
    """Reviewer's case: recovery must not move the old readers' copy of a box into the body."""
    whole = bytes_to_document(_damaged(_three_paragraphs, _with_box(lambda b: b)), "du.docx")
    assert [b.text for b in whole.blocks].count("Nhà văn hóa 6 thôn") == 1 and not whole.damaged
    doc = bytes_to_document(_damaged(_three_paragraphs, _with_box(lambda b: b.replace(b"</w:p>", b"", 1))),
                            "hong.docx")
    assert doc.damaged and [b.text for b in doc.blocks].count("Nhà văn hóa 6 thôn") == 1


def test_paragraphs_after_a_table_that_lost_its_end_are_read() -> None:
    """Reviewer's case: a table whose end tag was lost holds the paragraphs after it."""
    def build(d) -> None:  # type: ignore[no-untyped-def]
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "Giao thông", "Đạt"
        d.add_paragraph("Kênh mương 4,2 km")

    doc = bytes_to_document(_damaged(build, lambda b: b.replace(b"</w:tbl>", b"", 1)), "hong.docx")
    texts = [b.text for b in doc.blocks]
    assert doc.damaged and "Kênh mương 4,2 km" in texts and "Giao thông" in texts


def test_a_document_that_parses_is_not_called_damaged() -> None:
    doc = bytes_to_document(_damaged(_three_paragraphs, lambda b: b), "lanh.docx")
    assert doc.damaged == [] and len(doc.blocks) == 3


def test_a_document_cut_before_any_text_is_still_corrupt() -> None:
    cut = _damaged(_three_paragraphs, lambda b: b[:b.index(b"<w:body>") + len(b"<w:body>")])
    with pytest.raises(ReadError) as err:
        bytes_to_document(cut, "cut.docx")
    assert err.value.code == "corrupt_docx" and "word/document.xml" in err.value.detail


def test_a_damaged_header_is_recovered_and_named_too() -> None:
    def build(d) -> None:  # type: ignore[no-untyped-def]
        d.sections[0].header.paragraphs[0].text = "UBND XÃ AN BÌNH"
        d.add_paragraph("Nội dung báo cáo")

    def damage(name: str, data: bytes) -> tuple[str, bytes]:
        return name, data.replace(b"</w:t>", b"</w:q>", 1) if name.startswith("word/header") else data

    d = docx.Document()
    build(d)
    doc = bytes_to_document(rewrite(to_bytes(d), damage), "t.docx")
    assert "Nội dung báo cáo" in [b.text for b in doc.blocks]
    assert len(doc.damaged) == 1 and doc.damaged[0].startswith("word/header")


def test_zip_that_is_not_a_docx_is_unsupported() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError) as err:
        bytes_to_document(buf.getvalue(), "bang-tinh.docx")
    assert err.value.code == "unsupported_format"


# -- the package: parts found through relationships, styles per template ---------------------
def rewrite(data: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    """The package with `change(name, bytes) -> (name, bytes) | None` applied to every member."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            kept = change(name, src.read(name))
            if kept is not None:
                dst.writestr(*kept)
    return buf.getvalue()


def test_styles_part_is_found_through_the_document_relationship() -> None:
    d = docx.Document()
    d.add_heading("Kết quả thực hiện", level=1)
    d.add_paragraph("Tổng diện tích 452 ha")
    moved = b"kieu-trinh-bay.xml"

    def move(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "word/styles.xml":
            return "word/" + moved.decode(), data
        if name in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
            return name, data.replace(b"styles.xml", moved)
        return name, data

    doc = bytes_to_document(rewrite(to_bytes(d), move), "moved.docx")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "Kết quả thực hiện"), (BlockKind.PARAGRAPH, "Tổng diện tích 452 ha")]
    assert doc.blocks[0].style.heading_level == 1


def test_docx_without_a_main_document_relationship_is_corrupt() -> None:
    d = docx.Document()
    d.add_paragraph("Nội dung")

    def unlink(name: str, data: bytes) -> tuple[str, bytes]:
        return name, data.replace(b"/officeDocument\"", b"/somethingElse\"") if name == "_rels/.rels" else data

    with pytest.raises(ReadError) as err:
        bytes_to_document(rewrite(to_bytes(d), unlink), "no-main.docx")
    assert err.value.code == "corrupt_docx"


def test_reports_from_different_templates_keep_their_own_styles() -> None:
    d = docx.Document()
    d.add_paragraph("Đạt 19/19 tiêu chí")
    plain = to_bytes(d)

    def bold_by_default(name: str, data: bytes) -> tuple[str, bytes]:
        if name != "word/styles.xml":
            return name, data
        root = parse_xml(data)
        rpr = root.find(f"{{{root.nsmap['w']}}}docDefaults/{{{root.nsmap['w']}}}rPrDefault/{{{root.nsmap['w']}}}rPr")
        rpr.append(parse_xml(f"<w:b {W}/>"))
        return name, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    bold = rewrite(plain, bold_by_default)
    reads = [bytes_to_document(data, "t.docx").blocks[0].style.bold for data in (plain, bold, plain, bold)]
    assert reads == [False, True, False, True]


def test_a_damaged_part_the_reader_does_not_use_is_ignored() -> None:
    d = docx.Document()
    d.add_paragraph("Tổng diện tích 452 ha")

    def break_theme(name: str, data: bytes) -> tuple[str, bytes]:
        return name, data[:100] if name == "word/theme/theme1.xml" else data

    data = rewrite(to_bytes(d), break_theme)
    assert "word/theme/theme1.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert [b.text for b in bytes_to_document(data, "t.docx").blocks] == ["Tổng diện tích 452 ha"]


# -- a styles part read lazily: one style parsed when a paragraph asks for it -----------------
def _template_parts() -> list[bytes]:
    root = Path(__file__).resolve().parents[2] / "corpus"
    packages = [to_bytes(docx.Document())] + [p.read_bytes() for p in sorted(root.glob("**/*.docx"))[:40]]
    return list({zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml"): None for data in packages})


def test_a_lazily_read_styles_part_answers_as_the_whole_parse() -> None:
    from extractor.readers.docx import _parse, _styles_from_bytes, _styles_from_xml

    for blob in _template_parts():
        lazy, whole = _styles_from_bytes(blob), _styles_from_xml(_parse(blob, True))
        assert lazy is not None
        assert (lazy.default_paragraph, lazy.default_bold) == (whole.default_paragraph, whole.default_bold)
        assert dict(lazy.styles) == dict(whole.styles)


def test_a_styles_part_the_scan_cannot_read_is_parsed_whole() -> None:
    """Another namespace prefix than w: (legal XML) is read by the whole parse."""
    from extractor.readers.docx import _styles_from_bytes

    d = docx.Document()
    d.add_heading("Kết quả thực hiện", level=1)

    def reprefix(name: str, data: bytes) -> tuple[str, bytes]:
        return name, data.replace(b"<w:", b"<ww:").replace(b"</w:", b"</ww:").replace(
            b" w:", b" ww:").replace(b"xmlns:w=", b"xmlns:ww=") if name == "word/styles.xml" else data

    data = rewrite(to_bytes(d), reprefix)
    assert _styles_from_bytes(zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")) is None
    assert bytes_to_document(data, "t.docx").blocks[0].style.heading_level == 1


def test_a_damaged_style_no_paragraph_uses_does_not_stop_the_reading() -> None:
    d = docx.Document()
    d.add_heading("Kết quả thực hiện", level=1)

    def damage(name: str, data: bytes) -> tuple[str, bytes]:
        if name != "word/styles.xml":
            return name, data
        start = data.index(b'w:styleId="TableGrid"')
        return name, data[:start] + data[start:].replace(b"<w:pPr>", b"<w:pPr><w:broken>", 1)

    data = rewrite(to_bytes(d), damage)
    with pytest.raises(etree.XMLSyntaxError):  # damaged indeed: the whole part does not parse
        etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml"))
    assert bytes_to_document(data, "t.docx").blocks[0].style.heading_level == 1


@pytest.mark.parametrize("change", [
    lambda b: b.replace(b"<w:docDefaults>",
                        b'<!-- <w:style w:type="paragraph" w:styleId="Heading1"/> --><w:docDefaults>', 1),
    lambda b: b.replace(b"encoding='UTF-8'", b"encoding='ISO-8859-1'", 1),
    lambda b: b[:b.rindex(b"</w:styles>")],
])
def test_a_part_the_scan_could_misread_is_left_to_the_whole_parse(change) -> None:  # type: ignore[no-untyped-def]
    """Reviewer's cases: a style tag inside a comment, another encoding, a part cut short."""
    from extractor.readers.docx import _styles_from_bytes

    blob = zipfile.ZipFile(io.BytesIO(to_bytes(docx.Document()))).read("word/styles.xml")
    assert _styles_from_bytes(blob) is not None
    assert _styles_from_bytes(change(blob)) is None


def test_answers_are_kept_for_styles_the_template_has_only() -> None:
    """Reviewer's case: a file naming thousands of styles its template lacks must not grow the
    answers kept with the template (they live as long as the styles cache)."""
    from extractor.readers.docx import _StyleInfo, _Styles

    styles = _Styles(styles={"Heading1": _StyleInfo(name="heading 1")})
    assert [styles.heading_level(f"Missing{n}") for n in range(1000)] == [None] * 1000
    assert styles.heading_level("Heading1") == 1
    assert list(styles.answers) == [("heading_level", "Heading1")]


def test_a_child_is_found_as_find_finds_it() -> None:
    """`_child` (iterchildren) answers as `find` of a qualified tag: the first direct child of
    that tag, past comments, processing instructions and grandchildren; None without one."""
    from extractor.readers.docx import _W, _child

    el = etree.fromstring(f'<w:p xmlns:w="{_W}"><!-- c --><?pi x?><w:r><w:rPr/></w:r>'
                          f'<w:rPr><w:b/></w:rPr><w:rPr/></w:p>')
    for tag in ("rPr", "r", "b", "pPr"):
        assert _child(el, f"{{{_W}}}{tag}") is el.find(f"{{{_W}}}{tag}")
