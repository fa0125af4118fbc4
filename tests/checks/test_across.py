"""Consistency flags across reports (extractor/across.py) on record dicts shaped as
`Record.to_json()` makes them: each rule with cases that must fire and cases that must not."""
from __future__ import annotations

import json

from extractor.checks import across
from extractor.core.model import CriteriaStatus, CriterionEvidence, Figure, Identity, Location, Record


def record(commune: str | None, *, district: str = "Bạch Thông", date: str = "2023-08",
           period: str | None = "2021-2023", sha: str | None = None, figures=(), met=(), unmet=(),
           kind: str | None = None) -> dict:
    """A record dict built through Record.to_json(), so the tests follow the contract."""
    figs = [Figure(value=f[1], unit=f[2], text=f[3], location=Location(i, None, 0, len(f[3])), rule="test",
                   indicator=f[0], label=f[4] if len(f) > 4 else None)
            for i, f in enumerate(figures)]
    ev = [CriterionEvidence(n, "met", f"Tiêu chí số {n}", Location(90, None, 0, 5)) for n in met]
    ev += [CriterionEvidence(n, "unmet", f"Tiêu chí số {n}", Location(91, None, 0, 5)) for n in unmet]
    rec = Record(source={"path": f"/reports/{commune or district}-{date}.docx",
                         "sha256": sha or f"{commune}{date}{period}"},
                 identity=Identity(commune=commune, district=district, province="Bắc Kạn", report_date=date,
                                   period=period, document_kind=kind),
                 criteria=CriteriaStatus(met=list(met), unmet=list(unmet), evidence=ev), figures=figs, flags=[])
    out = rec.to_json()
    return json.loads(json.dumps(out, ensure_ascii=False))  # exactly what a JSON store gives back


def rules(flags) -> list[str]:
    return [f["rule"] for f in flags]


LABOUR = "residents_labour_days"


def test_records_to_flags_on_nothing():
    assert across.records_to_flags([]) == []
    assert across.records_to_flags([record("Lục Bình", figures=[(LABOUR, 400, "labour_day",
                                                                     "400 ngày công")])]) == []


# ---------------------------------------------------------------------------- duplicates


def test_same_commune_same_period_different_values():
    a = record("Lục Bình", date="2023-08", figures=[(LABOUR, 400, "labour_day", "400 ngày công")])
    b = record("xã Lục Bình", date="2023-09", figures=[(LABOUR, 600, "labour_day", "600 ngày công")])
    flags = across.records_to_flags([a, b])
    assert rules(flags) == ["duplicate_report_conflict"]
    flag = flags[0]
    assert flag["severity"] == "warning"
    assert [e["text"] for e in flag["evidence"]] == ["400 ngày công", "600 ngày công"]
    assert {e["source"] for e in flag["evidence"]} == {a["source"]["path"], b["source"]["path"]}
    assert "400" in flag["message"] and "600" in flag["message"] and flag["message_en"]


def test_duplicates_silent():
    a = record("Lục Bình", figures=[(LABOUR, 400, "labour_day", "400 ngày công")])
    same_file = record("Lục Bình", sha=a["source"]["sha256"], figures=[(LABOUR, 600, "labour_day", "600 ngày công")])
    other_period = record("Lục Bình", period="2021-2022", figures=[(LABOUR, 600, "labour_day", "600 ngày công")])
    same_value = record("Lục Bình", date="2023-09", figures=[(LABOUR, 400, "labour_day", "400 ngày công")])
    other_commune = record("Sỹ Bình", figures=[(LABOUR, 600, "labour_day", "600 ngày công")])
    for other in (same_file, other_period, same_value, other_commune):
        assert across.records_to_flags([a, other]) == [], other["source"]


def test_an_indicator_given_two_values_in_one_report_is_not_compared():
    a = record("Lục Bình", figures=[(LABOUR, 400, "labour_day", "400 ngày công"), (LABOUR, 600, "labour_day",
                                                                                   "600 ngày công")])
    b = record("Lục Bình", date="2023-09", figures=[(LABOUR, 500, "labour_day", "500 ngày công")])
    assert across.records_to_flags([a, b]) == []


