"""Starts the real dogcare-server on a free loopback port, over a temporary
SQLite file or the PostgreSQL test server (DOGCARE_TEST_BACKEND)."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest
import requests

SERVER = os.environ.get("DOGCARE_SERVER", "build/bin/dogcare-server")


# What a sanitizer writes to stderr when it finds a bug; a server that wrote
# one fails the test that was running, even if it kept going (no halt_on_error).
SANITIZER_REPORTS = ("WARNING: ThreadSanitizer", "ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer")

# Every server started in this session, so that a failing test shows their stderr.
_servers: list[Server] = []


class Server:
    def __init__(self, env: dict[str, str], workdir: Path):
        self.workdir = workdir
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("DOGCARE_")}
        full_env.update(env)
        # stderr goes to a file, never a pipe: nobody would drain a pipe, and a
        # server that writes more than its capacity (a sanitizer report, a log
        # flood) would block on its next write.
        fd, name = tempfile.mkstemp(prefix="server-", suffix=".stderr", dir=workdir)
        self.stderr_path = Path(name)
        with os.fdopen(fd, "wb") as stderr:
            self.process = subprocess.Popen([SERVER], env=full_env, stdout=subprocess.PIPE, stderr=stderr, text=True)
        self.stopping = False
        self.lines: list[str] = []
        self.url = ""
        for line in self.process.stdout:
            self.lines.append(line)
            if '"listening"' in line:
                self.url = json.loads(line)["url"]
                break
        if not self.url:
            self.process.wait(timeout=30)
            raise RuntimeError(f"server did not start (exit {self.process.returncode}):\n" + "".join(self.lines[-20:]) + self.stderr_tail())
        threading.Thread(target=self._drain, daemon=True).start()
        _servers.append(self)

    def _drain(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def api(self, path: str) -> str:
        return self.url + "/api/v1" + path

    def stderr_text(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def stderr_tail(self, lines: int = 60) -> str:
        tail = self.stderr_text().splitlines()[-lines:]
        return f"--- stderr of {SERVER} ({self.stderr_path}), last {len(tail)} lines ---\n" + "\n".join(tail)

    def problems(self) -> str:
        """Why this server is not well: it died without being asked to, or
        its stderr holds a sanitizer report. Empty when all is well."""
        text = self.stderr_text()
        if any(report in text for report in SANITIZER_REPORTS):
            return "the server reported a sanitizer error\n" + self.stderr_tail(200)
        if not self.stopping and self.process.poll() is not None:
            return f"the server died during the test (exit {self.process.returncode})\n" + self.stderr_tail()
        return ""

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        self.stopping = True
        if self.process.poll() is None:
            self.process.send_signal(sig)
        code = self.process.wait(timeout=timeout)
        if sig == signal.SIGTERM and code != 0:
            print(self.stderr_tail())  # shown by pytest with the failing assertion on the exit code
        return code


@pytest.fixture(autouse=True)
def servers_stay_well():
    """After each test, every server of the session still running is alive
    and has reported no sanitizer error; a test that killed one on purpose
    has called stop() first."""
    yield
    problems = [p for s in _servers if (p := s.problems())]
    assert not problems, "\n\n".join(problems)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test shows the tail of every live server's stderr."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for i, s in enumerate(_servers):
            if not s.stopping:
                report.sections.append((f"server {i} stderr", s.stderr_tail()))


def database_for(tmp: Path) -> str:
    backend = os.environ.get("DOGCARE_TEST_BACKEND", "sqlite")
    if backend == "postgresql":
        return (Path(os.environ["DOGCARE_TEST_PG_STATE"]) / "dsn").read_text().strip()
    return "sqlite:" + str(tmp / "dogcare.db")


@pytest.fixture(scope="session")
def keys_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "jwt-keys"
    path.write_text(f"k1={secrets.token_hex(32)}\n")
    return path


def start_server(tmp: Path, keys_file: Path, **overrides: str) -> Server:
    env = {
        "DOGCARE_LISTEN": "127.0.0.1:0",
        "DOGCARE_DATABASE": database_for(tmp),
        "DOGCARE_JWT_KEYS_FILE": str(keys_file),
        "DOGCARE_AUTH_RATE_PER_MINUTE": "1000000",
        "DOGCARE_AUTH_BURST": "100000",
        "DOGCARE_IO_THREADS": "2",
        "DOGCARE_WORKERS": "4",
        # Tests that fail logins on purpose pose as their own client address,
        # so the library's per-client throttling does not spill into others.
        "DOGCARE_TRUST_FORWARDED_FOR": "true",
    }
    env.update(overrides)
    return Server(env, tmp)


@pytest.fixture(scope="session")
def server(tmp_path_factory, keys_file):
    s = start_server(tmp_path_factory.mktemp("server"), keys_file)
    yield s
    assert s.stop() == 0


@pytest.fixture
def make_server(tmp_path, keys_file):
    started: list[Server] = []

    def make(**overrides: str) -> Server:
        s = start_server(tmp_path, keys_file, **overrides)
        started.append(s)
        return s

    yield make
    for s in started:
        problems = s.problems()
        s.stop(signal.SIGKILL)
        _servers.remove(s)
        assert not problems, problems


class Client:
    def __init__(self, server: Server, username: str, password: str, token: str):
        self.server = server
        self.username = username
        self.password = password
        self.token = token
        self.session = requests.Session()

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def request(self, method: str, path: str, **kw) -> requests.Response:
        return self.session.request(
            method, self.server.api(path), headers=self.headers() | kw.pop("headers", {}), timeout=30, **kw
        )

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def patch(self, path, **kw):
        return self.request("PATCH", path, **kw)

    def put(self, path, **kw):
        return self.request("PUT", path, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)


def register(server: Server, **extra) -> Client:
    username = "u" + secrets.token_hex(6)
    password = "correct horse " + secrets.token_hex(4)
    r = requests.post(server.api("/auth/register"), json={"username": username, "password": password, **extra}, timeout=30)
    assert r.status_code == 201, r.text
    r = requests.post(server.api("/auth/login"), json={"username": username, "password": password}, timeout=30)
    assert r.status_code == 200, r.text
    return Client(server, username, password, r.json()["access_token"])


@pytest.fixture
def alice(server) -> Client:
    return register(server)


@pytest.fixture
def bob(server) -> Client:
    return register(server)
