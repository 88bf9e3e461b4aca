"""Planning batch work: inputs cut into partitions by a cheap scan, and read back one by one.

A partition is a JSONL line range (of a file or of a zip member), or a group of whole files
(or of whole zip members) read by the ordinary readers. The plan walks the inputs in exactly the
order :func:`bilat.ingest.readers.iter_inputs` does, so partition order followed by position
inside a partition is the order ``bilat ingest`` would see the same articles in.

The scan counts newlines only: JSONL lines are never parsed and an archive member is streamed,
never held whole in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ..errors import REJECT_BAD_ARCHIVE, REJECT_UNREADABLE, InputRejected
from ..ingest import readers
from ..ingest.article import RawArticle
from ..ingest.records import iter_jsonl

# JSONL lines, or whole files, per partition. A worker holds one partition's rows until it
# writes them: on all of ru_news, 500 took a single worker to 997 MiB and 250 to 931 MiB, and
# more, smaller partitions also even out the two workers' shares (1 -> 2 workers, see BENCHMARKS).
DEFAULT_PARTITION_SIZE = 250
SCAN_CHUNK = 1 << 20  # bytes read at a time while counting lines

KIND_LINES = "lines"  # lines [start, stop) of a JSONL file or zip member (0-based)
KIND_FILES = "files"  # whole files, read by iter_inputs
KIND_MEMBERS = "members"  # whole non-JSONL members of one zip archive


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of batch work. ``key`` names it in output file names and resume markers."""

    index: int
    kind: str
    path: str
    member: str | None = None
    start: int = 0
    stop: int = 0
    offset: int = 0  # byte offset of line ``start`` (KIND_LINES), found by the scan
    names: tuple[str, ...] = ()  # files (KIND_FILES) or members (KIND_MEMBERS)
    fingerprint: str = ""  # sizes and modification times of the files read

    @property
    def key(self) -> str:
        ident = {k: v for k, v in asdict(self).items() if k != "index"}
        return hashlib.sha1(json.dumps(ident, sort_keys=True).encode()).hexdigest()[:16]

    def describe(self) -> str:
        if self.kind == KIND_LINES:
            where = f"{self.path}!{self.member}" if self.member else self.path
            return f"{where} lines {self.start + 1}-{self.stop}"
        return f"{self.path}: {len(self.names)} {self.kind}"

    def as_dict(self) -> dict:
        return {**asdict(self), "names": list(self.names), "key": self.key}

    @classmethod
    def from_dict(cls, data: dict) -> Partition:
        fields = {k: v for k, v in data.items() if k != "key"}
        return cls(**{**fields, "names": tuple(fields.get("names") or ())})


