"""Consistency flags across reports: what one report cannot show on its own.

`records_to_flags(records)` takes several records as JSON dicts (`Record.to_json()`, or rows
read back from the store) and returns flags in the record contract's shape, each evidence
item also naming its `source` (file path), `commune` and `commune_key`, since it may come from
any report, and each flag the `commune_keys` it counts towards; `report_copies(records)` groups
the files that are one report (the same report as .docx and .pdf) so it is counted once:
- `duplicate_report_conflict`: one commune reported twice for the same period with
  different values of an indicator: each report is compared against the newest report of
  its commune and period that gives the measure (one flag per report that differs, naming
  every differing figure), not every pair of reports;
- `criterion_regressed`: a criterion met in an earlier report and not met in a later one;
- `cumulative_decrease`: a cumulative indicator (patterns/checks.yaml) that falls over time;
- `unit_slip_suspected`: a commune's value about 1000 or 1 000 000 times the median of the
  district's other communes (m for km, đồng for triệu đồng);
- `district_total_mismatch`: a district summary whose total differs from the sum of its
  communes' reports for the same period.
Words and tolerances are in patterns/checks.yaml (`cross`), messages in
extractor/locale/checks.yaml.
"""
from __future__ import annotations

import json
import math
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from extractor.checks.data import config
from extractor.checks.flags import indicator_name, make_flag
from extractor.core import i18n
from extractor.core.i18n import format_number
from extractor.extract.identity import place_key as _place_key

Rec = dict[str, Any]


@lru_cache(maxsize=65536)
def place_key(name: str | None) -> str:
    """identity.place_key, once per name: every evidence item of a flag keys its report, and
    a province has a few thousand names."""
    return _place_key(name)


def _cfg() -> dict[str, Any]:
    return config()["cross"]


def name_key(name: str | None) -> str | None:
    """A place name compared across reports (see identity.place_key)."""
    return place_key(name) or None


def _flag(rule: str, severity: str, key: str, evidence: list[dict[str, Any]], **values: Any) -> dict[str, Any]:
    """A flag made as a report's flags are (checks.flags.make_flag, its severity at `cross.<severity>`
    in patterns/checks.yaml), as a dict whose evidence items also name their report (`_evidence`)."""
    flag = asdict(make_flag(rule, ("cross", severity), key, [], **values))
    flag["evidence"] = evidence
    flag["commune_keys"] = sorted({e["commune_key"] for e in evidence})
    return flag


# What the rules read of a figure: a record's figures are most of its size, and a district's
# records are compared at once.
_COMPARED_FIGURE_KEYS = ("value", "unit", "indicator", "label", "noun", "total", "text", "location")


def compared_part(rec: Rec) -> Rec:
    """The part of a record the rules read: its identity, criteria and source, and the figures
    that have a value and an indicator or a label (the others are never compared), each with
    the keys the rules read. `records_to_flags` of these gives the flags of the whole records."""
    figures = [{k: f.get(k) for k in _COMPARED_FIGURE_KEYS} for f in rec.get("figures") or []
               if f.get("value") is not None and (f.get("indicator") or f.get("label"))]
    src = rec.get("source")
    source = {"path": src.get("path"), "sha256": src.get("sha256")} if isinstance(src, dict) else src
    keep = {k: v for k, v in rec.items() if k not in ("figures", "source", "identity_evidence", "flags")}
    return {**keep, "source": source, "figures": figures}


def _source(rec: Rec) -> str:
    src = rec.get("source") or {}
    return str(src.get("path") or "") if isinstance(src, dict) else str(src)


def _short(rec: Rec) -> str:
    return Path(_source(rec)).name or "?"


def _row_source(row: Rec) -> str:
    """The file a row names: a store row's `file`, a record's `source.path`."""
    return str(row.get("file") or "") if row.get("file") else _source(row)


