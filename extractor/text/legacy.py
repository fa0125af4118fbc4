"""Pre-Unicode Vietnamese: text typed in the TCVN3 (ABC) or VNI fonts, read back as Unicode.

A report typed in .VnTime reaches us as Latin-1 code points ("Kh«ng ®¹t" for "Không đạt"),
whether from a .txt file or a .docx run in that font. `text_is_tcvn3` recognises such text by
characters Unicode Vietnamese never uses; `tcvn3_to_unicode` maps it one character for one,
so offsets into the converted text are offsets into what the file holds. VNI (VNI-Times)
writes most toned letters as a vowel and a mark character ("Vieät" for "Việt"): `text_is_vni`
and `vni_to_unicode` do the same for it, with the table in patterns/vni.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractor.core.data import load_pattern
from extractor.core.regexes import compiled

# Letters that exist only in Unicode Vietnamese (Ă, Đ, Ơ, Ư and the precomposed tone block).
_UNICODE_VIETNAMESE = compiled(r"[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    data = load_pattern("legacy_encodings")["tcvn3"]
    return {ord(pair[0]): pair[1] for pairs in data.values() for pair in pairs}


@lru_cache(maxsize=1)
def _markers() -> tuple[frozenset[str], re.Pattern[str], float, int]:
    """(the marker characters, a regex of any of them, the share and count that decide)."""
    data = load_pattern("legacy_encodings")
    markers = frozenset(data["tcvn3_markers"])
    any_marker = compiled("[" + "".join(map(re.escape, sorted(markers))) + "]")
    return markers, any_marker, float(data["tcvn3_min_marker_share"]), int(data["tcvn3_min_markers"])


def text_is_tcvn3(text: str) -> bool:
    """Markers inside words ("Kh«ng"), not symbols standing alone ("© 2023"), decide."""
    markers, any_marker, share, minimum = _markers()
    if any_marker.search(text) is None:
        # the usual case, decided by one scan in the regex engine before any per-character
        # work (a set's `isdisjoint` hashes every character: four times slower)
        return False
    n = len(text)
    found = sum(1 for i, ch in enumerate(text) if ch in markers
                and ((i > 0 and text[i - 1].isalpha()) or (i + 1 < n and text[i + 1].isalpha())))
    if found < minimum:
        return False
    letters = sum(1 for ch in text if ch.isalpha()) or 1
    unicode_only = len(_UNICODE_VIETNAMESE.findall(text))
    return found / letters >= share and unicode_only * 10 < found


def tcvn3_to_unicode(text: str) -> str:
    return text.translate(_table())


@lru_cache(maxsize=1)
def _vni() -> tuple[dict[str, str], re.Pattern[str], float, int]:
    """(VNI spelling -> letter, the two-character spellings, the share and count that decide).
    The two-character spellings are a letter and a mark: one character class of marks per
    letter, which compiles far faster than an alternation of every spelling and matches the
    same (each spelling is two characters, so at most one can start at a position)."""
    data = load_pattern("vni")
    table = {vni: letter for pairs in data["vni"].values() for letter, vni in pairs}
    marks: dict[str, list[str]] = {}
    for spelling in table:
        if len(spelling) == 2:
            marks.setdefault(spelling[0], []).append(spelling[1])
    marked = compiled("|".join(re.escape(first) + "[" + "".join(map(re.escape, seconds)) + "]"
                                 for first, seconds in marks.items()))
    return table, marked, float(data["vni_min_share"]), int(data["vni_min_marks"])


@lru_cache(maxsize=1)
def _vni_any_spelling() -> re.Pattern[str]:
    """Any VNI spelling, longest first (compiled only when a text is converted)."""
    return compiled("|".join(map(re.escape, sorted(_vni()[0], key=len, reverse=True))))


def text_is_vni(text: str) -> bool:
    """Vowels followed by VNI's mark characters ("Vieät", "ñaït") make up a share of the
    letters, in several different spellings (one accented word of French repeated is not
    VNI), and (almost) no letter only Unicode Vietnamese has is present."""
    _, marked, share, minimum = _vni()
    found = marked.findall(text)
    if len(found) < minimum or len(set(found)) < minimum:
        return False
    letters = sum(1 for ch in text if ch.isalpha()) or 1
    return len(found) / letters >= share and len(_UNICODE_VIETNAMESE.findall(text)) * 10 < len(found)


def vni_to_unicode(text: str) -> str:
    """VNI text as Unicode, longest spelling first. A letter spelled with a separate mark
    becomes one character, so the text gets shorter: offsets are into the converted text."""
    table = _vni()[0]
    return _vni_any_spelling().sub(lambda m: table[m.group(0)], text)
