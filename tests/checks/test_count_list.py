"""count_list_mismatch (extractor/checks/count_list.py): cases that must fire and cases that must
not, and the names read after a count."""
from __future__ import annotations

import re

import pytest

from extractor.checks import count_list
from extractor.checks.data import config
from tests.checks.helpers import make_doc, rules, run, texts


@pytest.mark.parametrize("line, count, names", [
    ("Mua sắm trang thiết bị cho 06 nhà văn hóa thôn: Nà Pài, Khuổi Chang, Bản Đén, Phja Đeng.", 6, 4),
    ("Hỗ trợ 3 thôn Nà Cọ, Bản Đén, Khuổi Lùng và Phja Đeng xây dựng đường.", 3, 4),
    ("Sửa chữa nhà 05 văn hóa thôn, Cốc Xả, Nà Pài (đang thực hiện)", 5, 2),
    ("Hỗ trợ 3 thôn gồm: thôn Nà Pài, thôn Khuổi Chang.", 3, 2),
])
def test_count_list_mismatch_fires(line, count, names):
    flags = run(make_doc(line), [])
    assert rules(flags) == ["count_list_mismatch"]
    flag = flags[0]
    assert flag.severity == "warning"
    assert re.match(rf"0?{count} ", texts(flag)[0])
    assert f"có {names} tên" in flag.message
    assert flag.evidence[0].location.block == 0


@pytest.mark.parametrize("line", [
    "Hỗ trợ mua sắm trang thiết bị trong nhà văn hóa cho 4 thôn Pác Nặm, Nà Chang, Bản Đén, Nam Lanh.",
    "Giao khoán cho 3 cộng đồng thôn Cao Sơn, Nà Cọ, Bản Đén dân cư và 76 hộ toàn xã.",
    "Đảm bảo 08/08 thôn có nhà văn hóa: Nà Pài, Khuổi Chang.",
    "Có 04 nhà văn hóa thôn đang thi công xây dựng.",
    "Hỗ trợ 6 thôn: Nà Pài, Khuổi Chang, Bản Đén...",
    "Hỗ trợ 6 thôn gồm Nà Pài, Khuổi Chang và các thôn khác.",
    "Hỗ trợ 2 thôn gồm: thôn Nà Pài và thôn Khuổi Chang.",
    "Có 5 thôn, UBND xã đã chỉ đạo.",
])
def test_count_list_mismatch_silent(line):
    assert run(make_doc(line), []) == []


def test_not_names_are_whole_words_or_phrases():
    cfg = config()["count_list"]
    rx = count_list._not_name_regex()
    assert all(rx.match(t) for t in cfg["not_names_examples"])
    assert not any(rx.match(t) for t in cfg["not_names_counter_examples"])
    listed = count_list.text_to_counted_lists("cho 03 nhà văn hóa thôn: Nà Khoang, Khuổi Tẩu, Tổng Ngay.")
    assert listed[0].names == ("Nà Khoang", "Khuổi Tẩu", "Tổng Ngay")
