"""Sharing a dog with professionals over REST: profiles, invitations by account
or one-time code, grants, and the access rule on every route that reads a
dog's data (the library decides; the server must not filter on its own)."""

from __future__ import annotations

import re
import secrets
import sqlite3
import time
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
import requests

from conftest import Client, database_for, register
from test_api import TODAY, field_path, make_observation, problem


def own_dog(client: Client) -> dict:
    return client.get("/dogs").json()["items"][0]


def make_code(owner: Client, dog_id: str, scope: str = "read") -> dict:
    r = owner.post(f"/dogs/{dog_id}/share-codes", json={"scope": scope})
    assert r.status_code == 201, r.text
    return r.json()


def share(owner: Client, professional: Client, dog_id: str, scope: str = "read") -> dict:
    """The grant `professional` holds after accepting a code `owner` made."""
    r = professional.post("/share-codes/accept", json={"code": make_code(owner, dog_id, scope)["code"]})
    assert r.status_code == 200, r.text
    return r.json()


def errors_by_pointer(r) -> dict[str, dict]:
    return {e["pointer"]: e for e in problem(r, 422)["errors"]}


def test_professional_profile_is_set_read_and_cleared(bob):
    problem(bob.get("/me/professional-profile"), 404)
    r = bob.put("/me/professional-profile", json={"display_name": "Bob Dupont", "kind": "behaviourist",
                                                  "organisation": "Club canin", "contact": "06 00 00 00 00"})
    assert r.status_code == 200, r.text
    profile = r.json()
    assert profile["display_name"] == "Bob Dupont" and profile["kind"] == "behaviourist" and profile["updated_at"]
    assert bob.get("/me/professional-profile").json() == profile
    replaced = bob.put("/me/professional-profile", json={"display_name": "Bob", "kind": "vet"}).json()
    assert replaced["kind"] == "vet" and replaced["organisation"] is None
    assert bob.delete("/me/professional-profile").status_code == 204
    problem(bob.get("/me/professional-profile"), 404)
    assert bob.delete("/me/professional-profile").status_code == 204  # nothing to remove is fine


def test_profile_errors_name_the_field(bob):
    errors = errors_by_pointer(bob.put("/me/professional-profile", json={
        "display_name": "", "kind": "trainer", "organisation": "o" * 201, "contact": "c" * 255}))
    assert errors["/display_name"]["code"] in ("required", "too_short")
    assert errors["/organisation"]["code"] == "too_long" and errors["/organisation"]["max"] == 200
    assert errors["/contact"]["code"] == "too_long" and errors["/contact"]["max"] == 254
    errors = errors_by_pointer(bob.put("/me/professional-profile", json={"display_name": "Bob", "kind": "wizard"}))
    assert errors["/kind"]["code"] == "invalid_format"
    assert field_path(bob.put("/me/professional-profile", json={"kind": "vet"})) == "$.display_name"
    problem(bob.get("/me/professional-profile"), 404)  # nothing half-written


