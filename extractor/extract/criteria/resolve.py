"""Criteria claims resolved into one status per criterion, with the conflicts made visible.

An explicit list or table always wins over a per-section verdict; a name that is another
number's, a criterion listed both ways, counts against lists are reported in
`CriteriaStatus.conflicts`, not silently resolved.
"""
from __future__ import annotations

from extractor.core.model import CriteriaConflict, CriteriaStatus, CriterionEvidence, Evidence
from extractor.extract.criteria.grammar import BASIC, MET, UNMET, Claim, Count, State, reading_tier
from extractor.extract.criteria.prose import outline_to_prose_claims, outline_to_tier
from extractor.extract.criteria.tables import (
    count_columns_to_counts,
    flat_tables_to_claims,
    spaced_rows_to_claims,
    tables_to_claims,
)
from extractor.extract.criteria.view import criteria_to_original_text, outline_reads_unmarked, outline_to_reading
from extractor.extract.criteria_sets import DEFAULT_TIER, criteria_set_for_year
from extractor.extract.period import ReportPeriod, outline_to_period
from extractor.structure.outline import Outline
from extractor.structure.tables import outline_to_tables, outline_to_text_tables
from extractor.text.fold import reading_unmarked


def _resolve_names(state: State) -> None:
    """A name that is another number's: keep the better-supported reading (the one not
    already listed in the same statement; the number on a tie) and report it."""
    for cl in state.claims:
        ref = cl.ref
        if ref is None or ref.name_number is None or ref.name_number == ref.number:
            continue
        same = [o.number for o in state.claims if o is not cl and o.unit == cl.unit
                and o.status == cl.status and o.source == cl.source]
        number_taken, name_taken = ref.number in same, ref.name_number in same
        resolved = ref.name_number if number_taken and not name_taken else ref.number
        state.conflicts.append(CriteriaConflict(
            kind="name_number_mismatch", numbers=[ref.number, ref.name_number],
            evidence=[Evidence(cl.text, cl.location)], resolved=resolved, status=cl.status))
        cl.number = resolved


def _pick_count(state: State, status: str, listed_units: set[int]) -> Count | None:
    counts = [c for c in state.counts if c.status == status]
    if any(not c.implied for c in counts) or any(cl.status != MET for cl in state.claims + state.verdicts):
        # a recognition without a year is the whole set met only when nothing else is said
        counts = [c for c in counts if not c.implied]
    if not counts:
        return None
    values = {c.n for c in counts}
    if len(values) > 1:
        state.conflicts.append(CriteriaConflict(
            kind="count_claims_disagree", numbers=[], status=status,
            evidence=[Evidence(c.text, c.location) for c in counts]))
    beside_list = [c for c in counts if c.unit in listed_units]
    # of several counts beside a list, the one right before it introduces it ("so với xã A
    # đạt 19/19 tiêu chí, xã B đạt 15 tiêu chí: ...")
    first_claim: dict[int, tuple[int, int]] = {}
    for cl in sorted(state.claims, key=lambda cl: (cl.location.block, cl.location.start)):
        if cl.status == status:
            first_claim.setdefault(cl.unit, (cl.location.block, cl.location.start))
    before = [c for c in beside_list if (c.location.block, c.location.start) < first_claim.get(c.unit, (-1, -1))]
    if before:
        return max(before, key=lambda c: (c.location.block, c.location.start))
    return (beside_list or counts)[0]


def outline_to_criteria(outline: Outline, period: ReportPeriod | None = None,
                        commune: str | None = None) -> CriteriaStatus:
    """The criteria a report says are met, unmet or basically met, read with the criteria set
    of `period` (the pipeline's one decision; read from the outline when not given). `commune`,
    the report's own (from identity), sets apart statements about other named communes."""
    period = period if period is not None else outline_to_period(outline)
    with reading_unmarked(outline_reads_unmarked(outline)):
        reading = outline_to_reading(outline)
        tier = outline_to_tier(reading)
        with reading_tier(tier):
            result = _read_criteria(reading, period, commune, tier)
    criteria_to_original_text(result, outline, reading)
    return result


