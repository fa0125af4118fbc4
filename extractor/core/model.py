"""Core data types of the pipeline: plain dataclasses that import nothing else of the package.

Every stage takes and returns these: readers turn a file into a `Document` of `Block`s,
extraction turns blocks into `Figure`s, `CriteriaStatus` and `Identity`, checks add `Flag`s,
and a `Record` is what `ntm extract` prints. Provenance is a type (`Location`): every figure
and every piece of evidence says which block, page and character offsets it came from, the
offsets counted in the block's original text (before normalization).
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import Enum, StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a flag matters: an error is a contradiction, a warning a likely one, info a note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class FigureStatus(StrEnum):
    """What a figure states: what was achieved, or a target, a plan, a starting baseline, or the
    excess over a target. Consolidated tables add results only."""

    RESULT = "result"
    TARGET = "target"
    PLAN = "plan"
    BASELINE = "baseline"
    EXCESS = "excess"


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    HEADER = "header"
    FOOTER = "footer"


@dataclass(frozen=True)
class CellPosition:
    """Where a table cell sits: the table's index in the document, its row and column
    (grid indices of the cell's top-left corner), how many rows and columns it spans, and
    the enclosing cell's table index when the table is nested in another."""

    table: int
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    parent_table: int | None = None


@dataclass(frozen=True)
class Style:
    """How a block is set: bold, and its heading level when the document marks one."""

    bold: bool = False
    heading_level: int | None = None


@dataclass
class Block:
    """One paragraph, heading, list item, table cell, header or footer of a document, in reading order."""

    index: int
    kind: BlockKind
    text: str
    page: int | None = None
    style: Style = field(default_factory=Style)
    cell: CellPosition | None = None
    # where the block lies on its page (x0, top, x1, bottom in points, y downwards; PDF and
    # scans) and, for text read by OCR, the recognizer's confidence (0..1)
    box: tuple[float, float, float, float] | None = None
    confidence: float | None = None


@dataclass
class Document:
    """A file read into an ordered list of blocks. `pages` is None for formats without pages;
    `pages_without_text` lists 1-based pages that had no text layer (scans); `damaged` names
    each part of the file that did not parse and was read only as far as it could be
    recovered ("word/document.xml"), so some of its text may be lost (`warnings` say how)."""

    path: str
    format: str
    sha256: str
    blocks: list[Block]
    pages: int | None = None
    pages_without_text: list[int] = field(default_factory=list)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Location:
    """Where a piece of text lies: block index, page, and offsets in the block's original text."""

    block: int
    page: int | None
    start: int
    end: int


@dataclass
class Evidence:
    """The text a value was read from, and where it lies."""

    text: str
    location: Location | None = None


@dataclass
class Figure:
    """One number a report states, with its unit, what it counts, and where it stands."""

    value: float
    unit: str
    text: str
    location: Location
    rule: str
    total: float | None = None
    noun: str | None = None
    qualifier: str | None = None
    label: str | None = None
    indicator: str | None = None
    per: str | None = None
    section: list[str] = field(default_factory=list)
    component: int | None = None
    upper: float | None = None  # the upper bound of a range ("15-18 tiêu chí"); value is the lower
    status: FigureStatus = FigureStatus.RESULT
    ocr_confidence: float | None = None  # the recognizer's, for figures read from a scan


@dataclass(frozen=True)
class NumberIssue:
    """A number token the grammar could not take at face value: "malformed" (read, but its
    separators are wrong), "unreadable" (not read at all: "1.2.3 ha") or "ambiguous" (its
    separator could be thousands or decimals). The figure reader records them; checks turn
    them into flags."""

    kind: str
    text: str
    location: Location


@dataclass
class Flag:
    """A finding of the checks: its rule, severity, message and the evidence behind it."""

    rule: str
    severity: Severity
    message: str
    evidence: list[Evidence]
    message_en: str | None = None


@dataclass
class CriterionEvidence:
    """A statement that criterion `number` has `status`, with its text and place."""

    number: int
    status: str  # "met" | "unmet" | "basically_met" | "target"
    text: str
    location: Location | None = None


@dataclass
class CriteriaStatus:
    """The criteria a report lists as met, unmet and basically met, and the counts it claims."""

    met: list[int] = field(default_factory=list)
    unmet: list[int] = field(default_factory=list)
    basically_met: list[int] = field(default_factory=list)
    met_count_claimed: int | None = None
    unmet_count_claimed: int | None = None
    criteria_set: str | None = None
    evidence: list[CriterionEvidence] = field(default_factory=list)
    # criteria stated as met anew this year ("đạt thêm", "đạt mới"): a list of them is a part of
    # the claimed total, not the whole list of met criteria
    newly_met: list[int] = field(default_factory=list)
    # evidence of the claimed counts, keyed "met" / "unmet"
    count_evidence: dict[str, Evidence] = field(default_factory=dict)
    # disagreements inside the report, kept visible for the checks (see CriteriaConflict)
    conflicts: list[CriteriaConflict] = field(default_factory=list)


@dataclass
class CriteriaConflict:
    """A disagreement in a report's criteria statements, reported rather than hidden.

    kind: "name_number_mismatch" (a name that is another number's; `resolved` is the reading
    kept), "met_and_unmet" (listed both ways; kept in both lists), "count_mismatch" (a claimed
    count of `status` that differs from the `listed` criteria), "count_claims_disagree" (two
    claimed counts of one status), "counts_do_not_sum" (met + unmet claimed != set size),
    "verdict_disagrees" (a section verdict against an explicit list; the list wins)."""

    kind: str
    numbers: list[int]
    evidence: list[Evidence]
    resolved: int | None = None
    status: str | None = None
    claimed: int | None = None
    listed: int | None = None


@dataclass
class Identity:
    """Who wrote a report and when: the commune, district, province, number, date and period."""

    commune: str | None = None
    district: str | None = None
    province: str | None = None
    document_number: str | None = None
    report_date: str | None = None
    period: str | None = None
    document_kind: str | None = None
    signer: str | None = None
    # the criteria set in force (schemas/criteria id) and the period of the plan part
    criteria_set: str | None = None
    plan_period: str | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)


