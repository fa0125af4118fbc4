"""The members of a zip archive cut short (a download or a copy that stopped before the end):
its central directory, at the end, is lost, so `zipfile` cannot open it, but each member
still starts with a local header that gives its name and method. Read from those headers in
file order, as far as the bytes go; the member the cut runs through comes back partial (the
XML parser then finds where it stops).

A .docx saved by Word puts [Content_Types].xml, the package relationships and
word/document.xml first, so a file cut anywhere after them keeps the whole report text.
The limits that the directory answers for an intact archive (`zip_directory_to_verdict`)
are kept while inflating: the total, and the ratio of a large member to its compressed size."""
from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

_LOCAL = b"PK\x03\x04"
_DESCRIPTOR = b"PK\x07\x08"
_HEADER = struct.Struct("<4sHHHHHIIIHH")  # signature ... name length, extra length
_STORED, _DEFLATED = 0, 8
_SIZES_AFTER_DATA = 0x08  # general-purpose flag bit 3: sizes and CRC in a descriptor after the data
_IN, _OUT = 1 << 16, 1 << 20  # compressed bytes fed, inflated bytes taken, per step
RATIO_FROM = 1 << 20  # a member is held to the inflation ratio from this size on (here and in the directory check)


@dataclass(frozen=True)
class LocalMember:
    name: str
    data: bytes  # empty for a member not wanted


class TooLarge(ValueError):
    """The members inflate beyond the limits (a zip bomb without its directory)."""


def _inflate(stream: memoryview, keep: bool, budget: int, max_ratio: float) -> tuple[bytes, int | None, int]:
    """A deflated member: its data (when `keep`), where its compressed data ends in `stream`
    (None when the bytes end first), and how many bytes it inflated to. Raises TooLarge past
    `budget` inflated bytes or `max_ratio` times its compressed size."""
    inflater = zlib.decompressobj(-15)
    out = bytearray()
    produced = fed = 0
    for at in range(0, len(stream), _IN):
        pending: bytes | memoryview = stream[at:at + _IN]
        while pending and not inflater.eof:
            piece = inflater.decompress(pending, _OUT)
            fed += len(pending) - len(inflater.unconsumed_tail)
            pending = inflater.unconsumed_tail
            produced += len(piece)
            if produced > budget or (produced > RATIO_FROM and produced > max_ratio * fed):
                raise TooLarge(f"{produced:,} bytes inflated from {fed:,}")
            if keep:
                out += piece
        if inflater.eof:
            return bytes(out), fed - len(inflater.unused_data), produced
    return bytes(out), None, produced


def cut_zip_to_members(data: bytes, max_inflated: int, max_ratio: float, max_members: int,
                       wanted: Callable[[str], bool] = lambda name: True) -> list[LocalMember]:
    """Every member from the start of `data` whose local header is there, in file order (the
    data only of those `wanted`), stopping at the central directory, at bytes that are not a
    local header, at a damaged member, or at one whose end cannot be found (stored, with its
    size after its data). Raises TooLarge past `max_inflated` bytes inflated in all, a large
    member past `max_ratio` times its compressed size, or past `max_members` members."""
    view = memoryview(data)
    members: list[LocalMember] = []
    pos, inflated = 0, 0
    while data.startswith(_LOCAL, pos) and pos + _HEADER.size <= len(data):
        if len(members) >= max_members:
            raise TooLarge(f"more than {max_members:,} members")
        _, _, flags, method, _, _, _, csize, _, name_len, extra_len = _HEADER.unpack_from(data, pos)
        start = pos + _HEADER.size + name_len + extra_len
        if start > len(data):  # cut inside the header
            break
        name = bytes(view[pos + _HEADER.size:pos + _HEADER.size + name_len]).decode("utf-8", "replace")
        sized, keep = not flags & _SIZES_AFTER_DATA, wanted(name)
        end: int | None
        if sized and not keep:  # skipped by its size, never inflated
            out, end = b"", (start + csize if start + csize <= len(data) else None)
        elif method == _DEFLATED:
            try:
                out, stop, produced = _inflate(view[start:], keep, max_inflated - inflated, max_ratio)
            except zlib.error:  # the bytes after the cut are not the rest of the stream
                break
            inflated += produced
            end = None if stop is None else start + stop
        elif method == _STORED and sized:
            out = bytes(view[start:start + csize])
            inflated += len(out)
            end = start + csize if start + csize <= len(data) else None
        else:  # a stored member whose size comes after it, or a method Word never uses
            break
        members.append(LocalMember(name, out))
        if end is None:
            break
        pos = end
        if not sized:  # the descriptor: an optional signature, the CRC and the two sizes
            pos += 16 if data.startswith(_DESCRIPTOR, pos) else 12
    return members