def test_each_report_compared_against_the_newest_not_every_pair():
    # five reports of one commune and period, each different: four flags (each against the
    # newest), not ten (one per pair): a province's flags grew with the square of its copies
    recs = [record("Lục Bình", date=f"2023-0{m}", figures=[(LABOUR, 100 * m, "labour_day", f"{100 * m} ngày công")])
            for m in range(1, 6)]
    flags = across.records_to_flags(recs)
    assert rules(flags) == ["duplicate_report_conflict"] * 4
    newest = recs[-1]["source"]["path"]
    assert all(f["evidence"][1]["source"] == newest for f in flags)
    assert [f["evidence"][0]["text"] for f in flags] == [f"{100 * m} ngày công" for m in range(1, 5)]


def test_the_newest_is_by_report_date_not_by_path():
    late = record("Lục Bình", date="2023-09", figures=[(LABOUR, 600, "labour_day", "600 ngày công")])
    late["source"]["path"] = "/reports/a.docx"
    early = record("Lục Bình", date="2023-02", figures=[(LABOUR, 400, "labour_day", "400 ngày công")])
    early["source"]["path"] = "/reports/b.docx"
    flags = across.records_to_flags([late, early])
    assert [e["source"] for e in flags[0]["evidence"]] == ["/reports/b.docx", "/reports/a.docx"]
    assert "b.docx" in flags[0]["message"].split("600")[0]  # the older one named first


def test_a_figure_the_newest_does_not_give_is_compared_with_the_next_newest():
    old = record("Lục Bình", date="2023-01", figures=[(LABOUR, 400, "labour_day", "400 ngày công")])
    mid = record("Lục Bình", date="2023-05", figures=[(LABOUR, 500, "labour_day", "500 ngày công")])
    newest = record("Lục Bình", date="2023-09", figures=[("road_village_hardened_km", 2, "km", "2 km")])
    flags = across.records_to_flags([old, mid, newest])
    assert rules(flags) == ["duplicate_report_conflict"]
    assert [e["text"] for e in flags[0]["evidence"]] == ["400 ngày công", "500 ngày công"]


def test_every_differing_figure_of_a_report_is_in_its_flag():
    a = record("Lục Bình", date="2023-01", figures=[(LABOUR, 400, "labour_day", "400 ngày công"),
                                                    ("road_village_hardened_km", 2, "km", "2 km")])
    b = record("Lục Bình", date="2023-05", figures=[(LABOUR, 500, "labour_day", "500 ngày công"),
                                                    ("road_village_hardened_km", 3, "km", "3 km")])
    c = record("Lục Bình", date="2023-09", figures=[(LABOUR, 500, "labour_day", "500 ngày công")])
    flags = across.records_to_flags([a, b, c])
    assert len(flags) == 1 and "còn 1" in flags[0]["message"]  # a: two differences; b agrees with c
    assert [e["text"] for e in flags[0]["evidence"]] == ["400 ngày công", "500 ngày công", "2 km", "3 km"]
    assert [e["source"] for e in flags[0]["evidence"]][1::2] == [c["source"]["path"], b["source"]["path"]]


# ---------------------------------------------------------------------------- over time


def test_criterion_met_then_unmet():
    early = record("Lục Bình", date="2022-12", period="2021-2022", met=[1, 2, 11], unmet=[6])
    late = record("Lục Bình", date="2023-08", period="2021-2023", met=[1, 2], unmet=[6, 11])
    flags = across.records_to_flags([late, early])
    assert rules(flags) == ["criterion_regressed"]
    assert "11" in flags[0]["message"] and "2022-12" in flags[0]["message"]
    assert [e["text"] for e in flags[0]["evidence"]] == ["Tiêu chí số 11", "Tiêu chí số 11"]


def test_criterion_unmet_then_met_is_progress():
    early = record("Lục Bình", date="2022-12", period="2021-2022", met=[1], unmet=[6, 11])
    late = record("Lục Bình", date="2023-08", met=[1, 11], unmet=[6])
    assert across.records_to_flags([early, late]) == []


def test_cumulative_figure_decreasing(monkeypatch):
    cfg = dict(across.config()["cross"], cumulative_indicators=["road_village_hardened_km"])
    monkeypatch.setitem(across.config(), "cross", cfg)
    early = record("Lục Bình", date="2022-12", period="2021-2022",
                   figures=[("road_village_hardened_km", 2.226, "km", "2,226km")])
    late = record("Lục Bình", date="2023-08", figures=[("road_village_hardened_km", 1.9, "km", "1,9 km")])
    grown = record("Lục Bình", date="2023-08", figures=[("road_village_hardened_km", 3.1, "km", "3,1 km")])
    flags = across.records_to_flags([early, late])
    assert rules(flags) == ["cumulative_decrease"]
    assert [e["text"] for e in flags[0]["evidence"]] == ["2,226km", "1,9 km"]
    assert across.records_to_flags([early, grown]) == []


