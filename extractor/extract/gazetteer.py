"""The administrative units of Vietnam, to settle a report's district and province from its commune.

The data are those of the `vietnamadminunits` package (MIT): the 10,040 communes, wards and
towns of the 63 provinces before the 2025 reorganisation with their districts, and the 3,321
units of the 34 provinces after it. Only its SQLite file is read (with the standard library),
so the package's own imports (shapely, geopy) never load; without the package installed
(optional extra `gazetteer`) nothing is inferred. Names are compared by `place_key`: NFC, one
tone placement, case-folded, administrative prefixes stripped, digits kept ("Quế Xuân 1").
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from extractor.core.data import cached, load_pattern
from extractor.text import normalize as normalize_module
from extractor.text.fold import strip_diacritics
from extractor.text.normalize import normalize

_PACKAGE = "vietnamadminunits"
_DATA_FILE = "data/dataset.db"


class Unit(NamedTuple):
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


# a syllable ending in one of these stops carries the acute or the dot below
_STOPS = ("c", "ch", "k", "p", "t")
_ACUTE = "\u0301"
_CIRCUMFLEX = "\u0302"
# an open syllable of consonants and "y" ("Kỳ", "Mỹ", "Quý"), spelt with "i" too ("Kì", "Quí")
_Y_SYLLABLE = re.compile(r"(qu|[bcdđghklmnprstvx]+)y([\u0300-\u036f]*)")


def variant_key(name: str) -> str:
    """The key by which two spellings of one unit's name meet, where the data and reports
    spell it otherwise: a syllable ending in a stop (c, ch, k, p, t) carries the acute or the
    dot below, and left unmarked it is a variant of the acute, common in the names of the
    highlands ("Đăk Hà" for "Đắk Hà"), so the acute is dropped from such a syllable; the
    circumflex of a highland name is often left out ("Krong Pắc", "Ea Kenh"), so it is dropped;
    an open syllable ends in "y" or "i" ("Kỳ Sơn", "Kì Sơn"), so "y" is read "i" there.
    (`key` is left as it is: the corpus generator reads it; lookups try it first.)"""
    return " ".join(_variant_syllable(w) for w in key(name).split())


def _variant_syllable(word: str) -> str:
    split = unicodedata.normalize("NFD", word)
    if word.endswith(_STOPS):
        split = split.replace(_ACUTE, "")
    split = split.replace(_CIRCUMFLEX, "")
    if (m := _Y_SYLLABLE.fullmatch(split)) is not None:
        split = f"{m.group(1)}i{m.group(2)}"
    return unicodedata.normalize("NFC", split)


def _normalize_all(names: list[str]) -> dict[str, str]:
    """Each distinct name normalized, in one pass over them joined by newlines (a name holds
    no newline, and normalizing never moves one), so start-up does not pay ~37,000 calls."""
    distinct = list(dict.fromkeys(names))
    joined = normalize("\n".join(distinct)).split("\n")
    if len(joined) != len(distinct):  # never expected: fall back to one name at a time
        joined = [normalize(n) for n in distinct]
    return dict(zip(distinct, joined, strict=True))


# the commune index is kept in this many parts, by a stable hash of the key: a report looks up a
# handful of names, and reading one part (~120 keys) costs ~0.1 ms against ~5 ms for all of them
_SHARDS = 64

_Row = tuple[str, str | None, str, str]  # the fields of a Unit


def _shard(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % _SHARDS


@dataclass(frozen=True)
class Gazetteer:
    """The units of the data file, indexed by the keys of their names. The indexes are read
    from the data cache (core/data.py) part by part as lookups need them; `cache_key` names the
    data file and the code that builds them."""

    path: Path
    cache_key: str
    # key -> (district, province), key -> spelling
    by_district: dict[str, list[tuple[str, str]]] = field(init=False, repr=False, compare=False)
    provinces: dict[str, str] = field(init=False, repr=False, compare=False)
    # shard -> key -> rows of Unit fields; a Unit is made only for the rows a lookup returns
    _communes: dict[int, dict[str, list[_Row]]] = field(default_factory=dict, init=False, repr=False, compare=False)
    # variant key -> districts, built on the first lookup the plain keys miss (a few hundred keys)
    _by_variant: dict[str, list[tuple[str, str]]] = field(default_factory=dict, init=False, repr=False,
                                                          compare=False)
    # shard -> variant key -> rows of the units whose variant key is not their key, read as
    # `_communes` is, for the names the plain keys miss
    _variants: dict[int, dict[str, list[_Row]]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_district, provinces = self._part("places", lambda built: built[1:3])
        object.__setattr__(self, "by_district", by_district)
        object.__setattr__(self, "provinces", provinces)

    def _part(self, name: str, pick: Callable[[_Indexes], Any]) -> Any:
        # each part is cached on its own; a part not cached yet is taken from the indexes,
        # built at most once per process
        return cached(f"{self.cache_key}|{name}", lambda: pick(_built(self.path)))

    def _shard_rows(self, shard: int) -> dict[str, list[_Row]]:
        rows = self._communes.get(shard)
        if rows is None:
            rows = self._communes[shard] = self._part(f"communes{shard}", lambda built: built[0][shard])
        return rows

    def _variant_rows(self, shard: int) -> dict[str, list[_Row]]:
        rows = self._variants.get(shard)
        if rows is None:
            rows = self._variants[shard] = self._part(f"variants{shard}", lambda built: built[3][shard])
        return rows

    @property
    def units(self) -> tuple[Unit, ...]:
        return tuple(Unit(*row) for shard in range(_SHARDS) for rows in self._shard_rows(shard).values()
                     for row in rows)

    def communes(self, name: str) -> tuple[Unit, ...]:
        """Units named `name` ("Bảo Hiệu"; "3" or "Phường 3" for a numbered ward), under a
        variant spelling too when no unit is spelt so ("Đắk Ơ" finds "Đăk Ơ", "Krong Na"
        "Krông Na", "Kì Sơn" "Kỳ Sơn")."""
        k = key(name)
        found = self._shard_rows(_shard(k)).get(k, ())
        if not found and k.isdigit():
            numbered = key(f"phường {k}")
            found = self._shard_rows(_shard(numbered)).get(numbered, ())
        if not found:
            # a unit the data spell in the variant form is under its plain key
            v = variant_key(name)
            found = [*self._shard_rows(_shard(v)).get(v, ()), *self._variant_rows(_shard(v)).get(v, ())]
        return tuple(Unit(*row) for row in found)

    def districts(self, name: str) -> tuple[tuple[str, str], ...]:
        """Districts named `name`, under a variant spelling too ("Đắk Hà" finds "Đăk Hà")."""
        found = self.by_district.get(key(name))
        if found is None:
            if not self._by_variant:
                for k, rows in self.by_district.items():
                    self._by_variant.setdefault(variant_key(k), []).extend(rows)
            found = sorted(set(self._by_variant.get(variant_key(name), [])))
        return tuple(found)

    def province(self, name: str) -> str | None:
        """The data's name of the province a report names, under a former name too
        ("Thừa Thiên Huế" -> "Huế")."""
        k = key(name)
        return self.provinces.get(k) or self.provinces.get(_former_names().get(k, ""))


@cache
def _former_names() -> dict[str, str]:
    """Key of a province's former name -> key of the name the data give it."""
    return {key(old): key(new["name"]) for old, new in load_pattern("identity")["province_former_names"].items()}


