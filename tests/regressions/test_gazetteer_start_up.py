"""Regression (issue 17): `ntm extract` of a small file paid ~0.4 s loading the gazetteer, which
normalized ~37,000 names one call each (and again in `key`), even for a report that names no
place. Now the data load only when a place needs settling, and the names are normalized in one
pass, giving exactly what one call per name gives."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from extractor.extract import gazetteer as gz
from extractor.text.normalize import normalize


def test_nothing_stated_loads_nothing() -> None:
    gz.gazetteer.cache_clear()
    assert gz.settle(None, None, None) == gz.Settled()
    assert gz.gazetteer.cache_info().currsize == 0


@pytest.mark.skipif(gz.gazetteer() is None, reason="gazetteer data not installed")
def test_names_normalized_in_one_pass_are_those_of_one_call_each() -> None:
    data = gz.gazetteer()
    assert data is not None
    names = sorted({u.commune for u in data.units} | {u.province for u in data.units})
    # tone placement and composition differ in raw data; the batch must agree name by name
    raw = [n.replace("oà", "òa").replace("uý", "úy") for n in names[:3000]] + ["Hoà Bình", "Thuỵ Khuê"]
    assert gz._normalize_all(raw) == {n: normalize(n) for n in raw}


@pytest.mark.skipif(gz.gazetteer() is None, reason="gazetteer data not installed")
def test_a_later_run_reads_the_indexes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # ~150 ms of normalizing names per `ntm extract` became one read of the data cache
    monkeypatch.setenv("NTM_CACHE_DIR", str(tmp_path))
    gz.gazetteer.cache_clear()
    gz._built.cache_clear()
    first = gz.gazetteer()
    assert first is not None
    found = first.communes("Lục Bình")
    assert found and list(tmp_path.iterdir())

    def no_build(path: object) -> None:
        raise AssertionError("the indexes were built again")

    monkeypatch.setattr(gz, "_indexes", no_build)
    gz.gazetteer.cache_clear()
    gz._built.cache_clear()
    again = gz.gazetteer()
    assert again == first and again.communes("Lục Bình") == found
    gz.gazetteer.cache_clear()


@pytest.mark.skipif(gz.gazetteer() is None, reason="gazetteer data not installed")
def test_a_lookup_reads_one_part_of_the_commune_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # reading the whole index was ~5 ms of every `ntm extract`; a report looks up a few names
    monkeypatch.setenv("NTM_CACHE_DIR", str(tmp_path))
    gz.gazetteer.cache_clear()
    warm = gz.gazetteer()
    assert warm is not None
    every = warm.units  # stores every part
    gz.gazetteer.cache_clear()
    gz._built.cache_clear()
    monkeypatch.setattr(gz, "_indexes", lambda path: pytest.fail("the indexes were built again"))
    again = gz.gazetteer()
    assert again is not None and again.communes("Lục Bình")
    assert len(again._communes) == 1
    assert Counter(again.units) == Counter(every)
    gz.gazetteer.cache_clear()