def commune_keys(rows: Sequence[Rec]) -> list[str]:
    """One commune key per report (a record, or a row with commune, district, province and
    `file`), as the consolidated tables write it: 'commune | district | province', each through
    identity.place_key, so the same commune lands on the same row whatever the spelling. A
    report that leaves out its district or province joins the one commune of that name among
    `rows` whose known parts agree, when there is exactly one; a report that names no commune
    is a row of its own ('?<file>'). The consolidated tables and the flags across reports key
    communes with this one function."""
    parts = [(place_key(r.get("commune")), place_key(r.get("district")),
              place_key(r.get("province"))) for r in rows]
    full = {p for p in parts if p[0] and p[1] and p[2]}
    keys = []
    for row, (c, d, p) in zip(rows, parts, strict=True):
        if not c:
            keys.append("?" + _row_source(row))
            continue
        if not (d and p):
            matches = [k for k in full if k[0] == c and (not d or k[1] == d) and (not p or k[2] == p)]
            if len(matches) == 1:
                c, d, p = matches[0]
        keys.append(" | ".join((c, d, p)))
    return keys


def commune_key(rec: Rec) -> str:
    """The key of one report on its own (`commune_keys` of it alone: with no other report,
    one that leaves out its district or province joins none), so a flag across reports counts
    towards the communes it names; made for each evidence item of a flag."""
    commune = place_key(rec.get("commune"))
    if not commune:
        return "?" + _row_source(rec)
    return " | ".join((commune, place_key(rec.get("district")), place_key(rec.get("province"))))


def _evidence(rec: Rec, text: str, location: Any = None) -> dict[str, Any]:
    return {"text": text, "location": location, "source": _source(rec), "commune": rec.get("commune"),
            "commune_key": commune_key(rec)}


def _figure_evidence(rec: Rec, fig: dict[str, Any]) -> dict[str, Any]:
    return _evidence(rec, str(fig.get("text") or ""), fig.get("location"))


def _is_summary(rec: Rec) -> bool:
    kinds = set(_cfg().get("summary_document_kinds") or [])
    return bool(rec.get("district")) and (not rec.get("commune") or rec.get("document_kind") in kinds)


def _period_key(rec: Rec) -> str | None:
    return rec.get("period") or rec.get("report_date")


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_cfg()["relative_tolerance"], abs_tol=1e-9)


def single_values(rec: Rec) -> dict[str, dict[str, Any]]:
    """Indicator -> its figure, for indicators the record gives exactly one value (the same
    value written twice counts once; a percentage is kept apart from an amount)."""
    seen: dict[str, list[dict[str, Any]]] = {}
    for fig in rec.get("figures") or []:
        ind = fig.get("indicator")
        if not ind or fig.get("value") is None:
            continue
        key = f"{ind}|{fig.get('unit')}"
        same = seen.setdefault(key, [])
        if not any(_close(float(f["value"]), float(fig["value"])) for f in same):
            same.append(fig)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def _label_key(fig: dict[str, Any]) -> str | None:
    label = " ".join(unicodedata.normalize("NFC", str(fig.get("label") or "")).casefold().split())
    if not label:
        return None
    noun = (fig.get("noun") or "").casefold() if fig.get("unit") == "count" else ""
    return f"label:{label}|{fig.get('unit')}|{noun}|{fig.get('total') is None}"


def labelled_values(rec: Rec) -> dict[str, dict[str, Any]]:
    """Label -> its figure, for every labelled figure the record gives exactly one value
    ("1.500 lượt người" under "tham gia tập huấn"), so copies of one report are compared on
    all their figures, not only those mapped to a canonical indicator."""
    seen: dict[str, list[dict[str, Any]]] = {}
    for fig in rec.get("figures") or []:
        key = _label_key(fig)
        if key is None or fig.get("value") is None:
            continue
        same = seen.setdefault(key, [])
        if not any(_close(float(f["value"]), float(fig["value"])) for f in same):
            same.append(fig)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def _indicator_name(key: str) -> str:
    return key.split("|", 1)[0]


