"""ntm-extractor: read Vietnamese New Rural Development (nông thôn mới) commune reports."""
from __future__ import annotations

from extractor.core.version import __version__

__all__ = ["__version__", "extract", "ingest"]


def extract(path, settings=None):  # noqa: ANN001, ANN201 - thin lazy wrapper
    """Read one report and return its `Record` (see extractor.pipeline.extract)."""
    from extractor.core.settings import DEFAULT_SETTINGS
    from extractor.pipeline import extract as _extract

    return _extract(path, settings or DEFAULT_SETTINGS)


def ingest(paths, out, **options):  # noqa: ANN001, ANN201, ANN003
    """Ingest files and folders (a path or a list of them) into OUT; returns the consolidated
    tables as DataFrames. Once the package `extractor.ingest` is imported it takes this name,
    and is callable the same way (see extractor/ingest/__init__.py)."""
    from extractor.ingest.run import ingest as _ingest

    return _ingest(paths, out, **options)