def test_non_cumulative_figure_may_decrease():
    early = record("Lục Bình", date="2022-12", period="2021-2022", figures=[("poor_households", 60, "household",
                                                                             "60 hộ")])
    late = record("Lục Bình", date="2023-08", figures=[("poor_households", 42, "household", "42 hộ")])
    assert across.records_to_flags([early, late]) == []


# ---------------------------------------------------------------------------- district


def _district(values: dict[str, float], unit: str = "VND", indicator: str = "funds_allocated_vnd") -> list[dict]:
    return [record(c, figures=[(indicator, v, unit, f"{v:g}")]) for c, v in values.items()]


def test_unit_slip_across_the_district():
    recs = _district({"Lục Bình": 250e6, "Sỹ Bình": 300e6, "Vi Hương": 180e6, "Cẩm Giàng": 220e6, "Quang Thuận": 260})
    flags = across.records_to_flags(recs)
    assert rules(flags) == ["unit_slip_suspected"]
    assert flags[0]["evidence"][0]["commune"] == "Quang Thuận"
    km = _district({"A": 2.2, "B": 3.1, "C": 1.8, "D": 2500}, unit="km", indicator="road_village_hardened_km")
    assert rules(across.records_to_flags(km)) == ["unit_slip_suspected"]


def test_unit_slip_silent():
    spread = _district({"Lục Bình": 250e6, "Sỹ Bình": 3e9, "Vi Hương": 180e6, "Cẩm Giàng": 90e6})
    assert across.records_to_flags(spread) == []
    few = _district({"Lục Bình": 250e6, "Sỹ Bình": 300e6, "Quang Thuận": 260})
    assert across.records_to_flags(few) == []  # too few peers to judge


def test_district_summary_against_its_communes():
    communes = _district({"Lục Bình": 250e6, "Sỹ Bình": 300e6}, indicator="residents_money_vnd")
    summary = record(None, figures=[("residents_money_vnd", 600e6, "VND", "600 triệu đồng")])
    flags = across.records_to_flags(communes + [summary])
    assert rules(flags) == ["district_total_mismatch"]
    assert [e["text"] for e in flags[0]["evidence"]][0] == "600 triệu đồng"
    assert len(flags[0]["evidence"]) == 3
    assert "550.000.000" in flags[0]["message"]
    good = record(None, figures=[("residents_money_vnd", 550e6, "VND", "550 triệu đồng")])
    assert across.records_to_flags(communes + [good]) == []


def test_district_summary_not_compared_when_a_commune_lacks_the_indicator():
    communes = _district({"Lục Bình": 250e6, "Sỹ Bình": 300e6}, indicator="residents_money_vnd")
    communes.append(record("Vi Hương"))
    summary = record(None, figures=[("residents_money_vnd", 900e6, "VND", "900 triệu đồng")])
    assert across.records_to_flags(communes + [summary]) == []


def test_name_key_folds_prefix_case_and_tone_placement():
    assert across.name_key("Xã Lục Bình") == across.name_key("lục bình")
    assert across.name_key("xã Hòa Bình") == across.name_key("Hoà Bình")
    assert across.name_key(None) is None


def test_messages_name_the_indicator_in_the_readers_language():
    def rec(path, value):
        return {"source": {"path": path, "sha256": path}, "commune": "An Phú", "district": "Tuy An",
                "province": "Phú Yên", "period": "2021-2025", "report_date": "2024-06",
                "criteria": {"criteria_set": "commune-2021-2025"},
                "figures": [{"value": value, "unit": "ha", "indicator": "irrigated_area_ha", "text": f"{value} ha",
                             "label": "diện tích được tưới", "location": None}]}
    flags = [f for f in across.records_to_flags([rec("a.txt", 452), rec("b.txt", 482)])
             if f["rule"] == "duplicate_report_conflict"]
    assert len(flags) == 1
    assert "Diện tích được tưới" in flags[0]["message"] and "irrigated_area_ha" not in flags[0]["message"]
    assert "Area irrigated" in flags[0]["message_en"] and "more indicators" not in flags[0]["message_en"]


# ---------------------------------------------------------------------------- every labelled figure


