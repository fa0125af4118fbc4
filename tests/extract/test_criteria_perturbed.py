"""Surface perturbations of the clerk-form criteria statements: every statement the clerk-form
tests hold, with its complete expected answer, rewritten the ways real documents carry it
(capitals, no tone marks, "đ" typed "d", decomposed Unicode, odd spaces, a PDF line wrap,
zero-padded numbers, other spellings of "tiêu chí N", dashes in ranges, full-width and curly
punctuation, other bullets, footnote marks, "NTM"), singly and combined. None of these may
change the answer; the counter-examples of those tests (plans, other years, villages, hedges)
must keep stating nothing under the same rewrites.

The rewrites are written for these tests; the statements are those of the clerk-form tests.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest

from tests.extract import test_criteria_clerk_forms as forms
from tests.extract import test_criteria_clerk_forms_more as more
from tests.extract.helpers import criteria_of

HEADER = ("UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023")
Answer = tuple[list[int], list[int], list[int]]
NOTHING: Answer = ([], [], [])


def answer(lines: list[str]) -> Answer:
    c = criteria_of(*HEADER, *lines)
    return sorted(c.met), sorted(c.unmet), sorted(c.basically_met)


def _marked_cases(module: ModuleType) -> Iterator[tuple[str, list[str], Answer]]:
    """(test name, lines, expected) of every parametrized case of `module` read with HEADER."""
    for name, fn in sorted(vars(module).items()):
        if not name.startswith("test_") or not callable(fn):
            continue
        for mark in getattr(fn, "pytestmark", ()):
            if mark.name != "parametrize":
                continue
            argnames = [a.strip() for a in mark.args[0].split(",")]
            for values in mark.args[1]:
                if argnames in (["lines", "expected"], ["changed", "expected"]):
                    yield name, values[0], values[1]
                elif argnames == ["lines"] and "nothing" in name:
                    yield name, values, NOTHING


def _cases() -> list[tuple[str, list[str], Answer]]:
    out = [("seventeen", lines, (forms.REST, [10, 17], [])) for lines in forms.SEVENTEEN_OF_NINETEEN]
    for module in (forms, more):
        out += list(_marked_cases(module))
    return out


CASES = _cases()


# Rewrites that keep the answer: line -> line (a list when the line is wrapped in two).
def upper(line: str) -> str:
    return line.upper()


def title(line: str) -> str:
    # every lower-case word capitalised; numerals ("II."), "TC10" and "NTM" stay as written
    return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in line.split(" "))


def no_marks(line: str) -> str:
    decomposed = unicodedata.normalize("NFD", line.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def d_for_đ(line: str) -> str:
    return line.replace("đ", "d").replace("Đ", "D")


def nfd(line: str) -> str:
    return unicodedata.normalize("NFD", line)


def odd_spaces(line: str) -> str:
    words = line.split(" ")
    seps = ["\u00a0", "  ", "\t", " "]
    return "".join(w + (seps[i % len(seps)] if i < len(words) - 1 else "") for i, w in enumerate(words))


def wrapped(line: str) -> list[str]:
    """A PDF line wrap: the statement broken at a space near its middle, inside one paragraph."""
    spaces = [m.start() for m in re.finditer(" ", line)]
    if len(line) < 40 or not spaces:
        return [line]
    cut = min(spaces, key=lambda i: abs(i - len(line) // 2))
    return [line[:cut] + "\n" + line[cut + 1:]]


def zero_padded(line: str) -> str:
    # single-digit criterion numbers and counts written "01", "05" (not inside "2.1" or a date)
    return re.sub(r"(?<![\d./])([1-9])(?![\d./])", r"0\1", line)


_REF = re.compile(r"\b([Tt])iêu chí (?:số )?(\d{1,2})\b")


def tc_dot(line: str) -> str:
    return _REF.sub(lambda m: f"TC.{m.group(2)}", line)


def tc_spaced(line: str) -> str:
    return _REF.sub(lambda m: f"tc {m.group(2)}", line)


def t_dot_c(line: str) -> str:
    return _REF.sub(lambda m: f"T.C {m.group(2)}", line)


def tc_padded(line: str) -> str:
    return _REF.sub(lambda m: f"TC{int(m.group(2)):02d}", line)


def ordinal(line: str) -> str:
    return _REF.sub(lambda m: f"{m.group(1)}iêu chí thứ {m.group(2)}", line)


SPELLED_ORDINALS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
                    10: "mười", 11: "mười một", 12: "mười hai", 13: "mười ba", 14: "mười bốn", 15: "mười lăm",
                    16: "mười sáu", 17: "mười bảy", 18: "mười tám", 19: "mười chín"}


def spelled_ordinal(line: str) -> str:
    # only a lone reference ("tiêu chí số 10 ..."), not the head of a list ("tiêu chí số 1, 2")
    return re.sub(r"\b([Tt])iêu chí (?:số )?(\d{1,2})\b(?!\s*(?:,|và|đến|-)\s*\d)",
                  lambda m: f"{m.group(1)}iêu chí thứ {SPELLED_ORDINALS.get(int(m.group(2)), m.group(2))}", line)


def en_dash(line: str) -> str:
    return re.sub(r"(\w) ?- ?(\w)", lambda m: f"{m.group(1)} – {m.group(2)}", line)


def em_dash(line: str) -> str:
    return re.sub(r"(\w) ?- ?(\w)", lambda m: f"{m.group(1)}—{m.group(2)}", line)


def tilde_range(line: str) -> str:
    return re.sub(r"(\d)-(\d)", r"\1~\2", line)


def full_width(line: str) -> str:
    return line.replace(":", "：").replace(";", "；").replace(",", "，").replace("(", "（").replace(")", "）")


def curly(line: str) -> str:
    line = re.sub(r'"([^"]*)"', "“\\1”", line)
    return line.replace("“", "‘").replace("”", "’") if "'" in line else line


def curly_names(line: str) -> str:
    return re.sub(r"(Thu nhập|Môi trường|Giao thông|Y tế)", "“\\1”", line)


def _bullet(mark: str) -> Callable[[str], str]:
    def rewrite(line: str) -> str:
        # the bullet of a bulleted line written with another mark
        return re.sub(r"^[-+*•]\s+", mark + " ", line)
    rewrite.__name__ = "bullet_" + {"•": "dot", "–": "endash", "+": "plus", "*": "star", "●": "disc",
                                    "❖": "diamond", "➢": "arrow"}[mark]
    return rewrite


BULLETS = [_bullet(m) for m in "•–+*●❖➢"]


def footnote(line: str) -> str:
    return re.sub(r"([.;:]?)$", r"(*)\1", line, count=1)


def footnote_bracket(line: str) -> str:
    return re.sub(r"([.;:]?)$", r" [1]\1", line, count=1)


def ntm(line: str) -> str:
    return re.sub(r"(\d+/\d+ tiêu chí)(?! NTM| nông)", r"\1 NTM", line)


def long_ntm(line: str) -> str:
    return re.sub(r"(\d+/\d+ tiêu chí)(?! NTM| nông)", r"\1 xây dựng nông thôn mới", line)


def xd_ntm(line: str) -> str:
    return re.sub(r"(\d+/\d+ tiêu chí)(?! NTM| nông)", r"\1 XD NTM", line)


SINGLE: list[Callable[[str], str | list[str]]] = [
    upper, title, no_marks, d_for_đ, nfd, odd_spaces, wrapped, zero_padded, tc_dot, tc_spaced, t_dot_c,
    tc_padded, ordinal, spelled_ordinal, en_dash, em_dash, tilde_range, full_width, curly, curly_names,
    *BULLETS, footnote, footnote_bracket, ntm, long_ntm, xd_ntm]


def _then(*rewrites: Callable[[str], str]) -> Callable[[str], str]:
    def rewrite(line: str) -> str:
        for r in rewrites:
            line = r(line)
        return line
    rewrite.__name__ = "+".join(r.__name__ for r in rewrites)
    return rewrite


COMBINED: list[Callable[[str], str | list[str]]] = [
    _then(no_marks, upper), _then(nfd, odd_spaces), _then(tc_dot, no_marks), _then(zero_padded, full_width),
    _then(ntm, en_dash, _bullet("•")), _then(d_for_đ, title), _then(ordinal, curly_names, nfd),
    _then(no_marks, zero_padded, odd_spaces), _then(upper, tc_spaced, footnote)]
REWRITES = SINGLE + COMBINED


def rewrite_lines(rewrite: Callable[[str], str | list[str]], lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        got = rewrite(line)
        out += got if isinstance(got, list) else [got]
    return out


@pytest.mark.parametrize("rewrite", REWRITES, ids=[r.__name__ for r in REWRITES])
def test_surface_rewrites_keep_every_answer(rewrite: Callable[[str], str | list[str]]) -> None:
    wrong = []
    for name, lines, expected in CASES:
        changed = rewrite_lines(rewrite, lines)
        if changed != lines and answer(changed) != expected:
            wrong.append((name, changed, answer(changed), expected))
    assert not wrong, wrong
