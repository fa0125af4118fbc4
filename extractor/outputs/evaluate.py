"""Score the extractor against gold answers, in-process (the library behind `ntm eval`).

Every document whose name starts with the stem of a `<stem>.gold.json` beside it is extracted
and compared with its gold. The rules are those of the project's reference scorer
(`shared/eval/score.py`), mirrored here so that users without it get the same numbers:

- figures: a gold figure is found by an unused predicted figure with the same unit, the same
  value (relative tolerance 1e-6) and the same total; optional gold figures neither reward
  nor count as misses, and a predicted figure whose value equals an optional one is ignored;
  a gold file with "recall_only" counts towards recall only.
- criteria: the sets of met and unmet criterion numbers, exactly.
- identity: commune, district and province (case and "xã/huyện/tỉnh" prefixes ignored).
- flags: a gold flag is caught when one predicted flag names, in its message or evidence,
  every number of the gold evidence; an error or warning flag matching no gold flag is a
  false alarm.

Beyond the reference summary it reports precision, recall and F1 per unit and per document.
"""
from __future__ import annotations

import contextlib
import json
import math
import pathlib
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from extractor.core import i18n
from extractor.readers import SUPPORTED_SUFFIXES

NUM = re.compile(r"\d+(?:[.,]\d+)*")


# ---------------------------------------------------------------- matching rules (score.py)

def norm(s: str | None) -> str:
    # Mirrors score.py's norm on purpose (prefix words included): the scores must agree.
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s).casefold().strip()
    s = re.sub(r"^(xã|huyện|tỉnh|thành phố|thị xã)\s+", "", s)
    return re.sub(r"\s+", " ", s)


def same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def numbers_in(text: str) -> set[float]:
    """Numbers written in a snippet, read the Vietnamese way ('.' groups, ',' decimals)."""
    out = set()
    for tok in NUM.findall(text):
        t = tok
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t):
            t = t.replace(".", "")
        t = t.replace(",", ".") if t.count(",") == 1 and "." not in t else t.replace(",", "")
        with contextlib.suppress(ValueError):
            out.add(float(t))
    return out


def stem_of(path: pathlib.Path) -> str:
    return path.name.split(".", 1)[0]


def load_gold(path: pathlib.Path) -> dict[str, Any] | None:
    """A gold file's answers; None, with "<path>: <reason>" on stderr, when it is not a
    readable JSON object (the document it answers for is then left out)."""
    why: str | None = None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        why = i18n.t("eval", "bad_gold_json", detail=str(err))
    except OSError as err:
        why = i18n.t("eval", "bad_gold_io", detail=err.strerror or str(err))
    else:
        if isinstance(data, dict):
            return data
        why = i18n.t("eval", "bad_gold_shape", kind=type(data).__name__)
    print(i18n.t("eval", "bad_gold", path=str(path), reason=why), file=sys.stderr)
    return None


def collect(targets: list[str]) -> tuple[list[pathlib.Path], dict[str, dict[str, Any]]]:
    """Documents that have a gold file beside them, and the gold by stem. Folders are not
    walked recursively (as in the reference scorer): name each folder to include. A gold
    file that is not a JSON object is reported and its documents skipped."""
    docs: list[pathlib.Path] = []
    gold: dict[str, dict[str, Any]] = {}
    loaded: dict[pathlib.Path, dict[str, Any] | None] = {}

    def gold_of(g: pathlib.Path) -> dict[str, Any] | None:
        if g not in loaded:
            loaded[g] = load_gold(g)
        return loaded[g]

    for t in targets:
        p = pathlib.Path(t)
        files = sorted(p.iterdir()) if p.is_dir() else [p]
        for f in files:
            if f.name.endswith(".gold.json") and (answers := gold_of(f)) is not None:
                gold[stem_of(f)] = answers
        for f in files:
            if f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.endswith(".gold.json"):
                g = f.parent / f"{stem_of(f)}.gold.json"
                if g.exists() and (answers := gold_of(g)) is not None:
                    gold.setdefault(stem_of(f), answers)
                    docs.append(f)
    return docs, gold


