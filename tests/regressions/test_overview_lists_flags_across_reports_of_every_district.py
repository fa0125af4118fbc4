"""Bug: flags across reports are numbered within their district, and the overview keyed them
by that number, so it listed one flag per number (136 flags across reports, 9 listed, at 300
reports) and flags.csv linked several flags to one anchor; the first fix named the box by a
figure's anchor. Each flag is now anchored by what it says, and the link in flags.csv is its box."""
from __future__ import annotations

import json

import pandas as pd

from extractor.outputs.export import review_link
from extractor.outputs.site import tables_to_overview_html


def _flag(seq: int, district: str, source: str) -> dict[str, object]:
    evidence = [{"text": "12 ha", "source": source, "commune": district + " commune",
                 "location": {"block": 3, "start": 0, "end": 5}}]
    return {"scope": "corpus", "seq": seq, "rule": "unit_slip_suspected", "severity": "warning",
            "message": f"in {district}", "message_en": f"in {district}", "file": source,
            "evidence_json": json.dumps(evidence)}


def test_flags_of_two_districts_with_the_same_number_are_both_listed() -> None:
    rows = [_flag(0, "A", "/r/a.docx"), _flag(0, "B", "/r/b.docx")]
    tables = {"communes": pd.DataFrame(columns=["commune_key", "file"]),
              "criteria": pd.DataFrame(columns=["commune_key", "commune", "district", "province", "file"])}
    page = tables_to_overview_html(tables, rows)
    anchors = [str(review_link("flags", r)).split("#")[1] for r in rows]
    assert len(set(anchors)) == 2
    for anchor in anchors:
        assert f'id="{anchor}"' in page
