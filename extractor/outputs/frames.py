"""One record as pandas DataFrames, for notebooks: its figures, its criteria and its flags.

    from extractor import extract
    from extractor.outputs.frames import figures_frame, criteria_frame, flags_frame
    rec = extract("bao-cao.docx")
    figures_frame(rec).query("unit == 'km'")

Values are the record's codes (units, statuses, severities), as in the CSVs.
"""
from __future__ import annotations

import pandas as pd

from extractor.core.model import Record

FIGURE_COLUMNS = ["value", "unit", "total", "noun", "qualifier", "per", "label", "indicator", "section",
                  "component", "text", "rule", "block", "page", "start", "end"]


def figures_frame(record: Record) -> pd.DataFrame:
    """One row per figure, with where it stands (block, page, offsets)."""
    rows = [{"value": f.value, "unit": f.unit, "total": f.total, "noun": f.noun, "qualifier": f.qualifier,
             "per": f.per, "label": f.label, "indicator": f.indicator, "section": " > ".join(f.section),
             "component": f.component, "text": f.text, "rule": f.rule, "block": f.location.block,
             "page": f.location.page, "start": f.location.start, "end": f.location.end}
            for f in record.figures]
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def criteria_frame(record: Record) -> pd.DataFrame:
    """One row per criterion 1-19: its status code (met, unmet, basically_met; empty when the
    report does not state it) and the text that says so."""
    c = record.criteria
    evidence = {e.number: e.text for e in c.evidence}
    rows = []
    for n in range(1, 20):
        status = ("unmet" if n in c.unmet else "basically_met" if n in c.basically_met
                  else "met" if n in c.met else None)
        rows.append({"number": n, "status": status, "evidence": evidence.get(n)})
    return pd.DataFrame(rows, columns=["number", "status", "evidence"])


def flags_frame(record: Record) -> pd.DataFrame:
    """One row per flag: rule, severity, messages and its evidence texts."""
    rows = [{"rule": f.rule, "severity": f.severity, "message": f.message, "message_en": f.message_en,
             "evidence": " | ".join(e.text for e in f.evidence)} for f in record.flags]
    return pd.DataFrame(rows, columns=["rule", "severity", "message", "message_en", "evidence"])
