"""Render the sample report as .docx and .pdf, and build the garbled-font PDF test fixture.

How to regenerate (from the repository root; needs LibreOffice `soffice` on PATH and the
Debian packages fonts-liberation2 and fonts-dejavu-core, which LibreOffice pulls in):

    .venv/bin/python -m corpus.render_sample             # corpus/luc-binh-2023.{docx,pdf}
    .venv/bin/python -m corpus.render_sample --garbled   # tests/fixtures/garbled-font.*
    .venv/bin/python -m corpus.render_sample --all       # both

`make corpus` runs the first. The outputs are committed, so tests never need a converter.

The sample (`corpus/luc-binh-2023.txt`, UTF-8, every non-empty line a paragraph) becomes a
.docx with python-docx: numbered section lines become Word heading styles (the rules come
from patterns/sections.yaml, the same data the extractor's outline uses), all-caps lines
become the title (first one) or Heading 1, '- '/'+ ' lines stay paragraphs with their marker
text, '**bold**' becomes bold runs without the asterisks, and a run of two or more
consecutive "- **Label:** rest" lines (the criteria summary) becomes a table with one row per
line: column 1 "- Label:", column 2 the rest. The words therefore agree with the .txt in the
same order, except the .txt still carries the literal '*' markers. The body font is Times New
Roman, which LibreOffice renders with its metric-compatible substitute Liberation Serif.
The .pdf is LibreOffice's export of that .docx (headless, throwaway profile).

Determinism: the .docx has fixed core properties and zip timestamps, so it is byte-identical
across runs. In the .pdf the creation date and the document /ID are overwritten in place
with fixed values of the same length; the rest depends on the LibreOffice version (7.4 here).

The garbled-font fixture reproduces a real failure: a Word report whose font lacks the
Vietnamese letters, exported by LibreOffice, which draws each missing glyph from a fallback
font (DejaVu Sans here) as a separate text run after the run of the main font. pypdfium2
returns the characters in content-stream order, so words come apart ("K t qu th c hi n ...
ế ả ự ệ"), while pdfplumber orders characters by position and reads the words right. Steps
(`build_garbled_fixture`): subset Liberation Serif with fontTools to Latin-1 plus a few
punctuation marks (so 'á', 'â', 'ê', 'ô' exist but 'ế', 'ả', 'ư', 'đ' do not), rename it
"NTM Latin1 Serif", make it visible to LibreOffice through a private fontconfig file
(FONTCONFIG_FILE), write page 1 of the .docx in that font and page 2 in Liberation Serif
(a clean page, so a reader can be tested to re-read only the failing page), export, and
check that pypdfium2 garbles page 1 and pdfplumber does not. Needs `pip install fonttools`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from extractor.core.data import load_pattern

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TXT = ROOT / "corpus" / "luc-binh-2023.txt"
FIXTURES = ROOT / "tests" / "fixtures"

BODY_FONT = "Times New Roman"  # the norm for Vietnamese admin documents (Decree 30/2020)
BODY_SIZE = Pt(13)
FIXED_TIME = dt.datetime(2023, 8, 15, 8, 0, 0, tzinfo=dt.timezone.utc)
ZIP_TIME = (2023, 8, 15, 8, 0, 0)

# patterns/sections.yaml rule name -> Word heading level. The bullet-topic rules of that file
# ("- Về giao thông:") stay paragraphs: in Word they are ordinary dashed lines.
HEADING_RULES = {"part": 1, "roman": 2, "arabic": 3, "parenthesised": 4, "lettered": 5}

# Latin-1 plus common typographic punctuation: what the garbled fixture's font keeps.
LATIN1_CODEPOINTS = [*range(0x20, 0x7F), *range(0xA0, 0x100),
                     0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026]
GARBLED_FAMILY = "NTM Latin1 Serif"
CLEAN_FAMILY = "Liberation Serif"

# Text of the garbled fixture: report sentences with figures, one paragraph per item.
GARBLED_PAGES: tuple[tuple[str, ...], ...] = (
    (
        "Kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021-2023",
        "Đường trục thôn, đường liên thôn ít nhất được cứng hóa, đảm bảo ô tô đi lại thuận tiện "
        "quanh năm 12,1/12,6 km đạt 96%.",
        "Đường ngõ, xóm sạch và không lầy lội vào mùa mưa đạt 8,5 km/15 km.",
        "Tổng số km đường trục thôn, liên thôn được cứng hoá: 2,226km; Tổng kinh phí thực hiện: "
        "1.326,6 triệu đồng.",
        "Tỷ lệ hộ sử dụng điện thường xuyên, an toàn từ các nguồn 676/676 hộ đạt 100%.",
    ),
    (
        "Phương hướng, nhiệm vụ giai đoạn 2023-2025",
        "Duy trì 14 tiêu chí đã đạt và phấn đấu hoàn thành 5 tiêu chí còn lại; phấn đấu đạt "
        "4 thôn nông thôn mới.",
    ),
)


class LineKind(str, Enum):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE_ROW = "table_row"


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool


@dataclass(frozen=True)
class Line:
    runs: tuple[Run, ...]
    kind: LineKind
    level: int | None = None  # Word heading level for HEADING

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


# --- .txt -> lines -----------------------------------------------------------------------

def text_to_runs(lines: list[str]) -> list[tuple[Run, ...]]:
    """Split each line at '**' markers into bold and plain runs. Bold state carries over a
    line break, as in the signature block ("**TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH**")."""
    bold = False
    out: list[tuple[Run, ...]] = []
    for line in lines:
        runs: list[Run] = []
        for i, part in enumerate(line.split("**")):
            if i:
                bold = not bold
            if part:
                runs.append(Run(part, bold))
        out.append(tuple(runs))
    return out


def _heading_level(text: str) -> int | None:
    for rule in load_pattern("sections")["headings"]:
        level = HEADING_RULES.get(rule["name"])
        if (level is not None and len(text) <= rule.get("max_chars", 400)
                and re.match(rule["regex"], text)):
            return level
    return None


def _is_caps_line(runs: tuple[Run, ...]) -> bool:
    """An all-caps line that is not emphasis or a bullet: a title or a part title."""
    text = "".join(r.text for r in runs)
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 2 and text == text.upper() and not any(r.bold for r in runs)
            and not text.startswith(("-", "+")))


def _is_labelled_item(runs: tuple[Run, ...]) -> bool:
    """'- **Label:** rest': a dash, a bold label ending in a colon, then plain text."""
    return (len(runs) >= 3 and runs[0].text == "- " and not runs[0].bold
            and runs[1].bold and runs[1].text.endswith(":") and not runs[2].bold)


def txt_to_lines(text: str) -> list[Line]:
    """The report's non-empty lines, each classified as title, heading, table row or paragraph."""
    raw = [unicodedata.normalize("NFC", ln.strip()) for ln in text.splitlines() if ln.strip()]
    runs_per_line = text_to_runs(raw)
    lines: list[Line] = []
    seen_title = False
    for i, runs in enumerate(runs_per_line):
        plain = "".join(r.text for r in runs)
        level = _heading_level(plain)
        neighbours = runs_per_line[max(i - 1, 0):i] + runs_per_line[i + 1:i + 2]
        if level is not None:
            lines.append(Line(runs, LineKind.HEADING, level))
        elif _is_labelled_item(runs) and any(_is_labelled_item(n) for n in neighbours):
            lines.append(Line(runs, LineKind.TABLE_ROW))
        elif _is_caps_line(runs):
            lines.append(Line(runs, LineKind.HEADING if seen_title else LineKind.TITLE,
                              1 if seen_title else None))
            seen_title = True
        else:
            lines.append(Line(runs, LineKind.PARAGRAPH))
    return lines