def score_figures(gold_figs: list[dict[str, Any]], pred_figs: list[dict[str, Any]],
                  recall_only: bool = False) -> tuple[int, int, int, list[dict[str, Any]],
                                                      list[dict[str, Any]], list[dict[str, Any]]]:
    """(tp, fp, fn, missed gold, extra predicted, matched gold), greedy in gold order."""
    required = [g for g in gold_figs if not g.get("optional")]
    optional = [g for g in gold_figs if g.get("optional")]
    used = [False] * len(pred_figs)
    missed, matched = [], []
    for g in required:
        for i, p in enumerate(pred_figs):
            if used[i]:
                continue
            if (p.get("unit") == g["unit"] and same_number(p.get("value"), g["value"])
                    and (recall_only or same_number(p.get("total"), g.get("total")))):
                used[i] = True
                matched.append(g)
                break
        else:
            missed.append(g)
    opt_left = list(optional)
    extra = []
    for i, p in enumerate(pred_figs):
        if used[i]:
            continue
        hit = next((o for o in opt_left if same_number(p.get("value"), o["value"])), None)
        if hit is not None:
            opt_left.remove(hit)
        else:
            extra.append(p)
    if recall_only:
        extra = []
    return len(matched), len(extra), len(missed), missed, extra, matched


def flag_text(flag: dict[str, Any]) -> str:
    return " ".join([str(flag.get("message", ""))] + [
        str(e.get("text", e) if isinstance(e, dict) else e) for e in flag.get("evidence", [])])


def flag_caught(gold_flag: dict[str, Any], pred_flags: list[dict[str, Any]]) -> bool:
    want: set[float] = set()
    for e in gold_flag["evidence"]:
        want |= numbers_in(e)
    for f in pred_flags:
        have = numbers_in(flag_text(f))
        if all(any(same_number(w, h) for h in have) for w in want):
            return True
    return False


# ---------------------------------------------------------------- scoring

