"""A real SMTP server on loopback for the SMTP mailer tests (aiosmtpd).

Listens on 127.0.0.1 on a free port, prints "PORT <n>" once it accepts
connections, and runs until its standard input closes (the test that started
it ends, even by crashing) or it is terminated. Every message it accepts is
written to <dir>/<n>.json: the envelope, the raw message and the message as
Python's email package decodes it, so the C++ test checks the mailer's
encoding against an independent parser.
"""

from __future__ import annotations

import argparse
import asyncio
import email
import itertools
import json
import os
import ssl
import sys
import warnings
from email import policy
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


class Store:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw: bytes = envelope.original_content or b""
        # The email package wants native line endings, not the wire's CRLF.
        message = email.message_from_bytes(raw.replace(b"\r\n", b"\n"), policy=policy.default)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        record: dict[str, Any] = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": server.transport is not None and server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": bool(session.authenticated),
            "login": login,
            "raw": raw.decode("utf-8", "replace"),
            "subject": str(message["subject"]),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "date": str(message["date"]),
            "message_id": str(message["message-id"]),
            "mime_version": str(message["mime-version"]),
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "transfer_encoding": str(message["content-transfer-encoding"]),
            "body": message.get_content(),
            "defects": [type(d).__name__ for d in message.defects],
        }
        path = self.directory / f"{next(self.counter)}.json"
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(record), encoding="utf-8")
        os.replace(temporary, path)
        return "250 Message accepted"


def authenticator(user: str, password: str):  # noqa: ANN201 - aiosmtpd's callable shape
    def check(server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login == user.encode() and data.password == password.encode()
        return AuthResult(success=ok, handled=False, auth_data=data if ok else None)

    return check


async def serve(args: argparse.Namespace) -> None:
    tls = None
    if args.cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.cert, args.key)
    options: dict[str, Any] = {"hostname": "mail.test"}
    if args.mode == "starttls":
        options.update(tls_context=tls, require_starttls=True)
    if args.user:
        options.update(authenticator=authenticator(args.user, args.password), auth_required=True)
    handler = Store(Path(args.dir))
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, **options), "127.0.0.1", 0, ssl=tls if args.mode == "smtps" else None
    )
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    await loop.run_in_executor(None, sys.stdin.buffer.read)
    server.close()
    await server.wait_closed()


def main() -> None:
    # aiosmtpd itself still touches its deprecated Session.login_data.
    warnings.filterwarnings("ignore", message="Session.login_data is deprecated")
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--mode", choices=["plain", "starttls", "smtps"], default="plain")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
