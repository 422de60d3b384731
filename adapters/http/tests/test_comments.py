"""Comments on a shared dog over REST, both sides of a conversation, the unread
marker, the notification setting, and the owner's access log. The library
decides who may read and write; the server must add no rule of its own."""

from __future__ import annotations

import os
import secrets
import subprocess
from pathlib import Path

from conftest import SERVER, Client, register
from test_api import field_path, make_observation, problem
from test_sharing import own_dog, share


def comment(client: Client, path: str, body: str, **extra) -> dict:
    r = client.post(path, json={"body": body, **extra})
    assert r.status_code == 201, r.text
    return r.json()


def thread(client: Client, path: str, **params) -> list[dict]:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def unread(client: Client, dog_id: str) -> int:
    r = client.get(f"/dogs/{dog_id}/comments/unread")
    assert r.status_code == 200, r.text
    return r.json()["unread"]


def every_comment_route(dog_id: str, observation_id: str, comment_id: str) -> list[tuple[str, str, dict | None]]:
    """Each comment route (and the access log) with a body it would accept."""
    return [
        ("GET", f"/dogs/{dog_id}/comments", None),
        ("POST", f"/dogs/{dog_id}/comments", {"body": "hi"}),
        ("GET", f"/observations/{observation_id}/comments", None),
        ("POST", f"/observations/{observation_id}/comments", {"body": "hi"}),
        ("PATCH", f"/comments/{comment_id}", {"body": "edited"}),
        ("DELETE", f"/comments/{comment_id}", None),
        ("GET", f"/dogs/{dog_id}/comments/unread", None),
        ("POST", f"/dogs/{dog_id}/comments/read", None),
        ("GET", f"/dogs/{dog_id}/access-log", None),
    ]


