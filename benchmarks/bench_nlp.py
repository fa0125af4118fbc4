"""What underthesea and spaCy would earn for identity and criteria, measured against our own readers.

    .venv/bin/pip install -e '.[nlp-bench]'
    .venv/bin/python -m benchmarks.bench_nlp [--real-dev DIR] [--repeat 3] [--fresh 80] [--no-probe]

On the real texts of shared/real-dev (gold beside each), the committed generated reports
(.docx and .pdf, gold beside them), the sample's text and `--fresh` reports generated from a
seed the committed ones do not use (main phrasing bank, .txt, in a temporary folder), in one run:
1. identity (commune, district, province), accuracy per level as shared/eval/score.py counts it
   (names compared case-folded, without "xã/huyện/tỉnh"; only levels the gold states):
   a. ours: `outline_to_identity` (letterhead structure, regexes, gazetteer);
   b. underthesea `ner` (its bundled CRF model) on the sentences (`sent_tokenize`) of the
      identity blocks, the first and last IDENTITY_BLOCKS blocks; a LOC entity's level is its
      first word, or the word before it, read with the level prefixes of patterns/identity.yaml;
      the most frequent name per level wins; b+ the same, the blank levels then settled by our
      gazetteer from the levels found (`gazetteer.settle`, as our reader does);
   c. ours, with b+ filling only the levels ours leaves blank;
   and the cost: our identity stage per document, NER per sentence and per document.
2. sentences: underthesea `sent_tokenize` and spaCy's rule-based `sentencizer` against our
   splitter (`text_to_sentences` as the criteria prose reader uses it): cost per document,
   how each cuts the criteria statements ours finds, and criteria accuracy end to end with the
   prose reader's sentence splitter swapped for each (a patch in this process only).
3. spaCy: `spacy.blank("vi")` (tokenizer = pyvi's word segmenter; no trained Vietnamese
   pipeline is installable from PyPI): load time, tokenization cost per document, and what
   its Doc carries; underthesea `word_tokenize` beside it.
4. an offline probe (in a subprocess with HOME in a temporary folder and every network
   connection refused): which underthesea functions run from what its wheel ships.
Every cost per document is the best of --repeat runs (least disturbed on a shared machine).
Nothing is downloaded: this process refuses network connections too. Results are printed
and written to benchmarks/results/nlp.json.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.metadata as metadata
import importlib.util
import json
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT
from extractor.extract.criteria.prose import _segments as our_segments

# what the criteria prose reader reads as sentences: our splitter without ';' as an end, the
# whitespace around each sentence dropped (bound here, before any swap below)
from extractor.outputs.evaluate import norm  # the scorer's name comparison

GENERATED = ROOT / "corpus" / "generated"
SAMPLE = ROOT / "corpus" / "luc-binh-2023.txt"
RESULTS = ROOT / "benchmarks" / "results"
LEVELS = ("commune", "district", "province")
IDENTITY_BLOCKS = 15  # where a report states who it is: letterhead and title, signature
CRITERIA_SET_SIZE = 19
_LETTER = re.compile(r"[^\W\d_]")
NEEDED = ("underthesea", "spacy", "pyvi")


def _default_real_dev() -> Path:
    """shared/real-dev beside the main checkout or beside the worktrees' folder."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "real-dev").is_dir():
            return base / "shared" / "real-dev"
    return ROOT.parent / "shared" / "real-dev"


def refuse_network() -> None:
    """Any attempt to reach the network (a model download) fails at once in this process."""
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("bench_nlp: network refused (nothing may be downloaded)")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


# --- corpus -------------------------------------------------------------------------------

@dataclass
class Doc:
    name: str
    group: str  # real-dev | generated | sample | fresh-seed-123
    path: Path
    gold: dict[str, Any]
    outline: Any = None
    record: Any = None


