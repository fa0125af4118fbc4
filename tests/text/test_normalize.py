"""The normalizer folds Vietnamese spelling variants and still maps every offset back."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.normalize import normalize, text_to_normalized


def test_nfd_input_is_composed_and_offsets_cover_the_combining_marks():
    original = unicodedata.normalize("NFD", "Lục Bình")
    n = text_to_normalized(original)
    assert n.text == "Lục Bình"
    start, end = n.to_original(0, 3)  # "Lục"
    assert unicodedata.normalize("NFC", original[start:end]) == "Lục"


def test_tone_mark_placement_is_folded_only_in_open_syllables():
    assert normalize("hoá") == normalize("hóa") == "hóa"
    assert normalize("thuỷ lợi") == "thủy lợi"
    assert normalize("hoàn thành") == "hoàn thành"  # closed syllable: the mark stays
    assert normalize("quý") == "quý"


def test_spaces_soft_hyphens_zero_width_and_superscripts():
    original = "150\u00a0m\u00b2\u200b đất, nông\u00adthôn"
    n = text_to_normalized(original)
    assert n.text == "150 m2 đất, nôngthôn"
    i = n.text.index("m2")
    start, end = n.to_original(i, i + 2)
    assert original[start:end] == "m\u00b2"
    j = n.text.index("thôn")
    assert original[slice(*n.to_original(j, j + 4))] == "thôn"


def test_dashes_and_quotes_become_ascii_one_for_one():
    original = "giai đoạn 2021 – 2025 “5 không”"
    n = text_to_normalized(original)
    assert n.text == 'giai đoạn 2021 - 2025 "5 không"'
    assert len(n.offsets) == len(n.text) + 1


def test_runs_of_spaces_and_tabs_read_as_one_space_and_map_back_whole():
    original = "KẾT  QUẢ:\tđạt \t 17/19\u00a0 tiêu chí"
    n = text_to_normalized(original)
    assert n.text == "KẾT QUẢ: đạt 17/19 tiêu chí"
    assert normalize(original) == n.text
    i = n.text.index(" QUẢ")
    assert original[slice(*n.to_original(i, i + 1))] == "  "
    j = n.text.index("17/19")
    assert original[slice(*n.to_original(j, j + 5))] == "17/19"
    assert original[slice(*n.to_original(0, len(n.text)))] == original


def test_a_line_break_is_not_a_space_to_collapse():
    assert normalize("đạt  \n  17") == "đạt \n 17"


def test_full_width_ascii_forms_read_as_ascii():
    assert normalize("Ｘ１ ＋ ２．５ ｔ　ｃ") == "X1 + 2.5 t c"  # one for one, the ideographic space too
    # a full-width comma, colon, semicolon or bracket holds its space: "10，17" is a list
    original = "tiêu chí 10，17；chưa đạt：a）Thu nhập（10）；x， y"
    n = text_to_normalized(original)
    assert n.text == "tiêu chí 10, 17; chưa đạt: a) Thu nhập (10); x, y"
    i = n.text.index(", 17")
    assert original[slice(*n.to_original(i, i + 2))] == "，"
    j = n.text.index("17")
    assert original[slice(*n.to_original(j, j + 2))] == "17"


_ALPHABET = list("aăâeêioôơuưyhoáàảãạuýỳ qQ\u0301\u0300\u00a0\u200b\u00ad\u00b2đĐ-–\u2212\t\uff0c\uff09\u3000\n")


@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40))
@settings(max_examples=300, deadline=None)
def test_every_normalized_span_maps_inside_the_original(original: str):
    n = text_to_normalized(original)
    assert n.offsets[-1] == len(original)
    for i in range(len(n.text)):
        start, end = n.to_original(i, i + 1)
        assert 0 <= start < end <= len(original)
    assert list(n.offsets) == sorted(n.offsets)
    assert "  " not in n.text


@given(st.text(alphabet=st.sampled_from([*_ALPHABET, "\t", "\u201c", "\u00d0", "_", "1", "Ý", "Á", "x"]), max_size=40))
@settings(max_examples=500, deadline=None)
def test_the_fast_path_gives_what_the_character_loop_gives(original: str):
    """Text that needs no offset changes skips the per-character loop: same text, same map."""
    from extractor.text import normalize as module

    for text in (original, unicodedata.normalize("NFC", original)):
        fast = text_to_normalized(text)
        keeps = module._keeps_offsets
        module._keeps_offsets = lambda _t: False  # the loop alone
        try:
            slow = text_to_normalized(text)
        finally:
            module._keeps_offsets = keeps
        assert (fast.text, list(fast.offsets), list(fast.ends)) == (slow.text, list(slow.offsets), list(slow.ends))
        assert normalize(text) == slow.text
