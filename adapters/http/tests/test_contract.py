"""schemathesis against the live server: no 5xx, and every response (status,
content type, headers, body) as /openapi.json documents it."""

from __future__ import annotations

import os
import subprocess

from conftest import register


def test_schemathesis_finds_no_server_error_and_no_schema_violation(make_server):
    # A mail server that refuses: reset requests answer 202 as in production
    # (mail failures are counted, not reported), not the 503 of "not set up".
    server = make_server(DOGCARE_SMTP_URL="smtp://127.0.0.1:9", DOGCARE_SMTP_REQUIRE_TLS="false")
    client = register(server)
    seeded = client.post("/observations", json={"date": "2024-05-01", "severity": 3, "triggers": ["vélo"]})
    assert seeded.status_code == 201
    command = [
        os.environ.get("SCHEMATHESIS", ".venv/bin/schemathesis"), "run", server.url + "/openapi.json",
        "--url", server.url,
        "-H", f"Authorization: Bearer {client.token}",
        "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                    "response_schema_conformance,response_headers_conformance",
        "--max-examples", os.environ.get("DOGCARE_CONTRACT_EXAMPLES", "15"),
        "--phases", "examples,coverage,fuzzing",
        "--exclude-path-regex", "logout-all|/me/password|password-reset/confirm",
        "--exclude-method", "DELETE",
        # One worker: CPython 3.11's ast module is not thread-safe (gh-106905,
        # "AST constructor recursion depth mismatch" inside schemathesis).
        "--workers", "1",
        "--generation-deterministic",
        "--request-timeout", "20",
        "--max-time", "120",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=400)
    print(result.stdout[-6000:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
