"""Identity keys: the same commune lands on the same row whatever the spelling."""
from __future__ import annotations

import pytest

from extractor.checks.across import commune_keys
from extractor.core.data import load_pattern
from extractor.extract.identity import place_key as identity_key

KEY_DATA = load_pattern("identity")["place_key"]


@pytest.mark.parametrize("example", KEY_DATA["examples"], ids=lambda e: e["name"])
def test_identity_key_examples(example: dict[str, str]) -> None:
    assert identity_key(example["name"]) == example["key"]


@pytest.mark.parametrize("example", KEY_DATA["counter_examples"], ids=lambda e: e["name"])
def test_identity_key_counter_examples(example: dict[str, str]) -> None:
    assert identity_key(example["name"]) != example["not_key"]


def test_nfd_input_and_tone_placement_fold_together() -> None:
    import unicodedata

    assert identity_key(unicodedata.normalize("NFD", "Xã Hoà Bình")) == identity_key("HÒA BÌNH")


def test_report_missing_its_province_joins_the_only_matching_commune() -> None:
    rows = [{"commune": "Lục Bình", "district": "Bạch Thông", "province": "Bắc Kạn", "file": "a"},
            {"commune": "xã Lục Bình", "district": None, "province": None, "file": "b"},
            {"commune": None, "district": None, "province": None, "file": "c"}]
    a, b, c = commune_keys(rows)
    assert a == b == "lục bình | bạch thông | bắc kạn"
    assert c == "?c"


def test_ambiguous_name_is_not_merged() -> None:
    rows = [{"commune": "Tân Lập", "district": "A", "province": "X", "file": "a"},
            {"commune": "Tân Lập", "district": "B", "province": "X", "file": "b"},
            {"commune": "Tân Lập", "district": None, "province": "X", "file": "c"}]
    keys = commune_keys(rows)
    assert len(set(keys)) == 3
