"""Reading speed: our PDF reader against raw pypdfium2 and pdfplumber text extraction.

    .venv/bin/python benchmarks/bench_read.py [FILE.pdf ...] [--repeat N]

For each PDF, in one run: milliseconds per page for pypdfium2's `get_text_range` on every
page (the floor), our `extractor.readers.pdf` reader (pypdfium2 + line geometry + page
judging + paragraph rebuilding + pdfplumber re-reads of failing pages), and pdfplumber's
`extract_text` (the correct but slow baseline); then the ratio ours / raw pypdfium2 (target:
within 3x on a clean PDF). Also times the .docx and .txt readers on the sample. Each figure
is the best of N runs (the least disturbed by other processes on a shared machine).

    .venv/bin/python -m benchmarks.bench_read --phases [FILE.pdf ...]

splits our reader's CPU time per file (least of N, the committed generated PDFs and the
sample by default) into what it does beyond pypdfium2's own text extraction: the page
geometry (text runs, segments and their boxes: `chars.pdfium_page` less the text page it
shares with the raw extraction), the page judge (`text_is_suspect`) and the layout
(`layout.pages_to_document`: paragraphs, tables, margins, blocks).
"""
from __future__ import annotations

import argparse
from collections.abc import Callable
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


def phases(files: list[Path], repeat: int) -> dict[str, float]:
    """Milliseconds of CPU a file (least of `repeat`) of raw pypdfium2, our reader, and the
    reader's phases (see the module's docstring)."""
    import copy
    import time
    import unicodedata

    from extractor.core.settings import DEFAULT_SETTINGS
    from extractor.readers.pdf import bytes_to_document
    from extractor.readers.pdf.chars import open_pdfium, pdfium_page, text_is_suspect
    from extractor.readers.pdf.layout import pages_to_document
    from extractor.readers.pdf.lines import PageRead

    datas = [(str(f), f.read_bytes()) for f in files]

    def pages() -> list[list[PageRead]]:
        out = []
        for path, data in datas:
            pdf, pdfium_c = open_pdfium(data, path)
            reads = []
            for n in range(len(pdf)):
                page = pdf[n]
                reads.append(pdfium_page(page, pdfium_c))
                page.close()
            pdf.close()
            out.append(reads)
        return out

    read = pages()

    def judge() -> None:
        for reads in read:
            for page in reads:
                text_is_suspect(unicodedata.normalize("NFC", page.text),
                                DEFAULT_SETTINGS.pdf_suspect_word_ratio)

    def layout(copies: list[list[list[PageRead]]]) -> float:
        start = time.process_time()
        for reads in copies.pop():
            pages_to_document(reads, "-", "-")
        return time.process_time() - start

    def each(run: Callable[[], object]) -> float:
        return 1000 * best_of(repeat, run, time.process_time) / len(datas)

    def raw() -> None:
        for _, data in datas:
            raw_pypdfium2(data)

    def ours() -> None:
        for path, data in datas:
            bytes_to_document(data, path, "-")

    ours()
    raw()
    copies = [copy.deepcopy(read) for _ in range(repeat)]  # the layout rewrites its pages
    out = {"raw": each(raw), "ours": each(ours), "pages": each(pages), "judge": each(judge),
           "layout": 1000 * min(layout(copies) for _ in range(repeat)) / len(datas)}
    out["geometry"] = out["pages"] - out["raw"]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--phases", action="store_true",
                        help="split our reader's time into its phases (see above)")
    args = parser.parse_args()
    if args.phases:
        files = args.files or sorted((ROOT / "corpus" / "generated").glob("*.pdf")) + [
            ROOT / "corpus" / "luc-binh-2023.pdf"]
        ms = phases(files, args.repeat)
        print(f"{len(files)} PDFs, ms of CPU a file (least of {args.repeat}): raw pypdfium2 "
              f"{ms['raw']:.2f}, ours {ms['ours']:.2f} ({ms['ours'] / ms['raw']:.2f}x); beyond "
              f"the raw extraction: page geometry {ms['geometry']:.2f}, judge {ms['judge']:.2f}, "
              f"layout {ms['layout']:.2f}")
        return 0
    args.files = args.files or DEFAULT_PDFS

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