def name_in_year(province: str, year: int | None) -> str:
    """The name in `year` of a province the data name `province`: its former name for a year
    before the data's name took effect ("Huế" in 2023 -> "Thừa Thiên Huế"); the data's name in
    a later year or when the year is unknown."""
    if year is None:
        return province
    former = _former_name_since().get(key(province))
    return former[0] if former is not None and year < former[1] else province


@cache
def _former_name_since() -> dict[str, tuple[str, int]]:
    """Key of the name the data give a province -> (its former name, the year the data's name
    took effect)."""
    return {key(new["name"]): (str(old), int(new["since"]))
            for old, new in load_pattern("identity")["province_former_names"].items()}


def _database() -> Path | None:
    spec = importlib.util.find_spec(_PACKAGE)  # locates the package without importing it
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / _DATA_FILE
    return path if path.is_file() else None


@cache
def gazetteer() -> Gazetteer | None:
    """The gazetteer, loaded once; None when the data package is not installed. The indexes
    are kept in the data cache (core/data.py), named by the data file and by this module's and
    the normalizer's code, so a later run reads them instead of normalizing ~37,000 names."""
    path = _database()
    if path is None:
        return None
    stat = path.stat()
    code = hashlib.sha256(Path(__file__).read_bytes() + Path(normalize_module.__file__ or "").read_bytes())
    return Gazetteer(path, f"gazetteer|{path}|{stat.st_size}|{stat.st_mtime_ns}|{code.hexdigest()}")


