"""The SQLite store: schema, per-document transactions, replacement, presence, corpus flags."""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from extractor.store.db import SCHEMA_SQL, STORE_SCHEMA_VERSION, FileInfo, Store, StoreError, record_to_rows

ROOT = Path(__file__).resolve().parents[2]
VERS = ("0.1.0", "abc")


def _record(path: str, commune: str = "Lục Bình", figures: int = 2) -> dict:
    loc = {"block": 3, "page": None, "start": 0, "end": 4}
    return {
        "source": {"path": path, "sha256": "x", "format": "txt"},
        "commune": commune, "district": "Bạch Thông", "province": "Bắc Kạn",
        "document_number": None, "report_date": "2023-08", "period": "2021-2023",
        "document_kind": None, "signer": None, "identity_evidence": {},
        "criteria": {"met": [1, 2], "unmet": [6], "basically_met": [], "met_count_claimed": 2,
                     "unmet_count_claimed": 1, "criteria_set": "commune-2021-2025",
                     "evidence": [{"number": 6, "status": "unmet", "text": "Tiêu chí số 6",
                                   "location": loc}]},
        "figures": [{"value": float(i + 1), "unit": "km", "text": f"{i + 1} km", "location": loc,
                     "rule": "r", "total": None, "noun": None, "qualifier": None, "label": "đường",
                     "indicator": "road_km", "per": None, "section": ["I", "1."], "component": 2}
                    for i in range(figures)],
        "flags": [{"rule": "conflicting_values", "severity": "error", "message": "400 ≠ 600",
                   "evidence": [{"text": "400 ngày công", "location": loc}], "message_en": None}],
        "extractor_version": "0.1.0",
    }


