"""Markup a phrasing bank may use beyond the main bank's: two-digit criterion numbers ({n2}),
a list style's own closing joiner (`last`), the district's bare name ({district_name}), identity
forms of a document genre (a title's heading and number suffix, a letterhead's place and right
column), a bank's own closing (`closings`: "Nơi nhận" list and signature, of the report's genre),
counts in words ({met_claim:w}), ratios written out ({met_claim:of}), the criteria table at a
line of its scheme ({@table}), a bank's short forms of criteria ({short}), criteria under group
titles ({@status_groups}), a second neighbouring commune ({@other_commune_b}), criteria met anew beside the count kept
({@new}, {new_claim}, {kept_claim}) and a scheme's genre
choosing the letterhead.
Synthetic forms only: no held-out bank's wording is quoted here."""
from __future__ import annotations

import random
import re
from typing import Any

import pytest

from corpus import banks
from corpus import generate as gen


def test_two_digit_number_in_an_item_form() -> None:
    assert banks.fill_number("TC{n2}/{n}", 6) == "TC06/6"
    assert banks.fill_number("TC{n2}", 14) == "TC14"
    assert banks.fill_number("{n}", 6) == "6"


def _namer(seed: int) -> banks.Namer:
    return banks.Namer(banks.catalogue("2021-2025"), None, random.Random(seed))


def test_a_style_with_a_closing_joiner_ends_its_list_with_it_or_its_separator() -> None:
    style = {"family": "both", "item": "#{n2} {name}", "seps": [" / "], "last": [" & "]}
    endings = set()
    for seed in range(20):
        rng = random.Random(seed)
        text = banks.render_list([2, 6, 10], style, _namer(seed), rng)
        assert text.startswith("#02 ") and text.count(" / ") + text.count(" & ") == 2
        endings.add(" & " in text)
    assert endings == {True, False}


def test_a_style_without_a_closing_joiner_draws_as_before() -> None:
    """A style without `last` takes the draws it took before the markup existed (here one:
    its separator), so the tuned splits regenerate byte for byte."""
    style = {"family": "names", "item": "{name}", "seps": [" / ", " // "]}
    rng, expected = random.Random(3), random.Random(3)
    text = banks.render_list([2, 6, 10], style, _namer(3), rng)
    sep = expected.choice(style["seps"])
    assert rng.getstate() == expected.getstate()
    assert text.count(sep) == 2 and " & " not in text


def test_district_name_without_its_kind() -> None:
    names = {"commune": "A", "district": "huyện B C", "province": "D"} | gen.names_without_kind("B C")
    text = banks.fill_names("{commune} ({district_name}, {province}); {DISTRICT_NAME}; {district}", names)
    assert text == "A (B C, D); B C; huyện B C"


def _genre_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    """The main bank's titles and openings, put in a genre of their own, beside one letterhead,
    title and opening of a synthetic genre."""
    main = {k: [f | {"genre": "report"} for f in v] for k, v in banks.bank("main", "identity").items()
            if k in ("titles", "intros")}
    ident: dict[str, Any] = {
        "letterheads": [{"genre": "g", "lines": ["LETTERHEAD {DISTRICT_NAME}"], "states": ["district"],
                         "place": "{district_name}"}],
        "titles": main["titles"] + [{"genre": "g", "heading": "HEADING OF {COMMUNE}", "number": "XY-Z",
                                     "text": "Title of {commune}, {@period}", "states": []}],
        "intros": main["intros"] + [{"genre": "g", "states": ["district", "province"],
                                     "text": "Opening of {commune}, {district}, {province}."}]}
    real = banks.bank
    monkeypatch.setattr(banks, "bank", lambda name, kind: ident if kind == "identity" else real("main", kind))


def test_a_letterhead_of_a_genre_takes_a_title_and_opening_of_its_genre(monkeypatch: pytest.MonkeyPatch) -> None:
    _genre_bank(monkeypatch)
    for i in range(6):
        report = gen.build_report(3, i, gen.schedule(i), "main")
        text = gen.report_to_text(report)
        g = report.gold
        assert f"HEADING OF {g['commune'].upper()}" in text and "BÁO CÁO\n" not in text
        assert f"Title of {g['commune']}, {g['period']}" in text
        assert f"Opening of {g['commune']}" in text
        assert "/XY-Z" in text and "/BC-UBND" not in text
        assert f"{g['district']}, ngày" in text  # the letterhead's place dates the document
        assert gen.self_check(text, g) == []


