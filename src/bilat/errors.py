"""Every error bilat reports, with a stable code. One module, one place.

Codes: E1xx input and ingest, E2xx store, E3xx pipeline, E4xx usage, E5xx batch.
"""

from __future__ import annotations


class BilatError(Exception):
    """Base class: ``code`` is stable, ``str(err)`` is a sentence a person can act on."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputRejected(BilatError):
    """One input (file, archive member or JSONL line) cannot be read as an article."""

    code = "E100"

    def __init__(self, source: str, reason: str, reason_code: str, line: int | None = None) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")
        self.source = source
        self.reason = reason
        self.reason_code = reason_code
        self.line = line


# Reasons an input is rejected (stored in the rejects table as ``reason_code``).
REJECT_EMPTY = "empty"
REJECT_BINARY = "binary"
REJECT_UNDECODABLE = "undecodable"
REJECT_OVERSIZED = "oversized"
REJECT_MALFORMED_JSON = "malformed_json"
REJECT_NO_TEXT = "no_text"
REJECT_UNREADABLE = "unreadable"
REJECT_BAD_ARCHIVE = "bad_archive"

REJECT_REASONS = (
    REJECT_EMPTY,
    REJECT_BINARY,
    REJECT_UNDECODABLE,
    REJECT_OVERSIZED,
    REJECT_MALFORMED_JSON,
    REJECT_NO_TEXT,
    REJECT_UNREADABLE,
    REJECT_BAD_ARCHIVE,
)


class StoreError(BilatError):
    code = "E200"


class MigrationError(StoreError):
    code = "E201"


class PipelineError(BilatError):
    code = "E300"


class StageOrderError(PipelineError):
    """A stage needs a field that no earlier stage fills in."""

    code = "E301"


class UsageError(BilatError):
    code = "E400"


class BatchError(BilatError):
    """The Dask cluster could not be started or reached."""

    code = "E500"


# Warnings attached to an extraction record (``Doc.warnings``): the record is still valid.
WARN_EMPTY = "W001"
WARN_NOT_RUSSIAN = "W002"
WARN_MARKUP = "W003"
WARN_TRUNCATED = "W004"
WARN_NO_SENTENCES = "W005"
