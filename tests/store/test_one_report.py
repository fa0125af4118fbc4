"""One report counted once (issue 14): the files of one report are one communes row listing
them all, their flags are written and counted once, and flags across reports count towards
the communes they concern. Indicator columns take results only (issue 13)."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

from extractor.checks import across
from extractor.core.model import CriteriaStatus, CriterionEvidence, Evidence, Figure, Flag, Identity, Location, Record
from extractor.ingest.plan import versions
from extractor.store.consolidate import store_to_tables
from extractor.store.db import FileInfo, Store, record_to_rows

ROOT = Path(__file__).resolve().parents[2]


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_report_as_docx_and_pdf_is_one_row_and_its_flags_count_once(tmp_path: Path) -> None:
    from extractor.ingest.run import run_ingest

    src = tmp_path / "in"
    src.mkdir()
    for suffix in (".docx", ".pdf"):
        shutil.copy(ROOT / "corpus" / f"luc-binh-2023{suffix}", src / f"luc-binh-2023{suffix}")
    out = tmp_path / "out"
    tables, _ = run_ingest([str(src)], out, jobs=1)
    communes = _csv(out / "communes.csv")
    assert len(communes) == 1
    row = communes[0]
    assert row["files"] == "; ".join(str(src / f"luc-binh-2023{s}") for s in (".docx", ".pdf"))
    flags = [f for f in _csv(out / "flags.csv") if f["scope"] == "document"]
    assert flags, "the sample report has contradictions of its own"
    assert {f["file"] for f in flags} == {row["file"]}  # one copy's flags, not both
    across_flags = [f for f in _csv(out / "flags.csv") if f["scope"] != "document"]
    assert int(row["flags"]) == len(flags) + len(across_flags)
    with Store(out / "ntm.sqlite") as store:
        per_file = dict(store.conn.execute(
            "SELECT d.path, COUNT(*) FROM flags f JOIN documents d ON d.id = f.document_id"
            " WHERE f.scope = 'document' GROUP BY d.path").fetchall())
    assert len(flags) == per_file[row["file"]]
    assert int(row["figures"]) == sum(1 for f in _csv(out / "figures.csv"))
    summary = dict(zip(tables["summary"]["key"], tables["summary"]["value"], strict=True))
    assert summary["reports"] == 1 and summary["communes"] == 1


def _record(path: str, date: str, *, met: list[int], unmet: list[int], figures: list[Figure] | None = None,
            flags: list[Flag] | None = None) -> dict:
    rec = Record(source={"path": path, "sha256": path}, figures=figures or [], flags=flags or [],
                 identity=Identity(commune="Lục Bình", district="Bạch Thông", province="Bắc Kạn",
                                   report_date=date, period=date[:4]),
                 criteria=CriteriaStatus(met=met, unmet=unmet, evidence=[
                     CriterionEvidence(n, st, f"Tiêu chí số {n}", Location(9, None, 0, 12))
                     for st, numbers in (("met", met), ("unmet", unmet)) for n in numbers]))
    return rec.to_json()


def _save(store: Store, rec: dict) -> None:
    path = rec["source"]["path"]
    store.save_rows(FileInfo(path, path, 1, "docx"), record_to_rows(rec), versions())


def test_a_flag_across_reports_counts_towards_its_commune(tmp_path: Path) -> None:
    own = Flag("conflicting_values", "warning", "hai giá trị", [Evidence("400 ngày công", Location(1, None, 0, 13))],
               "two values")
    with Store(tmp_path / "s.sqlite") as store:
        _save(store, _record("/r/2022.docx", "2022-12", met=[6], unmet=[]))
        _save(store, _record("/r/2023.docx", "2023-08", met=[], unmet=[6], flags=[own]))
        flags = across.records_to_flags(list(store.records()))
        assert [f["rule"] for f in flags] == ["criterion_regressed"]
        store.replace_corpus_flags(flags, store.state())
        tables = store_to_tables(store)
    communes = tables["communes"].set_index("file")
    severity = flags[0]["severity"]
    # the regression cites both reports: each report's row counts it, beside its own flags
    assert communes.loc["/r/2022.docx", "flags"] == 1
    assert communes.loc["/r/2022.docx", f"flags_{severity}"] == 1
    assert communes.loc["/r/2023.docx", "flags"] == 2
    crossing = tables["flags"][tables["flags"]["scope"] == "corpus"].iloc[0]
    assert crossing["commune_key"] == "lục bình | bạch thông | bắc kạn" == flags[0]["commune_keys"][0]
    assert crossing["commune"] == "Lục Bình"
    summary = dict(zip(tables["summary"]["key"], tables["summary"]["value"], strict=True))
    assert sum(summary[f"flags_{s}"] for s in ("error", "warning", "info")) == len(tables["flags"]) == 2


def test_reports_of_one_commune_on_different_dates_stay_two_rows(tmp_path: Path) -> None:
    figs = [Figure(value=100.0 + i, unit="ha", text=f"{100 + i} ha", location=Location(i, None, 0, 6), rule="t")
            for i in range(5)]
    with Store(tmp_path / "s.sqlite") as store:
        _save(store, _record("/r/a.docx", "2022-12", met=[1], unmet=[], figures=figs))
        _save(store, _record("/r/b.docx", "2023-08", met=[1], unmet=[], figures=figs))
        communes = store_to_tables(store)["communes"]
    assert list(communes["file"]) == ["/r/a.docx", "/r/b.docx"]
    assert list(communes["files"]) == ["/r/a.docx", "/r/b.docx"]


def test_a_target_does_not_replace_the_result_of_its_indicator(tmp_path: Path) -> None:
    from extractor.extract.indicators import indicator_by_key

    key, ind = next((k, i) for k, i in indicator_by_key().items() if i.unit == "percent")
    figs = [Figure(value=95.0, unit="percent", text="95%", location=Location(1, None, 0, 3), rule="t",
                   indicator=key, status="target"),
            Figure(value=15.0, unit="percent", text="15-18%", location=Location(2, None, 0, 6), rule="t",
                   indicator=key, upper=18.0),
            Figure(value=99.0, unit="percent", text="99%", location=Location(3, None, 0, 3), rule="t",
                   indicator=key, status="plan")]
    with Store(tmp_path / "s.sqlite") as store:
        _save(store, _record("/r/a.docx", "2023-08", met=[1], unmet=[], figures=figs))
        tables = store_to_tables(store)
    assert tables["indicators"].iloc[0][key] == 15.0  # the result, not the target before it
    figures = tables["figures"]
    assert list(figures["status"]) == ["target", "result", "plan"]
    assert figures["upper"].tolist()[1] == 18.0 and figures["upper"].isna().tolist() == [True, False, True]
