"""Extraction cost: the raw parsers against the full pipeline, per stage, at scale.

    .venv/bin/python -m benchmarks.bench_extract [--repeat 3] [--count 1000] [--skip-throughput]

On the same files in one run (the sample in .txt/.docx/.pdf and the committed generated
corpus in .docx/.pdf):
1. raw parser cost (python-docx paragraphs + table cells; pypdfium2's text of every page;
   reading the .txt) against full extraction (`extractor.pipeline.extract`: read,
   normalize/structure, figures, criteria, identity, checks), and the ratio full / raw
   (for .docx also with the reader's styles cache emptied: a report from a template of its own);
2. per-stage timings, each stage function of extractor/pipeline.py timed on its own; for the
   PDFs the read stage split further (`pdf_read_stages`): pypdfium2's own text extraction (the
   raw parse), the page geometry beyond it (text runs, segments, their boxes and fonts), the
   page judge, the layout (paragraphs, margins, blocks) and, inside it, the tables;
3. figures extraction of the sample's text (`outline_to_figures`, after reading): median ms,
   against the 50 ms budget;
4. throughput over `--count` generated .docx reports (generated first, in a subprocess, into
   a temporary folder), and the peak memory (max RSS) of this process.
Each per-file time is the least CPU time of `--repeat` runs (the least disturbed on a shared
machine; the figures-of-the-sample and throughput runs are wall time).
Results are printed and written to benchmarks/results/extract.json.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.bench_read import raw_pypdfium2
from benchmarks.common import ROOT, best_of

SAMPLE = ROOT / "corpus" / "luc-binh-2023"
GENERATED = ROOT / "corpus" / "generated"
RESULTS = ROOT / "benchmarks" / "results"
FIGURES_BUDGET_MS = 50.0



def raw_parse(path: Path) -> None:
    """What any tool pays to get the text out: the libraries alone."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        _ = [p.text for p in d.paragraphs]
        _ = [c.text for t in d.tables for row in t.rows for c in row.cells]
    elif suffix == ".pdf":
        raw_pypdfium2(path.read_bytes())
    else:
        path.read_bytes().decode("utf-8", errors="replace")


def stage_times(path: Path) -> dict[str, float]:
    """Seconds per pipeline stage for one file (the stages of extractor.pipeline, one by one)."""
    from extractor.checks import record_to_flags
    from extractor.core.model import Record
    from extractor.core.settings import DEFAULT_SETTINGS
    from extractor.core.version import __version__
    from extractor.extract.criteria.resolve import outline_to_criteria
    from extractor.extract.figures import outline_to_figures
    from extractor.extract.identity import outline_to_identity
    from extractor.pipeline import document_to_source
    from extractor.readers import read_document
    from extractor.structure.outline import document_to_outline

    out: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        start = time.process_time()
        value = fn()
        out[name] = time.process_time() - start
        return value

    doc = timed("read", lambda: read_document(path))
    outline = timed("normalize+structure", lambda: document_to_outline(doc))
    figures, number_issues = timed("figures", lambda: outline_to_figures(outline, DEFAULT_SETTINGS))
    criteria = timed("criteria", lambda: outline_to_criteria(outline))
    identity = timed("identity", lambda: outline_to_identity(outline))
    record = Record(source=document_to_source(doc), identity=identity, criteria=criteria,
                    figures=figures, flags=[], extractor_version=__version__)
    timed("checks", lambda: record_to_flags(record, outline, number_issues))
    return out


