"""identity.py skips the bracket, dateline and form field regexes on a line without "(" or ":" (most
lines): that holds only while each regex requires the character at its top level."""
from __future__ import annotations

from re import _parser  # type: ignore[attr-defined]

import pytest

from extractor.extract.identity import _p


def _top_level_literals(pattern: str) -> set[str]:
    return {chr(av) for op, av in _parser.parse(pattern) if op is _parser.LITERAL}


@pytest.mark.parametrize(("name", "literal"), [("bracket_places", "("), ("dateline", ":"), ("form_field_unit", ":")])
def test_identity_regex_requires_the_literal_it_is_skipped_without(name: str, literal: str) -> None:
    assert literal in _top_level_literals(_p()["rx"][name].pattern)
