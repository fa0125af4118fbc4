"""The ingest run (extractor.ingest.run): re-runs over changed folders, the committed corpus
against its gold, the API's tables, progress, summary and exit code."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from extractor.core.errors import ExitCode, reason
from extractor.ingest.prepare import record_is_report
from extractor.ingest.run import RunStats, run_ingest, summary_lines
from extractor.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"
TABLES = ("communes", "criteria", "indicators", "figures", "flags", "errors")


def _variant(path: Path, note: int) -> Path:
    """The sample report with a note appended: another file with other bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SAMPLE.read_text(encoding="utf-8") + f"\nGhi chú số {note}.\n", encoding="utf-8")
    return path


def test_changed_added_and_removed_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    a, b = _variant(src / "a.txt", 1), _variant(src / "b.txt", 2)
    out = tmp_path / "out"
    _, first = run_ingest([str(src)], out, jobs=1)
    assert first.read == 2 and first.exit_code() == ExitCode.OK
    _variant(a, 3)  # changed content
    b.unlink()  # gone
    c = _variant(src / "c.txt", 4)  # new
    tables, second = run_ingest([str(src)], out, jobs=1)
    assert (second.read, second.skipped, second.missing) == (2, 0, 1)
    listed = [f for fs in tables["communes"]["files"] for f in fs.split("; ")]  # copies: one row (issue 14)
    assert sorted(listed) == sorted([str(a.resolve()), str(c.resolve())])
    with sqlite3.connect(out / "ntm.sqlite") as conn:
        rows = dict(conn.execute("SELECT path, present FROM documents").fetchall())
    assert rows[str(b.resolve())] == 0


# -- the committed corpus against its gold -------------------------------------------------

# The sample report and the main generated split: the reader is held to their gold exactly.
# The held-out split (corpus/heldout) is only measured (`ntm eval`, tests/test_accuracy_floor.py),
# never tuned on, so it is not read here (corpus/README.md, the held-out rule).
MAIN_SPLIT = [ROOT / "corpus" / "generated", *sorted((ROOT / "corpus").glob("luc-binh-2023.*"))]


def _gold_files() -> list[Path]:
    return sorted(p for place in MAIN_SPLIT for p in (place.glob("*.gold.json") if place.is_dir() else [place])
                  if p.name.endswith(".gold.json"))


@pytest.fixture(scope="module")
def corpus_tables(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("corpus-out")
    reports = [str(p) for p in MAIN_SPLIT if not p.name.endswith(".gold.json")]
    tables, stats = run_ingest(reports, out, jobs=2)
    return out, tables


def _documents_of(gold_path: Path, column: pd.Series) -> pd.Series:
    stem = gold_path.name[: -len(".gold.json")]
    return column.map(lambda f: Path(str(f)).name.split(".")[0] == stem)


@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.name)
def test_corpus_identity_matches_gold(gold_path: Path, corpus_tables) -> None:
    out, _ = corpus_tables
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    communes = pd.read_csv(out / "communes.csv", encoding="utf-8-sig", dtype=str)
    rows = communes[_documents_of(gold_path, communes["file"])]
    assert len(rows) >= 1, "every rendering of the report must be read"
    for field in ("commune", "district", "province", "report_date", "period"):
        assert rows[field].tolist() == [gold[field]] * len(rows), field


@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.name)
def test_corpus_criteria_match_gold_in_csv_and_xlsx(gold_path: Path, corpus_tables) -> None:
    out, _ = corpus_tables
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    met, unmet = gold["criteria"]["met"], gold["criteria"]["unmet"]
    communes = pd.read_csv(out / "communes.csv", encoding="utf-8-sig", dtype=str,
                           keep_default_na=False)
    mine = communes[_documents_of(gold_path, communes["file"])]
    assert len(mine) >= 1
    for _, r in mine.iterrows():  # every rendering, in communes.csv
        assert r["criteria_met"] == ", ".join(map(str, sorted(met))), r["file"]
        assert r["criteria_unmet"] == ", ".join(map(str, sorted(unmet))), r["file"]
        claimed = gold["criteria"].get("met_count_claimed")
        assert r["met_count_claimed"] == ("" if claimed is None else str(claimed)), r["file"]

    # criteria.csv and the sheet hold the commune's latest report: check it when it is this one
    # a criterion listed both ways, or only basically met, shows as unmet (a flag reports the
    # contradiction)
    basic = gold["criteria"].get("basically_met") or []
    expected = {n: ("unmet" if n in unmet or n in basic else "met" if n in met else "")
                for n in range(1, 20)}
    words = {"unmet": "Chưa đạt", "met": "Đạt", "": ""}
    criteria = pd.read_csv(out / "criteria.csv", encoding="utf-8-sig", dtype=str,
                           keep_default_na=False)
    rows = criteria[criteria["commune"] == gold["commune"]]
    assert len(rows) >= 1
    rows = rows[_documents_of(gold_path, rows["file"])]
    if rows.empty:
        return
    assert {n: rows.iloc[0][f"tc{n:02d}"] for n in range(1, 20)} == expected
    ws = load_workbook(out / "report.xlsx", read_only=True)["Tiêu chí"]
    sheet = [r for r in ws.iter_rows(values_only=True)]
    h = next(i for i, r in enumerate(sheet) if "Tệp" in r)
    head = list(sheet[h])
    file_col = head.index("Tệp")  # relative to the folder holding every report
    (xrow,) = [r for r in sheet[h + 1:] if r[file_col] and rows.iloc[0]["file"].endswith("/" + r[file_col])]
    first = next(i for i, h in enumerate(head) if str(h).startswith("TC1 "))
    assert [xrow[first + n - 1] or "" for n in range(1, 20)] == [words[expected[n]] for n in range(1, 20)]