def test_a_form_of_a_genre_is_followed_by_forms_of_its_genre_or_of_none() -> None:
    answer, speech, plain = {"genre": "answer", "text": "A"}, {"genre": "speech", "text": "S"}, {"text": "P"}
    assert banks.of_genre([answer, speech, plain], "speech") == [speech, plain]
    assert banks.of_genre([answer, speech], None) == [answer, speech]
    with pytest.raises(ValueError):
        banks.of_genre([answer], "survey")


def _main_with_identity(monkeypatch: pytest.MonkeyPatch, extra: dict) -> None:
    real = banks.bank
    identity = dict(real("main", "identity")) | extra
    monkeypatch.setattr(banks, "bank", lambda name, kind: identity if kind == "identity" else real("main", kind))


def test_a_banks_closing_replaces_the_default_receivers_and_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bank's `closings` (synthetic here) give the "Nơi nhận" list, naming other units, and
    the signature block; the gold's identity stays the report's own."""
    closing = {"receivers": ["- Ban X {district_name};", "- UBND xã {@other_commune};"],
               "signature": ["TM. UBND XÃ {COMMUNE}", "KT. CHỦ TỊCH"]}
    _main_with_identity(monkeypatch, {"closings": [closing]})
    report = gen.build_report(3, 7, gen.schedule(7), "main")
    texts = [b.text for b in report.blocks if isinstance(b, gen.Para)]
    at = texts.index("Nơi nhận:")
    gold = report.gold
    assert texts[at + 1] == f"- Ban X {gold['district']};"
    assert texts[at + 2].startswith("- UBND xã ") and gold["commune"] not in texts[at + 2]
    assert texts[at + 3:at + 5] == [f"TM. UBND XÃ {gold['commune'].upper()}", "KT. CHỦ TỊCH"]
    assert gen.self_check(gen.report_to_text(report), gold) == []


def test_a_bank_without_closings_keeps_the_default_ones() -> None:
    report = gen.build_report(3, 7, gen.schedule(7), "main")
    texts = [b.text for b in report.blocks if isinstance(b, gen.Para)]
    at = texts.index("Nơi nhận:")
    assert texts[at + 2:at + 6] == ["- Thường trực Đảng ủy, HĐND xã;", "- Lưu: VP UBND xã.",
                                    "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


# ---------------------------------------------------------------- counts in words, "N trên M",
# the criteria table at a line, a letterhead's right column, closings of a genre


def _main_with_scheme(monkeypatch: pytest.MonkeyPatch, scheme: dict[str, Any]) -> None:
    """The main bank's criteria parts with `scheme` as its only statement."""
    main = banks.bank("main", "criteria")
    part = {k: v for k, v in main.items() if k != "more_schemes"} | {"schemes": [scheme]}
    real = banks.bank
    monkeypatch.setattr(banks, "bank", lambda name, kind: part if kind == "criteria" else real(name, kind))


def test_a_count_spelled_out_is_a_claim_and_an_optional_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    assert gen.spelled(gen.Decimal(15)) == "mười lăm" and gen.spelled(gen.Decimal(4)) == "bốn"
    with pytest.raises(ValueError):
        gen.spelled(gen.Decimal("2.5"))
    _main_with_scheme(monkeypatch, {"id": "words", "when": ["some_unmet"],
                                    "lines": ["- Met {met_claim:w}, unmet {unmet_claim:w|TC}: {@unmet}."]})
    report = gen.build_report(2, 1, gen.schedule(1), "main")
    gold, text = report.gold, gen.report_to_text(report)
    met, unmet = len(gold["criteria"]["met"]), len(gold["criteria"]["unmet"])
    assert f"- Met {gen.spelled(gen.Decimal(met))} tiêu chí, unmet {gen.spelled(gen.Decimal(unmet))} TC: " in text
    assert gold["criteria"]["met_count_claimed"] == met and gold["criteria"]["unmet_count_claimed"] == unmet
    words = {gen.spelled(gen.Decimal(met)) + " tiêu chí", gen.spelled(gen.Decimal(unmet)) + " TC"}
    spelled = [f for f in gold["figures"] if f["text"] in words]
    assert len(spelled) == 2 and all(f["optional"] and f["unit"] == "criterion" for f in spelled)
    assert gen.self_check(text, gold) == []


def test_a_ratio_written_out_has_its_value_and_total(monkeypatch: pytest.MonkeyPatch) -> None:
    _main_with_scheme(monkeypatch, {"id": "of", "when": ["some_unmet"],
                                    "lines": ["- Met {met_claim:of}; unmet: {@unmet}."]})
    report = gen.build_report(2, 1, gen.schedule(1), "main")
    gold = report.gold
    fig = next(f for f in gold["figures"] if " trên " in f["text"])
    met = len(gold["criteria"]["met"])
    assert re.fullmatch(rf"0?{met} trên 19 tiêu chí", fig["text"])
    assert (fig["value"], fig["total"], fig["optional"]) == (met, 19, False)
    assert gold["criteria"]["met_count_claimed"] == met


