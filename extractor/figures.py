"""Figures (placeholder until issue 4 lands)."""
from __future__ import annotations

from .model import Figure, Flag
from .settings import Settings
from .structure import Outline


def outline_to_figures(outline: Outline, settings: Settings) -> tuple[list[Figure], list[Flag]]:
    return [], []
