"""Two dogcare-server replicas on one database (the SQLite file shared, or the
PostgreSQL test server): a token issued by one is accepted by the other, and
a revocation on one is seen by the other on its very next request. Each
request checks the token's version and the account's state with a point
read of the database (no per-replica cache), so there is no delay to wait
out: no retry and no sleep here."""

from __future__ import annotations

import pytest
import requests

from conftest import Client, register


@pytest.fixture
def replicas(make_server):
    a, b = make_server(), make_server()
    assert a.url != b.url
    return a, b


def on(replica, client: Client) -> Client:
    """The same user and token, talking to another replica."""
    return Client(replica, client.username, client.password, client.token)


def refused(r: requests.Response) -> bool:
    return r.status_code == 401 and r.headers.get("WWW-Authenticate") == "Bearer"


def login(replica, client: Client) -> str:
    r = requests.post(replica.api("/auth/login"), json={"username": client.username, "password": client.password}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def test_a_token_issued_by_one_replica_is_accepted_by_the_other(replicas):
    a, b = replicas
    on_a = register(a)
    on_b = on(b, on_a)
    assert on_b.get("/me").json()["username"] == on_a.username
    # What one replica writes, the other reads.
    dog = on_b.post("/dogs", json={"name": "Rex"}).json()
    assert on_a.get(f"/dogs/{dog['id']}").status_code == 200


def test_logout_all_on_one_replica_is_refused_by_the_other_at_once(replicas):
    a, b = replicas
    on_a = register(a)
    on_b = on(b, on_a)
    assert on_b.get("/me").status_code == 200  # B has seen the token valid
    assert on_a.post("/auth/logout-all").status_code == 204
    assert refused(on_b.get("/me"))
    assert refused(on_a.get("/me"))
    # A new login, on either replica, works on both.
    on_b.token = login(b, on_a)
    assert on(a, on_b).get("/me").status_code == 200


def test_password_change_on_one_replica_is_refused_by_the_other_at_once(replicas):
    a, b = replicas
    on_a = register(a)
    on_b = on(b, on_a)
    assert on_b.get("/dogs").status_code == 200
    r = on_a.put("/me/password", json={"current_password": on_a.password, "new_password": "a new long password"})
    assert r.status_code == 204
    assert refused(on_b.get("/dogs"))
    on_b.password = "a new long password"
    on_b.token = login(b, on_b)
    assert on_b.get("/dogs").status_code == 200


def test_an_account_deleted_on_one_replica_is_refused_by_the_other_at_once(replicas):
    a, b = replicas
    on_a = register(a)
    on_b = on(b, on_a)
    assert on_b.get("/me").status_code == 200
    assert on_a.delete("/me").status_code == 204
    assert refused(on_b.get("/me"))