def collect(real_dev: Path, fresh: Path | None) -> list[Doc]:
    docs: list[Doc] = []
    groups = [("real-dev", sorted(real_dev.glob("*.txt"))),
              ("generated", sorted(p for p in GENERATED.iterdir() if p.suffix in (".docx", ".pdf"))),
              ("sample", [SAMPLE])]
    if fresh is not None:
        groups.append(("fresh-seed-123", sorted(fresh.glob("*.txt"))))
    for group, paths in groups:
        for path in paths:
            gold_path = path.parent / f"{path.name.split('.', 1)[0]}.gold.json"
            if gold_path.exists():
                docs.append(Doc(path.name, group, path, json.loads(gold_path.read_text(encoding="utf-8"))))
    return docs


# --- 1. identity ------------------------------------------------------------------------------

def identity_blocks(outline: Any) -> list[str]:
    n = len(outline.blocks)
    keep = sorted(set(range(min(IDENTITY_BLOCKS, n))) | set(range(max(0, n - IDENTITY_BLOCKS), n)))
    return [outline.blocks[i].text for i in keep if outline.blocks[i].text.strip()]


@dataclass(frozen=True)
class LevelWords:
    level_of: dict[str, str]  # "thị trấn" -> "commune"
    central: frozenset[str]
    central_prefix: str

    @classmethod
    def load(cls) -> LevelWords:
        from extractor.core.data import load_pattern

        data = load_pattern("identity")
        return cls({p: lvl for lvl, ps in data["levels"].items() for p in ps},
                   frozenset(c.casefold() for c in data["central_cities"]), data["central_city_prefix"])

    def split(self, words: list[str]) -> tuple[str | None, str]:
        """(level, name) of an entity's words: its first word (or two) a level prefix."""
        text = " ".join(words)
        low = text.casefold()
        for prefix in sorted(self.level_of, key=len, reverse=True):
            if low.startswith(prefix + " "):
                name = text[len(prefix) + 1:].strip()
                return self.level_for(prefix, name), name
        return None, text

    def level_for(self, prefix: str, name: str) -> str | None:
        if prefix == self.central_prefix and name.casefold() in self.central:
            return "province"
        return self.level_of.get(prefix)


def ner_entities(sentence: str, words: LevelWords) -> list[tuple[str | None, str]]:
    """(level or None, name) of each LOC entity underthesea's NER finds in one sentence."""
    from underthesea import ner

    tokens = ner(sentence)
    out: list[tuple[str | None, str]] = []
    k = 0
    while k < len(tokens):
        if tokens[k][3] != "B-LOC":
            k += 1
            continue
        start = k
        k += 1
        while k < len(tokens) and tokens[k][3] == "I-LOC":
            k += 1
        level, name = words.split([t[0] for t in tokens[start:k]])
        if level is None and start > 0:  # "xã" tagged O before the name
            before = tokens[start - 1][0].casefold()
            if before in words.level_of:
                level = words.level_for(before, name)
        if name:
            out.append((level, name))
    return out


def choose(entities: list[tuple[str | None, str]]) -> dict[str, str]:
    """Per level the name named most often (the first one on a tie)."""
    chosen: dict[str, str] = {}
    for level in LEVELS:
        names = [n for lv, n in entities if lv == level]
        if names:
            counts = Counter(norm(n) for n in names)
            best = max(counts.values())
            chosen[level] = next(n for n in names if counts[norm(n)] == best)
    return chosen


def with_gazetteer(found: dict[str, str], entities: list[tuple[str | None, str]]) -> dict[str, str]:
    """The levels NER left blank, settled by our gazetteer from the ones it found."""
    from extractor.extract.gazetteer import settle

    out = dict(found)
    if "district" in out and "province" in out:
        return out
    others = tuple(dict.fromkeys(n for lv, n in entities if n and norm(n) not in
                                 {norm(v) for v in out.values()}))
    settled = settle(out.get("commune"), out.get("district"), out.get("province"), others=others)
    for level, value in (("district", settled.district), ("province", settled.province)):
        if level not in out and value:
            out[level] = value
    return out


