"""Consistency flags (placeholder until issue 6 lands)."""
from __future__ import annotations

from .model import Flag, Record
from .structure import Outline


def record_to_flags(record: Record, outline: Outline) -> list[Flag]:
    return []
