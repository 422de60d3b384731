"""Streamed responses are pulled: a CSV export that its client stops reading
holds no thread, is closed by the write timeout, and a user runs at most
DOGCARE_MAX_EXPORTS_PER_USER exports at once (429 beyond). Runs the real
server over loopback sockets on a SQLite file seeded with ~9 MB of export."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import ssl
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests

from conftest import SERVER, Client, Server, register, start_server
from test_api import self_signed_certificate

ROWS = 6000  # ~1.4 KB each: an export of ~8.6 MB, more than both socket buffers
HEADER = "date,dog,severity,triggers,reactions,comment,distance_m,recovery_min,handler_action\r\n"
EXPORT = "/api/v1/observations/export.csv"


@dataclass
class Seeded:
    tmp: Path
    alice: tuple[str, str, str]  # username, password, token: ROWS observations
    bob: tuple[str, str, str]  # a few observations
    expected: str  # alice's whole export


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, keys_file) -> Seeded:
    """One database for every server of this module: users made through the
    API, alice's observations written straight into the SQLite file (REST
    would take minutes), the expected CSV built from the same rows."""
    tmp = tmp_path_factory.mktemp("streams")
    s = start_server(tmp, keys_file, DOGCARE_DATABASE="sqlite:" + str(tmp / "dogcare.db"))
    try:
        alice, bob = register(s), register(s)
        dog = alice.post("/dogs", json={"name": "Rex"}).json()["id"]
        today = date.today()
        template = alice.post(
            "/observations", json={"dog_id": dog, "date": today.isoformat(), "severity": 3, "comment": "modèle"}
        )
        assert template.status_code == 201, template.text
        bob_dog = bob.post("/dogs", json={"name": "Filou"}).json()["id"]
        for i in range(3):
            assert bob.post("/observations", json={"dog_id": bob_dog, "date": today.isoformat(), "severity": 2}).status_code == 201
    finally:
        assert s.stop() == 0
    rows, expected = [], [HEADER, f"{today.isoformat()},Rex,3,,,modèle,,,\r\n"]
    for i in range(1, ROWS + 1):
        day = (today - timedelta(days=i)).isoformat()
        comment = f"c{i} " + "x" * 1400
        rows.append((str(uuid.uuid4()), day, 1 + i % 5, comment, comment, template.json()["id"]))
        expected.append(f"{day},Rex,{1 + i % 5},,,{comment},,,\r\n")
    with sqlite3.connect(tmp / "dogcare.db") as db:
        db.executemany(
            "INSERT INTO observations (id, user_id, dog_id, observed_on, severity, comment_text, comment_key,"
            " created_at, updated_at) SELECT ?, user_id, dog_id, ?, ?, ?, ?, created_at, updated_at"
            " FROM observations WHERE id = ?",
            rows,
        )
    who = lambda c: (c.username, c.password, c.token)  # noqa: E731
    return Seeded(tmp, who(alice), who(bob), "".join(expected))


def serve(seeded: Seeded, keys_file: Path, **overrides: str) -> Server:
    return start_server(seeded.tmp, keys_file, DOGCARE_DATABASE="sqlite:" + str(seeded.tmp / "dogcare.db"), **overrides)


def client(server: Server, who: tuple[str, str, str]) -> Client:
    return Client(server, *who)


class StalledExport:
    """A raw connection that asks for the export, reads its header, then stops
    reading, with a small receive buffer so the server's writes soon block."""

    def __init__(self, server: Server, token: str):
        host, port = server.url.split("//")[1].rsplit(":", 1)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.settimeout(30)
        self.sock.connect((host, int(port)))
        self.sock.sendall(
            f"GET {EXPORT} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\r\n".encode()
        )
        self.received = b""
        while b"\r\n\r\n" not in self.received:
            data = self.sock.recv(4096)
            assert data, "closed before the header"
            self.received += data
        self.status_line = self.received.split(b"\r\n", 1)[0].decode()

    def read_to_end(self) -> bytes:
        while data := self.sock.recv(65536):
            self.received += data
        return self.received

    def close(self) -> None:
        self.sock.close()


