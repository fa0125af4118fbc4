"""Figures of reports typed without tone marks (issue 12): the generated corpus scored twice in
one run, as written and with every block's marks stripped (NFD, combining marks dropped, "đ"
as "d": `strip_diacritics`), by `ntm eval`'s rules (extractor.outputs.evaluate).

    .venv/bin/python -m benchmarks.bench_unmarked [--only-d] [--cpu] [DIR ...]

`--only-d` strips "đ" to "d" alone (the other typing slip of issue 12). `--cpu` also times
the figures stage on both readings (CPU, best of 3). Never run on corpus/heldout/.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from benchmarks.common import ROOT, best_of
from extractor.core.model import Document
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.extract.figures import outline_to_figures
from extractor.outputs.evaluate import collect, evaluate
from extractor.pipeline import document_to_record
from extractor.readers import read_document
from extractor.structure.outline import document_to_outline
from extractor.text.fold import strip_diacritics

Strip = Callable[[str], str]


def _only_d(text: str) -> str:
    return text.replace("đ", "d").replace("Đ", "D")


def document_to_stripped(doc: Document, strip: Strip) -> Document:
    """The document with every block's text stripped (the same blocks, cells and pages)."""
    return replace(doc, blocks=[replace(b, text=strip(b.text)) for b in doc.blocks])


def _extractor(strip: Strip | None) -> Callable[[pathlib.Path], dict[str, Any]]:
    def run(path: pathlib.Path) -> dict[str, Any]:
        doc = read_document(path, DEFAULT_SETTINGS)
        if strip is not None:
            doc = document_to_stripped(doc, strip)
        return document_to_record(doc, DEFAULT_SETTINGS).to_json()
    return run


def _figures_cpu(paths: list[pathlib.Path], strip: Strip | None) -> float:
    """CPU seconds of the figures stage over every document (outlines made beforehand)."""
    docs = [read_document(p, DEFAULT_SETTINGS) for p in paths]
    outlines = [document_to_outline(document_to_stripped(d, strip) if strip else d) for d in docs]
    for o in outlines:
        _ = o.unmarked  # a property computed once per outline: not the figures stage's cost

    def run() -> None:
        for o in outlines:
            outline_to_figures(o, DEFAULT_SETTINGS)
    return best_of(3, run, time.process_time)


def _summary(name: str, ev: Any) -> dict[str, Any]:
    s = ev.summary()
    f = s["figures"]
    print(f"{name:9s} figures P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f} "
          f"(tp {f['tp']}, fp {f['fp']}, fn {f['fn']}); criteria {s['criteria']['exact']}/{s['criteria']['of']}; "
          f"identity {s['identity']['correct']}/{s['identity']['of']}")
    units = ", ".join(f"{u} {v['f1']:.2f}" for u, v in ev.per_unit().items())
    print(f"{'':9s} F1 per unit: {units}")
    return {"figures": f, "per_unit": ev.per_unit()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", default=[str(ROOT / "corpus" / "generated")])
    parser.add_argument("--only-d", action="store_true", help='strip "đ" to "d" only')
    parser.add_argument("--cpu", action="store_true", help="time the figures stage on both readings")
    args = parser.parse_args()
    if any("heldout" in t for t in args.targets):
        parser.error("held-out documents are measured by the lead only")
    strip: Strip = _only_d if args.only_d else strip_diacritics
    result = {"marked": _summary("marked", evaluate(args.targets, _extractor(None))),
              "unmarked": _summary("unmarked", evaluate(args.targets, _extractor(strip)))}
    if args.cpu:
        paths, _ = collect(args.targets)
        marked, unmarked = _figures_cpu(paths, None), _figures_cpu(paths, strip)
        print(f"figures stage CPU: marked {marked * 1000:.0f} ms, unmarked {unmarked * 1000:.0f} ms "
              f"({len(paths)} documents)")
        result["cpu_ms"] = {"marked": marked * 1000, "unmarked": unmarked * 1000}
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_unmarked.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
