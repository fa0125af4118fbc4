"""Phrasing banks of generated reports: how a report states its criteria and its identity.

A bank is data, `corpus/phrasing/<bank>/{criteria,identity}.yaml`: statement schemes, list
styles, bullet and table forms, status words, letterheads, titles and opening sentences.
`main` is the tuned split; `audited` … `audited14` (the first fourteen held-out
banks, retired once their misses were read) are tuned too, each generated into its own split
(corpus/audited*/); `heldout`, when present,
holds phrasings the reader's authors never read and is generated into corpus/heldout/. Every
split is scored apart (see corpus/README.md, the held-out rule and its rotation).

Criterion numbers, the set's size and the names of criteria come from the catalogue the
extractor ships (schemas/criteria/commune-<set>.yaml), so a set of another size needs no code.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BANKS = ROOT / "corpus" / "phrasing"
CATALOGUE = ROOT / "schemas" / "criteria"
LIST_SLOT = re.compile(r"\{@(met|unmet|basic|plan|new)(?::([a-z]+))?\}")
STEM_PREFIX = {"main": "gen", "audited": "audited", "audited2": "audited2", "audited3": "audited3",
               "audited4": "audited4", "audited5": "audited5", "audited6": "audited6", "audited7": "audited7",
               "audited8": "audited8", "audited9": "audited9", "audited10": "audited10",
               "audited11": "audited11", "audited12": "audited12", "audited13": "audited13",
               "audited14": "audited14", "heldout": "heldout", "fresh16": "fresh16"}
# A bank retired under a new name draws its reports as under its old one, so that its split
# holds the very reports that were measured before it was retired.
DRAWN_AS = {"audited": "heldout", "audited2": "heldout", "audited3": "heldout", "audited4": "heldout",
            "audited5": "heldout", "audited6": "heldout", "audited7": "heldout", "audited8": "heldout",
            "audited9": "heldout", "audited10": "heldout", "audited11": "heldout",
            "audited12": "heldout", "audited13": "heldout", "audited14": "heldout",
            "fresh16": "heldout"}


def draw_key(bank: str, seed: int, index: int) -> str:
    """The random generator's seed string of one report of a bank."""
    if bank == "main":
        return f"ntm-corpus:{seed}:{index}"
    return f"ntm-corpus:{DRAWN_AS.get(bank, bank)}:{seed}:{index}"


@cache
def bank(name: str, part: str) -> dict[str, Any]:
    """One part ("criteria" or "identity") of a phrasing bank."""
    path = BANKS / name / f"{part}.yaml"
    if not path.is_file():
        raise ValueError(f"no phrasing bank {name!r} ({path} missing)")
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def pool(part: dict[str, Any], key: str, classic: bool = False) -> Any:
    """The entries of `key` in a bank part with their widened forms (`more_<key>`), or only the
    first-generation forms when `classic`. A dict (status words) is merged per status."""
    base, more = part[key], part.get(f"more_{key}")
    if classic or more is None:
        return base
    if isinstance(base, dict):
        return {k: list(base.get(k, ())) + list(more.get(k, ())) for k in {*base, *more}}
    return list(base) + list(more)


def bank_names() -> list[str]:
    return sorted(p.name for p in BANKS.iterdir() if (p / "criteria.yaml").is_file())


@dataclass(frozen=True)
class Catalogue:
    """A criteria set as the extractor's catalogue gives it."""

    set_id: str
    names: dict[int, str]
    aliases: dict[int, tuple[str, ...]]

    @property
    def size(self) -> int:
        return len(self.names)

    @property
    def numbers(self) -> list[int]:
        return sorted(self.names)


@cache
def catalogue(period: str) -> Catalogue:
    """The commune set of `period` ("2016-2020", "2021-2025")."""
    d = yaml.safe_load((CATALOGUE / f"commune-{period}.yaml").read_text(encoding="utf-8"))
    crit = d["criteria"]
    return Catalogue(d["id"], {int(c["number"]): c["name"] for c in crit},
                     {int(c["number"]): tuple(c.get("aliases") or ()) for c in crit})


# ---------------------------------------------------------------- lists of criteria

