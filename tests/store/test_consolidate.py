"""Consolidation (extractor.store.consolidate): tables of data codes, the optional 2025 mapping."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from extractor.ingest.plan import versions
from extractor.store.consolidate import to_admin_2025


def test_admin_2025_mapping_uses_the_converter_when_given() -> None:
    calls = []

    def convert(address: str):  # the shape of underthesea's ConversionResult
        calls.append(address)
        return SimpleNamespace(new=SimpleNamespace(ward="Xã Mới", province="Tỉnh Mới"))

    assert to_admin_2025("Lục Bình", "Bạch Thông", "Bắc Kạn", convert) == ("Mới", "Mới")
    assert calls == ["xã Lục Bình, huyện Bạch Thông, tỉnh Bắc Kạn"]
    assert to_admin_2025("Lục Bình", None, "Bắc Kạn", None) == (None, None)
    assert to_admin_2025(None, None, "Bắc Kạn", convert) == (None, None)

    def broken(address: str):
        raise ValueError("no such place")

    assert to_admin_2025("X", "Y", "Z", broken) == (None, None)


def test_criteria_counts_agree_with_the_lists(tmp_path: Path) -> None:
    from extractor.core import i18n
    from extractor.store.consolidate import store_to_tables
    from extractor.store.db import FileInfo, Store, record_to_rows

    record = {"commune": "Lục Bình", "district": "Bạch Thông", "province": "Bắc Kạn",
              "report_date": "2023-08", "figures": [], "flags": [],
              "criteria": {"met": [1, 2, 3], "unmet": [6, 9], "basically_met": [17]}}
    with Store(tmp_path / "s.sqlite") as store, i18n.language_set("vi"):
        store.save_rows(FileInfo("/r/a.txt", "sha", 1, "txt"), record_to_rows(record), versions())
        tables = store_to_tables(store)
    row = tables["communes"].iloc[0]
    assert (row["criteria_met"], row["criteria_unmet"], row["criteria_basically_met"]) == ("1, 2, 3", "6, 9", "17")
    assert (row["criteria_met_count"], row["criteria_unmet_count"], row["criteria_basically_met_count"]) == (3, 2, 1)
    crit = tables["criteria"].iloc[0]  # codes whatever the language: the export localises
    assert (crit["tc01"], crit["tc06"], crit["tc17"], crit["tc19"]) == ("met", "unmet", "unmet", None)


def test_unread_files_carry_codes_not_reasons(tmp_path: Path) -> None:
    from extractor.store.consolidate import store_to_tables
    from extractor.store.db import FileInfo, Store

    with Store(tmp_path / "s.sqlite") as store:
        store.save_failure(FileInfo("/r/rong.txt", "e3b0", 0, "txt"), "empty_file", "", versions())
        store.save_duplicate(FileInfo("/r/b.txt", "abc", 9, "txt"), "/r/a.txt", versions())
        errors = store_to_tables(store)["errors"].set_index("file")
    assert errors.loc["/r/rong.txt", "code"] == "empty_file"
    assert errors.loc["/r/b.txt", "code"] == "duplicate" and errors.loc["/r/b.txt", "duplicate_of"] == "/r/a.txt"
    assert errors["reason"].isna().all()


def test_admin_2025_mapping_with_underthesea() -> None:
    """The real converter (underthesea's data ships in its wheel; nothing is downloaded)."""
    pytest.importorskip("underthesea")
    from extractor.store.consolidate import address_converter

    commune, province = to_admin_2025("Lục Bình", "Bạch Thông", "Bắc Kạn", address_converter())
    assert province == "Thái Nguyên" and commune and not commune.lower().startswith("xã")


def test_unit_conversions_come_from_the_units_data() -> None:
    from extractor.core.data import load_pattern
    from extractor.store.consolidate import _in_unit

    for value, unit, target, expected in load_pattern("units")["conversion_examples"]:
        assert _in_unit(value, unit, target) == pytest.approx(expected), (value, unit, target)
    assert _in_unit(5.0, "km", "ha") is None  # no factor between dimensions


def test_criteria_columns_follow_the_criteria_sets() -> None:
    from extractor.extract.criteria_sets import criteria_sets
    from extractor.store.consolidate import criteria_numbers

    assert criteria_numbers() == tuple(sorted({c.number for s in criteria_sets() if s.level == "commune"
                                               for c in s.criteria}))
    assert criteria_numbers()[0] == 1 and len(criteria_numbers()) >= 19


def _copy_record(path: str, km: float) -> dict:
    return {"source": {"path": path, "sha256": f"sha-{km}"}, "commune": "Lục Bình",
            "district": "Bạch Thông", "province": "Bắc Kạn", "report_date": "2023-08",
            "period": "2023", "flags": [], "criteria": {"met": [1], "unmet": []},
            "figures": [{"value": km, "unit": "km", "label": "đường", "indicator": "road_km"}]}


def test_copies_are_grouped_again_only_in_communes_whose_files_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.store import queries
    from extractor.store.db import FileInfo, Store, record_to_rows
    from extractor.store.reports import store_to_reports

    def save(store: Store, path: str, km: float) -> None:
        store.save_rows(FileInfo(path, f"sha-{path}-{km}", 1, "docx"), record_to_rows(_copy_record(path, km)),
                        versions())

    compared: list[list[int]] = []
    real = queries.figure_values
    monkeypatch.setattr(queries, "figure_values", lambda s, ids: compared.append(list(ids)) or real(s, ids))
    with Store(tmp_path / "s.sqlite") as store:
        save(store, "/r/a.docx", 10.0)
        save(store, "/r/a-copy.docx", 10.0)  # the same report again
        save(store, "/r/b.docx", 12.0)  # another report of the commune
        first = [d["files"] for d in store_to_reports(store).docs]
        assert first == ["/r/a-copy.docx; /r/a.docx", "/r/b.docx"] and len(compared) == 1
        assert [d["files"] for d in store_to_reports(store).docs] == first and len(compared) == 1
        save(store, "/r/b.docx", 10.0)  # now a third copy of the first report: grouped again
        assert [d["files"] for d in store_to_reports(store).docs] == ["/r/a-copy.docx; /r/a.docx; /r/b.docx"]
        assert len(compared) == 2


def test_a_row_table_gives_the_rows_its_dataframe_gives_without_pandas() -> None:
    from extractor.store.consolidate import RowTable
    from extractor.store.tables import FrameTables

    built = [{"n": 1, "i": 2, "f": 3, "m": 1, "x": "a", "b": True, "z": None, "mixed": 1, "big": 2},
             {"n": None, "i": 4, "f": None, "m": 2.5, "x": None, "b": False, "z": None, "mixed": "t"},
             {"n": 5, "i": 6, "f": 7.25, "m": 3, "x": "c", "b": None, "z": None, "mixed": 2.0, "big": 3}]
    table = RowTable(built, ["n", "i", "f", "m", "x", "b", "z", "mixed", "big", "absent"], {"n"}, {"f"})
    typed = [[(k, type(v), v) for k, v in r.items()] for r in table.rows()]
    assert typed == [[(k, type(v), v) for k, v in r.items()] for r in FrameTables({"t": table.frame()}).rows("t")]
    assert [r["i"] for r in table.rows()] == [2, 4, 6] and [r["big"] for r in table.rows()] == [2.0, None, 3.0]


def test_a_row_table_converts_its_columns_once_and_gives_new_rows_at_each_call(monkeypatch) -> None:  # noqa: ANN001
    """The columns were converted again at each call (five times in the workbook alone, a tenth
    of its time in a re-run); the rows themselves are not kept (a copy of communes, a row per
    report, grew with the corpus): each call gives new dicts, which writers change."""
    from extractor.store import consolidate
    from extractor.store.consolidate import RowTable

    calls: list[int] = []
    convert = consolidate._as_pandas_holds

    def counted(*args: object) -> object:
        calls.append(1)
        return convert(*args)  # type: ignore[arg-type]
    monkeypatch.setattr(consolidate, "_as_pandas_holds", counted)
    table = RowTable([{"a": 1, "b": None, "c": float("nan")}, {"a": 2.5, "b": "x", "c": 1.5}], ["a", "b", "c"],
                     frozenset())
    first = list(table.rows())
    first[0]["review"] = "changed by a writer"
    assert list(table.rows()) == [{"a": 1.0, "b": None, "c": None}, {"a": 2.5, "b": "x", "c": 1.5}]
    assert len(calls) == 3  # one a column, at the first call only
    assert list(table.rows())[0] is not first[0]
