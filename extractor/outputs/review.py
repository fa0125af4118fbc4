"""The review page: every figure shown in its source text, every flag next to its evidence.

`ntm review FILE... -o DIR` (extractor.cli.review) writes one self-contained HTML page per
report (no scripts from elsewhere, no network) and an index. A district officer reads the report as it was written,
with each extracted figure highlighted (hover: value, unit, indicator, label) and each flag
linking to the places it names.
"""
from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.core import i18n
from extractor.core.model import BlockKind, Document, Location, Record

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
mark:target{outline:2px solid #0a58ca}
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


def _t(key: str, **values: Any) -> str:
    return i18n.t("review", key, **values)


def _anchor(loc: Location) -> str:
    return f"b{loc.block}-{loc.start}"


def record_to_marks(record: Record) -> dict[int, list[_Mark]]:
    flagged = {(e.location.block, e.location.start, e.location.end)
               for f in record.flags for e in f.evidence if e.location is not None}
    marks: dict[int, list[_Mark]] = defaultdict(list)
    for fig in record.figures:
        loc = fig.location
        parts = [f"{i18n.format_number(fig.value)} {fig.unit}"]
        if fig.total is not None:
            parts[0] += f" / {i18n.format_number(fig.total)}"
        if fig.noun:
            parts.append(fig.noun)
        if fig.indicator:
            parts.append(f"{_t('indicator')}: {fig.indicator}")
        if fig.label:
            parts.append(f"{_t('label')}: {fig.label}")
        marks[loc.block].append(_Mark(loc.start, loc.end, _anchor(loc), " | ".join(parts),
                                      (loc.block, loc.start, loc.end) in flagged))
    for f in record.flags:  # evidence that is not itself a figure is marked too
        for e in f.evidence:
            where = e.location
            if where is not None and not any(m.start == where.start and m.end == where.end
                                             for m in marks[where.block]):
                marks[where.block].append(_Mark(where.start, where.end, _anchor(where), f.rule, True))
    return marks


def _highlight(text: str, marks: list[_Mark]) -> str:
    out, pos = [], 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > len(text):
            continue  # overlapping evidence: the first mark wins
        out.append(html.escape(text[pos:m.start]))
        cls = ' class="flagged"' if m.flagged else ""
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


def _flags_html(record: Record) -> str:
    if not record.flags:
        return f"<p>{html.escape(_t('no_flags'))}</p>"
    items = []
    for f in sorted(record.flags, key=lambda f: ("error", "warning", "info").index(f.severity)):
        links = "".join(f'<a href="#{_anchor(e.location)}">{html.escape(e.text)}</a>'
                        for e in f.evidence if e.location is not None)
        message = f.message if i18n.language() == "vi" or not f.message_en else f.message_en
        items.append(f'<div class="flag {f.severity}"><b>{html.escape(_t("severity_" + f.severity))}</b> '
                     f"<code>{html.escape(f.rule)}</code><br>{html.escape(message)}<br>{links}</div>")
    return "".join(items)


def _criteria_text(record: Record) -> str:
    c = record.criteria
    met = ", ".join(map(str, c.met)) or "-"
    unmet = ", ".join(map(str, c.unmet)) or "-"
    return _t("criteria_line", met_n=len(c.met), met=met, unmet_n=len(c.unmet), unmet=unmet)


def document_to_review_html(doc: Document, record: Record) -> str:
    ident = record.identity
    title = " - ".join(p for p in (ident.commune, ident.district, ident.province) if p) or Path(doc.path).name
    meta = _t("meta_line", path=doc.path, format=doc.format, date=ident.report_date or "?",
              period=ident.period or "?", figures=len(record.figures), flags=len(record.flags))
    return f"""<!DOCTYPE html>
<html lang="{i18n.language()}"><head><meta charset="utf-8">
<title>{html.escape(_t("title"))}: {html.escape(title)}</title><style>{_CSS}</style></head>
<body><header><h1>{html.escape(title)}</h1>
<div class="meta">{html.escape(meta)}<br>{html.escape(_criteria_text(record))}</div></header>
<main><article class="doc">{_document_html(doc, record_to_marks(record))}</article>
<aside><section><h2>{html.escape(_t("flags_heading"))} <span class="count">({len(record.flags)})</span></h2>
{_flags_html(record)}</section></aside></main></body></html>
"""


def page_name(path: Path, used: set[str]) -> str:
    """A file name for the review page of `path`, unique among `used` (then added to it)."""
    stem = re.sub(r"[^\w.-]+", "_", path.name)
    name, k = f"{stem}.html", 1
    while name in used:
        k += 1
        name = f"{stem}-{k}.html"
    used.add(name)
    return name


def pages_to_index_html(pages: list[tuple[str, Path, Record]]) -> str:
    """The index page: a link to each review page (name, source file, record), with counts."""
    items = "".join(
        f'<li><a href="{html.escape(n)}">{html.escape(str(p))}</a> '
        f'<span class="count">{html.escape(_t("index_counts", figures=len(r.figures), flags=len(r.flags)))}'
        "</span></li>" for n, p, r in pages)
    return (f'<!DOCTYPE html><html lang="{i18n.language()}"><head><meta charset="utf-8">'
            f"<title>{html.escape(_t('title'))}</title><style>{_CSS}</style></head><body><header>"
            f"<h1>{html.escape(_t('title'))}</h1></header><main><ul>{items}</ul></main></body></html>\n")
