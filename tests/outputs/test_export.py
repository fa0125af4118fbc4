"""Writers: CSV with BOM, formula neutralisation, report.xlsx layout and number formats."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from extractor.core import i18n
from extractor.outputs.export import (
    CSV_TABLES,
    DEC_FORMAT,
    INT_FORMAT,
    csv_frame,
    localise,
    neutralise,
    write_csv,
    write_outputs,
)
from extractor.store.consolidate import table_columns

DANGEROUS = ["=SUM(A1:A9)", "+84 912", "-2+3", "@cmd", "=HYPERLINK(\"http://x\",\"y\")"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_like_text_is_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Lục Bình", "12,1/12,6 km", "", " =not at start", -5, 3.5, None])
def test_other_values_pass_unchanged(value: object) -> None:
    assert neutralise(value) == value


def _tables() -> dict[str, pd.DataFrame]:
    tables = {t: pd.DataFrame(columns=table_columns(t)) for t in CSV_TABLES}
    tables["criteria"] = pd.DataFrame(columns=table_columns("criteria") + ["tc01"])
    tables["figures"] = pd.DataFrame([
        {"commune": "Lục Bình", "file": "/r/a.txt", "seq": 0, "value": -12.5, "unit": "km",
         "label": "=SUM(A1:A9)", "text": "- 12,5 km"},
        {"commune": "Lục Bình", "file": "/r/a.txt", "seq": 1, "value": 1326600000.0,
         "unit": "VND", "label": "@vốn", "text": "1.326,6 triệu đồng"},
    ], columns=table_columns("figures"))
    tables["figures"]["seq"] = tables["figures"]["seq"].astype("Int64")
    tables["summary"] = pd.DataFrame([("reports", 1)], columns=["key", "value"])
    return tables


def test_csv_has_bom_and_keeps_numbers(tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    write_csv(_tables()["figures"], path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "'=SUM(A1:A9)" in text and "'@vốn" in text and "'- 12,5 km" in text
    assert ",-12.5," in text  # a negative number stays a number
    assert ",1326600000," in text  # no float noise
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["value"].tolist() == [-12.5, 1326600000.0]
    assert back["label"].tolist() == ["'=SUM(A1:A9)", "'@vốn"]


def test_csv_frame_does_not_touch_the_original() -> None:
    df = _tables()["figures"]
    out = csv_frame(df)
    assert df["label"][0] == "=SUM(A1:A9)" and out["label"][0] == "'=SUM(A1:A9)"


def test_xlsx_sheets_headers_formats_and_neutralisation(tmp_path: Path) -> None:
    i18n.set_language("vi")
    try:
        write_outputs(_tables(), tmp_path)
    finally:
        i18n.set_language(None)
    for t in CSV_TABLES:
        assert (tmp_path / f"{t}.csv").exists()
    wb = load_workbook(tmp_path / "report.xlsx")
    assert wb.sheetnames[0] == "Tổng hợp"
    ws = wb["Số liệu"]
    headers = [c.value for c in ws[1]]
    assert "Giá trị" in headers and "Xã" in headers and "Văn bản gốc" in headers
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    col = {h: i for i, h in enumerate(headers)}
    row2 = [c for c in ws[2]]
    value_cell = row2[col["Giá trị"]]
    assert value_cell.value == -12.5 and value_cell.data_type == "n"
    assert value_cell.number_format == DEC_FORMAT
    assert ws[3][col["Giá trị"]].number_format == INT_FORMAT
    label = row2[col["Nội dung"]]
    assert label.value == "=SUM(A1:A9)"  # shown as typed ...
    assert label.data_type == "s" and label.quotePrefix  # ... but text, never a formula
    assert row2[col["Văn bản gốc"]].quotePrefix  # "- 12,5 km"
    assert wb["Tiêu chí"].cell(1, len(table_columns("criteria")) + 1).value.startswith("TC1")


def test_english_headers(tmp_path: Path) -> None:
    i18n.set_language("en")
    try:
        write_outputs(_tables(), tmp_path)
    finally:
        i18n.set_language(None)
    wb = load_workbook(tmp_path / "report.xlsx")
    assert wb.sheetnames[0] == "Summary"
    assert "Value" in [c.value for c in wb["Figures"][1]]


def test_parquet_is_optional(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    written = write_outputs(_tables(), tmp_path, parquet=True)
    if importlib.util.find_spec("pyarrow") is None:
        assert not any(p.suffix == ".parquet" for p in written)
        assert "pyarrow" in capsys.readouterr().err
    else:
        assert (tmp_path / "figures.parquet").exists()


def test_indicator_headers_name_the_indicator_and_its_unit() -> None:
    from extractor.extract.indicators import indicators
    from extractor.outputs.export import header, output_names

    road = next(i for i in indicators() if i.unit == "km")
    with i18n.language_set("vi"):
        assert header("indicators", road.key) == f"{road.name_vi} (km)"
    with i18n.language_set("en"):
        assert header("indicators", road.key) == f"{road.name_en} (km)"
        assert header("indicators", "not_in_the_catalogue") == "not_in_the_catalogue"
    assert output_names(parquet=True)[-1] == "errors.parquet" and "report.xlsx" in output_names()


@pytest.mark.parametrize("lang, met, unmet, duplicate", [
    ("vi", "Đạt", "Chưa đạt", "trùng nội dung với /r/a.txt"), ("en", "met", "unmet", "same content as /r/a.txt")])
def test_localise_turns_codes_into_words(lang: str, met: str, unmet: str, duplicate: str) -> None:
    from extractor.core.errors import reason

    criteria = pd.DataFrame({"commune": ["A", "B"], "tc01": ["met", None], "tc02": ["unmet", "unmet"]})
    errors = pd.DataFrame({"file": ["/r/rong.txt", "/r/b.txt"], "status": ["failed", "duplicate"],
                           "code": ["empty_file", "duplicate"], "reason": [None, None],
                           "duplicate_of": [None, "/r/a.txt"]})
    with i18n.language_set(lang):
        tables = localise({"criteria": criteria, "errors": errors})
        assert tables["criteria"]["tc01"].tolist() == [met, ""]
        assert tables["criteria"]["tc02"].tolist() == [unmet, unmet]
        assert tables["criteria"]["commune"].tolist() == ["A", "B"]
        assert tables["errors"]["reason"].tolist() == [reason("empty_file"), duplicate]
    assert criteria["tc01"].iloc[0] == "met" and criteria["tc01"].isna().iloc[1]  # input left as it is