# the commune shards, the districts, the provinces, then the commune shards by variant key
_Shards = tuple[dict[str, list[_Row]], ...]
_Indexes = tuple[_Shards, dict[str, list[tuple[str, str]]], dict[str, str], _Shards]


@cache
def _built(path: Path) -> _Indexes:
    return _indexes(path)


def _indexes(path: Path) -> _Indexes:
    """The units of the data file by the key of their commune (in `_SHARDS` parts), the
    districts and the provinces by theirs, as plain values the data cache can keep."""
    import sqlite3  # only to build the indexes, not to read them from the cache

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        legacy = conn.execute(
            "SELECT DISTINCT wardShort, districtShort, provinceShort FROM admin_units_legacy").fetchall()
        current = conn.execute("SELECT DISTINCT wardShort, provinceShort FROM admin_units").fetchall()
    legacy = [r for r in legacy if r[0] and r[2]]
    current = [r for r in current if r[0] and r[1]]
    norm = _normalize_all([x for row in legacy + current for x in row if x])
    units = [(norm[w], norm[d] if d else None, norm[p], "legacy") for w, d, p in legacy]
    units += [(norm[w], None, norm[p], "2025") for w, p in current]
    folded: dict[str, str] = {}  # each normalized name folded once: names repeat across rows

    def fold(name: str) -> str:
        if name not in folded:
            folded[name] = _fold(name)
        return folded[name]

    communes: _Shards = tuple({} for _ in range(_SHARDS))
    variants: _Shards = tuple({} for _ in range(_SHARDS))
    districts: dict[str, set[tuple[str, str]]] = defaultdict(set)
    provinces: dict[str, str] = {}
    for unit in units:
        commune, district, province, _ = unit
        k = fold(commune)
        communes[_shard(k)].setdefault(k, []).append(unit)
        v = variant_key(commune)
        if v != k:
            variants[_shard(v)].setdefault(v, []).append(unit)
        if district:
            # looked up by the name a report writes: "Cai Lậy" finds "Cai Lậy (Huyện)"
            districts[fold(without_note(district))].add((district, province))
        provinces.setdefault(fold(province), province)
    return communes, {k: sorted(v) for k, v in districts.items()}, provinces, variants


class Settled(NamedTuple):
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
        in_district = [r for r in rows if r[0] is not None
                       and variant_key(without_note(r[0])) == variant_key(district)]
        if rows and not in_district:
            # The commune is no unit of the district stated: it was renamed, merged or moved
            # to another district since the data's snapshot, or shares its name with communes
            # elsewhere. The district stated still tells its province.
            provinces = {p for _, p in rows}
            in_district = [r for r in by_district if r[1] in provinces] or by_district
        rows = in_district if rows else by_district
    if province:
        province = gz.province(province) or province
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
    districts = sorted({without_note(d) for d, _ in rows if d})
    candidates: dict[str, tuple[str, ...]] = {}
    if len(provinces) > 1:
        candidates["province"] = tuple(provinces)
    if len(districts) > 1:
        candidates["district"] = tuple(districts)
    return Settled(district=districts[0] if len(districts) == 1 else None,
                   province=provinces[0] if len(provinces) == 1 else None,
                   candidates=candidates or None)