def run_identity(docs: list[Doc], repeat: int) -> dict[str, Any]:
    from underthesea import sent_tokenize

    from extractor.extract.identity import outline_to_identity
    from extractor.extract.period import outline_to_period

    words = LevelWords.load()
    # the model loads on the first call: timed apart, so per-sentence figures are steady state
    start = time.perf_counter()
    from underthesea import ner
    ner("Ủy ban nhân dân xã A")
    first_call_s = time.perf_counter() - start
    arms = ("ours", "ner", "ner_gazetteer", "ours_then_ner")
    per_group: dict[str, dict[str, dict[str, list[int]]]] = {}
    costs: dict[str, list[float]] = {"ours_ms": [], "ner_ms": [], "sent_tokenize_ms": []}
    sentences_total = 0
    whole_text_sentences = 0
    rows = []
    for d in docs:
        period = outline_to_period(d.outline)
        best = min(_timed(lambda o=d.outline, p=period: outline_to_identity(o, p)) for _ in range(repeat))
        costs["ours_ms"].append(best * 1000)
        ours = {lv: getattr(d.record.identity, lv) for lv in LEVELS}
        blocks = identity_blocks(d.outline)
        sentences = [s for text in blocks for s in sent_tokenize(text) if s.strip()]
        costs["sent_tokenize_ms"].append(1000 * min(
            _timed(lambda b=blocks: [sent_tokenize(t) for t in b]) for _ in range(repeat)))
        entities = [e for s in sentences for e in ner_entities(s, words)]
        costs["ner_ms"].append(1000 * min(
            _timed(lambda ss=sentences: [ner_entities(s, words) for s in ss]) for _ in range(repeat)))
        sentences_total += len(sentences)
        whole_text_sentences += sum(len(sent_tokenize(ob.text)) for ob in d.outline.blocks if ob.text.strip())
        by_ner = choose(entities)
        by_ner_gz = with_gazetteer(by_ner, entities)
        combined = {lv: ours.get(lv) or by_ner_gz.get(lv) for lv in LEVELS}
        preds = {"ours": ours, "ner": by_ner, "ner_gazetteer": by_ner_gz, "ours_then_ner": combined}
        stats = per_group.setdefault(d.group, {a: {lv: [0, 0, 0, 0] for lv in LEVELS} for a in arms})
        for arm, pred in preds.items():
            for lv in LEVELS:
                want, got = norm(d.gold.get(lv)), norm(pred.get(lv))
                cell = stats[arm][lv]
                if want:
                    cell[1] += 1
                    cell[0] += got == want
                    cell[2] += bool(got) and got != want  # a wrong name
                elif got:
                    cell[3] += 1  # a name where the gold has none (not scored by score.py)
        rows.append({"doc": d.name, "gold": {lv: d.gold.get(lv) for lv in LEVELS}, **preds,
                     "sentences": len(sentences)})
    docs_n = len(docs)
    return {
        "accuracy": per_group,  # group -> arm -> level -> [correct, gold-stated, wrong, unscored extra]
        "first_ner_call_s": first_call_s,
        "docs": docs_n,
        "identity_sentences": sentences_total,
        "whole_text_sentences": whole_text_sentences,
        "ours_ms_per_doc": sum(costs["ours_ms"]) / docs_n,
        "sent_tokenize_ms_per_doc": sum(costs["sent_tokenize_ms"]) / docs_n,
        "ner_ms_per_doc": sum(costs["ner_ms"]) / docs_n,
        "ner_ms_per_sentence": sum(costs["ner_ms"]) / max(1, sentences_total),
        "rows": rows,
    }


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


# --- 2. sentences -----------------------------------------------------------------------------