def _stamp(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return "missing"
    return f"{st.st_size}:{st.st_mtime_ns}"


def scan_lines(stream: BinaryIO, every: int) -> tuple[int, list[int]]:
    """Lines in a byte stream, as ``readline`` splits them (a last unterminated one too), and
    the byte offset of lines 0, ``every``, 2 × ``every``, … (one per partition)."""
    lines, pos, last = 0, 0, b"\n"
    offsets = [0]
    while chunk := stream.read(SCAN_CHUNK):
        found = chunk.count(b"\n")
        if lines + found < len(offsets) * every:  # no partition starts in this chunk
            lines += found
        else:
            at = chunk.find(b"\n")
            while at >= 0:
                lines += 1
                if lines % every == 0:
                    offsets.append(pos + at + 1)
                at = chunk.find(b"\n", at + 1)
        pos += len(chunk)
        last = chunk[-1:]
    total = lines + (last != b"\n")
    return total, offsets[: -(-total // every)]


def count_lines(stream: BinaryIO) -> int:
    """Lines in a byte stream, as ``readline`` would split them (a last unterminated one too)."""
    return scan_lines(stream, SCAN_CHUNK)[0]


def _ranges(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


def _walk_files(path: Path) -> Iterator[Path]:
    """Files under ``path`` in :func:`bilat.ingest.readers.iter_inputs` order."""
    if not path.is_dir():
        yield path
        return
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError:
        yield path  # the reader turns it into a rejection
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_files(Path(entry.path))
        else:
            yield Path(entry.path)


def _zip_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Members read by the readers, in their order."""
    return sorted(
        (i for i in archive.infolist() if not i.is_dir() and not readers._member_skipped(i.filename)),
        key=lambda i: i.filename,
    )


def _is_jsonl(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in readers.JSONL_SUFFIXES


class _Planner:
    def __init__(self, size: int) -> None:
        self.size = size
        self.parts: list[Partition] = []
        self.loose: list[str] = []  # consecutive whole files waiting to fill a partition
        self.loose_stamps: list[str] = []

    def _add(self, **fields) -> None:
        self.parts.append(Partition(index=len(self.parts), **fields))

    def _flush_loose(self) -> None:
        if self.loose:
            self._add(kind=KIND_FILES, path=str(Path(self.loose[0]).parent),
                      names=tuple(self.loose), fingerprint=",".join(self.loose_stamps))  # fmt: skip
            self.loose, self.loose_stamps = [], []

    def _loose_file(self, path: Path) -> None:
        self.loose.append(str(path))
        self.loose_stamps.append(_stamp(path))
        if len(self.loose) >= self.size:
            self._flush_loose()

    def _lines(self, path: Path, member: str | None, stream: BinaryIO) -> None:
        total, offsets = scan_lines(stream, self.size)
        for (start, stop), offset in zip(_ranges(total, self.size), offsets, strict=True):
            self._add(kind=KIND_LINES, path=str(path), member=member, start=start, stop=stop,
                      offset=offset, fingerprint=_stamp(path))  # fmt: skip

    def _zip(self, path: Path) -> None:
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
            self._loose_file(path)  # the reader rejects it
            return
        with archive:
            members: list[str] = []  # whole members waiting to fill a partition
            for info in _zip_members(archive):
                if not _is_jsonl(info.filename):
                    members.append(info.filename)
                    if len(members) >= self.size:
                        self._members(path, members)
                        members = []
                    continue
                if members:
                    self._members(path, members)
                    members = []
                try:
                    with archive.open(info) as stream:
                        self._lines(path, info.filename, stream)
                except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                        RuntimeError, OSError):  # fmt: skip
                    # one partition of the whole member, whose reader reports the damage
                    self._add(kind=KIND_LINES, path=str(path), member=info.filename, start=0,
                              stop=2**62, fingerprint=_stamp(path))  # fmt: skip
            if members:
                self._members(path, members)

    def _members(self, path: Path, members: list[str]) -> None:
        self._add(kind=KIND_MEMBERS, path=str(path), names=tuple(members), fingerprint=_stamp(path))

    def add_file(self, path: Path) -> None:
        suffix = path.suffix.lower()
        if suffix in readers.ZIP_SUFFIXES:
            self._flush_loose()
            self._zip(path)
        elif suffix in readers.JSONL_SUFFIXES:
            self._flush_loose()
            try:
                with path.open("rb") as stream:
                    self._lines(path, None, stream)
            except OSError:
                self._loose_file(path)  # the reader rejects it
        else:
            self._loose_file(path)

    def finish(self) -> list[Partition]:
        self._flush_loose()
        return self.parts


def plan_partitions(paths: Iterable[str | os.PathLike[str]], size: int) -> list[Partition]:
    """Partitions covering every input under ``paths``, in reading order."""
    planner = _Planner(max(1, size))
    for path in paths:
        for file in _walk_files(Path(path)):
            planner.add_file(file)
    return planner.finish()


class LineWindow:
    """A binary stream showing only lines ``[start, stop)`` of another one, through readline.

    With ``offset`` (the byte offset of line ``start``) the stream seeks there; otherwise the
    first ``start`` lines are read and dropped."""

    def __init__(self, stream: BinaryIO, start: int, stop: int, offset: int = 0) -> None:
        self._stream = stream
        self._left = stop - start
        if offset:
            stream.seek(offset)
            start = 0
        for _ in range(start):
            while (piece := stream.readline(SCAN_CHUNK)) and not piece.endswith(b"\n"):
                pass
            if not piece:
                break

    def readline(self, limit: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        piece = self._stream.readline(limit)
        if not piece or piece.endswith(b"\n"):
            self._left -= 1
        return piece


def _shift(item: RawArticle | InputRejected, origin: str, file_name: str, offset: int):
    """Line numbers of a windowed JSONL read made absolute, as a whole-file read gives them."""
    if isinstance(item, InputRejected):
        if item.line is None:
            return item
        return InputRejected(item.source, item.reason, item.reason_code, item.line + offset)
    head, _, number = item.origin.rpartition(":")
    if head == origin and number.isdigit():
        line = int(number) + offset
        item.origin = f"{origin}:{line}"
        if item.name == f"{file_name}:{number}":
            item.name = f"{file_name}:{line}"
    return item


def _window_items(stream: BinaryIO, part: Partition, origin: str, max_bytes: int):
    name = PurePosixPath(part.member or part.path).name
    window = LineWindow(stream, part.start, part.stop, part.offset)
    for item in iter_jsonl(window, origin=origin, file_name=name, max_bytes=max_bytes):  # type: ignore[arg-type]
        yield _shift(item, origin, name, part.start)


def _read_lines(part: Partition, max_bytes: int) -> Iterator[RawArticle | InputRejected]:
    if part.member is None:
        try:
            with open(part.path, "rb") as stream:
                yield from _window_items(stream, part, part.path, max_bytes)
        except OSError as err:
            yield InputRejected(part.path, f"cannot read the file: {err.strerror or err}",
                                REJECT_UNREADABLE)  # fmt: skip
        return
    origin = f"{part.path}!{part.member}"
    try:
        with zipfile.ZipFile(part.path) as archive, archive.open(part.member) as stream:
            yield from _window_items(stream, part, origin, max_bytes)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, KeyError) as err:
        yield InputRejected(origin, f"corrupt archive member: {err}", REJECT_BAD_ARCHIVE)
    except (RuntimeError, OSError) as err:
        yield InputRejected(origin, f"cannot read the archive member: {err}", REJECT_UNREADABLE)


def _read_members(part: Partition, max_bytes: int) -> Iterator[RawArticle | InputRejected]:
    try:
        archive = zipfile.ZipFile(part.path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as err:
        yield InputRejected(part.path, f"not a readable zip archive: {err}", REJECT_BAD_ARCHIVE)
        return
    with archive:
        for name in part.names:
            origin = f"{part.path}!{name}"
            try:
                yield from readers._read_member(archive, archive.getinfo(name), origin, max_bytes)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, KeyError) as err:
                yield InputRejected(origin, f"corrupt archive member: {err}", REJECT_BAD_ARCHIVE)
            except (RuntimeError, OSError) as err:
                yield InputRejected(origin, f"cannot read the archive member: {err}",
                                    REJECT_UNREADABLE)  # fmt: skip


def read_partition(part: Partition, max_bytes: int) -> Iterator[RawArticle | InputRejected]:
    """The articles and rejections of one partition, in reading order."""
    if part.kind == KIND_LINES:
        yield from _read_lines(part, max_bytes)
    elif part.kind == KIND_MEMBERS:
        yield from _read_members(part, max_bytes)
    else:
        yield from readers.iter_inputs(part.names, max_bytes=max_bytes)