def test_the_table_slot_places_the_criteria_table_before_the_lines_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    _main_with_scheme(monkeypatch, {"id": "table_first", "when": ["some_unmet"], "table": True,
                                    "lines": ["- Before.", "{@table}", "- After: {@unmet}."]})
    report = gen.build_report(2, 1, gen.schedule(1), "main")
    blocks = report.blocks
    at = next(i for i, b in enumerate(blocks) if isinstance(b, gen.Para) and b.text == "- Before.")
    assert isinstance(blocks[at + 1], gen.Table) and len(blocks[at + 1].rows) == 20
    assert isinstance(blocks[at + 2], gen.Para) and blocks[at + 2].text.startswith("- After: ")
    assert sum(isinstance(b, gen.Table) and len(b.rows) == 20 for b in blocks) == 1  # not drawn again
    assert gen.self_check(gen.report_to_text(report), report.gold) == []


def test_a_letterhead_names_its_own_right_column_and_a_closing_follows_its_genre(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A Party committee's letterhead ("right": its own right column) takes the closing of its
    genre; a closing without a genre goes with any report (synthetic forms)."""
    ident: dict[str, Any] = {
        "letterheads": [{"genre": "party", "lines": ["COMMITTEE {COMMUNE}", "*"], "states": [],
                         "right": ["PARTY LINE"]}],
        "titles": [{"genre": "party", "text": "Title {commune}", "states": []}],
        "intros": [{"genre": "party", "text": "Opening {commune}, {district}, {province}.",
                    "states": ["district", "province"]}],
        "closings": [{"genre": "other", "receivers": ["- R other;"], "signature": ["S OTHER"]},
                     {"genre": "party", "receivers": ["- R party;"], "signature": ["S PARTY"]}]}
    real = banks.bank
    monkeypatch.setattr(banks, "bank", lambda name, kind: ident if kind == "identity" else real("main", kind))
    for i in range(4):
        report = gen.build_report(3, i, gen.schedule(i), "main")
        texts = [b.text for b in report.blocks if isinstance(b, gen.Para)]
        assert "PARTY LINE" in texts and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in texts
        at = texts.index("Nơi nhận:")
        assert texts[at + 1:at + 3] == ["- R party;", "S PARTY"]
    assert banks.of_genre(ident["closings"] + [{"receivers": [], "signature": []}], "party") == \
        [ident["closings"][1], {"receivers": [], "signature": []}]


# ---------------------------------------------------------------- short forms of criteria ({short}),
# criteria under group titles ({@status_groups}), a second neighbour, a scheme's genre


def _main_with_criteria(monkeypatch: pytest.MonkeyPatch, extra: dict[str, Any],
                        identity: dict[str, Any] | None = None) -> None:
    """The main bank's criteria parts without widened schemes, updated with `extra`."""
    main = banks.bank("main", "criteria")
    part = {k: v for k, v in main.items() if k != "more_schemes"} | extra
    real = banks.bank
    monkeypatch.setattr(banks, "bank", lambda name, kind: part if kind == "criteria" else
                        identity if identity is not None else real(name, kind))


SHORT = {str(n): f"S{chr(64 + n)}" for n in range(1, 20)}  # "SA" … "SS": no digit


def test_a_short_form_fills_items_bullets_and_status_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    _main_with_criteria(monkeypatch, {
        "schemes": [{"id": "short", "when": ["some_unmet"], "lines": [
            "- Met: {@met}.", "- Unmet:", "{@unmet:bullets}", "{@status_lines}"]}],
        "list_styles": [{"family": "names", "item": "<{short}>", "seps": [", "]}],
        "bullets": ["* {short}"], "status_lines": [["{short} = {word}"]],
        "short_names": {"2021-2025": SHORT, "2016-2020": SHORT}})
    report = gen.build_report(2, 1, gen.schedule(1), "main")
    text, crit = gen.report_to_text(report), report.gold["criteria"]
    assert "- Met: " + ", ".join(f"<S{chr(64 + n)}>" for n in crit["met"]) + "." in text
    assert all(f"\n* S{chr(64 + n)}\n" in text for n in crit["unmet"])
    assert all(f"S{chr(64 + n)} = " in text for n in crit["met"] + crit["unmet"])
    assert gen.self_check(text, report.gold) == []


def test_a_bank_without_short_forms_cannot_use_them() -> None:
    namer = banks.Namer(banks.catalogue("2021-2025"), None, random.Random(1))
    with pytest.raises(ValueError):
        namer.fill("{short}", 2)
    assert banks.short_names({}, "2021-2025") == {}
    assert banks.short_names({"short_names": {"2021-2025": {2: "G"}}}, "2021-2025") == {2: "G"}


def test_status_groups_write_each_group_title_then_its_criteria(monkeypatch: pytest.MonkeyPatch) -> None:
    groups = [{"title": "Group A:", "numbers": list(range(1, 10))},
              {"title": "Group B:", "numbers": list(range(10, 20))}]
    _main_with_criteria(monkeypatch, {
        "schemes": [{"id": "groups", "when": ["some_unmet"], "lines": ["{@status_groups}"]}],
        "status_lines": [["#{n}: {word}"]], "groups": groups})
    report = gen.build_report(2, 1, gen.schedule(1), "main")
    texts = [b.text for b in report.blocks if isinstance(b, gen.Para)]
    a, b = texts.index("Group A:"), texts.index("Group B:")
    assert [t.split(":")[0] for t in texts[a + 1:b]] == [f"#{n}" for n in range(1, 10)]
    assert [t.split(":")[0] for t in texts[b + 1:b + 11]] == [f"#{n}" for n in range(10, 20)]
    assert gen.self_check(gen.report_to_text(report), report.gold) == []


def test_status_groups_must_hold_every_criterion_once(monkeypatch: pytest.MonkeyPatch) -> None:
    _main_with_criteria(monkeypatch, {
        "schemes": [{"id": "groups", "when": ["some_unmet", "all_met"], "lines": ["{@status_groups}"]}],
        "status_lines": [["#{n}: {word}"]], "groups": [{"title": "Only some:", "numbers": [1, 2]}]})
    with pytest.raises(ValueError, match="groups"):
        gen.build_report(2, 1, gen.schedule(1), "main")


def test_a_second_neighbour_is_neither_the_commune_nor_the_first() -> None:
    assert gen.second_neighbour(["A", "B", "C"], "B", "A") == "C"
    assert gen.second_neighbour(["A"], "X", "A") == "Tân Lập"
    assert gen.second_neighbour([], "Tân Lập", "Tân Tiến") == "Tân Hòa"


def test_a_scheme_of_a_genre_takes_a_letterhead_of_its_genre(monkeypatch: pytest.MonkeyPatch) -> None:
    identity = {
        "letterheads": [{"genre": "g", "lines": ["HEAD G {COMMUNE}", "*"], "states": []},
                        {"genre": "h", "lines": ["HEAD H {COMMUNE}", "*"], "states": []}],
        "titles": [{"genre": "g", "text": "Title G {commune}", "states": []},
                   {"genre": "h", "text": "Title H {commune}", "states": []}],
        "intros": [{"states": ["district", "province"], "text": "Opening {commune}, {district}, {province}."}]}
    _main_with_criteria(monkeypatch, {"schemes": [
        {"id": "of_g", "genre": "g", "when": ["some_unmet", "all_met"], "lines": ["- Met {met_claim}: {@met}."]}]},
        identity)
    for i in range(4):
        report = gen.build_report(3, i, gen.schedule(i), "main")
        texts = [b.text for b in report.blocks if isinstance(b, gen.Para)]
        commune = report.gold["commune"]
        assert f"HEAD G {commune.upper()}" in texts and f"Title G {commune}" in texts
        assert not any(t.startswith(("HEAD H", "Title H")) for t in texts)


def test_criteria_met_anew_beside_the_count_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    _main_with_scheme(monkeypatch, {"id": "kept_new", "when": ["some_unmet"],
                                    "lines": ["- Kept {kept_claim}, anew {new_claim}: {@new}; unmet: {@unmet}."]})
    report = gen.build_report(2, 1, gen.schedule(1), "main")
    gold, text = report.gold, gen.report_to_text(report)
    m = re.search(r"- Kept (\d+) tiêu chí, anew (\d+) tiêu chí: ", text)
    assert m is not None
    kept, anew = int(m.group(1)), int(m.group(2))
    # the two counts make the total, which is the claim; every criterion met anew is met
    assert 1 <= anew <= 3 and kept + anew == len(gold["criteria"]["met"]) == gold["criteria"]["met_count_claimed"]
    assert gen.self_check(text, gold) == []


def test_the_count_met_anew_alone_is_no_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    _main_with_scheme(monkeypatch, {"id": "new_only", "when": ["some_unmet"],
                                    "lines": ["- Anew this year {new_claim}: {@new}; unmet: {@unmet}."]})
    report = gen.build_report(2, 1, gen.schedule(1), "main")
    assert report.gold["criteria"]["met_count_claimed"] is None
    assert gen.self_check(gen.report_to_text(report), report.gold) == []