# --- lines -> .docx ----------------------------------------------------------------------

def _set_style_font(style, family: str, size: Pt, bold: bool | None = None) -> None:
    """Pin a style to one font for every script (drop the template's theme fonts)."""
    style.font.name = family
    style.font.size = size
    style.font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        style.font.bold = bold
    style.font.italic = False
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), family)
    color = style.element.rPr.find(qn("w:color"))
    if color is not None:
        for attr in ("w:themeColor", "w:themeShade"):
            color.attrib.pop(qn(attr), None)


def new_document(family: str) -> DocxDocument:
    """An A4 document in the house style of Vietnamese administrative reports."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)

    normal = doc.styles["Normal"]
    _set_style_font(normal, family, BODY_SIZE)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    # Vietnamese as the proofing language, so Word does not flag every word
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)  # w:lang comes last in w:rPr

    for level in range(1, 6):
        style = doc.styles[f"Heading {level}"]
        _set_style_font(style, family, BODY_SIZE, bold=True)
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.space_after = Pt(6)
    title = doc.styles["Title"]
    _set_style_font(title, family, Pt(14), bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # the template's Title has a bottom border; an admin report title has none
    ppr = title.element.pPr
    if ppr is not None and ppr.find(qn("w:pBdr")) is not None:
        ppr.remove(ppr.find(qn("w:pBdr")))
    return doc


def _add_runs(paragraph: Paragraph, runs: tuple[Run, ...]) -> None:
    for run in runs:
        paragraph.add_run(run.text).bold = run.bold or None


def _add_table(doc: DocxDocument, rows: list[Line]) -> None:
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Cm(5.5), Cm(10.5))
    for row, line in zip(table.rows, rows):
        label, rest = line.runs[:2], line.runs[2:]
        # the rest starts with the space after the colon: the cell boundary replaces it
        rest = (Run(rest[0].text.lstrip(), rest[0].bold),) + rest[1:]
        for cell, runs, width in zip(row.cells, (label, rest), widths):
            cell.width = width
            _add_runs(cell.paragraphs[0], runs)


def lines_to_docx(lines: list[Line], family: str = BODY_FONT) -> DocxDocument:
    doc = new_document(family)
    pending_rows: list[Line] = []
    for line in lines:
        if line.kind is LineKind.TABLE_ROW:
            pending_rows.append(line)
            continue
        if pending_rows:
            _add_table(doc, pending_rows)
            pending_rows = []
        if line.kind is LineKind.TITLE:
            _add_runs(doc.add_paragraph(style="Title"), line.runs)
        elif line.kind is LineKind.HEADING:
            _add_runs(doc.add_paragraph(style=f"Heading {line.level}"), line.runs)
        else:
            p = doc.add_paragraph()
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
            _add_runs(p, line.runs)
    if pending_rows:
        _add_table(doc, pending_rows)
    return doc


def set_fixed_properties(doc: DocxDocument, title: str) -> None:
    props = doc.core_properties
    props.author = props.last_modified_by = "ntm-extractor corpus/render_sample.py"
    props.title = title
    props.subject = props.keywords = props.comments = props.category = ""
    props.language = "vi-VN"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1


def save_deterministic(doc: DocxDocument, path: Path) -> None:
    """Save, then rewrite the zip with fixed entry timestamps (python-docx stamps 'now')."""
    tmp = path.with_suffix(".tmp.docx")
    doc.save(str(tmp))
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            out = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = 0o644 << 16
            dst.writestr(out, src.read(info.filename))
    tmp.unlink()


# --- .docx -> .pdf -----------------------------------------------------------------------

def docx_to_pdf(docx_path: Path, pdf_path: Path, env: dict[str, str] | None = None) -> Path:
    """Export with LibreOffice headless. A throwaway profile lets it run as root and beside
    another soffice; the export goes to a temporary folder, then replaces `pdf_path`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) not found on PATH: apt-get install libreoffice-writer")
    with tempfile.TemporaryDirectory(prefix="ntm-soffice-") as tmp:
        profile, outdir = Path(tmp) / "profile", Path(tmp) / "out"
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                              env={**os.environ, **(env or {})})
        produced = outdir / (docx_path.stem + ".pdf")
        if done.returncode != 0 or not produced.exists():
            raise SystemExit(f"soffice failed on {docx_path}: {done.stderr.strip() or done.stdout.strip()}")
        fix_pdf_metadata(produced)
        shutil.move(str(produced), pdf_path)
    return pdf_path


