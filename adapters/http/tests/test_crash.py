"""kill -9 during a write load on SQLite: every acknowledged observation is there after.

The promise (docs/architecture.md, "Durability on SQLite"): a 201 means the
transaction is committed to the WAL, which survives the process dying at any
instant. The server is killed after a counted number of acknowledgements (no
sleeps), then the file is checked with the sqlite3 module and through a
restarted server.
"""

from __future__ import annotations

import signal
import sqlite3
import threading
from pathlib import Path

import requests

from conftest import register, start_server

WRITERS = 6
KILL_AFTER = 400  # acknowledged observations before the kill


def test_nothing_acknowledged_is_lost_on_kill_9(tmp_path: Path, keys_file: Path) -> None:
    server = start_server(tmp_path, keys_file, DOGCARE_WORKERS="4", DOGCARE_LOG_LEVEL="warn")
    try:
        owner = register(server)
        acknowledged: list[str] = []
        lock = threading.Lock()
        enough = threading.Event()
        killed = threading.Event()

        def write(worker: int) -> None:
            session = requests.Session()
            headers = owner.headers()
            n = 0
            while not killed.is_set():
                n += 1
                body = {"date": "2026-01-15", "severity": 1 + n % 5, "comment": f"w{worker} n{n}"}
                try:
                    r = session.post(server.api("/observations"), json=body, headers=headers, timeout=30)
                except requests.RequestException:
                    return  # the server is gone
                assert r.status_code == 201, r.text
                with lock:
                    acknowledged.append(r.json()["id"])
                    if len(acknowledged) >= KILL_AFTER:
                        enough.set()

        threads = [threading.Thread(target=write, args=(i,), daemon=True) for i in range(WRITERS)]
        for thread in threads:
            thread.start()
        assert enough.wait(timeout=300), len(acknowledged)
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=30)
        killed.set()
        for thread in threads:
            thread.join(timeout=60)
            assert not thread.is_alive()
    finally:
        server.stop(signal.SIGKILL)

    acked = set(acknowledged)
    assert len(acked) == len(acknowledged) >= KILL_AFTER
    database = tmp_path / "dogcare.db"
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in db.execute("SELECT id FROM observations")}
    assert acked <= stored, f"{len(acked - stored)} acknowledged observations lost"
    # At most one unacknowledged commit per writer: the requests in flight at the kill.
    assert len(stored) <= len(acked) + WRITERS

    # The server opens the file again and serves every one of them.
    again = start_server(tmp_path, keys_file)
    try:
        r = requests.post(
            again.api("/auth/login"), json={"username": owner.username, "password": owner.password}, timeout=30
        )
        assert r.status_code == 200, r.text
        headers = {"Authorization": "Bearer " + r.json()["access_token"]}
        seen: set[str] = set()
        cursor: str | None = None
        while True:
            params: dict[str, str | int] = {"limit": 200} | ({"cursor": cursor} if cursor else {})
            page = requests.get(again.api("/observations"), params=params, headers=headers, timeout=30)
            assert page.status_code == 200, page.text
            seen |= {item["id"] for item in page.json()["items"]}
            cursor = page.json().get("next_cursor")
            if not cursor:
                break
        assert seen == stored
    finally:
        assert again.stop() == 0