def consecutive_runs(numbers: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and runs[-1][-1] + 1 == n:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


class Namer:
    """Names a report gives its criteria: the catalogue's name, one of its aliases, or (in a
    report that mixes periods) the other period's name; sometimes in lower case."""

    def __init__(self, cat: Catalogue, other: Catalogue | None, rng: random.Random,
                 short: dict[int, str] | None = None) -> None:
        self.cat, self.other, self.rng = cat, other, rng
        self.short = short or {}

    def short_name(self, n: int) -> str:
        """The bank's own short form of criterion `n` ({short}: "GTNT", "MT&ATTP"), as reports
        abbreviate; no random draw, so a bank without short forms draws as before."""
        if n not in self.short:
            raise ValueError(f"no short name for criterion {n} in the bank's short_names")
        return self.short[n]

    def fill(self, form: str, n: int) -> str:
        """An item or line form for criterion `n`: {n}, {n2}, {name}, {short}."""
        text = fill_number(form, n).replace("{name}", self(n))
        return text.replace("{short}", self.short_name(n)) if "{short}" in text else text

    def __call__(self, n: int) -> str:
        pool = [self.cat.names[n]] * 2 + list(self.cat.aliases.get(n, ()))
        if self.other is not None and self.other.names.get(n) not in (None, self.cat.names[n]):
            pool.append(self.other.names[n])
        name = self.rng.choice(pool)
        if self.rng.random() < 0.2 and name[:1].isupper() and not name[1:2].isupper():
            name = name[0].lower() + name[1:]
        return name


def render_list(numbers: list[int], style: dict[str, Any], namer: Namer, rng: random.Random,
                items: dict[int, str] | None = None) -> str:
    """`numbers` written in `style`: items joined by a separator, runs sometimes as ranges.
    `items`, when given, receives the text of each number written as an item of its own."""
    def item(n: int) -> str:
        return namer.fill(str(style["item"]), n)

    use_ranges = bool(style.get("ranges")) and rng.random() < 0.5
    parts: list[str] = []
    for run in consecutive_runs(sorted(numbers)):
        if use_ranges and len(run) >= 3:
            form = rng.choice(style["ranges"])
            parts.append(form.replace("{a}", item(run[0])).replace("{b}", item(run[-1])))
        else:
            texts = [item(n) for n in run]  # once: the namer may draw a name at random
            parts += texts
            if items is not None:
                items.update(zip(run, texts, strict=True))
    seps = list(style["seps"])
    if any("," in p for p in parts):  # a name holding a comma ("phòng, chống") needs ";"
        seps = [s for s in seps if ";" in s] or ["; "]
    sep = rng.choice(seps)
    if style.get("last") is not None:
        return join_with_last(parts, sep, list(style["last"]), rng)
    if len(parts) > 1 and style["family"] in ("bare", "numbers") and rng.random() < 0.5:
        return sep.join(parts[:-1]) + " và " + parts[-1]
    return sep.join(parts)


def short_names(part: dict[str, Any], criteria_set: str) -> dict[int, str]:
    """A criteria bank's short forms of criteria names for one set (`short_names`, keyed by
    set then number), empty when the bank has none."""
    return {int(k): str(v) for k, v in ((part.get("short_names") or {}).get(criteria_set) or {}).items()}


def fill_number(form: str, n: int) -> str:
    """A criterion's number in an item form: {n} as is, {n2} on two digits ("06", as many
    reports write it)."""
    return form.replace("{n2}", f"{n:02d}").replace("{n}", str(n))


def join_with_last(parts: list[str], sep: str, last: list[str], rng: random.Random) -> str:
    """Items joined by `sep`, the last one half the time by one of `last` (a style's own
    closing joiner, " và " for items that carry their number, so a name holding "và" cannot
    be split)."""
    if len(parts) > 1 and rng.random() < 0.5:
        return sep.join(parts[:-1]) + rng.choice(last) + parts[-1]
    return sep.join(parts)


def pick_style(styles: list[dict[str, Any]], family: str | None, rng: random.Random) -> dict[str, Any]:
    """A list style of `family`, or of any family when None: then not one marked `alone: false`
    (bare numbers read as criteria only after a noun, "các tiêu chí 6, 10")."""
    pool = [s for s in styles if s["family"] == family] if family is not None \
        else [s for s in styles if s.get("alone", True)]
    if not pool:
        raise ValueError(f"no list style of family {family!r}")
    return rng.choice(pool)


def scheme_fits(scheme: dict[str, Any], unmet: int, criteria_kinds: bool) -> set[str]:
    """The conditions of `scheme` a report with `unmet` unmet criteria meets ("" if none)."""
    met_ok = set()
    for cond in scheme["when"]:
        if cond == "all_met" and unmet == 0 or cond == "some_unmet" and unmet > 0:
            met_ok.add(cond)
        elif cond == "basic" and unmet >= 3 and not criteria_kinds:
            met_ok.add(cond)
        elif cond == "plan" and unmet >= 1 and not criteria_kinds:
            met_ok.add(cond)
    if criteria_kinds and not scheme.get("plantable"):
        return set()
    return met_ok


def uses(scheme: dict[str, Any], slot: str) -> bool:
    """Does any line of `scheme` hold the figure slot `slot` ("met_claim", "{met_claim:w}", or
    with its own noun, "{met_claim|TC}")?"""
    return any(re.search(r"\{" + slot + r"(?::[a-z]+)?(?:\|[^}]+)?\}", line) for line in scheme["lines"])


# ---------------------------------------------------------------- identity

def fill_names(text: str, names: dict[str, str]) -> str:
    """Replace {commune} {district} {province} and their upper-case forms."""
    for k, v in names.items():
        text = text.replace("{" + k + "}", v).replace("{" + k.upper() + "}", v.upper())
    return text


def of_genre(forms: list[dict[str, Any]], genre: str | None) -> list[dict[str, Any]]:
    """The identity forms (titles, intros) that may follow a form of `genre` in one report: those
    of that genre or of none (a tờ trình's letterhead takes a tờ trình's title, an answer to
    councillors' title an answer's opening); every form after one without a genre, so a bank
    without genres draws as before."""
    if genre is None:
        return forms
    out = [f for f in forms if f.get("genre") in (None, genre)]
    if not out:
        raise ValueError(f"no identity form of genre {genre!r}")
    return out


def settled_levels(commune: str, district: str, province: str, stated: set[str]) -> set[str]:
    """The levels ("district", "province") the gazetteer data settle, right, from the commune
    and the levels stated. Needs the data package (vietnamadminunits, in the test extra)."""
    from extractor.extract.gazetteer import gazetteer, key

    gz = gazetteer()
    if gz is None:
        raise RuntimeError("the corpus generator needs the gazetteer data (pip install vietnamadminunits)")
    rows = {(u.district or "", u.province) for u in gz.communes(commune) if u.era == "legacy"}
    if "district" in stated:
        rows = {r for r in rows if key(r[0]) == key(district)}
    if "province" in stated:
        rows = {r for r in rows if key(r[1]) == key(province)}
    out = set()
    if {key(d) for d, _ in rows} == {key(district)}:
        out.add("district")
    if {key(p) for _, p in rows} == {key(province)}:
        out.add("province")
    return out