def _indicator_title(key: str, fig: dict[str, Any] | None = None) -> Callable[[str], str]:
    """What a reader calls the measure: the indicator's name, or the report's own label."""
    if key.startswith("label:") and fig is not None:
        label = str(fig.get("label") or "")
        return lambda lang: label
    return indicator_name(_indicator_name(key))


def _amount(fig: dict[str, Any]) -> Callable[[str], str]:
    unit = fig.get("unit") or ""

    def render(lang: str) -> str:
        name = i18n.t("checks", f"unit_{unit}", lang=lang) if unit else ""
        return f"{format_number(float(fig['value']), lang)} {name}".strip()
    return render


# ---------------------------------------------------------------------------- rules


def _newest_first(recs: list[Rec]) -> list[Rec]:
    """A commune's reports of one period, the newest (by report date, then path: a re-sent
    file usually sorts after the first) first, one of each file content."""
    seen: set[str] = set()
    out = []
    for rec in sorted(recs, key=lambda r: (str(r.get("report_date") or ""), _source(r)), reverse=True):
        sha = (rec.get("source") or {}).get("sha256")
        if sha and sha in seen:
            continue  # the same file twice: a duplicate, not a contradiction
        if sha:
            seen.add(sha)
        out.append(rec)
    return out


_Values = tuple[Rec, dict[str, dict[str, Any]], dict[str, dict[str, Any]]]


def _against_newer(own: _Values, newer: list[_Values]) -> list[tuple[str, dict[str, Any], Rec, dict[str, Any]]]:
    """(key, figure of the report, newer report, its figure) for every measure the report
    (`own`: it with its single and labelled values) gives once that differs from the newest
    report giving it once: canonical indicators first, then labelled figures not already compared."""
    out: list[tuple[str, dict[str, Any], Rec, dict[str, Any]]] = []
    compared: set[int] = set()
    for which in (0, 1):
        mine = own[which + 1]
        for k in sorted(mine):
            found = next(((other, vals[which][k]) for other, *vals in newer if k in vals[which]), None)
            if found is None:
                continue
            fa, (other, fb) = mine[k], found
            if id(fa) in compared or id(fb) in compared:
                continue
            compared.update((id(fa), id(fb)))
            if not _close(float(fa["value"]), float(fb["value"])):
                out.append((k, fa, other, fb))
    return out


def _conflicts(recs: list[Rec]) -> list[tuple[Rec, dict[str, Any]]]:
    """(report, its flag) for each report of one commune and period (`recs`) that differs from
    the newest report of them giving the same measure (`duplicate_report_conflict`)."""
    ordered = _newest_first(recs)
    if len(ordered) < 2:
        return []
    period = _period_key(ordered[0])
    values = [(r, single_values(r), labelled_values(r)) for r in ordered]
    flagged: list[tuple[Rec, dict[str, Any]]] = []
    for i in range(1, len(ordered)):
        a = ordered[i]
        differing = _against_newer(values[i], values[:i])
        if not differing:
            continue
        first, fa, b, fb = differing[0]
        evidence = [e for _, x, other, y in differing
                    for e in (_figure_evidence(a, x), _figure_evidence(other, y))]
        message = "duplicate_report_conflict_more" if len(differing) > 1 else "duplicate_report_conflict"
        flag = _flag("duplicate_report_conflict", "severity_duplicate", message, evidence,
                     commune=a.get("commune"), period=period, indicator=_indicator_title(first, fa),
                     a=_amount(fa), b=_amount(fb), source_a=_short(a),
                     source_b=_short(b), others=len(differing) - 1)
        flagged.append((a, flag))
    return flagged


