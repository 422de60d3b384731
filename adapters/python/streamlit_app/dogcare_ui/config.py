"""Configuration from the environment, and the one set of services per process.

DOGCARE_DATABASE         SQLite file or ODBC connection string (default var/dogcare.db)
DOGCARE_DATABASE_FILE    a file holding the connection string instead, re-read when it
                         changes (credentials rendered and rotated by Vault Agent)
DOGCARE_MIGRATE          1 (default) applies pending migrations at start; 0 when a release
                         migrates beforehand (the deployed users have no DDL rights)
DOGCARE_JWT_KEYS_FILE    the REST server's key file: lines "kid=secret" (32+ bytes each),
                         the first one signs; re-read when it changes (the library's
                         SigningKeySource), so a rotation needs no restart; default: a local
                         development key generated once under var/
DOGCARE_RESET_LINK       prefix of the reset link mailed (default: the library's)
DOGCARE_INVITATION_LINK  the link in a mailed sharing invitation (default: the library's)
DOGCARE_SMTP_URL         smtp://host:port or smtps://host:port; unset: password reset is off
DOGCARE_SMTP_PASSWORD_FILE  a file holding the SMTP password, as for the REST server
DOGCARE_SMTP_PASSWORD    the password itself: a development fallback only, used when
                         DOGCARE_SMTP_PASSWORD_FILE is unset (docs/security.md)
DOGCARE_SMTP_USERNAME, DOGCARE_SMTP_FROM, DOGCARE_SMTP_REQUIRE_TLS (1/0)
DOGCARE_LANGUAGE         fr (default) or en
Secrets (keys, SMTP password) are never printed or logged.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dogcare


@dataclass(frozen=True)
class Services:
    database: dogcare.Database
    accounts: dogcare.Accounts
    dogs: dogcare.Dogs
    catalog: dogcare.Catalog
    observations: dogcare.Observations
    calendar: dogcare.Calendar
    analytics: dogcare.Analytics
    professionals: dogcare.Professionals
    sharing: dogcare.Sharing
    comments: dogcare.Comments
    access_log: dogcare.AccessLog
    client_board: dogcare.ClientBoard
    reset_enabled: bool


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def secret(name: str) -> str:
    """The *_FILE convention of both adapters: NAME_FILE names a file holding
    the secret; NAME itself is read only when NAME_FILE is unset (development)."""
    path = _env(name + "_FILE")
    if path:
        return dogcare.read_secret_file(path)
    return os.environ.get(name, "")


def signing_keys(database: str) -> dogcare.SigningKeySource:
    path = _env("DOGCARE_JWT_KEYS_FILE")
    if path:
        return dogcare.SigningKeySource(path)
    # A development key beside the default database, created once, owner-only.
    base = Path(database).parent if "=" not in database else Path("var")
    key_file = base / "dev-jwt-keys"
    if not key_file.exists():
        base.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write("dev=" + secrets.token_urlsafe(48) + "\n")
    return dogcare.SigningKeySource(str(key_file))


def mailer() -> dogcare.SmtpMailer | None:
    url = _env("DOGCARE_SMTP_URL")
    if not url:
        return None
    options: dict[str, Any] = {
        "username": _env("DOGCARE_SMTP_USERNAME"),
        "password": secret("DOGCARE_SMTP_PASSWORD"),
    }
    if sender := _env("DOGCARE_SMTP_FROM"):
        options["sender"] = sender
    if require_tls := _env("DOGCARE_SMTP_REQUIRE_TLS"):
        options["require_tls"] = require_tls != "0"
    return dogcare.SmtpMailer(url, **options)  # the rest: the library's defaults


def open_services() -> Services:
    connection_file = _env("DOGCARE_DATABASE_FILE")
    connection = _env("DOGCARE_DATABASE", "var/dogcare.db")
    migrate = _env("DOGCARE_MIGRATE", "1").lower() not in ("0", "false", "no", "off")
    if connection_file:
        database = dogcare.Database(connection_file=connection_file, migrate=migrate)
    else:
        if "=" not in connection:
            Path(connection).parent.mkdir(parents=True, exist_ok=True)
        database = dogcare.Database(connection, migrate=migrate)
    smtp = mailer()
    options: dict[str, Any] = {"mailer": smtp}  # unset: the library's defaults
    if reset_link := _env("DOGCARE_RESET_LINK"):
        options["reset_link"] = reset_link
    accounts = dogcare.Accounts(database, signing_keys(connection), **options)
    sharing_options: dict[str, Any] = {"mailer": smtp}
    if invitation_link := _env("DOGCARE_INVITATION_LINK"):
        sharing_options["invitation_link"] = invitation_link
    return Services(
        database=database,
        accounts=accounts,
        dogs=dogcare.Dogs(database),
        catalog=dogcare.Catalog(database),
        observations=dogcare.Observations(database),
        calendar=dogcare.Calendar(database),
        analytics=dogcare.Analytics(database),
        professionals=dogcare.Professionals(database),
        sharing=dogcare.Sharing(database, **sharing_options),
        # A comment's mail points to the same page as an invitation's.
        comments=dogcare.Comments(
            database,
            mailer=smtp,
            **({"link": sharing_options["invitation_link"]} if invitation_link else {}),
        ),
        access_log=dogcare.AccessLog(database),
        client_board=dogcare.ClientBoard(database),
        reset_enabled=smtp is not None,
    )


def default_language() -> str:
    return "en" if _env("DOGCARE_LANGUAGE") == "en" else "fr"