@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.name)
def test_corpus_figures_are_in_figures_csv(gold_path: Path, corpus_tables) -> None:
    out, _ = corpus_tables
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    figures = pd.read_csv(out / "figures.csv", encoding="utf-8-sig")
    wanted = [(round(float(f["value"]), 6), f["unit"]) for f in gold["figures"] if not f.get("optional")]
    mine = figures[_documents_of(gold_path, figures["file"])]
    short = []
    for file, group in mine.groupby("file"):
        have = {(round(v, 6), u) for v, u in zip(group["value"], group["unit"], strict=True)}
        found = sum(1 for w in wanted if w in have)
        if found < 0.9 * len(wanted):
            short.append(f"{Path(file).name}: {found}/{len(wanted)}")
    assert mine["file"].nunique() >= 1 and not short, short


def _evidence_overlaps(gold: list[str], found: list[str]) -> bool:
    """Every gold evidence string overlaps a piece of the flag's evidence (either contains
    the other: "Tiêu chí số 16" and "16" are the same spot). Compared normalized: the evidence
    is the reader's normalized text ("840 m2" for the report's "840 m²")."""
    gold, found = [normalize(g) for g in gold], [normalize(f) for f in found]
    return all(any(g in f or (f and f in g) for f in found) for g in gold)


@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.name)
def test_corpus_must_flags_are_in_flags_csv(gold_path: Path, corpus_tables) -> None:
    out, _ = corpus_tables
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    flags = pd.read_csv(out / "flags.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    communes = pd.read_csv(out / "communes.csv", encoding="utf-8-sig", dtype=str)
    files = communes[_documents_of(gold_path, communes["file"])]["file"].tolist()
    missing = []
    for file in files:
        mine = flags[(flags["file"] == file) & (flags["scope"] == "document")]
        for flag in gold.get("flags") or []:
            if not flag.get("must"):
                continue
            hits = mine[mine["rule"] == flag["kind"]]
            if not any(_evidence_overlaps(flag["evidence"], ev.split(" | ")) for ev in hits["evidence"]):
                missing.append(f"{Path(file).name}: {flag['kind']} {flag['evidence']}")
    assert not missing, missing


def test_api_returns_the_tables(corpus_tables) -> None:
    _, tables = corpus_tables
    assert set(TABLES) <= set(tables)
    assert all(isinstance(tables[t], pd.DataFrame) for t in TABLES)
    assert len(tables["communes"]) >= 1


def test_db_option_puts_the_store_elsewhere(tmp_path: Path) -> None:
    _variant(tmp_path / "in" / "a.txt", 1)
    db = tmp_path / "kho" / "ntm-huyen.sqlite"
    tables, stats = run_ingest([str(tmp_path / "in")], tmp_path / "out", jobs=1, db=db)
    assert db.exists() and not (tmp_path / "out" / "ntm.sqlite").exists()
    assert stats.read == 1 and len(tables["communes"]) == 1


def test_error_rows_keep_the_format_of_the_name_and_the_whole_reason(tmp_path: Path) -> None:
    from extractor.core import i18n

    src = tmp_path / "in" / "ghi chú: cũ"  # ": " in a path must not cut the reason
    _variant(src / "a.txt", 1)
    (src / "rong.docx").write_bytes(b"")
    (src / "thu-moi.txt").write_text("THƯ MỜI\nKính mời quý vị đến dự liên hoan.\n", encoding="utf-8")
    with i18n.language_set("en"):
        tables, _ = run_ingest([str(tmp_path / "in")], tmp_path / "out", jobs=1)
    assert tables is not None
    errors = tables["errors"].set_index("code")
    assert errors.loc["empty_file", "format"] == "docx"  # no bytes to sniff: the extension
    # errors.csv: the reason in words, Vietnamese in every language (like a flag's message)
    csv = pd.read_csv(tmp_path / "out" / "errors.csv", encoding="utf-8-sig").set_index("code")
    with i18n.language_set("vi"):
        assert csv.loc["empty_file", "reason"] == reason("empty_file")
        assert csv.loc["not_a_report", "reason"] == reason("not_a_report")


# -- progress, summary and exit code ------------------------------------------------------------

def test_record_is_report() -> None:
    assert not record_is_report({"commune": None, "criteria": {}, "figures": [{"indicator": None}]})
    assert record_is_report({"commune": "Lục Bình", "criteria": {}, "figures": []})
    assert record_is_report({"commune": None, "criteria": {"unmet": [6]}, "figures": []})
    assert record_is_report({"commune": None, "criteria": {}, "figures": [{"indicator": "x"}]})


def test_summary_counts_failures_from_an_earlier_run() -> None:
    from extractor.core import i18n

    with i18n.language_set("en"):
        found, line = summary_lines(RunStats(files=4, read=1, failed=1, failed_earlier=2), Path("o"))[:2]
        assert found == "Found 4 files."  # first: the counts after it add up to it
        assert "unreadable 3 (2 from an earlier run);" in line
        assert "unreadable 1;" in summary_lines(RunStats(files=2, read=1, failed=1), Path("o"))[1]
    with i18n.language_set("vi"):
        line = summary_lines(RunStats(files=3, skipped=3, failed_earlier=2), Path("o"))[1]
        assert "tệp không đọc được 2 (2 từ lần chạy trước);" in line


def test_exit_code_follows_the_failed_state_not_this_run() -> None:
    from extractor.core.errors import ExitCode

    assert RunStats(files=3, skipped=3, failed_earlier=1, failed_walked=1).exit_code() == ExitCode.SOME_FAILED
    assert RunStats(files=2, skipped=2, failed_earlier=2, failed_walked=2).exit_code() == ExitCode.ALL_FAILED
    assert RunStats(files=2, read=2).exit_code() == ExitCode.OK
