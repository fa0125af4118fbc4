"""Generate realistic commune reports with exact gold answers.

    python -m corpus.generate --count 40 --seed 7 --out corpus/generated [--formats docx,pdf,txt]

Each report is built from one set of *facts* (a commune's road lengths, households, money, ...)
drawn from a seeded RNG, rendered through sentence templates (corpus/gen_data/phrasings.yaml)
in the document's number style. Every figure is rendered by the code that also writes its gold
entry, so gold and text cannot drift apart. Contradictions the checks look for are planted by
changing a fact where it is rendered (a second mention, a stated percentage, a total, a
claimed count, a number written the other convention's way, a share below its criterion's
level) and are recorded as gold flags with the surface strings as evidence.

`self_check(text, gold)` proves every gold figure and every known non-figure occurs in the
rendered text and that no other digit is left over; it runs on every generated report.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from corpus import banks

DATA = Path(__file__).resolve().parent / "gen_data"
# 2: ambiguous_number and criterion_vs_figure, schedule in turns; 3: phrasing banks
# (corpus/phrasing/), criteria from the catalogue, the held-out bank
GENERATOR_VERSION = 3

PLANT_KINDS = ("conflicting_values", "count_list_mismatch", "ratio_mismatch", "sum_mismatch",
               "criteria_count_mismatch", "criteria_both_met_and_unmet", "malformed_number",
               "ambiguous_number", "criterion_vs_figure")
MEASURE_UNITS = {"km": "km", "m": "m", "ha": "ha"}


# The first reports of a seed draw only the bank's first-generation forms (not its `more_*`
# entries), so they stay as they were when tests/fixtures/scans/ was made from gen-1-0000..0004
# (image scans of those reports cannot be regenerated without changing the OCR fixtures).
CLASSIC_REPORTS = 5


@cache
def load_data(name: str) -> Any:
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


def place_data(names: tuple[str, ...]) -> dict[str, Any]:
    """The regions of the place files a bank draws from (its identity.yaml's `place_data`;
    `places` alone when it names none, so that a bank without the key draws as before)."""
    regions: dict[str, Any] = {}
    for name in names:
        regions |= load_data(name)["regions"]
    return {"regions": regions}


# ---------------------------------------------------------------- document model

@dataclass
class GoldFigure:
    text: str
    value: Decimal
    unit: str
    total: Decimal | None = None
    optional: bool = False
    noun: str | None = None
    fact: str = ""
    form: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": _num(self.value), "unit": self.unit,
                "total": None if self.total is None else _num(self.total),
                "optional": self.optional, "noun": self.noun}


@dataclass
class Seg:
    text: str
    figure: GoldFigure | None = None
    non_figure: str | None = None  # kind of a non-figure holding digits (date, doc number, ...)


@dataclass
class Para:
    segs: list[Seg]
    style: str = "body"  # body | bold | center | title

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segs)


@dataclass
class Table:
    rows: list[list[list[Seg]]]
    kind: str = "grid"  # grid | header (the two-column letterhead, no borders)
    # (row, col) of the cells merged with the cell above them (Word's vertical merge): the
    # label of a group of rows written once and spanning them all
    merged_up: frozenset[tuple[int, int]] = frozenset()

    def cell_text(self, r: int, c: int) -> str:
        return "".join(s.text for s in self.rows[r][c])


Block = Para | Table


@dataclass
class Fact:
    value: Decimal
    unit: str
    noun: str | None = None
    total: Decimal | None = None
    decimals: int = 0
    optional: bool = False
    pct_decimals: int = 0
    pct_override: Decimal | None = None
    malformed: bool = False
    foreign: bool = False  # written in the other number convention than the document's


@dataclass
class Style:
    convention: str  # "vi" ('.' thousands, ',' decimals) or "en"
    group_four: bool  # "2.745" rather than "2745"
    glue_units: bool  # "0,340km"
    pad: bool  # "05 cầu", "08/08 thôn"
    ratio_unit_twice: bool  # "8,5 km/15 km"
    pct_space: bool  # "11,6 %"
    m2: str
    money: str  # the unit the document prefers for money


@dataclass
class Report:
    stem: str
    blocks: list[Block]
    gold: dict[str, Any]


def _num(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


# ---------------------------------------------------------------- number rendering

def format_number(value: Decimal, decimals: int, style: Style, pad: bool = False) -> str:
    q = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{q:f}"
    whole, _, frac = text.partition(".")
    thousands, point = (".", ",") if style.convention == "vi" else (",", ".")
    if len(whole) > 4 or (len(whole) == 4 and style.group_four):
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = thousands.join([whole] + groups)
    if pad and len(whole) == 1 and not frac and q > 0:
        whole = "0" + whole
    return whole + (point + frac if frac else "")


def _decimals_of(d: Decimal) -> int:
    d = d.normalize()
    return max(0, -d.as_tuple().exponent)  # type: ignore[operator]


MONEY_UNITS = {"đồng": 1, "đ": 1, "VNĐ": 1, "nghìn đồng": 1000, "triệu đồng": 10**6,
               "tr.đồng": 10**6, "trđ": 10**6, "triệu": 10**6, "tỷ đồng": 10**9}


def money_choices(value: Decimal) -> list[str]:
    """Money units in which `value` đồng is written with at most 3 decimals."""
    out = []
    for unit, scale in MONEY_UNITS.items():
        scaled = value / scale
        if _decimals_of(scaled) > 3 or (scale == 10**9 and value < 5 * 10**8):
            continue
        if scale == 1000 and value >= 10**9:
            continue
        out.append(unit)
    return out


class Renderer:
    """Turns template markup into segments, recording a gold figure for every figure slot."""

    SLOT = re.compile(r"\{(@?)([a-z_0-9]+)(?::([a-z]+))?(?:\|([^}]+))?\}|\[\[(.+?)\]\]")

    def __init__(self, facts: dict[str, Fact], ctx: dict[str, str | Seg], style: Style,
                 rng: random.Random) -> None:
        self.facts, self.ctx, self.style, self.rng = facts, ctx, style, rng
        self.rendered: dict[tuple[str, str], list[GoldFigure]] = {}

    def template_facts(self, template: str) -> set[str]:
        return {m.group(2) for m in self.SLOT.finditer(template) if m.group(2) and not m.group(1)}

    def render(self, template: str) -> list[Seg]:
        segs: list[Seg] = []
        pos = 0
        for m in self.SLOT.finditer(template):
            segs.append(self.literal(template[pos:m.start()]))
            if m.group(5) is not None:
                segs.append(Seg(m.group(5), non_figure="name"))
            elif m.group(1):
                value = self.ctx[m.group(2)]
                segs.append(value if isinstance(value, Seg) else self.literal(value))
            else:
                segs.append(self.figure(m.group(2), m.group(3) or "", m.group(4)))
            pos = m.end()
        segs.append(self.literal(template[pos:]))
        return [s for s in segs if s.text]

    @staticmethod
    def literal(text: str) -> Seg:
        if re.search(r"\d", text):
            raise ValueError(f"digits outside a slot or [[...]] in template text {text!r}")
        return Seg(text)

    def unit_text(self, fact: Fact, noun: str | None) -> str:
        st = self.style
        if fact.unit in MEASURE_UNITS:
            return ("" if st.glue_units else " ") + MEASURE_UNITS[fact.unit]
        if fact.unit == "m2":
            return " " + st.m2
        if fact.unit == "percent":
            return " %" if st.pct_space else "%"
        if fact.unit == "village":
            return " " + str(self.ctx["vword"])
        default = {"household": "hộ", "labour_day": "ngày công", "criterion": "tiêu chí"}
        return " " + (noun or fact.noun or default[fact.unit])

    def number(self, value: Decimal, fact: Fact) -> str:
        counted = fact.unit not in ("km", "m", "m2", "ha", "percent", "VND") and not fact.optional
        style = self.style
        if fact.foreign:
            style = replace(style, convention="en" if style.convention == "vi" else "vi")
        return format_number(value, fact.decimals, style, pad=self.style.pad and counted)

    def money(self, value: Decimal, fact: Fact) -> str:
        if fact.malformed:
            scaled = value / 10**6
            return format_number(scaled, 0, self.style) + ". triệu đồng"
        choices = money_choices(value)
        unit = self.style.money if self.style.money in choices and self.rng.random() < 0.6 \
            else self.rng.choice(choices)
        scaled = value / MONEY_UNITS[unit]
        text = format_number(scaled, _decimals_of(scaled), self.style)
        glue = unit == "đ" and self.rng.random() < 0.7
        return text + ("" if glue else " ") + unit

    def figure(self, name: str, form: str, noun: str | None) -> Seg:
        fact = self.facts[name]
        gold_noun = (noun or fact.noun) if fact.unit == "count" else None
        if form == "pct":
            assert fact.total is not None
            pct = fact.pct_override if fact.pct_override is not None else \
                (fact.value * 100 / fact.total).quantize(Decimal(1).scaleb(-fact.pct_decimals),
                                                         rounding=ROUND_HALF_UP)
            pfact = Fact(pct, "percent", decimals=fact.pct_decimals)
            text = format_number(pct, fact.pct_decimals, self.style) + self.unit_text(pfact, None)
            fig = GoldFigure(text, pct, "percent")
        elif form == "ratio":
            assert fact.total is not None
            a, b = self.number(fact.value, fact), self.number(fact.total, fact)
            unit = self.unit_text(fact, noun)
            twice = fact.unit in ("km", "m", "ha", "m2") and self.style.ratio_unit_twice
            text = f"{a}{unit}/{b}{unit}" if twice else f"{a}/{b}{unit}"
            fig = GoldFigure(text, fact.value, fact.unit, fact.total, fact.optional, gold_noun)
        elif form == "of":
            # "15 trên 19 tiêu chí": a ratio in words ("trên" here is "out of", not "over")
            assert fact.total is not None
            a, b = self.number(fact.value, fact), self.number(fact.total, fact)
            text = f"{a} {load_data('numbers')['out_of']} {b}{self.unit_text(fact, noun)}"
            fig = GoldFigure(text, fact.value, fact.unit, fact.total, fact.optional, gold_noun)
        elif form == "w":
            # a count spelled out ("mười lăm tiêu chí"): its gold figure is optional, as a
            # figure reader is not asked to read number words (the claim is in the criteria gold)
            text = spelled(fact.value) + self.unit_text(fact, noun)
            fig = GoldFigure(text, fact.value, fact.unit, None, True, gold_noun)
        else:
            value = fact.total if form == "total" else fact.value
            assert value is not None
            if fact.unit == "VND":
                text = self.money(value, fact)
            else:
                text = self.number(value, fact) + self.unit_text(fact, noun)
            if form == "q":
                text = self.rng.choice(["khoảng", "trên", "hơn", "gần", "ít nhất"]) + " " + text
            fig = GoldFigure(text, value, fact.unit, None, fact.optional, gold_noun)
        fig.fact, fig.form = name, form
        self.rendered.setdefault((name, form), []).append(fig)
        return Seg(fig.text, figure=fig)

    def bare(self, name: str, form: str, unit_label: str) -> list[Seg]:
        """A table cell holding a bare number whose unit is in the "Đơn vị tính" column."""
        fact = self.facts[name]
        if form == "pct":
            assert fact.total is not None
            pct = (fact.value * 100 / fact.total).quantize(
                Decimal(1).scaleb(-fact.pct_decimals), rounding=ROUND_HALF_UP)
            fig = GoldFigure(format_number(pct, fact.pct_decimals, self.style), pct, "percent")
        else:
            value = fact.total if form == "total" else fact.value
            assert value is not None
            if fact.unit == "VND":
                scaled = value / MONEY_UNITS[unit_label]
                text = format_number(scaled, _decimals_of(scaled), self.style)
            else:
                text = format_number(value, fact.decimals, self.style)
            noun = fact.noun if fact.unit == "count" else None
            fig = GoldFigure(text, value, fact.unit, None, fact.optional, noun)
        fig.fact, fig.form = name, form
        self.rendered.setdefault((name, form), []).append(fig)
        return [Seg(fig.text, figure=fig)]


def spelled(value: Decimal) -> str:
    """A whole count in Vietnamese words ("mười lăm"), from corpus/gen_data/numbers.yaml."""
    words = load_data("numbers")["words"]
    n = int(value)
    if n != value or not 0 <= n < len(words):
        raise ValueError(f"no spelled form for {value}")
    return str(words[n])


# the centrally-run cities of the generator's provinces (before 2025): "thành phố Hà Nội", never
# "tỉnh Hà Nội"
CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")


def province_with_kind(province: str) -> dict[str, str]:
    """The province with its kind, for {province_unit} in identity forms ("tỉnh Bắc Kạn",
    "thành phố Hà Nội")."""
    return {"province_unit": f"{'thành phố' if province in CENTRAL_CITIES else 'tỉnh'} {province}"}


def names_without_kind(district: str) -> dict[str, str]:
    """The district's bare name ("Bạch Thông"), for {district_name} in identity forms and
    {@district_name} in statements: news items write "xã Lục Bình (Bạch Thông)"."""
    return {"district_name": district}


# A scheme line holding this separator is a table row (corpus/phrasing/*/criteria.yaml).
TABLE_ROW_SEP = " || "
# A scheme line that is only this places the criteria table there (prose may follow it); a
# table scheme without one puts its table after its lines.
TABLE_SLOT = "{@table}"
# A scheme line that is only this writes the criteria under the bank's `groups` titles (each
# group's criteria in one status-line form).
GROUPS_SLOT = "{@status_groups}"
# A table-row cell that is only this continues the cell above it (a vertically merged cell).
MERGED_CELL = "{^}"


def table_forms_for(forms: list[dict[str, Any]], statuses: set[str]) -> list[dict[str, Any]]:
    """The table forms that can state every status of `statuses`: a form with tick columns
    needs one for each (a basically met row with no "Cơ bản đạt" column would read unmet).
    The list itself when every form fits, so a bank's draws do not change."""
    def fits(form: dict[str, Any]) -> bool:
        ticks = {c["status"] for c in form["columns"] if c["cell"] == "tick"}
        return not ticks or statuses <= ticks
    fitting = [f for f in forms if fits(f)]
    if not fitting:
        raise ValueError(f"no table form states the statuses {sorted(statuses)}")
    return forms if len(fitting) == len(forms) else fitting