def on_one_connection(conn: http.client.HTTPConnection, token: str) -> bytes:
    """An export, its HEAD, then /me, on the same connection: each streamed
    response ends cleanly and leaves the connection open."""
    auth = {"Authorization": f"Bearer {token}"}
    conn.request("GET", EXPORT, headers=auth)
    first = conn.getresponse()
    assert first.status == 200 and first.getheader("Transfer-Encoding") == "chunked"
    body = first.read()
    sock = conn.sock
    assert sock is not None, "the server closed the connection after the stream"
    conn.request("HEAD", EXPORT, headers=auth)
    head = conn.getresponse()
    assert head.status == 200 and head.read() == b""
    assert head.getheader("Content-Disposition") == 'attachment; filename="observations.csv"'
    conn.request("GET", "/api/v1/me", headers=auth)
    me = conn.getresponse()
    assert me.status == 200 and me.read()
    assert conn.sock is sock, "not kept alive"
    return body


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def wait_until_idle(server: Server, seconds: float = 30) -> None:
    """Until the server spends (almost) no CPU over a quarter second: the
    stalled streams have filled their socket buffers and wait."""
    deadline = time.monotonic() + seconds
    before = cpu_seconds(server.process.pid)
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = cpu_seconds(server.process.pid)
        if now - before <= 0.02:
            return
        before = now
    raise AssertionError("the server never went idle")


