"""A file name that is not UTF-8 (saved on a Windows-1258 PC) once aborted `ntm ingest` in the
store, made `ntm extract` print JSON that is not UTF-8 and left `ntm review` a 0-byte page."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"
NTM = [sys.executable, "-m", "extractor.cli.main"]


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copyfile(SAMPLE, os.fsencode(src) + b"/b\xe1o-c\xe1o.txt")
    return src


def test_extract_prints_valid_utf8_json(tmp_path: Path) -> None:
    proc = subprocess.run([*NTM, "extract", str(_folder(tmp_path)), "--format", "jsonl"],
                          capture_output=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0
    record = json.loads(proc.stdout.decode("utf-8"))  # strict: raises on a raw byte
    assert record["source"]["path"].endswith("b\\xe1o-c\\xe1o.txt")


def test_review_writes_whole_pages(tmp_path: Path) -> None:
    out = tmp_path / "review"
    proc = subprocess.run([*NTM, "review", str(_folder(tmp_path)), "-o", str(out)],
                          capture_output=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    pages = list(out.iterdir())
    assert len(pages) == 2 and all(p.stat().st_size > 0 for p in pages)
    for p in pages:
        p.read_bytes().decode("utf-8")


def test_ingest_stores_the_name_and_its_bytes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.run([*NTM, "ingest", str(_folder(tmp_path)), "-o", str(out)],
                          capture_output=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    communes = pd.read_csv(out / "communes.csv", encoding="utf-8-sig")
    assert list(communes["file"]) == [str((tmp_path / "in").resolve()) + "/b\\xe1o-c\\xe1o.txt"]
    import sqlite3

    conn = sqlite3.connect(out / "ntm.sqlite")
    (raw,) = conn.execute("SELECT path_bytes FROM documents").fetchone()
    conn.close()
    assert raw.endswith(b"/b\xe1o-c\xe1o.txt")
    # a re-run finds the same file unchanged: the stored raw name still opens it
    again = subprocess.run([*NTM, "--lang", "en", "ingest", str(tmp_path / "in"), "-o", str(out)],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert again.returncode == 0 and "Read 0 files" in again.stdout and "gone 0" in again.stdout