def test_owner_shares_by_code_professional_reads_and_cannot_write_until_revoked(server, alice, bob):
    alice.patch("/me", json={"email": alice.username + "@example.org"})
    dog = own_dog(alice)
    marker = "secret " + secrets.token_hex(4)
    obs = make_observation(alice, severity=4, comment=marker, triggers=["vélo"], reactions=["aboiement"])
    bob.put("/me/professional-profile", json={"display_name": "Bob Dupont", "kind": "trainer"})

    code = make_code(alice, dog["id"], "read_comment")
    assert len(code["code"]) == 43 and code["dog_id"] == dog["id"] and code["scope"] == "read_comment"
    pending = alice.get(f"/dogs/{dog['id']}/shares").json()
    assert pending["shares"] == [] and [i["id"] for i in pending["invitations"]] == [code["invitation_id"]]
    assert "invitee" not in pending["invitations"][0] or pending["invitations"][0]["invitee"] is None

    grant = bob.post("/share-codes/accept", json={"code": code["code"]})
    assert grant.status_code == 200, grant.text
    held = grant.json()
    assert (held["dog_id"], held["dog_name"], held["owner_name"], held["scope"]) == (
        dog["id"], dog["name"], alice.username, "read_comment")
    problem(bob.post("/share-codes/accept", json={"code": code["code"]}), 404)  # single use
    assert bob.get("/me/shared-dogs").json()["items"] == [held]
    sharing = alice.get(f"/dogs/{dog['id']}/shares").json()
    assert sharing["invitations"] == []
    [dog_share] = sharing["shares"]
    assert dog_share["id"] == held["id"] and dog_share["professional_username"] == bob.username
    assert dog_share["profile"]["display_name"] == "Bob Dupont"

    # The professional reads every view of the shared dog, with the owner's names.
    assert bob.get(f"/dogs/{dog['id']}").json()["name"] == dog["name"]
    assert bob.get(f"/observations/{obs['id']}").json()["comment"] == marker
    found = bob.get("/observations", params={"dog_id": dog["id"], "q": marker}).json()["items"]
    assert [o["id"] for o in found] == [obs["id"]]
    assert found[0]["triggers"][0]["name"] == "vélo" and found[0]["reactions"][0]["name"] == "aboiement"
    trigger_id = obs["triggers"][0]["id"]
    assert len(bob.get("/observations", params={"dog_id": dog["id"], "trigger": trigger_id}).json()["items"]) == 1
    today = date.today()
    days = bob.get("/calendar", params={"dog_id": dog["id"], "year": today.year, "month": today.month}).json()["days"]
    assert [(d["date"], d["band"]) for d in days] == [(TODAY, "red")]
    report = bob.get("/analytics", params={"dog_id": dog["id"], "period": "this_month"}).json()
    assert report["observations"] == 1
    csv = bob.get("/observations/export.csv", params={"dog_id": dog["id"]})
    assert csv.status_code == 200 and marker in csv.text and "vélo" in csv.text
    # Without a dog, search covers the caller's own dogs only.
    assert marker not in bob.get("/observations", params={"q": marker}).text
    # Never the owner's email.
    for path in (f"/dogs/{dog['id']}", "/me/shared-dogs", f"/observations/{obs['id']}"):
        assert alice.username + "@example.org" not in bob.get(path).text

    # Writes stay the owner's: answered as for any foreign dog.
    problem(bob.patch(f"/observations/{obs['id']}", json={"severity": 1}), 404)
    problem(bob.delete(f"/observations/{obs['id']}"), 404)
    assert field_path(bob.post("/observations", json={"dog_id": dog["id"], "date": TODAY, "severity": 2})) == "$.dog_id"
    problem(bob.patch(f"/dogs/{dog['id']}", json={"name": "Mine"}), 404)
    problem(bob.delete(f"/dogs/{dog['id']}"), 404)
    problem(bob.post(f"/dogs/{dog['id']}/share-codes", json={"scope": "read"}), 404)
    problem(bob.get(f"/dogs/{dog['id']}/shares"), 404)
    problem(bob.delete(f"/shares/{held['id']}"), 404)  # revoking is the owner's; leaving is /me/shared-dogs
    assert alice.get(f"/observations/{obs['id']}").json()["severity"] == 4

    assert alice.delete(f"/shares/{held['id']}").status_code == 204
    problem(bob.get(f"/dogs/{dog['id']}"), 404)
    problem(bob.get(f"/observations/{obs['id']}"), 404)
    assert bob.get("/me/shared-dogs").json()["items"] == []
    assert alice.get(f"/dogs/{dog['id']}/shares").json() == {"shares": [], "invitations": []}
    problem(alice.delete(f"/shares/{held['id']}"), 404)


def test_professional_leaves_a_shared_dog(alice, bob):
    dog = own_dog(alice)
    held = share(alice, bob, dog["id"])
    assert bob.delete(f"/me/shared-dogs/{held['id']}").status_code == 204
    problem(bob.get(f"/dogs/{dog['id']}"), 404)
    assert alice.get(f"/dogs/{dog['id']}/shares").json()["shares"] == []
    problem(bob.delete(f"/me/shared-dogs/{held['id']}"), 404)


