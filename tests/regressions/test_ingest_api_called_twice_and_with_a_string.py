"""`extractor.ingest(path, out)` works on every call of a session, with a `str` or a `Path`.

The bug: the lazy wrapper `extractor.ingest` imported the submodule `extractor.ingest`, which
rebinds that name to the module, so the next call (or any call once something had imported the
submodule) raised `TypeError: 'module' object is not callable`."""
from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copyfile(SAMPLE, src / SAMPLE.name)
    return src


def test_ingest_api_called_twice_in_a_fresh_session(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    script = (
        "import sys, pathlib, extractor\n"
        "src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])\n"
        "first = extractor.ingest(src, out / 'a', jobs=1)\n"
        "second = extractor.ingest(src, out / 'b', jobs=1)\n"
        "print(len(first['communes']), len(second['communes']))\n")
    proc = subprocess.run([sys.executable, "-c", script, str(src), str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["1", "1"]


def test_ingest_api_with_a_string_path_after_the_package_is_imported(tmp_path: Path) -> None:
    import extractor

    importlib.import_module("extractor.ingest")  # as any earlier run or import in the session does
    src = _folder(tmp_path)
    tables = extractor.ingest(str(src), str(tmp_path / "out"), jobs=1)
    assert tables["communes"]["file"].tolist() == [str((src / SAMPLE.name).resolve())]
    again = extractor.ingest([src], tmp_path / "out", jobs=1)  # a list of Paths, same store
    assert again["communes"]["file"].tolist() == tables["communes"]["file"].tolist()