def _plain(value: Any) -> Any:
    """What `dataclasses.asdict` gives for the record's values (dataclasses as dicts, lists,
    tuples and dicts rebuilt, the rest shared), without its deep copy of every leaf: strings,
    numbers and None are immutable, so sharing them is safe and most of the cost saved. The
    way to turn a value is looked up by its type, decided once per type (`_plain_by_type`)."""
    cls = type(value)
    turn = _TURNS.get(cls)
    if turn is None:
        turn = _TURNS[cls] = _plain_by_type(cls)
    return turn(value)


def _shared(value: Any) -> Any:
    return value


def _plain_by_type(cls: type) -> Callable[[Any], Any]:
    """How `_plain` turns a value of `cls`, in the order it asks: a leaf as it is, a dataclass
    as a dict of its fields, a list, dict or tuple rebuilt, an enum as its value, the rest
    copied."""
    if cls in (str, int, float, bool, type(None)):
        return _shared
    if hasattr(cls, "__dataclass_fields__"):
        names = tuple(f.name for f in fields(cls))
        leaves = _LEAVES

        def dataclass_to_dict(value: Any) -> dict[str, Any]:
            out = {}
            for name in names:
                v = getattr(value, name)
                out[name] = v if type(v) in leaves else _plain(v)
            return out
        return dataclass_to_dict
    if cls is list:
        return lambda value: [_plain(v) for v in value]
    if cls is dict:
        return lambda value: {k: _plain(v) for k, v in value.items()}
    if issubclass(cls, tuple):
        if hasattr(cls, "_fields"):
            return lambda value: cls(*map(_plain, value))
        return lambda value: cls(map(_plain, value))
    if issubclass(cls, Enum):  # Severity, FigureStatus, BlockKind: their plain string value
        return lambda value: value.value
    return copy.deepcopy


