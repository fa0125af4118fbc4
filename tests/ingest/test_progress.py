"""The progress shown while ingesting: a bar redrawn in place on a terminal with the elapsed
time and the time left, messages that never break it, and plain lines in a log."""
from __future__ import annotations

import io

import pytest

from extractor.core import i18n
from extractor.ingest.progress import Progress, duration_text


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")


def _screen(text: str) -> list[str]:
    """What a terminal shows: '\\r' returns to the line start, later text overwrites."""
    lines, col = [[]], 0
    for ch in text:
        if ch == "\r":
            col = 0
        elif ch == "\n":
            lines.append([])
            col = 0
        else:
            row = lines[-1]
            row[col:col + 1] = [ch]
            col += 1
    shown = ["".join(row).rstrip() for row in lines]
    while shown and not shown[-1]:
        shown.pop()
    return shown


def test_duration_text() -> None:
    assert duration_text(0) == "0:00"
    assert duration_text(65.4) == "1:05"
    assert duration_text(3725) == "1:02:05"


def test_bar_shows_count_elapsed_time_left_and_the_current_file() -> None:
    stream, clock = _Tty(), _Clock()
    with i18n.language_set("en"):
        bar = Progress(4, stream, clock=clock)
        clock.now += 30
        bar.advance("/a/b/bao-cao-xa-a.docx", True)
        text = bar.bar_text()
    # one file in 30 s, three left: about 1:30 left
    assert "1/4" in text and "0:30" in text and "about 1:30 left" in text and "bao-cao-xa-a.docx" in text
    assert stream.getvalue().startswith("\r[")


def test_estimate_follows_the_pace_and_the_last_line_has_the_total_time() -> None:
    stream, clock = _Tty(), _Clock()
    with i18n.language_set("vi"):
        bar = Progress(3, stream, clock=clock)
        for _ in range(2):
            clock.now += 10
            bar.advance("/x.txt", True)
        assert "còn khoảng 0:10" in bar.bar_text()
        clock.now += 10
        bar.advance("/y.txt", True)
        assert "còn khoảng" not in bar.bar_text()  # nothing left to estimate
        bar.close()
    screen = _screen(stream.getvalue())
    assert len(screen) == 1 and "3/3 · 0:30" in screen[0]


def test_a_message_during_the_run_clears_the_bar_prints_and_redraws_it() -> None:
    stream, clock = _Tty(), _Clock()
    long_error = "Không đọc được /thư mục/rất/dài/" + "x" * 300 + ".pdf: tệp hỏng"
    with i18n.language_set("vi"):
        bar = Progress(3, stream, clock=clock)
        bar.advance("/a.docx", True)
        bar.advance("/b.pdf", False)
        bar.message(long_error)
        bar.advance("/c.docx", True)
        bar.close()
    screen = _screen(stream.getvalue())
    # the error on its own line, whole; then a single bar line; no stale bar left behind
    assert screen[0] == long_error
    assert len(screen) == 2 and screen[1].startswith("[") and "3/3" in screen[1]


def test_verbose_prints_a_line_per_file_above_the_bar() -> None:
    stream = _Tty()
    with i18n.language_set("en"):
        bar = Progress(2, stream, verbose=True)
        bar.advance("/a/x.txt", True)
        bar.advance("/a/y.txt", False)
        bar.close()
    screen = _screen(stream.getvalue())
    assert screen[0] == "[1/2] read /a/x.txt" and screen[1] == "[2/2] unreadable /a/y.txt"
    assert len(screen) == 3 and "2/2" in screen[2]


def test_progress_off_a_terminal_is_plain_lines() -> None:
    stream = io.StringIO()
    bar = Progress(2, stream)
    bar.advance("/a/x.txt", True)
    bar.message("a notice")
    bar.advance("/a/y.txt", False)
    bar.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3 and lines[0].startswith("[1/2]") and lines[1] == "a notice" and "/a/y.txt" in lines[2]
    assert "\r" not in stream.getvalue()


def test_disabled_progress_prints_nothing() -> None:
    stream = _Tty()
    bar = Progress(2, stream, enabled=False)
    bar.advance("/a/x.txt", True)
    bar.close()
    assert stream.getvalue() == ""