def fix_pdf_metadata(path: Path) -> None:
    """Overwrite the creation date, the /ID and LibreOffice's /DocChecksum with fixed values
    of the same byte length, so every xref offset stays valid and regenerating does not churn
    the file."""
    data = path.read_bytes()
    stamp = FIXED_TIME.strftime("%Y%m%d%H%M%S").encode()

    def date(m: re.Match[bytes]) -> bytes:
        return m.group(1) + stamp + b"0" * (len(m.group(2)) - len(stamp)) + m.group(3)

    def ident(m: re.Match[bytes]) -> bytes:
        return b"<" + b"0" * len(m.group(1)) + b">"

    data = re.sub(rb"(/CreationDate\s*\(D:)(\d{14,})([^)]*\))", date, data)
    data = re.sub(rb"(/ModDate\s*\(D:)(\d{14,})([^)]*\))", date, data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
                  lambda m: re.sub(rb"<([0-9A-Fa-f]+)>", ident, m.group(0)), data)
    data = re.sub(rb"/DocChecksum\s*/([0-9A-Fa-f]+)",
                  lambda m: m.group(0)[:-len(m.group(1))] + b"0" * len(m.group(1)), data)
    path.write_bytes(data)


# --- the sample report -------------------------------------------------------------------

def render_sample(txt: Path = SAMPLE_TXT, out_dir: Path | None = None) -> tuple[Path, Path]:
    out_dir = out_dir or txt.parent
    lines = txt_to_lines(txt.read_text(encoding="utf-8-sig"))
    doc = lines_to_docx(lines)
    set_fixed_properties(doc, txt.stem)
    docx_path = out_dir / f"{txt.stem}.docx"
    save_deterministic(doc, docx_path)
    return docx_path, docx_to_pdf(docx_path, out_dir / f"{txt.stem}.pdf")


# --- the garbled-font fixture ------------------------------------------------------------