def duplicate_report_conflict(records: list[Rec]) -> list[dict[str, Any]]:
    """Each report of a commune and period compared against the newest report of that commune
    and period that gives the same measure (the one most likely to be final): one flag per
    report that differs, naming the first difference and counting the rest, its evidence every
    differing figure beside the newer one. A commune re-sending one report n times gets n - 1
    flags, not one per pair of copies (n * (n - 1) / 2, each holding every figure that differs:
    a province's outgrew the rest of the tables), and every figure that differs between two
    reports of one period still shows in a flag (against the newest that gives it)."""
    groups: dict[tuple[Any, ...], list[Rec]] = {}
    position = {id(rec): n for n, rec in enumerate(records)}
    for rec in records:
        commune, period = name_key(rec.get("commune")), _period_key(rec)
        if commune and period:
            groups.setdefault((commune, name_key(rec.get("district")), period), []).append(rec)
    flagged = [(position[id(a)], flag) for recs in groups.values() for a, flag in _conflicts(recs)]
    flagged.sort(key=lambda item: item[0])  # in the order of the records (a district's: by path)
    return [flag for _, flag in flagged]


def _figure_bag(rec: Rec) -> Counter[tuple[Any, float]]:
    return Counter((f.get("unit"), round(float(f["value"]), 6)) for f in rec.get("figures") or []
                   if f.get("value") is not None)


def _same_content(a: Rec, b: Rec) -> bool:
    """The same period, date and document number, and (nearly) the same figures."""
    for field in ("period", "report_date", "document_number"):
        if a.get(field) and b.get(field) and a.get(field) != b.get(field):
            return False
    if not (_period_key(a) and _period_key(b)):
        return False
    bag_a, bag_b = _figure_bag(a), _figure_bag(b)
    larger = max(sum(bag_a.values()), sum(bag_b.values()))
    return larger > 0 and sum((bag_a & bag_b).values()) >= _cfg()["copy_min_shared_figures"] * larger


def _same_file(a: Rec, b: Rec) -> bool:
    sha_a, sha_b = (a.get("source") or {}).get("sha256"), (b.get("source") or {}).get("sha256")
    return bool(sha_a) and sha_a == sha_b


def same_report(a: Rec, b: Rec) -> bool:
    """Two files that hold one report: the same file, or the same commune, period, date and
    document number with (nearly) the same figures (patterns/checks.yaml
    `cross.copy_min_shared_figures`, the share of the larger record's figures found in both):
    a report sent as .docx and .pdf, or re-sent with a figure corrected."""
    if _same_file(a, b):
        return True
    if commune_key(a) != commune_key(b) or commune_key(a).startswith("?"):
        return False
    return _same_content(a, b)


def report_copies(records: Sequence[Rec], keys: Sequence[str] | None = None) -> list[list[Rec]]:
    """The records grouped into reports: each group the files of one report (`same_report`
    with the group's first file), in the order first seen. `keys` are the records' commune
    keys (default: `commune_keys(records)`). Consolidation writes one row per group, listing
    its files, and counts its flags once."""
    keys = commune_keys(records) if keys is None else keys
    groups: list[list[Rec]] = []
    by_commune: dict[str, list[list[Rec]]] = {}
    for rec, key in zip(records, keys, strict=True):
        candidates = by_commune.setdefault(key, [])
        group = next((g for g in candidates if _same_file(g[0], rec)
                      or (not key.startswith("?") and _same_content(g[0], rec))), None)
        if group is None:
            group = [rec]
            candidates.append(group)
            groups.append(group)
        else:
            group.append(rec)
    return groups


def _criteria_set(rec: Rec) -> Any:
    return (rec.get("criteria") or {}).get("criteria_set")


def _in_time(recs: list[Rec]) -> list[Rec]:
    return sorted(recs, key=lambda r: str(r["report_date"]))


