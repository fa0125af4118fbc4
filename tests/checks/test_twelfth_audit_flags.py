"""A false alarm of the twelfth held-out audit's kind (lines written for these tests): a list
of criteria named by their code item by item ("tiêu chí mã số 1, tiêu chí mã số 2") puts a
comma and "tiêu chí" after each number, which read as a count would be a number with a
dangling separator ("343. triệu"); the numbers name criteria, so nothing is malformed. A true
slip before a unit is still flagged."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.pipeline import document_to_record


def flag_rules(*texts: str) -> list[str]:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    record = document_to_record(Document(path="mem.txt", format="txt", sha256="0", blocks=blocks),
                                DEFAULT_SETTINGS)
    return [f.rule for f in record.flags]


@pytest.mark.parametrize("line", [
    "Đạt chuẩn: tiêu chí mã số 1, tiêu chí mã số 2, tiêu chí mã số 7 và tiêu chí mã số 15.",
    "Chưa đạt gồm tiêu chí có số 05, tiêu chí có số 11, tiêu chí có số 17.",
])
def test_a_criterion_code_list_raises_no_malformed_number(line: str) -> None:
    assert "malformed_number" not in flag_rules(line)


def test_a_slip_before_a_unit_is_still_malformed() -> None:
    assert "malformed_number" in flag_rules("Tổng kinh phí đã giải ngân 417. triệu đồng trong năm.")
