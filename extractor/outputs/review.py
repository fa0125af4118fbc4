"""The review page: every figure shown in its source text, every flag next to its evidence.

`ntm review FILE... -o DIR` (extractor.cli.review) and `ntm ingest` (extractor.outputs.site)
write one self-contained HTML page per report (no scripts from elsewhere, no network). A
district officer reads the report as it was written, with each extracted figure highlighted
(hover: value and unit, indicator, label, all in words of the current language) and each flag
linking to the places it names; a click on a flag scrolls to its evidence and marks it. Flags
found across reports (ingest) are listed too, linking to the other report's page. A figure read
by OCR with low confidence is marked apart (dashed, with the confidence in its tooltip): the
officer checks it against the page.
"""
from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.core import i18n
from extractor.core.model import BlockKind, Document, Flag, Location, Record
from extractor.extract.quantities import LOW_OCR_CONFIDENCE
from extractor.outputs import links

# A click on a flag marks its evidence and scrolls to the first piece (no library, no network).
_SCRIPT = """
document.querySelectorAll('.flag[data-evidence]').forEach(function (box) {
  box.addEventListener('click', function (ev) {
    if (ev.target.tagName === 'A' && ev.target.getAttribute('href').charAt(0) !== '#') return;
    document.querySelectorAll('.active').forEach(function (el) { el.classList.remove('active'); });
    box.classList.add('active');
    var ids = box.dataset.evidence.split(' ').filter(Boolean), first = null;
    ids.forEach(function (id) {
      var m = document.getElementById(id);
      if (m) { m.classList.add('active'); first = first || m; }
    });
    if (first) { first.scrollIntoView({block: 'center'}); }
  });
});
"""

_CSS = """
body{font-family:"Times New Roman",Georgia,serif;margin:0;color:#1b1b1b;background:#fafaf7}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.6em 1.2em;z-index:2}
h1{font-size:1.15em;margin:.1em 0}
.meta{font-family:system-ui,sans-serif;font-size:.85em;color:#444}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(16em,1fr);gap:1.5em;padding:1em 1.2em}
.doc p{margin:.35em 0;line-height:1.5}
.doc .heading{font-weight:bold}
.doc .page{font-family:system-ui,sans-serif;font-size:.75em;color:#888;border-top:1px dashed #bbb;margin-top:1em}
.doc table{border-collapse:collapse;margin:.5em 0}
.doc td{border:1px solid #999;padding:.2em .4em;vertical-align:top}
mark{background:#dcebff;border-radius:2px;padding:0 1px}
mark.flagged{background:#ffd7d2;outline:1px solid #d9534f}
mark.low-confidence{background:#fff3cd;border-bottom:2px dashed #b8860b}
mark.flagged.low-confidence{background:#ffd7d2}
mark:target,mark.active{outline:2px solid #0a58ca;background:#ffe58f}
.flag{cursor:pointer}.flag.active{box-shadow:0 0 0 2px #0a58ca}
nav{font-family:system-ui,sans-serif;font-size:.85em}
aside{font-family:system-ui,sans-serif;font-size:.85em}
aside section{position:sticky;top:5em}
.flag{border-left:4px solid #999;padding:.3em .6em;margin:.5em 0;background:#fff}
.flag.error{border-color:#d9534f}.flag.warning{border-color:#f0ad4e}.flag.info{border-color:#5bc0de}
.flag a{display:inline-block;margin-right:.5em}
.count{color:#555}
"""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    anchor: str
    title: str
    flagged: bool
    low_confidence: bool = False


def _t(key: str, **values: Any) -> str:
    return i18n.t("review", key, **values)


def _anchor(loc: Location) -> str:
    return links.figure_anchor(loc.block, loc.start)


def _label(prefix: str, code: str) -> str:
    key = f"{prefix}_{code}"
    return i18n.t("export", key) if key in i18n.catalogue("export") else code


def _unit_label(unit: str) -> str:
    return _label("unit", unit)


def _rule_label(rule: str) -> str:
    return _label("rule", rule)


def _indicator_name(key: str) -> str:
    from extractor.extract.indicators import indicator_by_key

    ind = indicator_by_key().get(key)
    if ind is None:
        return key
    return ind.name_vi if i18n.language() == "vi" else ind.name_en


