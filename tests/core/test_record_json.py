"""`Record.to_json` builds the JSON shape without `dataclasses.asdict`'s deep copy: it must give
exactly what asdict gives, and share nothing mutable with the record."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from extractor.pipeline import extract

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "luc-binh-2023.txt"


def _by_asdict(record) -> dict:
    ident = dataclasses.asdict(record.identity)
    evidence = ident.pop("evidence")
    return {"source": record.source, **ident, "identity_evidence": evidence,
            "criteria": dataclasses.asdict(record.criteria),
            "figures": [dataclasses.asdict(f) for f in record.figures],
            "flags": [dataclasses.asdict(f) for f in record.flags],
            "extractor_version": record.extractor_version}


def test_to_json_equals_asdict_and_shares_no_container() -> None:
    record = extract(SAMPLE)
    data = record.to_json()
    assert data == _by_asdict(record)
    assert data["figures"] and data["criteria"]["evidence"] and data["flags"]
    data["figures"][0]["section"].append("changed")
    data["criteria"]["met"].append(99)
    assert "changed" not in record.figures[0].section and 99 not in record.criteria.met
