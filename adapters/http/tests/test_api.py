"""dogcare-server over real sockets: every route, its errors, ownership, limits."""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import socket
import sqlite3
import ssl
import statistics
import subprocess
import threading
import time
import warnings
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests

from conftest import SERVER, database_for, register

TODAY = date.today().isoformat()


def stranger() -> dict[str, str]:
    return {"X-Forwarded-For": f"192.0.2.{secrets.randbelow(250) + 1}, 10.0.0.1"}


def problem(r: requests.Response, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["Content-Type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == status and body["detail"]
    return body


def field_path(r: requests.Response) -> str:
    return problem(r, 422)["errors"][0]["path"]


def test_operational_routes(server):
    assert requests.get(server.url + "/healthz").json() == {"status": "ok"}
    assert requests.get(server.url + "/readyz").status_code == 200
    doc = requests.get(server.url + "/openapi.json").json()
    assert doc["openapi"].startswith("3.1") and "/api/v1/observations" in doc["paths"]
    # The version is written once, in VERSION; the document and the binary follow it.
    version = (Path(__file__).resolve().parents[3] / "VERSION").read_text().strip()
    assert doc["info"]["version"] == version
    banner = subprocess.run([SERVER, "--version"], capture_output=True, text=True)
    assert banner.stdout.split() == ["dogcare-server", version]
    page = requests.get(server.url + "/docs")
    assert page.status_code == 200 and "swagger-ui-bundle.js" in page.text
    bundle = requests.get(server.url + "/docs/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 100_000
    assert requests.get(server.url + "/docs/..%2fopenapi.json").status_code == 404
    assert requests.get(server.url + "/nowhere").status_code == 404


def test_request_id_is_echoed_or_generated(server):
    r = requests.get(server.url + "/healthz", headers={"X-Request-Id": "abc-123"})
    assert r.headers["X-Request-Id"] == "abc-123"
    assert len(requests.get(server.url + "/healthz").headers["X-Request-Id"]) == 32


def test_metrics_expose_http_library_and_process(server, alice):
    alice.get("/me")
    text = requests.get(server.url + "/metrics").text
    assert 'http_requests_total{method="GET",route="/api/v1/me",status="200"}' in text
    assert 'http_request_duration_seconds_bucket{route="/api/v1/me"' in text
    for name in ("http_requests_in_flight", "dogcare_logins_total", "process_resident_memory_bytes",
                 "process_open_fds", "process_cpu_seconds_total", "process_start_time_seconds"):
        assert name in text


def test_unknown_methods_share_one_metrics_label(server):
    # Any token is a method to HTTP: a label per method would let a client add
    # time series (memory, scrape size) without bound.
    for i in range(3):
        assert requests.request(f"FUZZ{i}", server.url + "/api/v1/dogs").status_code == 405
    text = requests.get(server.url + "/metrics").text
    assert "FUZZ" not in text
    assert re.search(r'^http_requests_total\{method="OTHER",[^}]*status="405"\} [3-9]', text, re.M)


def test_register_login_and_profile(server):
    client = register(server, email=None)
    me = client.get("/me").json()
    assert me["username"] == client.username and me["onboarded"] is False
    form = requests.post(server.api("/auth/login"), data={"username": client.username, "password": client.password})
    assert form.status_code == 200 and form.json()["token_type"] == "bearer" and form.json()["expires_in"] > 0
    assert field_path(requests.post(server.api("/auth/login"), data={"username": client.username})) == "$.password"
    r = client.patch("/me", json={"email": client.username + "@example.org"})
    assert r.status_code == 200 and r.json()["email"] == client.username + "@example.org"
    other = register(server)
    problem(other.patch("/me", json={"email": client.username.upper() + "@example.org"}), 409)
    r = requests.post(server.api("/auth/register"), json={"username": client.username, "password": "whatever123"})
    problem(r, 409)


def test_each_account_has_a_time_zone_and_its_own_today(server):
    # Kiritimati is UTC+14 and Pago Pago UTC-11: while it is day K in
    # Kiritimati, it is K-1 or K-2 in Pago Pago, whatever the instant.
    assert register(server).get("/me").json()["time_zone"] == "Europe/Paris"
    ahead = register(server, time_zone="Pacific/Kiritimati")
    behind = register(server, time_zone="Pacific/Pago_Pago")
    assert ahead.get("/me").json()["time_zone"] == "Pacific/Kiritimati"
    k = datetime.now(ZoneInfo("Pacific/Kiritimati")).date().isoformat()
    assert ahead.post("/observations", json={"date": k, "severity": 2}).status_code == 201
    late = problem(behind.post("/observations", json={"date": k, "severity": 2}), 422)["errors"][0]
    assert (late["pointer"], late["code"]) == ("/date", "too_late")
    assert late["latest"] < k
    # Moving to Kiritimati moves the account's today.
    r = behind.patch("/me", json={"time_zone": "Pacific/Kiritimati"})
    assert r.status_code == 200 and r.json()["time_zone"] == "Pacific/Kiritimati"
    assert behind.post("/observations", json={"date": k, "severity": 2}).status_code == 201
    for bad, code in (("Mars/Olympus_Mons", "unknown"), ("x" * 65, "too_long"), (None, "required")):
        error = problem(behind.patch("/me", json={"time_zone": bad}), 422)["errors"][0]
        assert (error["pointer"], error["code"]) == ("/time_zone", code), error
    error = problem(requests.post(server.api("/auth/register"), json={
        "username": "u" + secrets.token_hex(6), "password": "long enough pw", "time_zone": "Europe/Atlantis"}), 422)
    assert error["errors"][0]["pointer"] == "/time_zone"
    assert behind.get("/me").json()["time_zone"] == "Pacific/Kiritimati"


def test_each_account_has_a_language_for_its_mails(server):
    assert register(server).get("/me").json()["language"] == "fr"
    english = register(server, language="en")
    assert english.get("/me").json()["language"] == "en"
    r = english.patch("/me", json={"language": "fr"})
    assert r.status_code == 200 and r.json()["language"] == "fr"
    for bad, code in (("de", "invalid_format"), (None, "required")):
        error = problem(english.patch("/me", json={"language": bad}), 422)["errors"][0]
        assert (error["pointer"], error["code"]) == ("/language", code), error
    error = problem(requests.post(server.api("/auth/register"), json={
        "username": "u" + secrets.token_hex(6), "password": "long enough pw", "language": "EN"}), 422)
    assert error["errors"][0]["pointer"] == "/language"
    assert english.get("/me").json()["language"] == "fr"


def test_logins_and_tokens_refused(server, alice):
    problem(requests.post(server.api("/auth/login"), json={"username": alice.username, "password": "wrong password"}, headers=stranger()), 401)
    r = requests.get(server.api("/me"))
    assert problem(r, 401) and r.headers["WWW-Authenticate"] == "Bearer"
    problem(requests.get(server.api("/me"), headers={"Authorization": "Bearer not.a.jwt"}), 401)
    problem(requests.get(server.api("/me"), headers={"Authorization": "Basic abc"}), 401)


def test_password_change_and_logout_all_revoke_tokens(server):
    client = register(server)
    new_password = "another long password"
    r = client.put("/me/password", json={"current_password": client.password, "new_password": new_password})
    assert r.status_code == 204
    problem(client.get("/me"), 401)
    r = requests.post(server.api("/auth/login"), json={"username": client.username, "password": new_password})
    client.token = r.json()["access_token"]
    assert client.get("/me").status_code == 200
    assert client.post("/auth/logout-all").status_code == 204
    problem(client.get("/me"), 401)


def test_password_reset_without_mailer_is_unavailable(server):
    r = requests.post(server.api("/auth/password-reset/request"), json={"email": "x@example.org"})
    assert problem(r, 503)
    r = requests.post(server.api("/auth/password-reset/confirm"), json={"token": "nope", "new_password": "abcdefghij"})
    assert 400 <= r.status_code < 500 and r.headers["Content-Type"] == "application/problem+json"


def test_delete_account(server):
    client = register(server)
    assert client.delete("/me").status_code == 204
    problem(client.get("/me"), 401)


def test_dogs_crud(alice):
    dogs = alice.get("/dogs").json()["items"]
    assert len(dogs) == 1
    r = alice.post("/dogs", json={"name": "Rex", "breed": "Berger", "birth_date": "2020-02-29"})
    assert r.status_code == 201
    dog = r.json()
    assert r.headers["Location"] == f"/api/v1/dogs/{dog['id']}"
    assert alice.get(f"/dogs/{dog['id']}").json()["birth_date"] == "2020-02-29"
    r = alice.patch(f"/dogs/{dog['id']}", json={"birth_date": None, "notes": "shy"})
    assert r.status_code == 200 and r.json()["birth_date"] is None and r.json()["notes"] == "shy"
    assert alice.delete(f"/dogs/{dog['id']}").status_code == 204
    problem(alice.get(f"/dogs/{dog['id']}"), 404)


def test_catalog_onboarding_and_items(alice):
    defaults = alice.get("/catalog/defaults").json()
    assert defaults["triggers"] and defaults["reactions"]
    r = alice.post("/onboarding", json={"trigger_ids": [defaults["triggers"][0]["id"]],
                                        "reaction_ids": [defaults["reactions"][0]["id"]], "dog_name": "Filou"})
    assert r.status_code == 200 and r.json()["onboarded"] is True
    assert field_path(alice.post("/onboarding", json={"trigger_ids": ["no-such-default"]})) == "$.trigger_ids[0]"
    assert field_path(alice.post("/onboarding", json={"reaction_ids": ["x"]})) == "$.reaction_ids[0]"
    assert alice.get("/dogs").json()["items"][0]["name"] == "Filou"
    for kind in ("triggers", "reactions"):
        r = alice.post(f"/{kind}", json={"name": "Vélo électrique"})
        assert r.status_code == 201
        item = r.json()
        assert r.headers["Location"].endswith(item["id"])
        problem(alice.post(f"/{kind}", json={"name": "velo ELECTRIQUE"}), 409)
        assert alice.patch(f"/{kind}/{item['id']}", json={"name": "Trottinette"}).json()["name"] == "Trottinette"
        assert alice.get(f"/{kind}/{item['id']}").status_code == 200
        assert any(i["id"] == item["id"] for i in alice.get(f"/{kind}").json()["items"])
        assert alice.delete(f"/{kind}/{item['id']}").status_code == 204
        problem(alice.get(f"/{kind}/{item['id']}"), 404)


def make_observation(client, **fields):
    body = {"date": TODAY, "severity": 3, "comment": "Vélo au parc", "triggers": ["vélo"], "reactions": ["aboiement"]} | fields
    r = client.post("/observations", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_observations_crud_search_and_pagination(alice):
    first = make_observation(alice, distance_m=15, recovery_min=5, handler_action="U-turn")
    assert first["triggers"][0]["name"] == "vélo" and first["distance_m"] == 15
    assert alice.get(f"/observations/{first['id']}").json() == first
    r = alice.patch(f"/observations/{first['id']}", json={"severity": 5, "distance_m": None})
    assert r.status_code == 200 and r.json()["severity"] == 5 and r.json()["distance_m"] is None
    for i in range(4):
        make_observation(alice, severity=1 + i % 2, comment=f"walk {i}")
    page = alice.get("/observations", params={"limit": 2, "total": "true"}).json()
    assert len(page["items"]) == 2 and page["next_cursor"] and page["total"] == 5
    rest = alice.get("/observations", params={"limit": 10, "cursor": page["next_cursor"]}).json()
    assert len(rest["items"]) == 3 and rest["next_cursor"] is None
    found = alice.get("/observations", params={"q": "VELO", "severity": [5, 4]}).json()["items"]
    assert [o["id"] for o in found] == [first["id"]]
    trigger_id = first["triggers"][0]["id"]
    assert len(alice.get("/observations", params=[("trigger", trigger_id), ("trigger", "x")]).json()["items"]) == 5
    assert alice.delete(f"/observations/{first['id']}").status_code == 204
    problem(alice.get(f"/observations/{first['id']}"), 404)


def test_csv_export_is_streamed(alice):
    for i in range(3):
        make_observation(alice, comment=f"=cmd {i}")
    r = alice.get("/observations/export.csv", params={"q": "cmd"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    assert r.headers.get("Transfer-Encoding") == "chunked"
    lines = r.text.strip().split("\r\n")
    assert lines[0].startswith("date,dog,severity") and len(lines) == 4
    assert "'=cmd" in r.text
    assert field_path(alice.get("/observations/export.csv", params={"from": "yesterday"})) == "from"


def test_calendar_and_analytics(alice):
    make_observation(alice, severity=4)
    today = date.today()
    month = alice.get("/calendar", params={"year": today.year, "month": today.month}).json()
    assert month["days"][0]["band"] == "red" and month["days"][0]["max_severity"] == 4
    report = alice.get("/analytics", params={"period": "this_month"}).json()
    assert report["observations"] == 1 and report["trend"]["direction"] == "insufficient_data"
    custom = alice.get("/analytics", params={"from": (today - timedelta(days=7)).isoformat(), "to": today.isoformat()})
    assert custom.status_code == 200 and custom.json()["observations"] == 1
    assert field_path(alice.get("/analytics", params={"period": "decade"})) == "period"
    assert field_path(alice.get("/analytics", params={"month": "2024-13"})) == "month"
    assert field_path(alice.get("/calendar", params={"year": "x", "month": 1})) == "year"
    assert field_path(alice.get("/calendar", params={"month": 1})) == "year"


def test_other_users_ids_are_not_found(alice, bob):
    dog = alice.get("/dogs").json()["items"][0]
    obs = make_observation(alice)
    trigger = obs["triggers"][0]
    reaction = obs["reactions"][0]
    for path in (f"/dogs/{dog['id']}", f"/observations/{obs['id']}", f"/triggers/{trigger['id']}",
                 f"/reactions/{reaction['id']}"):
        problem(bob.get(path), 404)
        problem(bob.patch(path, json={"name": "mine"} if "dogs" in path or "t" in path else {}), 404)
        problem(bob.delete(path), 404)
    assert field_path(bob.post("/observations", json={"dog_id": dog["id"], "date": TODAY, "severity": 2})) == "$.dog_id"
    assert alice.get(f"/observations/{obs['id']}").status_code == 200


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (b"{not json", "$"),
        (b"[1, 2]", "$"),
        (b'{"date": "' + TODAY.encode() + b'", "severity": "3"}', "$.severity"),
        (b'{"severity": 3}', "$.date"),
        (b'{"date": "2024-02-30", "severity": 3}', "$.date"),
        (b'{"date": "' + TODAY.encode() + b'", "severity": 99999999999999999999999}', "$.severity"),
        (b'{"date": "' + TODAY.encode() + b'", "severity": 1e400}', None),
        (b'{"date": "' + TODAY.encode() + b'", "severity": 9}', "$.severity"),
        (b'{"date": "' + TODAY.encode() + b'", "severity": 2, "triggers": ["ok", 3]}', "$.triggers[1]"),
        (b'{"date": "' + TODAY.encode() + b'", "severity": 2, "comment": "\xff\xfe"}', "$"),
        (b'{"date": "' + TODAY.encode() + b'", "severity": 2, "distance_m": -1}', "$.distance_m"),
    ],
)
def test_invalid_bodies_get_422_with_the_field_path(alice, body, path):
    r = alice.post("/observations", data=body, headers={"Content-Type": "application/json"})
    got = field_path(r)
    if path is not None:
        assert got == path


def test_invalid_query_parameters(alice):
    assert field_path(alice.get("/observations", params={"limit": "ten"})) == "limit"
    assert field_path(alice.get("/observations", params={"limit": "99999999999999999999999"})) == "limit"
    assert field_path(alice.get("/observations", params={"limit": 0})) == "limit"
    assert field_path(alice.get("/observations", params={"from": "2024-1-1"})) == "from"
    assert field_path(alice.get("/observations", params={"cursor": "garbage"})) == "cursor"


def test_unsupported_media_type_and_methods(alice, server):
    problem(alice.post("/dogs", data="name=Rex", headers={"Content-Type": "text/plain"}), 415)
    problem(alice.post("/dogs", data="{}"), 415)
    r = alice.request("PUT", "/dogs")
    assert problem(r, 405) and "GET" in r.headers["Allow"]


def test_oversized_body_gets_413_without_being_read(server, alice):
    with socket.create_connection((server.url.split("//")[1].split(":")[0], int(server.url.rsplit(":", 1)[1]))) as s:
        s.sendall(
            b"POST /api/v1/dogs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Authorization: Bearer " + alice.token.encode() + b"\r\nContent-Length: 10485760\r\n\r\n"
            + b"{" * 1000
        )
        s.settimeout(10)
        answer = s.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413")


def test_library_login_throttling_gives_429_with_retry_after(server):
    client = register(server)
    statuses = []
    client_address = stranger()
    for _ in range(7):
        r = requests.post(server.api("/auth/login"), json={"username": client.username, "password": "bad password!"}, headers=client_address)
        statuses.append(r.status_code)
    assert statuses[:5] == [401] * 5 and 429 in statuses
    assert int(r.headers["Retry-After"]) >= 1 and r.headers["Content-Type"] == "application/problem+json"


def test_per_client_auth_rate_limit(make_server):
    s = make_server(DOGCARE_AUTH_RATE_PER_MINUTE="1", DOGCARE_AUTH_BURST="2")
    address = stranger()
    statuses = [requests.post(s.api("/auth/login"), json={"username": "nobody", "password": "x" * 8}, headers=address).status_code for _ in range(3)]
    assert statuses[2] == 429
    r = requests.post(s.api("/auth/login"), json={"username": "nobody", "password": "x" * 8}, headers=address)
    assert int(r.headers["Retry-After"]) >= 1
    assert requests.get(s.url + "/healthz").status_code == 200


def test_slow_client_is_cut_off(make_server):
    s = make_server(DOGCARE_READ_TIMEOUT_SECONDS="1")
    host, port = s.url.split("//")[1].rsplit(":", 1)
    with socket.create_connection((host, int(port))) as conn:
        conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        conn.settimeout(5)
        started = time.monotonic()
        assert conn.recv(1024) == b""
        assert time.monotonic() - started < 4


@pytest.fixture
def own_database(tmp_path):
    """A database of this test's own, so tampering with it disturbs no other
    test: a SQLite file, or a fresh database on the PostgreSQL test server.
    Yields the server's connection string and a function that runs SQL in it."""
    if os.environ.get("DOGCARE_TEST_BACKEND", "sqlite") == "sqlite":
        path = tmp_path / "own.db"

        def run_sqlite(sql: str) -> None:
            with sqlite3.connect(path) as db:
                db.execute(sql)

        yield "sqlite:" + str(path), run_sqlite
        return
    state = Path(os.environ["DOGCARE_TEST_PG_STATE"])
    psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", (state / "port").read_text().strip(), "-U", "postgres"]
    name = "own_" + secrets.token_hex(6)

    def run_pg(sql: str, database: str = name) -> None:
        subprocess.run([*psql, "-d", database, "-c", sql], check=True, capture_output=True)

    run_pg(f"CREATE DATABASE {name}", "postgres")
    try:
        yield (state / "dsn").read_text().strip().replace("Database=postgres;", f"Database={name};"), run_pg
    finally:
        run_pg(f"DROP DATABASE {name} WITH (FORCE)", "postgres")


def test_the_connection_string_can_come_from_a_file_vault_agent_renders(make_server, tmp_path):
    connection = tmp_path / "database"
    connection.write_text(database_for(tmp_path).removeprefix("sqlite:") + "\n")
    s = make_server(DOGCARE_DATABASE="", DOGCARE_DATABASE_FILE=str(connection))
    assert requests.get(s.url + "/readyz").status_code == 200
    assert register(s).token
    # The content of the file, credentials included, never reaches the logs.
    assert not any("Driver=" in line or "Pwd=" in line for line in s.lines)


def test_readyz_is_503_when_the_schema_is_not_current(make_server, own_database):
    database, run_sql = own_database
    s = make_server(DOGCARE_DATABASE=database)
    assert requests.get(s.url + "/readyz").status_code == 200
    run_sql("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'future', 'x', '2024-01-01')")
    problem(requests.get(s.url + "/readyz"), 503)
    assert requests.get(s.url + "/healthz").status_code == 200


def test_login_storm_does_not_stall_healthz(make_server):
    # One worker and a storm of logins (Argon2id) queue seconds of work; a
    # /healthz that waited in that queue would take as long as a login. It is
    # answered on the I/O threads, so it stays a small fraction of a login's
    # time however slow the machine (a ratio, not a timing: see bench/ for those).
    s = make_server(DOGCARE_WORKERS="1")
    client = register(s)
    health, logins = [], []
    stop = threading.Event()

    def storm():
        while not stop.is_set():
            started = time.monotonic()
            requests.post(s.api("/auth/login"), json={"username": client.username, "password": client.password}, timeout=60)
            logins.append(time.monotonic() - started)

    threads = [threading.Thread(target=storm) for _ in range(8)]
    for t in threads:
        t.start()
    while len(logins) < 8:
        time.sleep(0.05)
    for _ in range(20):
        started = time.monotonic()
        assert requests.get(s.url + "/healthz", timeout=30).status_code == 200
        health.append(time.monotonic() - started)
    stop.set()
    for t in threads:
        t.join()
    assert statistics.median(health) < statistics.median(logins) / 5, (health, logins)


def test_graceful_shutdown_finishes_requests_in_flight(make_server):
    grace = 40
    s = make_server(DOGCARE_SHUTDOWN_GRACE_SECONDS=str(grace))
    results = []

    def work(i):
        try:
            r = requests.post(s.api("/auth/register"), json={"username": f"late{i}{time.time_ns()}"[:40], "password": "long enough pw"})
            results.append(r.status_code)
        except requests.ConnectionError:
            pass  # not accepted before the listener closed: refused, as it should be

    host, port = s.url.removeprefix("http://").split(":")

    def in_flight() -> float:
        # The server counts a request out only after writing its answer, so a
        # scrape answered by content length could find the previous scrape
        # still counted. Read this one to the end of the connection instead:
        # the server closes it only once it has counted the scrape out.
        with socket.create_connection((host, int(port)), timeout=10) as raw:
            raw.sendall(b"GET /metrics HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            answer = b""
            while chunk := raw.recv(65536):
                answer += chunk
        metrics = answer.decode()
        # The scrape itself is one of the requests in flight.
        return float(re.search(r"^http_requests_in_flight (\S+)$", metrics, re.M).group(1)) - 1

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    # SIGTERM only once the server is working on some of them (eight Argon2
    # hashes keep four workers busy for a while), however loaded the machine is.
    deadline = time.monotonic() + 30
    while (busy := in_flight()) < 1 and time.monotonic() < deadline:
        time.sleep(0.005)
    asked_to_stop = time.monotonic()
    assert s.stop() == 0
    stopping = time.monotonic() - asked_to_stop
    for t in threads:
        t.join()
    # Every request the server had read was answered in full before it exited,
    # and it exited once they were: not at the end of the grace period (the io
    # threads once returned as soon as the listener closed, and the answers
    # computed on the workers were never written).
    assert len(results) >= busy and all(code == 201 for code in results), (busy, results)
    assert stopping < grace / 2, stopping
    assert any('"stopped"' in line for line in s.lines)


# --- TLS, token lifetime, key rotation, oversized bodies -------------------------------------


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A throw-away certificate for 127.0.0.1 (Debian's openssl CLI)."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    return cert, key


def host_port(url: str) -> tuple[str, int]:
    host, port = url.split("//")[1].rsplit(":", 1)
    return host, int(port)


def old_tls_handshake(port: int, version: ssl.TLSVersion) -> str:
    """Handshakes with only `version` offered and every cipher allowed
    (SECLEVEL=0), so that a refusal comes from the server, not from this
    client's own OpenSSL policy. Returns the negotiated version or raises."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = version
        context.maximum_version = version
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, context.wrap_socket(raw) as tls:
        return tls.version() or ""


def server_accepting_old_tls(cert: Path, key: Path) -> int:
    """A Python TLS server that does accept TLS 1.0/1.1: the control showing
    that old_tls_handshake can succeed at all."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.TLSv1
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            connection, _ = listener.accept()
            try:
                with context.wrap_socket(connection, server_side=True) as tls:
                    tls.recv(1)
            except (ssl.SSLError, OSError):
                pass

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


def read_until_closed(conn: socket.socket, timeout: float) -> bytes:
    conn.settimeout(timeout)
    data = b""
    try:
        while chunk := conn.recv(65536):
            data += chunk
    except (TimeoutError, ConnectionResetError):
        pass
    return data


def test_tls_serves_https_and_refuses_old_versions_and_plain_http(make_server, tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    s = make_server(DOGCARE_TLS_CERT_FILE=str(cert), DOGCARE_TLS_KEY_FILE=str(key))
    assert s.url.startswith("https://127.0.0.1:")
    # Verified against that certificate (and only that one: the system CAs do not know it).
    assert requests.get(s.url + "/healthz", verify=str(cert), timeout=10).json() == {"status": "ok"}
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(s.url + "/healthz", timeout=10)
    username = "tls" + secrets.token_hex(4)
    r = requests.post(s.api("/auth/register"), json={"username": username, "password": "long enough pw"},
                      verify=str(cert), timeout=30)
    assert r.status_code == 201, r.text

    _, port = host_port(s.url)
    control = server_accepting_old_tls(cert, key)
    for version in (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1):
        assert old_tls_handshake(control, version) in ("TLSv1", "TLSv1.1")
        with pytest.raises((ssl.SSLError, ConnectionResetError)):
            old_tls_handshake(port, version)

    # Plain HTTP to the TLS port gets no HTTP answer, and the connection ends.
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        started = time.monotonic()
        answer = read_until_closed(conn, 10)
    assert b"HTTP/" not in answer and b"ok" not in answer
    assert time.monotonic() - started < 9, "the server kept the connection open"
    # The server is still serving TLS afterwards.
    assert requests.get(s.url + "/healthz", verify=str(cert), timeout=10).status_code == 200


def test_tokens_expire_after_their_lifetime(make_server):
    s = make_server(DOGCARE_TOKEN_TTL_SECONDS="1")
    username, password = "ttl" + secrets.token_hex(4), "long enough pw"
    assert requests.post(s.api("/auth/register"), json={"username": username, "password": password}).status_code == 201
    r = requests.post(s.api("/auth/login"), json={"username": username, "password": password})
    issued = time.time()
    assert r.status_code == 200 and r.json()["expires_in"] == 1
    auth = {"Authorization": "Bearer " + r.json()["access_token"]}
    assert requests.get(s.api("/me"), headers=auth).status_code == 200
    # The library accepts a token for kClockLeeway (30 s, clock skew between
    # replicas) past its exp; after that it is refused.
    deadline = issued + 1 + 30 + 10
    while (r := requests.get(s.api("/me"), headers=auth)).status_code == 200 and time.time() < deadline:
        time.sleep(0.5)
    assert problem(r, 401) and r.headers["WWW-Authenticate"] == "Bearer"
    assert time.time() - issued > 1


def token_kid(token: str) -> str:
    header = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))["kid"]


def test_jwt_keys_file_is_rotated_without_restart(make_server, tmp_path):
    keys = tmp_path / "rotating-keys"  # this test's own file, not the session's
    k1, k2 = secrets.token_hex(32), secrets.token_hex(32)

    def render(text: str) -> None:
        # As Vault Agent does: a new file moved over the old one.
        staged = tmp_path / "rotating-keys.new"
        staged.write_text(text)
        os.replace(staged, keys)

    def wait_for_reloads(count: int) -> None:
        deadline = time.monotonic() + 15
        while sum('"jwt_keys_reloaded"' in line for line in s.lines) < count:
            assert time.monotonic() < deadline, "the server did not re-read the keys file"
            time.sleep(0.1)

    render(f"k1={k1}\n")
    s = make_server(DOGCARE_JWT_KEYS_FILE=str(keys))
    username, password = "rot" + secrets.token_hex(4), "long enough pw"
    assert requests.post(s.api("/auth/register"), json={"username": username, "password": password}).status_code == 201

    def login() -> str:
        r = requests.post(s.api("/auth/login"), json={"username": username, "password": password})
        assert r.status_code == 200, r.text
        return r.json()["access_token"]

    def me(token: str) -> requests.Response:
        return requests.get(s.api("/me"), headers={"Authorization": "Bearer " + token})

    old = login()
    assert token_kid(old) == "k1" and me(old).status_code == 200

    render(f"k2={k2}\nk1={k1}\n")  # k2 signs from now on, k1 still verifies
    wait_for_reloads(1)
    assert me(old).status_code == 200
    new = login()
    assert token_kid(new) == "k2" and me(new).status_code == 200

    render(f"k2={k2}\n")  # k1 retired: its tokens die at once
    wait_for_reloads(2)
    problem(me(old), 401)
    assert me(new).status_code == 200
    assert not any(k1 in line or k2 in line for line in s.lines)


def resident_bytes(s) -> float:
    metrics = requests.get(s.url + "/metrics", timeout=10).text
    return float(re.search(r"^process_resident_memory_bytes (\S+)$", metrics, re.M).group(1))


def peak_resident_bytes(s) -> int:
    status = Path(f"/proc/{s.process.pid}/status").read_text()
    return int(re.search(r"^VmHWM:\s+(\d+) kB$", status, re.M).group(1)) * 1024


TEN_MB = 10 * 1024 * 1024


def upload_ten_megabytes(s, chunked: bool) -> tuple[bytes, int, float, int]:
    """POSTs 10 MB (with a Content-Length, or chunked without one) while
    reading the answer. Returns the answer, the bytes the kernel took before
    the server cut the upload off, and the server's RSS (from /metrics) and
    peak RSS measured while this connection is still open."""
    host, port = host_port(s.url)
    framing = b"Transfer-Encoding: chunked\r\n" if chunked else f"Content-Length: {TEN_MB}\r\n".encode()
    piece = b"[" * 65536
    sent = 0
    with socket.create_connection((host, port)) as conn:
        conn.sendall(b"POST /api/v1/dogs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + framing + b"\r\n")

        def send_body() -> None:
            nonlocal sent
            try:
                while sent < TEN_MB:
                    conn.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if chunked else piece)
                    sent += len(piece)
                if chunked:
                    conn.sendall(b"0\r\n\r\n")
            except OSError:
                pass  # cut off by the server, as it should be

        sender = threading.Thread(target=send_body)
        sender.start()
        conn.settimeout(30)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer and (chunk := conn.recv(65536)):
                answer += chunk
        except ConnectionResetError:
            pass
        sender.join(timeout=30)
        rss, peak = resident_bytes(s), peak_resident_bytes(s)
    return answer, sent, rss, peak


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_ten_megabyte_body_gets_413_without_being_buffered(make_server, chunked):
    # The ASan build (make test-asan runs this suite too) would otherwise keep
    # freed buffers resident in its quarantine; the release binary ignores it.
    asan = ":".join(filter(None, [os.environ.get("ASAN_OPTIONS"), "quarantine_size_mb=0"]))
    s = make_server(ASAN_OPTIONS=asan)
    assert requests.get(s.url + "/healthz").status_code == 200
    rss_before, peak_before = resident_bytes(s), peak_resident_bytes(s)
    answer, sent, rss, peak = upload_ten_megabytes(s, chunked)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    # At most the 1 MiB limit was held (a chunked upload grows the body and
    # read buffers to 2-3 MiB): neither the current nor the peak RSS grew by
    # anything like the 10 MB sent. Buffered whole, RSS grows 10-27 MiB.
    assert rss - rss_before < 6 * 1024 * 1024, (rss_before, rss, sent)
    assert peak - peak_before < 6 * 1024 * 1024, (peak_before, peak, sent)
    assert requests.get(s.url + "/healthz").status_code == 200
