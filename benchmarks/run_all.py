"""Run every benchmarks/bench_*.py in turn (what `make bench` calls).

    .venv/bin/python -m benchmarks.run_all [--only NAME ...]

Each benchmark runs in its own process (so one's memory peak or import cost does not colour
another's) with its default arguments, from the project root; its output is passed through.
The exit code is the number of benchmarks that failed.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="*", default=None, help="names such as bench_extract")
    args = ap.parse_args(argv)
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem in set(args.only)]
    failed = 0
    for script in scripts:
        print(f"== {script.stem} ==", flush=True)
        start = time.perf_counter()
        rc = subprocess.run([sys.executable, "-m", f"benchmarks.{script.stem}"], cwd=ROOT).returncode
        print(f"== {script.stem}: exit {rc}, {time.perf_counter() - start:.0f} s ==\n", flush=True)
        failed += rc != 0
    return failed


if __name__ == "__main__":
    sys.exit(main())