def _read_criteria(outline: Outline, period: ReportPeriod, commune: str | None, tier: str) -> CriteriaStatus:
    # a report about the advanced set is read with that tier's set of the period's year
    cset = period.criteria_set if tier == DEFAULT_TIER else criteria_set_for_year(period.year, tier=tier)
    state = State(outline, cset, period.stated_year, commune)
    grids = outline_to_tables(outline)
    consumed = tables_to_claims(state, list(grids.values()) + outline_to_text_tables(outline))
    consumed |= flat_tables_to_claims(state, consumed)
    consumed |= spaced_rows_to_claims(state, consumed)
    count_columns_to_counts(state, list(grids.values()), consumed)
    outline_to_prose_claims(state, grids, consumed)
    _resolve_names(state)

    explicit: dict[int, dict[str, list[Claim]]] = {}
    for cl in state.claims:
        explicit.setdefault(cl.number, {}).setdefault(cl.status, []).append(cl)
    for v in state.verdicts:
        stated = explicit.get(v.number)
        if stated is None:
            explicit[v.number] = {v.status: [v]}
        elif v.status not in stated:
            state.conflicts.append(CriteriaConflict(
                kind="verdict_disagrees", numbers=[v.number], status=v.status,
                evidence=[Evidence(v.text, v.location)]
                + [Evidence(x.text, x.location) for xs in stated.values() for x in xs[:1]]))

    rest = _rest_of_set(state, explicit)

    result = CriteriaStatus(criteria_set=cset.id if period.criteria_set_id else None)
    for number in sorted(explicit):
        stated = explicit[number]
        if MET in stated:
            result.met.append(number)
        if UNMET in stated:
            result.unmet.append(number)
        if BASIC in stated:
            result.basically_met.append(number)
        if MET in stated and UNMET in stated:
            state.conflicts.append(CriteriaConflict(
                kind="met_and_unmet", numbers=[number],
                evidence=[Evidence(x.text, x.location) for s in (MET, UNMET) for x in stated[s]]))

    result.newly_met = sorted({cl.number for cl in state.claims if cl.added and cl.status == MET} & set(result.met))
    for status, attr, listed in ((MET, "met_count_claimed", result.met),
                                 (UNMET, "unmet_count_claimed", result.unmet)):
        units = {cl.unit for cl in state.claims if cl.status == status}
        count = _pick_count(state, status, units)
        if count is None:
            continue
        setattr(result, attr, count.n)
        result.count_evidence[status] = Evidence(count.text, count.location)
        # the list is only the criteria added this year ("đạt thêm 2 ..., nâng tổng số lên 15"):
        # a part of the total, no mismatch; a verdict or any other list of the status is compared
        said = [cl for cl in state.claims + state.verdicts if cl.status == status]
        added_only = len(listed) < count.n and bool(said) and all(cl.added for cl in said)
        if listed and len(listed) != count.n and not added_only:
            state.conflicts.append(CriteriaConflict(
                kind="count_mismatch", numbers=list(listed), status=status, claimed=count.n,
                listed=len(listed), evidence=[Evidence(count.text, count.location)]))
    inferred = _complete_from_counts(result, cset.size)
    if (result.met_count_claimed is not None and result.unmet_count_claimed is not None
            and not result.basically_met
            and result.met_count_claimed + result.unmet_count_claimed != cset.size):
        state.conflicts.append(CriteriaConflict(
            kind="counts_do_not_sum", numbers=[], claimed=result.met_count_claimed
            + result.unmet_count_claimed, listed=cset.size,
            evidence=list(result.count_evidence.values())))

    evidence = state.claims + state.verdicts + state.targets + rest
    evidence.sort(key=lambda cl: (cl.location.block, cl.location.start))
    result.evidence = [CriterionEvidence(cl.number, cl.status, cl.text, cl.location) for cl in evidence]
    result.evidence += inferred
    result.conflicts = state.conflicts
    return result


def _rest_of_set(state: State, explicit: dict[int, dict[str, list[Claim]]]) -> list[Claim]:
    """ "The other criteria" with a status fill every number of the set no claim or verdict
    states. Statements of the rest that disagree fill nothing. Returns the claims made."""
    statuses = {r.status for r in state.rest}
    if len(statuses) != 1 or not explicit:
        return []
    r = state.rest[0]
    out = []
    for n in range(1, state.cset.size + 1):
        if n not in explicit:
            cl = Claim(n, r.status, "rest", r.text, r.location, r.unit)
            explicit[n] = {r.status: [cl]}
            out.append(cl)
    return out


def _complete_from_counts(result: CriteriaStatus, size: int) -> list[CriterionEvidence]:
    """A claimed count that leaves no doubt fills the unlisted side: "đạt 19/19 tiêu chí" means
    every criterion of the set is met; "đạt 17 tiêu chí" beside two listed as unmet means the
    other 17 are met (and the same for unmet). The side may already hold some numbers (per-
    section verdicts, a partial list): the count still settles the rest. Returns the evidence
    of the filled numbers."""
    out: list[CriterionEvidence] = []
    for status, attr, listed, others in ((MET, "met_count_claimed", result.met, result.unmet + result.basically_met),
                                         (UNMET, "unmet_count_claimed", result.unmet,
                                          result.met + result.basically_met)):
        count = getattr(result, attr)
        if count is None or count == 0 or count != size - len(set(others)) or len(listed) >= count:
            continue
        if set(listed) & set(others):
            continue  # a criterion stated both ways: the conflict stays visible, nothing is filled
        if status == UNMET and not others:
            continue  # "chưa đạt 19 tiêu chí" alone is too thin to mark the whole set unmet
        ev = result.count_evidence[status]
        numbers = [n for n in range(1, size + 1) if n not in others and n not in listed]
        listed.extend(numbers)
        listed.sort()
        out += [CriterionEvidence(n, status, ev.text, ev.location) for n in numbers]
    return out
