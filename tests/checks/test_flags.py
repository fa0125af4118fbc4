"""Flags and their messages (extractor/checks/flags.py): both languages, numbers written per
language, the record contract, and severities read from patterns/checks.yaml."""
from __future__ import annotations

import string

import pytest
import yaml

from extractor import checks
from extractor.checks.data import config
from extractor.checks.flags import severity_at
from extractor.core import i18n
from extractor.core.model import CriteriaStatus, Identity, Record, Severity
from extractor.structure.outline import document_to_outline
from tests.checks.helpers import fig, make_doc, run


def test_locale_has_both_languages_with_the_same_placeholders():
    cat = i18n.catalogue("checks")
    fmt = string.Formatter()
    for key, entry in cat.items():
        assert set(entry) == {"vi", "en"}, key
        names = [{f for _, f, _, _ in fmt.parse(entry[lang]) if f} for lang in ("vi", "en")]
        assert names[0] == names[1], key
    for key in ("malformed_number", "ambiguous_number"):
        assert "343." in i18n.t("checks", key, lang="vi", text="343.")
        assert "343." in i18n.t("checks", key, lang="en", text="343.")


def test_format_number_per_language():
    assert i18n.format_number(1488131262, "vi") == "1.488.131.262"
    assert i18n.format_number(57.24, "vi") == "57,24"
    assert i18n.format_number(1488131262.5, "en") == "1,488,131,262.5"


def test_message_in_english_when_asked():
    doc = make_doc("+ Đường trục thôn được cứng hóa 12,1/12,6 km đạt 90%.")
    figures = [fig(doc, 0, "12,1/12,6 km", 12.1, "km", total=12.6), fig(doc, 0, "90%", 90, "percent")]
    i18n.set_language("en")
    try:
        flags = run(doc, figures)
    finally:
        i18n.set_language(None)
    assert flags[0].message.startswith("The stated 90%") and "96.03" in flags[0].message
    assert flags[0].message == flags[0].message_en


def test_flag_serialises_to_the_record_contract():
    doc = make_doc("+ Đường trục thôn được cứng hóa 12,1/12,6 km đạt 90%.")
    figures = [fig(doc, 0, "12,1/12,6 km", 12.1, "km", total=12.6), fig(doc, 0, "90%", 90, "percent")]
    record = Record(source={}, identity=Identity(), criteria=CriteriaStatus(), figures=figures, flags=[])
    record.flags = checks.record_to_flags(record, document_to_outline(doc))
    out = record.to_json()["flags"][0]
    assert out["rule"] == "ratio_mismatch" and out["severity"] in ("error", "warning", "info")
    assert out["evidence"][0]["location"] == {"block": 0, "page": None, "start": 32, "end": 44}
    yaml.safe_dump(out)  # plain data all the way down


def _severity_paths(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "severity" or key.endswith("_severity") or key.startswith("severity_"):
                yield path + (key,)
            else:
                yield from _severity_paths(value, path + (key,))


def test_every_severity_in_the_data_is_a_severity():
    paths = list(_severity_paths(config()))
    assert len(paths) >= 15
    for path in paths:
        assert isinstance(severity_at(path), Severity), path


def test_a_flag_takes_its_severity_from_the_data(monkeypatch):
    doc = make_doc("+ Đường trục thôn được cứng hóa 12,1/12,6 km đạt 90%.")
    figures = [fig(doc, 0, "12,1/12,6 km", 12.1, "km", total=12.6), fig(doc, 0, "90%", 90, "percent")]
    assert [f.severity for f in run(doc, figures)] == ["error"]
    monkeypatch.setitem(config(), "ratio", dict(config()["ratio"], error_severity="info"))
    assert [f.severity for f in run(doc, figures)] == ["info"]
    monkeypatch.setitem(config(), "ratio", dict(config()["ratio"], error_severity="severe"))
    with pytest.raises(ValueError, match="ratio.error_severity"):
        run(doc, figures)


def test_a_count_total_without_a_unit_word_leaves_no_space_before_the_comma():
    """Regression: a sum of counts (no unit word) read "được 23 , lớn hơn tổng 21 đã ghi"."""
    from extractor.checks.flags import make_flag, unit_name

    flag = make_flag("sum_mismatch", ("sum", "exceed_severity"), "sum_exceeds_total", [], sum=23, total=21,
                     unit=unit_name("count"), parts="12 + 11")
    assert "23, " in flag.message and "21 đã ghi" in flag.message and " ," not in flag.message
    assert "23, " in flag.message_en and " ," not in flag.message_en
    km = make_flag("sum_mismatch", ("sum", "exceed_severity"), "sum_exceeds_total", [], sum=23, total=21,
                   unit=unit_name("km"), parts="12 + 11")
    assert "23 km, " in km.message
