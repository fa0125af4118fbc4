"""Criteria status (placeholder until issue 5 lands): which of the 19 criteria are met."""
from __future__ import annotations

from .model import CriteriaStatus
from .structure import Outline


def outline_to_criteria(outline: Outline) -> CriteriaStatus:
    return CriteriaStatus()
