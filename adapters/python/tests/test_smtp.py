"""The SMTP mailer option, against a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

import dogcare
from tests.conftest import KEY


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Inbox]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


def test_reset_mail_goes_through_smtp(tmp_path: Path, smtp_server: tuple[int, Inbox]) -> None:
    port, inbox = smtp_server
    database = dogcare.Database(str(tmp_path / "mail.db"))
    mailer = dogcare.SmtpMailer(f"smtp://127.0.0.1:{port}", require_tls=False, timeout=5)
    accounts = dogcare.Accounts(
        database, [KEY], mailer=mailer, hashing_memory_kib=1024, hashing_iterations=1
    )
    accounts.register(username="mailed", password="correct horse", email="mailed@example.org")
    accounts.request_password_reset("mailed@example.org")
    (envelope,) = inbox.messages
    assert envelope.rcpt_tos == ["mailed@example.org"]
    assert isinstance(envelope.content, bytes) and b"reset_token=" in envelope.content
