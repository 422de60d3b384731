"""The exceptions of dogcare: one per library error code, all dogcare.Error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    """Why one field was refused: a stable rule code and the limits it broke.

    ``rule`` is one of ``required``, ``too_short``, ``too_long``, ``out_of_range``,
    ``too_many``, ``too_early``, ``too_late``, ``invalid_format``, ``invalid_characters``,
    ``unknown``, ``taken``, ``limit_reached``, ``wrong``, ``invalid``: translate it,
    with ``min``/``max`` (lengths, numbers, list sizes) or ``earliest``/``latest``
    (dates). ``message`` is the library's English sentence, for logs.
    """

    field: str
    rule: str
    min: int | None = None
    max: int | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    message: str = ""


class Error(Exception):
    """A failure reported by libdogcare; ``str(error)`` is written for a person."""

    code: str
    field: str | None
    retry_after: float
    violations: list[Violation]

    def __init__(
        self,
        message: str,
        *,
        code: str = "internal",
        field: str | None = None,
        retry_after: float = 0.0,
        violations: Sequence[Violation] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
        self.retry_after = retry_after
        self.violations = list(violations)


class ValidationError(Error, ValueError):
    """Bad input: ``violations`` holds one entry per bad field, all of them.

    ``field`` is the first one's field (e.g. ``"severity"``, ``"triggers[2]"``).
    """


class NotFound(Error, LookupError):
    """Missing, or owned by someone else."""


class Conflict(Error):
    """A uniqueness rule (``field`` says which) or a concurrent change."""


class AuthenticationError(Error):
    """Bad credentials, or a token that is invalid, expired or revoked."""


class RateLimited(Error):
    """Too many failed attempts; ``retry_after`` is in seconds."""


class Unavailable(Error):
    """The database (or the mailer) cannot be reached now; try again later."""


class Internal(Error):
    """A bug or an unexpected database answer."""


__all__ = [
    "AuthenticationError",
    "Conflict",
    "Error",
    "Internal",
    "NotFound",
    "RateLimited",
    "Unavailable",
    "ValidationError",
    "Violation",
]
