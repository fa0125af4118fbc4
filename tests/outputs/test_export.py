"""CSV writers: BOM, formula neutralisation, numbers kept, codes whatever the language, and a
link from each row to its review page."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extractor.core import i18n
from extractor.outputs.export import CSV_TABLES, neutralise, with_review_links, write_csv, write_outputs
from extractor.store.consolidate import table_columns

DANGEROUS = ["=SUM(A1:A9)", "+84 912", "-2+3", "@cmd", "=HYPERLINK(\"http://x\",\"y\")"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_like_text_is_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Lục Bình", "12,1/12,6 km", "", " =not at start", -5, 3.5, None])
def test_other_values_pass_unchanged(value: object) -> None:
    assert neutralise(value) == value


def tables() -> dict[str, pd.DataFrame]:
    """Small code tables as consolidation makes them: two districts, a 'Đ' commune, a flag."""
    t = {name: pd.DataFrame(columns=table_columns(name)) for name in CSV_TABLES}
    base = {"province": "Tỉnh Mẫu", "period": "2021-2025", "reports": 1}
    crit = [
        {**base, "commune_key": "k1", "commune": "Đông Hòa", "district": "Dầu Tiếng", "report_date": "2024-05-02",
         "file": "/in/h1/dong-hoa.docx", **{f"tc{n:02d}": "met" for n in range(1, 20)}},
        {**base, "commune_key": "k2", "commune": "Dương Liễu", "district": "Dầu Tiếng", "report_date": "2024-06",
         "file": "/in/h1/duong-lieu.docx", **{f"tc{n:02d}": ("unmet" if n == 6 else "met") for n in range(1, 20)}},
        {**base, "commune_key": "k3", "commune": "An Phú", "district": "Bàu Bàng", "report_date": "2023",
         "file": "/in/h2/an-phu.txt", **{f"tc{n:02d}": None if n > 10 else "met" for n in range(1, 20)}},
    ]
    t["criteria"] = pd.DataFrame(crit, columns=table_columns("criteria") + [f"tc{n:02d}" for n in range(1, 20)])
    t["communes"] = pd.DataFrame([{**{k: r[k] for k in ("commune_key", "commune", "district", "province",
                                                          "report_date", "period", "file")},
                                   "document_kind": "report", "format": "docx", "figures": 2,
                                   "flags": 1 if r["commune_key"] == "k2" else 0,
                                   "flags_warning": 1 if r["commune_key"] == "k2" else 0}
                                  for r in crit], columns=table_columns("communes"))
    t["indicators"] = pd.DataFrame([{k: r[k] for k in ("commune_key", "commune", "district", "province", "file")}
                                    for r in crit], columns=table_columns("indicators"))
    t["figures"] = pd.DataFrame([
        {"commune": "Dương Liễu", "file": "/in/h1/duong-lieu.docx", "seq": 0, "value": -12.5, "unit": "km",
         "label": "=SUM(A1:A9)", "text": "- 12,5 km", "block": 3, "start": 10, "end": 17},
        {"commune": "Dương Liễu", "file": "/in/h1/duong-lieu.docx", "seq": 1, "value": 1326600000.0,
         "unit": "VND", "label": "@vốn", "text": "1.326,6 triệu đồng", "block": 4, "start": 0, "end": 18},
    ], columns=table_columns("figures"))
    t["flags"] = pd.DataFrame([
        {"scope": "document", "commune_key": "k2", "commune": "Dương Liễu", "file": "/in/h1/duong-lieu.docx",
         "seq": 0, "rule": "sum_mismatch", "severity": "warning", "message": "Các phần không khớp",
         "message_en": "Parts do not add up", "evidence": "12,5 km", "evidence_json": "[]"},
    ], columns=table_columns("flags"))
    t["errors"] = pd.DataFrame([{"file": "/in/rong.txt", "status": "failed", "code": "empty_file"}],
                               columns=table_columns("errors"))
    for name, cols in (("figures", ("seq", "block", "start", "end")), ("flags", ("seq",))):
        for c in cols:
            t[name][c] = t[name][c].astype("Int64")
    t["summary"] = pd.DataFrame([("reports", 3), ("communes", 3)], columns=["key", "value"])
    return t


def test_csv_has_bom_and_keeps_numbers(tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    write_csv(tables()["figures"], path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "'=SUM(A1:A9)" in text and "'@vốn" in text and "'- 12,5 km" in text
    assert ",-12.5," in text  # a negative number stays a number
    assert ",1326600000," in text  # no float noise
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["value"].tolist() == [-12.5, 1326600000.0]
    assert back["label"].tolist() == ["'=SUM(A1:A9)", "'@vốn"]


def test_csvs_are_byte_identical_in_every_language(tmp_path: Path) -> None:
    written = {}
    for lang in ("vi", "en"):
        with i18n.language_set(lang):
            write_outputs(tables(), tmp_path / lang)
        written[lang] = {t: (tmp_path / lang / f"{t}.csv").read_bytes() for t in CSV_TABLES}
    assert written["vi"] == written["en"]
    criteria = pd.read_csv(tmp_path / "vi" / "criteria.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert set(criteria["tc06"]) == {"met", "unmet"}  # codes, not words
    assert criteria.columns[0] == "commune_key"  # headers are the schema's keys


def test_every_row_points_to_its_review_page_and_anchor() -> None:
    linked = with_review_links(tables())
    fig = linked["figures"].iloc[0]
    assert fig["review"].startswith("review/duong-lieu-docx-") and fig["review"].endswith(".html#b3-10")
    assert linked["flags"].iloc[0]["review"].endswith("#flag-0")
    pages = {r.split("#")[0] for t in ("communes", "criteria", "figures", "flags") for r in linked[t]["review"]
             if "duong-lieu" in r}
    assert len(pages) == 1  # one page per report, named the same by every table
    assert linked["errors"].iloc[0]["reason"]  # in words, Vietnamese as flag messages are


def test_parquet_is_optional(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    written = write_outputs(tables(), tmp_path, parquet=True)
    if importlib.util.find_spec("pyarrow") is None:
        assert not any(p.suffix == ".parquet" for p in written)
        assert "pyarrow" in capsys.readouterr().err
    else:
        assert (tmp_path / "figures.parquet").exists()
