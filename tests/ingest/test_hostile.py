"""`ntm ingest` on a hostile folder (tests/ingest/hostile.py): the whole run in under a minute
with under 1 GB peak memory, every file accounted for with its reason, the valid reports fully
read, outputs valid UTF-8 with formulas neutralised and nothing read through an entity."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extractor.cli.main import EXIT_SOME_FAILED
from extractor.core.names import display_name
from tests.ingest.hostile import EXPECTED, make_hostile

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("communes", "criteria", "indicators", "figures", "flags", "errors")

# Runs one command; prints its exit code and the peak RSS of its largest process (KiB),
# the main process or any worker it waited for.
_WRAPPER = ("import resource, subprocess, sys, json, time; t = time.perf_counter(); "
            "p = subprocess.run(sys.argv[1:], capture_output=True); "
            "print(json.dumps({'rc': p.returncode, 's': time.perf_counter() - t, "
            "'kib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
            "'out': p.stdout.decode('utf-8'), 'err': p.stderr.decode('utf-8')}))")


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile")
    made = make_hostile(root / "in")
    out = root / "out"
    cmd = [sys.executable, "-m", "extractor.cli.main", "--lang", "en", "ingest", str(root / "in"),
           "-o", str(out), "--jobs", "2"]
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=True)
    return made, out, json.loads(proc.stdout)


def test_hostile_folder_in_a_minute_and_under_1_gb(hostile_run) -> None:
    _, _, run = hostile_run
    assert run["rc"] == EXIT_SOME_FAILED, run["err"]
    assert run["s"] < 60, run["s"]
    assert run["kib"] < 1024 * 1024, run["kib"]
    assert "Traceback" not in run["err"]


def test_every_file_is_accounted_for_with_its_reason(hostile_run) -> None:
    made, out, run = hostile_run
    conn = sqlite3.connect(out / "ntm.sqlite")
    rows = {r[0]: r[1:] for r in conn.execute(
        "SELECT path, status, error_code, format, path_bytes FROM documents WHERE present = 1")}
    conn.close()
    on_disk = {display_name(os.path.join(top, n)) for top, _, files in os.walk(made["valid_docx"].parent)
               for n in files}
    assert set(rows) == on_disk == {display_name(p) for p in made.values()}
    for what, (status, code) in EXPECTED.items():
        got = rows[display_name(made[what])]
        assert got[0] == status, (what, got)
        if code is not None:
            assert got[1] == code, (what, got)
    assert rows[display_name(made["jpeg_named_pdf"])][2] == "jpeg"  # the bytes, not the name
    assert rows[display_name(made["spreadsheet"])][2] == "xlsx"
    assert rows[display_name(made["valid_non_utf8_name"])][3] == os.fsencode(made["valid_non_utf8_name"])

    communes = pd.read_csv(out / "communes.csv", encoding="utf-8-sig")
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig")
    # a report in several files is one communes row listing them all (issue 14)
    assert sum(len(f.split("; ")) for f in communes["files"]) + len(errors) == len(on_disk)
    assert {f for fs in communes["files"] for f in fs.split("; ")} | set(errors["file"]) == on_disk
    # the summary's counts add up to the files on disk
    read, failed, unchanged, duplicates, other, gone = map(int, re.findall(r"\d+", run["out"].splitlines()[1]))
    assert read + failed + unchanged + duplicates + other == len(on_disk) and gone == 0
    assert f"Found {len(on_disk)} files." in run["out"]


def test_valid_reports_fully_read_and_outputs_safe(hostile_run) -> None:
    made, out, _ = hostile_run
    communes = pd.read_csv(out / "communes.csv", encoding="utf-8-sig")
    valid = [display_name(made[w]) for w, (status, _) in EXPECTED.items() if status == "ok"]
    # copies of one report are one row listing every file (issue 14)
    assert sorted(f for fs in communes["files"] for f in fs.split("; ")) == sorted(valid)
    assert (communes["commune"] == "Lục Bình").all() and (communes["criteria_met_count"] > 0).all()
    for t in TABLES:
        data = (out / f"{t}.csv").read_bytes()
        text = data.decode("utf-8")  # strictly valid UTF-8, the non-UTF-8 name included
        assert "root:x:0" not in text  # the external entity read nothing
        for line in text.splitlines():
            for cell in line.split(","):
                assert not cell.strip('"').startswith("=HYPERLINK"), (t, line)
    assert "b\\xe1o-c\\xe1o-2.txt" in (out / "communes.csv").read_text(encoding="utf-8-sig")
