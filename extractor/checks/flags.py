"""Flags and their messages: the one builder every check makes its `Flag`s with, the severity
read from patterns/checks.yaml and the message from extractor/core/locale/checks.yaml."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from extractor.checks.data import config
from extractor.core import i18n
from extractor.core.i18n import format_number
from extractor.core.model import Evidence, Figure, Flag, Severity
from extractor.core.regexes import compiled
from extractor.extract.indicators import indicator_by_key
from extractor.structure.outline import Outline

# where a flag's severity stands in patterns/checks.yaml: ("sum", "short_severity")
SeverityPath = tuple[str, ...]


def severity_at(path: SeverityPath) -> Severity:
    """The severity patterns/checks.yaml gives at `path`; a value that is no severity is a
    mistake in the data, said at once rather than written into every flag."""
    node: Any = config()
    for key in path:
        node = node[key]
    if node not in set(Severity):
        raise ValueError(f"patterns/checks.yaml {'.'.join(path)}: {node!r} is not one of "
                         f"{', '.join(Severity)}")
    return Severity(node)


_EMPTY = "\x00"
_SPACE_AND_EMPTY = compiled(" ?\x00")


def _render(key: str, lang: str, values: dict[str, Any]) -> str:
    out = {k: format_number(v, lang) if isinstance(v, (int, float)) and not isinstance(v, bool)
           else (v(lang) if callable(v) else v) for k, v in values.items()}
    # an empty value (a count has no unit word) takes the space before it along: "23, lớn hơn"
    text = i18n.t("checks", key, lang=lang, **{k: v if v != "" else _EMPTY for k, v in out.items()})
    return _SPACE_AND_EMPTY.sub("", text)


def make_flag(rule: str, severity: SeverityPath, key: str, evidence: list[Evidence], **values: Any) -> Flag:
    """A flag of `rule` with the severity at `severity` in patterns/checks.yaml, its message
    (locale key `key`) in the user's language and `message_en` in English. A value may be a
    number (written per language) or a callable `lang -> str`."""
    return Flag(rule=rule, severity=severity_at(severity), message=_render(key, i18n.language(), values),
                evidence=evidence, message_en=_render(key, "en", values))


def unit_name(unit: str) -> Callable[[str], str]:
    return lambda lang: i18n.t("checks", f"unit_{unit}", lang=lang)


def indicator_name(key: str) -> Callable[[str], str]:
    """An indicator's name in the message's language (patterns/indicators.yaml), else its key."""
    ind = indicator_by_key().get(key)
    if ind is None:
        return lambda lang: key
    names = {"vi": ind.name_vi, "en": ind.name_en}
    return lambda lang: names.get(lang) or key


def number_list(values: Iterable[float], sep: str = " + ") -> Callable[[str], str]:
    vals = list(values)
    return lambda lang: sep.join(format_number(v, lang) for v in vals)


def place_name(outline: Outline, pos: int) -> Callable[[str], str]:
    """Where a block stands, for messages: its programme component, else its page, else its
    paragraph number."""
    ob = outline.blocks[pos]
    if ob.component is not None:
        return lambda lang: i18n.t("checks", "place_component", lang=lang, n=ob.component)
    if ob.block.page is not None:
        return lambda lang: i18n.t("checks", "place_page", lang=lang, n=ob.block.page)
    # blocks count from 0 in locations; people count paragraphs from 1
    return lambda lang: i18n.t("checks", "place_block", lang=lang, n=ob.block.index + 1)


def stated(f: Figure) -> str:
    """A figure as the report states it, with its qualifier ("trên 3.600 ngày công")."""
    q = f.qualifier or ""
    return f"{q} {f.text}" if q and not f.text.casefold().startswith(q.casefold()) else f.text


def figure_evidence(f: Figure) -> Evidence:
    return Evidence(text=f.text, location=f.location)
