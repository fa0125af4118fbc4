"""Throughput, memory and re-run cost of `ntm ingest` over a large generated folder.

    python -m benchmarks.bench_ingest [--count 1000] [--formats txt] [--jobs 1,2]

Generates COUNT reports (corpus/generate.py; without it, copies of the sample report with a
line changed), then times, each in a fresh process:
- a first ingest into an empty store, once per --jobs value (documents per second);
- an unchanged re-run (everything skipped: hashing, planning and writing the outputs);
- a re-run after three late reports were added: new content (another seed), so the run reads
  them, then rewrites every output; the store is checked to hold all three as read.
Peak memory is the largest resident set of any process of the run (the main process or a
worker), from getrusage(RUSAGE_CHILDREN) in a wrapper process per measurement. Results are
printed and written to benchmarks/results/ingest.json.
"""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"

# Runs one command and reports the peak RSS of its process tree's largest process (KiB).
_WRAPPER = ("import resource, subprocess, sys, json; "
            "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
            "print(json.dumps({'rc': rc, 'maxrss_kib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))")


def make_reports(folder: Path, count: int, formats: str, seed: int, *, nest: bool = True,
                 note: str = "Ghi chú số") -> str:
    """COUNT reports in FOLDER, spread over sub-folders unless not `nest`; returns how they
    were made."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        from corpus.generate import generate
    except ImportError:
        generate = None
    if generate is not None:
        generate(count, seed, folder, tuple(formats.split(",")), check=False)
        for gold in folder.glob("*.gold.json"):
            gold.unlink()
        made = "corpus.generate"
    else:
        text = SAMPLE.read_text(encoding="utf-8")
        for i in range(count):
            (folder / f"copy-{i:05d}.txt").write_text(text + f"\n{note} {i}.\n", encoding="utf-8")
        made = "copies of the sample"
    if not nest:
        return made
    # nested folders, as a district's share drive has them
    for i, f in enumerate(sorted(p for p in folder.iterdir() if p.is_file())):
        sub = folder / f"nhom-{i % 10}"
        sub.mkdir(exist_ok=True)
        f.rename(sub / f.name)
    return made


def late_reports_read(db: Path, folder: Path) -> int:
    """How many documents under FOLDER the store holds as read (status ok)."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT path FROM documents WHERE status = 'ok'").fetchall()
    finally:
        conn.close()
    prefix = str(folder.resolve()) + "/"
    return sum(1 for (path,) in rows if path.startswith(prefix))


def measure(args: list[str]) -> dict[str, float]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *args], capture_output=True, text=True,
                          check=True)
    seconds = time.perf_counter() - start
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"seconds": round(seconds, 2), "peak_rss_mib": round(result["maxrss_kib"] / 1024, 1),
            "exit_code": result["rc"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--formats", default="txt", help="formats for corpus.generate: txt, docx, pdf")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to time")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--workdir", type=Path, default=None, help="keep inputs and outputs here")
    args = ap.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    inputs = work / "in"
    if inputs.exists():
        shutil.rmtree(inputs)
    made = make_reports(inputs, args.count, args.formats, args.seed)
    files = sum(1 for p in inputs.rglob("*") if p.is_file())
    ntm = [sys.executable, "-m", "extractor.cli.main", "ingest", str(inputs)]
    results: dict[str, object] = {
        "documents": files, "made_by": made, "formats": args.formats,
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}",
    }
    last_out = None
    for jobs in (int(j) for j in args.jobs.split(",")):
        out = work / f"out-jobs{jobs}"
        if out.exists():
            shutil.rmtree(out)
        m = measure([*ntm, "-o", str(out), "--jobs", str(jobs)])
        m["docs_per_second"] = round(files / m["seconds"], 1)
        results[f"first_run_jobs_{jobs}"] = m
        print(f"first run, --jobs {jobs}: {m['seconds']} s, {m['docs_per_second']} docs/s, "
              f"peak RSS {m['peak_rss_mib']} MiB (exit {m['exit_code']})", flush=True)
        last_out = (out, jobs)
    assert last_out is not None
    out, jobs = last_out
    m = measure([*ntm, "-o", str(out), "--jobs", str(jobs)])
    results["unchanged_rerun"] = m
    print(f"unchanged re-run: {m['seconds']} s, peak RSS {m['peak_rss_mib']} MiB", flush=True)

    # three reports of other communes, made with another seed: new content, not copies of files
    # already there (those would be skipped as duplicates and never read)
    late = inputs / "muon"
    make_reports(late, 3, args.formats, args.seed + 1, nest=False, note="Báo cáo muộn số")
    m = measure([*ntm, "-o", str(out), "--jobs", str(jobs)])
    m["late_reports_read"] = late_reports_read(out / "ntm.sqlite", late)
    results["rerun_with_3_late_reports"] = m
    print(f"re-run with 3 late reports: {m['seconds']} s, peak RSS {m['peak_rss_mib']} MiB, "
          f"{m['late_reports_read']}/3 read", flush=True)
    if m["late_reports_read"] != 3:
        print("warning: the late reports were not all read; the figure is not a re-read", flush=True)

    sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.is_file()}
    results["output_bytes"] = sizes
    target = ROOT / "benchmarks" / "results"
    target.mkdir(parents=True, exist_ok=True)
    (target / "ingest.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(json.dumps(results, indent=1))
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
