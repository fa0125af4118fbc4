"""Reports typed in the VNI fonts (VNI-Times) are read as the Unicode text they show."""
from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
import pytest

from extractor.core.data import load_pattern
from extractor.readers import read_document
from extractor.text.legacy import text_is_tcvn3, text_is_vni, vni_to_unicode
from tests.text.sample_record import assert_reads_like_the_unicode_sample

ROOT = Path(__file__).resolve().parents[2]
DATA = load_pattern("vni")
PAIRS = [tuple(p) for ps in DATA["vni"].values() for p in ps]
SAMPLE = (ROOT / "corpus" / "luc-binh-2023.txt").read_text(encoding="utf-8")
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
BASES = "aăâeêioôơuưy"


def to_vni(text: str) -> str:
    """Unicode -> VNI as a VNI-Times typist produced it."""
    inverse = dict(PAIRS)
    return "".join(inverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def test_every_letter_and_tone_round_trips() -> None:
    letters = [unicodedata.normalize("NFC", base + tone) for base in BASES + BASES.upper()
               for tone in TONES] + ["đ", "Đ"]
    assert len(letters) == 146  # 12 vowels x 2 cases x 6 tones, and đ Đ
    # unaccented a e i o u y are plain ASCII in VNI: the table holds the other 134
    assert {p[0] for p in PAIRS} == {ch for ch in letters if not ch.isascii()}
    for ch in letters:
        for word in (ch, f"x{ch}n", f"{ch}{ch}"):
            assert vni_to_unicode(to_vni(word)) == word, (word, to_vni(word))


def test_the_table_is_one_to_one() -> None:
    assert len({p[0] for p in PAIRS}) == len({p[1] for p in PAIRS}) == len(PAIRS)


@pytest.mark.parametrize("vni,unicode", DATA["vni_examples"])
def test_vni_examples_convert(vni: str, unicode: str) -> None:
    assert vni_to_unicode(vni) == unicode
    assert to_vni(unicode) == vni


@pytest.mark.parametrize("text", DATA["vni_counter_examples"])
def test_other_text_is_not_taken_for_vni(text: str) -> None:
    assert not text_is_vni(text * 20)


def test_vni_and_tcvn3_are_told_apart() -> None:
    vni = to_vni(SAMPLE)
    assert text_is_vni(vni)
    tcvn3_like = "Kh«ng ®¹t, X· Lôc B×nh ®¹t 14 tiªu chÝ. " * 20
    assert text_is_tcvn3(tcvn3_like) and not text_is_vni(tcvn3_like)


def test_a_vni_text_file_in_windows_1252_reads_like_the_unicode_one(tmp_path: Path) -> None:
    path = tmp_path / "luc-binh-2023.vni.txt"
    path.write_bytes(to_vni(SAMPLE).encode("cp1252"))
    assert_reads_like_the_unicode_sample(path, "vni")


def test_vni_text_saved_as_utf8_reads_like_the_unicode_one(tmp_path: Path) -> None:
    path = tmp_path / "luc-binh-2023.vni-utf8.txt"
    path.write_text(to_vni(SAMPLE), encoding="utf-8")
    assert_reads_like_the_unicode_sample(path, "vni")


def test_a_docx_in_vni_times_is_converted(tmp_path: Path) -> None:
    d = docx.Document()
    for line in SAMPLE.splitlines()[:60]:
        if line.strip():
            d.add_paragraph().add_run(to_vni(line)).font.name = "VNI-Times"
    buf = io.BytesIO()
    d.save(buf)
    path = tmp_path / "vni.docx"
    path.write_bytes(buf.getvalue())
    doc = read_document(path)
    assert doc.encoding == "vni" and "Lục Bình" in doc.text and "tuyên truyền" in doc.text
