"""damaged_file: a report read only in part (a part of the file did not parse and was read as
far as it could be recovered, `Document.damaged`). Its record may lack figures and criteria
that the lost text held, and nothing else in it says so: one flag, with no evidence (the lost
text is not there to point at), puts it in every output beside the report."""
from __future__ import annotations

from extractor.checks.flags import make_flag
from extractor.checks.index import Report
from extractor.core.model import Flag


def damaged_file(rep: Report) -> list[Flag]:
    parts = rep.record.source.get("damaged") or []
    if not parts:
        return []
    return [make_flag("damaged_file", ("damaged_file", "severity"), "damaged_file", [],
                      parts=", ".join(parts))]