def test_invitation_answers_the_same_whether_or_not_the_account_exists(server, alice):
    professional = register(server, email=None)
    professional.patch("/me", json={"email": professional.username + "@example.org"})
    dog = own_dog(alice)
    answers = {}
    for who in (professional.username, "nobody" + secrets.token_hex(4),
                professional.username + "@example.org", "nobody" + secrets.token_hex(4) + "@example.org"):
        r = alice.post(f"/dogs/{dog['id']}/invitations", json={"professional": who, "scope": "read"})
        answers[who] = r
    statuses = {r.status_code for r in answers.values()}
    shapes = {tuple(sorted(r.json())) for r in answers.values()}
    assert statuses == {201} and len(shapes) == 1, [r.text for r in answers.values()]
    for who, r in answers.items():
        assert r.json()["invitee"] == who and r.json()["dog_id"] == dog["id"]
    listed = alice.get(f"/dogs/{dog['id']}/shares").json()["invitations"]
    assert sorted(i["invitee"] for i in listed) == sorted(answers)

    # The professional sees the invitations addressed to them and accepts one.
    invitations = professional.get("/me/invitations").json()["items"]
    assert len(invitations) == 2 and {i["dog_name"] for i in invitations} == {dog["name"]}
    assert invitations[0]["owner_name"] == alice.username and invitations[0]["expires_at"]
    held = professional.post(f"/me/invitations/{invitations[0]['id']}/accept")
    assert held.status_code == 200, held.text
    assert professional.get(f"/dogs/{dog['id']}").status_code == 200
    # A second grant of the same dog: a conflict on dog_id.
    r = professional.post(f"/me/invitations/{invitations[1]['id']}/accept")
    assert problem(r, 409)
    problem(professional.post(f"/me/invitations/{invitations[0]['id']}/accept"), 404)

    # The owner cancels what is still pending.
    for invitation in alice.get(f"/dogs/{dog['id']}/shares").json()["invitations"]:
        assert alice.delete(f"/invitations/{invitation['id']}").status_code == 204
    assert alice.get(f"/dogs/{dog['id']}/shares").json()["invitations"] == []
    assert professional.get("/me/invitations").json()["items"] == []


def test_self_share_is_refused_naming_the_field(alice):
    dog = own_dog(alice)
    r = alice.post(f"/dogs/{dog['id']}/invitations", json={"professional": alice.username.upper(), "scope": "read"})
    assert field_path(r) == "$.professional"
    code = make_code(alice, dog["id"])
    assert field_path(alice.post("/share-codes/accept", json={"code": code["code"]})) == "$.code"


def test_invitation_input_errors_name_the_field(alice):
    dog = own_dog(alice)
    errors = errors_by_pointer(alice.post(f"/dogs/{dog['id']}/invitations", json={"professional": "x" * 255, "scope": "all"}))
    assert errors.keys() >= {"/scope"}
    assert field_path(alice.post(f"/dogs/{dog['id']}/invitations", json={"scope": "read"})) == "$.professional"
    assert field_path(alice.post(f"/dogs/{dog['id']}/share-codes", json={"scope": "write"})) == "$.scope"
    problem(alice.post("/share-codes/accept", json={"code": "not-a-code"}), 404)
    assert field_path(alice.post("/share-codes/accept", json={})) == "$.code"


def test_the_twenty_first_professional_is_refused(server, alice):
    dog = own_dog(alice)
    codes = [make_code(alice, dog["id"]) for _ in range(21)]
    professionals = [register(server) for _ in range(21)]
    for professional, code in zip(professionals[:20], codes):
        assert professional.post("/share-codes/accept", json={"code": code["code"]}).status_code == 200
    refused = problem(professionals[20].post("/share-codes/accept", json={"code": codes[20]["code"]}), 409)
    assert "20" in refused["detail"]
    problem(professionals[20].get(f"/dogs/{dog['id']}"), 404)
    problem(alice.post(f"/dogs/{dog['id']}/share-codes", json={"scope": "read"}), 409)
    r = alice.post(f"/dogs/{dog['id']}/invitations", json={"professional": professionals[20].username, "scope": "read"})
    problem(r, 409)
    assert len(alice.get(f"/dogs/{dog['id']}/shares").json()["shares"]) == 20


