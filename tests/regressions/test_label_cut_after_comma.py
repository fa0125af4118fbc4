"""A label longer than `max_words` is cut after a comma, never inside a word of several
syllables (the bug: "…của xã, kinh phí" came out as "xã, kinh phí" minus its first syllable)."""
from __future__ import annotations

from extractor.core.data import load_pattern
from extractor.extract.labels import figure_to_label


def _label(text: str, number: str) -> str | None:
    start = text.index(number)
    return figure_to_label(text, start, start + len(number))


def test_long_label_starts_after_the_last_comma_that_fits() -> None:
    max_words = int(load_pattern("labels")["max_words"])
    head = " ".join(["nội dung"] * max_words)  # longer than a label may be
    text = f"Trong năm qua {head}, tổng kinh phí đầu tư xây dựng nhà văn hóa thôn 350 triệu đồng"
    assert _label(text, "350") == "tổng kinh phí đầu tư xây dựng nhà văn hóa thôn"


def test_long_label_without_comma_keeps_the_last_words() -> None:
    max_words = int(load_pattern("labels")["max_words"])
    words = ["xây", "dựng", "mới", "cải", "tạo"] * (max_words // 5 + 2)
    text = " ".join(words) + " 12 km"
    label = _label(text, "12 km")
    assert label is not None and label.split() == words[-max_words:]
