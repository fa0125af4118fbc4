"""`ntm eval`: scoring rules, agreement with the reference scorer, and the accuracy floor."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import extractor.cli.main as cli
from extractor.core import i18n
from extractor.outputs.evaluate import (
    evaluate,
    flag_caught,
    norm,
    numbers_in,
    render_table,
    score_document,
    score_figures,
)
from tests.floors import assert_within_floor, summary_to_rates

ROOT = Path(__file__).resolve().parents[2]
SCORE_PY = ROOT.parent / "shared" / "eval" / "score.py"
TARGETS = [str(ROOT / "corpus"), str(ROOT / "corpus" / "generated")]
FLOOR = ROOT / "tests" / "accuracy_floor.json"


def fig(value: float, unit: str, total: float | None = None, optional: bool = False, text: str = "") -> dict:
    return {"value": value, "unit": unit, "total": total, "optional": optional, "text": text}


def test_numbers_in_reads_vietnamese_numbers() -> None:
    assert numbers_in("400 ngày công, 1.326,6 triệu") == {400.0, 1.3266}  # as the reference reads it
    assert numbers_in("2745,26 ha") == {2745.26}
    assert numbers_in("85.300.000đ") == {85300000.0}
    assert numbers_in("343.") == {343.0}


def test_norm_drops_admin_prefixes() -> None:
    assert norm("Xã Lục Bình") == norm("lục  bình") == "lục bình"
    assert norm("thành phố Bảo Lộc") == "bảo lộc"


def test_score_figures_rules() -> None:
    gold = [fig(12.1, "km", 12.6), fig(96, "percent"), fig(3, "count", optional=True)]
    pred = [fig(96, "percent"), fig(12.1, "km", None), fig(3, "count"), fig(7, "ha")]
    tp, fp, fn, missed, extra, matched = score_figures(gold, pred)
    assert (tp, fp, fn) == (1, 2, 1)  # the ratio lacks its total; "3" is ignored (optional)
    assert missed == [gold[0]] and {e["unit"] for e in extra} == {"km", "ha"}
    tp, fp, fn, *_ = score_figures(gold, pred, recall_only=True)
    assert (tp, fp, fn) == (2, 0, 0)


def test_flag_caught_needs_every_number() -> None:
    gold = {"kind": "conflicting_values", "must": True, "evidence": ["400 ngày công", "600 ngày công"]}
    assert flag_caught(gold, [{"message": "400 ≠ 600", "evidence": []}])
    assert flag_caught(gold, [{"message": "x", "evidence": [{"text": "400 ngày công"}, {"text": "600"}]}])
    assert not flag_caught(gold, [{"message": "400 ngày công", "evidence": []}])


def test_document_without_record_misses_everything() -> None:
    gold = {"figures": [fig(1, "km"), fig(2, "km", optional=True)], "criteria": {"met": [1], "unmet": []},
            "commune": "A", "flags": [{"kind": "x", "must": True, "evidence": ["1"]}]}
    ds = score_document("a.docx", gold, None, "cannot read")
    assert (ds.tp, ds.fn, ds.criteria_ok, ds.identity_n, ds.flags_n) == (0, 1, False, 0, 0)


def test_false_alarms_count_only_errors_and_warnings_matching_no_gold_flag() -> None:
    gold = {"figures": [], "flags": [{"kind": "k", "must": False, "evidence": ["76 hộ", "81 hộ"]}]}
    record = {"figures": [], "flags": [
        {"severity": "warning", "message": "76 vs 81", "evidence": []},
        {"severity": "error", "message": "5 vs 9", "evidence": []},
        {"severity": "info", "message": "1 vs 2", "evidence": []}]}
    assert score_document("a.docx", gold, record).false_alarms == 1


@pytest.fixture(scope="module")
def evaluation():  # noqa: ANN201 - one extraction of the committed corpus for the tests below
    return evaluate(TARGETS)


def test_eval_covers_the_committed_corpus(evaluation) -> None:  # noqa: ANN001
    s = evaluation.summary()
    assert s["docs"] >= 61  # the sample (txt, docx, pdf) and >= 30 generated reports in docx and pdf
    assert set(evaluation.per_unit()) >= {"km", "ha", "VND", "percent", "household", "village"}
    table = render_table(evaluation)
    assert "TỔNG CỘNG" in table and "luc-binh-2023.txt" in table


def _summary_numbers(line: str) -> dict[str, str]:
    return dict(re.findall(r"(\w+)=([\d./]+)", line))


@pytest.mark.skipif(not SCORE_PY.exists(), reason="reference scorer ../shared/eval/score.py absent")
def test_agrees_with_reference_scorer(evaluation, tmp_path: Path) -> None:  # noqa: ANN001
    """Both scorers read the same records (extracted once, in-process): the numbers must match,
    per document and overall."""
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                               for r in evaluation.records.values()), encoding="utf-8")
    cat = tmp_path / "cat.py"
    cat.write_text("import sys\nsys.stdout.write(open(sys.argv[1], encoding='utf-8').read())\n")
    proc = subprocess.run([sys.executable, str(SCORE_PY), "--cmd", f"{sys.executable} {cat} {records}",
                           *TARGETS], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    theirs = _summary_numbers(lines[-1])
    s = evaluation.summary()
    ours = {"docs": str(s["docs"]), "no_record": str(s["no_record"]),
            "P": f"{s['figures']['precision']:.3f}", "R": f"{s['figures']['recall']:.3f}",
            "F1": f"{s['figures']['f1']:.3f}", "criteria": f"{s['criteria']['exact']}/{s['criteria']['of']}",
            "metadata": f"{s['identity']['correct']}/{s['identity']['of']}",
            "flags": f"{s['flags']['caught']}/{s['flags']['of']}",
            "unmatched_flags": str(s["flags"]["false_alarms"])}
    assert {k: theirs.get(k) for k in ours} == ours
    per_doc = {m.group(1): m.groups()[1:] for m in (
        re.match(r"(\S+): figures tp=(\d+) fp=(\d+) fn=(\d+).* flags=(\d+)/(\d+) unmatched_flags=(\d+)", ln)
        for ln in lines) if m}
    for d in evaluation.documents:
        if d.has_record and not d.recall_only:
            assert per_doc[d.name] == tuple(map(str, (d.tp, d.fp, d.fn, d.flags_caught, d.flags_n,
                                                      d.false_alarms))), d.name


def test_accuracy_does_not_fall_below_the_floor(evaluation) -> None:  # noqa: ANN001
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    s = evaluation.summary()
    assert_within_floor(summary_to_rates(s), floor)


def test_cli_json_and_english_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sample = str(ROOT / "corpus" / "luc-binh-2023.txt")
    out_file = tmp_path / "eval.json"
    assert cli.main(["eval", sample, "--format", "json", "--json", str(out_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["docs"] == 1 and json.loads(out_file.read_text(encoding="utf-8")) == data
    try:
        assert cli.main(["--lang", "en", "eval", sample]) == 0
        out = capsys.readouterr().out
        assert "Precision" in out and "OVERALL" in out and "SUMMARY docs=1" in out
    finally:
        i18n.set_language(None)


def test_cli_reports_missing_paths(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main(["eval", str(tmp_path / "nowhere")]) == 2
    assert cli.main(["eval", str(tmp_path)]) == 2
    assert "gold" in capsys.readouterr().err


def test_a_bad_gold_file_is_reported_and_its_document_skipped(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    for stem in ("hong", "danh-sach", "tot"):
        (tmp_path / f"{stem}.txt").write_text("Báo cáo xã A", encoding="utf-8")
    (tmp_path / "hong.gold.json").write_text('{"figures": [', encoding="utf-8")  # malformed JSON
    (tmp_path / "danh-sach.gold.json").write_text("[1, 2]", encoding="utf-8")  # not an object
    (tmp_path / "tot.gold.json").write_text('{"figures": [], "commune": "A"}', encoding="utf-8")
    with i18n.language_set("en"):
        ev = evaluate([str(tmp_path)], extractor=lambda p: {"commune": "A", "figures": [], "flags": []})
    assert [d.name for d in ev.documents] == ["tot.txt"]
    err = capsys.readouterr().err
    assert f"{tmp_path / 'hong.gold.json'}: not valid JSON" in err
    assert f"{tmp_path / 'danh-sach.gold.json'}: must be a JSON object" in err and "not list" in err
    assert err.count("danh-sach.gold.json") == 1  # reported once, not per loop over the folder
    # the command carries on with the good document
    assert cli.main(["eval", str(tmp_path / "hong.txt"), str(tmp_path / "tot.txt")]) == 0
    assert "hong.gold.json" in capsys.readouterr().err