def test_owner_and_professional_talk_on_the_dog_and_an_observation(server, alice, bob):
    alice.patch("/me", json={"email": alice.username + "@example.org"})
    dog = own_dog(alice)
    obs = make_observation(alice, severity=4)
    bob.put("/me/professional-profile", json={"display_name": "Bob Dupont", "kind": "trainer"})
    held = share(alice, bob, dog["id"], "read_comment")
    assert unread(alice, dog["id"]) == 0 and unread(bob, dog["id"]) == 0

    plan = comment(bob, f"/dogs/{dog['id']}/comments", "Plan : 3 séances LAT par semaine.\nDistance 20 m.")
    assert (plan["dog_id"], plan["observation_id"], plan["share_id"]) == (dog["id"], None, held["id"])
    assert (plan["author_role"], plan["author_name"], plan["mine"]) == ("professional", "Bob Dupont", True)
    assert plan["body"] == "Plan : 3 séances LAT par semaine.\nDistance 20 m." and plan["created_at"] == plan["updated_at"]
    on_obs = comment(bob, f"/observations/{obs['id']}/comments", "  Trop près du vélo ?  ")
    assert on_obs["observation_id"] == obs["id"] and on_obs["body"] == "Trop près du vélo ?"  # trimmed

    # The owner reads both threads, sees the professional's comments as not theirs, and counts them unread.
    [seen] = thread(alice, f"/dogs/{dog['id']}/comments")
    assert seen["id"] == plan["id"] and seen["mine"] is False and seen["author_name"] == "Bob Dupont"
    assert [c["id"] for c in thread(alice, f"/observations/{obs['id']}/comments")] == [on_obs["id"]]
    assert unread(alice, dog["id"]) == 2 and unread(bob, dog["id"]) == 0  # one's own never count
    assert alice.post(f"/dogs/{dog['id']}/comments/read").status_code == 204
    assert unread(alice, dog["id"]) == 0

    # The owner replies in the professional's conversation, named by its share_id.
    assert field_path(alice.post(f"/dogs/{dog['id']}/comments", json={"body": "Merci"})) == "$.share_id"
    reply = comment(alice, f"/observations/{obs['id']}/comments", "Oui, 5 m.", share_id=seen["share_id"])
    assert (reply["author_role"], reply["author_name"], reply["mine"]) == ("owner", alice.username, True)
    assert [c["id"] for c in thread(bob, f"/observations/{obs['id']}/comments")] == [on_obs["id"], reply["id"]]
    assert unread(bob, dog["id"]) == 1 and unread(alice, dog["id"]) == 0
    assert bob.post(f"/dogs/{dog['id']}/comments/read").status_code == 204
    assert unread(bob, dog["id"]) == 0
    # Never the owner's email.
    for path in (f"/dogs/{dog['id']}/comments", f"/observations/{obs['id']}/comments"):
        assert alice.username + "@example.org" not in bob.get(path).text

    # Keyset pages, oldest first.
    more = [comment(bob, f"/dogs/{dog['id']}/comments", f"note {i}")["id"] for i in range(3)]
    first = bob.get(f"/dogs/{dog['id']}/comments", params={"limit": 2}).json()
    assert [c["id"] for c in first["items"]] == [plan["id"], more[0]] and first["next_cursor"]
    rest = bob.get(f"/dogs/{dog['id']}/comments", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    assert [c["id"] for c in rest["items"]] == more[1:] and rest["next_cursor"] is None
    assert field_path(bob.get(f"/dogs/{dog['id']}/comments", params={"limit": 201})) == "limit"

    # Each edits and deletes their own only.
    edited = bob.patch(f"/comments/{plan['id']}", json={"body": "Plan : 4 séances."})
    assert edited.status_code == 200, edited.text
    assert edited.json()["body"] == "Plan : 4 séances." and edited.json()["updated_at"] >= plan["updated_at"]
    problem(alice.patch(f"/comments/{plan['id']}", json={"body": "changed by the owner"}), 404)
    problem(alice.delete(f"/comments/{plan['id']}"), 404)
    problem(bob.patch(f"/comments/{reply['id']}", json={"body": "changed by the professional"}), 404)
    problem(bob.delete(f"/comments/{reply['id']}"), 404)
    assert field_path(bob.patch(f"/comments/{plan['id']}", json={"body": None})) == "$.body"
    assert alice.patch(f"/comments/{reply['id']}", json={"body": "Oui, 6 m."}).json()["body"] == "Oui, 6 m."
    assert alice.delete(f"/comments/{reply['id']}").status_code == 204
    problem(alice.delete(f"/comments/{reply['id']}"), 404)
    assert [c["id"] for c in thread(alice, f"/observations/{obs['id']}/comments")] == [on_obs["id"]]
    assert thread(alice, f"/dogs/{dog['id']}/comments")[0]["body"] == "Plan : 4 séances."


def test_comment_limits_are_the_librarys_named_by_field(alice, bob):
    dog = own_dog(alice)
    share(alice, bob, dog["id"], "read_comment")
    path = f"/dogs/{dog['id']}/comments"
    # 4,000 code points, whatever their UTF-8 length.
    assert comment(bob, path, "é" * 4000)["body"] == "é" * 4000
    assert comment(bob, path, "🐕" * 4000)["body"] == "🐕" * 4000
    errors = problem(bob.post(path, json={"body": "é" * 4001}), 422)["errors"]
    assert [(e["pointer"], e["code"], e["max"]) for e in errors] == [("/body", "too_long", 4000)]
    for empty in ("", "   \n "):
        assert problem(bob.post(path, json={"body": empty}), 422)["errors"][0]["pointer"] == "/body"
    assert field_path(bob.post(path, json={})) == "$.body"
    assert field_path(bob.post(path, json={"body": 3})) == "$.body"
    assert problem(bob.post(path, json={"body": "bell \x07"}), 422)["errors"][0]["code"] == "invalid_characters"
    mine = comment(bob, path, "ok")
    errors = problem(bob.patch(f"/comments/{mine['id']}", json={"body": "x" * 4001}), 422)["errors"]
    assert (errors[0]["pointer"], errors[0]["code"], errors[0]["max"]) == ("/body", "too_long", 4000)


def test_read_scope_reads_but_cannot_write_and_a_revoked_grant_loses_the_thread(server, alice):
    dog = own_dog(alice)
    obs = make_observation(alice)
    reader = register(server)
    writer = register(server)
    reader_grant = share(alice, reader, dog["id"], "read")
    writer_grant = share(alice, writer, dog["id"], "read_comment")
    to_reader = comment(alice, f"/dogs/{dog['id']}/comments", "Pour le lecteur", share_id=reader_grant["id"])
    from_writer = comment(writer, f"/dogs/{dog['id']}/comments", "Du commentateur")

    # A read grant reads its own conversation, cannot write; no one sees another's conversation.
    assert [c["id"] for c in thread(reader, f"/dogs/{dog['id']}/comments")] == [to_reader["id"]]
    assert [c["id"] for c in thread(writer, f"/dogs/{dog['id']}/comments")] == [from_writer["id"]]
    assert {c["id"] for c in thread(alice, f"/dogs/{dog['id']}/comments")} == {to_reader["id"], from_writer["id"]}
    problem(reader.post(f"/dogs/{dog['id']}/comments", json={"body": "no"}), 404)
    problem(reader.post(f"/observations/{obs['id']}/comments", json={"body": "no"}), 404)
    assert unread(reader, dog["id"]) == 1
    # The owner cannot name another dog's or a made-up grant.
    other = alice.post("/dogs", json={"name": "Other"}).json()
    r = alice.post(f"/dogs/{other['id']}/comments", json={"body": "x", "share_id": writer_grant["id"]})
    assert problem(r, 422)["errors"][0]["code"] == "unknown"

    # Revoked: the thread is as foreign as any other dog's; the owner still reads it.
    assert alice.delete(f"/shares/{writer_grant['id']}").status_code == 204
    for method, path, body in every_comment_route(dog["id"], obs["id"], from_writer["id"]):
        r = writer.request(method, path, json=body)
        assert "Du commentateur" not in problem(r, 404)["detail"], (method, path)
    kept = {c["id"]: c for c in thread(alice, f"/dogs/{dog['id']}/comments")}
    assert kept[from_writer["id"]]["share_id"] is None
    r = alice.post(f"/dogs/{dog['id']}/comments", json={"body": "x", "share_id": writer_grant["id"]})
    assert problem(r, 422)["errors"][0]["pointer"] == "/share_id"


def test_a_former_professionals_comments_stay_without_an_author(server, alice):
    dog = own_dog(alice)
    professional = register(server)
    share(alice, professional, dog["id"], "read_comment")
    written = comment(professional, f"/dogs/{dog['id']}/comments", "Bon travail")
    assert professional.get(f"/dogs/{dog['id']}").status_code == 200
    assert professional.delete("/me").status_code == 204
    [kept] = thread(alice, f"/dogs/{dog['id']}/comments")
    assert kept["id"] == written["id"] and kept["body"] == "Bon travail"
    assert (kept["author_id"], kept["author_name"], kept["author_role"]) == (None, None, "professional")
    assert kept["share_id"] is None and kept["mine"] is False
    entries = alice.get(f"/dogs/{dog['id']}/access-log").json()["items"]
    assert entries and all(e["professional_id"] is None and e["professional_name"] is None for e in entries)


def test_the_owners_access_log_lists_each_view_once_per_ten_minutes(server, alice, bob):
    dog = own_dog(alice)
    obs = make_observation(alice)
    bob.put("/me/professional-profile", json={"display_name": "Dr Bob", "kind": "vet"})
    share(alice, bob, dog["id"], "read")
    assert alice.get(f"/dogs/{dog['id']}/access-log").json() == {"items": [], "next_cursor": None}
    for _ in range(3):
        assert bob.get(f"/dogs/{dog['id']}").status_code == 200
    assert bob.get(f"/observations/{obs['id']}").status_code == 200
    assert bob.get(f"/dogs/{dog['id']}/comments").status_code == 200
    assert bob.get("/observations", params={"dog_id": dog["id"]}).status_code == 200
    assert unread(bob, dog["id"]) == 0  # counting is not a read of the dog's data
    alice.get(f"/dogs/{dog['id']}")  # the owner's reads record nothing

    log = alice.get(f"/dogs/{dog['id']}/access-log").json()
    views = sorted(e["view"] for e in log["items"])
    assert views == ["comments", "dog", "observations", "search"], log
    for entry in log["items"]:
        assert entry["dog_id"] == dog["id"] and entry["professional_name"] == "Dr Bob"
        assert entry["professional_kind"] == "vet" and entry["accessed_at"]
    stamps = [e["accessed_at"] for e in log["items"]]
    assert stamps == sorted(stamps, reverse=True)  # newest first
    first = alice.get(f"/dogs/{dog['id']}/access-log", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["next_cursor"]
    rest = alice.get(f"/dogs/{dog['id']}/access-log", params={"limit": 3, "cursor": first["next_cursor"]}).json()
    assert [e["id"] for e in first["items"] + rest["items"]] == [e["id"] for e in log["items"]]
    assert field_path(alice.get(f"/dogs/{dog['id']}/access-log", params={"limit": 501})) == "limit"

    # Only the owner reads it: the professional and a stranger get 404.
    stranger = register(server)
    for client in (bob, stranger):
        body = problem(client.get(f"/dogs/{dog['id']}/access-log"), 404)
        assert "Dr Bob" not in str(body)


def test_a_stranger_gets_404_on_every_comment_route(server, alice, bob):
    dog = own_dog(alice)
    obs = make_observation(alice)
    share(alice, bob, dog["id"], "read_comment")
    written = comment(bob, f"/observations/{obs['id']}/comments", "secret advice")
    carol = register(server)
    for method, path, body in every_comment_route(dog["id"], obs["id"], written["id"]):
        r = carol.request(method, path, json=body)
        assert "secret advice" not in problem(r, 404)["detail"], (method, path)
    assert [c["body"] for c in thread(bob, f"/observations/{obs['id']}/comments")] == ["secret advice"]


def test_notify_comments_setting(alice):
    assert alice.get("/me/settings").json() == {"notify_comments": True}
    r = alice.put("/me/settings", json={"notify_comments": False})
    assert r.status_code == 200 and r.json() == {"notify_comments": False}
    assert alice.get("/me/settings").json() == {"notify_comments": False}
    assert field_path(alice.put("/me/settings", json={"notify_comments": "no"})) == "$.notify_comments"
    assert alice.put("/me/settings", json={"notify_comments": True}).json() == {"notify_comments": True}


def test_admin_purge_reports_the_access_log_rows(tmp_path):
    admin = Path(SERVER).with_name("dogcare-admin")
    database = str(tmp_path / "purge.db")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOGCARE_")}
    subprocess.run([admin, "migrate", database], check=True, capture_output=True, env=env)
    out = subprocess.run([admin, "purge", database], check=True, capture_output=True, text=True, env=env).stdout
    assert "0 access log rows older than a year" in out, out
