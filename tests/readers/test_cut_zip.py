"""Archives cut short (a download that stopped): members read from their local headers, and a
.docx cut after its document part read whole, its damage named."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest

from extractor.core.errors import ReadError
from extractor.core.settings import Settings
from extractor.readers import bytes_to_document
from extractor.readers.cut_zip import TooLarge, cut_zip_to_members

PARTS = {"a.xml": b"<a>" + "Giao thông nông thôn ".encode() * 400 + b"</a>",
         "media/b.bin": bytes(range(256)) * 64, "c.rels": b"<r/>"}
NO_LIMIT = (1 << 30, 200.0, 5000)


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in: it writes each member's sizes after its data."""

    def __init__(self) -> None:
        self.buf = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[no-untyped-def,override]
        self.buf += b
        return len(b)


def _archive(method: int, descriptors: bool = False) -> bytes:
    out: io.BytesIO | _Unseekable = _Unseekable() if descriptors else io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:  # type: ignore[arg-type]
        for name, data in PARTS.items():
            z.writestr(name, data)
    return bytes(out.buf) if isinstance(out, _Unseekable) else out.getvalue()


def _without_directory(data: bytes) -> bytes:
    return data[:data.index(b"PK\x01\x02")]


@pytest.mark.parametrize("method, descriptors", [(zipfile.ZIP_DEFLATED, False), (zipfile.ZIP_DEFLATED, True),
                                                 (zipfile.ZIP_STORED, False)])
def test_every_member_is_read_back_when_only_the_directory_is_lost(method: int, descriptors: bool) -> None:
    data = _archive(method, descriptors)
    if descriptors:
        assert zipfile.ZipFile(io.BytesIO(data)).infolist()[0].flag_bits & 0x08  # sizes after the data
    members = cut_zip_to_members(_without_directory(data), *NO_LIMIT)
    assert [(m.name, m.data) for m in members] == list(PARTS.items())


def test_the_member_the_cut_runs_through_comes_back_partial_and_the_rest_whole() -> None:
    data = _archive(zipfile.ZIP_DEFLATED)
    second = zipfile.ZipFile(io.BytesIO(data)).getinfo("media/b.bin")
    members = cut_zip_to_members(data[:second.header_offset + 50], *NO_LIMIT)
    assert [m.name for m in members] == ["a.xml", "media/b.bin"]
    assert members[0].data == PARTS["a.xml"] and PARTS["media/b.bin"].startswith(members[1].data)
    assert len(members[1].data) < len(PARTS["media/b.bin"])


def test_a_cut_inside_a_header_ends_the_list_before_it() -> None:
    data = _archive(zipfile.ZIP_DEFLATED)
    second = zipfile.ZipFile(io.BytesIO(data)).getinfo("media/b.bin")
    assert [m.name for m in cut_zip_to_members(data[:second.header_offset + 33], *NO_LIMIT)] == ["a.xml"]


def test_members_not_wanted_are_skipped_not_inflated() -> None:
    members = cut_zip_to_members(_without_directory(_archive(zipfile.ZIP_DEFLATED)), *NO_LIMIT,
                                 wanted=lambda name: name.endswith(".xml"))
    assert [(m.name, len(m.data)) for m in members] == [("a.xml", len(PARTS["a.xml"])), ("media/b.bin", 0),
                                                       ("c.rels", 0)]


def test_bytes_that_are_no_zip_give_no_member() -> None:
    assert cut_zip_to_members(b"%PDF-1.7 not a zip", *NO_LIMIT) == []


def _bomb(size: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w/>" + bytes(size))
    return _without_directory(buf.getvalue())


def test_a_bomb_without_its_directory_is_stopped_by_its_ratio() -> None:
    with pytest.raises(TooLarge):
        cut_zip_to_members(_bomb(64 << 20), 1 << 30, 200.0, 5000)


def test_a_bomb_without_its_directory_is_stopped_by_the_total() -> None:
    with pytest.raises(TooLarge):
        cut_zip_to_members(_bomb(3 << 20), 2 << 20, 1e9, 5000)


def test_a_cut_zip_with_more_members_than_the_limit_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for n in range(30):
            z.writestr(f"m{n}.bin", b"")
    with pytest.raises(TooLarge):
        cut_zip_to_members(_without_directory(buf.getvalue()), 1 << 30, 200.0, 20)
    assert len(cut_zip_to_members(_without_directory(buf.getvalue()), 1 << 30, 200.0, 30)) == 30


# -- a .docx cut short --------------------------------------------------------------------------
def _report() -> bytes:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "UBND XÃ AN BÌNH"
    d.add_heading("Kết quả thực hiện", level=1)
    for text in ("Đường trục xã 12,5 km", "Kênh mương 4,2 km", "Tổng vốn 2.150 triệu đồng"):
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_docx_cut_after_its_document_part_reads_its_whole_body() -> None:
    data = _report()
    whole = bytes_to_document(data, "du.docx")
    after = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    names = [i.filename for i in zipfile.ZipFile(io.BytesIO(data)).infolist()]
    following = names[names.index("word/document.xml") + 1]
    cut = data[:zipfile.ZipFile(io.BytesIO(data)).getinfo(following).header_offset + 40]
    doc = bytes_to_document(cut, "cut.docx")
    assert after.header_offset < len(cut)
    body = [b.text for b in whole.blocks if b.kind.value != "header"]
    assert [b.text for b in doc.blocks if b.kind.value != "header"] == body
    assert doc.damaged == ["zip directory"] and any("cut short" in w for w in doc.warnings)


def test_a_docx_cut_inside_its_document_part_reads_up_to_the_cut() -> None:
    data = _report()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    data_at = info.header_offset + 30 + len(info.filename)
    doc = bytes_to_document(data[:data_at + info.compress_size * 2 // 3], "c.docx")
    whole = [b.text for b in bytes_to_document(data, "du.docx").blocks if b.kind.value != "header"]
    texts = [b.text for b in doc.blocks]  # the header's part comes after the cut
    n = len(texts)
    assert 0 < n < len(whole) and texts[:-1] == whole[:n - 1] and whole[n - 1].startswith(texts[-1])
    assert doc.damaged == ["zip directory", "word/document.xml"]


@pytest.mark.parametrize("part", ["word/_rels/document.xml.rels", "word/styles.xml", "word/header1.xml",
                                  "word/footer1.xml"])
def test_a_docx_cut_in_the_first_bytes_of_an_optional_part_reads_its_body(part: str) -> None:
    """Reviewer's case: the part the cut runs through holds nothing recoverable yet."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "UBND XÃ AN BÌNH"
    d.sections[0].footer.paragraphs[0].text = "Trang 1"
    d.add_paragraph("Đường trục xã 12,5 km")
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(part)
    doc = bytes_to_document(data[:info.header_offset + 30 + len(info.filename) + 3], "cut.docx")
    assert "Đường trục xã 12,5 km" in [b.text for b in doc.blocks]
    assert "zip directory" in doc.damaged


def test_a_docx_cut_short_is_still_held_to_the_bomb_limits() -> None:
    with pytest.raises(ReadError) as err:
        bytes_to_document(_bomb(64 << 20), "bom.docx", Settings())
    assert err.value.code == "archive_bomb"
