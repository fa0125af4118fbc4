"""What every benchmark shares: the repository root and a best-of-N timer."""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best_of(repeat: int, run: Callable[[], object],
            clock: Callable[[], float] = time.perf_counter) -> float:
    """The fastest of `repeat` runs, in seconds of `clock`: the least disturbed by a shared
    machine. With `time.process_time` it is this process's CPU time, which on a machine shared
    with other jobs measures this work apart from the share of the cores it obtained."""
    times = []
    for _ in range(repeat):
        start = clock()
        run()
        times.append(clock() - start)
    return min(times)


def bytecode_env(cache: Path) -> dict[str, str]:
    """As an installed tool runs: with its modules' bytecode and its parsed data files cached.
    The warm-up run writes them under `cache` (a temporary folder), never next to the sources
    or in the user's cache."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    from extractor.core.data import CACHE_ENV

    env[CACHE_ENV] = str(cache / "data")
    return env
