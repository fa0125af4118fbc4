"""The progress of an ingest run: on a terminal one bar line, redrawn in place, with the count,
the elapsed time, an estimate of the time left and the current file; messages printed during
the run clear the bar, print and redraw it, so a long line never leaves a broken bar behind.
Off a terminal (a log), one plain line per file."""
from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extractor.core import i18n

_BAR_CELLS = 20


def duration_text(seconds: float) -> str:
    """`m:ss`, or `h:mm:ss` from an hour on: short enough for a bar line."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Counts files as they are read and shows it: a bar on a terminal, lines otherwise.
    `verbose` adds a line per file on a terminal too (above the bar)."""

    def __init__(self, total: int, stream: Any = None, enabled: bool = True, *, verbose: bool = False,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.verbose = verbose
        self.tty = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self._clock = clock
        self._start = clock()
        self._drawn = False  # a bar is on the current terminal line
        self._current = ""

    def _width(self) -> int:
        return shutil.get_terminal_size((80, 20)).columns

    def bar_text(self) -> str:
        """The bar line: cells, count, elapsed time, time left (once a file is done), file."""
        elapsed = self._clock() - self._start
        filled = int(_BAR_CELLS * self.done / max(1, self.total))
        cells = f"[{'#' * filled}{'.' * (_BAR_CELLS - filled)}]"
        if self.done and self.done < self.total:
            left = elapsed / self.done * (self.total - self.done)
            timing = i18n.t("ingest", "progress_timing_eta", elapsed=duration_text(elapsed),
                            eta=duration_text(left))
        else:
            timing = i18n.t("ingest", "progress_timing", elapsed=duration_text(elapsed))
        return f"{cells} {self.done}/{self.total} {timing} {self._current}".rstrip()

    def _draw(self) -> None:
        width = self._width()
        line = self.bar_text()[: max(10, width - 1)]
        self.stream.write("\r" + line.ljust(width - 1))
        self._drawn = True

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * (self._width() - 1) + "\r")
            self._drawn = False

    def message(self, line: str) -> None:
        """Print a whole line during the run (an error, a notice) without breaking the bar."""
        if self.tty:
            self._clear()
            self.stream.write(line + "\n")
            if self.done:
                self._draw()
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def advance(self, path: str, ok: bool) -> None:
        self.done += 1
        if not self.enabled:
            return
        line = i18n.t("ingest", "progress_ok" if ok else "progress_failed",
                      done=self.done, total=self.total, path=path)
        if self.tty:
            self._current = Path(path).name
            if self.verbose:
                self._clear()
                self.stream.write(line + "\n")
            self._draw()
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the bar with its final state (count and total time) on its own line."""
        if self.enabled and self.tty and self.total:
            self._current = ""
            self._draw()
            self.stream.write("\n")
            self._drawn = False
            self.stream.flush()
