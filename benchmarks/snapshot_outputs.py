"""Snapshot what the tool produces on corpus/, to show a refactor changed no behaviour.

    python -m benchmarks.snapshot_outputs DIR      # writes DIR/extract.jsonl and DIR/ingest/*.csv
    diff -r BEFORE AFTER                           # identical means behaviour unchanged

Paths are made relative to the repository so two checkouts compare equal. The held-out style
(corpus/**/heldout) is never shown: its records are kept only as one SHA-256 a document in
DIR/heldout.sha256, so a diff says whether they changed without showing what they say. The
retired held-out banks, corpus/audited*, are tuned splits: their records are shown like the
rest.
"""
from __future__ import annotations

import argparse
import hashlib
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SUFFIXES = {".txt", ".docx", ".pdf", ".doc"}


def corpus_files(heldout: bool = False) -> list[str]:
    """The reports of corpus/, without (or only) the held-out style's."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "corpus").rglob("*")
                  if p.suffix in SUFFIXES and not p.name.endswith(".gold.json")
                  and ("heldout" in p.relative_to(ROOT).parts) == heldout)


def main(out_dir: str) -> int:
    out = pathlib.Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    ntm = str(pathlib.Path(sys.executable).with_name("ntm"))
    with open(out / "extract.jsonl", "w", encoding="utf-8") as fh:
        subprocess.run([ntm, "extract", "--format", "jsonl", *corpus_files()], cwd=ROOT, stdout=fh,
                       check=False)
    with open(out / "heldout.sha256", "w", encoding="utf-8") as fh:
        for path in corpus_files(heldout=True):
            record = subprocess.run([ntm, "extract", "--format", "jsonl", path], cwd=ROOT,
                                    capture_output=True, check=False).stdout
            fh.write(hashlib.sha256(record).hexdigest() + "\n")
    ingest_out = out / "ingest"
    subprocess.run([ntm, "ingest", *corpus_files(), "-o", str(ingest_out)], cwd=ROOT, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # keep only the CSVs: the store and workbook carry timestamps
    for path in ingest_out.iterdir():
        if path.suffix != ".csv":
            if path.is_dir():
                continue
            path.unlink()
        else:
            text = path.read_text(encoding="utf-8").replace(str(ROOT) + "/", "")
            path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    # argparse, so that "--help" is help, not a folder to write into
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", nargs="?", default="benchmarks/results/snapshot")
    sys.exit(main(parser.parse_args().out_dir))
