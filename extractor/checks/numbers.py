"""Number tokens the figure reader could not take at face value, as flags: malformed_number
(separators that fit no convention, or a token not read at all: "1.2.3 ha") and
ambiguous_number (a separator that could be thousands or decimals). The reader records them
as `NumberIssue`s where its grammar knows about them; the wording and severity are checks'."""
from __future__ import annotations

from extractor.checks.flags import make_flag
from extractor.core.model import Evidence, Flag, NumberIssue

# issue kind -> (rule, severity path in patterns/checks.yaml, message key)
_RULES = {
    "malformed": ("malformed_number", ("number", "malformed_severity"), "malformed_number"),
    "unreadable": ("malformed_number", ("number", "malformed_severity"), "unreadable_number"),
    "ambiguous": ("ambiguous_number", ("number", "ambiguous_severity"), "ambiguous_number"),
}


def issues_to_flags(issues: list[NumberIssue]) -> list[Flag]:
    flags = []
    for issue in issues:
        rule, severity, key = _RULES[issue.kind]
        flags.append(make_flag(rule, severity, key, [Evidence(issue.text, issue.location)], text=issue.text))
    return flags
