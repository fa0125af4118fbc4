"""`ntm review`: one page per readable report and an index; a bad file is counted, not fatal."""
from __future__ import annotations

from pathlib import Path

from extractor.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def test_review_command_writes_pages_and_an_index(tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    code = main(["review", str(ROOT / "corpus" / "luc-binh-2023.txt"), str(bad), "-o", str(tmp_path / "r")])
    assert code == 3
    pages = list((tmp_path / "r").glob("luc-binh-2023-txt-*.html"))
    assert len(pages) == 1
    assert pages[0].name in (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
