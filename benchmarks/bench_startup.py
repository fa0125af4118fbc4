"""Start-up cost: `ntm extract` of a small text against `ntm --help`, in fresh processes.

    .venv/bin/python -m benchmarks.bench_startup [--runs 11]

The two commands run alternately (`--runs` times each, so a busy moment of a shared machine
falls on both), each as a new process as a user starts it; the result is the median wall
time of each and their ratio (issue 17: at most 2), and the same for the CPU time of the
process (user + system), which a busy machine disturbs less. The small file is the first
2 KB (whole lines) of the sample report's text. Modules run from cached bytecode, the data
files from their parsed cache (core/data.py) and the regex programs and the code dataclasses
generate from their kept tables (core/kept.py), as after a first run of an install: the first,
untimed run of each command writes them into a temporary folder, even where
PYTHONDONTWRITEBYTECODE is set. Written to benchmarks/results/startup.json.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, bytecode_env

RESULTS = ROOT / "benchmarks" / "results"
SMALL_BYTES = 2048


def small_text(folder: Path) -> Path:
    text = (ROOT / "corpus" / "luc-binh-2023.txt").read_text(encoding="utf-8")
    head = text.encode("utf-8")[:SMALL_BYTES].decode("utf-8", errors="ignore")
    path = folder / "small.txt"
    path.write_text(head[:head.rfind("\n") + 1] or head, encoding="utf-8")
    return path


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, from wait4) of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return took, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=11)
    args = ap.parse_args(argv)
    ntm = str(Path(sys.executable).with_name("ntm"))
    with tempfile.TemporaryDirectory(prefix="ntm-startup-") as tmp:
        small = small_text(Path(tmp))
        env = bytecode_env(Path(tmp) / "pycache")
        commands = {"help": [ntm, "--help"], "extract": [ntm, "extract", str(small)]}
        for cmd in commands.values():  # warm the file cache and write the bytecode
            timed(cmd, env)
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                took, used = timed(cmd, env)
                wall[name].append(took)
                cpu[name].append(used)
    medians = {kind: {name: statistics.median(ts) for name, ts in times.items()}
               for kind, times in (("wall", wall), ("cpu", cpu))}
    ratios = {kind: m["extract"] / m["help"] for kind, m in medians.items()}
    for kind, m in medians.items():
        print(f"{kind:>4}: ntm --help median {1000 * m['help']:.0f} ms; ntm extract of a "
              f"{SMALL_BYTES // 1024} KB text median {1000 * m['extract']:.0f} ms; ratio {ratios[kind]:.2f}")
    print(f"(target: ratio at most 2; {args.runs} interleaved runs each)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "startup.json").write_text(json.dumps(
        {"runs": args.runs, "median_s": medians, "ratio": ratios, "wall_s": wall, "cpu_s": cpu}, indent=2) + "\n",
        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
