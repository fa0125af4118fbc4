"""The message language was one value for the whole process: a Dask worker reading reports in
threads sets Vietnamese for the stored messages and English for a review page's head, so one
thread's `language_set` changed the language another thread was writing in. The run's
language (`set_language`, the CLI's --lang) is every thread's; `language_set` holds only in
its own thread or task."""
from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from extractor.core import i18n


@pytest.fixture(autouse=True)
def run_language() -> Iterator[None]:
    saved = i18n._language
    yield
    i18n.set_language(saved)


def test_a_block_in_one_thread_leaves_the_others_language() -> None:
    i18n.set_language("en")
    inside, release = threading.Event(), threading.Event()
    seen: list[str] = []

    def reader() -> None:
        seen.append(i18n.language())  # the run's language reaches a new thread
        with i18n.language_set("vi"):
            inside.set()
            release.wait(5)
            seen.append(i18n.language())

    thread = threading.Thread(target=reader)
    thread.start()
    assert inside.wait(5)
    during = i18n.language()
    release.set()
    thread.join(5)
    assert (during, seen) == ("en", ["en", "vi"])


def test_the_language_before_a_block_comes_back_after_it() -> None:
    i18n.set_language("vi")
    with i18n.language_set("en"):
        with i18n.language_set(None):  # None: the run's language
            assert i18n.language() == "vi"
        assert i18n.language() == "en"
    assert i18n.language() == "vi"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("fr")
    with pytest.raises(ValueError), i18n.language_set("fr"):
        pass
