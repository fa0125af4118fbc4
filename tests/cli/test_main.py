"""The command's own texts: argparse's usage and errors follow --lang; --quiet is accepted."""
from __future__ import annotations

import pytest

from extractor.cli.main import main


@pytest.mark.parametrize("lang, usage, error, missing", [
    ("vi", "cách dùng:", "lỗi:", "thiếu tham số bắt buộc"),
    ("en", "usage:", "error:", "the following arguments are required")])
def test_argparse_texts_follow_the_language(lang: str, usage: str, error: str, missing: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", lang, "ingest"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.startswith(usage) and f"ntm ingest: {error}" in err and missing in err


def test_invalid_choice_is_said_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "vi", "extract", "--format", "xml", "a.txt"])
    assert "lựa chọn không hợp lệ: 'xml'" in capsys.readouterr().err


def test_quiet_review_prints_nothing(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    from pathlib import Path

    report = Path(__file__).resolve().parents[2] / "corpus" / "luc-binh-2023.txt"
    assert main(["review", "--quiet", str(report), "-o", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
