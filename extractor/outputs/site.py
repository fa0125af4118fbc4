"""OUT/review/ after an ingest: the district overview (index.html) and a page per report.

The overview groups communes by province and district: one row per commune with its criteria
coloured by status, the met count and "đạt chuẩn" status, flag counts by severity, links to
each of its reports' pages; a line of totals per district; then the flags across reports.
A report's page needs the document's text, which the store does not keep: it is read again,
only for reports whose page is missing or out of date (content, extractor version, language
or the flags across reports that name it changed; `pages.json` keeps what each page was made
from), so a re-run after a few changed reports rewrites a few pages.
"""
from __future__ import annotations

import hashlib
import html
import io
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from copy import copy as copy_of
from dataclasses import replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.core import i18n
from extractor.core.errors import NtmError
from extractor.core.model import Document, Record
from extractor.core.names import display_name
from extractor.core.version import __version__
from extractor.outputs import links
from extractor.outputs.collation import sort_key
from extractor.outputs.forked import Started, start_forked
from extractor.outputs.review import _CSS, PAGE_END, across_section, review_page_head
from extractor.readers import read_document
from extractor.store import queries
from extractor.store.db import Store, flag_box_part, flag_part_spans
from extractor.store.tables import as_tables

if TYPE_CHECKING:  # the workers import this module to make pages: no pandas there
    import pandas as pd

MANIFEST = "pages.json"
OVERVIEW = "index.html"
# Overview boxes rendered and not yet stored are held: at most this many (a box shows every
# figure its flag names; all of a first run's held until the end grew with the corpus).
_SAVE_EVERY = 200
_OVERVIEW_CSS = """
.grid{border-collapse:collapse;font-family:system-ui,sans-serif;font-size:.8em;margin:.4em 0 1.2em}
.grid th,.grid td{border:1px solid #bbb;padding:.15em .35em;text-align:center}
.grid td.name{text-align:left;white-space:nowrap}
.grid td.met{background:#c6efce}.grid td.unmet{background:#ffc7ce}.grid td.none{background:#f2f2f2}
.grid td.standard{background:#c6efce;font-weight:bold}
.grid tr.total td{font-weight:bold;border-top:2px solid #555}
h2{font-family:system-ui,sans-serif;font-size:1.05em;margin:1em 0 .2em}
.district{font-family:system-ui,sans-serif;font-size:.85em;color:#333}
main.overview{display:block}
"""


def _t(key: str, **values: Any) -> str:
    return i18n.t("review", key, **values)


