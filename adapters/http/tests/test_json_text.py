"""Text of every kind through real HTTP: what a client sends in any Unicode
comes back exactly (after the library's trimming), and every answer is
strict UTF-8 JSON — the server writes JSON straight from the records, so
its escaping must be exact for all of Unicode. Property-based (hypothesis,
derandomized: the same examples on every run)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import register

TODAY = date.today().isoformat()
ASCII_SPACE = " \t\r\n"

# Any code point but surrogates (not UTF-8) and the controls the library
# refuses; a comment may hold line breaks and tabs.
comment_char = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters=[chr(c) for c in range(0x20) if chr(c) not in "\n\t\r"] + ["\x7f"],
)
single_line_char = st.characters(
    blacklist_categories=("Cs",), blacklist_characters=[chr(c) for c in range(0x20)] + ["\x7f"]
)
comments = st.text(comment_char, max_size=300)
names = st.text(single_line_char, min_size=1, max_size=100).filter(lambda s: s.strip(ASCII_SPACE))

SETTINGS = settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def strict_json(raw: bytes):
    """The body as JSON, refusing anything but UTF-8 and strict JSON."""
    return json.loads(raw.decode("utf-8", errors="strict"), parse_constant=pytest.fail)


@pytest.fixture(scope="module")
def client(server):
    return register(server)


@SETTINGS
@given(comment=comments, action=comments)
def test_any_comment_comes_back_exactly(client, comment, action):
    r = client.post(
        "/observations",
        json={"date": TODAY, "severity": 2, "comment": comment, "handler_action": action},
    )
    assert r.status_code == 201, r.text
    created = strict_json(r.content)
    assert created["comment"] == comment.strip(ASCII_SPACE)
    assert created["handler_action"] == (action.strip(ASCII_SPACE) or None)
    again = strict_json(client.get(f"/observations/{created['id']}").content)
    assert again == created
    page = strict_json(client.get("/observations", params={"limit": 1}).content)
    assert page["items"][0] == created


@SETTINGS
@given(name=names)
def test_any_dog_name_comes_back_exactly(client, name):
    dog = strict_json(client.get("/dogs").content)["items"][0]
    r = client.patch(f"/dogs/{dog['id']}", json={"name": name})
    assert r.status_code == 200, r.text
    assert strict_json(r.content)["name"] == name.strip(ASCII_SPACE)


@SETTINGS
@given(text=st.text(single_line_char, max_size=50))
def test_a_refused_value_is_named_in_valid_json(client, text):
    # Too long, whatever it holds: the 422 quotes nothing but stays strict JSON.
    r = client.post("/dogs", json={"name": "x" * 101 + text})
    assert r.status_code == 422
    problem = strict_json(r.content)
    assert problem["errors"][0]["pointer"] == "/name"
    assert problem["errors"][0]["code"] == "too_long"
