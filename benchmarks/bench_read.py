"""Reading speed: our PDF reader against raw pypdfium2 and pdfplumber text extraction.

    .venv/bin/python benchmarks/bench_read.py [FILE.pdf ...] [--repeat N]

For each PDF, in one run: milliseconds per page for pypdfium2's `get_text_range` on every
page (the floor), our `extractor.readers.pdf` reader (pypdfium2 + line geometry + page
judging + paragraph rebuilding + pdfplumber re-reads of failing pages), and pdfplumber's
`extract_text` (the correct but slow baseline); then the ratio ours / raw pypdfium2 (target:
within 3x on a clean PDF). Also times the .docx and .txt readers on the sample. Each figure
is the best of N runs (the least disturbed by other processes on a shared machine).
"""
from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from benchmarks.common import ROOT, best_of

DEFAULT_PDFS = [ROOT / "corpus" / "luc-binh-2023.pdf",
                ROOT / "tests" / "fixtures" / "layout.pdf",
                ROOT / "tests" / "fixtures" / "garbled-font.pdf"]



def raw_pypdfium2(data: bytes) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def raw_pdfplumber(data: bytes) -> None:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_PDFS)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    import pypdfium2 as pdfium

    from extractor.readers import pdf as pdf_reader
    from extractor.readers import read_document

    print(f"{'file':32} {'pages':>5} {'pypdfium2':>10} {'ours':>10} {'pdfplumber':>11} "
          f"{'ours/raw':>9}  re-read")
    for path in args.files:
        data = path.read_bytes()
        doc = pdfium.PdfDocument(data)
        pages = len(doc)
        doc.close()
        ours = partial(pdf_reader.bytes_to_document, data, str(path), "-")
        ours()  # warm-up: imports
        raw_pypdfium2(data)
        t_raw = best_of(args.repeat, partial(raw_pypdfium2, data)) / pages * 1000
        t_ours = best_of(args.repeat, ours) / pages * 1000
        t_plumber = best_of(max(1, args.repeat // 3), partial(raw_pdfplumber, data)) / pages * 1000
        reread = [w for w in ours().warnings if "re-read" in w]
        print(f"{path.name:32} {pages:5d} {t_raw:8.2f}ms {t_ours:8.2f}ms {t_plumber:9.2f}ms "
              f"{t_ours / t_raw:8.2f}x  {reread[0].split(': ')[1] if reread else '-'}")

    print()
    for name in ("luc-binh-2023.docx", "luc-binh-2023.txt", "luc-binh-2023.pdf"):
        path = ROOT / "corpus" / name
        read_document(path)
        t = best_of(args.repeat, partial(read_document, path))
        print(f"read_document({name}): {t * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
