"""Flags across reports are kept per district: a changed report recomputes those of its own
district only (no other record decoded), and the result equals a recomputation of all."""
from __future__ import annotations

import gc
import multiprocessing
import weakref
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from extractor.ingest.plan import versions
from extractor.ingest.run import update_corpus_flags
from extractor.store.db import FileInfo, Store, district_key, record_to_rows


def _record(path: str, commune: str, district: str, km: float) -> dict[str, Any]:
    loc = {"block": 1, "page": None, "start": 0, "end": 4}
    return {"source": {"path": path, "sha256": f"sha-{path}-{km}", "format": "txt"},
            "commune": commune, "district": district, "province": "Bắc Kạn", "document_number": None,
            "report_date": "2023-08", "period": "2023", "document_kind": None, "signer": None,
            "identity_evidence": {},
            "criteria": {"met": [1], "unmet": [], "basically_met": [], "met_count_claimed": None,
                         "unmet_count_claimed": None, "criteria_set": "commune-2021-2025", "evidence": []},
            "figures": [{"value": km, "unit": "km", "text": f"{km} km", "location": loc, "rule": "r",
                         "total": None, "noun": None, "qualifier": None, "label": "đường",
                         "indicator": "road_km", "per": None, "section": [], "component": None}],
            "flags": [], "extractor_version": "0.1.0"}


def _save(store: Store, path: str, commune: str, district: str, km: float) -> None:
    rec = _record(path, commune, district, km)
    store.save_rows(FileInfo(path, rec["source"]["sha256"], 1, "txt"), record_to_rows(rec), versions())


def _corpus_flags(store: Store) -> list[tuple[Any, ...]]:
    return store.conn.execute("SELECT district, seq, rule, message, evidence FROM flags"
                              " WHERE scope = 'corpus' ORDER BY district, seq").fetchall()


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "s.sqlite") as s:
        # two reports of one commune and period that disagree, in each of two districts
        _save(s, "/a/1.txt", "Lục Bình", "Bạch Thông", 10.0)
        _save(s, "/a/2.txt", "Lục Bình", "Bạch Thông", 12.0)
        _save(s, "/b/1.txt", "Quân Hà", "Chợ Đồn", 5.0)
        _save(s, "/b/2.txt", "Quân Hà", "Chợ Đồn", 7.0)
        yield s


