"""The generated /openapi.json against the live server: every documented
operation is served, every served method of a documented path is documented,
and each request schema (types, required members, limits) is what the server
enforces; 422 lists every bad member with its pointer, code and limits."""

from __future__ import annotations

import re
from datetime import date

import pytest
import requests

from conftest import register

TODAY = date.today().isoformat()
METHODS = ("get", "put", "post", "patch", "delete")


@pytest.fixture(scope="module")
def document(server) -> dict:
    r = requests.get(server.url + "/openapi.json", timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/json"
    doc = r.json()
    assert doc["openapi"] == "3.1.0"
    return doc


def resolve(doc: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def types_of(schema: dict) -> set[str]:
    if "anyOf" in schema:
        return set().union(*(types_of(s) for s in schema["anyOf"]))
    t = schema.get("type", "object")
    return set(t) if isinstance(t, list) else {t}


def plain(doc: dict, schema: dict) -> dict:
    """The non-null alternative of a nullable schema, references resolved."""
    if "anyOf" in schema:
        schema = next(s for s in schema["anyOf"] if s.get("type") != "null")
    return resolve(doc, schema)


def fixtures(alice) -> dict[str, str]:
    obs = alice.post("/observations", json={"date": TODAY, "severity": 2, "triggers": ["vélo"],
                                             "reactions": ["aboiement"]})
    assert obs.status_code == 201, obs.text
    o = obs.json()
    return {"/dogs/": o["dog_id"], "/observations/": o["id"], "/triggers/": o["triggers"][0]["id"],
            "/reactions/": o["reactions"][0]["id"]}


# Ids that name nothing: the route is matched, the library answers 404.
MISSING = "01900000-0000-7000-8000-000000000000"


def concrete(path: str, ids: dict[str, str]) -> str:
    """The path with each {placeholder} replaced by an id of what the segment before it names."""
    segments = path.split("/")
    for i, segment in enumerate(segments):
        if segment.startswith("{"):
            segments[i] = ids.get("/" + segments[i - 1] + "/", MISSING)
    return "/".join(segments)


def call(server, alice, method: str, path: str, **kw) -> requests.Response:
    return requests.request(method, server.url + path, headers=alice.headers() | kw.pop("headers", {}),
                            timeout=30, **kw)


def test_every_documented_operation_is_served_and_nothing_else(server, document):
    alice = register(server)
    ids = fixtures(alice)
    for path, item in document["paths"].items():
        documented = {m.upper() for m in item if m in METHODS}
        target = concrete(path.replace("{file}", "swagger-ui.css"), ids)
        for method in documented:
            if method == "DELETE" or path.endswith(("/logout-all", "/me/password", "/confirm")):
                continue  # would destroy the fixtures; their routing is what the 405 check proves
            body = {} if method in ("POST", "PUT", "PATCH") else None
            r = call(server, alice, method, target, json=body)
            assert r.status_code not in (404, 405) or r.json().get("detail") not in (
                "No such route.", f"This route does not accept {method}."), (method, path, r.text)
        # Every method the server takes on this path is documented, and only those
        # (a literal path such as export.csv also matches its sibling /{id}'s methods).
        others = {m.upper() for other, it in document["paths"].items() if other != path
                  and re.fullmatch(re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(other)), path)
                  for m in it if m in METHODS}
        for method in {m.upper() for m in METHODS} - documented - others:
            r = call(server, alice, method, target)
            assert r.status_code == 405, (method, path, r.status_code)
            allowed = {m.strip() for m in r.headers["Allow"].split(",")}
            assert allowed == documented | others, (path, allowed, documented)


def minimal_body(doc: dict, schema: dict) -> dict:
    """Required members with values the schema allows (and the server accepts)."""
    body = {}
    for name in schema.get("required", []):
        body[name] = example(doc, plain(doc, schema["properties"][name]))
    return body


def example(doc: dict, s: dict):
    if "enum" in s:
        return s["enum"][0]
    kind = next(iter(types_of(s) - {"null"}))
    if kind == "integer":
        return s.get("minimum", 1)
    if kind == "boolean":
        return True
    if kind == "array":
        return []
    if kind == "object":
        return minimal_body(doc, s)
    if s.get("format") == "date":
        return TODAY
    if s.get("format") == "email":
        return "someone@example.org"
    if "pattern" in s:
        return "user_" + "a" * max(0, s.get("minLength", 1) - 5)
    return "a" * max(1, s.get("minLength", 1))


def wrong_type(s: dict):
    kinds = types_of(s)
    if "string" in kinds or "array" in kinds:
        return 12345
    return "not-a-number"


def json_operations(doc: dict):
    for path, item in doc["paths"].items():
        for method, op in item.items():
            content = op.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                yield method.upper(), path, resolve(doc, content["application/json"]["schema"])


def errors_of(r: requests.Response) -> list[dict]:
    assert r.status_code == 422, r.text
    assert r.headers["Content-Type"] == "application/problem+json"
    body = r.json()
    assert body["detail"] == body["errors"][0]["detail"]
    return body["errors"]


def test_every_member_of_the_wrong_type_or_missing_is_reported_at_once(server, document):
    alice = register(server)
    ids = fixtures(alice)
    for method, path, schema in json_operations(document):
        target = concrete(path, ids)
        props = schema.get("properties", {})
        wrong = {name: wrong_type(plain(document, s)) for name, s in props.items()}
        errors = errors_of(call(server, alice, method, target, json=wrong))
        pointers = {e["pointer"]: e["code"] for e in errors}
        assert pointers == {"/" + name: "invalid_type" for name in props}, (method, path, errors)
        assert all(e["location"] == "body" and e["path"] == "$." + e["pointer"][1:] for e in errors)
        if schema.get("required"):
            errors = errors_of(call(server, alice, method, target, json={}))
            assert {e["pointer"] for e in errors if e["code"] == "required"} == {
                "/" + name for name in schema["required"]}, (method, path, errors)


def test_documented_limits_are_the_servers(server, document):
    alice = register(server)
    ids = fixtures(alice)
    checked = 0
    for method, path, schema in json_operations(document):
        if path.endswith(("/me/password", "/password-reset/confirm", "/auth/login")):
            continue  # the secret is checked before the new password's limits
        if path.endswith("/password-reset/request"):
            continue  # this server has no mailer: 503 before any check
        if path.endswith("/share-codes/accept"):
            continue  # a code of any shape that is not a live one is not found (the library)
        target = concrete(path, ids)
        base = minimal_body(document, schema)
        for name, raw in schema.get("properties", {}).items():
            s = plain(document, raw)
            cases = []
            if "maxLength" in s:
                tail = "@example.org" if s.get("format") == "email" else ""
                long_text = "a" * (s["maxLength"] + 1 - len(tail)) + tail
                cases.append((long_text, "too_long", "max", s["maxLength"]))
            if "maximum" in s:
                cases.append((s["maximum"] + 1, "out_of_range", "max", s["maximum"]))
            if "minimum" in s:
                cases.append((s["minimum"] - 1, "out_of_range", "min", s["minimum"]))
            if "pattern" in s:
                cases.append(("bad name!", "invalid_format", None, None))
            if "maxItems" in s:
                items = [example(document, s["items"]) + str(i) for i in range(s["maxItems"] + 1)]
                cases.append((items, "too_many", "max", s["maxItems"]))
            for value, code, bound, limit in cases:
                errors = errors_of(call(server, alice, method, target, json=base | {name: value}))
                mine = [e for e in errors if e["pointer"] == "/" + name]
                assert mine and mine[0]["code"] == code, (method, path, name, value, errors)
                if bound:
                    assert mine[0][bound] == limit, (method, path, name, errors)
                checked += 1
    assert checked > 20


def test_query_parameters_are_decoded_as_documented(server, document):
    alice = register(server)
    for path, item in document["paths"].items():
        op = item.get("get", {})
        base = {p["name"]: example(document, p["schema"]) for p in op.get("parameters", [])
                if p["in"] == "query" and p["required"]}
        for p in op.get("parameters", []):
            if p["in"] != "query":
                continue
            s = p["schema"]
            cases = []
            kind = s.get("items", s).get("type")
            if kind in ("integer", "boolean"):
                cases.append(("x", "invalid_type"))
            if s.get("format") == "date" or s.get("items", {}).get("format") == "date":
                cases.append(("2024-1-1", "invalid_format"))
            if "enum" in s or "pattern" in s:
                cases.append(("nonsense", "invalid_format"))
            if "maximum" in s.get("items", s):
                cases.append((s.get("items", s)["maximum"] + 1, "out_of_range"))
            for value, code in cases:
                r = call(server, alice, "GET", path, params=base | {p["name"]: value})
                assert r.status_code == 422, (path, p["name"], value)
                errors = errors_of(r)
                mine = [e for e in errors if e["parameter"] == p["name"]]
                assert mine and mine[0]["code"] == code and mine[0]["location"] == "query", (
                    path, p["name"], value, errors)
            if p["required"]:
                r = call(server, alice, "GET", path, params={})
                assert any(e["parameter"] == p["name"] and e["code"] == "required" for e in errors_of(r))


def test_problem_errors_list_every_bad_field_with_pointer_code_and_limits(alice):
    r = alice.post("/observations", json={"date": "1900-01-01", "severity": 9, "comment": "x" * 2001,
                                          "triggers": ["ok", "", "x" * 101], "distance_m": -1})
    errors = errors_of(r)
    by_pointer = {e["pointer"]: e for e in errors}
    assert by_pointer["/severity"]["code"] == "out_of_range"
    assert (by_pointer["/severity"]["min"], by_pointer["/severity"]["max"]) == (1, 5)
    assert by_pointer["/date"]["code"] == "too_early" and by_pointer["/date"]["earliest"] == "1990-01-01"
    assert by_pointer["/comment"]["code"] == "too_long" and by_pointer["/comment"]["max"] == 2000
    assert by_pointer["/triggers/1"]["code"] == "required"
    assert by_pointer["/triggers/2"]["code"] == "too_long" and by_pointer["/triggers/2"]["path"] == "$.triggers[2]"
    assert by_pointer["/distance_m"]["code"] == "out_of_range"
    assert r.json()["detail"] == errors[0]["detail"]
    shape = errors_of(alice.post("/observations", json={"severity": "3", "triggers": ["ok", 3]}))
    assert {(e["pointer"], e["code"]) for e in shape} == {
        ("/date", "required"), ("/severity", "invalid_type"), ("/triggers/1", "invalid_type")}
    query = errors_of(alice.get("/observations", params={"limit": "ten", "from": "x", "severity": [1, "y"]}))
    assert {(e["parameter"], e["code"]) for e in query} == {
        ("limit", "invalid_type"), ("from", "invalid_format"), ("severity", "invalid_type")}


def test_sharing_routes_are_documented_with_the_librarys_records(document):
    paths = document["paths"]
    expected = {
        "/api/v1/me/professional-profile": {"get", "put", "delete"},
        "/api/v1/dogs/{id}/invitations": {"post"},
        "/api/v1/dogs/{id}/share-codes": {"post"},
        "/api/v1/dogs/{id}/shares": {"get"},
        "/api/v1/shares/{id}": {"delete"},
        "/api/v1/invitations/{id}": {"delete"},
        "/api/v1/me/invitations": {"get"},
        "/api/v1/me/invitations/{id}/accept": {"post"},
        "/api/v1/share-codes/accept": {"post"},
        "/api/v1/me/shared-dogs": {"get"},
        "/api/v1/me/shared-dogs/{id}": {"delete"},
    }
    for path, methods in expected.items():
        assert {m for m in paths[path] if m in METHODS} == methods, path
        assert all(paths[path][m]["tags"] == ["sharing"] for m in methods), path
    schemas = document["components"]["schemas"]
    profile = schemas["ProfessionalProfileInput"]
    assert profile["properties"]["display_name"]["maxLength"] == 100
    assert set(resolve(document, profile["properties"]["kind"])["enum"]) == {"trainer", "behaviourist", "vet"}
    assert set(resolve(document, schemas["ShareInvitationInput"]["properties"]["scope"])["enum"]) == {"read", "read_comment"}
    assert schemas["ShareInvitationInput"]["properties"]["professional"]["maxLength"] == 254
    assert "code" in schemas["ShareCode"]["required"]


def test_comment_routes_are_documented_with_the_librarys_records(document):
    paths = document["paths"]
    expected = {
        "/api/v1/dogs/{id}/comments": {"get", "post"},
        "/api/v1/observations/{id}/comments": {"get", "post"},
        "/api/v1/comments/{id}": {"patch", "delete"},
        "/api/v1/dogs/{id}/comments/unread": {"get"},
        "/api/v1/dogs/{id}/comments/read": {"post"},
        "/api/v1/me/settings": {"get", "put"},
        "/api/v1/dogs/{id}/access-log": {"get"},
    }
    for path, methods in expected.items():
        assert {m for m in paths[path] if m in METHODS} == methods, path
        assert all(paths[path][m]["tags"] == ["comments"] for m in methods), path
    schemas = document["components"]["schemas"]
    assert schemas["CommentInput"]["properties"]["body"]["maxLength"] == 4000
    assert schemas["CommentInput"]["required"] == ["body"]
    assert schemas["CommentPatch"]["properties"]["body"]["maxLength"] == 4000
    comment = schemas["Comment"]
    assert set(resolve(document, comment["properties"]["author_role"])["enum"]) == {"owner", "professional"}
    assert "null" in types_of(comment["properties"]["author_id"]) and "null" in types_of(comment["properties"]["author_name"])
    entry = schemas["AccessLogEntry"]
    assert set(resolve(document, entry["properties"]["view"])["enum"]) == {
        "dog", "observations", "search", "calendar", "analytics", "export", "comments"}
    limits = {p["name"]: p["schema"] for p in paths["/api/v1/dogs/{id}/access-log"]["get"]["parameters"] if p["in"] == "query"}
    assert limits["limit"]["maximum"] == 500
    limits = {p["name"]: p["schema"] for p in paths["/api/v1/dogs/{id}/comments"]["get"]["parameters"] if p["in"] == "query"}
    assert limits["limit"]["maximum"] == 200
    assert "boolean" in types_of(schemas["CommentSettings"]["properties"]["notify_comments"])