def _by_commune_in_time(records: list[Rec]) -> Iterable[list[Rec]]:
    """Each commune's dated reports under one criteria set, oldest first. Reports under
    different sets are not compared: a criterion met under QĐ 1980 may be unmet under the
    stricter QĐ 318, and cumulative figures restart with each programme period."""
    groups: dict[tuple[Any, ...], list[Rec]] = {}
    for rec in records:
        commune = name_key(rec.get("commune"))
        if commune and rec.get("report_date") and not _is_summary(rec):
            groups.setdefault((commune, name_key(rec.get("district")), _criteria_set(rec)), []).append(rec)
    for recs in groups.values():
        yield _in_time(recs)


def _regressions(recs: list[Rec]) -> list[dict[str, Any]]:
    """`criterion_regressed` over one commune's reports under one set, oldest first."""
    flags = []
    for a, b in pairwise(recs):
        if a["report_date"] == b["report_date"]:
            continue
        lost = sorted(set((a.get("criteria") or {}).get("met") or [])
                      & set((b.get("criteria") or {}).get("unmet") or []))
        if not lost:
            continue
        evidence = []
        for rec, status in ((a, "met"), (b, "unmet")):
            for e in (rec.get("criteria") or {}).get("evidence") or []:
                if e.get("number") in lost and e.get("status") == status:
                    evidence.append(_evidence(rec, str(e.get("text") or ""), e.get("location")))
        flags.append(_flag("criterion_regressed", "severity_regressed", "criterion_regressed",
                           evidence, commune=a.get("commune"), numbers=", ".join(map(str, lost)),
                           date_a=a["report_date"], date_b=b["report_date"],
                           source_a=_short(a), source_b=_short(b)))
    return flags


def criterion_regressed(records: list[Rec]) -> list[dict[str, Any]]:
    return [flag for recs in _by_commune_in_time(records) for flag in _regressions(recs)]


def _decreases(recs: list[Rec]) -> list[dict[str, Any]]:
    """`cumulative_decrease` over one commune's reports under one set, oldest first."""
    cumulative = set(_cfg().get("cumulative_indicators") or [])
    flags: list[dict[str, Any]] = []
    if not cumulative:
        return flags
    for a, b in pairwise(recs):
        va, vb = single_values(a), single_values(b)
        for key in sorted(set(va) & set(vb)):
            if _indicator_name(key) not in cumulative:
                continue
            fa, fb = va[key], vb[key]
            if float(fb["value"]) < float(fa["value"]) and not _close(float(fa["value"]), float(fb["value"])):
                flags.append(_flag("cumulative_decrease", "severity_decrease", "cumulative_decrease",
                                   [_figure_evidence(a, fa), _figure_evidence(b, fb)],
                                   commune=a.get("commune"), indicator=_indicator_title(key),
                                   a=_amount(fa), b=_amount(fb),
                                   date_a=a["report_date"], date_b=b["report_date"]))
    return flags


def cumulative_decrease(records: list[Rec]) -> list[dict[str, Any]]:
    return [flag for recs in _by_commune_in_time(records) for flag in _decreases(recs)]


def slip_figures(rec: Rec) -> dict[str, dict[str, Any]]:
    """The figures of a commune's report (not a summary) that `unit_slip_suspected` compares
    with the district's other communes: its single values of an amount above zero."""
    if not name_key(rec.get("commune")) or _is_summary(rec):
        return {}
    return {key: fig for key, fig in single_values(rec).items()
            if fig.get("unit") != "percent" and float(fig["value"]) > 0}


def _slips(indicators: dict[str, dict[str, tuple[Any, float]]]) -> list[tuple[str, Any, float, float]]:
    """(indicator key, what names the report, factor shown, median of the others) for each
    commune's latest value (`indicators`: key -> commune -> (what names its report, value))
    about a slip factor away from the median of the other communes of its district."""
    cfg = _cfg()
    band = float(cfg["unit_slip_band"])
    found = []
    for key, communes in sorted(indicators.items()):
        if len(communes) < cfg["unit_slip_min_peers"] + 1:
            continue
        for commune, (ref, value) in sorted(communes.items(), key=lambda item: item[0]):
            peers = [v for c, (_, v) in communes.items() if c != commune]
            median = statistics.median(peers)
            ratio = value / median
            for factor in cfg["unit_slip_factors"]:
                if factor / band <= ratio <= factor * band or factor / band <= 1 / ratio <= factor * band:
                    found.append((key, ref, factor if ratio > 1 else 1 / factor, median))
                    break
    return found