def pdf_read_stages(files: list[Path], repeat: int) -> dict[str, float]:
    """CPU ms per PDF of the read stage's parts (least of `repeat`): the raw pypdfium2 text,
    the page geometry beyond it, the page judge and the layout, of which the tables
    (`tables.paragraphs_to_cells`, timed inside the layout runs)."""
    from benchmarks.bench_read import phases
    from extractor.readers.pdf import layout

    spent = [0.0]
    cells = layout.paragraphs_to_cells

    def timed_cells(*args: Any) -> Any:
        start = time.process_time()
        try:
            return cells(*args)
        finally:
            spent[0] += time.process_time() - start

    layout.paragraphs_to_cells = timed_cells  # type: ignore[assignment]
    try:
        ms = phases(files, repeat)
    finally:
        layout.paragraphs_to_cells = cells  # type: ignore[assignment]
    # the tables run in each of the reader's 1 + `repeat` runs and the layout's `repeat` runs
    # over every file: their mean per run (the other figures are least runs)
    runs = 2 * repeat + 1
    ms["tables"] = 1000 * spent[0] / runs / len(files)
    return ms


def extract_new_template(path: Path) -> None:
    """Full extraction with the docx reader's styles cache emptied first (every report typed
    from a template of its own, the worst case for that cache)."""
    from extractor.pipeline import extract
    from extractor.readers import docx

    getattr(docx, "styles_cache_clear", lambda: None)()  # absent from a reader without the cache
    extract(path)


def default_files() -> list[Path]:
    files = [p for p in (SAMPLE.with_suffix(s) for s in (".txt", ".docx", ".pdf")) if p.exists()]
    files += sorted(GENERATED.glob("*.docx")) + sorted(GENERATED.glob("*.pdf"))
    return files


def compare(files: list[Path], repeat: int) -> dict[str, Any]:
    from extractor.pipeline import extract

    per_format: dict[str, dict[str, float]] = {}
    stages: dict[str, dict[str, float]] = {}
    for f in {f.suffix.lower(): f for f in files}.values():  # imports and caches out of the timings
        raw_parse(f)
        extract(f)
    for f in files:
        fmt = f.suffix.lower().lstrip(".")
        raw = best_of(repeat, partial(raw_parse, f), time.process_time)
        full = best_of(repeat, partial(extract, f), time.process_time)
        # a .docx whose template was not seen before: its styles.xml is read, not recalled
        cold = best_of(repeat, partial(extract_new_template, f), time.process_time) if fmt == "docx" else full
        row = per_format.setdefault(fmt, {"files": 0, "raw_s": 0.0, "full_s": 0.0, "full_new_template_s": 0.0})
        row["files"] += 1
        row["raw_s"] += raw
        row["full_s"] += full
        row["full_new_template_s"] += cold
        best: dict[str, float] = {}
        for _ in range(repeat):
            for k, v in stage_times(f).items():
                best[k] = min(best.get(k, v), v)
        st = stages.setdefault(fmt, {})
        for k, v in best.items():
            st[k] = st.get(k, 0.0) + v
    for row in per_format.values():
        row["ratio"] = row["full_s"] / row["raw_s"] if row["raw_s"] else float("nan")
        row["raw_ms_per_file"] = 1000 * row["raw_s"] / row["files"]
        row["full_ms_per_file"] = 1000 * row["full_s"] / row["files"]
        row["ratio_new_template"] = row["full_new_template_s"] / row["raw_s"] if row["raw_s"] else float("nan")
    pdfs = [f for f in files if f.suffix.lower() == ".pdf"]
    pdf_read = pdf_read_stages(pdfs, repeat) if pdfs else {}
    return {"per_format": per_format, "stages": stages, "pdf_read": pdf_read}


def figures_on_sample(runs: int = 30) -> dict[str, float]:
    from extractor.core.settings import DEFAULT_SETTINGS
    from extractor.extract.figures import outline_to_figures
    from extractor.readers import read_document
    from extractor.structure.outline import document_to_outline

    outline = document_to_outline(read_document(SAMPLE.with_suffix(".txt")))
    outline_to_figures(outline, DEFAULT_SETTINGS)  # warm the pattern caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        outline_to_figures(outline, DEFAULT_SETTINGS)
        times.append(1000 * (time.perf_counter() - start))
    return {"median_ms": statistics.median(times), "min_ms": min(times), "runs": runs,
            "budget_ms": FIGURES_BUDGET_MS}


