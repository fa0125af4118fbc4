"""Every folder of code under extractor/ is listed in pyproject's `packages`, so a wheel (not
only an editable checkout) holds it (the bug: readers/pdf/ became a package and was left out)."""
from __future__ import annotations

import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_every_code_folder_is_a_listed_package() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "extractor").rglob("__init__.py")}
    assert found - listed == set()
