"""Reports typed in the TCVN3 (.VnTime) fonts are read as the Unicode text they show."""
from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
import pytest

from extractor.core.data import load_pattern
from extractor.readers import read_document
from extractor.text.legacy import tcvn3_to_unicode, text_is_tcvn3
from tests.text.sample_record import assert_reads_like_the_unicode_sample

ROOT = Path(__file__).resolve().parents[2]
DATA = load_pattern("legacy_encodings")
SAMPLE = (ROOT / "corpus" / "luc-binh-2023.txt").read_text(encoding="utf-8")


def to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 as a .VnTime typist produced it: toned capitals in the .VnTimeH codes."""
    inverse = {pair[1]: pair[0] for pairs in DATA["tcvn3"].values() for pair in pairs}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(inverse.get(ch) or (inverse.get(ch.lower()) if ch.lower() != ch else None) or ch)
    return "".join(out)


@pytest.mark.parametrize("tcvn3,unicode", DATA["tcvn3_examples"])
def test_tcvn3_examples_convert(tcvn3: str, unicode: str) -> None:
    assert tcvn3_to_unicode(tcvn3) == unicode


@pytest.mark.parametrize("text", DATA["tcvn3_counter_examples"])
def test_unicode_text_is_not_taken_for_tcvn3(text: str) -> None:
    assert not text_is_tcvn3(text * 20)


def test_the_table_is_one_to_one() -> None:
    pairs = [p for ps in DATA["tcvn3"].values() for p in ps]
    assert len({p[0] for p in pairs}) == len({p[1] for p in pairs}) == len(pairs) == 74
    assert all(len(p) == 2 for p in pairs)


def test_a_tcvn3_text_file_reads_like_the_unicode_one(tmp_path: Path) -> None:
    path = tmp_path / "luc-binh-2023.tcvn3.txt"
    path.write_bytes(to_tcvn3(SAMPLE).encode("latin-1", errors="replace"))
    assert_reads_like_the_unicode_sample(path, "tcvn3")


def test_a_docx_in_vntime_is_converted(tmp_path: Path) -> None:
    d = docx.Document()
    for line in SAMPLE.splitlines()[:60]:
        if line.strip():
            run = d.add_paragraph().add_run(to_tcvn3(line))
            run.font.name = ".VnTime"
    buf = io.BytesIO()
    d.save(buf)
    path = tmp_path / "vntime.docx"
    path.write_bytes(buf.getvalue())
    doc = read_document(path)
    assert doc.encoding == "tcvn3" and "Lục Bình" in doc.text and "tuyên truyền" in doc.text