def _slip_flag(rec: Rec, fig: dict[str, Any], key: str, shown: float, median: float) -> dict[str, Any]:
    return _flag("unit_slip_suspected", "severity_unit_slip", "unit_slip_suspected",
                 [_figure_evidence(rec, fig)], commune=rec.get("commune"),
                 indicator=_indicator_title(key), value=_amount(fig), factor=shown, median=median)


def unit_slip_suspected(records: list[Rec]) -> list[dict[str, Any]]:
    # district -> indicator -> commune -> ((record, figure), value); the latest report of each commune
    table: dict[Any, dict[str, dict[str, tuple[Any, float]]]] = {}
    for rec in sorted(records, key=lambda r: str(r.get("report_date") or "")):
        for key, fig in slip_figures(rec).items():
            table.setdefault(name_key(rec.get("district")), {}).setdefault(key, {})[
                str(name_key(rec.get("commune")))] = ((rec, fig), float(fig["value"]))
    return [_slip_flag(rec, fig, key, shown, median) for indicators in table.values()
            for key, (rec, fig), shown, median in _slips(indicators)]


def _total_mismatches(summary: Rec, records: list[Rec]) -> list[dict[str, Any]]:
    """`district_total_mismatch` of one summary against the communes' reports among `records`."""
    additive = set(config()["sum"]["additive_units"])
    flags: list[dict[str, Any]] = []
    district, period = name_key(summary.get("district")), _period_key(summary)
    latest: dict[str, Rec] = {}
    for rec in sorted(records, key=lambda r: str(r.get("report_date") or "")):
        commune = name_key(rec.get("commune"))
        if (rec is not summary and not _is_summary(rec) and commune
                and name_key(rec.get("district")) == district and _period_key(rec) == period):
            latest[commune] = rec
    if not latest:
        return flags
    communes = list(latest.values())
    values = [single_values(r) for r in communes]
    for key, fig in sorted(single_values(summary).items()):
        if fig.get("unit") not in additive or not all(key in v for v in values):
            continue
        parts = [v[key] for v in values]
        total = sum(float(p["value"]) for p in parts)
        if _close(total, float(fig["value"])):
            continue
        evidence = [_figure_evidence(summary, fig)] + [_figure_evidence(r, p)
                                                       for r, p in zip(communes, parts, strict=True)]
        flags.append(_flag("district_total_mismatch", "severity_district_total", "district_total_mismatch",
                           evidence, district=summary.get("district"), indicator=_indicator_title(key),
                           total=_amount(fig), n=len(parts),
                           sum=_amount({"value": total, "unit": fig.get("unit")})))
    return flags


def district_total_mismatch(records: list[Rec]) -> list[dict[str, Any]]:
    return [flag for summary in records if _is_summary(summary) for flag in _total_mismatches(summary, records)]


RULES: tuple[Callable[[list[Rec]], list[dict[str, Any]]], ...] = (
    duplicate_report_conflict,
    criterion_regressed,
    cumulative_decrease,
    unit_slip_suspected,
    district_total_mismatch,
)


def records_to_flags(records: list[Rec]) -> list[dict[str, Any]]:
    """Flags across several reports' records (JSON dicts as `Record.to_json()` makes them)."""
    recs = [r for r in records if isinstance(r, dict)]
    flags: list[dict[str, Any]] = []
    for rule in RULES:
        flags.extend(rule(recs))
    return flags


