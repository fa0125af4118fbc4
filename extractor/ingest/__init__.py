"""Ingest: folders of reports read into the store (plan, workers, stamps, run); `ingest()` is the API."""
from __future__ import annotations

import sys
import types
from typing import Any

from extractor.ingest.run import ingest

__all__ = ["ingest"]


class _CallableModule(types.ModuleType):
    """Importing this package rebinds the name `extractor.ingest` from the API function to the
    package, so the package itself answers `extractor.ingest(paths, out, ...)`."""

    def __call__(self, paths: Any, out: Any, **options: Any) -> dict[str, Any]:
        return ingest(paths, out, **options)


sys.modules[__name__].__class__ = _CallableModule
