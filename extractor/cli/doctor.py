"""`ntm doctor`: which optional system parts are installed, with the command that installs
each missing one. Nothing is required: without them the tool runs and skips what needs them
(scans stay unread, .doc files are listed as errors)."""
from __future__ import annotations

import argparse
import importlib.util
import sys
from dataclasses import dataclass

from extractor.core import i18n
from extractor.core.settings import DEFAULT_SETTINGS

APT_TESSERACT = "apt-get install tesseract-ocr tesseract-ocr-vie"


@dataclass(frozen=True)
class Part:
    key: str  # message key in locale/doctor.yaml
    present: bool
    detail: str  # where it was found, or its version
    install: str


def optional_parts() -> list[Part]:
    from extractor.readers.doc import find_soffice
    from extractor.readers.pdf.ocr import tesseract_binary, tesseract_languages, tesseract_version

    binary = tesseract_binary(DEFAULT_SETTINGS)
    languages = tesseract_languages(binary) if binary else ()
    soffice = find_soffice()
    parts = [
        Part("tesseract", binary is not None, tesseract_version(binary) if binary else "", APT_TESSERACT),
        Part("tesseract_vie", "vie" in languages, "", "apt-get install tesseract-ocr-vie"),
        Part("tesseract_osd", "osd" in languages, "", "apt-get install tesseract-ocr-osd"),
        Part("soffice", soffice is not None, soffice or "", "apt-get install libreoffice-writer-nogui"),
    ]
    for module, extra in (("pyarrow", "parquet"), ("underthesea", "admin2025")):
        found = importlib.util.find_spec(module) is not None
        parts.append(Part(module, found, "", f"pip install 'ntm-extractor[{extra}]'"))
    return parts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run(args: argparse.Namespace) -> int:
    del args
    out = sys.stdout
    parts = optional_parts()
    out.write(i18n.t("doctor", "title") + "\n")
    for part in parts:
        state = i18n.t("doctor", "present" if part.present else "missing")
        line = f"  [{state}] {i18n.t('doctor', part.key)}"
        if part.present and part.detail:
            line += f" ({part.detail})"
        if not part.present:
            line += "\n      " + i18n.t("doctor", "install", command=part.install)
        out.write(line + "\n")
    missing = sum(not p.present for p in parts)
    out.write((i18n.t("doctor", "summary_missing", n=missing) if missing
               else i18n.t("doctor", "summary_ok")) + "\n")
    return 0
