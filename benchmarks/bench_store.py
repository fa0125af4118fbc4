"""Re-run cost, memory and --jobs scaling of `ntm ingest` as the store grows (issue 17).

    python -m benchmarks.bench_store [--reports DIR] [--count 1000] [--small 200] [--jobs 2]
                                     [--scaling 200] [--memory-count 10000]
                                     [--python PYTHON] [--workdir DIR]

With REPORTS (a folder of generated reports, e.g. `python -m corpus.generate --count 10000
--formats docx --out DIR --no-check`) or else COUNT reports generated here, measures in one run:
- a first ingest of SMALL and of COUNT reports, each into an empty OUT: wall time, the peak
  resident memory of the main process alone (its own getrusage at exit) and of the largest
  worker (getrusage of its children), and the ratio of the two main peaks (bounded memory:
  far below COUNT / SMALL);
- an unchanged re-run of the large folder, then a re-run after CHANGED reports were replaced by
  reports of other content (another seed, same names): wall times and their ratios; with
  `--rerun-trials N`, N trials of that pair (the changed re-run, then an unchanged one), each on
  a fresh copy of OUT as it was before the change, and their medians (a single re-run of a
  second or two varies by a third on a shared machine);
- with SCALING, a first ingest of that many reports at `--jobs 1` and at `--jobs 2`: wall and
  CPU seconds (the whole process tree) and the wall ratio;
- with MEMORY_COUNT, a first ingest of that many reports (from REPORTS): peak memory of the
  main process and of the largest worker.
`--python` runs another checkout's interpreter (run the script from that checkout's folder:
`python -c` puts the current folder first on the path), so the same script measures before
and after a change. Results are printed and written to benchmarks/results/store.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, bytecode_env

# Runs `ntm ARGS...` in this process and writes to the file in $NTM_BENCH_RSS its own peak RSS
# (KiB), the largest of its children's (the workers), the CPU seconds of both and its own.
_MAIN_ONLY = ("import os, resource, runpy, sys; sys.argv = ['ntm'] + sys.argv[1:]\n"
              "try:\n    runpy.run_module('extractor.cli.main', run_name='__main__')\n"
              "except SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
              "me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
              "open(os.environ['NTM_BENCH_RSS'], 'w').write(f'{me.ru_maxrss} {kids.ru_maxrss} '\n"
              "    f'{me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime} {me.ru_utime + me.ru_stime}')\n"
              "sys.exit(code if isinstance(code, int) else 1)")


def ingest(python: str, inputs: Path, out: Path, jobs: int, work: Path) -> dict[str, float]:
    """One `ntm ingest`: seconds, peak RSS (MiB) of the main process and of the largest
    worker, CPU seconds of all and of the main process alone (its share is what keeps
    `--jobs 2` from being twice `--jobs 1`), and the exit code."""
    rss_file = work / "rss.txt"
    env = {**bytecode_env(work / "pycache"), "NTM_BENCH_RSS": str(rss_file)}
    start = time.perf_counter()
    proc = subprocess.run([python, "-c", _MAIN_ONLY, "ingest", str(inputs), "-o", str(out), "--jobs", str(jobs)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # 1: some files failed, still a full run
        raise SystemExit(f"ingest failed ({proc.returncode}): {proc.stderr[-2000:]}")
    main_kib, worker_kib, cpu, main_cpu = rss_file.read_text().split()
    return {"seconds": round(seconds, 2), "cpu_seconds": round(float(cpu), 1),
            "main_cpu_seconds": round(float(main_cpu), 2),
            "main_peak_rss_mib": round(int(main_kib) / 1024, 1),
            "largest_worker_peak_rss_mib": round(int(worker_kib) / 1024, 1), "exit_code": proc.returncode}


def generate(count: int, seed: int, folder: Path, formats: str) -> None:
    from corpus.generate import generate as make

    folder.mkdir(parents=True, exist_ok=True)
    make(count, seed, folder, tuple(formats.split(",")), check=False)
    for gold in folder.glob("*.gold.json"):
        gold.unlink()


def report_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".gold.json"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=Path, default=None, help="a folder of generated reports (copied)")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--small", type=int, default=200)
    ap.add_argument("--changed", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--formats", default="docx")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scaling", type=int, default=0, help="reports for the --jobs 1 vs 2 first runs (0: none)")
    ap.add_argument("--memory-count", type=int, default=0, help="reports for the large memory run (0: none)")
    ap.add_argument("--skip-reruns", action="store_true", help="only the scaling and memory runs")
    ap.add_argument("--rerun-trials", type=int, default=1, help="trials of the changed and unchanged re-runs")
    ap.add_argument("--python", default=sys.executable, help="the interpreter whose extractor is measured")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--label", default="")
    args = ap.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-store-"))
    large, small = work / "in-large", work / "in-small"
    for folder in (large, small):
        shutil.rmtree(folder, ignore_errors=True)
    if args.reports:
        large.mkdir(parents=True)
        for f in report_files(args.reports)[:args.count]:
            shutil.copy(f, large / f.name)
    else:
        generate(args.count, args.seed, large, args.formats)
    files = report_files(large)
    small.mkdir(parents=True)
    for f in files[:args.small]:
        shutil.copy(f, small / f.name)

    results: dict[str, object] = {
        "label": args.label, "python": args.python, "reports": len(files), "small": args.small,
        "jobs": args.jobs,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    if not args.skip_reruns:
        reruns(args, files, small, large, work, results)
    if args.scaling:
        scaling(args, files[:args.scaling], work, results)
    if args.memory_count:
        memory(args, work, results)
    print(json.dumps(results.get("ratios", {})), flush=True)
    target = ROOT / "benchmarks" / "results"
    target.mkdir(parents=True, exist_ok=True)
    name = f"store{('-' + args.label) if args.label else ''}.json"
    (target / name).write_text(json.dumps(results, indent=1), encoding="utf-8")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def scaling(args: argparse.Namespace, files: list[Path], work: Path, results: dict[str, object]) -> None:
    """First runs of the same reports at --jobs 1 and --jobs 2, one after the other."""
    inputs = work / "in-scaling"
    shutil.rmtree(inputs, ignore_errors=True)
    inputs.mkdir(parents=True)
    for f in files:
        shutil.copy(f, inputs / f.name)
    runs = {}
    for jobs in (1, 2):
        out = work / f"out-scaling-{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        runs[jobs] = m = ingest(args.python, inputs, out, jobs, work)
        results[f"first_run_jobs_{jobs}"] = m
        print(f"first run of {len(files)} at --jobs {jobs}: {m}", flush=True)
    ratios = results.setdefault("ratios", {})
    assert isinstance(ratios, dict)
    ratios["jobs_1_over_jobs_2_wall"] = round(runs[1]["seconds"] / runs[2]["seconds"], 2)
    ratios["jobs_2_over_jobs_1_cpu"] = round(runs[2]["cpu_seconds"] / runs[1]["cpu_seconds"], 2)


def memory(args: argparse.Namespace, work: Path, results: dict[str, object]) -> None:
    """A first run of MEMORY_COUNT reports read in place from REPORTS."""
    if not args.reports:
        raise SystemExit("--memory-count needs --reports")
    inputs = work / "in-memory"
    shutil.rmtree(inputs, ignore_errors=True)
    inputs.mkdir(parents=True)
    chosen = report_files(args.reports)[:args.memory_count]
    for f in chosen:
        os.symlink(f.resolve(), inputs / f.name)  # links: the run reads the files where they are
    out = work / "out-memory"
    shutil.rmtree(out, ignore_errors=True)
    results["first_run_memory"] = m = ingest(args.python, inputs, out, args.jobs, work)
    m["reports"] = len(chosen)
    print(f"first run of {len(chosen)} reports: {m}", flush=True)


def reruns(args: argparse.Namespace, files: list[Path], small: Path, large: Path, work: Path,
           results: dict[str, object]) -> None:
    for name, inputs in (("first_run_small", small), ("first_run_large", large)):
        out = work / f"out-{name}"
        shutil.rmtree(out, ignore_errors=True)
        results[name] = m = ingest(args.python, inputs, out, args.jobs, work)
        print(f"{name} ({len(report_files(inputs))} reports): {m}", flush=True)
    out = work / "out-first_run_large"
    results["unchanged_rerun"] = m = ingest(args.python, large, out, args.jobs, work)
    print(f"unchanged re-run: {m}", flush=True)

    base = work / "out-before-change"  # OUT as the changed re-run finds it, for each trial
    shutil.rmtree(base, ignore_errors=True)
    if args.rerun_trials > 1:
        shutil.copytree(out, base)  # file times kept (copy2): OUT's spans of the CSVs stay valid

    # the first CHANGED reports replaced by reports of other content under the same names
    fresh = work / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    generate(args.changed, args.seed + 1000, fresh, args.formats)
    targets = [f for f in files if f.suffix == "." + args.formats.split(",")[0]][:args.changed]
    for new, old in zip(report_files(fresh), targets, strict=False):
        shutil.copy(new, old)
    results["rerun_changed"] = m = ingest(args.python, large, out, args.jobs, work)
    m["changed"] = len(targets)
    print(f"re-run after {len(targets)} changed: {m}", flush=True)
    pairs = [(m, ingest(args.python, large, out, args.jobs, work))] if args.rerun_trials > 1 else []
    for trial in range(1, args.rerun_trials):
        copy = work / f"out-trial-{trial}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(base, copy)
        changed_run = ingest(args.python, large, copy, args.jobs, work)
        pairs.append((changed_run, ingest(args.python, large, copy, args.jobs, work)))
        print(f"trial {trial}: changed {pairs[-1][0]}, unchanged {pairs[-1][1]}", flush=True)
        shutil.rmtree(copy, ignore_errors=True)
    shutil.rmtree(base, ignore_errors=True)
    first = results["first_run_large"]["seconds"]  # type: ignore[index]
    unchanged, changed = results["unchanged_rerun"]["seconds"], m["seconds"]  # type: ignore[index]
    if args.rerun_trials > 1:
        changed = statistics.median(c["seconds"] for c, _ in pairs)
        unchanged = statistics.median(u["seconds"] for _, u in pairs)
        results.update({"rerun_trials": [{"changed": c, "unchanged": u} for c, u in pairs],
                        "rerun_changed_median_seconds": changed, "unchanged_rerun_median_seconds": unchanged})
        print(f"medians of {len(pairs)} trials: changed {changed} s, unchanged {unchanged} s", flush=True)
    ratios = results.setdefault("ratios", {})
    assert isinstance(ratios, dict)
    ratios.update({
        "changed_over_unchanged": round(changed / unchanged, 2),
        "changed_over_first": round(changed / first, 3),
        "main_peak_large_over_small": round(results["first_run_large"]["main_peak_rss_mib"]  # type: ignore[index]
                                            / results["first_run_small"]["main_peak_rss_mib"], 2),  # type: ignore[index]
        "reports_large_over_small": round(len(files) / args.small, 2),
    })


if __name__ == "__main__":
    sys.exit(main())