def record_to_marks(record: Record) -> dict[int, list[_Mark]]:
    flagged = {(e.location.block, e.location.start, e.location.end)
               for f in record.flags for e in f.evidence if e.location is not None}
    marks: dict[int, list[_Mark]] = defaultdict(list)
    for fig in record.figures:
        loc = fig.location
        amount = i18n.format_number(fig.value)
        if fig.total is not None:
            amount += f" / {i18n.format_number(fig.total)}"
        parts = [f"{amount} {fig.noun if fig.unit == 'count' and fig.noun else _unit_label(fig.unit)}".strip()]
        if fig.indicator:
            parts.append(f"{_t('indicator')}: {_indicator_name(fig.indicator)}")
        if fig.label:
            parts.append(f"{_t('label')}: {fig.label}")
        low = fig.ocr_confidence is not None and fig.ocr_confidence < LOW_OCR_CONFIDENCE
        if low:
            parts.append(_t("low_confidence", confidence=f"{fig.ocr_confidence:.0%}"))
        marks[loc.block].append(_Mark(loc.start, loc.end, _anchor(loc), " | ".join(parts),
                                      (loc.block, loc.start, loc.end) in flagged, low))
    for f in record.flags:  # evidence that is not itself a figure is marked too
        for e in f.evidence:
            where = e.location
            if where is not None and not any(m.start == where.start and m.end == where.end
                                             for m in marks[where.block]):
                marks[where.block].append(_Mark(where.start, where.end, _anchor(where),
                                                _rule_label(f.rule), True))
    return marks


def _highlight(text: str, marks: list[_Mark]) -> str:
    out, pos = [], 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > len(text):
            continue  # overlapping evidence: the first mark wins
        out.append(html.escape(text[pos:m.start]))
        classes = " ".join(c for c, on in (("flagged", m.flagged), ("low-confidence", m.low_confidence)) if on)
        cls = f' class="{classes}"' if classes else ""
        out.append(f'<mark id="{m.anchor}"{cls} title="{html.escape(m.title)}">'
                   f"{html.escape(text[m.start:m.end])}</mark>")
        pos = m.end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def _document_html(doc: Document, marks: dict[int, list[_Mark]]) -> str:
    parts: list[str] = []
    page = None
    table_rows: dict[int, dict[int, list[str]]] = {}
    open_table: int | None = None

    def close_table() -> None:
        nonlocal open_table
        if open_table is not None:
            rows = table_rows.pop(open_table)
            body = "".join("<tr>" + "".join(cells) + "</tr>" for _, cells in sorted(rows.items()))
            parts.append(f"<table>{body}</table>")
            open_table = None

    for b in doc.blocks:
        if b.page is not None and b.page != page:
            close_table()
            page = b.page
            parts.append(f'<div class="page">{html.escape(_t("page", page=page))}</div>')
        content = _highlight(b.text, marks.get(b.index, []))
        if b.kind is BlockKind.TABLE_CELL and b.cell is not None:
            if open_table != b.cell.table:
                close_table()
                open_table = b.cell.table
                table_rows[open_table] = defaultdict(list)
            span = f' colspan="{b.cell.col_span}"' if b.cell.col_span > 1 else ""
            span += f' rowspan="{b.cell.row_span}"' if b.cell.row_span > 1 else ""
            table_rows[open_table][b.cell.row].append(f"<td{span}>{content}</td>")
            continue
        close_table()
        cls = "heading" if b.kind is BlockKind.HEADING or b.style.heading_level is not None or b.style.bold else ""
        parts.append(f'<p class="{cls}">{content}</p>' if cls else f"<p>{content}</p>")
    close_table()
    return "\n".join(parts)


def _message(flag: Any) -> str:
    message, message_en = (flag.message, flag.message_en) if isinstance(flag, Flag) else (
        flag.get("message") or "", flag.get("message_en"))
    return message if i18n.language() == "vi" or not message_en else message_en


def _flag_box(box_id: str, severity: str, rule: str, message: str, evidence: list[tuple[str, str]]) -> str:
    """One flag: its severity, rule and message, and a link per piece of evidence (href, text);
    local evidence ids go in data-evidence for the click that marks them all."""
    local = " ".join(h[1:] for h, _ in evidence if h.startswith("#"))
    anchors = "".join(f'<a href="{html.escape(h)}">{html.escape(text or "…")}</a>' for h, text in evidence)
    return (f'<div class="flag {html.escape(severity)}" id="{box_id}" data-evidence="{html.escape(local)}">'
            f'<b>{html.escape(_t("severity_" + severity))}</b> {html.escape(_rule_label(rule))}<br>'
            f"{html.escape(message)}<br>{anchors}</div>")


def _severity_order(severity: str) -> int:
    return ("error", "warning", "info").index(severity) if severity in ("error", "warning", "info") else 3


def _flags_html(record: Record) -> str:
    if not record.flags:
        return f"<p>{html.escape(_t('no_flags'))}</p>"
    items = []
    for seq, f in sorted(enumerate(record.flags), key=lambda p: _severity_order(p[1].severity)):
        evidence = [(f"#{_anchor(e.location)}", e.text) for e in f.evidence if e.location is not None]
        items.append(_flag_box(links.flag_anchor(seq), f.severity, f.rule, _message(f), evidence))
    return "".join(items)