# ------------------------------------------------- one district, comparison by comparison
# Each rule compares a district's reports in groups (a commune's reports of one period; a
# commune's dated reports under one criteria set; the communes' latest values of each
# indicator; a period's summaries and commune reports), and a group's flags depend only on
# its members. A district whose reports changed recomputes only the groups a changed, new or
# gone report belongs to, and keeps the others' flags: each flag has a place (rule, a path,
# a number) that sorts a district's flags into the order `records_to_flags` gives them.

SLIP_GROUP = '["slip"]'  # one per district: every commune report's latest values, compared
Place = tuple[int, str, int]  # (rule's position in RULES, the path that orders it, its number there)


def across_key(part: Rec) -> Rec:
    """What decides the comparisons a report takes part in (`key_groups`), and the values
    the unit-slip check compares (from a compared part or a whole record): stored beside the
    compared part, so that a district's groups are found without decoding its reports."""
    return {"commune": name_key(part.get("commune")), "period": _period_key(part),
            "date": part.get("report_date"), "set": _criteria_set(part), "summary": _is_summary(part),
            "slip": {key: float(fig["value"]) for key, fig in slip_figures(part).items()}}


def key_groups(key: Rec) -> list[str]:
    """The groups (JSON names) a report of one district belongs to, from its `across_key`."""
    commune, period = key.get("commune"), key.get("period")
    groups = []
    if commune and period:
        groups.append(_group_name("dup", commune, period))
    if commune and key.get("date") and not key.get("summary"):
        groups.append(_group_name("time", commune, key.get("set")))
    if commune and not key.get("summary"):
        groups.append(SLIP_GROUP)
    if key.get("summary") or commune:
        groups.append(_group_name("total", period))
    return groups


def _group_name(*parts: Any) -> str:
    return json.dumps(parts, ensure_ascii=False)


def group_reads_records(group: str, keys: Sequence[Rec]) -> bool:
    """Whether a group (its members' `across_key`s) can give a flag computed from its members'
    records: a group of one report, or a period without a summary, gives none."""
    if group == SLIP_GROUP:
        return False  # computed from the keys (`slip_flags`), its flagged reports read alone
    if group.startswith('["total"'):
        return any(k.get("summary") for k in keys)
    return len(keys) > 1


def group_flags(group: str, members: list[Rec], paths: list[str]) -> list[tuple[Place, dict[str, Any]]]:
    """The flags of one group but `SLIP_GROUP` (its members' compared parts and paths, by
    path), each with its place in the district's flags."""
    if group.startswith('["dup"'):
        where = {id(rec): path for rec, path in zip(members, paths, strict=True)}
        return [((0, where[id(a)], 0), flag) for a, flag in _conflicts(members)]
    if group.startswith('["time"'):
        ordered = _in_time(members)
        return ([((1, paths[0], n), flag) for n, flag in enumerate(_regressions(ordered))]
                + [((2, paths[0], n), flag) for n, flag in enumerate(_decreases(ordered))])
    return [((4, path, n), flag) for summary, path in zip(members, paths, strict=True) if _is_summary(summary)
            for n, flag in enumerate(_total_mismatches(summary, members))]


def slip_flags(keys: Sequence[Rec], record: Callable[[int], Rec]) -> list[tuple[Place, dict[str, Any]]]:
    """`unit_slip_suspected` of one district from its reports' `across_key`s (by path);
    `record(i)` gives the compared part of the i-th, read only for a flagged report."""
    table: dict[str, dict[str, tuple[Any, float]]] = {}
    for i in sorted(range(len(keys)), key=lambda i: str(keys[i].get("date") or "")):
        for key, value in (keys[i].get("slip") or {}).items():
            table.setdefault(key, {})[str(keys[i]["commune"])] = (i, value)
    flags = []
    for n, (key, i, shown, median) in enumerate(_slips(table)):
        rec = record(i)
        flags.append(((3, "", n), _slip_flag(rec, slip_figures(rec)[key], key, shown, median)))
    return flags
