"""A paragraph of thousands of figures with no sentence end had each figure's whole clause read
again for its label's context, so `_strip_trailing` (and the label around it) read characters
quadratic in the paragraph's length (found by a reviewer). A long segment is now read from its
end (`labels._tail_label`): the characters read grow linearly, and the labels are those of
the whole segment read whole."""
from __future__ import annotations

import random

import pytest

from extractor.core.data import load_pattern
from extractor.core.model import Block, BlockKind, Document
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.extract import labels
from extractor.structure.outline import document_to_outline


def _paragraph(figures: int) -> str:
    """One clause of `figures` figures: commas only, never a full stop or a semicolon."""
    parts = [f"diện tích trồng lúa của thôn số {k % 7} đạt khoảng {k + 1} ha" for k in range(figures)]
    return "Trong năm, " + ", ".join(parts)


def _characters_read(figures: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(characters `spelt` read in labels.py, characters of the paragraph)."""
    read = [0]
    spelt = labels.spelt

    def counting(text: str) -> str:
        read[0] += len(text)
        return spelt(text)

    monkeypatch.setattr(labels, "spelt", counting)
    from extractor.extract.figures import outline_to_figures

    text = _paragraph(figures)
    figures_found, _ = outline_to_figures(
        document_to_outline(Document("mem.txt", "txt", "0", [Block(0, BlockKind.PARAGRAPH, text)])), DEFAULT_SETTINGS)
    assert len(figures_found) == figures
    return read[0], len(text)


def test_label_reading_grows_linearly_with_the_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    short, short_len = _characters_read(100, monkeypatch)
    long, long_len = _characters_read(1000, monkeypatch)
    # linear: ten times the paragraph, about ten times the characters (quadratic: a hundred)
    assert long / short < 2 * long_len / short_len


@pytest.mark.parametrize("seed", range(5))
def test_a_long_segment_read_from_its_end_labels_as_read_whole(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    trailing = load_pattern("labels")["trailing_words"]
    words = ["diện", "tích", "lúa", "thôn", "xã", "kinh", "phí", "nhà", "văn", "hóa", "-", ",", ":"]
    segments = []
    for _ in range(200):
        pick = [rng.choice(words + trailing) for _ in range(rng.randrange(40, 160))]
        tail = [rng.choice(trailing + [",", ":", "-"]) for _ in range(rng.randrange(0, 6))]
        segments.append(rng.choice(["", "- ", "  "]) + " ".join(pick + tail) + rng.choice(["", " ", ": "]))
    from_end = [labels._segment_to_label(s, None) for s in segments]
    monkeypatch.setattr(labels, "_TAIL_CHARS", 10**9)  # every segment read whole
    assert from_end == [labels._segment_to_label(s, None) for s in segments]