def wait_for_log(server: Server, predicate, seconds: float = 20) -> dict:
    """The first access-log line that satisfies predicate (the server writes
    it when the response ended), waiting up to `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for line in list(server.lines):
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if predicate(entry):
                return entry
        time.sleep(0.02)
    raise AssertionError("no such log line: " + "".join(server.lines[-5:]))


def is_export(entry: dict) -> bool:
    """An export that was served (not refused) and has ended."""
    return entry.get("route") == EXPORT and entry.get("status") == 200


def test_stalled_exports_hold_no_thread(seeded, keys_file):
    # 12 exports nobody reads, on a server of 4 workers (conftest): with a
    # worker blocked per stalled socket, every other request would wait.
    s = serve(seeded, keys_file, DOGCARE_MAX_EXPORTS_PER_USER="12")
    stalled = []
    try:
        stalled = [StalledExport(s, seeded.alice[2]) for _ in range(12)]
        assert all(" 200 " in e.status_line for e in stalled), [e.status_line for e in stalled]
        # Measured once every stalled stream waits on its socket (producing the
        # first MBs of 12 exports is work, not waiting, and not what this checks).
        wait_until_idle(s)
        bob = client(s, seeded.bob)
        latencies: list[float] = []
        failures: list[str] = []
        lock = threading.Lock()

        def use_the_api(seconds: float) -> None:
            session = requests.Session()
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                for path in ("/me", "/observations?limit=50"):
                    started = time.perf_counter()
                    try:
                        status = session.get(s.api(path), headers=bob.headers(), timeout=10).status_code
                    except requests.RequestException as error:
                        status = repr(error)
                    took = time.perf_counter() - started
                    with lock:
                        latencies.append(took)
                        if status != 200:
                            failures.append(f"{path}: {status}")

        users = [threading.Thread(target=use_the_api, args=(4.0,)) for _ in range(2)]
        for t in users:
            t.start()
        for t in users:
            t.join()
        assert not failures, failures
        assert len(latencies) > 100
        latencies.sort()
        p99 = latencies[int(len(latencies) * 0.99) - 1]
        print(f"{len(latencies)} requests beside 12 stalled exports: p50 {latencies[len(latencies) // 2] * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms")
        assert p99 < 0.050, f"p99 {p99 * 1000:.1f} ms"
        # The exports were still stalled all along: none has ended.
        assert not any(is_export(json.loads(line)) for line in s.lines if line.startswith("{"))
    finally:
        for e in stalled:
            e.close()
        s.stop(signal.SIGKILL)


def test_a_stalled_client_is_closed_by_the_write_timeout(seeded, keys_file):
    s = serve(seeded, keys_file, DOGCARE_WRITE_TIMEOUT_SECONDS="1", DOGCARE_MAX_EXPORTS_PER_USER="1")
    try:
        alice = client(s, seeded.alice)
        stalled = StalledExport(s, seeded.alice[2])
        assert " 200 " in stalled.status_line
        assert alice.get("/observations/export.csv").status_code == 429  # its slot is taken
        ended = wait_for_log(s, is_export)
        assert ended["status"] == 200 and ended["aborted"] is True
        assert 0 < ended["bytes"] < len(seeded.expected.encode())
        # The server closed it: what was buffered, then the end, without the last chunk.
        received = stalled.read_to_end()
        assert not received.endswith(b"0\r\n\r\n")
        assert len(received) < len(seeded.expected.encode())
        stalled.close()
        # The slot came back: a new export runs, whole.
        r = alice.get("/observations/export.csv")
        assert r.status_code == 200 and r.content.decode() == seeded.expected
    finally:
        s.stop(signal.SIGKILL)


def test_exports_per_user_are_limited(seeded, keys_file):
    s = serve(seeded, keys_file)  # the default: 2 at once
    held = []
    try:
        alice, bob = client(s, seeded.alice), client(s, seeded.bob)
        stalled = StalledExport(s, seeded.alice[2])
        held.append(stalled)
        second = requests.get(s.api("/observations/export.csv"), headers=alice.headers(), stream=True, timeout=30)
        held.append(second)
        assert second.status_code == 200
        third = alice.get("/observations/export.csv")
        assert third.status_code == 429
        assert third.headers["Content-Type"] == "application/problem+json"
        assert int(third.headers["Retry-After"]) >= 1
        body = third.json()
        assert body["status"] == 429 and body["limit"] == 2 and "2" in body["detail"]
        # The limit is per user: bob exports meanwhile.
        theirs = bob.get("/observations/export.csv")
        assert theirs.status_code == 200 and theirs.text.count("\r\n") == 4
        # Once one finishes, a new one is accepted (the slot is given back
        # before the last chunk is written, so no race with the client).
        assert second.content.decode() == seeded.expected
        again = alice.get("/observations/export.csv")
        assert again.status_code == 200 and again.content.decode() == seeded.expected
        # A client that goes away gives its slot back too.
        stalled.close()
        assert wait_for_log(s, lambda e: is_export(e) and e.get("aborted"))["status"] == 200
        assert alice.get("/observations/export.csv").status_code == 200
    finally:
        for h in held:
            h.close()
        s.stop(signal.SIGKILL)


def test_a_whole_export_and_its_head(seeded, keys_file):
    s = serve(seeded, keys_file)
    try:
        alice = client(s, seeded.alice)
        r = alice.get("/observations/export.csv")
        assert r.status_code == 200
        assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
        assert r.headers["Transfer-Encoding"] == "chunked" and r.headers["X-Request-Id"]
        assert r.content.decode() == seeded.expected
        entry = wait_for_log(s, is_export)
        assert entry["status"] == 200 and entry["bytes"] == len(seeded.expected.encode()) and "aborted" not in entry
        # HEAD: the same header, no body; keep-alive across streams.
        host, port = s.url.split("//")[1].rsplit(":", 1)
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        assert on_one_connection(conn, alice.token).decode() == seeded.expected
        conn.close()
        # A bad query is an ordinary problem, and takes no slot.
        for _ in range(3):
            assert alice.get("/observations/export.csv", params={"from": "yesterday"}).status_code == 422
        # An HTTP/1.0 client gets the bytes and the end of the connection.
        with socket.create_connection((host, int(port)), timeout=30) as conn:
            conn.sendall(f"GET {EXPORT} HTTP/1.0\r\nAuthorization: Bearer {alice.token}\r\n\r\n".encode())
            raw = b""
            while data := conn.recv(65536):
                raw += data
        head_part, _, body = raw.partition(b"\r\n\r\n")
        assert head_part.startswith(b"HTTP/1.0 200") and body.decode() == seeded.expected
    finally:
        s.stop(signal.SIGKILL)


def test_over_tls_a_stream_is_whole_and_a_stalled_one_is_closed(seeded, keys_file, tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    s = serve(seeded, keys_file, DOGCARE_TLS_CERT_FILE=str(cert), DOGCARE_TLS_KEY_FILE=str(key),
              DOGCARE_WRITE_TIMEOUT_SECONDS="1")
    try:
        alice = client(s, seeded.alice)
        host, port = s.url.split("//")[1].rsplit(":", 1)
        context = ssl.create_default_context(cafile=str(cert))
        conn = http.client.HTTPSConnection(host, int(port), timeout=30, context=context)
        assert on_one_connection(conn, alice.token).decode() == seeded.expected
        conn.close()
        raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        raw.connect((host, int(port)))
        tls = context.wrap_socket(raw, server_hostname=host)
        tls.settimeout(30)
        tls.sendall(f"GET {EXPORT} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {alice.token}\r\n\r\n".encode())
        assert b" 200 " in tls.recv(4096)
        ended = wait_for_log(s, lambda e: is_export(e) and e.get("aborted"))
        assert 0 < ended["bytes"] < len(seeded.expected.encode())
        tls.close()
    finally:
        s.stop(signal.SIGKILL)


def test_the_export_limit_is_a_setting():
    def check(*args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run([SERVER, "--check-config", *args], capture_output=True, text=True,
                              env={"DOGCARE_DATABASE": "sqlite::memory:", **env})

    assert "exports at once per user 2\n" in check().stdout
    assert "exports at once per user 5\n" in check(DOGCARE_MAX_EXPORTS_PER_USER="5").stdout
    flag = check("--max-exports-per-user", "7", "--write-timeout", "3")
    assert "exports at once per user 7\n" in flag.stdout and "write timeout 3 s" in flag.stdout
    zero = check(DOGCARE_MAX_EXPORTS_PER_USER="0")
    assert zero.returncode != 0 and "DOGCARE_MAX_EXPORTS_PER_USER must be at least 1" in zero.stderr
