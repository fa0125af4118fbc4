"""The one batch loop: files under the named paths, each read in turn, a bad one reported and
counted without stopping the others. `ntm extract`, `ntm review`, ingest's planning and its
workers share it."""
from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import TypeVar

from extractor.core import i18n
from extractor.core.errors import ExitCode, ReadError
from extractor.core.names import display_name
from extractor.readers import SUPPORTED_SUFFIXES

T = TypeVar("T")
P = TypeVar("P", str, Path)


def paths_to_files(paths: list[str], skipped: Counter[str]) -> Iterator[Path]:
    """Files named on the command line as they are; folders walked (`paths_to_entries`) for
    supported suffixes, every other entry counted in `skipped` by its suffix so that the batch
    can say what it left unread (answer files *.gold.json among them)."""
    named = {Path(raw) for raw in paths}
    for f in paths_to_entries(paths):
        if f in named or f.suffix.lower() in SUPPORTED_SUFFIXES:
            yield f
        else:
            skipped[f.suffix.lower() or "-"] += 1


def paths_to_entries(paths: list[str], exclude: Collection[Path] = ()) -> Iterator[Path]:
    """Every entry under the named paths that is not a folder, whatever its kind (ingest
    accounts for each one: read, skipped or failed). Named paths come as they are; folders
    are walked without following links to folders (a link loop cannot trap the walk), and a
    folder in `exclude` (the output folder inside an input folder) is left out."""
    skip = {os.path.realpath(e) for e in exclude}
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            yield p
            continue
        for top, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if os.path.realpath(os.path.join(top, d)) not in skip
                             and not os.path.islink(os.path.join(top, d)))
            for name in sorted(files):
                yield Path(top, name)


class BatchOutcome:
    """How a batch over files went, for the exit code. A plain class (a dataclass costs
    ~0.25 ms of every start to create)."""

    def __init__(self, paths: list[str], ok: int = 0, failed: int = 0) -> None:
        self.paths = paths
        self.ok = ok
        self.failed = failed

    def exit_code(self) -> int:
        if self.ok == 0 and self.failed == 0:
            print(i18n.t("cli", "no_files", paths=", ".join(self.paths)), file=sys.stderr)
            return ExitCode.ALL_FAILED
        if self.failed:
            return ExitCode.ALL_FAILED if self.ok == 0 else ExitCode.SOME_FAILED
        return ExitCode.OK


def read_or_error(f: P, handle: Callable[[P], T]) -> T | ReadError:
    """`handle(f)`, or the ReadError saying why it failed: any other exception becomes an
    `internal_error` naming it, so one bad file never stops the batch."""
    try:
        return handle(f)
    except ReadError as err:
        return err
    except Exception as err:  # noqa: BLE001 - one bad file never stops the batch
        return ReadError(str(f), "internal_error", f"{type(err).__name__}: {err}")


def each_read(paths: list[str], outcome: BatchOutcome, handle: Callable[[Path], T]) -> Iterator[tuple[Path, T]]:
    """`handle(file)` for every file under `paths`; a file that fails is reported on stderr
    with its name and reason and counted, and the batch goes on. The file comes back under
    its display name (extractor.core.names), to name outputs after it."""
    skipped: Counter[str] = Counter()
    for f in paths_to_files(paths, skipped):
        result = read_or_error(f, handle)
        if isinstance(result, ReadError):
            outcome.failed += 1
            print(i18n.t("cli", "read_failed", message=result.message()), file=sys.stderr)
            continue
        outcome.ok += 1
        yield Path(display_name(f)), result  # a name that any writer takes (core.names)
    if skipped:
        kinds = ", ".join(f"{suffix} {n}" for suffix, n in sorted(skipped.items()))
        print(i18n.t("cli", "skipped_suffixes", count=sum(skipped.values()), kinds=kinds), file=sys.stderr)