def throughput(count: int) -> dict[str, Any]:
    from extractor.pipeline import extract

    with tempfile.TemporaryDirectory(prefix="ntm-bench-") as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "corpus.generate", "--count", str(count), "--seed", "1000",
                        "--formats", "docx", "--no-check", "--out", tmp],
                       check=True, cwd=ROOT, capture_output=True)
        gen_s = time.perf_counter() - start
        files = sorted(Path(tmp).glob("*.docx"))
        failed = 0
        start = time.perf_counter()
        for f in files:
            try:
                extract(f)
            except Exception:  # noqa: BLE001 - count, do not stop the measurement
                failed += 1
        took = time.perf_counter() - start
        size_mb = sum(f.stat().st_size for f in files) / 2**20
    return {"documents": len(files), "failed": failed, "seconds": took, "docs_per_s": len(files) / took,
            "ms_per_doc": 1000 * took / len(files), "generate_s": gen_s, "corpus_mb": size_mb}


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10


def report(results: dict[str, Any]) -> str:
    lines = ["Raw parsers vs full extraction (least CPU time of %d runs, sum over files)" % results["repeat"],
             f"{'format':<7}{'files':>6}{'raw ms/file':>13}{'full ms/file':>14}{'ratio':>8}"
             f"{'ratio, new template':>21}"]
    for fmt, r in results["compare"]["per_format"].items():
        lines.append(f"{fmt:<7}{r['files']:>6}{r['raw_ms_per_file']:>13.1f}{r['full_ms_per_file']:>14.1f}"
                     f"{r['ratio']:>8.2f}{r['ratio_new_template']:>21.2f}")
    lines += ["", "Per stage, ms per file (share of the pipeline)"]
    for fmt, st in results["compare"]["stages"].items():
        n = results["compare"]["per_format"][fmt]["files"]
        total = sum(st.values())
        lines.append(f"{fmt:<7}" + "  ".join(f"{k} {1000 * v / n:.1f} ({100 * v / total:.0f}%)"
                                            for k, v in st.items()))
    pr = results["compare"].get("pdf_read")
    if pr:
        lines.append(f"pdf read, ms per file: raw pypdfium2 text {pr['raw']:.1f}, geometry {pr['geometry']:.1f}, "
                     f"judge {pr['judge']:.1f}, layout {pr['layout']:.1f} (of which tables ~{pr['tables']:.1f}); "
                     f"reader {pr['ours']:.1f} = {pr['ours'] / pr['raw']:.2f}x raw")
    fs = results["figures_on_sample"]
    verdict = "within" if fs["median_ms"] < fs["budget_ms"] else "OVER"
    lines += ["", f"Figures of the sample (outline_to_figures): median {fs['median_ms']:.1f} ms, "
                  f"min {fs['min_ms']:.1f} ms over {fs['runs']} runs ({verdict} the {fs['budget_ms']:.0f} ms budget)"]
    tp = results.get("throughput")
    if tp:
        lines += ["", f"Throughput: {tp['documents']} generated .docx ({tp['corpus_mb']:.0f} MB) in "
                      f"{tp['seconds']:.1f} s = {tp['docs_per_s']:.1f} docs/s ({tp['ms_per_doc']:.1f} ms/doc), "
                      f"{tp['failed']} failed; generating them took {tp['generate_s']:.1f} s"]
    lines.append(f"Peak memory (max RSS of the benchmark process): {results['peak_rss_mb']:.0f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--count", type=int, default=1000, help="documents for the throughput run")
    ap.add_argument("--skip-throughput", action="store_true")
    args = ap.parse_args(argv)
    files = args.files or default_files()
    results: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "repeat": args.repeat,
        "compare": compare(files, args.repeat),
        "figures_on_sample": figures_on_sample(),
    }
    if not args.skip_throughput:
        results["throughput"] = throughput(args.count)
    results["peak_rss_mb"] = peak_rss_mb()
    print(report(results))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "extract.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