def test_code_attempts_are_limited_per_client(make_server):
    s = make_server(DOGCARE_AUTH_RATE_PER_MINUTE="1", DOGCARE_AUTH_BURST="3")
    professional = register(s)  # register and login take two of the client's three
    statuses = [professional.post("/share-codes/accept", json={"code": "guess" + str(i)}).status_code for i in range(3)]
    assert statuses[0] == 404 and statuses[-1] == 429
    r = professional.post("/share-codes/accept", json={"code": "guess"})
    assert problem(r, 429) and int(r.headers["Retry-After"]) >= 1
    assert professional.get("/me/shared-dogs").status_code == 200  # other routes are not limited


def test_a_stranger_gets_404_on_every_sharing_route_of_another_dog(server, alice, bob):
    carol = register(server)
    dog = own_dog(alice)
    held = share(alice, bob, dog["id"])
    code = make_code(alice, dog["id"])
    invited = alice.post(f"/dogs/{dog['id']}/invitations", json={"professional": bob.username, "scope": "read"}).json()
    for method, path, body in (
        ("POST", f"/dogs/{dog['id']}/invitations", {"professional": carol.username, "scope": "read"}),
        ("POST", f"/dogs/{dog['id']}/share-codes", {"scope": "read"}),
        ("GET", f"/dogs/{dog['id']}/shares", None),
        ("DELETE", f"/shares/{held['id']}", None),
        ("DELETE", f"/invitations/{code['invitation_id']}", None),
        ("DELETE", f"/invitations/{invited['id']}", None),
        ("POST", f"/me/invitations/{invited['id']}/accept", None),
        ("POST", f"/me/invitations/{code['invitation_id']}/accept", None),
        ("DELETE", f"/me/shared-dogs/{held['id']}", None),
    ):
        r = carol.request(method, path, json=body)
        body_text = problem(r, 404)["detail"]
        assert bob.username not in body_text and dog["name"] not in body_text, (method, path)
    assert carol.get("/me/shared-dogs").json()["items"] == []
    assert carol.get("/me/invitations").json()["items"] == []
    # Nothing changed for the others.
    assert bob.get(f"/dogs/{dog['id']}").status_code == 200
    sharing = alice.get(f"/dogs/{dog['id']}/shares").json()
    assert len(sharing["shares"]) == 1 and len(sharing["invitations"]) == 2


# --- the access matrix ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadRoute:
    name: str
    path: str
    params: dict
    # What the library answers a caller who may not read the dog: the route's
    # own "missing" (404 for an id, 422 on dog_id for a view, nothing found for a search).
    refused: str


def read_routes(dog_id: str, observation_id: str) -> list[ReadRoute]:
    today = date.today()
    month = {"dog_id": dog_id, "year": today.year, "month": today.month}
    return [
        ReadRoute("dog", f"/dogs/{dog_id}", {}, "404"),
        ReadRoute("observation", f"/observations/{observation_id}", {}, "404"),
        ReadRoute("search", "/observations", {"dog_id": dog_id}, "empty"),
        ReadRoute("export", "/observations/export.csv", {"dog_id": dog_id}, "empty"),
        ReadRoute("calendar", "/calendar", month, "422"),
        ReadRoute("analytics", "/analytics", {"dog_id": dog_id, "period": "all"}, "422"),
    ]


def assert_reads(client: Client, route: ReadRoute, marker: str) -> None:
    r = client.get(route.path, params=route.params)
    assert r.status_code == 200, (route.name, client.username, r.text)
    if route.name in ("observation", "search", "export"):
        assert marker in r.text, route.name
    if route.name == "calendar":
        assert r.json()["days"], route.name
    if route.name == "analytics":
        assert r.json()["observations"] == 1, route.name


def assert_refused(client: Client, route: ReadRoute, marker: str, dog_name: str) -> None:
    r = client.get(route.path, params=route.params)
    if route.refused == "404":
        problem(r, 404)
    elif route.refused == "422":
        assert field_path(r) == "dog_id", (route.name, r.text)
    else:
        assert r.status_code == 200, (route.name, r.text)
        if route.name == "search":
            assert r.json()["items"] == [], route.name
        else:
            assert r.text.count("\r\n") == 1, route.name  # the header alone
    assert marker not in r.text and dog_name not in r.text, (route.name, client.username)


