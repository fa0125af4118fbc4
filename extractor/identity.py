"""Report identity (placeholder until issue 5 lands): commune, district, province, date."""
from __future__ import annotations

from .model import Identity
from .structure import Outline


def outline_to_identity(outline: Outline) -> Identity:
    return Identity()
