"""The held-out bank (corpus/phrasing/heldout/, when present, and a fresh one written to
replace it, corpus/phrasing/fresh<N>/, before the lead renames it): it has a scheme for every
case the generator asks for, and it shares no phrasing, status word or status-line form with
any other bank. No test here quotes the bank's wording."""
from __future__ import annotations

from typing import Any

import pytest

from corpus import banks

# every bank that is neither the main one nor a retired one (audited…)
FRESH = [b for b in banks.bank_names() if b != "main" and not b.startswith("audited")]
pytestmark = pytest.mark.skipif(not FRESH, reason="no held-out bank (between banks)")


@pytest.mark.parametrize("unmet, criteria_kinds, case", [
    (0, False, "all_met"), (1, False, "some_unmet"), (4, False, "basic"), (2, False, "plan"),
    (0, True, "all_met"), (3, True, "some_unmet")])
@pytest.mark.parametrize("fresh", FRESH)
def test_the_heldout_bank_has_a_scheme_for_every_case(fresh: str, unmet: int, criteria_kinds: bool,
                                                      case: str) -> None:
    """Every report finds a scheme: all met, some unmet, basically met, planned, and the
    plantable ones a report carrying a criteria contradiction needs."""
    schemes = banks.pool(banks.bank(fresh, "criteria"), "schemes")
    assert any(case in banks.scheme_fits(s, unmet, criteria_kinds) for s in schemes)
    classic = banks.pool(banks.bank(fresh, "criteria"), "schemes", classic=True)
    assert any(case in banks.scheme_fits(s, unmet, criteria_kinds) for s in classic)


def phrasings(bank: str) -> set[Any]:
    """The sentences and forms the held-out rule compares (tests/corpus/test_generate.py), with
    status words and status-line forms besides."""
    c, i = banks.bank(bank, "criteria"), banks.bank(bank, "identity")
    out: set[Any] = {line for s in banks.pool(c, "schemes") for line in s["lines"]}
    out |= {s["item"] for s in banks.pool(c, "list_styles")} | set(banks.pool(c, "bullets"))
    out |= set(banks.pool(c, "verdict_labels"))
    out |= {tuple(col["head"] for col in t["columns"]) for t in banks.pool(c, "tables")}
    out |= {tuple(h["lines"]) for h in i["letterheads"]}
    out |= {t["text"] for t in i["titles"]} | {t["text"] for t in i["intros"]}
    out |= {w for words in banks.pool(c, "words").values() for w in words}
    out |= {tuple(f) for key in ("status_lines", "more_status_lines") for f in c.get(key) or ()}
    return out


@pytest.mark.parametrize("fresh, other", [(f, b) for f in FRESH for b in banks.bank_names() if b != f])
def test_the_heldout_bank_shares_no_phrasing_status_word_or_line_with_another_bank(fresh: str, other: str) -> None:
    shared = phrasings(fresh) & phrasings(other)
    # a criterion's number or name alone, and a lone list, table or status-lines slot, are the
    # domain's vocabulary
    assert shared <= {"{n}", "{name}", "{@unmet:bullets}", "{@met:bullets}", "{@status_lines}", "{@table}",
                      "{@status_groups}"}, shared
