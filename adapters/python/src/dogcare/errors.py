"""The exceptions of dogcare: one per library error code, all dogcare.Error."""

from __future__ import annotations


class Error(Exception):
    """A failure reported by libdogcare; ``str(error)`` is written for a person."""

    code: str
    field: str | None
    retry_after: float

    def __init__(
        self,
        message: str,
        *,
        code: str = "internal",
        field: str | None = None,
        retry_after: float = 0.0,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
        self.retry_after = retry_after


class ValidationError(Error, ValueError):
    """Bad input; ``field`` names it (e.g. ``"severity"``, ``"triggers[2]"``)."""


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
]
