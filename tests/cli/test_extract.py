"""End-to-end: `ntm extract` prints records that validate against the schema; bad files are
reported by name and reason without stopping the batch."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from extractor.core.data import load_schema

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [ROOT / "corpus" / f"luc-binh-2023.{ext}" for ext in ("txt", "docx", "pdf")]


def ntm(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extractor.cli.main", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env)


# a PATH without Tesseract: what a machine without OCR does with a scan
NO_OCR = {**os.environ, "PATH": str(Path(sys.executable).parent)}


@pytest.fixture(scope="module")
def sample_records() -> list[dict]:
    proc = ntm("extract", *map(str, SAMPLES), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_three_formats_give_three_valid_records(sample_records):
    schema = load_schema("report.schema.json")
    assert [Path(r["source"]["path"]).suffix for r in sample_records] == [".txt", ".docx", ".pdf"]
    for record in sample_records:
        jsonschema.validate(record, schema)
        assert record["source"]["blocks"] > 100
    assert sample_records[2]["source"]["pages"] >= 1


def test_three_formats_agree_on_the_figures(sample_records):
    def key(r):
        return sorted((f["unit"], f["value"], f["total"] or -1.0) for f in r["figures"])
    assert key(sample_records[0]) == key(sample_records[1]) == key(sample_records[2])


def test_bad_file_is_named_and_batch_continues(tmp_path):
    empty = tmp_path / "rong.docx"
    empty.write_bytes(b"")
    proc = ntm("extract", str(empty), str(SAMPLES[0]), "--format", "jsonl")
    assert proc.returncode == 3
    assert len(proc.stdout.splitlines()) == 1
    assert "rong.docx" in proc.stderr and "rỗng" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_folder_batch_names_what_it_skips_and_unreadable_entries(tmp_path):
    """Regression: a folder's files of other formats and its broken links were dropped
    without a word; a FIFO named .txt would block the batch."""
    (tmp_path / "ok.txt").write_bytes(SAMPLES[0].read_bytes())
    (tmp_path / "bang.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "anh.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "vong.txt").symlink_to(tmp_path / "vong.txt")
    os.mkfifo(tmp_path / "ong.txt")
    proc = ntm("extract", str(tmp_path), "--format", "jsonl")
    assert proc.returncode == 3, proc.stderr  # some failed
    assert len(proc.stdout.splitlines()) == 1
    lines = proc.stderr.splitlines()
    assert any("vong.txt" in line and "không phải là tệp" in line for line in lines)
    assert any("ong.txt" in line and "không phải là tệp" in line for line in lines)
    assert lines[-1] == "Bỏ qua 2 tệp không phải định dạng báo cáo: .jpg 1, .xlsx 1"


def test_english_messages_and_all_failed_exit_code(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 4)
    proc = ntm("--lang", "en", "extract", str(junk))
    assert proc.returncode == 4
    assert "junk.bin" in proc.stderr and "unsupported format" in proc.stderr


def _scanned_pdf(path: Path) -> Path:
    """A PDF of page images only, as a scanner makes: rendered from the sample's first page."""
    import pypdfium2 as pdfium

    image = pdfium.PdfDocument(str(SAMPLES[2]))[0].render(scale=0.5).to_pil().convert("RGB")
    image.save(path)
    return path


def test_a_scanned_pdf_is_said_to_have_no_text_layer(tmp_path):
    scan = _scanned_pdf(tmp_path / "quet.pdf")
    proc = ntm("extract", str(scan), "--format", "jsonl", env=NO_OCR)
    record = json.loads(proc.stdout)
    assert record["source"]["pages_without_text"] == [1] and record["figures"] == []
    assert "quet.pdf" in proc.stderr and "OCR" in proc.stderr and "tesseract-ocr-vie" in proc.stderr


def test_ingest_lists_a_scanned_pdf_with_its_reason(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _scanned_pdf(folder / "quet.pdf")
    proc = ntm("ingest", str(folder), "-o", str(tmp_path / "out"), env=NO_OCR)
    assert proc.returncode == 4
    errors = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8-sig")
    assert "quet.pdf" in errors and "scanned_pdf" in errors


def test_the_whole_output_is_printed_when_the_process_ends_without_teardown(capsys):
    """`ntm extract` as a program ends by `os._exit` (cli/main.py): what it printed to a pipe
    is what the same command prints in a process that ends as usual."""
    from extractor.cli.main import main

    args = ["extract", *map(str, SAMPLES[:2])]
    assert main(args) == 0
    expected = capsys.readouterr().out
    proc = ntm(*args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == expected and len(expected) > 10_000


def _damaged_sample(path: Path) -> Path:
    """The sample .docx with one closing tag of its main part misspelled, as a damaged save
    leaves it."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(SAMPLES[1]) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data.replace(b"</w:t>", b"</w:tx>", 1) if name == "word/document.xml" else data)
    path.write_bytes(buf.getvalue())
    return path


def test_a_damaged_docx_is_read_as_far_as_it_recovers_and_said_to_be_damaged(tmp_path):
    damaged = _damaged_sample(tmp_path / "hong.docx")
    proc = ntm("extract", str(damaged), "--format", "jsonl")
    assert proc.returncode == 0
    record = json.loads(proc.stdout)
    assert record["source"]["damaged"] == ["word/document.xml"]
    assert len(record["figures"]) > 100  # the rest of the report is read
    assert [f["rule"] for f in record["flags"]].count("damaged_file") == 1
    assert "hong.docx" in proc.stderr and "bị hỏng một phần" in proc.stderr
    jsonschema.validate(record, load_schema("report.schema.json"))