def build_latin1_font(src: Path, dst: Path, family: str, style: str) -> None:
    """A copy of `src` cut down to Latin-1 (no Vietnamese letters), renamed to `family`."""
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
    except ImportError:
        raise SystemExit("the garbled fixture needs fontTools: .venv/bin/pip install fonttools") from None
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    font = TTFont(str(src))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=LATIN1_CODEPOINTS)
    subsetter.subset(font)
    postscript = f"{family}-{style}".replace(" ", "")
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID == 4:
            record.string = f"{family} {style}"
        elif record.nameID in (3, 6):
            record.string = postscript
    font.save(str(dst))


def _find_font(filename: str) -> Path:
    found = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True,
                           text=True, check=True).stdout.split()
    for path in found:
        if Path(path).name == filename:
            return Path(path)
    raise SystemExit(f"font file {filename} not found by fc-list: apt-get install fonts-liberation2")


def garbled_docx(pages: tuple[tuple[str, ...], ...]) -> DocxDocument:
    """Page 1 in the Latin-1-only font, later pages in a font with Vietnamese glyphs."""
    doc = new_document(GARBLED_FAMILY)
    for n, paragraphs in enumerate(pages):
        family = GARBLED_FAMILY if n == 0 else CLEAN_FAMILY
        for i, text in enumerate(paragraphs):
            p = doc.add_paragraph(style="Heading 1" if i == 0 else None)
            if n and i == 0:
                p.paragraph_format.page_break_before = True
            run = p.add_run(text)
            run.font.name = family
            run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), family)
    return doc


def _words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def check_garbled(pdf: Path, pages: tuple[tuple[str, ...], ...]) -> dict[str, float]:
    """Share of expected words each library returns on each page; raise if page 1 is not
    garbled by pypdfium2 or any page is misread by pdfplumber."""
    import pdfplumber
    import pypdfium2

    report: dict[str, float] = {}
    pdf_doc = pypdfium2.PdfDocument(str(pdf))
    with pdfplumber.open(pdf) as plumber:
        if len(pdf_doc) != len(pages) or len(plumber.pages) != len(pages):
            raise SystemExit(f"{pdf}: expected {len(pages)} pages, got {len(pdf_doc)}")
        for n, paragraphs in enumerate(pages):
            expected = _words(" ".join(paragraphs))
            fast = set(_words(pdf_doc[n].get_textpage().get_text_range()))
            slow = _words(plumber.pages[n].extract_text())
            report[f"page{n + 1}_pypdfium2"] = sum(w in fast for w in expected) / len(expected)
            if slow != expected:
                raise SystemExit(f"{pdf} page {n + 1}: pdfplumber misread: {' '.join(slow)}")
    pdf_doc.close()
    if report["page1_pypdfium2"] > 0.6:
        raise SystemExit(f"{pdf}: pypdfium2 did not garble page 1 ({report})")
    return report


def build_garbled_fixture(out_dir: Path = FIXTURES) -> tuple[Path, Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ntm-fonts-") as tmp:
        fonts = Path(tmp) / "fonts"
        fonts.mkdir()
        for style, filename in (("Regular", "LiberationSerif-Regular.ttf"),
                                ("Bold", "LiberationSerif-Bold.ttf")):
            build_latin1_font(_find_font(filename), fonts / f"NTMLatin1Serif-{style}.ttf",
                              GARBLED_FAMILY, style)
        conf = Path(tmp) / "fonts.conf"
        conf.write_text(
            '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
            f"  <dir>{fonts}</dir>\n  <cachedir>{Path(tmp) / 'cache'}</cachedir>\n"
            "</fontconfig>\n", encoding="utf-8")
        doc = garbled_docx(GARBLED_PAGES)
        set_fixed_properties(doc, "garbled-font")
        docx_path = out_dir / "garbled-font.docx"
        save_deterministic(doc, docx_path)
        pdf_path = docx_to_pdf(docx_path, out_dir / "garbled-font.pdf",
                               env={"FONTCONFIG_FILE": str(conf)})
    report = check_garbled(pdf_path, GARBLED_PAGES)
    print("words found per page: " + ", ".join(f"{k} {v:.0%}" for k, v in report.items()))
    expected = out_dir / "garbled-font.expected.txt"
    # one paragraph per line, pages separated by an empty line
    expected.write_text("\n\n".join("\n".join(p) for p in GARBLED_PAGES) + "\n", encoding="utf-8")
    return docx_path, pdf_path, expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.render_sample", description=__doc__.splitlines()[0])
    parser.add_argument("--garbled", action="store_true", help="build only tests/fixtures/garbled-font.*")
    parser.add_argument("--all", action="store_true", help="build the sample renderings and the fixture")
    args = parser.parse_args(argv)
    if not args.garbled or args.all:
        for path in render_sample():
            print(f"wrote {path.relative_to(ROOT)}")
    if args.garbled or args.all:
        for path in build_garbled_fixture():
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
