"""The sample report typed in a legacy font must give the record of its Unicode text."""
from __future__ import annotations

from pathlib import Path

from extractor.pipeline import document_to_record
from extractor.readers import read_document

ROOT = Path(__file__).resolve().parents[2]


def assert_reads_like_the_unicode_sample(legacy_path: Path, encoding: str) -> None:
    doc = read_document(legacy_path)
    assert doc.encoding == encoding
    legacy = document_to_record(doc)
    unicode = document_to_record(read_document(ROOT / "corpus" / "luc-binh-2023.txt"))
    assert sorted((f.unit, f.value, f.total or 0) for f in legacy.figures) == \
        sorted((f.unit, f.value, f.total or 0) for f in unicode.figures)
    assert legacy.criteria.met == unicode.criteria.met
    assert legacy.identity.commune == "Lục Bình"