# ---------------------------------------------------------------- facts

def _dec(rng: random.Random, lo: float, hi: float, decimals: int) -> Decimal:
    scale = 10 ** decimals
    return Decimal(rng.randint(round(lo * scale), round(hi * scale))).scaleb(-decimals)


def make_facts(rng: random.Random, n_villages: int, years: int) -> dict[str, Fact]:
    r = rng
    f: dict[str, Fact] = {}

    def money(lo: float, hi: float, step: int = 10**5) -> Decimal:
        return Decimal(r.randint(int(lo // step), int(hi // step)) * step)

    def ratio(unit: str, total: Decimal, value: Decimal, decimals: int = 0, noun: str | None = None,
              pct_decimals: int = 0) -> Fact:
        return Fact(min(value, total), unit, noun, total, decimals, pct_decimals=pct_decimals)

    n = Decimal(n_villages)
    households = r.randint(300, 3000)
    people = int(households * r.uniform(3.4, 4.4))
    f["all_villages"] = Fact(n, "village", total=n)
    f["people_propaganda"] = Fact(Decimal(r.randrange(500, 3000, 50)), "person", "lượt người")
    f["plan_fund"] = Fact(money(100e6, 500e6, 10**6), "VND")
    f["road_commune"] = Fact(_dec(r, 1, 9, 1), "km", decimals=1)
    t = _dec(r, 5, 30, 1)
    f["road_village"] = ratio("km", t, t - _dec(r, 0.1, float(t) * 0.3, 1), 1)
    t = _dec(r, 5, 25, 1)
    f["road_alley"] = ratio("km", t, _dec(r, float(t) * 0.4, float(t) - 0.1, 1), 1)
    f["bridges"] = Fact(Decimal(r.randint(1, 6)), "count", "cầu dân sinh")
    f["built_commune"] = Fact(_dec(r, 0.1, 2.5, 3), "km", decimals=3)
    f["built_commune_cost"] = Fact(money(100e6, 2500e6), "VND")
    f["built_village"] = Fact(_dec(r, 0.5, 5, 3), "km", decimals=3)
    f["built_village_cost"] = Fact(money(200e6, 3000e6), "VND")
    d = r.choice([0, 1])
    annual, perennial = _dec(r, 100, 900, 1), _dec(r, 2, 60, d)
    annual_act = annual - _dec(r, 0, float(annual) * 0.08, 1)
    f["irr_annual"] = Fact(annual, "ha", decimals=1)
    f["irr_perennial"] = Fact(perennial, "ha", decimals=d)
    f["irr_plan"] = Fact(annual + perennial, "ha", decimals=1)
    f["irr_annual_act"] = Fact(annual_act, "ha", decimals=1)
    f["irr_actual"] = Fact(annual_act + perennial, "ha", decimals=1)
    f["irr"] = ratio("ha", annual + perennial, annual_act + perennial, 1)
    f["irr_share"] = Fact((f["irr"].value * 100 / f["irr"].total).quantize(Decimal(1), ROUND_HALF_UP),
                          "percent")
    f["agri_area"] = Fact(_dec(r, 800, 6000, 2), "ha", decimals=2)
    t = Decimal(r.randint(5, 30))
    f["canal"] = ratio("km", t, Decimal(r.randint(int(t) // 2, int(t))))
    f["built_canal"] = Fact(_dec(r, 0.2, 3, 2), "km", decimals=2)
    f["built_canal_cost"] = Fact(money(100e6, 900e6), "VND")
    h = Decimal(households)
    f["elec_hh"] = ratio("household", h, h - r.randint(0, 15), pct_decimals=r.choice([0, 1]))
    f["stations_new"] = Fact(Decimal(r.randint(1, 3)), "count", "trạm biến áp")
    f["schools"] = Fact(Decimal(r.randint(2, 4)), "count", "trường học")
    f["culture_seats"] = Fact(Decimal(r.randrange(100, 350, 50)), "count", "chỗ ngồi")
    f["houses_building"] = Fact(Decimal(r.randint(1, 4)), "count", "nhà văn hóa thôn")
    f["eq_count"] = Fact(Decimal(0), "count", "nhà văn hóa thôn")  # set from the list
    f["stalls"] = Fact(Decimal(r.randint(10, 60)), "count", "gian hàng")
    f["speakers"] = Fact(Decimal(r.randint(5, 20)), "count", "cụm loa")
    f["it_share"] = Fact(Decimal(r.randint(90, 100)), "percent")
    f["solid_house"] = ratio("household", h, h - r.randint(5, 80), pct_decimals=r.choice([0, 1, 2]))
    f["income"] = Fact(_dec(r, 35, 75, 1) * 10**6, "VND")
    f["poverty_rate"] = Fact(_dec(r, 1, 30, 2), "percent", decimals=2)
    poor, near = r.randint(15, 200), r.randint(15, 200)
    f["poor_hh"] = Fact(Decimal(poor), "household")
    f["poor_hh_b"] = Fact(Decimal(poor), "household")
    f["nearpoor_hh"] = Fact(Decimal(near), "household")
    f["poor_reduce"] = Fact(Decimal(r.randint(3, poor // 2)), "household")
    f["nearpoor_reduce"] = Fact(Decimal(r.randint(3, near // 2)), "household")
    f["house_support_hh"] = Fact(Decimal(r.randint(3, 20)), "household")
    f["water_support_hh"] = Fact(Decimal(r.randint(5, 40)), "household")
    for key, lo, hi, step in (("p1", 100e6, 900e6, 10**6), ("p4", 1e9, 3e9, 10**6)):
        alloc = money(lo, hi, step)
        disb = Decimal(r.randint(0, int(alloc))) if r.random() < 0.8 else Decimal(0)
        f[f"{key}_alloc"] = Fact(alloc, "VND")
        f[f"{key}_disb"] = Fact(disb, "VND")
        f[f"{key}_share"] = Fact((disb * 100 / alloc).quantize(Decimal("0.01"), ROUND_HALF_UP),
                                 "percent", decimals=2)
    f["forest_hh"] = Fact(Decimal(r.randint(20, 120)), "household")
    f["forest_area"] = Fact(Decimal(r.randint(200, 2000)), "ha")
    f["forest_pay"] = Fact(money(100e6, 900e6, 10**6), "VND")
    f["houses_built"] = Fact(Decimal(r.randint(5, 30)), "count", "nhà")
    f["houses_built_cost"] = Fact(money(300e6, 2000e6), "VND")
    f["labour_share"] = Fact(_dec(r, 85, 98, 1), "percent", decimals=1)
    f["trained_share"] = Fact(_dec(r, 50, 80, 1), "percent", decimals=1)
    f["trained_people"] = Fact(Decimal(r.randint(20, 120)), "person", "lao động")
    f["ocop"] = Fact(Decimal(r.randint(1, 6)), "count", "sản phẩm OCOP")
    f["ocop_stars"] = Fact(Decimal(r.randint(3, 4)), "count", "sao", optional=True)
    f["coops"] = Fact(Decimal(r.randint(1, 5)), "count", "hợp tác xã")
    f["buffalo_hh"] = Fact(Decimal(r.randint(10, 40)), "household")
    f["goat_hh"] = Fact(Decimal(r.randint(10, 40)), "household")
    f["age5"] = Fact(Decimal(5), "count", "tuổi", optional=True)
    f["under5"] = Fact(Decimal(5), "count", "tuổi", optional=True)
    f["kids5"] = Fact(Decimal(r.randint(40, 200)), "person", "trẻ")
    f["pupils"] = Fact(Decimal(r.randint(150, 500)), "person", "học sinh")
    p = Decimal(people)
    f["bhyt"] = ratio("person", p, p - r.randint(0, 60), noun="người", pct_decimals=r.choice([0, 1, 2]))
    f["stunting"] = Fact(_dec(r, 5, 25, 1), "percent", decimals=1)
    male = _dec(r, 45, 55, 2)
    f["ehealth"] = Fact(_dec(r, 80, 99.9, 2), "percent", decimals=2)
    f["ehealth_male"] = Fact(male, "percent", decimals=2)
    f["ehealth_female"] = Fact(100 - male, "percent", decimals=2)
    f["cultural_families"] = Fact(_dec(r, 80, 95, 1), "percent", decimals=1)
    f["cultural_villages"] = Fact(Decimal(r.randint(1, n_villages)), "village")
    f["clean_water"] = Fact(_dec(r, 85, 99.5, 1), "percent", decimals=1)
    f["waste_points"] = Fact(Decimal(r.randint(5, 20)), "count", "điểm thu gom")
    f["env_people"] = Fact(Decimal(r.randrange(50, 300, 10)), "person", "người")
    staff = Decimal(r.randint(18, 23))
    f["officials"] = ratio("person", staff, staff - r.randint(0, 3), noun="người")
    f["safe_villages"] = Fact(Decimal(r.randint(max(1, n_villages - 2), n_villages)), "village")
    f["military_share"] = Fact(Decimal(100), "percent")
    a, b = r.randint(60, 150), r.randint(5, 20)
    f["members"] = Fact(Decimal(a + b), "person", "hội viên")
    f["members_commune"] = Fact(Decimal(a), "person", "hội viên")
    f["members_district"] = Fact(Decimal(b), "person", "hội viên")
    f["campaign_hh"] = Fact(Decimal(r.randrange(100, 500, 10)), "household")
    f["contrib_money"] = Fact(money(20e6, 400e6, 10**5), "VND")
    f["contrib_ld"] = Fact(Decimal(r.randrange(100, 900, 50)), "labour_day")
    f["contrib_land"] = Fact(Decimal(r.randrange(50, 2000, 10)), "m2")
    for k in ("contrib_money", "contrib_ld", "contrib_land"):
        f[k + "_b"] = Fact(f[k].value, f[k].unit)
    f["dur_years"] = Fact(Decimal(years), "count", "năm", optional=True)
    f["dur_years_b"] = Fact(Decimal(years), "count", "năm", optional=True)
    f["dur_months"] = Fact(Decimal(6), "count", "tháng", optional=True)
    f["youth_bridges"] = Fact(Decimal(r.randint(1, 5)), "count", "cầu dân sinh")
    f["lamps"] = Fact(Decimal(r.randint(10, 50)), "count", "bóng đèn")
    parts = [money(300e6, 5000e6, 10**5) for _ in range(4)]
    for k, v in zip(("fund_central", "fund_province", "fund_other", "fund_people"), parts):
        f[k] = Fact(v, "VND")
    f["fund_total"] = Fact(sum(parts, Decimal(0)), "VND")
    f["target_villages"] = Fact(Decimal(r.randint(1, 4)), "village")
    f["n_components"] = Fact(Decimal(11), "count", "nội dung thành phần", optional=True)
    return f


# ---------------------------------------------------------------- planting contradictions

@dataclass
class Plan:
    """What a report plants, decided before rendering so the items involved are forced in."""

    kinds: tuple[str, ...]
    forced_facts: set[str] = field(default_factory=set)
    flags: list[dict[str, Any]] = field(default_factory=list)  # evidence as (fact, form) refs
    conflict_table: bool = False


def _bump(rng: random.Random, value: Decimal, lo: int, hi: int) -> Decimal:
    delta = Decimal(rng.randint(lo, hi))
    return value + delta if rng.random() < 0.5 or value - delta <= 0 else value - delta


def _last_place(value: Decimal) -> Decimal:
    """The last significant place of a whole value as written: 700 -> 100, 750 -> 10."""
    step, n = Decimal(1), int(value)
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return step


def _beyond_over(base: Decimal, value: Decimal) -> Decimal:
    """`value` moved away from `base` until neither can be read inside the other written with
    "trên" (over X and under X's next step: "trên 700" holds 750, and "trên 300" and "trên 400"
    may both be true), so a planted conflict stays a conflict in every phrasing."""
    sign = 1 if value > base else -1
    while abs(value - base) <= _last_place(min(value, base)):
        value += sign * _last_place(min(value, base))
        if value <= 0:
            sign, value = 1, base
    return value


def set_thresholds(criteria_set: str) -> dict[str, dict[str, int]]:
    """Levels of a criteria set a `criterion_vs_figure` plant can undercut, by fact."""
    return load_data("criteria")["sets"][criteria_set].get("thresholds") or {}


def applicable_kinds(criteria_set: str) -> tuple[str, ...]:
    """The kinds a report under `criteria_set` can carry: criterion_vs_figure needs levels."""
    return tuple(k for k in PLANT_KINDS
                 if k != "criterion_vs_figure" or set_thresholds(criteria_set))


@cache
def plain_once_facts() -> frozenset[str]:
    """Facts that only one template item holds, and only as a plain slot ("{road_commune}"):
    each is rendered at most once, as one figure of its own."""
    items: dict[str, int] = {}
    forms: dict[str, set[str]] = {}
    for alternatives in (a for items_ in load_data("phrasings")["topics"].values() for a in items_):
        names = set()
        for alt in alternatives:
            for m in Renderer.SLOT.finditer(alt):
                if m.group(2) and not m.group(1):
                    names.add(m.group(2))
                    forms.setdefault(m.group(2), set()).add(m.group(3) or "")
        for name in names:
            items[name] = items.get(name, 0) + 1
    return frozenset(k for k, n in items.items() if n == 1 and forms[k] == {""})


def plant(rng: random.Random, kinds: tuple[str, ...], facts: dict[str, Fact],
          thresholds: dict[str, dict[str, int]] | None = None) -> Plan:
    plan = Plan(kinds)
    # ambiguous_number goes last: it takes a fact no other plant uses
    for kind in sorted(kinds, key=lambda k: k == "ambiguous_number"):
        if kind == "conflicting_values":
            key = rng.choice(["contrib_ld", "contrib_money", "contrib_land", "poor_hh"])
            other = key + "_b"
            base = facts[key].value
            if key == "contrib_money":
                facts[other].value = base + Decimal(rng.choice([-1, 1]) * rng.randint(5, 50) * 10**6)
                if facts[other].value <= 0:
                    facts[other].value = base + 10**7
            elif key == "contrib_ld":
                facts[other].value = base + rng.choice([-1, 1]) * 50 * rng.randint(1, 4)
                if facts[other].value <= 0:
                    facts[other].value = base + 200
            else:
                facts[other].value = _bump(rng, base, 5, 40)
            if key != "poor_hh":  # the campaign's contributions may be written "trên ..." (over)
                facts[other].value = _beyond_over(base, facts[other].value)
            plan.conflict_table = key == "poor_hh"
            plan.forced_facts |= {key} if key == "poor_hh" else {key, other}
            plan.flags.append({"kind": kind, "refs": [(key, ""), (other, "")],
                               "description": f"The same measure ({key}) is given two values."})
        elif kind == "count_list_mismatch":
            plan.forced_facts.add("eq_count")
            plan.flags.append({"kind": kind, "refs": [("eq_count", "")],
                               "description": "A count disagrees with the list of names after it."})
        elif kind == "ratio_mismatch":
            keys = ["road_alley", "elec_hh", "bhyt", "officials"]
            if "criterion_vs_figure" in kinds:
                keys = [k for k in keys if k not in (thresholds or {})]
            key = rng.choice(keys)
            fact = facts[key]
            true = fact.value * 100 / fact.total  # type: ignore[operator]
            wrong = (true + rng.choice([-1, 1]) * rng.randint(6, 15)).quantize(Decimal(1), ROUND_HALF_UP)
            if wrong <= 0 or wrong > 100:
                wrong = (true - rng.randint(6, 15)).quantize(Decimal(1), ROUND_HALF_UP)
            fact.pct_override, fact.pct_decimals = wrong, 0
            plan.forced_facts.add(key)
            plan.flags.append({"kind": kind, "refs": [(key, "ratio"), (key, "pct")],
                               "description": "A stated percentage disagrees with its own ratio."})
        elif kind == "sum_mismatch":
            family = rng.choice(["irr", "funds", "members"])
            if family == "irr":
                f = facts["irr_plan"]
                f.value += _dec(rng, 2, 20, 0)  # upwards: actual stays below plan
                refs = [("irr_plan", ""), ("irr_annual", ""), ("irr_perennial", "")]
                facts["irr"].total = f.value
                facts["irr_share"].value = (facts["irr"].value * 100 / f.value).quantize(Decimal(1), ROUND_HALF_UP)
            elif family == "funds":
                facts["fund_total"].value += Decimal(rng.randint(1, 9) * 10**8)
                refs = [("fund_total", ""), ("fund_central", ""), ("fund_province", ""),
                        ("fund_other", ""), ("fund_people", "")]
            else:
                facts["members"].value += rng.randint(3, 15)
                refs = [("members", ""), ("members_commune", ""), ("members_district", "")]
            plan.forced_facts |= {r[0] for r in refs}
            plan.flags.append({"kind": kind, "refs": refs,
                               "description": "Parts do not add up to their stated total."})
        elif kind == "malformed_number":
            key = rng.choice(["built_canal_cost", "built_village_cost", "plan_fund", "houses_built_cost"])
            facts[key].value = Decimal(rng.randint(100, 999) * 10**6)
            facts[key].malformed = True
            plan.forced_facts.add(key)
            plan.flags.append({"kind": kind, "refs": [(key, "")], "malformed": True,
                               "description": "A number with a dangling separator ('343. triệu đồng')."})
        elif kind == "criterion_vs_figure":
            # a ratio whose percentage misses the set's level while its criterion is listed met
            # (the Builder keeps that criterion out of the unmet ones)
            if not thresholds:
                raise ValueError("criterion_vs_figure needs a criteria set with thresholds")
            key = rng.choice(sorted(thresholds))
            fact, level = facts[key], thresholds[key]["min_percent"]
            assert fact.total is not None
            share = _dec(rng, level - 15, level - 1, 2) / 100
            fact.value = (fact.total * share).quantize(Decimal(1), rounding=ROUND_FLOOR)
            plan.forced_facts.add(key)
            plan.flags.append({"kind": kind, "refs": [(key, "pct")],
                               "description": f"Criterion {thresholds[key]['criterion']} is listed as "
                                              f"met while its percentage is below {level}%."})
            # the ratio itself also gives the share: a flag on it is right, though not required
            plan.flags.append({"kind": kind, "refs": [(key, "ratio")], "must": False,
                               "description": "The same share, as the ratio it comes from."})
        elif kind == "ambiguous_number":
            # km/ha with 1-2 decimals below 1000 ("45,6 km"): one separator, the decimal one, so
            # the value reads the same either way, but it goes against the document's convention
            pool = [k for k, f in facts.items()
                    if f.unit in ("km", "ha") and f.decimals in (1, 2) and f.total is None
                    and f.value < 1000 and not f.optional and k in plain_once_facts()
                    and k not in plan.forced_facts]
            key = rng.choice(pool)
            facts[key].foreign = True
            plan.forced_facts.add(key)
            plan.flags.append({"kind": kind, "refs": [(key, "")],
                               "description": "A decimal written in the other number convention "
                                              "than the rest of the document."})
        # the two criteria kinds are planted where the criteria statement is rendered
    return plan


# ---------------------------------------------------------------- assembling a report

def _slug(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def nf(text: str, kind: str) -> Seg:
    return Seg(text, non_figure=kind)


def para(*parts: str | Seg, style: str = "body") -> Para:
    segs = [p if isinstance(p, Seg) else Renderer.literal(p) for p in parts]
    return Para([s for s in segs if s.text], style)


def second_neighbour(neighbours: list[str], commune: str, first: str) -> str:
    """Another commune of the district than `commune` and `first` ({@other_commune_b})."""
    return next((c for c in neighbours + ["Tân Lập", "Tân Hòa", "Tân Thành"] if c not in (commune, first)))


class Builder:
    def __init__(self, seed: int, index: int, kinds: tuple[str, ...] | None = None,
                 bank: str = "main") -> None:
        self.rng = rng = random.Random(banks.draw_key(bank, seed, index))
        self.seed, self.index, self.bank = seed, index, bank
        self.classic = index < CLASSIC_REPORTS
        self.cb, self.ib = banks.bank(bank, "criteria"), banks.bank(bank, "identity")
        places = place_data(tuple(self.ib.get("place_data", ["places"])))
        region_name = rng.choice(sorted(places["regions"]))
        region = places["regions"][region_name]
        self.province = rng.choice(sorted(region["provinces"]))
        district_full = rng.choice(sorted(region["provinces"][self.province]))
        self.district_kind, self.district = district_full.split(" ", 1) if not district_full.startswith(
            ("thị xã", "thành phố")) else (" ".join(district_full.split(" ")[:2]),
                                           " ".join(district_full.split(" ")[2:]))
        self.commune = rng.choice(region["provinces"][self.province][district_full])
        self.neighbours = [c for c in region["provinces"][self.province][district_full] if c != self.commune]
        self.region = region_name
        self.vword = rng.choice(region["village_words"])
        n_villages = rng.randint(4, 12)
        if region["numbered_villages"] and rng.random() < 0.5:
            self.villages = [f"{self.vword} {i}" for i in range(1, n_villages + 1)]
            self.numbered = True
        else:
            names = rng.sample(region["village_names"], min(n_villages, len(region["village_names"])))
            self.villages = names
            self.numbered = False
        n_villages = len(self.villages)
        # a report asked to carry criterion_vs_figure is of the period whose levels are known
        needs_levels = kinds is not None and "criterion_vs_figure" in kinds
        self.layout = "components" if rng.random() < 0.65 and not needs_levels else "criteria"
        if self.layout == "components":
            self.year = rng.randint(2022, 2025)
            self.period = f"2021-{self.year}" if rng.random() < 0.6 else "2021-2025"
            self.criteria_set = "2021-2025"
            self.mixed_names = rng.random() < 0.5
        else:
            self.year = rng.choice([2019, 2020])
            self.period = f"2016-{self.year}"
            self.criteria_set = "2016-2020"
            self.mixed_names = False
        self.cat = banks.catalogue(self.criteria_set)
        other = "2016-2020" if self.criteria_set == "2021-2025" else "2021-2025"
        self.namer = banks.Namer(self.cat, banks.catalogue(other) if self.mixed_names else None, rng,
                                 banks.short_names(self.cb, self.criteria_set))
        self.month = rng.randint(1, 12)
        self.day = rng.choice([None, rng.randint(1, 28)])
        years = int(self.period[5:]) - int(self.period[:4]) + 1
        self.style = Style(
            convention="en" if rng.random() < 0.2 else "vi",
            group_four=rng.random() < 0.5, glue_units=rng.random() < 0.3, pad=rng.random() < 0.4,
            ratio_unit_twice=rng.random() < 0.4, pct_space=rng.random() < 0.25,
            m2=rng.choice(["m2", "m²", "m2"]),
            money=rng.choice(["triệu đồng", "triệu đồng", "đồng", "đ", "VNĐ", "nghìn đồng",
                              "tr.đồng", "trđ", "tỷ đồng"]))
        if kinds is None:
            kinds = self.random_kinds()
        self.kinds = kinds
        self.thresholds = set_thresholds(self.criteria_set)
        self.facts = make_facts(rng, n_villages, years)
        keep_met = {t["criterion"] for t in self.thresholds.values()} \
            if "criterion_vs_figure" in kinds else set()
        self.choose_criteria("criteria_both_met_and_unmet" in kinds, keep_met)
        self.both: int | None = rng.choice(self.unmet) if "criteria_both_met_and_unmet" in kinds else None
        self.list_items: dict[str, dict[int, str]] = {}  # list -> criterion -> its item text
        self.choose_scheme()
        eq_n = rng.randint(3, min(5, n_villages))
        self.eq_list = rng.sample(self.villages, eq_n)
        self.facts["eq_count"].value = Decimal(eq_n)
        if "count_list_mismatch" in kinds:
            self.facts["eq_count"].value = Decimal(eq_n + rng.choice([1, 2]))
        self.plan = plant(rng, kinds, self.facts, self.thresholds)
        ctx: dict[str, str | Seg] = {
            "commune": self.commune, "district": f"{self.district_kind} {self.district}",
            "province": self.province, "vword": self.vword,
            "year": nf(str(self.year), "year"), "start_year": nf(self.period[:4], "year"),
            "plan_year": nf(str(rng.choice([2030, 2035])), "year"),
            "eq_list": self.village_list_seg(self.eq_list),
            "prev_year": nf(str(self.year - 1), "year"), "commune_name": self.commune,
            "other_commune": rng.choice(self.neighbours) if self.neighbours else "Tân Tiến",
        } | names_without_kind(self.district)
        # a second neighbour (a merger report names every commune it joins), drawn without the
        # random generator so that banks not naming it draw as before
        ctx["other_commune_b"] = second_neighbour(self.neighbours, self.commune, str(ctx["other_commune"]))
        self.r = Renderer(self.facts, ctx, self.style, rng)
        self.blocks: list[Block] = []

    def random_kinds(self) -> tuple[str, ...]:
        rng = self.rng
        if rng.random() < 0.3:
            return ()
        pool = applicable_kinds(self.criteria_set)
        kinds = {rng.choice(pool)}
        if rng.random() < 0.35:
            kinds.add(rng.choice(pool))
        if {"criteria_count_mismatch", "criteria_both_met_and_unmet"} <= kinds:
            kinds.discard("criteria_both_met_and_unmet")
        return tuple(sorted(kinds))

    def village_list_seg(self, names: list[str]) -> Seg:
        text = ", ".join(names)
        return nf(text, "village_names") if self.numbered else Seg(text)

    # -------------------------------------------------------------- criteria

    def choose_criteria(self, need_unmet: bool, keep_met: set[int] | None = None) -> None:
        rng = self.rng
        size = self.cat.size
        n_met = size if rng.random() < 0.1 and not need_unmet else rng.randint(size - 9, size - 1)
        pool = [n for n in self.cat.numbers[5:] if n not in (keep_met or set())]
        unmet = sorted(rng.sample(pool, size - n_met))
        self.met = [c for c in self.cat.numbers if c not in unmet]
        self.unmet = unmet
        self.basic: list[int] = []
        self.planned: list[int] = []
        self.facts["unmet_n"] = Fact(Decimal(len(unmet)), "criterion")
        self.facts["met_n_b"] = Fact(Decimal(len(self.met)), "criterion")
        self.facts["unmet_n_b"] = Fact(Decimal(len(unmet)), "criterion")
        if not unmet:
            for k in ("unmet_n", "unmet_n_b"):
                del self.facts[k]

    def choose_scheme(self) -> None:
        """The bank's statement scheme for this report; it may turn some unmet criteria into
        basically met ones, or plan some of them."""
        rng = self.rng
        criteria_kinds = bool({"criteria_count_mismatch", "criteria_both_met_and_unmet"} & set(self.kinds))
        fits = [(s, banks.scheme_fits(s, len(self.unmet), criteria_kinds)) for s in self.phrasings("schemes")]
        fits = [(s, c) for s, c in fits if c]
        if not fits:
            raise RuntimeError(f"bank {self.bank!r} has no scheme for {len(self.unmet)} unmet criteria")
        self.scheme, conds = rng.choice(fits)
        if "basic" in conds:
            self.basic = sorted(rng.sample(self.unmet, rng.randint(1, 2)))
            self.unmet = [n for n in self.unmet if n not in self.basic]
            for k in ("unmet_n", "unmet_n_b"):  # "the N unmet" would no longer say which
                self.facts.pop(k, None)
        if "plan" in conds:
            self.planned = sorted(rng.sample(self.unmet, min(len(self.unmet), rng.randint(1, 2))))
        size, f = Decimal(self.cat.size), self.facts
        base = rng.randint(3, 8)
        f["base_claim"] = Fact(Decimal(base), "criterion")
        f["prev_claim"] = Fact(Decimal(max(base + 1, len(self.met) - rng.randint(1, 3))), "criterion",
                               total=size)
        f["other_claim"] = Fact(Decimal(rng.randint(self.cat.size - 5, self.cat.size)), "criterion", total=size)
        f["basic_claim"] = Fact(Decimal(len(self.basic)), "criterion")
        f["plan_claim"] = Fact(Decimal(len(self.planned)), "criterion")

    def phrasings(self, key: str) -> Any:
        """The criteria bank's entries of `key`, widened forms included unless the report is
        one of the first of its seed (`CLASSIC_REPORTS`)."""
        return banks.pool(self.cb, key, self.classic)

    def criterion_name(self, n: int) -> str:
        return self.namer(n)

    # -------------------------------------------------------------- rendering helpers

    def add(self, *parts: str | Seg, style: str = "body") -> None:
        self.blocks.append(para(*parts, style=style))

    def item(self, alternatives: list[str], force: bool = False) -> None:
        facts = self.r.template_facts(alternatives[0])
        for alt in alternatives[1:]:
            if self.r.template_facts(alt) != facts:
                raise ValueError(f"alternatives use different facts: {alternatives}")
        if any(f not in self.facts for f in facts):
            return
        if not force and not (facts & self.plan.forced_facts) and self.rng.random() < 0.2:
            return  # reports do not all say everything
        self.blocks.append(Para(self.r.render(self.rng.choice(alternatives))))

    def topic(self, name: str) -> None:
        for alternatives in load_data("phrasings")["topics"][name]:
            self.item(alternatives)

    # -------------------------------------------------------------- sections

    def header(self) -> None:
        """Letterhead, title and opening sentence in forms of the identity bank. A report may
        leave its district or province unnamed only where the gazetteer data settle it."""
        rng, ib = self.rng, self.ib
        names = self.identity_names()
        # a form of a document `genre` (a tờ trình, an answer to councillors, ...) is followed by
        # forms of that genre or of none (`banks.of_genre`): letterhead, then title, then opening
        # a statement scheme of a genre (a village meeting's, an inspection's) takes a letterhead
        # of its genre; one drawing call either way, so banks without such schemes draw as before
        heads = [h for h in ib["letterheads"] if h.get("genre") == self.scheme.get("genre")]
        head = rng.choice(heads if self.scheme.get("genre") and heads else ib["letterheads"])
        title = rng.choice(banks.of_genre(ib["titles"], head.get("genre")))
        intros = banks.of_genre(ib["intros"], title.get("genre") or head.get("genre"))
        intro = rng.choice(intros)
        self.genre = title.get("genre") or head.get("genre") or intro.get("genre")
        stated = set(head["states"]) | set(title["states"]) | set(intro["states"])
        missing = {"district", "province"} - stated
        if missing - banks.settled_levels(self.commune, self.district, self.province, stated):
            intro = next(i for i in intros + ib["intros"] if {"district", "province"} <= set(i["states"]))
            stated |= set(intro["states"])
        self.stated = sorted(stated)
        # a title of another kind of document (tờ trình, biên bản, nghị quyết, ...) names its
        # heading and number suffix; a letterhead of a district or province office its place
        kind = str(title.get("number", "BC-UBND"))
        number = nf(f"{rng.randint(5, 250)}/{kind}", "doc_number") if rng.random() < 0.6 \
            else Seg(f"     /{kind}")
        day = f"ngày {self.day:02d}" if self.day else "ngày     "
        date = nf(f"{day} tháng {self.month} năm {self.year}", "date")
        place = banks.fill_names(str(head.get("place", "{commune}")), names)
        lines = [banks.fill_names(line, names) for line in head["lines"]]
        # a letterhead may name its own right column (a Party committee's "ĐẢNG CỘNG SẢN VIỆT NAM")
        right = list(head.get("right", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]))
        # a two-line letterhead goes in paragraphs: the PDF reader does not yet keep the rows
        # of such a borderless table apart (reported with issue 12)
        if rng.random() < 0.6 and len(lines) == 1:
            rows = [[[Seg(lines[0])], [Seg(right[0])]],
                    [[Seg("Số: "), number], [Seg(right[1] if len(right) > 1 else "")]],
                    [[Seg("")], [Seg(f"{place}, "), date]]]
            self.blocks.append(Table(rows, kind="header"))
        else:
            for t in lines:
                self.add(t, style="center")
            for t in right:
                self.add(t, style="center")
            self.add("Số: ", number, style="center")
            self.add(f"{place}, ", date, style="center")
        nxt = f"{self.year}-2025" if self.layout == "components" else "2021-2025"
        ctx = {"period": nf(self.period, "period"), "next_period": nf(nxt, "period"),
               "ref": nf(f"{rng.randint(100, 4999)}/UBND-{rng.choice(['NNPTNT', 'NN', 'VPĐP'])}", "doc_number"),
               "ref_date": nf(f"{rng.randint(1, 28)}/{self.month}/{self.year}", "date"),
               "plan_ref": nf(f"{rng.randint(10, 400)}/KH-UBND", "doc_number")}
        self.r.ctx.update(ctx)
        heading = banks.fill_names(str(title.get("heading", "BÁO CÁO")), names)
        self.blocks.append(Para(self.r.render(heading), "title"))
        self.blocks.append(Para(self.r.render(banks.fill_names(title["text"], names)), "center"))
        self.blocks.append(Para(self.r.render(banks.fill_names(intro["text"], names))))

    def identity_names(self) -> dict[str, str]:
        """The values of {commune} {district} {province} {district_name} {province_unit} in
        identity forms."""
        names = {"commune": self.commune, "district": f"{self.district_kind} {self.district}",
                 "province": self.province}
        return names | names_without_kind(self.district) | province_with_kind(self.province)

    def part_one_intro(self) -> None:
        self.add("Phần thứ nhất", style="bold")
        self.add("ĐÁNH GIÁ TÌNH HÌNH TRIỂN KHAI, KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH", style="bold")
        self.add("I. KẾT QUẢ TRIỂN KHAI CHƯƠNG TRÌNH", style="bold")
        self.add(nf("1.", "section"), " Công tác tuyên truyền, vận động", style="bold")
        self.topic("propaganda")
        self.add(nf("2.", "section"), " Thành lập, kiện toàn bộ máy chỉ đạo thực hiện Chương trình",
                 style="bold")
        dec = nf(f"{self.rng.randint(10, 300)}/QĐ-UBND", "doc_number")
        date = nf(f"{self.rng.randint(1, 28)}/{self.rng.randint(1, 12)}/{self.period[:4]}", "date")
        self.add("Ủy ban nhân dân xã ban hành Quyết định số ", dec, " ngày ", date,
                 " về kiện toàn Ban quản lý các Chương trình mục tiêu quốc gia.")
        self.topic("steering")

    def status_word(self, n: int) -> str:
        words = self.phrasings("words")
        return self.rng.choice(words["met"] if n in self.met else
                               words["basically_met"] if n in self.basic else words["unmet"])

    def verdict(self, n: int, label: str | None = None) -> None:
        if n == self.both:
            return
        self.add((label or self.rng.choice(self.phrasings("verdict_labels"))) + self.status_word(n))

    def components_body(self) -> None:
        ph = load_data("phrasings")
        self.add("II. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH", style="bold")
        self.blocks.append(Para([nf("1.", "section"), Seg(" Kết quả thực hiện "),
                                 self.r.figure("n_components", "", None),
                                 Seg(" của Chương trình (đã được phê duyệt tại Quyết định số "),
                                 nf("263/QĐ-TTg", "doc_number"), Seg(" của Thủ tướng Chính phủ)")],
                                "bold"))
        sub = {"traffic": "- Về giao thông:", "irrigation": "- Về thủy lợi và phòng chống thiên tai:",
               "electricity": "- Về điện nông thôn:", "school": None,
               "culture_facility": "- Về cơ sở vật chất văn hóa:", "commerce": None, "info": None,
               "housing": None, "projects": "- Kết quả thực hiện Chương trình MTQG phát triển kinh tế - "
                                            "xã hội vùng đồng bào dân tộc thiểu số và miền núi:"}
        for k, comp in enumerate(ph["components"], start=1):
            words = self.rng.random() < 0.85
            head = f"({k}) Nội dung thành phần số {k:02d}" if words else f"({k})"
            self.add(nf(head, "section"), (": " if words else " ") + comp["title"], style="bold")
            for t in comp["topics"]:
                if sub.get(t):
                    self.add(sub[t])
                self.topic(t)
            if k == 1:
                self.verdict(1)

    def criteria_body(self) -> None:
        ph = load_data("phrasings")
        self.add("II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ", style="bold")
        for n in self.cat.numbers:
            self.add(nf(f"{n}. Tiêu chí số {n}", "section"), f" về {self.criterion_name(n)}",
                     style="bold")
            self.topic(ph["criterion_topics"][n])
            if self.rng.random() < 0.7:
                self.verdict(n)
        self.add("III. CÔNG TÁC VẬN ĐỘNG NHÂN DÂN", style="bold")
        self.topic("contributions")
        self.topic("members")
        self.topic("projects")
        self.add("IV. PHONG TRÀO THI ĐUA", style="bold")
        self.topic("youth")
        self.topic("contributions_b")

    def criteria_statement(self, number: str) -> None:
        """The commune's criteria status in the chosen scheme of the bank, with its gold."""
        rng = self.rng
        self.add(nf(number, "section"), " Kết quả thực hiện Bộ tiêu chí Quốc gia về NTM", style="bold")
        scheme = self.scheme
        met_list, unmet_list = list(self.met), list(self.unmet)
        if self.both is not None:
            met_list = sorted(met_list + [self.both])
        met_claim, unmet_claim = len(met_list), len(unmet_list)
        if "criteria_count_mismatch" in self.kinds:
            met_claim += rng.choice([-1, 1]) if met_claim < self.cat.size else -1
        size = Decimal(self.cat.size)
        self.facts["met_claim"] = Fact(Decimal(met_claim), "criterion", total=size)
        self.facts["unmet_claim"] = Fact(Decimal(unmet_claim), "criterion")
        lists = {"met": met_list, "unmet": unmet_list, "basic": self.basic, "plan": self.planned}
        kept_and_new = any("{@new" in line for line in scheme["lines"]) \
            or banks.uses(scheme, "new_claim") or banks.uses(scheme, "kept_claim")
        if kept_and_new:
            # the criteria met anew this year: those met now beyond the earlier year's count
            # (prev_claim), drawn only for a scheme that states them, so other reports draw as before
            kept = int(self.facts["prev_claim"].value)
            lists["new"] = sorted(rng.sample(met_list, len(met_list) - kept))
            self.facts["new_claim"] = Fact(Decimal(len(lists["new"])), "criterion")
            self.facts["kept_claim"] = Fact(Decimal(kept), "criterion")
        rows: list[str] = []  # consecutive table-row lines (" || ") make one table
        for line in scheme["lines"]:
            if line == TABLE_SLOT:
                self.statement_table(rows, lists)
                rows = []
                self.criteria_table()
                continue
            if TABLE_ROW_SEP in line:
                rows.append(line)
                continue
            self.statement_table(rows, lists)
            rows = []
            self.statement_line(line, lists)
        self.statement_table(rows, lists)
        if scheme.get("table") and TABLE_SLOT not in scheme["lines"]:
            self.criteria_table()
        self.add("(số liệu chi tiết theo ", nf("Phụ biểu số 09", "appendix"), " kèm theo)")
        self.gold_criteria = {
            "met": met_list, "unmet": unmet_list, "basically_met": list(self.basic),
            # a count kept and a count met anew make the total ("giữ vững 15, đạt mới 2"); the
            # count met anew alone is a part of it, no claim
            "met_count_claimed": met_claim if banks.uses(scheme, "met_claim") else len(met_list)
            if kept_and_new and banks.uses(scheme, "kept_claim") and banks.uses(scheme, "new_claim") else None,
            "unmet_count_claimed": unmet_claim if banks.uses(scheme, "unmet_claim") and unmet_list else None,
            "set": self.criteria_set, "form": scheme["id"]}

    def statement_line(self, line: str, lists: dict[str, list[int]]) -> None:
        """One line of a scheme: figure and context slots through the renderer, criteria lists
        in a list style of the bank ({@met:bullets} alone: one paragraph per criterion)."""
        if line == "{@status_lines}":
            # every criterion of the set on its own line(s) with its status word
            form = self.rng.choice(self.phrasings("status_lines"))
            self.status_lines(form, self.cat.numbers)
            return
        if line == GROUPS_SLOT:
            # the criteria under the bank's group titles ("I. NHÓM QUY HOẠCH", "II. NHÓM HẠ
            # TẦNG ..."), each with its status word, in one status-line form
            form = self.rng.choice(self.phrasings("status_lines"))
            groups = self.cb.get("groups") or []
            if sorted(n for g in groups for n in g["numbers"]) != self.cat.numbers:
                raise ValueError(f"bank {self.bank!r}: its groups do not hold every criterion once")
            for group in groups:
                self.blocks.append(Para(self.r.render(group["title"])))
                self.status_lines(form, [int(n) for n in group["numbers"]])
            return
        m = banks.LIST_SLOT.fullmatch(line)
        if m and m.group(2) == "bullets":
            form = self.rng.choice(self.phrasings("bullets"))  # one form for the whole list
            for n in lists[m.group(1)]:
                text = banks.fill_number(form, n)
                text = text.replace("{name}", self.criterion_name(n))
                if "{short}" in text:
                    text = text.replace("{short}", self.namer.short_name(n))
                self.blocks.append(Para([nf(text, "criterion_list")]))
                self.list_items.setdefault(m.group(1), {})[n] = text.strip(" -+;.")
            return
        self.blocks.append(Para(self.line_segs(line, lists)))

    def status_lines(self, form: list[str], numbers: list[int]) -> None:
        """The lines of `form` for each criterion of `numbers`, with its status word."""
        for n in numbers:
            if n == self.both:
                continue
            for part in form:
                text = banks.fill_number(part, n).replace("{word}", self.status_word(n))
                text = text.replace("{name}", self.criterion_name(n))
                if "{short}" in text:
                    text = text.replace("{short}", self.namer.short_name(n))
                self.blocks.append(Para([nf(text, "criterion_list")] if re.search(r"\d", text)
                                        else [Seg(text)]))

    def line_segs(self, line: str, lists: dict[str, list[int]]) -> list[Seg]:
        """A line of a scheme as segments: figure and context slots through the renderer,
        criteria lists ({@met}, {@unmet:names}, ...) in a list style of the bank."""
        segs: list[Seg] = []
        pos = 0
        for m in banks.LIST_SLOT.finditer(line):
            segs += self.r.render(line[pos:m.start()])
            style = banks.pick_style(self.phrasings("list_styles"), m.group(2), self.rng)
            text = banks.render_list(lists[m.group(1)], style, self.namer, self.rng,
                                     self.list_items.setdefault(m.group(1), {}))
            segs.append(nf(text, "criterion_list") if re.search(r"\d", text) else Seg(text))
            pos = m.end()
        segs += self.r.render(line[pos:])
        return [s for s in segs if s.text]

    def statement_table(self, lines: list[str], lists: dict[str, list[int]]) -> None:
        """Scheme lines holding " || " as one table: a row per line, a cell per part, each cell
        rendered like a line (the labelled summary real reports set as a table); a cell that
        is only MERGED_CELL is merged with the cell above it."""
        if not lines:
            return
        rows: list[list[list[Seg]]] = []
        merged: set[tuple[int, int]] = set()
        for r, line in enumerate(lines):
            cells = line.split(TABLE_ROW_SEP)
            for c, cell in enumerate(cells):
                if cell.strip() == MERGED_CELL:
                    if r == 0:
                        raise ValueError(f"bank {self.bank!r}: {MERGED_CELL} in a table's first row")
                    merged.add((r, c))
            rows.append([[] if (r, c) in merged else self.line_segs(cell, lists)
                         for c, cell in enumerate(cells)])
        self.blocks.append(Table(rows, merged_up=frozenset(merged)))

    def criteria_table(self) -> None:
        """One row per criterion of the set, in one of the bank's table forms."""
        form = self.rng.choice(table_forms_for(self.phrasings("tables"), self.table_statuses()))
        rows = [[[Seg(c["head"])] for c in form["columns"]]]
        for n in self.cat.numbers:
            status = self.table_status(n)
            row: list[list[Seg]] = []
            for c in form["columns"]:
                kind = c["cell"]
                if kind == "number":
                    row.append([nf(str(n), "row_number")])
                elif kind == "name":
                    row.append([Seg(self.criterion_name(n))])
                elif kind == "short":
                    row.append([Seg(self.namer.short_name(n))])
                elif kind == "word":
                    row.append([Seg(self.status_word(n))])
                elif kind == "tick":
                    row.append([Seg(c.get("mark", "x") if c["status"] == status else "")])
                else:
                    row.append([Seg(c["text"])])
            rows.append(row)
        self.blocks.append(Table(rows))

    def table_status(self, n: int) -> str:
        """The status criterion `n` takes in a criteria table: met, basically_met or unmet."""
        return "met" if n in self.met else "basically_met" if n in self.basic else "unmet"

    def table_statuses(self) -> set[str]:
        """The statuses the rows of a criteria table take in this report."""
        return {self.table_status(n) for n in self.cat.numbers}

    def funds_section(self, number: str) -> None:
        self.add(nf(number, "section"), " Kết quả huy động, phân bổ và sử dụng nguồn vốn", style="bold")
        self.topic("funds")
        self.add("(Bổ sung số liệu chi tiết theo ", nf("Phụ biểu số 05", "appendix"), " kèm theo)")

    def part_two(self) -> None:
        self.add("Phần thứ hai", style="bold")
        self.add("PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM VÀ GIẢI PHÁP THỰC HIỆN CHƯƠNG TRÌNH GIAI ĐOẠN ",
                 nf(f"{self.year}-2025" if self.layout == "components" else "2021-2025", "period"),
                 style="bold")
        self.add("I. Mục tiêu", style="bold")
        self.topic("targets")
        self.add("II. CÁC NHIỆM VỤ TRỌNG TÂM VÀ GIẢI PHÁP THỰC HIỆN", style="bold")
        self.add("- Tiếp tục tuyên truyền sâu rộng trong hệ thống chính trị và toàn xã hội; huy động "
                 "các nguồn lực để thực hiện chương trình theo phương châm \"dân làm, nhà nước hỗ trợ\".")
        self.add(f"Trên đây là báo cáo kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới của "
                 f"xã {self.commune}./.")
        self.add("Nơi nhận:", style="bold")
        closings = self.ib.get("closings")
        if closings:
            # a bank's own "Nơi nhận" list (other units: never the report's identity) and
            # signature block; a bank without them draws as before, so its split is unchanged
            # of the report's genre or of none (a Party report is signed for its committee)
            closing = self.rng.choice(banks.of_genre(closings, self.genre))
            names = self.identity_names()
            for line in closing["receivers"]:
                self.blocks.append(Para(self.r.render(banks.fill_names(line, names))))
            for line in closing["signature"]:
                self.blocks.append(Para(self.r.render(banks.fill_names(line, names)), "center"))
        else:
            self.add(f"- Phòng Nông nghiệp {self.district_kind};")
            self.add("- Thường trực Đảng ủy, HĐND xã;")
            self.add("- Lưu: VP UBND xã.")
            self.add("TM. ỦY BAN NHÂN DÂN", style="center")
            self.add("CHỦ TỊCH", style="center")
        people = load_data("places")["people"]
        self.add(" ".join(self.rng.choice(people[k]) for k in ("surnames", "middle", "given")),
                 style="center")

    def appendices(self) -> None:
        rng = self.rng
        if rng.random() < 0.75 or self.plan.conflict_table:
            self.add(nf("Phụ biểu số 08", "appendix"), style="title")
            self.add("KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU NÔNG THÔN MỚI", style="center")
            rows = [[[Seg(h)] for h in ("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện",
                                        "Tỷ lệ (%)")]]
            spec = [("road_village", "Đường trục thôn, liên thôn được cứng hóa", "km"),
                    ("irr", "Diện tích gieo trồng được tưới", "ha"),
                    ("solid_house", "Hộ có nhà ở kiên cố, bán kiên cố", "hộ")]
            for i, (key, label, unit) in enumerate(spec, start=1):
                rows.append([[nf(str(i), "row_number")], [Seg(label)], [Seg(unit)],
                             self.r.bare(key, "total", unit), self.r.bare(key, "", unit),
                             self.r.bare(key, "pct", unit)])
            rows.append([[nf(str(len(spec) + 1), "row_number")], [Seg("Số hộ nghèo")], [Seg("hộ")],
                         [Seg("-")], self.r.bare("poor_hh_b", "", "hộ"), [Seg("-")]])
            self.blocks.append(Table(rows))
        if rng.random() < 0.6:
            unit = rng.choice(["triệu đồng", "triệu đồng", "đồng", "nghìn đồng"])
            self.add(nf("Phụ biểu số 05", "appendix"), style="title")
            self.add("KẾT QUẢ HUY ĐỘNG NGUỒN LỰC THỰC HIỆN CHƯƠNG TRÌNH", style="center")
            rows = [[[Seg("STT")], [Seg("Nguồn vốn")], [Seg("Đơn vị tính")],
                     [Seg("Giá trị thực hiện "), nf(f"năm {self.year}", "year")]]]
            spec2 = [("fund_central", "Ngân sách Trung ương"), ("fund_province", "Ngân sách tỉnh"),
                     ("fund_other", "Vốn lồng ghép"), ("fund_people", "Nhân dân đóng góp")]
            for i, (key, label) in enumerate(spec2, start=1):
                rows.append([[nf(str(i), "row_number")], [Seg(label)], [Seg(unit)],
                             self.r.bare(key, "", unit)])
            rows.append([[Seg("")], [Seg("Tổng cộng")], [Seg(unit)], self.r.bare("fund_total", "", unit)])
            self.blocks.append(Table(rows))

    # -------------------------------------------------------------- whole report

    def build(self) -> Report:
        self.header()
        self.part_one_intro()
        if self.layout == "components":
            self.components_body()
            n = 2
        else:
            self.criteria_body()
            self.add("V. KẾT QUẢ CHUNG", style="bold")
            n = 1
        self.criteria_statement(f"{n}.")
        self.funds_section(f"{n + 1}.")
        if self.layout == "components" and self.rng.random() < 0.5:
            self.add("d) Tình hình nợ đọng xây dựng cơ bản: không.")
        self.part_two()
        self.appendices()
        self.check_convention_margin()
        return Report(self.stem(), self.blocks, self.gold())

    def check_convention_margin(self) -> None:
        """A report with a number in the other convention must still show its own one clearly:
        readers settle the convention from unambiguous decimals ("12,1" or "12.1") and go
        English only when English ones outnumber Vietnamese ones two to one."""
        foreign = [f for f in self.facts.values() if f.foreign]
        if not foreign:
            return
        mark = "," if self.style.convention == "vi" else "."
        own = re.compile(r"\d" + re.escape(mark) + r"\d{1,2}(?!\d)")
        n = sum(len(own.findall(fig.text)) for figs in self.r.rendered.values() for fig in figs
                if not self.facts[fig.fact].foreign)
        if n < 2 * len(foreign) + 1:
            raise RuntimeError(f"{self.stem()}: only {n} unambiguous numbers in the document's "
                               f"convention beside {len(foreign)} in the other one")

    def stem(self) -> str:
        return f"{banks.STEM_PREFIX[self.bank]}-{self.seed}-{self.index:04d}-{_slug(self.commune)}-{self.year}"

    def gold(self) -> dict[str, Any]:
        figures = [s.figure for b in self.blocks for s in _segs(b) if s.figure is not None]
        non_figures = [{"text": s.text, "kind": s.non_figure}
                       for b in self.blocks for s in _segs(b) if s.non_figure]
        flags = []
        for spec in self.plan.flags:
            evidence = []
            for fact, form in spec["refs"]:
                figs = self.r.rendered.get((fact, form), [])
                if not figs:
                    raise RuntimeError(f"planted fact {fact}:{form} was not rendered")
                fig = figs[-1] if fact.endswith("_b") else figs[0]
                evidence.append(fig.text.split(" ")[0] if spec.get("malformed") else fig.text)
            flags.append({"kind": spec["kind"], "must": spec.get("must", True),
                          "description": spec["description"], "evidence": evidence})
        crit = self.gold_criteria
        for kind in ("criteria_count_mismatch", "criteria_both_met_and_unmet"):
            if kind not in self.kinds or (kind == "criteria_both_met_and_unmet" and self.both is None):
                continue
            claim = self.r.rendered[("met_claim", "")][0].text
            if kind == "criteria_count_mismatch":
                flags.append({"kind": kind, "must": True, "evidence": [claim],
                              "description": f"The report claims {crit['met_count_claimed']} criteria "
                                             f"met but lists {len(crit['met'])}."})
            else:
                # the criterion as one of its lists writes it (not inside a range)
                written = [self.list_items.get(side, {}).get(self.both) for side in ("unmet", "met")]
                evidence = next((w for w in written if w), f"Tiêu chí số {self.both}")
                flags.append({"kind": kind, "must": True, "evidence": [evidence],
                              "description": f"Criterion {self.both} is listed as met and as unmet."})
                unmet_claim = self.r.rendered.get(("unmet_claim", ""), [])
                flags.append({"kind": "criteria_count_mismatch", "must": False,
                              "evidence": [claim] + [u.text for u in unmet_claim],
                              "description": "Met and unmet counts add up to more than 19."})
        report_date = f"{self.year}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        return {
            "document": self.stem(),
            "generator": {"version": GENERATOR_VERSION, "bank": self.bank, "seed": self.seed,
                          "index": self.index, "criteria_scheme": self.scheme["id"],
                          "identity_stated": self.stated,
                          "layout": self.layout, "number_convention": self.style.convention,
                          "region": self.region, "planted": list(self.kinds)},
            "commune": self.commune, "district": self.district, "province": self.province,
            "report_date": report_date, "period": self.period,
            "criteria": crit,
            "figures": [f.to_json() for f in figures],
            "flags": flags,
            "non_figures": non_figures,
        }


def _segs(block: Block) -> list[Seg]:
    if isinstance(block, Para):
        return block.segs
    return [s for row in block.rows for cell in row for s in cell]


def build_report(seed: int, index: int, kinds: tuple[str, ...] | None = None, bank: str = "main") -> Report:
    """One report, deterministic from (seed, index, bank); `kinds` forces the planted
    contradictions; `bank` names the phrasing bank (corpus/phrasing/<bank>/)."""
    return Builder(seed, index, kinds, bank).build()


def schedule(index: int) -> tuple[str, ...] | None:
    """Planted kinds for the index-th report of a set: a quarter are clean, a quarter drawn at
    random (None: may combine kinds), and the other half take the kinds in turn, so every kind
    is planted once in each run of 2 * len(PLANT_KINDS) reports."""
    if index % 4 == 0:
        return ()
    if index % 3 == 0:
        return None
    turn = sum(1 for i in range(1, index) if i % 4 and i % 3)  # scheduled reports before this one
    return (PLANT_KINDS[turn % len(PLANT_KINDS)],)


# ---------------------------------------------------------------- text, self-check

def report_to_text(report: Report) -> str:
    out = []
    for b in report.blocks:
        if isinstance(b, Para):
            out.append(b.text)
        else:
            out.append("\n".join(" | ".join("".join(s.text for s in cell) for cell in row)
                                 for row in b.rows))
    return "\n\n".join(out) + "\n"


def self_check(text: str, gold: dict[str, Any]) -> list[str]:
    """Problems found: a gold figure or non-figure missing from `text`, or a digit in `text`
    that no gold figure and no known non-figure accounts for. Empty when the gold is exact."""
    chars = list(re.sub(r"\s+", " ", text))
    problems = []
    items = [(f["text"], "figure") for f in gold["figures"]] + \
            [(n["text"], "non-figure") for n in gold.get("non_figures", [])]
    for surface, kind in sorted(items, key=lambda x: -len(x[0])):
        s = re.sub(r"\s+", " ", surface)
        pat = (r"(?<!\d)" if s[:1].isdigit() else "") + re.escape(s) + (r"(?!\d)" if s[-1:].isdigit() else "")
        m = re.search(pat, "".join(chars))
        if m is None:
            problems.append(f"{kind} {surface!r} not found in the text")
            continue
        chars[m.start():m.end()] = ["\x00"] * (m.end() - m.start())
    left = "".join(chars)
    for m in re.finditer(r"\d+", left):
        ctx = left[max(0, m.start() - 30):m.end() + 30].replace("\x00", "_")
        problems.append(f"unlisted number {m.group()!r} in ...{ctx}...")
    return problems


def docx_text(path: str | os.PathLike[str]) -> str:
    """Paragraph and table-cell text of a .docx (python-docx), for checking written files."""
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


# ---------------------------------------------------------------- writers

def write_docx(report: Report, path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    for b in report.blocks:
        if isinstance(b, Para):
            p = d.add_paragraph()
            run = p.add_run(b.text)
            run.bold = b.style in ("bold", "title")
            if b.style in ("center", "title"):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        table = d.add_table(rows=len(b.rows), cols=len(b.rows[0]))
        if b.kind == "grid":
            table.style = "Table Grid"
        for r, c in sorted(b.merged_up):  # before the text: a merge keeps both cells' paragraphs
            table.cell(r - 1, c).merge(table.cell(r, c))
        for r, row in enumerate(b.rows):
            for c, cell in enumerate(row):
                if (r, c) in b.merged_up:
                    continue  # the cell above, which holds the text
                table.cell(r, c).text = "".join(s.text for s in cell)
                if b.kind == "header" or r == 0:
                    for run in table.cell(r, c).paragraphs[0].runs:
                        run.bold = True
    d.core_properties.author = "ntm-extractor corpus generator"
    d.save(str(path))


def docx_to_pdf(paths: list[Path], out_dir: Path) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice run (with a throwaway profile)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or not paths:
        return []
    with tempfile.TemporaryDirectory(prefix=f"lo-{os.getpid()}-") as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, paths)],
                       check=True, capture_output=True, timeout=60 + 10 * len(paths))
    return [out_dir / (p.stem + ".pdf") for p in paths if (out_dir / (p.stem + ".pdf")).exists()]


def gold_to_json(gold: dict[str, Any]) -> str:
    """Gold as JSON with one figure, flag or non-figure per line: small and easy to diff."""
    lines = []
    for key, value in gold.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = ",\n".join("  " + json.dumps(v, ensure_ascii=False) for v in value)
            lines.append(f" {json.dumps(key)}: [\n{items}\n ]")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def generate(count: int, seed: int, out: Path, formats: tuple[str, ...] = ("docx", "pdf"),
             check: bool = True, bank: str = "main") -> list[Report]:
    out.mkdir(parents=True, exist_ok=True)
    reports, docx_paths = [], []
    for i in range(count):
        report = build_report(seed, i, schedule(i), bank)
        if check:
            problems = self_check(report_to_text(report), report.gold)
            if problems:
                raise RuntimeError(f"{report.stem}: gold self-check failed: {problems[:5]}")
        (out / f"{report.stem}.gold.json").write_text(gold_to_json(report.gold), encoding="utf-8")
        if "txt" in formats:
            (out / f"{report.stem}.txt").write_text(report_to_text(report), encoding="utf-8")
        if "docx" in formats or "pdf" in formats:
            path = out / f"{report.stem}.docx"
            write_docx(report, path)
            docx_paths.append(path)
        reports.append(report)
    if "pdf" in formats:
        for start in range(0, len(docx_paths), 200):
            docx_to_pdf(docx_paths[start:start + 200], out)
    if "docx" not in formats:
        for p in docx_paths:
            p.unlink()
    return reports


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--formats", default="docx,pdf", help="comma-separated: docx, pdf, txt")
    ap.add_argument("--no-check", action="store_true", help="skip the gold self-check")
    ap.add_argument("--bank", default="main", choices=banks.bank_names(),
                    help="phrasing bank (corpus/phrasing/<bank>/): main, audited, or heldout for a held-out split")
    args = ap.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    bad = set(formats) - {"docx", "pdf", "txt"}
    if bad:
        ap.error(f"unknown formats: {', '.join(sorted(bad))}")
    if "pdf" in formats and not (shutil.which("soffice") or shutil.which("libreoffice")):
        print("LibreOffice (soffice) not found: writing no PDF", file=sys.stderr)
    reports = generate(args.count, args.seed, args.out, formats, check=not args.no_check, bank=args.bank)
    print(f"wrote {len(reports)} reports to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
