"""Planning an ingest run (extractor.ingest.plan): versions, what is skipped, re-read, deduplicated."""
from __future__ import annotations

import hashlib
from pathlib import Path

from extractor.ingest.plan import patterns_version, plan_run, versions
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