def test_only_the_changed_district_is_recomputed(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    assert update_corpus_flags(store) == 2
    assert [r[2] for r in _corpus_flags(store)] == ["duplicate_report_conflict"] * 2
    assert update_corpus_flags(store) == 0  # nothing changed: nothing decoded

    asked: list[str] = []
    real = store.district_reports
    monkeypatch.setattr(store, "district_reports", lambda key: asked.append(key) or real(key))
    _save(store, "/a/2.txt", "Lục Bình", "Bạch Thông", 10.0)  # now agrees with /a/1.txt
    assert update_corpus_flags(store) == 1
    assert asked == [district_key("Bạch Thông")]
    incremental = _corpus_flags(store)
    assert len(incremental) == 1 and "Quân Hà" in incremental[0][3]

    update_corpus_flags(store, force=True)  # everything recomputed gives the same rows
    assert _corpus_flags(store) == incremental


def test_a_district_whose_reports_are_gone_loses_its_flags(store: Store) -> None:
    update_corpus_flags(store)
    store.set_present(["/b/1.txt", "/b/2.txt"], False)
    assert update_corpus_flags(store) == 1
    flags = _corpus_flags(store)
    assert len(flags) == 1 and "Lục Bình" in flags[0][3]
    assert store.corpus_district_states().keys() == store.district_states().keys()


def test_flag_heads_are_stored_and_made_again_for_flags_stored_without(store: Store) -> None:
    from extractor.outputs import links
    from extractor.store import queries

    update_corpus_flags(store)
    stored = list(queries.corpus_flags(store))
    assert len(stored) == 2 and store.conn.execute("SELECT count(*) FROM corpus_flag_heads").fetchone()[0] == 2
    rule, message, evidence = store.conn.execute(
        "SELECT rule, message, evidence FROM flags WHERE id = ?", (stored[0][0],)).fetchone()
    assert links.digest_anchor(stored[0][6]) == links.across_anchor(rule, message, evidence)
    store.conn.execute("DELETE FROM corpus_flag_heads")  # as an earlier build left them
    assert list(queries.corpus_flags(store)) == stored
    update_corpus_flags(store, force=True)
    assert store.conn.execute("SELECT count(*) FROM flags WHERE scope = 'corpus'").fetchone()[0] == 2
    assert store.conn.execute("SELECT count(*) FROM corpus_flag_heads").fetchone()[0] == 2  # old ones gone


def test_flags_from_stored_compared_parts_equal_those_from_whole_records(tmp_path: Path) -> None:
    from extractor.checks.across import compared_part

    rows = [("/a/1.txt", 10.0), ("/a/2.txt", 12.0), ("/a/3.txt", 11.0)]
    flags = []
    for with_part in (False, True):  # whole records (an earlier build's store), then parts
        with Store(tmp_path / f"{with_part}.sqlite") as s:
            for path, km in rows:
                rec = _record(path, "Lục Bình", "Bạch Thông", km)
                stored_rows = record_to_rows(rec, None, compared_part(rec) if with_part else None)
                s.save_rows(FileInfo(path, rec["source"]["sha256"], 1, "txt"), stored_rows, versions())
            stored = s.conn.execute("SELECT COUNT(*) FROM compared").fetchone()[0]
            assert stored == (len(rows) if with_part else 0)
            update_corpus_flags(s)
            flags.append(_corpus_flags(s))
    assert flags[0] == flags[1] and flags[0]
    rec = _record("/a/1.txt", "Lục Bình", "Bạch Thông", 10.0)
    assert compared_part(compared_part(rec)) == compared_part(rec)


def test_a_stored_compared_part_is_not_made_again() -> None:
    from extractor.checks import across
    from extractor.ingest import run

    rec = _record("/a/1.txt", "Lục Bình", "Bạch Thông", 10.0)
    part = run.compared_part(rec)
    assert part == across.compared_part(rec) and part is not rec  # a whole record: made
    assert run.compared_part(part) is part  # what the store kept: taken as it is


def _ids(store: Store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT district, id FROM flags WHERE scope = 'corpus'").fetchall())


def test_a_flag_recomputed_unchanged_keeps_its_id_and_cached_renderings(store: Store) -> None:
    update_corpus_flags(store)
    ids = _ids(store)
    store.save_flag_parts([(i, "csv", f"row {i}") for i in ids.values()])
    _save(store, "/a/3.txt", "Xuân Lạc", "Bạch Thông", 3.0)  # the district changes, not its flag
    assert update_corpus_flags(store) == 1
    assert _ids(store) == ids
    assert all(store.flag_part(i, "csv") == f"row {i}" for i in ids.values())
    _save(store, "/a/2.txt", "Lục Bình", "Bạch Thông", 14.0)  # now the flag says another thing
    update_corpus_flags(store)
    now = _ids(store)
    key = district_key("Bạch Thông")
    assert now[key] != ids[key] and store.flag_part(ids[key], "csv") is None
    assert "14" in next(r[4] for r in _corpus_flags(store) if r[0] == key)


def test_cached_flag_renderings_expire_with_the_program_version_and_on_force(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.ingest import run

    update_corpus_flags(store)
    ids = _ids(store)

    def cache() -> None:
        store.save_flag_parts([(i, "csv", f"row {i}") for i in ids.values()])

    cache()
    update_corpus_flags(store, force=True)  # a forced run renders every flag again
    assert _ids(store) == ids and all(store.flag_part(i, "csv") is None for i in ids.values())
    cache()
    monkeypatch.setattr(run, "versions", lambda: ("9.9.9", "other patterns"))  # an upgrade
    _save(store, "/a/3.txt", "Xuân Lạc", "Bạch Thông", 3.0)  # one district changes, not its flag
    update_corpus_flags(store)
    assert _ids(store) == ids  # the flags are kept: what they say is the same
    assert all(store.flag_part(i, "csv") is None for i in ids.values())  # not what an older ntm made of them
    cache()
    store.expire_flag_parts(("9.9.9", "other patterns"))  # made by this version: kept
    assert all(store.flag_part(i, "csv") == f"row {i}" for i in ids.values())


class _Pool:
    """A pool that runs each task at once in this process, counting how many results are
    alive (a task's result not yet dropped) and the time limit each was given."""

    def __init__(self) -> None:
        self.results: list[weakref.ref[Any]] = []
        self.timeouts: list[float | None] = []

    def schedule(self, fn: Any, args: tuple[Any, ...], timeout: float | None = None) -> Future[Any]:
        fut: Future[Any] = Future()
        rows = fn(*args)  # a district's flags: an object that can be watched
        self.results.append(weakref.ref(rows))
        fut.set_result(rows)
        self.timeouts.append(timeout)
        return fut

    def alive(self) -> int:
        gc.collect()
        return sum(r() is not None for r in self.results)


def test_district_flags_in_the_pool_are_scheduled_through_a_window_with_a_time_limit(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(6):
        _save(store, f"/c/{i}/1.txt", f"Xã {i}", f"Huyện {i}", 1.0)
        _save(store, f"/c/{i}/2.txt", f"Xã {i}", f"Huyện {i}", 2.0)
    update_corpus_flags(store)
    here = _corpus_flags(store)
    pool, alive = _Pool(), []
    real = store.replace_district_flags
    monkeypatch.setattr(store, "replace_district_flags",
                        lambda *a: alive.append(pool.alive()) or real(*a))
    assert update_corpus_flags(store, force=True, pool=pool, timeout=30.0, window=2) == 8
    assert _corpus_flags(store) == here
    assert pool.timeouts == [30.0] * 8
    assert max(alive) <= 2 + 1  # those in the window and the one being stored, not every district's


def test_districts_computed_in_the_readers_pool_equal_those_computed_here(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from pebble import ProcessPool

    from extractor.ingest import run

    update_corpus_flags(store)
    here = _corpus_flags(store)
    store.conn.execute("DELETE FROM flags WHERE scope = 'corpus'")

    def not_here(store: Store, key: str) -> None:
        raise AssertionError(f"district {key!r} computed in the main process, not in the pool")

    # spawned workers do not see the patch: only a district the pool failed is computed here
    with ProcessPool(max_workers=2, context=multiprocessing.get_context("spawn")) as pool:
        monkeypatch.setattr(run, "district_flag_rows", not_here)
        assert update_corpus_flags(store, force=True, pool=pool, timeout=120.0) == 2
    assert _corpus_flags(store) == here


def test_a_district_over_its_time_limit_in_the_pool_is_computed_here(store: Store) -> None:
    from pebble import ProcessPool

    update_corpus_flags(store)
    here = _corpus_flags(store)
    store.conn.execute("DELETE FROM flags WHERE scope = 'corpus'")
    with ProcessPool(max_workers=2) as pool:
        assert update_corpus_flags(store, force=True, pool=pool, timeout=1e-6) == 2
    assert _corpus_flags(store) == here


# -- a changed district recomputes only the comparisons its changed reports are in ------------

def _report(path: str, commune: str | None, district: str, *, date: str = "2023-08", period: str = "2023",
            met: tuple[int, ...] = (1,), unmet: tuple[int, ...] = (), km: float = 10.0,
            kind: str | None = None, version: int = 0) -> dict[str, Any]:
    rec = _record(path, commune or "", district, km)
    rec.update(commune=commune, report_date=date, period=period, document_kind=kind)
    rec["source"]["sha256"] = f"sha-{path}-{km}-{date}-{commune}-{district}-{met}-{unmet}-{version}"
    rec["criteria"].update(met=list(met), unmet=list(unmet),
                           evidence=[{"number": n, "status": s, "text": f"tiêu chí {n} {s}", "location": None}
                                     for s, ns in (("met", met), ("unmet", unmet)) for n in ns])
    rec["figures"].append({**rec["figures"][0], "value": km * 3, "unit": "ha", "indicator": "land_ha",
                           "label": "đất", "text": f"{km * 3} ha"})
    return rec


def _put(store: Store, rec: dict[str, Any]) -> None:
    from extractor.checks.across import compared_part

    path = rec["source"]["path"]
    store.save_rows(FileInfo(path, rec["source"]["sha256"], 1, "txt"),
                    record_to_rows(rec, None, compared_part(rec)), versions())


def _from_scratch(store: Store) -> list[tuple[Any, ...]]:
    """The flags the checks give over each district's stored records at once (records_to_flags),
    as `_corpus_flags` lists them."""
    from extractor.ingest.run import corpus_flags
    from extractor.store.db import corpus_flag_rows

    rows = []
    for key in sorted(store.district_states()):
        for seq, (values, *_) in enumerate(corpus_flag_rows(corpus_flags(list(store.district_records(key))))):
            rows.append((key, seq, values[0], values[2], values[4]))
    return rows


def _province() -> list[dict[str, Any]]:
    """Two districts: in one, five communes (enough peers for a unit slip, one of them slipped),
    a summary whose total differs, communes reporting twice a period and over the years with a
    criterion lost; in the other, a pair of reports that disagree."""
    recs = []
    for n, commune in enumerate(("Lục Bình", "Quân Bình", "Phương Linh", "Mỹ Thanh", "Vi Hương")):
        km = 10.0 + n if commune != "Vi Hương" else 11000.0  # m written for km
        recs.append(_report(f"/a/{n}/2022.txt", commune, "Bạch Thông", date="2022-08", period="2022", km=km))
        recs.append(_report(f"/a/{n}/2023.txt", commune, "Bạch Thông", km=km + 1, unmet=(1,), met=()))
        recs.append(_report(f"/a/{n}/2023b.txt", commune, "Bạch Thông", date="2023-09", km=km + 2))
    recs.append(_report("/a/summary.txt", None, "Bạch Thông", km=99.0, kind="district_summary"))
    recs.append(_report("/b/1.txt", "Quân Hà", "Chợ Đồn", km=5.0))
    recs.append(_report("/b/2.txt", "Quân Hà", "Chợ Đồn", km=7.0))
    return recs


@pytest.fixture
def province(tmp_path: Path):
    with Store(tmp_path / "p.sqlite") as s:
        for rec in _province():
            _put(s, rec)
        update_corpus_flags(s)
        assert {r[2] for r in _corpus_flags(s)} == {"duplicate_report_conflict", "criterion_regressed",
                                                    "unit_slip_suspected", "district_total_mismatch"}
        assert _corpus_flags(s) == _from_scratch(s)
        yield s


def _decoded(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    asked: list[int] = []
    real = store.compared_parts

    def counted(ids: list[int]) -> dict[int, dict[str, Any]]:
        asked.extend(ids)
        return real(ids)
    monkeypatch.setattr(store, "compared_parts", counted)
    return asked


def test_a_changed_report_recomputes_only_the_comparisons_it_is_in(province: Store,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    decoded = _decoded(province, monkeypatch)
    ids = dict(province.conn.execute("SELECT path, id FROM documents").fetchall())
    _put(province, _report("/a/2/2023b.txt", "Phương Linh", "Bạch Thông", date="2023-09", km=40.0))
    ids.update(province.conn.execute("SELECT path, id FROM documents").fetchall())
    assert update_corpus_flags(province) == 1
    assert _corpus_flags(province) == _from_scratch(province)
    # its commune's reports of 2023 and of every year, the summary and the communes of 2023: not 2022's
    assert {ids[f"/a/{n}/2022.txt"] for n in (0, 1, 3, 4)}.isdisjoint(decoded)
    assert ids["/a/2/2022.txt"] in decoded and ids["/a/summary.txt"] in decoded


def test_a_removed_report_drops_the_flags_it_was_in(province: Store) -> None:
    province.set_present(["/a/0/2023.txt", "/b/2.txt"], False)
    assert update_corpus_flags(province) == 2
    assert _corpus_flags(province) == _from_scratch(province)
    assert not any("Quân Hà" in str(r[3]) for r in _corpus_flags(province))


def test_a_report_moved_to_another_district_leaves_its_comparisons_there(province: Store) -> None:
    _put(province, _report("/a/1/2023.txt", "Quân Bình", "Chợ Đồn", unmet=(1,), met=(), km=12.0))
    assert update_corpus_flags(province) == 2
    assert _corpus_flags(province) == _from_scratch(province)
    _put(province, _report("/a/1/2023.txt", "Quân Bình", "Bạch Thông", unmet=(1,), met=(), km=12.0))  # back
    update_corpus_flags(province)
    assert _corpus_flags(province) == _from_scratch(province)


def test_a_duplicate_pair_where_one_side_changed(province: Store) -> None:
    before = [r for r in _corpus_flags(province) if "Quân Hà" in str(r[3])]
    _put(province, _report("/b/2.txt", "Quân Hà", "Chợ Đồn", km=9.0))
    update_corpus_flags(province)
    after = [r for r in _corpus_flags(province) if "Quân Hà" in str(r[3])]
    assert _corpus_flags(province) == _from_scratch(province) and after != before and len(after) == 1
    _put(province, _report("/b/2.txt", "Quân Hà", "Chợ Đồn", km=5.0))  # now agrees: no flag
    update_corpus_flags(province)
    assert _corpus_flags(province) == _from_scratch(province)
    assert not any("Quân Hà" in str(r[3]) for r in _corpus_flags(province))


def test_a_report_whose_comparison_partner_changed(province: Store) -> None:
    # the newest report of Lục Bình's 2023, which the other is compared against, and the report
    # a criterion was met in before it was lost
    _put(province, _report("/a/0/2023b.txt", "Lục Bình", "Bạch Thông", date="2023-09", km=11.0, version=1))
    _put(province, _report("/a/0/2022.txt", "Lục Bình", "Bạch Thông", date="2022-08", period="2022",
                           met=(), unmet=(2,), km=10.0))
    update_corpus_flags(province)
    assert _corpus_flags(province) == _from_scratch(province)


def test_a_new_summary_and_a_slip_corrected(province: Store) -> None:
    _put(province, _report("/a/4/2023b.txt", "Vi Hương", "Bạch Thông", date="2023-09", km=13.0))
    _put(province, _report("/a/summary2022.txt", None, "Bạch Thông", date="2022-09", period="2022",
                           km=1.0, kind="district_summary"))
    update_corpus_flags(province)
    assert _corpus_flags(province) == _from_scratch(province)


def test_a_store_without_keys_or_groups_is_recomputed_whole_and_keyed(province: Store) -> None:
    """A store made by an earlier build: no across_keys, no groups, heads without places."""
    expected = _corpus_flags(province)
    province.conn.execute("DELETE FROM across_keys")
    province.conn.execute("DELETE FROM corpus_groups")
    province.conn.execute("UPDATE corpus_flag_heads SET place = NULL")
    province.conn.execute("DELETE FROM corpus_districts")
    update_corpus_flags(province)
    assert _corpus_flags(province) == expected
    assert province.conn.execute("SELECT count(*) FROM across_keys").fetchone()[0] == len(_province())
    _put(province, _report("/b/2.txt", "Quân Hà", "Chợ Đồn", km=9.0))
    update_corpus_flags(province)
    assert _corpus_flags(province) == _from_scratch(province)


def test_random_changes_give_the_flags_of_a_recomputation(province: Store) -> None:
    import random

    rng = random.Random(17)
    recs = _province()
    communes = sorted({r["commune"] for r in recs if r["commune"]})
    for _ in range(20):
        for rec in rng.sample(recs, 3):
            path = rec["source"]["path"]
            choice = rng.random()
            if choice < 0.2:
                province.set_present([path], False)
                continue
            commune = rng.choice(communes) if choice < 0.5 and rec["commune"] else rec["commune"]
            district = rng.choice(["Bạch Thông", "Chợ Đồn"]) if choice < 0.35 else rec["district"]
            _put(province, _report(path, commune, district, date=rec["report_date"], period=rec["period"],
                                   km=rng.choice([5.0, 7.0, 10.0, 12.0, 11000.0]),
                                   met=rng.choice([(1,), (), (1, 2)]), unmet=rng.choice([(), (1,), (2,)]),
                                   kind=rec["document_kind"]))
        update_corpus_flags(province)
        assert _corpus_flags(province) == _from_scratch(province)
