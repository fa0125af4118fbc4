"""Time per megabyte of `ntm extract` on long texts of the shapes that once grew faster than
their size (issue 11): a paragraph repeated, a criteria list repeated, one long line without a
newline, and a run of digits and dots.

    python -m benchmarks.bench_shapes [--sizes 0.1,1,4] [--cap 300]

Each run is `ntm extract FILE --format jsonl` in a fresh process; seconds per MB and the peak
RSS of that process are printed and written to benchmarks/results/shapes.json. Linear time
shows as a flat s/MB column; a run over --cap seconds is stopped and reported as such.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT

SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"


def _paragraph() -> str:
    """The sample report's longest paragraph (the project's own sample, not evaluation data)."""
    return max(SAMPLE.read_text(encoding="utf-8").split("\n"), key=len) + "\n"


SHAPES = {
    "paragraph_repeated": lambda: _paragraph(),
    "criteria_list": lambda: "tiêu chí số 1, 2, 3, ",
    "one_long_line": lambda: _paragraph().strip() + " ",
    "digits_and_dots": lambda: "1.2.3.4.5.6.7.8.9.0.",
}


def make(shape: str, megabytes: float, folder: Path) -> Path:
    unit = SHAPES[shape]()
    target = int(megabytes * 1_000_000)
    text = unit * (target // len(unit.encode("utf-8")) + 1)
    data = text.encode("utf-8")[:target].decode("utf-8", "ignore")
    path = folder / f"{shape}-{megabytes:g}MB.txt"
    path.write_text(data, encoding="utf-8")
    return path


def measure(path: Path, cap: float) -> dict[str, object]:
    """One run in a fresh process; its own peak RSS comes from wait4 (RUSAGE_CHILDREN would
    give the largest of every run so far)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "extractor.cli.main", "extract", str(path), "--format", "jsonl"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            seconds: float | None = time.perf_counter() - start
            code: int | None = os.waitstatus_to_exitcode(status)
            break
        if time.perf_counter() - start > cap:
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
            seconds, code = None, None
            break
        time.sleep(0.05)
    proc.returncode = code  # reaped by wait4: keep Popen from waiting again
    mb = path.stat().st_size / 1_000_000
    return {"mb": round(mb, 2), "seconds": None if seconds is None else round(seconds, 2),
            "s_per_mb": None if seconds is None else round(seconds / mb, 2), "exit_code": code,
            "peak_rss_mib": round(usage.ru_maxrss / 1024, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="0.1,1,4", help="megabytes, comma-separated")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--cap", type=float, default=300.0, help="seconds before a run is stopped")
    args = ap.parse_args(argv)
    results: dict[str, list[dict[str, object]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-shapes-") as tmp:
        for shape in args.shapes.split(","):
            results[shape] = []
            for size in (float(s) for s in args.sizes.split(",")):
                m = measure(make(shape, size, Path(tmp)), args.cap)
                results[shape].append(m)
                print(f"{shape:20s} {m['mb']:>6} MB  {m['seconds']} s  {m['s_per_mb']} s/MB  "
                      f"peak {m['peak_rss_mib']} MiB", flush=True)
            runs = results[shape]
            if runs[0]["s_per_mb"] and runs[-1]["s_per_mb"]:
                print(f"{'':20s} ratio of s/MB, largest over smallest: "
                      f"{float(runs[-1]['s_per_mb']) / float(runs[0]['s_per_mb']):.2f}", flush=True)
    target = ROOT / "benchmarks" / "results"
    target.mkdir(parents=True, exist_ok=True)
    (target / "shapes.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
