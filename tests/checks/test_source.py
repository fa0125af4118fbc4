"""damaged_file: a report read only in part says so in its flags, in both languages; a whole
report never carries the flag."""
from __future__ import annotations

from extractor.core import i18n
from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record


def _doc(damaged: list[str]) -> Document:
    blocks = [Block(0, BlockKind.PARAGRAPH, "Đã nhựa hóa 12,5 km đường trục xã.")]
    return Document(path="bao-cao.docx", format="docx", sha256="0", blocks=blocks, damaged=damaged)


def test_a_report_read_in_part_is_flagged_with_its_damaged_parts() -> None:
    with i18n.language_set("vi"):
        record = document_to_record(_doc(["word/document.xml"]))
    flags = [f for f in record.flags if f.rule == "damaged_file"]
    assert len(flags) == 1 and flags[0].severity == "warning" and flags[0].evidence == []
    assert "word/document.xml" in flags[0].message and "bị hỏng" in flags[0].message
    assert flags[0].message_en is not None and "damaged" in flags[0].message_en
    assert [f.value for f in record.figures] == [12.5]  # what was recovered is read as usual


def test_a_whole_report_has_no_damaged_file_flag() -> None:
    record = document_to_record(_doc([]))
    assert not [f for f in record.flags if f.rule == "damaged_file"]
    assert record.to_json()["source"]["damaged"] == []
