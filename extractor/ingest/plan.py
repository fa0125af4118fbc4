"""What an ingest run must read: each file hashed in the main process and compared with the
store (content, extractor and pattern versions); unchanged files are skipped, the same content
saved twice is read once, files that cannot even be opened fail before any reading."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from extractor.core.version import __version__
from extractor.readers import SUPPORTED_SUFFIXES, sniff_format
from extractor.store.db import FileInfo, StoredDocument


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
    failures: list[tuple[FileInfo, str]] = field(default_factory=list)  # unreadable here
    duplicates: list[tuple[FileInfo, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    walked: list[str] = field(default_factory=list)


def _file_info(path: str) -> tuple[FileInfo, str | None]:
    """Hash a file in the main process; the error code when it cannot even be opened."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        return FileInfo(path, None, None, None), "not_found"
    except IsADirectoryError:
        return FileInfo(path, None, None, None), "not_a_file"
    except PermissionError:
        return FileInfo(path, None, None, None), "permission_denied"
    except OSError:
        return FileInfo(path, None, None, None), "not_found"
    fmt = sniff_format(data[:4096]) if data else None
    if fmt is None and p.suffix.lower() in SUPPORTED_SUFFIXES:
        fmt = p.suffix.lower()[1:]  # no bytes to tell (an empty file): what its name says
    info = FileInfo(path, hashlib.sha256(data).hexdigest(), len(data), fmt)
    return info, ("empty_file" if not data else None)


def _is_fresh(stored: StoredDocument | None, sha: str | None, vers: tuple[str, str]) -> bool:
    return (stored is not None and stored.sha256 == sha
            and (stored.extractor_version, stored.patterns_version) == vers)


def plan_run(files: Iterable[Path], stored: dict[str, StoredDocument], vers: tuple[str, str], *,
             force: bool = False, retry_failed: bool = False) -> Plan:
    plan = Plan()
    infos: list[FileInfo] = []
    seen: set[str] = set()
    for f in files:
        path = str(f.resolve()) if f.exists() else str(f.absolute())
        if path in seen:
            continue
        seen.add(path)
        plan.walked.append(path)
        info, code = _file_info(path)
        if code is not None:
            doc = stored.get(path)
            if (not force and not retry_failed and info.sha256 is not None
                    and _is_fresh(doc, info.sha256, vers) and doc is not None and doc.status == "failed"):
                plan.skipped.append(path)  # an empty file still empty
            else:
                plan.failures.append((info, code))
        else:
            infos.append(info)

    # The same content saved twice is read once. The primary copy is one already stored and
    # fresh when there is one (no re-read), else the first path in sorted order.
    by_sha: dict[str, list[FileInfo]] = {}
    for info in infos:
        by_sha.setdefault(info.sha256 or "", []).append(info)
    stored_ok: dict[str | None, list[str]] = {}
    for doc in stored.values():
        if doc.status == "ok" and doc.present and _is_fresh(doc, doc.sha256, vers):
            stored_ok.setdefault(doc.sha256, []).append(doc.path)
    for sha, group in by_sha.items():
        group.sort(key=lambda i: i.path)
        primary: str | None = None
        if not force:
            for path in sorted(stored_ok.get(sha, [])):
                if path in seen or Path(path).exists():
                    primary = path
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