def _count(store: Store, table: str) -> int:
    return store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_save_rows_fills_every_table(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.save_rows(FileInfo("/r/a.txt", "sha-a", 10, "txt"), record_to_rows(_record("/r/a.txt")), VERS)
        assert _count(store, "documents") == 1
        assert _count(store, "figures") == 2
        assert _count(store, "criteria") == 3
        assert _count(store, "flags") == 1
        row = store.conn.execute("SELECT commune, met_count_claimed FROM identity").fetchone()
        assert row == ("Lục Bình", 2)
        ev = store.conn.execute(
            "SELECT evidence_text, block FROM criteria WHERE number = 6").fetchone()
        assert ev == ("Tiêu chí số 6", 3)
        assert next(store.records())["commune"] == "Lục Bình"


def test_rereading_a_document_replaces_its_rows(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        info = FileInfo("/r/a.txt", "sha-a", 10, "txt")
        store.save_rows(info, record_to_rows(_record("/r/a.txt", figures=5)), VERS)
        store.save_rows(info, record_to_rows(_record("/r/a.txt", commune="Quân Bình", figures=1)), VERS)
        assert _count(store, "documents") == 1
        assert _count(store, "figures") == 1
        assert store.conn.execute("SELECT commune FROM identity").fetchone() == ("Quân Bình",)
        # a document that now fails loses its old figures
        store.save_failure(info, "corrupt_docx", "bad zip", VERS)
        assert _count(store, "figures") == 0 and _count(store, "identity") == 0
        doc = store.documents()["/r/a.txt"]
        assert doc.status == "failed"


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        rows = record_to_rows(_record("/r/a.txt"))
        bad = replace(rows, figures=[*rows.figures, (len(rows.figures), object(), *rows.figures[0][2:])])
        with pytest.raises(sqlite3.Error):  # not storable: the insert raises after the document's
            store.save_rows(FileInfo("/r/a.txt", "sha-a", 10, "txt"), bad, VERS)
        assert _count(store, "documents") == 0 and _count(store, "figures") == 0


def test_presence_duplicates_and_corpus_flags(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.save_rows(FileInfo("/r/a.txt", "sha-a", 10, "txt"), record_to_rows(_record("/r/a.txt")), VERS)
        store.save_duplicate(FileInfo("/r/b.txt", "sha-a", 10, "txt"), "/r/a.txt", VERS)
        docs = store.documents()
        assert docs["/r/b.txt"].status == "duplicate" and docs["/r/b.txt"].duplicate_of == "/r/a.txt"
        store.set_present(["/r/a.txt"], False)
        assert not store.documents()["/r/a.txt"].present
        assert list(store.records()) == []  # records of missing files are not handed to the checks
        store.replace_corpus_flags([{"rule": "r1", "severity": "warning", "message": "m",
                                     "evidence": []}] * 2)
        store.replace_corpus_flags([{"rule": "r2", "severity": "info", "message": "m",
                                     "evidence": []}])
        rows = store.conn.execute("SELECT rule FROM flags WHERE scope = 'corpus'").fetchall()
        assert rows == [("r2",)]


def test_store_survives_reopen_and_rejects_other_schema(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        store.save_rows(FileInfo("/r/a.txt", "sha-a", 10, "txt"), record_to_rows(_record("/r/a.txt")), VERS)
    with Store(path) as store:
        assert set(store.documents()) == {"/r/a.txt"}
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError):
        Store(path)
    (tmp_path / "junk.sqlite").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(tmp_path / "junk.sqlite")


def _statements(sql: str) -> list[str]:
    return [" ".join(s.split()) for s in sql.split(";") if s.strip()]


def test_documented_schema_is_the_schema() -> None:
    doc = (ROOT / "schemas" / "store.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", doc, flags=re.S)
    assert blocks, "schemas/store.md must show the DDL in a ```sql block"
    assert _statements("\n".join(blocks)) == _statements(SCHEMA_SQL)


def test_evidence_is_stored_as_json(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.save_rows(FileInfo("/r/a.txt", "sha-a", 10, "txt"), record_to_rows(_record("/r/a.txt")), VERS)
        (evidence,) = store.conn.execute("SELECT evidence FROM flags").fetchone()
        assert json.loads(evidence)[0]["text"] == "400 ngày công"


def test_store_errors_carry_a_code_and_a_message_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as info:
        Store(path)
    err = info.value
    assert (err.code, err.path) == ("schema_version", str(path))
    assert err.message("en").startswith(f"{path}: the store has schema version 999, this program needs")
    assert "phiên bản 999" in err.message("vi")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as info:
        Store(junk)
    assert info.value.code == "not_a_store" and info.value.detail  # sqlite's own words as detail
    assert info.value.message("en").startswith(f"{junk}: cannot open the SQLite store")


def test_ingest_names_an_unusable_store_in_the_users_language(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    import extractor.cli.main as cli
    from extractor.core import i18n

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    (tmp_path / "in").mkdir()
    try:
        code = cli.main(["--lang", "en", "ingest", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                         "--db", str(junk)])
    finally:
        i18n.set_language(None)
    assert code == cli.EXIT_USAGE
    assert f"Cannot use the store: {junk}: cannot open the SQLite store" in capsys.readouterr().err


def test_state_changes_with_the_documents_not_with_rewrites(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        info = FileInfo("/r/a.txt", "sha-a", 10, "txt")
        store.save_rows(info, record_to_rows(_record("/r/a.txt")), VERS)
        store.save_duplicate(FileInfo("/r/b.txt", "sha-a", 10, "txt"), "/r/a.txt", VERS)
        state = store.state()
        store.save_duplicate(FileInfo("/r/b.txt", "sha-a", 10, "txt"), "/r/a.txt", VERS)  # again
        assert store.state() == state
        store.set_present(["/r/b.txt"], False)
        assert store.state() != state
        assert store.meta("corpus_flags_state") is None
        store.replace_corpus_flags([], store.state())
        assert store.meta("corpus_flags_state") == store.state()


@pytest.mark.parametrize("old", ["1", "2"])
def test_store_of_an_older_schema_is_rebuilt_empty(tmp_path: Path, old: str) -> None:
    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        store.save_rows(FileInfo("/r/a.txt", "sha-a", 10, "txt"), record_to_rows(_record("/r/a.txt")), VERS)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (old,))
    conn.commit()
    conn.close()
    with Store(path) as store:  # read by an older extractor: re-read anyway, so started afresh
        assert store.documents() == {} and _count(store, "figures") == 0
        assert store.meta("schema_version") == STORE_SCHEMA_VERSION


def test_cached_csv_lines_come_back_after_their_leading_columns(tmp_path: Path) -> None:
    lines = ['1,"a, b",x\n', '2,"two\nlines",y\n']
    with Store(tmp_path / "s.sqlite") as store:
        store.save_rows(FileInfo("/r/a.txt", "sha-a", 10, "txt"), record_to_rows(_record("/r/a.txt")), VERS)
        doc_id = store.conn.execute("SELECT id FROM documents").fetchone()[0]
        store.save_csv_rows([(doc_id, "figures", lines), (doc_id, "flags", ["nul\x00inside\n"]),
                             (doc_id, "empty", [])])
        assert store.csv_rows(doc_id, "figures") == lines
        assert store.csv_block(doc_id, "figures", "k,") == "".join("k," + line for line in lines).encode()
        # a line holding the mark itself is kept as a JSON list, and reads back the same
        assert store.csv_rows(doc_id, "flags") == ["nul\x00inside\n"]
        assert store.csv_block(doc_id, "flags", "k,") == b"k,nul\x00inside\n"
        assert store.csv_block(doc_id, "empty", "k,") == b"" and store.csv_rows(doc_id, "empty") == []
        assert store.csv_block(doc_id, "other", "k,") is None


def test_a_flags_evidence_items_name_each_source_once_in_order() -> None:
    from extractor.store.db import evidence_items

    evidence = [{"source": "b.docx", "commune_key": "k", "commune": "Lục Bình"}, "text only",
                {"source": "a.docx", "commune_key": "k", "commune": "Lục Bình"},
                {"source": "b.docx", "commune_key": "k", "commune": "Lục Bình"}]
    assert json.loads(evidence_items(evidence)) == [["b.docx", "k", "Lục Bình"], ["", "", ""],
                                                    ["a.docx", "k", "Lục Bình"]]


def test_figures_of_many_documents_are_asked_in_chunks_and_all_come_back(tmp_path: Path) -> None:
    from extractor.store import queries

    with Store(tmp_path / "s.sqlite") as store:
        ids = [store.save_rows(FileInfo(f"/r/{i}.txt", f"sha-{i}", 10, "txt"), record_to_rows(_record(f"/r/{i}.txt")),
                               VERS) for i in range(2)]
        asked = [ids[0], *range(1000, 1600), ids[1]]  # the second document in the second chunk of 500
        assert sorted({r[0] for r in queries.figure_values(store, asked)}) == ids
        assert sorted({r[0] for r in queries.result_indicator_figures(store, asked)}) == ids


def _flag(text: str) -> dict:
    return {"rule": "figure_mismatch", "severity": "warning", "message": f"khác {text}", "message_en": None,
            "evidence": [{"text": text, "source": "/a/1.txt", "commune": "Lục Bình"}, ["not", "a dict"]]}


def _district_flags(store: Store) -> dict[str, tuple[int, int]]:
    return {json.loads(ev)[0]["text"]: (flag_id, seq) for flag_id, seq, ev in store.conn.execute(
        "SELECT id, seq, evidence FROM flags WHERE scope = 'corpus'")}


def test_a_renumbered_flag_keeps_its_row_and_only_its_numberless_renderings(tmp_path: Path) -> None:
    from extractor.store.db import FLAG_LINE_PART, corpus_flag_rows, flag_box_part

    numberless = (FLAG_LINE_PART, flag_box_part("vi"), flag_box_part("en"))  # the overview's box shows no number
    with Store(tmp_path / "s.sqlite") as store:
        store.replace_district_flags("d", corpus_flag_rows([_flag("a"), _flag("b")]), "s1")
        before = _district_flags(store)
        store.save_flag_parts([(i, name, f"{name} {i}") for i, _ in before.values()
                               for name in (*numberless, "page-line")])
        store.replace_district_flags("d", corpus_flag_rows([_flag("new"), _flag("a"), _flag("b")]), "s2")
        after = _district_flags(store)
        assert {k: v[0] for k, v in after.items() if k != "new"} == {k: v[0] for k, v in before.items()}
        assert [after[k][1] for k in ("new", "a", "b")] == [0, 1, 2]
        for flag_id, _ in before.values():
            for name in numberless:
                assert store.flag_part(flag_id, name) == f"{name} {flag_id}"
            assert store.flag_part(flag_id, "page-line") is None  # a rendering that may show the number
        store.replace_district_flags("d", corpus_flag_rows([_flag("a")]), "s3")  # b and new go
        assert list(_district_flags(store)) == ["a"] and _count(store, "corpus_flag_heads") == 1


def test_a_flags_evidence_text_is_kept_with_its_head_and_added_to_an_older_store(tmp_path: Path) -> None:
    from extractor.store.consolidate import _flag_row
    from extractor.store.db import corpus_flag_rows
    from extractor.store.queries import flag_evidence, flag_evidence_text

    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        store.replace_district_flags("d", corpus_flag_rows([_flag("a")]), "s1")
        flag_id = store.conn.execute("SELECT id FROM flags").fetchone()[0]
        text = flag_evidence_text(store, flag_id)
        row = _flag_row("corpus", "k", None, None, 0, "r", "warning", None, None, flag_evidence(store, flag_id))
        assert text == row["evidence"] == "a | ['not', 'a dict']"
        # as a store made before the column was added
        store.conn.execute("ALTER TABLE corpus_flag_heads DROP COLUMN text")
        assert flag_evidence_text(Store.reader(path), flag_id) is None
    with Store(path) as store:  # the column is added back, empty
        assert flag_evidence_text(store, flag_id) is None
        store.replace_district_flags("d", corpus_flag_rows([_flag("a")]), "s2")  # kept: its text filled in
        assert flag_evidence_text(store, flag_id) == text


@pytest.mark.parametrize("evidence", [
    [{"text": "a"}, {"text": None}, {}],
    [{"text": 5}, {"text": 1e16}],  # not text: as JSON gives it back
    [("tuple", 1), "plain", 3],  # no dict: as JSON gives it back (a tuple comes back a list)
])
def test_a_flags_evidence_text_is_the_one_made_from_its_stored_json(evidence: list) -> None:
    from extractor.store.consolidate import _flag_row
    from extractor.store.db import corpus_flag_rows

    (values, _, _, text), = corpus_flag_rows([{"rule": "r", "severity": "info", "message": "m",
                                               "evidence": evidence}])
    assert text == _flag_row("corpus", "k", None, None, 0, "r", "info", "m", None, values[4])["evidence"]


def test_csv_spans_go_with_what_they_were_written_from(tmp_path: Path) -> None:
    """A report's spans go when its lines are cached again, a flag's when its line is, when its
    renderings expire (another version, --force) or when the flag goes; the file's stamp must match."""
    from extractor.store.db import FLAG_LINE_PART, corpus_flag_rows

    with Store(tmp_path / "s.sqlite") as store:
        doc_id = store.save_rows(FileInfo("/a/1.txt", "x", 1, "txt"), record_to_rows(_record("/a/1.txt")), VERS)
        store.replace_district_flags("d", corpus_flag_rows([_flag("a"), _flag("b")]), "s1")
        (a, _), (b, _) = sorted(_district_flags(store).values(), key=lambda v: v[1])
        store.save_csv_spans("flags", "10 1", [(None, None, 0, 3, "h"), (doc_id, None, 3, 4, "p"),
                                              (None, a, 7, 2, "q"), (None, b, 9, 1, "r")])
        assert store.csv_spans("flags", "10 2") == {}  # the file changed since
        assert set(store.csv_spans("flags", "10 1")) == {(None, None), (doc_id, None), (None, a), (None, b)}
        store.save_csv_rows([(doc_id, "flags", ["x\n"])])
        store.save_flag_parts([(a, FLAG_LINE_PART, "y\n")])
        assert set(store.csv_spans("flags", "10 1")) == {(None, None), (None, b)}
        store.replace_district_flags("d", corpus_flag_rows([_flag("a")]), "s2")  # b goes
        assert set(store.csv_spans("flags", "10 1")) == {(None, None)}
        store.save_csv_spans("flags", "10 3", [(None, a, 0, 2, "q")])
        store.expire_flag_parts(VERS, everything=True)
        assert store.csv_spans("flags", "10 3") == {}
