"""Every alert's runbook_url leads to a section of docs/operations.md."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "deploy/k3s/base/monitoring/rules/dogcare.rules.yml"
RUNBOOK = ROOT / "docs/operations.md"


def anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes."""
    found = set()
    for heading in re.findall(r"^#{1,6} +(.+?) *$", markdown, re.M):
        found.add(re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-"))
    return found


def alerts() -> list[dict]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


def missing_runbooks(markdown: str) -> list[str]:
    known = anchors(markdown)
    missing = []
    for rule in alerts():
        url = rule["annotations"]["runbook_url"]
        page, _, anchor = url.partition("#")
        if not page.endswith("/docs/operations.md") or anchor != rule["alert"].lower() or anchor not in known:
            missing.append(rule["alert"])
    return missing


def test_every_alert_has_its_runbook_section() -> None:
    assert len(alerts()) >= 5
    assert missing_runbooks(RUNBOOK.read_text()) == []


def test_a_missing_section_is_caught() -> None:
    text = RUNBOOK.read_text().replace("### DogcareApiDown\n", "")
    assert missing_runbooks(text) == ["DogcareApiDown"]
