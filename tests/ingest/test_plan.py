"""Planning an ingest run (extractor.ingest.plan): versions, what is skipped, re-read, deduplicated."""
from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

from extractor.ingest.plan import file_to_found, patterns_version, plan_run, versions
from extractor.store.db import StoredDocument


def test_patterns_version_is_stable() -> None:
    assert patterns_version() == patterns_version() and len(patterns_version()) == 16


def _stored(path: str, sha: str, status: str = "ok", present: bool = True) -> StoredDocument:
    v = versions()
    return StoredDocument(path, sha, status, present, None, v[0], v[1])


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_plan_skips_fresh_rereads_stale_and_dedupes(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text("một", encoding="utf-8")
    b.write_text("hai", encoding="utf-8")
    c.write_text("một", encoding="utf-8")  # same bytes as a
    stored = {str(a): _stored(str(a), _sha(a)), str(b): _stored(str(b), "old")}
    plan = plan_run([a, b, c], stored, versions())
    assert plan.skipped == [str(a)]
    assert [i.path for i in plan.to_read] == [str(b)]
    assert [(i.path, p) for i, p in plan.duplicates] == [(str(c), str(a))]
    forced = plan_run([a, b, c], stored, versions(), force=True)
    assert sorted(i.path for i in forced.to_read) == [str(a), str(b)]
    other = plan_run([a, b, c], stored, ("9.9.9", "x"))
    assert not other.skipped


def _aged(path: Path, seconds: int = 60) -> None:
    """Make a file look last written `seconds` ago (its ctime stays now)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 10**9))


def test_a_report_whose_stat_is_unchanged_is_not_hashed_again(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("một", encoding="utf-8")
    first = file_to_found(a)
    assert first.stat is not None and first.stat.sha256 == _sha(a)
    # hashed long after its last change: the stored sha stands for its bytes without opening it
    trusted = replace(first.stat, sha256="0" * 64, checked=first.stat.checked + 10 * 10**9)
    assert file_to_found(a, known={str(a): trusted}).info.sha256 == "0" * 64
    # a stat taken in the same clock step as the last change is not trusted (racily clean)
    racy = replace(first.stat, sha256="0" * 64)
    assert file_to_found(a, known={str(a): racy}).info.sha256 == _sha(a)


def test_content_rewritten_at_the_same_size_is_hashed_again(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("một", encoding="utf-8")
    _aged(a)
    first = file_to_found(a)
    assert first.stat is not None
    known = {str(a): replace(first.stat, checked=first.stat.checked + 10 * 10**9)}
    mtime = a.stat().st_mtime_ns
    a.write_text("hai", encoding="utf-8")  # same size
    os.utime(a, ns=(mtime, mtime))  # mtime set back, as `cp -p` or an archive would: ctime moved
    assert file_to_found(a, known=known).info.sha256 == _sha(a) != first.stat.sha256


def test_plan_collects_the_stats_it_hashed_and_force_ignores_them(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("một", encoding="utf-8")
    plan = plan_run([a], {}, versions())
    stat = plan.file_stats[str(a)]
    fake = {str(a): replace(stat, sha256="0" * 64, checked=stat.checked + 10 * 10**9)}
    assert not plan_run([a], {}, versions(), known=fake).file_stats  # nothing hashed
    forced = plan_run([a], {}, versions(), force=True, known=fake)
    assert forced.to_read[0].sha256 == _sha(a)


def test_the_plan_signals_once_before_it_hashes_a_file(tmp_path: Path) -> None:
    """`on_change` (the run starts its readers then): once, before the first file hashed; never
    when every stat is the one known."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("một", encoding="utf-8")
    b.write_text("hai", encoding="utf-8")
    _aged(a)
    _aged(b)
    calls: list[str] = []
    plan = plan_run([a, b], {}, versions(), on_change=lambda: calls.append("start"))
    assert calls == ["start"] and len(plan.file_stats) == 2
    known = {p: replace(s, checked=s.checked + 10 * 10**9) for p, s in plan.file_stats.items()}
    calls.clear()
    assert not plan_run([a, b], {}, versions(), known=known, on_change=lambda: calls.append("start")).file_stats
    assert calls == []