def _stamp(sha256: str | None, across: list[tuple[str, ...]]) -> str:
    """What a page is made from: the file's content, the extractor, the language and the
    flags across reports that name it (each by its anchor, a digest of what it says and of its
    evidence, with its severity and English message: `AcrossFlags.heads`)."""
    data = json.dumps([sha256, __version__, i18n.language(), across],
                      ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


class AcrossFlags:
    """The flags across reports as the review site needs them, held light: each flag's head
    (anchor, severity, messages) and the files its evidence comes from; a flag itself, evidence
    and all, is read again (`flag`) when a page or the overview shows it. A flag holds every
    figure that differs between two reports: a province's held at once took more memory than
    the tables. From the store, the heads are read without any evidence (db.corpus_flag_heads)."""

    def __init__(self, count: int, read_row: Callable[[int], dict[str, Any]] | None = None,
                 heads: list[dict[str, Any]] | None = None, store: Store | None = None) -> None:
        # the flags are `heads` whose evidence is read from `store`, or else `read_row`'s rows
        self._row = read_row
        self._heads = heads if store is not None else None
        self._store = store  # where each flag's evidence is read and its overview box cached
        self._ids = [h["flag_id"] for h in heads] if heads is not None and store is not None else []
        self._fresh: list[tuple[int, str, str]] = []
        self.anchors: list[str] = []
        self.heads: list[tuple[str, ...]] = []
        self.by_file: dict[str, list[int]] = defaultdict(list)  # file -> flags naming it, in order
        for index in range(count):
            if heads is not None:  # the store's heads: no evidence read
                row = heads[index]
                anchor, sources = links.digest_anchor(row["digest"]), row["sources"]
            else:
                row = self._read(index)
                anchor, flag = self._flag(row)
                sources = row.get("sources")
                if sources is None:
                    sources = dict.fromkeys(str(e.get("source") or "") for e in _evidence(flag))
            self.anchors.append(anchor)
            self.heads.append((anchor, str(row["severity"]), str(row["message"] or ""), str(row["message_en"] or "")))
            for source in sources:
                if source:
                    self.by_file[source].append(index)

    @classmethod
    def of_store(cls, heads: list[dict[str, Any]], store: Store) -> AcrossFlags:
        """From the store's heads of the flags across reports (store.consolidate.corpus_flag_heads):
        what `of` gives for the tables of that store."""
        return cls(len(heads), None, heads, store)

    @classmethod
    def of(cls, tables: Mapping[str, pd.DataFrame],
           rows: Iterable[dict[str, Any]] | None = None) -> AcrossFlags:
        """From the store when the tables stream from it (the reports' own flags are not
        read), else from `rows` or the flags DataFrame."""
        from extractor.store.consolidate import StoreTables

        if rows is None and isinstance(tables, StoreTables):
            return cls.of_store(tables.corpus_heads, tables.store)
        if rows is None:
            flags = tables["flags"]
            rows = flags[flags["scope"] != "document"].to_dict("records")
        held = list(rows)
        return cls(len(held), held.__getitem__)

    def reading(self, store: Store) -> AcrossFlags:
        """The same flags, their evidence read from `store`: a forked child's own connection to
        the store they come from (an SQLite connection is not to be used across fork)."""
        if self._store is None:
            return self
        copy = copy_of(self)
        copy._store, copy._fresh = store, []
        return copy

    def _read(self, index: int) -> dict[str, Any]:
        if self._heads is not None and self._store is not None:
            head = self._heads[index]
            return {**head, "evidence_json": queries.flag_evidence(self._store, head["flag_id"])}
        assert self._row is not None
        return self._row(index)

    def flag(self, index: int) -> tuple[str, dict[str, Any]]:
        """(anchor, flag) of one flag across reports, its evidence as JSON (`evidence_json`)."""
        return self._flag(self._read(index))

    @staticmethod
    def _flag(row: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        evidence_json = row["evidence_json"] if isinstance(row.get("evidence_json"), str) else "[]"
        flag = {"rule": row["rule"], "severity": row["severity"], "message": row["message"],
                "message_en": row["message_en"], "evidence_json": evidence_json}
        return links.across_anchor(row["rule"], row["message"], evidence_json), flag

    def heads_of_file(self, path: str) -> list[tuple[str, ...]]:
        """The heads of the flags across reports whose evidence comes from `path` (no evidence
        read): what its page's stamp is made from."""
        return [self.heads[i] for i in self.by_file.get(path, [])]

    def box(self, index: int, render: Callable[[dict[str, Any]], str]) -> str:
        """The overview's box of one flag (`render` of the flag, evidence and all), cached in
        the store per language when the flags come from it: a re-run renders only the boxes
        of the districts recomputed. They are stored `_SAVE_EVERY` at a time (`save` stores
        the rest), never all held."""
        if self._store is None:
            return render(self.flag(index)[1])
        name, flag_id = flag_box_part(i18n.language()), self._ids[index]
        text = self._store.flag_part(flag_id, name)
        if text is None:
            text = render(self.flag(index)[1])
            self._fresh.append((flag_id, name, text))
            if len(self._fresh) >= _SAVE_EVERY:
                self.save()
        return text

    def boxes(self, indexes: Iterable[int], render: Callable[[str, dict[str, Any]], str]) -> Iterator[str]:
        """`box` of each flag in turn (`render` of its anchor and the flag), the cached ones read
        `_SAVE_EVERY` at a time in one query each."""
        queue = iter(indexes)
        while chunk := list(islice(queue, _SAVE_EVERY)):
            cached = ({} if self._store is None else
                      self._store.flag_parts([self._ids[i] for i in chunk], flag_box_part(i18n.language())))
            for index in chunk:
                text = cached.get(self._ids[index]) if self._store is not None else None
                yield text if text is not None else self.box(index, partial(render, self.anchors[index]))

    def flag_id(self, index: int) -> int | None:
        """The store's id of one flag across reports (None when the flags do not come from one)."""
        return self._ids[index] if self._store is not None else None

    @property
    def store(self) -> Store | None:
        """The store the flags come from (their evidence and boxes), if any."""
        return self._store

    def save(self) -> None:
        """Store the boxes rendered since the last call."""
        if self._store is not None and self._fresh:
            self._store.save_flag_parts(self._fresh)
        self._fresh = []

    def listed(self) -> dict[str, int]:
        """Anchor -> flag of each flag whose evidence names a report (the pages link to it)."""
        return {self.anchors[i]: i for indexes in self.by_file.values() for i in indexes}


def _evidence(flag: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in json.loads(flag["evidence_json"]) if isinstance(e, dict)]


def _decoded(flags: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """Flags as a page shows them, their evidence decoded."""
    return [(anchor, {**{k: v for k, v in flag.items() if k != "evidence_json"}, "evidence": _evidence(flag)})
            for anchor, flag in flags]


def page_head(doc: Document, record: dict[str, Any]) -> str:
    """The head of a report's review page in the current language, from its document and
    stored record (the worker that reads a file calls this too, so both make the same page)."""
    doc = replace(doc, path=display_name(doc.path))
    return review_page_head(doc, Record.from_dict(record), overview=OVERVIEW)


def write_report_pages(store: Store, across: AcrossFlags, review_dir: Path, stream: Any = None) -> int:
    """Write the page of every present report whose page is missing or out of date; remove
    pages of reports gone. Only the records of the pages written are decoded. Returns the
    number of pages written."""
    review_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = review_dir / MANIFEST
    try:
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    new: dict[str, str] = {}
    todo: list[tuple[int, str, str]] = []
    for doc_id, path, sha256 in queries.present_report_files(store):
        name = links.page_name(path)
        stamp = _stamp(sha256, across.heads_of_file(path))
        new[name] = stamp
        if old.get(name) != stamp or not (review_dir / name).exists():
            todo.append((doc_id, path, name))
    flags = _PageFlags(across, [path for _, path, _ in todo])
    missing: list[str] = []
    written = 0
    for doc_id, path, name in sorted(todo, key=lambda item: flags.order(item[1])):
        mine = flags.take(path)
        head = store.page_head(doc_id, i18n.language())
        if head is None:  # read before pages were made by workers, or in another language
            try:
                doc = read_document(path)
            except (NtmError, OSError) as err:  # the file changed or went since it was stored
                detail = err.message() if isinstance(err, NtmError) else str(err)
                missing.append(_t("page_missing", path=path, reason=detail))
                new.pop(name)
                continue
            head = page_head(doc, store.record(doc_id))
        page = head + across_section(mine, path) + PAGE_END
        tmp = review_dir / f".{name}.tmp"
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, review_dir / name)
        written += 1
    for message in sorted(missing):  # by path, whatever order the pages were written in
        print(message, file=stream or sys.stderr)
    for name in set(old) - set(new):
        (review_dir / name).unlink(missing_ok=True)
    manifest_path.write_text(json.dumps(new, indent=0, sort_keys=True), encoding="utf-8")
    return written


_HELD_FLAGS = 256  # flags across reports held decoded while their pages are written, at most


class _PageFlags:
    """The flags across reports shown on the pages to write, each read from the store and
    decoded once for all the pages naming it (a flag names two reports or more: read again for
    each, they were a third of the pages' time), held from its first page to its last. The pages
    are written flag by flag (`order`: flags come by commune), so few are held at once, and
    never more than `_HELD_FLAGS` (a flag holds every figure that differs between reports)."""

    def __init__(self, across: AcrossFlags, paths: list[str]) -> None:
        self.across = across
        self.left = Counter(i for path in paths for i in across.by_file.get(path, ()))
        self.held: dict[int, tuple[str, dict[str, Any]]] = {}

    def order(self, path: str) -> tuple[int, str]:
        """Where the page of `path` is written: after the pages naming an earlier flag."""
        indexes = self.across.by_file.get(path)
        return (indexes[0] if indexes else len(self.across.heads), path)

    def take(self, path: str) -> list[tuple[str, dict[str, Any]]]:
        """(anchor, flag) of each flag naming `path`, its evidence decoded, as its page shows them."""
        out = []
        for index in self.across.by_file.get(path, ()):
            flag = self.held.get(index)
            if flag is None:
                flag = _decoded([self.across.flag(index)])[0]
                if self.left[index] > 1 and len(self.held) < _HELD_FLAGS:
                    self.held[index] = flag
            self.left[index] -= 1
            if self.left[index] <= 0:
                self.held.pop(index, None)
            out.append(flag)
        return out


def criteria_columns(columns: Iterable[str]) -> tuple[int, ...]:
    """The criteria numbers the consolidated table has columns for (tc01...): the store takes
    them from the criteria sets in schemas/criteria/, so they are not repeated here."""
    return tuple(int(c[2:]) for c in columns if c.startswith("tc") and c[2:].isdigit())


class _Cells:
    """A commune's criteria cells in the overview, each column's three possible cells made
    once (a few thousand cells at 1,000 reports, each looked up in the catalogue before)."""

    def __init__(self, numbers: tuple[int, ...]) -> None:
        met, unmet = html.escape(_t("status_met")), html.escape(_t("status_unmet"))
        self.columns = [(f"tc{n:02d}", f'<td class="met" title="{n}">{met}</td>',
                         f'<td class="unmet" title="{n}">{unmet}</td>', f'<td class="none" title="{n}"></td>')
                        for n in numbers]

    def __call__(self, row: dict[str, Any]) -> tuple[str, int]:
        out, met = [], 0
        for key, met_cell, unmet_cell, none_cell in self.columns:
            status = row.get(key)
            if status == "met":
                met += 1
                out.append(met_cell)
            elif status:
                out.append(unmet_cell)
            else:
                out.append(none_cell)
        return "".join(out), met


def tables_to_overview_html(tables: Mapping[str, pd.DataFrame],
                            across_rows: Iterable[dict[str, Any]] | None = None) -> str:
    """The district overview: communes x criteria per district, totals, flags across reports
    (`across_rows`, the corpus rows of the flags table; read from `tables` when None)."""
    return "".join(overview_parts(tables, AcrossFlags.of(tables, across_rows)))


def overview_parts(tables: Mapping[str, pd.DataFrame], across: AcrossFlags) -> Iterator[str]:
    """The overview's HTML in parts, written one after the other: the boxes of a province's
    flags across reports are not held at once."""
    for _, text in _overview_pieces(tables, across, frozenset()):
        assert text is not None  # none is copied
        yield text


def _overview_pieces(tables: Mapping[str, pd.DataFrame], across: AcrossFlags,
                     copied: AbstractSet[int]) -> Iterator[tuple[int | None, str | None]]:
    """The overview's parts (`overview_parts`), each with the id of the flag across reports
    whose box it is (None for the rest); the box of a flag in `copied` is not made (its text
    None): the caller copies it from the overview written before."""
    t = as_tables(tables)
    # of each report, only what its commune's row shows: a row of communes per report held
    # whole grew with the corpus
    severities = ("error", "warning", "info")
    reports_of: dict[str, list[tuple[str, tuple[int, ...]]]] = defaultdict(list)
    report_count = 0
    for c in t.rows("communes"):
        report_count += 1
        reports_of[c["commune_key"]].append((c["file"], tuple(int(c.get(f"flags_{s}") or 0) for s in severities)))
    numbers = criteria_columns(t.columns("criteria"))
    crit = list(t.rows("criteria"))
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in crit:
        groups[(row.get("province") or "", row.get("district") or "")].append(row)
    head = ("<tr><th>#</th><th>" + html.escape(_t("col_commune")) + "</th><th>" + html.escape(_t("col_date"))
            + "</th>" + "".join(f"<th>{n}</th>" for n in numbers) + f"<th>{html.escape(_t('col_met'))}</th>"
            f"<th>{html.escape(_t('col_standard'))}</th><th>{html.escape(_t('col_flags'))}</th>"
            f"<th>{html.escape(_t('col_reports'))}</th></tr>")
    intro = _t("overview_intro", communes=len(crit), reports=report_count)
    cells_of = _Cells(numbers)
    standard_yes, standard_no = html.escape(_t("standard_yes")), html.escape(_t("standard_no"))
    yield None, (f'<!DOCTYPE html><html lang="{i18n.language()}"><head><meta charset="utf-8">'
           f"<title>{html.escape(_t('overview_title'))}</title><style>{_CSS}{_OVERVIEW_CSS}</style></head><body>"
           f"<header><h1>{html.escape(_t('overview_title'))}</h1><div class=\"meta\">{html.escape(intro)}</div>"
           f'</header><main class="overview">')
    for key in sorted(groups, key=lambda k: (sort_key(k[0]), sort_key(k[1]))):
        rows = sorted(groups[key], key=lambda r: sort_key(r.get("commune")))
        body: list[str] = []
        mets: list[int] = []
        sev_all: Counter[str] = Counter()
        for i, row in enumerate(rows, start=1):
            cells, met = cells_of(row)
            mets.append(met)
            reports = reports_of.get(row["commune_key"], [])
            sev = Counter({s: sum(counts[n] for _, counts in reports) for n, s in enumerate(severities)})
            sev_all.update(sev)
            own = links.review_link(row.get("file")) or ""
            page_links = " ".join(
                f'<a href="{html.escape((links.review_link(file) or "")[len(links.REVIEW_DIR) + 1:])}">'
                f'{html.escape(_suffix(file).lstrip(".") or "?")}</a>' for file, _ in reports)
            standard = met == len(numbers)
            date = html.escape(str(row.get("report_date") or ""))
            body.append(
                f'<tr class="commune"><td>{i}</td><td class="name">'
                f'<a href="{html.escape(own[len(links.REVIEW_DIR) + 1:])}">'
                f'{html.escape(row.get("commune") or "?")}</a></td><td>{date}</td>'
                f'{cells}<td>{met}</td><td class="{"standard" if standard else ""}">'
                f'{standard_yes if standard else standard_no}</td>'
                f'<td>{sev["error"]} / {sev["warning"]} / {sev["info"]}</td><td>{page_links}</td></tr>')
        mean = i18n.format_number(round(sum(mets) / len(mets), 1)) if mets else "-"
        line = _t("district_line", communes=len(rows), met_all=sum(1 for m in mets if m == len(numbers)),
                  mean=mean, error=sev_all["error"], warning=sev_all["warning"], info=sev_all["info"])
        title = ", ".join(x for x in (key[1] or _t("no_district"), key[0]) if x)
        yield None, (f'<section class="district-block"><h2>{html.escape(title)}</h2>'
               f'<div class="district">{html.escape(line)}</div>'
               f'<table class="grid">{head}{"".join(body)}</table></section>')
    # a flag is listed when its evidence names a report (the pages link to it)
    listed = across.listed()
    if listed:
        yield None, f"<h2>{html.escape(_t('across_heading'))}</h2>"
        indexes = list(listed.values())
        made = across.boxes([i for i in indexes if across.flag_id(i) not in copied], _overview_box)
        for index in indexes:
            flag_id = across.flag_id(index)
            yield flag_id, None if flag_id is not None and flag_id in copied else next(made)
    yield None, "</main></body></html>\n"


def _suffix(path: str) -> str:
    """`Path(path).suffix` without making a path object (one a report was a sixth of rewriting
    the overview's districts): the last component's from its last dot, none for a name that
    starts with its only dot or ends with one."""
    name = os.path.basename(path)
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _overview_box(flag_anchor: str, f: dict[str, Any]) -> str:
    """A flag across reports in the overview: its message and a link per evidence item."""
    from extractor.outputs.review import _flag_box

    evidence = []
    for e in _evidence(f):
        loc = e.get("location") or {}
        anchor = links.figure_anchor(loc.get("block"), loc.get("start")) if loc else ""
        href = links.page_name(str(e.get("source") or "")) + (f"#{anchor}" if anchor else "")
        evidence.append((href, f"{e.get('commune') or ''}: {e.get('text') or ''}"))
    message = f["message"] if i18n.language() == "vi" or not f["message_en"] else f["message_en"]
    return _flag_box(flag_anchor, f["severity"], f["rule"], message, evidence)


def write_review_site(store: Store, tables: Mapping[str, pd.DataFrame], out: Path, stream: Any = None) -> int:
    """OUT/review/: the page of each changed report and the overview. Returns pages written."""
    return start_review_site(store, tables, out, stream)()


def start_review_site(store: Store, tables: Mapping[str, pd.DataFrame], out: Path,
                      stream: Any = None) -> Started[int]:
    """Start OUT/review/ and return what finishes it, giving the number of pages written. The
    pages of changed reports are written by a forked child (outputs.forked: about a second at
    1,000 reports, alone in the main process after reading) while this process writes the
    overview here, then the other outputs until it finishes the site; the messages about pages
    that could not be made are printed then."""
    across = AcrossFlags.of(tables)
    pages = start_report_pages(store, across, out, stream)
    try:
        write_overview(tables, across, out)
    except BaseException:
        pages.abandon()  # the overview's error is the one raised
        raise
    return pages


def start_report_pages(store: Store, across: AcrossFlags, out: Path, stream: Any = None) -> Started[int]:
    """Start writing the report pages of OUT/review/ in a forked child (`write_report_pages`)
    and return what finishes it, giving the number of pages written and printing the messages
    about pages that could not be made. They need the flags across reports (`across`, from the
    store's heads: `AcrossFlags.of_store`), not the tables: an ingest starts them before it
    builds the tables."""
    review_dir = Path(out) / links.REVIEW_DIR
    review_dir.mkdir(parents=True, exist_ok=True)

    def pages(own: Store) -> tuple[int, str]:
        messages = io.StringIO()
        return write_report_pages(own, across.reading(own), review_dir, messages), messages.getvalue()

    started = start_forked(pages, store)

    def finish() -> int:
        written, messages = started()
        if messages:
            (stream or sys.stderr).write(messages)
        return written
    return Started(finish, started.abandon)


def write_overview(tables: Mapping[str, pd.DataFrame], across: AcrossFlags, out: Path) -> None:
    """OUT/review/index.html (`overview_parts`), its flag boxes cached in the store. With the
    flags from a store, the box of a flag the overview written before shows (in this language)
    is copied from that file as it is, where the store says the box lies in it and the file is
    as written then (the spans of `Store.csv_spans`, which go with the flag, its cached box and
    the file): reading, decompressing and writing the 1,000 cached boxes of a province again
    was half of rewriting it after a few reports changed."""
    from extractor.outputs.export import SpanWriter, file_stamp

    review_dir = Path(out) / links.REVIEW_DIR
    review_dir.mkdir(parents=True, exist_ok=True)
    path, tmp = review_dir / OVERVIEW, review_dir / ".index.html.tmp"
    store = across.store
    name = flag_part_spans(flag_box_part(i18n.language()))  # its spans go with the boxes cached
    stamp = file_stamp(path) if store is not None else None
    spans = {flag_id: (start, length) for (doc_id, flag_id), (start, length, _) in
             (store.csv_spans(name, stamp) if store is not None and stamp else {}).items()
             if doc_id is None and flag_id is not None}
    with open(tmp, "wb") as fh, (open(path, "rb") if spans else _no_file()) as old:
        writer = SpanWriter(fh, old)
        for flag_id, text in _overview_pieces(tables, across, spans.keys()):
            if text is None:
                assert flag_id is not None
                writer.copy((None, flag_id), "", *spans[flag_id])
            else:
                data = _text_bytes(text)
                if flag_id is None:
                    writer.write(data)
                else:
                    writer.text((None, flag_id), "", data)
        writer.close()
    os.replace(tmp, path)
    across.save()  # boxes cached anew lose their spans: those of this file are stored after
    written = file_stamp(path) if store is not None else None
    if store is not None and written:
        store.save_csv_spans(name, written, [s for s in writer.spans if s[1] is not None])


def _text_bytes(text: str) -> bytes:
    """A text as a file opened for text writes it (UTF-8, each newline as the system's)."""
    return (text if os.linesep == "\n" else text.replace("\n", os.linesep)).encode("utf-8")


@contextmanager
def _no_file() -> Iterator[None]:
    yield None