@pytest.fixture
def matrix(server, alice):
    dog = alice.post("/dogs", json={"name": "Rex" + secrets.token_hex(3)}).json()
    other_dog = alice.post("/dogs", json={"name": "Other" + secrets.token_hex(3)}).json()
    marker = "matrix " + secrets.token_hex(4)
    obs = make_observation(alice, dog_id=dog["id"], severity=5, comment=marker)
    make_observation(alice, dog_id=other_dog["id"], severity=1, comment="other dog")
    roles: dict[str, Client] = {"owner": alice}
    for role, scope in (("read", "read"), ("read_comment", "read_comment")):
        roles[role] = register(server)
        share(alice, roles[role], dog["id"], scope)
    roles["revoked"] = register(server)
    assert alice.delete(f"/shares/{share(alice, roles['revoked'], dog['id'])['id']}").status_code == 204
    roles["left"] = register(server)
    assert roles["left"].delete(f"/me/shared-dogs/{share(alice, roles['left'], dog['id'])['id']}").status_code == 204
    roles["reused_code"] = register(server)
    used = make_code(alice, other_dog["id"])
    assert register(server).post("/share-codes/accept", json={"code": used["code"]}).status_code == 200
    problem(roles["reused_code"].post("/share-codes/accept", json={"code": used["code"]}), 404)
    roles["cancelled_code"] = register(server)
    cancelled = make_code(alice, dog["id"])
    assert alice.delete(f"/invitations/{cancelled['invitation_id']}").status_code == 204
    problem(roles["cancelled_code"].post("/share-codes/accept", json={"code": cancelled["code"]}), 404)
    roles["other_dog"] = register(server)
    share(alice, roles["other_dog"], other_dog["id"])
    roles["stranger"] = register(server)
    return dog, obs, marker, roles


ALLOWED = ("owner", "read", "read_comment")
REFUSED = ("revoked", "left", "reused_code", "cancelled_code", "other_dog", "stranger")


def test_access_matrix_of_the_read_routes(matrix):
    dog, obs, marker, roles = matrix
    for route in read_routes(dog["id"], obs["id"]):
        for role in ALLOWED:
            assert_reads(roles[role], route, marker)
        for role in REFUSED:
            assert_refused(roles[role], route, marker, dog["name"])
    # The owner's other dog and sharing stay theirs: a professional lists only their grant.
    assert [h["dog_id"] for h in roles["read"].get("/me/shared-dogs").json()["items"]] == [dog["id"]]
    assert len(roles["read"].get("/dogs").json()["items"]) == 1  # their own default dog


def test_the_client_board_puts_who_needs_attention_first(server):
    """Three clients of one professional: three strong days this week, nothing ever
    recorded, a calm dog; the board's order, figures and alerts, never an email, and
    a revoked grant gone from it. Every account on UTC, the test's calendar."""
    pro = register(server, time_zone="UTC")
    today = date.today()
    clients = {}
    for name in ("strong", "quiet", "calm"):
        owner = register(server, time_zone="UTC", email=f"{name}{secrets.token_hex(3)}@example.org")
        dog = owner.post("/dogs", json={"name": name.capitalize()}).json()
        clients[name] = (owner, dog, share(owner, pro, dog["id"], "read_comment"))
    strong_owner, strong_dog, strong_share = clients["strong"]
    for days_ago, severity in ((0, 5), (1, 4), (3, 4), (20, 2)):
        day = (today - timedelta(days=days_ago)).isoformat()
        make_observation(strong_owner, dog_id=strong_dog["id"], date=day, severity=severity)
    calm_owner, calm_dog, _ = clients["calm"]
    make_observation(calm_owner, dog_id=calm_dog["id"], date=(today - timedelta(days=2)).isoformat(), severity=1)
    r = strong_owner.post(f"/dogs/{strong_dog['id']}/comments", json={"body": "Trois jours difficiles.", "share_id": strong_share["id"]})
    assert r.status_code == 201, r.text

    board = pro.get("/clients")
    assert board.status_code == 200, board.text
    body = board.json()
    assert body["today"] == today.isoformat()
    assert [c["dog_name"] for c in body["clients"]] == ["Strong", "Quiet", "Calm"]
    strong, quiet, calm = body["clients"]
    assert (strong["dog_id"], strong["share_id"], strong["owner_name"], strong["scope"]) == (
        strong_dog["id"], strong_share["id"], strong_owner.username, "read_comment")
    assert strong["last_entry"] == today.isoformat() and strong["days_since_last_entry"] == 0
    assert strong["strong_days"] == 3 and strong["unread_comments"] == 1
    assert strong["alerts"]["strong_days"] and not strong["alerts"]["no_recent_entry"]
    assert strong["attention"] >= 1
    assert quiet["last_entry"] is None and quiet["alerts"] == {
        "worsening": False, "strong_days": False, "no_recent_entry": True}
    assert quiet["attention"] == 1 and quiet["unread_comments"] == 0
    assert calm["days_since_last_entry"] == 2 and calm["attention"] == 0 and calm["strong_days"] == 0
    assert "@example.org" not in board.text

    # The owner's own board is empty; a revoked grant leaves the professional's.
    assert strong_owner.get("/clients").json()["clients"] == []
    assert strong_owner.delete(f"/shares/{strong_share['id']}").status_code == 204
    assert [c["dog_name"] for c in pro.get("/clients").json()["clients"]] == ["Quiet", "Calm"]
    problem(requests.get(server.api("/clients"), timeout=10), 401)