def without_note(name: str) -> str:
    """A unit's name without the data's bracketed note ("Cai Lậy (Huyện)" -> "Cai Lậy"): the
    note tells two units of one name apart in the data, and is no part of the name a report
    or a table writes."""
    return name.split("(")[0].strip()


def ascii_key(name: str) -> str:
    """A name as a web address writes it: no marks, no spaces, no bracketed note
    ("Hoài Nhơn" -> "hoainhon", "Long Mỹ (Thị xã)" -> "longmy")."""
    bare = strip_diacritics(normalize(without_note(name))).casefold()
    return "".join(c for c in bare if c.isascii() and c.isalnum())


class AsciiIndex(NamedTuple):
    """The pre-2025 units by their unmarked names (addresses predate the 2025 units)."""

    communes: dict[str, tuple[Unit, ...]]
    districts: dict[str, tuple[tuple[str, str], ...]]  # ascii key -> (district, province)
    provinces: dict[str, str]


@cache
def ascii_index() -> AsciiIndex | None:
    gz = gazetteer()
    if gz is None:
        return None
    communes: dict[str, list[Unit]] = defaultdict(list)
    districts: dict[str, set[tuple[str, str]]] = defaultdict(set)
    provinces: dict[str, str] = {}
    for u in gz.units:
        if u.era != "legacy" or u.district is None:
            continue
        communes[ascii_key(u.commune)].append(u)
        districts[ascii_key(u.district)].add((u.district, u.province))
        provinces.setdefault(ascii_key(u.province), u.province)
    return AsciiIndex({k: tuple(v) for k, v in communes.items()},
                      {k: tuple(sorted(v)) for k, v in districts.items()}, provinces)


class AddressNames(NamedTuple):
    """The unmarked names a web address gives: the host's labels before its province label
    (the smallest unit first), and the names after a unit prefix in its path, by level."""

    province: str  # ascii key of the province label
    host_units: tuple[str, ...]  # ascii parts of the label just before the province
    path_names: dict[str, tuple[tuple[str, ...], ...]]  # level -> runs of slug words after its prefix


def settle_address(names: AddressNames) -> dict[str, str]:
    """The commune, district and province a web address names, each only when the gazetteer
    confirms it inside the province of the host and no second reading competes."""
    idx = ascii_index()
    if idx is None or names.province not in idx.provinces:
        return {}
    province = idx.provinces[names.province]

    def districts_of(k: str) -> set[str]:
        return {d for d, p in idx.districts.get(k, ()) if p == province}

    def communes_of(k: str, district: str | None) -> set[tuple[str, str]]:
        return {(u.commune, u.district or "") for u in idx.communes.get(k, ())
                if u.province == province and (district is None or u.district == district)}

    district_found: set[str] = set()
    commune_keys: list[str] = []
    host = names.host_units
    if len(host) == 2:  # "<commune>-<district>"
        district_found |= districts_of(host[1])
        commune_keys.append(host[0])
    elif len(host) == 1:  # a district's portal, or a commune's
        found = districts_of(host[0])
        district_found |= found
        if not found:
            commune_keys.append(host[0])
    district_found |= {d for run in names.path_names.get("district", ()) for d in _longest(run, districts_of)}
    if len(district_found) > 1:
        return {"province": province}
    district = next(iter(district_found), None)
    communes = {c for k in commune_keys for c in communes_of(k, district)}
    communes |= {c for run in names.path_names.get("commune", ())
                 for c in _longest(run, lambda k: communes_of(k, district))}
    out = {"province": province}
    if district:
        out["district"] = district
    if len(communes) == 1:
        commune, its_district = next(iter(communes))
        out["commune"] = commune
        out.setdefault("district", its_district)
    return out


def _longest(run: tuple[str, ...], lookup: Callable[[str], set[Any]]) -> set[Any]:
    """What the longest leading words of a slug run name (a name has at most four syllables)."""
    for n in range(min(4, len(run)), 0, -1):
        found = lookup("".join(run[:n]))
        if found:
            return found
    return set()
