"""The cache of recognized pages (extractor.readers.pdf.ocr): `ntm ingest` keeps it under OUT,
so a second ingest after an upgrade of the extractor reads its scans again without running
Tesseract again. Tesseract is counted through a wrapper script that logs each call and runs
the real binary: the reading happens in worker processes, where a monkeypatch cannot count."""
from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from extractor.core.settings import DEFAULT_SETTINGS
from tests.readers.test_ocr import SCANS, counting_tesseract, needs_tesseract


def _recognitions(log: Path) -> int:
    """Calls that read an image (not --version or --list-langs)."""
    return sum("stdin" in line for line in log.read_text(encoding="utf-8").splitlines()) \
        if log.exists() else 0


def _one_page_scan(folder: Path) -> None:
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(sorted(SCANS.glob("*.scan.pdf"))[0]))
    out = pdfium.PdfDocument.new()
    out.import_pages(source, [0])
    buf = io.BytesIO()
    out.save(buf)
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(buf.getvalue())


@needs_tesseract
def test_second_ingest_after_an_upgrade_reads_scans_from_the_cache(tmp_path, monkeypatch):
    import extractor.ingest.run as run

    wrapper, log = counting_tesseract(tmp_path)
    _one_page_scan(tmp_path / "in")
    settings = replace(DEFAULT_SETTINGS, tesseract=str(wrapper))
    out = tmp_path / "out"
    first = run.ingest([str(tmp_path / "in")], out, settings=settings, jobs=1)
    calls = _recognitions(log)
    assert calls >= 1 and list((out / "ocr-cache").rglob("*.hocr"))

    # a new extractor version: the file is read again, its page is not recognized again
    monkeypatch.setattr(run, "versions", lambda: ("999.0.0", "changed-rules"))
    second = run.ingest([str(tmp_path / "in")], out, settings=settings, jobs=1)
    assert _recognitions(log) == calls
    assert second["figures"].equals(first["figures"])
    assert second["communes"]["commune"].tolist() == first["communes"]["commune"].tolist()


@needs_tesseract
def test_without_the_cache_an_upgrade_recognizes_the_page_again(tmp_path, monkeypatch):
    # the counterpart: the count above is not zero because nothing is counted
    import extractor.ingest.run as run

    wrapper, log = counting_tesseract(tmp_path)
    _one_page_scan(tmp_path / "in")
    settings = replace(DEFAULT_SETTINGS, tesseract=str(wrapper))
    run.ingest([str(tmp_path / "in")], tmp_path / "out", settings=settings, jobs=1)
    calls = _recognitions(log)
    shutil.rmtree(tmp_path / "out" / "ocr-cache")
    monkeypatch.setattr(run, "versions", lambda: ("999.0.0", "changed-rules"))
    run.ingest([str(tmp_path / "in")], tmp_path / "out", settings=settings, jobs=1)
    assert _recognitions(log) == 2 * calls


class _Stop(Exception):
    pass


@pytest.mark.parametrize("given, used", [(None, "out/ocr-cache"), ("mine", "mine")])
def test_ingest_caches_under_out_unless_told_where(tmp_path, monkeypatch, given, used):
    import extractor.ingest.run as run

    seen = []

    def reading(*args, settings, **kwargs):
        seen.append(settings)
        raise _Stop

    monkeypatch.setattr(run, "ingest_to_store", reading)
    (tmp_path / "in").mkdir()
    cache = str(tmp_path / given) if given else None
    with pytest.raises(_Stop):
        run.ingest([str(tmp_path / "in")], tmp_path / "out",
                   settings=replace(DEFAULT_SETTINGS, ocr_cache_dir=cache))
    assert seen[0].ocr_cache_dir == str(tmp_path / used)