@dataclass
class DocumentScore:
    path: str
    recall_only: bool = False
    has_record: bool = True
    error: str | None = None
    # the generated split the gold belongs to, its phrasing bank ("main", "audited…", "heldout":
    # corpus/README.md), each scored apart
    split: str = "main"
    tp: int = 0
    fp: int = 0
    fn: int = 0
    criteria_ok: bool | None = None
    identity_ok: int = 0
    identity_n: int = 0
    flags_caught: int = 0
    flags_n: int = 0
    false_alarms: int = 0
    per_unit: dict[str, list[int]] = field(default_factory=dict)  # unit -> [tp, fp, fn]
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)
    flags_missed: list[dict[str, Any]] = field(default_factory=list)
    alarms: list[dict[str, Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return pathlib.Path(self.path).name


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_document(path: str, gold: dict[str, Any], record: dict[str, Any] | None,
                   error: str | None = None) -> DocumentScore:
    recall_only = bool(gold.get("recall_only"))
    ds = DocumentScore(path=path, recall_only=recall_only, error=error,
                       split=str((gold.get("generator") or {}).get("bank") or "main"))
    gold_figs = gold.get("figures", [])
    if record is None:
        ds.has_record = False
        ds.fn = sum(1 for x in gold_figs if not x.get("optional"))
        ds.missed = [x for x in gold_figs if not x.get("optional")]
        for g in ds.missed:
            ds.per_unit.setdefault(g["unit"], [0, 0, 0])[2] += 1
        gc = gold.get("criteria")
        if gc and gc.get("met") is not None:
            ds.criteria_ok = False
        return ds
    tp, fp, fn, missed, extra, matched = score_figures(gold_figs, record.get("figures", []), recall_only)
    ds.tp, ds.fp, ds.fn, ds.missed, ds.extra = tp, fp, fn, missed, extra
    for figs, slot in ((matched, 0), (extra, 1), (missed, 2)):
        for f in figs:
            ds.per_unit.setdefault(str(f.get("unit")), [0, 0, 0])[slot] += 1
    gc = gold.get("criteria")
    if gc and gc.get("met") is not None:
        pc = record.get("criteria") or {}
        ds.criteria_ok = (sorted(pc.get("met") or []) == sorted(gc["met"])
                          and sorted(pc.get("unmet") or []) == sorted(gc.get("unmet") or []))
    for key in ("commune", "district", "province"):
        if gold.get(key):
            ds.identity_n += 1
            ds.identity_ok += norm(record.get(key)) == norm(gold[key])
    pred_flags = record.get("flags", [])
    for f in gold.get("flags", []):
        if f.get("must"):
            ds.flags_n += 1
            if flag_caught(f, pred_flags):
                ds.flags_caught += 1
            else:
                ds.flags_missed.append(f)
    all_gold = gold.get("flags", [])
    ds.alarms = [f for f in pred_flags if f.get("severity") in ("error", "warning")
                 and not any(flag_caught(g, [f]) for g in all_gold)]
    ds.false_alarms = len(ds.alarms)
    return ds


@dataclass
class Evaluation:
    documents: list[DocumentScore]
    wall_s: float = 0.0
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # by path

    def splits(self) -> list[str]:
        """The splits scored ("main" first, then by name): each is reported apart, so a held-out
        split is never read pooled with the tuned ones."""
        return sorted({d.split for d in self.documents}, key=lambda s: (s != "main", s))

    def summary(self, split: str | None = None) -> dict[str, Any]:
        docs = [d for d in self.documents if split is None or d.split == split]
        normal = [d for d in docs if not d.recall_only]
        tp, fp, fn = (sum(getattr(d, k) for d in normal) for k in ("tp", "fp", "fn"))
        p, r, f1 = prf(tp, fp, fn)
        rtp = sum(d.tp for d in docs if d.recall_only)
        rfn = sum(d.fn for d in docs if d.recall_only)
        crit = [d for d in docs if d.criteria_ok is not None]
        return {
            "docs": len(docs), "no_record": sum(not d.has_record for d in docs),
            "figures": {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1},
            "recall_only_recall": rtp / (rtp + rfn) if rtp + rfn else None,
            "criteria": {"exact": sum(bool(d.criteria_ok) for d in crit), "of": len(crit)},
            "identity": {"correct": sum(d.identity_ok for d in docs), "of": sum(d.identity_n for d in docs)},
            "flags": {"caught": sum(d.flags_caught for d in docs), "of": sum(d.flags_n for d in docs),
                      "false_alarms": sum(d.false_alarms for d in docs)},
            "wall_s": self.wall_s,
        }

    def per_unit(self) -> dict[str, dict[str, float]]:
        totals: dict[str, list[int]] = {}
        for d in self.documents:
            if d.recall_only:
                continue
            for unit, counts in d.per_unit.items():
                t = totals.setdefault(unit, [0, 0, 0])
                for i in range(3):
                    t[i] += counts[i]
        out = {}
        for unit in sorted(totals):
            tp, fp, fn = totals[unit]
            p, r, f1 = prf(tp, fp, fn)
            out[unit] = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}
        return out

    def to_json(self, verbose: bool = False) -> dict[str, Any]:
        documents = []
        for d in self.documents:
            row = asdict(d)
            row["name"] = d.name
            row["precision"], row["recall"], row["f1"] = prf(d.tp, d.fp, d.fn)
            if not verbose:
                for k in ("missed", "extra", "flags_missed", "alarms"):
                    row.pop(k)
            documents.append(row)
        return {"summary": self.summary(), "splits": {s: self.summary(s) for s in self.splits()},
                "per_unit": self.per_unit(), "documents": documents}


Extractor = Callable[[pathlib.Path], dict[str, Any]]


def _default_extractor(path: pathlib.Path) -> dict[str, Any]:
    from extractor.pipeline import extract

    return extract(path).to_json()


def evaluate(targets: list[str], extractor: Extractor | None = None) -> Evaluation:
    """Extract every document with gold under `targets` and score it. A document that cannot
    be read counts as having no record (all its required figures missed)."""
    from extractor.core.errors import ReadError

    extractor = extractor or _default_extractor
    docs, gold = collect(targets)
    t0 = time.perf_counter()
    records: dict[str, dict[str, Any]] = {}
    by_name: dict[str, dict[str, Any]] = {}
    errors: dict[str, str] = {}
    for d in docs:
        try:
            rec = extractor(d)
        except ReadError as err:
            errors[str(d)] = err.message()
            continue
        except Exception as err:  # noqa: BLE001 - one bad file never stops the evaluation
            errors[str(d)] = f"{d}: {type(err).__name__}: {err}"
            continue
        records[str(d)] = rec
        # the reference scorer matches records to documents by file name: mirror it
        by_name[d.name] = rec
    wall = time.perf_counter() - t0
    scores = [score_document(str(d), gold[stem_of(d)], by_name.get(d.name), errors.get(str(d)))
              for d in docs]
    return Evaluation(scores, wall, records)


# ---------------------------------------------------------------- output

def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def render_table(ev: Evaluation, verbose: bool = False) -> str:
    t = lambda key, **kw: i18n.t("eval", key, **kw)  # noqa: E731
    headers = [t(k) for k in ("h_document", "h_tp", "h_fp", "h_fn", "h_precision", "h_recall", "h_f1",
                               "h_criteria", "h_identity", "h_flags", "h_false_alarms")]
    rows = []
    for d in ev.documents:
        p, r, f1 = prf(d.tp, d.fp, d.fn)
        crit = "-" if d.criteria_ok is None else (t("ok") if d.criteria_ok else t("wrong"))
        if not d.has_record:
            rows.append([d.name, "-", "-", str(d.fn), "-", "-", "-", crit, "-", "-", "-"])
            continue
        rows.append([d.name, str(d.tp), str(d.fp), str(d.fn), _f(p), _f(r), _f(f1), crit,
                     f"{d.identity_ok}/{d.identity_n}", f"{d.flags_caught}/{d.flags_n}", str(d.false_alarms)])
    s = ev.summary()
    fig = s["figures"]
    rows.append([t("overall"), str(fig["tp"]), str(fig["fp"]), str(fig["fn"]), _f(fig["precision"]),
                 _f(fig["recall"]), _f(fig["f1"]), f"{s['criteria']['exact']}/{s['criteria']['of']}",
                 f"{s['identity']['correct']}/{s['identity']['of']}",
                 f"{s['flags']['caught']}/{s['flags']['of']}", str(s["flags"]["false_alarms"])])
    out = [_table(headers, rows), "", t("per_unit_title")]
    unit_rows = [[u, str(v["tp"]), str(v["fp"]), str(v["fn"]), _f(v["precision"]), _f(v["recall"]),
                  _f(v["f1"])] for u, v in ev.per_unit().items()]
    out.append(_table([t("h_unit")] + headers[1:7], unit_rows))
    if s["recall_only_recall"] is not None:
        out.append(t("recall_only", recall=_f(s["recall_only_recall"])))
    for d in ev.documents:
        if d.error:
            out.append(t("no_record", name=d.name, error=d.error))
    if verbose:
        for d in ev.documents:
            lines = [f"  {t('missed')}: {m.get('text')!r} -> {m.get('value')} {m.get('unit')}"
                     + (f" / {m['total']}" if m.get("total") is not None else "") for m in d.missed]
            lines += [f"  {t('extra')}: {e.get('text')!r} -> {e.get('value')} {e.get('unit')}"
                      + (f" / {e['total']}" if e.get("total") is not None else "") for e in d.extra]
            lines += [f"  {t('flag_missed')}: {f.get('kind')}: {f.get('description')}" for f in d.flags_missed]
            lines += [f"  {t('false_alarm')}: {f.get('rule')}: {f.get('message')}" for f in d.alarms]
            if lines:
                out += ["", d.name] + lines
    out.append("")
    splits = ev.splits()
    if len(splits) > 1:  # each split on its own line, before the overall summary (the last line)
        out += [t("split", split=name) + " " + _summary_line(ev.summary(name)) for name in splits]
    out.append(_summary_line(s))
    return "\n".join(out)


def _summary_line(s: dict[str, Any]) -> str:
    fig = s["figures"]
    return i18n.t("eval", "summary", docs=s["docs"], no_record=s["no_record"], p=_f(fig["precision"]),
                  r=_f(fig["recall"]), f1=_f(fig["f1"]), crit=s["criteria"]["exact"],
                  crit_n=s["criteria"]["of"], meta=s["identity"]["correct"], meta_n=s["identity"]["of"],
                  flags=s["flags"]["caught"], flags_n=s["flags"]["of"],
                  alarms=s["flags"]["false_alarms"], wall=f"{s['wall_s']:.1f}")


# ---------------------------------------------------------------- command
