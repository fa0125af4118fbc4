"""Number tokens the figure reader could not take at face value become flags in checks, with
the severity from patterns/checks.yaml, never built by hand in the reader."""
from __future__ import annotations

from extractor.checks.numbers import issues_to_flags
from extractor.core.model import Location, NumberIssue, Severity
from extractor.pipeline import document_to_record
from extractor.readers import bytes_to_document


def record_of(text: str):  # type: ignore[no-untyped-def]
    return document_to_record(bytes_to_document(text.encode("utf-8"), "t.txt"))


def test_unreadable_number_is_a_flag_and_no_figure() -> None:
    record = record_of("Diện tích lúa 1.2.3 ha.")
    assert [f.rule for f in record.flags] == ["malformed_number"]
    assert record.flags[0].evidence[0].text.startswith("1.2.3")
    assert not any(f.unit == "ha" for f in record.figures)


def test_a_readable_number_raises_no_number_flag() -> None:
    record = record_of("Diện tích lúa 1.234,5 ha.")
    assert not any(f.rule in ("malformed_number", "ambiguous_number") for f in record.flags)


def test_each_issue_kind_maps_to_its_rule_message_and_severity() -> None:
    loc = Location(0, None, 0, 5)
    flags = issues_to_flags([NumberIssue("unreadable", "1.2.3", loc), NumberIssue("malformed", "1,2.3", loc),
                             NumberIssue("ambiguous", "1.234", loc)])
    assert [f.rule for f in flags] == ["malformed_number", "malformed_number", "ambiguous_number"]
    assert all(isinstance(f.severity, Severity) for f in flags)
    assert flags[0].message != flags[1].message  # unreadable and malformed say different things
    assert all(f.message_en and f.evidence[0].location == loc for f in flags)
