"""What an ingest run must read: each file hashed in the main process and compared with the
store (content, extractor and pattern versions); unchanged files are skipped, the same content
saved twice is read once, files that cannot even be opened fail before any reading, and files
that are no report format (a spreadsheet, an image) or beyond the size limit are recorded as
skipped with the reason: every file found is accounted for.

Hashing and sniffing every file was most of an unchanged re-run's planning. Like git's index,
a report whose stat (size, mtime_ns, ctime_ns, inode, device) is the one stored when it was
last hashed is taken to hold the same bytes (`store.db.FileStat`), and is not opened. Content
rewritten at the same size still changes mtime and ctime (ctime cannot be set back by a tool
that restores mtime, and a file replaced by rename has another inode). A stat is only trusted
when mtime and ctime were older than the hashing by more than a coarse file system's clock step
(`_RACY_NS`): a file written again within the same tick as its hashing is hashed next time
too. `--force` hashes every file."""
from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from extractor.core.names import display_name, raw_name
from extractor.core.settings import DEFAULT_SETTINGS, Settings
from extractor.core.version import __version__
from extractor.readers import SUPPORTED_SUFFIXES, sniff_format, unsupported_detail
from extractor.store.db import FileInfo, FileStat, StoredDocument


@lru_cache(maxsize=1)
def patterns_version() -> str:
    """A hash over what decides a record besides the file: the extractor's own code, the
    patterns/*.yaml, the schemas catalogues (sub-folders included) and extractor.__version__,
    so a fixed rule or a changed word list re-reads what it may change."""
    h = hashlib.sha256(__version__.encode())
    sources: list[tuple[str, bytes]] = []
    for package, suffixes in (("extractor", (".py", ".yaml")),
                              ("extractor._patterns", (".yaml",)),
                              ("extractor._schemas", (".json", ".yaml"))):
        for name, ref in _walk(resources.files(package), package):
            if name.endswith(suffixes):
                sources.append((name, ref.read_bytes()))
    for name, data in sorted(sources):
        h.update(name.encode())
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()[:16]


def _walk(ref: Any, prefix: str) -> Iterable[tuple[str, Any]]:
    """Every file under a resources folder, with its path (catalogues sit in sub-folders)."""
    for child in ref.iterdir():
        name = f"{prefix}/{child.name}"
        if child.is_dir():
            if child.name != "__pycache__":
                yield from _walk(child, name)
        else:
            yield name, child


def versions() -> tuple[str, str]:
    return __version__, patterns_version()


