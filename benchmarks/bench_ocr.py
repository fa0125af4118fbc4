"""Reading scans by OCR against Tesseract alone on the same pages.

    .venv/bin/python -m benchmarks.bench_ocr [--pages 20] [--rounds 2] [SCAN.pdf ...]

The committed scans (tests/fixtures/scans) are joined into one PDF of `--pages` pages. Timed: (1)
Tesseract alone, each page rendered at 200 dpi and read with `--psm 3` (plain text), one page
per core with `OMP_THREAD_LIMIT=1`, as the OCR reader runs it; (2) the full reader
(`bytes_to_document`: render, deskew, rules, hOCR, missed cells, layout). The ratio (2)/(1)
is the reader's overhead. The machine may be shared: the two are timed in turn, `--rounds`
times, and the ratio is taken of their fastest times, with the load average (`uptime`) at the
start and the end. The CPU time of each (this process and its Tesseract children) is given
too: on a busy machine it measures the work apart from the share of the cores obtained.
Needs Tesseract with the Vietnamese model.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.common import ROOT


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the Tesseract processes): the
    work done, whatever else the machine is running."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def join_pages(scans: list[Path], pages: int) -> bytes:
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        for scan in scans:
            src = pdfium.PdfDocument(str(scan))
            take = min(len(src), pages - len(out))
            out.import_pages(src, list(range(take)))
            if len(out) >= pages:
                break
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def tesseract_alone(data: bytes, jobs: int) -> float:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    start = time.perf_counter()

    def read(image: object) -> None:
        buf = io.BytesIO()
        image.save(buf, format="PPM")  # type: ignore[attr-defined]
        subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie", "--psm", "3", "--dpi", "200"],
                       input=buf.getvalue(), capture_output=True, check=True,
                       env=dict(os.environ, OMP_THREAD_LIMIT="1"))

    with ThreadPoolExecutor(jobs) as pool:
        futures = [pool.submit(read, pdf[n].render(scale=200 / 72, grayscale=True).to_pil())
                   for n in range(len(pdf))]
        for f in futures:
            f.result()
    return time.perf_counter() - start


def reader(data: bytes) -> tuple[float, int]:
    from extractor.readers import bytes_to_document

    start = time.perf_counter()
    doc = bytes_to_document(data, "bench.scan.pdf")
    return time.perf_counter() - start, len(doc.blocks)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_ocr")
    ap.add_argument("scans", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    scans = args.scans or sorted((ROOT / "tests" / "fixtures" / "scans").glob("*.scan.pdf"))
    data = join_pages(scans, args.pages)
    jobs = os.cpu_count() or 1
    load_before = os.getloadavg()
    alone_times, reader_times, alone_cpu, reader_cpu, blocks = [], [], [], [], 0
    for _ in range(max(1, args.rounds)):
        cpu = cpu_seconds()
        alone_times.append(tesseract_alone(data, jobs))
        alone_cpu.append(cpu_seconds() - cpu)
        cpu = cpu_seconds()
        took, blocks = reader(data)
        reader_cpu.append(cpu_seconds() - cpu)
        reader_times.append(took)
    alone, full = min(alone_times), min(reader_times)
    result = {"pages": args.pages, "cores": jobs, "rounds": len(alone_times),
              "tesseract_alone_s": [round(t, 2) for t in alone_times],
              "reader_s": [round(t, 2) for t in reader_times],
              "ratio": round(full / alone, 2),
              "tesseract_alone_cpu_s": [round(t, 2) for t in alone_cpu],
              "reader_cpu_s": [round(t, 2) for t in reader_cpu],
              "cpu_ratio": round(min(reader_cpu) / min(alone_cpu), 2),
              "reader_pages_per_s": round(args.pages / full, 2), "blocks": blocks,
              "load_average_1_5_15": {"start": [round(x, 2) for x in load_before],
                                      "end": [round(x, 2) for x in os.getloadavg()]}}
    print(json.dumps(result, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_ocr.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
