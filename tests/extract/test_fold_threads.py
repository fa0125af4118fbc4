"""Regression (reviewer's report): a Dask worker reads reports in threads. While one thread
reads a report typed without tone marks, another reading a marked report meanwhile must not
hand it the marked vocabularies (nor take the folded ones): no cache in front of a reading may
ignore the reading its caller is in."""
from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from extractor.extract.criteria.counts import digit_view
from extractor.extract.criteria.grammar import text_to_statuses
from extractor.extract.criteria.prose import _heading_numbers
from extractor.text.fold import reading_unmarked
from extractor.text.spelled import number_words


def _read_side_by_side(reading: Callable[[bool], AbstractContextManager[Any]],
                       read: Callable[[], Any]) -> tuple[Any, Any]:
    """`read` in a thread inside the unmarked reading, called after another thread, started
    once the first is inside, has called it as written: (unmarked's result, marked's result)."""
    inside, marked_read = threading.Event(), threading.Event()
    results: dict[str, Any] = {}

    def unmarked_report() -> None:
        with reading(True):
            read()  # the reading's values made and in use
            inside.set()
            assert marked_read.wait(10)
            results["unmarked"] = read()

    def marked_report() -> None:
        assert inside.wait(10)
        results["marked"] = read()
        marked_read.set()

    threads = [threading.Thread(target=unmarked_report), threading.Thread(target=marked_report)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    return results["unmarked"], results["marked"]


def test_the_figures_fold_holds_while_another_thread_reads_a_marked_report() -> None:
    unmarked, marked = _read_side_by_side(reading_unmarked, lambda: set(number_words().digits))
    assert "mot" in unmarked and "một" not in unmarked
    assert "một" in marked and "mot" not in marked


def test_the_criteria_fold_holds_while_another_thread_reads_a_marked_report() -> None:
    def statuses() -> tuple[int, int]:
        return len(text_to_statuses("Xã đã đạt chuẩn")), len(text_to_statuses("Xa da dat chuan"))

    unmarked, marked = _read_side_by_side(reading_unmarked, statuses)
    assert unmarked == (0, 1)
    assert marked == (1, 0)


def test_spelled_counts_of_a_marked_report_are_read_after_an_unmarked_one() -> None:
    """The spelled-count pattern was cached once for every reading: the first report read
    decided it for the rest of the process."""
    with reading_unmarked(True):
        digit_view("Xa dat muoi bay tieu chi")
    assert digit_view("Xã đạt mười bảy tiêu chí") == "Xã đạt " + "17".ljust(len("mười bảy")) + " tiêu chí"


def test_a_heading_is_read_in_the_reading_of_its_report() -> None:
    """The criterion a heading names was cached by its text alone: an unmarked heading read
    first in a marked report (naming none) named none in an unmarked report after it."""
    heading = "Tieu chi so 5 - Truong hoc"
    assert _heading_numbers(heading, 19) == frozenset()
    with reading_unmarked(True):
        assert _heading_numbers(heading, 19) == {5}