# types `_plain` shares as they are (a field holding one is not looked up)
_LEAVES = frozenset((str, int, float, bool, type(None)))
_TURNS: dict[type, Callable[[Any], Any]] = {}


@dataclass(repr=False)
class Record:
    """Everything read from one report: source, identity, criteria, figures and flags."""

    source: dict[str, Any]
    identity: Identity
    criteria: CriteriaStatus
    figures: list[Figure]
    flags: list[Flag]
    extractor_version: str = ""

    def to_json(self) -> dict[str, Any]:
        """The record contract of schemas/report.schema.json: identity fields at top level."""
        ident = _plain(self.identity)
        ident_evidence = ident.pop("evidence")
        return {
            "source": self.source,
            **ident,
            "identity_evidence": ident_evidence,
            "criteria": _plain(self.criteria),
            "figures": [_plain(f) for f in self.figures],
            "flags": [_plain(f) for f in self.flags],
            "extractor_version": self.extractor_version,
        }

    def to_dict(self) -> dict[str, Any]:
        """The record as `ntm extract` prints it (the JSON shape); same as `to_json`."""
        return self.to_json()

    def __repr__(self) -> str:
        # a record holds hundreds of figures: a notebook shows who it is and how much it holds
        ident = self.identity
        place = ", ".join(p for p in (ident.commune, ident.district, ident.province) if p) or "?"
        c = self.criteria
        return (f"<Record {place} {ident.report_date or '?'}: {len(self.figures)} figures, "
                f"criteria met {len(c.met)} / unmet {len(c.unmet)}, {len(self.flags)} flags, "
                f"source {self.source.get('path')!r}>")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """A record back from its JSON shape (`to_dict`), e.g. as the ingest store keeps it."""
        def loc(d: Any) -> Location | None:
            return Location(d["block"], d.get("page"), d["start"], d["end"]) if isinstance(d, dict) else None

        def ev(d: dict[str, Any]) -> Evidence:
            return Evidence(str(d.get("text") or ""), loc(d.get("location")))

        crit = dict(data.get("criteria") or {})
        criteria = CriteriaStatus(
            **{k: crit[k] for k in ("met", "unmet", "basically_met", "met_count_claimed",
                                    "unmet_count_claimed", "criteria_set", "newly_met") if k in crit},
            evidence=[CriterionEvidence(e["number"], e["status"], e.get("text") or "", loc(e.get("location")))
                      for e in crit.get("evidence") or []],
            count_evidence={k: ev(v) for k, v in (crit.get("count_evidence") or {}).items()},
            conflicts=[CriteriaConflict(c["kind"], c.get("numbers") or [], [ev(e) for e in c.get("evidence") or []],
                                        c.get("resolved"), c.get("status"), c.get("claimed"), c.get("listed"))
                       for c in crit.get("conflicts") or []])
        ident_fields = {k: data.get(k) for k in Identity.__dataclass_fields__ if k != "evidence"}
        evidence = {k: ev(v) for k, v in (data.get("identity_evidence") or {}).items()}
        identity = Identity(**ident_fields, evidence=evidence)
        figures = [Figure(**{**f, "location": loc(f["location"]),
                             "status": FigureStatus(f.get("status") or FigureStatus.RESULT)})
                   for f in data.get("figures") or []]
        flags = [Flag(f["rule"], Severity(f["severity"]), f.get("message") or "",
                      [ev(e) for e in f.get("evidence") or []], f.get("message_en"))
                 for f in data.get("flags") or []]
        return cls(dict(data.get("source") or {}), identity, criteria, figures, flags,
                   data.get("extractor_version") or "")