TRAINING = "Số lượt người được tập huấn chuyển giao kỹ thuật"


def test_copies_compared_on_labelled_figures_without_an_indicator():
    a = record("Quang Thuận", figures=[(None, 1500, "person", "1.500 lượt người", TRAINING),
                                       (LABOUR, 400, "labour_day", "400 ngày công", "đóng góp")])
    b = record("Quang Thuận", date="2023-09", figures=[(None, 2500, "person", "2.500 lượt người", TRAINING),
                                                       (LABOUR, 400, "labour_day", "400 ngày công", "đóng góp")])
    flags = across.records_to_flags([a, b])
    assert rules(flags) == ["duplicate_report_conflict"]
    assert [e["text"] for e in flags[0]["evidence"]] == ["1.500 lượt người", "2.500 lượt người"]
    assert TRAINING in flags[0]["message"]


def test_a_label_given_two_values_in_one_report_is_not_compared():
    a = record("Quang Thuận", figures=[(None, 1500, "person", "1.500 lượt người", TRAINING),
                                       (None, 900, "person", "900 lượt người", TRAINING)])
    b = record("Quang Thuận", date="2023-09", figures=[(None, 2500, "person", "2.500 lượt người", TRAINING)])
    assert across.records_to_flags([a, b]) == []


def test_cross_report_flags_carry_the_commune_keys_they_count_towards():
    a = record("Xã Lục Bình", figures=[(LABOUR, 400, "labour_day", "400 ngày công")])
    b = record("LỤC BÌNH", date="2023-09", figures=[(LABOUR, 600, "labour_day", "600 ngày công")])
    flag = across.records_to_flags([a, b])[0]
    assert flag["commune_keys"] == ["lục bình | bạch thông | bắc kạn"]
    assert {e["commune_key"] for e in flag["evidence"]} == {"lục bình | bạch thông | bắc kạn"}


# ---------------------------------------------------------------------------- one report, several files


def _figures(n: int, changed: int = 0) -> list:
    return [(None, 100 + i + (1000 if i < changed else 0), "ha", f"{100 + i} ha", f"diện tích {i}") for i in range(n)]


def test_report_copies_groups_the_files_of_one_report():
    docx = record("Lục Bình", figures=_figures(10))
    pdf = dict(record("Lục Bình", figures=_figures(10)), source={"path": "/reports/luc-binh.pdf", "sha256": "p"})
    resent = dict(record("Lục Bình", figures=_figures(10, changed=1)), source={"path": "/r/x.docx", "sha256": "x"})
    other_date = record("Lục Bình", date="2023-12", figures=_figures(10))
    other_report = dict(record("Lục Bình", figures=_figures(10, changed=5)),
                        source={"path": "/r/y.docx", "sha256": "y"})
    other_commune = record("Sỹ Bình", figures=_figures(10))
    groups = across.report_copies([docx, pdf, resent, other_date, other_report, other_commune])
    assert [len(g) for g in groups] == [3, 1, 1, 1]
    assert groups[0] == [docx, pdf, resent]


def test_flags_of_the_compared_part_equal_those_of_the_whole_records():
    recs = [record("Lục Bình", date=f"2023-0{m}", figures=[(LABOUR, 100 * m, "labour_day", f"{100 * m} ngày công"),
                                                          (None, 5, "km", "5 km", "đường"),
                                                          (None, 7, "km", "7 km")],
                   met=[1, 2] if m < 3 else [1], unmet=[] if m < 3 else [2]) for m in range(1, 5)]
    recs += _district({"Sỹ Bình": 250e6, "Vi Hương": 300e6, "Cẩm Giàng": 180e6, "Quang Thuận": 260})
    whole = across.records_to_flags(recs)
    assert whole and across.records_to_flags([across.compared_part(r) for r in recs]) == whole
    assert len(json.dumps(across.compared_part(recs[0]))) < len(json.dumps(recs[0]))


def test_a_reports_own_commune_key_is_that_of_it_alone():
    """commune_key (made for every evidence item) is commune_keys of the report alone."""
    for commune in ("Lục Bình", None, ""):
        for district in ("Bạch Thông", None):
            for province in ("Bắc Kạn", None):
                rec = {"commune": commune, "district": district, "province": province,
                       "source": {"path": "/x/a.docx", "sha256": "s"}}
                assert across.commune_key(rec) == across.commune_keys([rec])[0]
