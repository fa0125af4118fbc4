"""Documents per second of `ntm ingest` on the local process pool against a local Dask cluster
(`--executor dask-local`), on the same generated reports, and Dask's overhead per document.

    python -m benchmarks.bench_dask [--count 1000] [--formats txt] [--jobs 2]

Both runs start from an empty store, each in a fresh process with the same --jobs (pool
processes, or Dask worker processes of one thread). The Dask time includes starting and
stopping the local cluster, as a user's run does; overhead per document is
(dask seconds - local seconds) / documents. Results go to benchmarks/results/dask.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_ingest import make_reports, measure
from benchmarks.common import ROOT


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--formats", default="txt")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=2025)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    try:
        inputs = work / "in"
        make_reports(inputs, args.count, args.formats, args.seed)
        docs = sum(1 for p in inputs.rglob("*") if p.is_file())
        ntm = [sys.executable, "-m", "extractor.cli.main", "ingest", str(inputs), "--jobs", str(args.jobs)]
        results: dict[str, object] = {"documents": docs, "jobs": args.jobs, "formats": args.formats}
        for name, extra in (("local_pool", []), ("dask_local", ["--executor", "dask-local"])):
            m = measure([*ntm, "-o", str(work / name), *extra])
            m["docs_per_second"] = round(docs / m["seconds"], 2)
            results[name] = m
            print(f"{name}: {m['seconds']} s, {m['docs_per_second']} docs/s, peak {m['peak_rss_mib']} MiB",
                  flush=True)
        same = all((work / "local_pool" / f"{t}.csv").read_bytes() == (work / "dask_local" / f"{t}.csv").read_bytes()
                   for t in ("communes", "criteria", "indicators", "figures", "flags", "errors"))
        local, dask = results["local_pool"], results["dask_local"]
        overhead = (dask["seconds"] - local["seconds"]) / docs  # type: ignore[index,operator]
        results["dask_overhead_ms_per_document"] = round(1000 * overhead, 1)
        results["identical_outputs"] = same
        print(f"Dask overhead: {results['dask_overhead_ms_per_document']} ms per document; "
              f"identical outputs: {same}", flush=True)
        target = ROOT / "benchmarks" / "results"
        target.mkdir(parents=True, exist_ok=True)
        (target / "dask.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
