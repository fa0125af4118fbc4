"""criteria_*: claimed criteria counts against the lists, a criterion both met and unmet, counts
or lists that do not make the criteria set, and the disagreements the criteria reader found
(CriteriaStatus.conflicts)."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from extractor.checks.data import config
from extractor.checks.flags import figure_evidence, make_flag
from extractor.checks.index import Report, close
from extractor.checks.scope import report_year
from extractor.core.model import Evidence, Flag

_DIGIT = re.compile(r"\d")


def criterion_evidence(rep: Report, numbers: Iterable[int], statuses: set[str] | None = None) -> list[Evidence]:
    wanted = set(numbers)
    return [Evidence(text=e.text, location=e.location) for e in rep.record.criteria.evidence
            if e.number in wanted and (statuses is None or e.status in statuses)]


def _claimed_evidence(rep: Report, status: str, claimed: int) -> list[Evidence]:
    """Where a claimed count is stated ("14 tiêu chí xã đạt"): the criteria reader's evidence,
    else an extracted criterion figure of that value."""
    ev = (getattr(rep.record.criteria, "count_evidence", None) or {}).get(status)
    if ev is not None:
        return [ev]
    return [figure_evidence(p.figure) for p in rep.placed
            if p.figure.unit == "criterion" and close(p.figure.value, claimed)][:1]


def _of_the_commune(rep: Report, ev: Evidence | None, status: str) -> bool:
    """A claimed count that speaks of the commune's own result with `status`: not of several
    communes or the district ("3 xã đạt 19 tiêu chí"), not a target ("phấn đấu đạt 19 tiêu
    chí"), not a count of the other status. A claim with no known place is taken as stated."""
    placed = rep.place(ev.location) if ev is not None else None
    if placed is None:
        return True
    pos, start, end = placed
    # the claim's scope is the count's own: a claim quoted with its lead-in ("số tiêu chí đạt
    # chuẩn của xã tăng từ 11/19") is read from its number, so the lead-in is its context
    number = _DIGIT.search(rep.text(pos), start, end)
    scope = rep.scope(pos, number.start() if number else start, end)
    year = report_year(rep.record)
    other_year = bool(year and scope.years and year not in scope.years)  # "năm 2021 đạt 12/19 tiêu chí"
    # a baseline is no claim of the result ("tăng từ 11/19 tiêu chí lên 12/19 tiêu chí")
    return not (scope.several_places or scope.target or scope.baseline or other_year
                or scope.unmet != (status == "unmet") or _another_commune(rep, scope.named_place))


def _another_commune(rep: Report, named_place: str | None) -> bool:
    """Whether a claim's sentence names a commune other than the report's ("Xã An Hải (nhập
    vào xã Phước Hậu): đạt 18/19 tiêu chí" in Phước Hậu's report); unknown when the report's
    commune is, and a name that begins the other ("xã phước hậu mới") is the same one."""
    commune = (rep.record.identity.commune or "").casefold()
    if not named_place or not commune:
        return False
    for word in config()["scope"]["commune_place_words"]:
        if named_place.startswith(word + " "):
            name = named_place[len(word) + 1:]
            return not (name.startswith(commune) or commune.startswith(name))
    return False


def _leading_int(text: str) -> int | None:
    digits = "".join(itertools.takewhile(str.isdigit, text.strip()))
    return int(digits) if digits else None


def _claims_disagree(rep: Report, evidence: list[Evidence]) -> bool:
    """Two claimed counts of one scope with different values ("đạt 14 tiêu chí" and "đạt 16
    tiêu chí" of one year and place); counts of other years, places or statuses are not two
    claims about one thing."""
    claims = []
    for ev in evidence:
        placed = rep.place(ev.location)
        value = _leading_int(ev.text)
        if placed is None or value is None:
            return True  # nothing to tell the claims apart by: keep the reader's finding
        scope = rep.scope(*placed)
        if not (scope.several_places or scope.target):
            claims.append((value, scope))
    year = report_year(rep.record)
    return any(a[0] != b[0] and a[1].same_measure(b[1], year) for a, b in itertools.combinations(claims, 2))


def _numbers(ns: Iterable[int]) -> str:
    return ", ".join(str(n) for n in sorted(ns))


def _set_size(criteria_set: str | None) -> int:
    try:
        from extractor.extract.criteria_sets import criteria_set_size
        return criteria_set_size(criteria_set)
    except (ImportError, KeyError):
        return int(config()["criteria"]["default_set_size"])


def _stated_with(rep: Report, claim: Evidence | None, status: str, listed: set[int]) -> bool:
    """Whether each criterion listed with `status` is stated in the section of the claimed count
    `claim` or its subsections ("đạt 17 tiêu chí, gồm: ..." with the list under it), not only in
    sections of its own; true when there is nothing to tell by (no placed claim, no statement of
    the status)."""
    crit = rep.record.criteria
    placed = rep.place(claim.location) if claim is not None else None
    stated = [(e.number, rep.place(e.location)) for e in crit.evidence if e.status == status]
    if placed is None or not stated:
        return True
    section = rep.outline.blocks[placed[0]].headings
    with_claim = {n for n, at in stated if at is not None and _within(rep.outline.blocks[at[0]].headings, section)}
    return listed <= with_claim


def _within(headings: tuple[str, ...], section: tuple[str, ...]) -> bool:
    """A block under `headings` is in `section` or one of its subsections ("a) Nhóm hạ tầng:"
    under the section of the claim); a claim under no heading has only the blocks under none."""
    return headings == section or (bool(section) and headings[:len(section)] == section)


def _listed_in_full(rep: Report, status: str, listed: set[int], claimed: int) -> bool:
    """Whether the criteria listed with `status` are the report's whole list of them, so that a
    claimed count other than their number contradicts it rather than meeting a partial read (a
    text that names only some criteria: the sections' own verdicts, the unmet ones only). A
    list is whole when it holds more than the claim, when the lists give every criterion of
    the set its status, or when it is stated with the claim; a list of the criteria met anew
    ("đạt thêm 02 tiêu chí: ...") is a part of a total."""
    crit = rep.record.criteria
    if len(listed) > claimed:
        return True
    if status == "met" and listed <= set(crit.newly_met):
        return False  # "đạt thêm 02 tiêu chí (...), nâng tổng số lên 15/19": the part added
    if len(set(crit.met) | set(crit.unmet) | set(crit.basically_met)) >= _set_size(crit.criteria_set):
        return True
    return _stated_with(rep, crit.count_evidence.get(status), status, listed)


def _lists_counted(rep: Report) -> bool:
    """Whether the report gives its lists as whole: a claimed count of the commune that the list
    of its status matches ("đạt 15 tiêu chí: ..." with fifteen named), and the other list stated
    with that claim ("...; chưa đạt tiêu chí 17 và 18"). Lists that no count vouches for may be
    a partial read (the sections' own verdicts, a table read in part), so that they leave
    criteria of the set out is no finding."""
    crit = rep.record.criteria
    for claimed, listed, status, other, other_status in (
            (crit.met_count_claimed, crit.met, "met", crit.unmet, "unmet"),
            (crit.unmet_count_claimed, crit.unmet, "unmet", crit.met, "met")):
        claim = crit.count_evidence.get(status)
        if (claimed is not None and claimed == len(set(listed)) and _of_the_commune(rep, claim, status)
                and _stated_with(rep, claim, other_status, set(other))):
            return True
    return False


def criteria_consistency(rep: Report) -> list[Flag]:
    """Claimed counts against the lists, a criterion in both lists, counts or lists that do
    not cover the set; and the other disagreements the criteria reader reports
    (CriteriaStatus.conflicts: a name that is another number's, two claimed counts, a
    section verdict against the list)."""
    cfg = config()["criteria"]
    crit = rep.record.criteria
    met, unmet = set(crit.met), set(crit.unmet)
    flags: list[Flag] = []
    for n in sorted(met & unmet):
        flags.append(make_flag("criteria_both_met_and_unmet", ("criteria", "severity_both"),
                               "criteria_both_met_and_unmet", criterion_evidence(rep, [n]), number=n))
    counted_ok = True
    for claimed, listed, key, status in ((crit.met_count_claimed, met, "criteria_met_count", "met"),
                                          (crit.unmet_count_claimed, unmet, "criteria_unmet_count", "unmet")):
        if claimed is None or not listed or claimed == len(listed):
            continue
        if not _of_the_commune(rep, crit.count_evidence.get(status), status):
            continue
        if not _listed_in_full(rep, status, listed, claimed):
            continue
        counted_ok = False
        evidence = _claimed_evidence(rep, status, claimed) + criterion_evidence(rep, listed, {status})
        flags.append(make_flag("criteria_count_mismatch", ("criteria", "severity_count"), key, evidence,
                               claimed=claimed, listed=len(listed), numbers=_numbers(listed)))
    size = _set_size(crit.criteria_set)
    own_claims = all(_of_the_commune(rep, crit.count_evidence.get(st), st) for st in ("met", "unmet"))
    if (counted_ok and own_claims and crit.met_count_claimed is not None
            and crit.unmet_count_claimed is not None):
        total = crit.met_count_claimed + crit.unmet_count_claimed + len(crit.basically_met)
        if total != size:
            evidence = (_claimed_evidence(rep, "met", crit.met_count_claimed)
                        + _claimed_evidence(rep, "unmet", crit.unmet_count_claimed))
            flags.append(make_flag("criteria_count_mismatch", ("criteria", "severity_count"), "criteria_claimed_total",
                                   evidence, met=crit.met_count_claimed, unmet=crit.unmet_count_claimed,
                                   sum=total, size=size))
    elif counted_ok and met and unmet and not (met & unmet) and _lists_counted(rep):
        listed = met | unmet | set(crit.basically_met)
        if len(listed) != size:
            flags.append(make_flag("criteria_count_mismatch", ("criteria", "severity_count"), "criteria_listed_total",
                                   criterion_evidence(rep, listed), met=len(met), unmet=len(unmet),
                                   sum=len(listed), size=size))
    for c in getattr(crit, "conflicts", None) or []:
        name = getattr(c, "kind", None)
        kind = cfg["conflict_kinds"].get(name)
        if kind is None:
            continue  # a kind computed above from the lists and counts themselves
        evidence = [Evidence(e.text, e.location) for e in c.evidence]
        if name == "count_claims_disagree" and not _claims_disagree(rep, evidence):
            continue
        numbers = list(c.numbers or [])
        flags.append(make_flag(kind["rule"], ("criteria", "conflict_kinds", str(name), "severity"), kind["message"],
                               evidence, number=numbers[0] if numbers else "?",
                               resolved=c.resolved if c.resolved is not None else "?",
                               text=" / ".join(e.text for e in evidence)))
    return flags