def _across_html(flags: list[tuple[str, dict[str, Any]]], own_path: str) -> str:
    """Flags across reports that name this report: evidence here links in the page, evidence
    in another report links to that report's page."""
    if not flags:
        return ""
    items = []
    for anchor, f in flags:
        evidence = []
        for e in f.get("evidence") or []:
            loc = e.get("location") or {}
            figure = links.figure_anchor(loc.get("block"), loc.get("start")) if loc else ""
            source = e.get("source") or ""
            if source == own_path:
                href = f"#{figure}" if figure else "#"
            else:
                href = links.page_name(source) + (f"#{figure}" if figure else "")
            label = e.get("text") or ""
            if source != own_path and e.get("commune"):
                label = f"{e['commune']}: {label}"
            evidence.append((href, label))
        items.append(_flag_box(anchor, str(f.get("severity")), str(f.get("rule")),
                               _message(f), evidence))
    return (f"<h2>{html.escape(_t('across_heading'))} <span class=\"count\">({len(flags)})</span></h2>"
            + "".join(items))


def _criteria_text(record: Record) -> str:
    c = record.criteria
    met = ", ".join(map(str, c.met)) or "-"
    unmet = ", ".join(map(str, c.unmet)) or "-"
    return _t("criteria_line", met_n=len(c.met), met=met, unmet_n=len(c.unmet), unmet=unmet)


PAGE_END = f"""</section></aside></main>
<script>{_SCRIPT}</script></body></html>
"""


def document_to_review_html(doc: Document, record: Record, *,
                            across: Sequence[tuple[str, dict[str, Any]]] = (),
                            overview: str | None = None) -> str:
    """The page of one report; `across` are (anchor, flag) of the flags across reports naming it,
    `overview` the link back to the district overview."""
    return review_page_head(doc, record, overview=overview) + across_section(across, doc.path) + PAGE_END


def across_section(across: Sequence[tuple[str, dict[str, Any]]], own_path: str) -> str:
    """The part of a page listing the flags across reports that name it: the only part that
    depends on other reports, so ingest renders the rest once, when the report is read."""
    return _across_html(list(across), own_path)


def review_page_head(doc: Document, record: Record, *, overview: str | None = None) -> str:
    """A page up to the flags across reports (`document_to_review_html` is head, that
    section and PAGE_END)."""
    ident = record.identity
    title = " - ".join(p for p in (ident.commune, ident.district, ident.province) if p) or Path(doc.path).name
    meta = _t("meta_line", path=Path(doc.path).name, format=doc.format, date=ident.report_date or "?",
              period=ident.period or "?", figures=len(record.figures), flags=len(record.flags))
    back = (f'<nav><a href="{html.escape(overview)}">{html.escape(_t("back_to_overview"))}</a></nav>'
            if overview else "")
    return f"""<!DOCTYPE html>
<html lang="{i18n.language()}"><head><meta charset="utf-8">
<title>{html.escape(_t("title"))}: {html.escape(title)}</title><style>{_CSS}</style></head>
<body><header>{back}<h1>{html.escape(title)}</h1>
<div class="meta">{html.escape(meta)}<br>{html.escape(_criteria_text(record))}</div></header>
<main><article class="doc">{_document_html(doc, record_to_marks(record))}</article>
<aside><section><h2>{html.escape(_t("flags_heading"))} <span class="count">({len(record.flags)})</span></h2>
{_flags_html(record)}"""


def pages_to_index_html(pages: list[tuple[str, Path, Record]]) -> str:
    """The index of `ntm review`: a link to each page (name, source file, record), by commune."""
    rows = sorted(pages, key=lambda p: (p[2].identity.district or "", p[2].identity.commune or "", p[0]))
    items = "".join(
        f'<li><a href="{html.escape(n)}">{html.escape(r.identity.commune or p.name)}</a> '
        f'<span class="count">{html.escape(", ".join(x for x in (r.identity.district, r.identity.province) if x))}'
        f" · {html.escape(p.name)} · "
        f'{html.escape(_t("index_counts", figures=len(r.figures), flags=len(r.flags)))}</span></li>'
        for n, p, r in rows)
    return (f'<!DOCTYPE html><html lang="{i18n.language()}"><head><meta charset="utf-8">'
            f"<title>{html.escape(_t('title'))}</title><style>{_CSS}</style></head><body><header>"
            f"<h1>{html.escape(_t('title'))}</h1></header><main><ul>{items}</ul></main></body></html>\n")