def metric(text: str, series: str) -> float | None:
    found = re.search(r"^" + re.escape(series) + r" (\S+)$", text, re.M)
    return float(found.group(1)) if found else None


def test_sharing_metrics_count_invitations_grants_and_comments(make_server, tmp_path):
    """The counters are this process's; the gauges count the whole database (shared
    with the other suites on PostgreSQL, so exact there only on SQLite), refreshed on
    a worker every DOGCARE_METRICS_REFRESH_SECONDS."""
    s = make_server(DOGCARE_METRICS_REFRESH_SECONDS="1")
    owner, pro = register(s), register(s)
    dog = own_dog(owner)
    r = owner.post(f"/dogs/{dog['id']}/invitations", json={"professional": pro.username, "scope": "read"})
    assert r.status_code == 201, r.text
    held = share(owner, pro, dog["id"], "read_comment")  # a code made, then accepted
    assert pro.post(f"/dogs/{dog['id']}/comments", json={"body": "Plan : LAT 3 fois."}).status_code == 201
    assert owner.post(f"/dogs/{dog['id']}/comments", json={"body": "Merci !", "share_id": held["id"]}).status_code == 201

    def scrape() -> str:
        return requests.get(s.url + "/metrics", timeout=10).text

    text = scrape()
    assert metric(text, 'dogcare_invitations_total{event="created"}') == 2
    assert metric(text, 'dogcare_invitations_total{event="accepted"}') == 1
    assert metric(text, "dogcare_comments_created_total") == 2

    exact = database_for(tmp_path).startswith("sqlite:")

    def gauges_reach(shares: int, pending: int, expired: int) -> str:
        deadline = time.monotonic() + 30
        while True:
            text = scrape()
            found = (metric(text, "dogcare_shares_active"),
                     metric(text, 'dogcare_invitations{state="pending"}'),
                     metric(text, 'dogcare_invitations{state="expired"}'))
            wanted = (shares, pending, expired)
            if all(f is not None and (f == w if exact else f >= w) for f, w in zip(found, wanted)):
                return text
            assert time.monotonic() < deadline, found
            time.sleep(0.2)

    gauges_reach(shares=1, pending=1, expired=0)
    if exact:  # the invitation's week ends: expired, until `dogcare-admin purge`
        with sqlite3.connect(database_for(tmp_path).removeprefix("sqlite:")) as db:
            db.execute("UPDATE share_invitations SET expires_at = '2000-01-01 00:00:00'")
        gauges_reach(shares=1, pending=0, expired=1)
    assert pro.delete(f"/me/shared-dogs/{held['id']}").status_code == 204
    if exact:
        gauges_reach(shares=0, pending=0, expired=1)