@dataclass
class Plan:
    to_read: list[FileInfo] = field(default_factory=list)
    failures: list[tuple[FileInfo, str, str]] = field(default_factory=list)  # unreadable here
    duplicates: list[tuple[FileInfo, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unchanged since the store has them
    other: list[tuple[FileInfo, str, str]] = field(default_factory=list)  # not read on purpose
    walked: list[str] = field(default_factory=list)
    file_stats: dict[str, FileStat] = field(default_factory=dict)  # hashed now: to store


@dataclass
class Found:
    """A file as the main process finds it: what it is, and why it is not read, if it is not
    (`code`, `detail`; `skip` when it is not read on purpose rather than unreadable)."""

    info: FileInfo
    code: str | None = None
    detail: str = ""
    skip: bool = False
    stat: FileStat | None = None  # a report hashed now: its stat, to skip hashing it next time


_ZIP_MAGIC = b"PK\x03\x04"
_HEAD = 64 * 1024
_KIND_IN_BRACKETS = re.compile(r"\(\.?(\w+)\)$")
# A stat is trusted only when the file was last changed this long before it was hashed: FAT
# keeps mtime in 2 s steps, so a write in the same step after hashing could keep the stamp.
_RACY_NS = 2_000_000_000


def _stat_key(st: os.stat_result) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


def _kind_code(detail: str) -> str:
    """A short format code for a kind that is not read: 'image (JPEG)' -> 'jpeg',
    'spreadsheet (.xlsx)' -> 'xlsx', 'zip archive without ...' -> 'zip'."""
    m = _KIND_IN_BRACKETS.search(detail)
    return (m.group(1) if m else detail.split()[0]).lower()


def file_to_found(f: Path, settings: Settings = DEFAULT_SETTINGS,
                  known: dict[str, FileStat] | None = None,
                  before_hash: Callable[[], None] | None = None) -> Found:
    """Stat, hash and sniff a file in the main process, reading it once in chunks; a file
    beyond the size limit is not even hashed. The format recorded is the one in the bytes.
    A report whose stat is the one `known` holds for it is not opened (see the module);
    `before_hash` is called before one that is."""
    fs = str(f.resolve()) if f.exists() else str(f.absolute())
    name, raw = display_name(fs), raw_name(fs)

    def unreadable(code: str, detail: str = "", size: int | None = None) -> Found:
        return Found(FileInfo(name, None, size, None, raw), code, detail)

    try:
        st = os.stat(fs)
    except FileNotFoundError:
        return unreadable("not_found")
    except PermissionError:
        return unreadable("permission_denied")
    except OSError as err:  # a link loop, a name too long
        return unreadable("not_a_file", err.strerror or str(err))
    if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
        return unreadable("not_a_file")
    suffix = f.suffix.lower()
    if st.st_size > settings.max_file_bytes:
        return Found(FileInfo(name, None, st.st_size, None, raw), "too_large",
                     f"{st.st_size:,} bytes > {settings.max_file_bytes:,}", skip=True)
    key = _stat_key(st)
    seen = (known or {}).get(name)
    if (seen is not None and seen.stat == key and suffix in SUPPORTED_SUFFIXES
            and max(st.st_mtime_ns, st.st_ctime_ns) < seen.checked - _RACY_NS):
        return Found(FileInfo(name, seen.sha256, st.st_size, seen.format, raw))
    if before_hash is not None:
        before_hash()
    checked = time.time_ns()  # before reading: a write while hashing is after it
    h, head, whole = hashlib.sha256(), b"", bytearray()
    try:
        with open(fs, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
                if len(head) < _HEAD:
                    head += chunk[:_HEAD - len(head)]
                if head.startswith(_ZIP_MAGIC):  # what a zip holds is in its directory, at the end
                    whole += chunk
    except PermissionError:
        return unreadable("permission_denied")
    except OSError as err:
        return unreadable("not_a_file", err.strerror or str(err))
    data = bytes(whole) or head
    if not data:
        fmt = suffix[1:] if suffix in SUPPORTED_SUFFIXES else None  # no bytes to tell: its name
        return Found(FileInfo(name, h.hexdigest(), 0, fmt, raw), "empty_file")
    fmt = sniff_format(data)
    info = FileInfo(name, h.hexdigest(), st.st_size, fmt or _kind_code(unsupported_detail(data)), raw)
    if suffix not in SUPPORTED_SUFFIXES or fmt is None:
        what = unsupported_detail(data) if fmt is None else f"{fmt} content"
        return Found(info, "unsupported_format", f"{what}, named {suffix or 'without a suffix'}", skip=True)
    return Found(info, stat=FileStat(key, checked, h.hexdigest(), fmt))


def _is_fresh(stored: StoredDocument | None, sha: str | None, vers: tuple[str, str]) -> bool:
    return (stored is not None and stored.sha256 == sha
            and (stored.extractor_version, stored.patterns_version) == vers)


def plan_run(files: Iterable[Path], stored: dict[str, StoredDocument], vers: tuple[str, str], *,
             force: bool = False, retry_failed: bool = False,
             settings: Settings = DEFAULT_SETTINGS, known: dict[str, FileStat] | None = None,
             on_change: Callable[[], None] | None = None) -> Plan:
    """`known`: the stats stored when files were last hashed (ignored with `force`); the
    reports hashed now are in `plan.file_stats`, to store. `on_change` is called once, before
    the first file whose stat is not the one known is hashed: a file likely to be read (the
    run starts its readers then, while the plan goes on)."""
    plan = Plan()
    infos: list[FileInfo] = []
    seen: set[str] = set()
    changed: list[bool] = []

    def before_hash() -> None:
        if not changed:
            changed.append(True)
            if on_change is not None:
                on_change()
    for f in files:
        found = file_to_found(f, settings, None if force else known, before_hash)
        info = found.info
        if found.stat is not None:
            plan.file_stats[info.path] = found.stat
        if info.path in seen:
            continue
        seen.add(info.path)
        plan.walked.append(info.path)
        if found.skip:
            plan.other.append((info, found.code or "", found.detail))
        elif found.code is not None:
            doc = stored.get(info.path)
            if (not force and not retry_failed and info.sha256 is not None
                    and _is_fresh(doc, info.sha256, vers) and doc is not None and doc.status == "failed"):
                plan.skipped.append(info.path)  # an empty file still empty
            else:
                plan.failures.append((info, found.code, found.detail))
        else:
            infos.append(info)

    # The same content saved twice is read once. The primary copy is one already stored and
    # fresh when there is one (no re-read), else the first path in sorted order.
    by_sha: dict[str, list[FileInfo]] = {}
    for info in infos:
        by_sha.setdefault(info.sha256 or "", []).append(info)
    stored_ok: dict[str | None, list[StoredDocument]] = {}
    for doc in stored.values():
        if doc.status == "ok" and doc.present and _is_fresh(doc, doc.sha256, vers):
            stored_ok.setdefault(doc.sha256, []).append(doc)
    for sha, group in by_sha.items():
        group.sort(key=lambda i: i.path)
        primary: str | None = None
        if not force:
            for doc in sorted(stored_ok.get(sha, []), key=lambda d: d.path):
                if doc.path in seen or Path(doc.fs_path).exists():
                    primary = doc.path
                    break
        if primary is None:
            primary = group[0].path
        for info in group:
            if info.path != primary:
                plan.duplicates.append((info, primary))
                continue
            doc = stored.get(info.path)
            unchanged = (not force and _is_fresh(doc, info.sha256, vers) and doc is not None
                         and (doc.status == "ok" or (doc.status == "failed" and not retry_failed)))
            if unchanged:
                plan.skipped.append(info.path)
            else:
                plan.to_read.append(info)
    return plan