def to_spans(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Offsets of sentences a library returns as strings, found in order in the text."""
    spans, pos = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, pos)
        if at < 0:
            continue
        spans.append((at, at + len(piece)))
        pos = at + len(piece)
    return spans


def _uncached(split: Callable[[str], list[tuple[int, int]]]) -> Callable[[str], list[tuple[int, int]]]:
    """Our splitter with its per-text cache emptied first, so a repeat pays the full cost."""
    from extractor.structure.outline import text_to_sentences

    def run(text: str) -> list[tuple[int, int]]:
        text_to_sentences.cache_clear()
        return split(text)

    return run


def splitters() -> dict[str, Callable[[str], list[tuple[int, int]]]]:
    import spacy
    from underthesea import sent_tokenize

    nlp = spacy.blank("vi")  # pyvi's tokenizer: the sentencizer needs '.' as a token of its own
    nlp.add_pipe("sentencizer")

    def spacy_spans(text: str) -> list[tuple[int, int]]:
        return to_spans(text, [s.text for s in nlp(text).sents])

    return {"ours": our_segments,
            "underthesea": lambda text: to_spans(text, sent_tokenize(text)),
            "spacy_sentencizer": spacy_spans}


def statement_spans(text: str) -> list[tuple[int, int]]:
    """Our sentences that state criteria: a group of criterion references or a count."""
    from extractor.extract.criteria.counts import text_to_counts
    from extractor.extract.criteria.grammar import text_to_groups

    out = []
    for a, b in our_segments(text):
        piece = text[a:b]
        if text_to_groups(piece, CRITERIA_SET_SIZE) or text_to_counts(piece, CRITERIA_SET_SIZE):
            out.append((a, b))
    return out


# Statement forms written for this benchmark (none taken from a report): criterion numbers
# followed by "." and a name, lists over lines, a bracketed list. Where splitters disagree.
STATEMENTS = (
    "Đến nay xã đã đạt 17/19 tiêu chí. Các tiêu chí chưa đạt gồm: tiêu chí số 5. Trường học và "
    "tiêu chí số 13. Tổ chức sản xuất.",
    "Tiêu chí đã đạt: số 1. Quy hoạch; số 2. Giao thông; số 3. Thủy lợi. Tiêu chí chưa đạt: số 10. Thu nhập.",
    "Xã đạt 16 tiêu chí (TC 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 19), còn 3 tiêu chí chưa đạt "
    "là TC 10, TC 13 và TC 18.",
    "Các tiêu chí chưa đạt:\n- Tiêu chí số 10 về Thu nhập.\n- Tiêu chí số 17 về Môi trường.",
    "Kết quả: 15/19 tiêu chí đạt. Các tiêu chí còn lại (số 6, 10, 13, 17) chưa đạt.",
    "Tiêu chí chưa đạt là Tiêu chí 11. Nghèo đa chiều. Tiêu chí đạt là Tiêu chí 4. Điện.",
)


def run_statements(split: dict[str, Callable[[str], list[tuple[int, int]]]]) -> list[dict[str, Any]]:
    """Each written statement as a one-paragraph report, read with each splitter."""
    from extractor.core.model import Block, BlockKind, Document
    from extractor.extract.criteria.resolve import outline_to_criteria
    from extractor.structure.outline import document_to_outline

    rows = []
    for text in STATEMENTS:
        outline = document_to_outline(Document("mem.txt", "txt", "0", [Block(0, BlockKind.PARAGRAPH, text)]))
        row: dict[str, Any] = {"text": text}
        for name, fn in split.items():
            with prose_segments(fn):
                c = outline_to_criteria(outline)
            row[name] = {"sentences": [text[a:b] for a, b in fn(text)], "met": c.met, "unmet": c.unmet}
        rows.append(row)
    return rows


@contextlib.contextmanager
def prose_segments(split: Callable[[str], list[tuple[int, int]]]) -> Iterator[None]:
    """The criteria prose reader with its sentence splitter swapped (this process only)."""
    from extractor.extract.criteria import prose

    saved = prose._segments
    prose._segments = split  # type: ignore[assignment]
    try:
        yield
    finally:
        prose._segments = saved  # type: ignore[assignment]


def run_sentences(docs: list[Doc], repeat: int) -> dict[str, Any]:
    from extractor.extract.criteria.resolve import outline_to_criteria
    from extractor.extract.period import outline_to_period

    split = splitters()
    out: dict[str, Any] = {"ms_per_doc": {}, "sentences": {}, "blocks_split_alike": {}, "statements": {},
                           "criteria": {}, "criteria_changed": {}}
    texts = {d.name: [ob.text for ob in d.outline.blocks if ob.text.strip()] for d in docs}
    for name, fn in split.items():
        timed_fn = _uncached(fn) if name == "ours" else fn
        total = 0.0
        for d in docs:
            total += min(_timed(lambda t=texts[d.name], f=timed_fn: [f(x) for x in t]) for _ in range(repeat))
        out["ms_per_doc"][name] = total * 1000 / len(docs)
        out["sentences"][name] = sum(len(fn(x)) for ts in texts.values() for x in ts)
    blocks = sum(len(ts) for ts in texts.values())
    out["blocks"] = blocks
    for name, fn in split.items():
        out["blocks_split_alike"][name] = sum(fn(x) == our_segments(x) for ts in texts.values() for x in ts)
        kinds: Counter[str] = Counter()
        for ts in texts.values():
            for x in ts:
                theirs = fn(x)
                for a, b in statement_spans(x):
                    cuts = {s for s, _ in theirs if a < s < b} | {e for _, e in theirs if a < e < b}
                    wider = any(s <= a and b <= e and (s, e) != (a, b) and x[s:a].strip() + x[b:e].strip()
                                for s, e in theirs)
                    if any(_LETTER.search(x[a:c]) for c in cuts):
                        kinds["cut"] += 1  # a boundary after words of the statement
                    elif cuts:
                        kinds["enumerator_cut"] += 1  # only its "1." or "-" split off
                    elif wider:
                        kinds["merged"] += 1
                    else:
                        kinds["same"] += 1
        out["statements"][name] = {k: kinds[k] for k in ("same", "enumerator_cut", "cut", "merged")}
    out["written_statements"] = run_statements(split)
    gold_docs = [d for d in docs if (d.gold.get("criteria") or {}).get("met") is not None]
    baseline: dict[str, tuple[object, ...]] = {}
    gold_names = {d.name for d in gold_docs}
    for name, fn in split.items():
        ok = changed = 0
        with prose_segments(fn):
            for d in docs:
                c = outline_to_criteria(d.outline, outline_to_period(d.outline))
                if d.name in gold_names:
                    want = (sorted(d.gold["criteria"]["met"]), sorted(d.gold["criteria"].get("unmet") or []))
                    ok += (sorted(c.met), sorted(c.unmet)) == want
                # everything the reader concluded, evidence included, to see any change at all
                whole = (c.met, c.unmet, c.basically_met, c.met_count_claimed, c.unmet_count_claimed,
                         sorted((e.number, e.status, e.text) for e in c.evidence),
                         sorted((x.kind, tuple(x.numbers)) for x in c.conflicts))
                if name == "ours":
                    baseline[d.name] = whole
                else:
                    changed += whole != baseline[d.name]
        out["criteria"][name] = [ok, len(gold_docs)]
        out["criteria_changed"][name] = changed
    return out


# --- 3. spaCy and word segmentation -------------------------------------------------------------

def run_tokenizers(docs: list[Doc]) -> dict[str, Any]:
    import spacy

    nlp = spacy.blank("vi")  # pyvi's word segmenter
    from underthesea import word_tokenize

    start = time.perf_counter()
    word_tokenize("Ủy ban nhân dân xã")
    ws_first_s = time.perf_counter() - start
    texts = [[ob.text for ob in d.outline.blocks if ob.text.strip()] for d in docs]
    id_texts = [identity_blocks(d.outline) for d in docs]
    chars = sum(len(x) for ts in texts for x in ts)

    def per_doc(run: Callable[[list[str]], object], corpus: list[list[str]]) -> float:
        return sum(_timed(lambda ts=ts: run(ts)) for ts in corpus) * 1000 / len(corpus)

    spacy_all = per_doc(lambda ts: list(nlp.pipe(ts)), texts)
    spacy_id = per_doc(lambda ts: list(nlp.pipe(ts)), id_texts)
    ut_all = per_doc(lambda ts: [word_tokenize(x) for x in ts], texts)
    sample = nlp("Ủy ban nhân dân xã Lục Bình báo cáo: xã đạt 15/19 tiêu chí.")
    return {
        "spacy_version": spacy.__version__,
        "pipe_names": list(nlp.pipe_names),
        "tokenizer": type(nlp.tokenizer).__module__ + "." + type(nlp.tokenizer).__name__,
        "example_tokens": [t.text for t in sample],
        "example_ents": [e.text for e in sample.ents],
        "has_sentences": sample.has_annotation("SENT_START"),
        "has_pos": sample.has_annotation("TAG") or sample.has_annotation("POS"),
        "spacy_ms_per_doc_whole": spacy_all,
        "spacy_ms_per_doc_identity_blocks": spacy_id,
        "underthesea_word_tokenize_first_call_s": ws_first_s,
        "underthesea_word_tokenize_ms_per_doc_whole": ut_all,
        "chars_per_doc": chars / len(docs),
    }


def _vi_pipeline_on_pypi() -> str:
    """Whether a trained Vietnamese spaCy pipeline can be had: importable here, or listed by the
    package index pip is configured with (`pip download`, no dependencies, into a temp folder)."""
    if importlib.util.find_spec("vi_core_news_lg") is not None:
        return "vi_core_news_lg installed"
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                               "vi_core_news_lg"], capture_output=True, text=True, timeout=120)
    lines = [x for x in proc.stderr.splitlines() if x.startswith("ERROR")]
    return "downloadable" if proc.returncode == 0 else (lines[-1] if lines else f"pip exit {proc.returncode}")


# --- 4. offline probe ----------------------------------------------------------------------------

PROBE_TEXT = "Ủy ban nhân dân xã Tân Hòa, huyện Phú Lương, tỉnh Thái Nguyên báo cáo kết quả."
PROBES = ("sent_tokenize", "text_normalize", "word_tokenize", "pos_tag", "chunk", "ner", "ner_deep",
          "classify", "sentiment", "lang_detect", "dependency_parse", "convert_address")


def probe() -> dict[str, str]:
    """Each underthesea function once, network refused: 'ok' or the error it raised."""
    refuse_network()
    import underthesea as u

    calls: dict[str, Callable[[], object]] = {
        "sent_tokenize": lambda: u.sent_tokenize(PROBE_TEXT),
        "text_normalize": lambda: u.text_normalize(PROBE_TEXT),
        "word_tokenize": lambda: u.word_tokenize(PROBE_TEXT),
        "pos_tag": lambda: u.pos_tag(PROBE_TEXT),
        "chunk": lambda: u.chunk(PROBE_TEXT),
        "ner": lambda: u.ner(PROBE_TEXT),
        "ner_deep": lambda: u.ner(PROBE_TEXT, deep=True),
        "classify": lambda: u.classify(PROBE_TEXT),
        "sentiment": lambda: u.sentiment(PROBE_TEXT),
        "lang_detect": lambda: u.lang_detect(PROBE_TEXT),
        "dependency_parse": lambda: u.dependency_parse(PROBE_TEXT),
        "convert_address": lambda: u.convert_address("xã Tân Hòa, huyện Phú Lương, tỉnh Thái Nguyên"),
    }
    out = {}
    for name in PROBES:
        try:
            calls[name]()
            out[name] = "ok"
        except Exception as e:  # noqa: BLE001 - every failure is the finding
            out[name] = f"{type(e).__name__}: {str(e).splitlines()[0][:160] if str(e) else ''}"
    return out


def generate_fresh(count: int, out: Path) -> Path:
    """Reports of a seed the committed corpus does not use (main phrasing bank, .txt)."""
    subprocess.run([sys.executable, "-m", "corpus.generate", "--count", str(count), "--seed", "123",
                    "--out", str(out), "--formats", "txt"], cwd=ROOT, check=True, capture_output=True)
    return out


def fresh_seconds(setup: str, timed: str) -> float:
    """`timed` after `setup` in a fresh interpreter: what a process pays before its first call."""
    code = f"{setup}\nimport time\nt = time.perf_counter()\n{timed}\nprint(time.perf_counter() - t)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(proc.stdout.strip().splitlines()[-1])


def run_probe() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "HF_HUB_OFFLINE": "1"}
        proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_nlp", "--probe-only"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=600)
        left = sorted(str(p.relative_to(home)) for p in Path(home).rglob("*"))
    result: dict[str, str] = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.returncode == 0 else {
        "probe": f"exit {proc.returncode}: {proc.stderr[-300:]}"}
    result["files left in HOME"] = ", ".join(left) or "none"
    return result


# --- footprint ----------------------------------------------------------------------------------

def closure(names: list[str]) -> set[str]:
    """Distributions a set of packages pulls in (extras not followed)."""
    seen: set[str] = set()
    todo = [n.lower().replace("_", "-") for n in names]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        for req in dist.requires or []:
            if "extra ==" in req:
                continue
            m = re.match(r"[A-Za-z0-9._-]+", req)
            if m:
                todo.append(m.group(0).lower().replace("_", "-"))
    return seen


def size_mb(names: set[str]) -> float:
    total = 0
    for name in names:
        for f in metadata.distribution(name).files or []:
            with contextlib.suppress(OSError):
                total += f.locate().stat().st_size  # type: ignore[union-attr]
    return total / 2**20


def footprint() -> dict[str, Any]:
    ours = closure(["ntm-extractor", "vietnamadminunits"])
    out = {}
    for label, names in (("underthesea", ["underthesea"]), ("spacy+pyvi", ["spacy", "pyvi"])):
        extra = closure(names) - ours
        out[label] = {"distributions": len(extra), "mb": round(size_mb(extra), 1)}
    return out


# --- report -------------------------------------------------------------------------------------

def report(r: dict[str, Any]) -> str:
    idn = r["identity"]
    lines = [f"1. Identity: {idn['docs']} documents; cells: correct/gold-stated, wrong names, "
             "[names where the gold has none]"]
    arms = ("ours", "ner", "ner_gazetteer", "ours_then_ner")
    for group, stats in idn["accuracy"].items():
        lines.append(f"  {group}")
        for arm in arms:
            cells = "  ".join(f"{lv} {c[0]}/{c[1]} w{c[2]} [{c[3]}]"
                              for lv, c in ((lv, stats[arm][lv]) for lv in LEVELS))
            lines.append(f"    {arm:<14} {cells}")
    lines.append(f"  cost: ours {idn['ours_ms_per_doc']:.2f} ms/doc; NER {idn['ner_ms_per_sentence']:.2f} ms/sentence, "
                 f"{idn['ner_ms_per_doc']:.1f} ms/doc on {idn['identity_sentences'] / idn['docs']:.1f} identity "
                 f"sentences/doc (+ sent_tokenize {idn['sent_tokenize_ms_per_doc']:.2f} ms/doc); whole text would be "
                 f"{idn['whole_text_sentences'] / idn['docs']:.0f} sentences/doc; first ner call "
                 f"{idn['first_ner_call_s']:.2f} s")
    sen = r["sentences"]
    lines.append(f"2. Sentences over {sen['blocks']} non-empty blocks")
    for name in sen["ms_per_doc"]:
        st = sen["statements"][name]
        lines.append(f"  {name:<18} {sen['ms_per_doc'][name]:.2f} ms/doc, {sen['sentences'][name]} sentences, "
                     f"blocks split as ours {sen['blocks_split_alike'][name]}; criteria statements {st}; "
                     f"criteria {sen['criteria'][name][0]}/"
                     f"{sen['criteria'][name][1]} (documents whose criteria reading changed: "
                     f"{sen['criteria_changed'][name]} of {r['identity']['docs']})")
    for row in sen["written_statements"]:
        lines.append(f"  written: {row['text'][:70]!r}...")
        for name in sen["ms_per_doc"]:
            w = row[name]
            lines.append(f"    {name:<18} met {w['met']} unmet {w['unmet']}  sentences {w['sentences']}")
    tok = r["tokenizers"]
    lines.append(f"3. spaCy {tok['spacy_version']}: pipes {tok['pipe_names']}, ents {tok['example_ents']}, "
                 f"sentences {tok['has_sentences']}, POS {tok['has_pos']}; tokenizing per doc: whole text "
                 f"{tok['spacy_ms_per_doc_whole']:.1f} ms, "
                 f"identity blocks {tok['spacy_ms_per_doc_identity_blocks']:.1f} ms;"
                 f" underthesea word_tokenize whole text {tok['underthesea_word_tokenize_ms_per_doc_whole']:.1f} ms "
                 f"({tok['chars_per_doc']:.0f} chars/doc); vi pipeline on PyPI: {tok['vi_pipeline_on_pypi']}")
    lines.append(f"   example tokens: {tok['example_tokens']}")
    if "probe" in r:
        lines.append("4. Offline probe (network refused): " + "; ".join(f"{k}: {v}" for k, v in r["probe"].items()))
    lines.append(f"Our whole extraction after reading (document_to_record): {r['extract_ms_per_doc']:.1f} ms/doc")
    lines.append(f"Load in a fresh process, s: {r['load_s']}")
    lines.append(f"Footprint beyond the project's dependencies: {r['footprint']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--real-dev", type=Path, default=_default_real_dev())
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-probe", action="store_true")
    ap.add_argument("--fresh", type=int, default=80, help="reports generated from seed 123 (0: none)")
    ap.add_argument("--probe-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.probe_only:
        print(json.dumps(probe(), ensure_ascii=False))
        return 0
    missing = [n for n in NEEDED if importlib.util.find_spec(n) is None]
    if missing:
        print(f"bench_nlp: skipped, {', '.join(missing)} not installed "
              "(.venv/bin/pip install -e '.[nlp-bench]')")
        return 0
    results: dict[str, Any] = {"machine": f"{platform.machine()}, Python {platform.python_version()}",
                               "repeat": args.repeat}
    if not args.no_probe:
        results["probe"] = run_probe()
    results["footprint"] = footprint()
    vi_check = _vi_pipeline_on_pypi()  # asks the index once, before network is refused
    results["load_s"] = {
        **{f"import {m}": fresh_seconds("", f"import {m}") for m in ("underthesea", "spacy", "extractor.pipeline")},
        "first ner() after import": fresh_seconds("from underthesea import ner", "ner('Ủy ban nhân dân xã A')"),
        "spacy.blank('vi') after import": fresh_seconds("import spacy", "spacy.blank('vi')"),
    }
    refuse_network()
    from extractor.pipeline import document_to_record
    from extractor.readers import read_document
    from extractor.structure.outline import document_to_outline

    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate_fresh(args.fresh, Path(tmp)) if args.fresh else None
        docs = collect(args.real_dev, fresh)
        extract_s = 0.0
        for d in docs:
            doc = read_document(d.path)
            d.outline = document_to_outline(doc)
            d.record = document_to_record(doc)
            # the whole of extraction after reading, to set the NER cost against
            extract_s += min(_timed(lambda x=doc: document_to_record(x)) for _ in range(args.repeat))
    results["extract_ms_per_doc"] = extract_s * 1000 / len(docs)
    results["identity"] = run_identity(docs, args.repeat)
    results["sentences"] = run_sentences(docs, args.repeat)
    results["tokenizers"] = run_tokenizers(docs)
    results["tokenizers"]["vi_pipeline_on_pypi"] = vi_check
    print(report(results))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "nlp.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
