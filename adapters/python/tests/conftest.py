"""Fixtures: every binding test runs on a SQLite file and on a real PostgreSQL."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import dogcare

REPO = Path(__file__).resolve().parents[3]
PG_SCRIPT = REPO / "scripts" / "pg-test-server"
KEY = ("test", "k" * 32)


@pytest.fixture(scope="session")
def postgresql_dsn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throw-away PostgreSQL server, stopped at the end even when tests fail."""
    state = tmp_path_factory.mktemp("pg")
    subprocess.run([str(PG_SCRIPT), "start", str(state)], check=True, capture_output=True)
    try:
        yield (state / "dsn").read_text().strip()
    finally:
        subprocess.run([str(PG_SCRIPT), "stop", str(state)], check=False, capture_output=True)


@pytest.fixture(scope="session")
def postgresql_database(postgresql_dsn: str) -> Iterator[dogcare.Database]:
    database = dogcare.Database(postgresql_dsn, pool_size=16)
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dogcare.Database]:
    if request.param == "postgresql":
        yield request.getfixturevalue("postgresql_database")
        return
    database = dogcare.Database(str(tmp_path / "dogcare.db"), pool_size=16)
    yield database
    database.close()


@dataclass
class Mailbox:
    sent: list[dogcare.Email] = field(default_factory=list)

    def __call__(self, email: dogcare.Email) -> None:
        self.sent.append(email)


@dataclass
class Services:
    database: dogcare.Database
    accounts: dogcare.Accounts
    mailbox: Mailbox
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

    def new_user(self, email: str | None = None) -> tuple[str, dogcare.Principal]:
        """A fresh account (unique name: PostgreSQL is shared by the session)."""
        username = "u" + uuid.uuid4().hex[:12]
        self.accounts.register(username=username, password="correct horse", email=email)
        return username, self.accounts.login(username, "correct horse").principal


def make_accounts(database: dogcare.Database, mailbox: Mailbox | None = None) -> dogcare.Accounts:
    # Cheap hashing keeps the suite fast; the cost is the library's concern.
    return dogcare.Accounts(
        database,
        [KEY],
        mailer=mailbox,
        hashing_memory_kib=1024,
        hashing_iterations=1,
        throttle_free_failures=3,
    )


@pytest.fixture
def services(database: dogcare.Database) -> Services:
    mailbox = Mailbox()
    return Services(
        database=database,
        accounts=make_accounts(database, mailbox),
        mailbox=mailbox,
        dogs=dogcare.Dogs(database),
        catalog=dogcare.Catalog(database),
        observations=dogcare.Observations(database),
        calendar=dogcare.Calendar(database),
        analytics=dogcare.Analytics(database),
        professionals=dogcare.Professionals(database),
        sharing=dogcare.Sharing(database, mailer=mailbox),
        comments=dogcare.Comments(database, mailer=mailbox),
        access_log=dogcare.AccessLog(database),
        client_board=dogcare.ClientBoard(database),
    )
