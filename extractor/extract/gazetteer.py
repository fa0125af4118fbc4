"""The administrative units of Vietnam, to settle a report's district and province from its commune.

The data are those of the `vietnamadminunits` package (MIT): the 10,040 communes, wards and
towns of the 63 provinces before the 2025 reorganisation with their districts, and the 3,321
units of the 34 provinces after it. Only its SQLite file is read (with the standard library),
so the package's own imports (shapely, geopy) never load; without the package installed
(optional extra `gazetteer`) nothing is inferred. Names are compared by `place_key`: NFC, one
tone placement, case-folded, administrative prefixes stripped, digits kept ("Quế Xuân 1").
"""
from __future__ import annotations

import importlib.util
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extractor.text.normalize import normalize

_PACKAGE = "vietnamadminunits"
_DATA_FILE = "data/dataset.db"


@dataclass(frozen=True)
class Unit:
    """One commune-level unit: its names without prefixes, in the data's spelling (normalized)."""

    commune: str
    district: str | None  # None for the post-2025 units, which have no district level
    province: str
    era: str  # "legacy" (63 provinces) | "2025" (34 provinces)


def key(name: str) -> str:
    """How names are compared: normalized, case-folded, spaces collapsed."""
    return _fold(normalize(name))


def _fold(normalized: str) -> str:
    return " ".join(normalized.casefold().split())


def _normalize_all(names: list[str]) -> dict[str, str]:
    """Each distinct name normalized, in one pass over them joined by newlines (a name holds
    no newline, and normalizing never moves one), so start-up does not pay ~37,000 calls."""
    distinct = list(dict.fromkeys(names))
    joined = normalize("\n".join(distinct)).split("\n")
    if len(joined) != len(distinct):  # never expected: fall back to one name at a time
        joined = [normalize(n) for n in distinct]
    return dict(zip(distinct, joined, strict=True))


@dataclass(frozen=True)
class Gazetteer:
    units: tuple[Unit, ...]
    by_commune: dict[str, tuple[Unit, ...]]
    by_district: dict[str, tuple[tuple[str, str], ...]]  # key -> (district, province)
    provinces: dict[str, str]  # key -> spelling

    def communes(self, name: str) -> tuple[Unit, ...]:
        """Units named `name` ("Bảo Hiệu"; "3" or "Phường 3" for a numbered ward)."""
        k = key(name)
        found = self.by_commune.get(k, ())
        if not found and k.isdigit():
            found = self.by_commune.get(key(f"phường {k}"), ())
        return found

    def districts(self, name: str) -> tuple[tuple[str, str], ...]:
        return self.by_district.get(key(name), ())

    def province(self, name: str) -> str | None:
        return self.provinces.get(key(name))


def _database() -> Path | None:
    spec = importlib.util.find_spec(_PACKAGE)  # locates the package without importing it
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / _DATA_FILE
    return path if path.is_file() else None


@cache
def gazetteer() -> Gazetteer | None:
    """The gazetteer, loaded once; None when the data package is not installed."""
    path = _database()
    if path is None:
        return None
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        legacy = conn.execute(
            "SELECT DISTINCT wardShort, districtShort, provinceShort FROM admin_units_legacy").fetchall()
        current = conn.execute("SELECT DISTINCT wardShort, provinceShort FROM admin_units").fetchall()
    legacy = [r for r in legacy if r[0] and r[2]]
    current = [r for r in current if r[0] and r[1]]
    norm = _normalize_all([x for row in legacy + current for x in row if x])
    units = [Unit(norm[w], norm[d] if d else d, norm[p], "legacy") for w, d, p in legacy]
    units += [Unit(norm[w], None, norm[p], "2025") for w, p in current]
    folded: dict[str, str] = {}  # each normalized name folded once: names repeat across rows

    def fold(name: str) -> str:
        if name not in folded:
            folded[name] = _fold(name)
        return folded[name]

    by_commune: dict[str, list[Unit]] = defaultdict(list)
    by_district: dict[str, set[tuple[str, str]]] = defaultdict(set)
    provinces: dict[str, str] = {}
    for u in units:
        by_commune[fold(u.commune)].append(u)
        if u.district:
            by_district[fold(u.district)].add((u.district, u.province))
        provinces.setdefault(fold(u.province), u.province)
    return Gazetteer(tuple(units), {k: tuple(v) for k, v in by_commune.items()},
                     {k: tuple(sorted(v)) for k, v in by_district.items()}, provinces)


@dataclass(frozen=True)
class Settled:
    """What the gazetteer settles for a report: a name per level it can tell, the level it was
    settled from, and the candidates left when it cannot choose."""

    district: str | None = None
    province: str | None = None
    candidates: dict[str, tuple[str, ...]] | None = None


def settle(commune: str | None, district: str | None, province: str | None,
           others: tuple[str, ...] = ()) -> Settled:
    """The district and province of a commune (narrowed by the district and province stated),
    or the province of a district. `others` are the other units the report names: when the
    commune's name is shared by several provinces, the province most of them lie in decides."""
    if not (commune or district or province):
        return Settled()  # nothing stated: the data are not even loaded
    gz = gazetteer()
    if gz is None:
        return Settled()
    rows: list[tuple[str | None, str]] = []  # (district, province) candidates
    if commune:
        units = gz.communes(commune)
        legacy = [u for u in units if u.era == "legacy"]
        rows = [(u.district, u.province) for u in (legacy or units)]
    if district:
        by_district: list[tuple[str | None, str]] = list(gz.districts(district))
        rows = [r for r in rows if r[0] is not None and key(r[0]) == key(district)] if rows else by_district
    if province:
        rows = [r for r in rows if key(r[1]) == key(province)]
    rows = list(dict.fromkeys(rows))
    if not rows:
        return Settled()
    provinces = sorted({p for _, p in rows})
    if len(provinces) > 1 and others:
        lies_in = [{u.province for u in gz.communes(o)} | {p for _, p in gz.districts(o)} for o in others]
        support = {p: sum(p in places for places in lies_in) for p in provinces}
        best = max(support.values())
        if best > 0 and list(support.values()).count(best) == 1:
            chosen = max(support, key=lambda p: support[p])
            rows = [r for r in rows if r[1] == chosen]
            provinces = [chosen]
    districts = sorted({d for d, _ in rows if d})
    candidates: dict[str, tuple[str, ...]] = {}
    if len(provinces) > 1:
        candidates["province"] = tuple(provinces)
    if len(districts) > 1:
        candidates["district"] = tuple(districts)
    return Settled(district=districts[0] if len(districts) == 1 else None,
                   province=provinces[0] if len(provinces) == 1 else None,
                   candidates=candidates or None)
