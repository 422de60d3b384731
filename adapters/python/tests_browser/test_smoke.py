"""The UI in a real browser: Debian's headless Chromium driven by Playwright.

Starts `streamlit run` on a free loopback port over a temporary SQLite
database, then registers, onboards, adds an observation and finds it in
search, calendar and analytics. Screenshots go to build/ui-screenshots/.
Nothing is downloaded: Playwright drives /usr/bin/chromium.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
APP = HERE.parent / "streamlit_app" / "app.py"
SHOTS = Path(os.environ.get("DOGCARE_SCREENSHOTS", REPO / "build" / "ui-screenshots"))
CHROMIUM = os.environ.get("DOGCARE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("ui")
    port = free_port()
    env = dict(os.environ, DOGCARE_DATABASE=str(work / "var" / "dogcare.db"))
    log = (work / "streamlit.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.headless=true", f"--server.port={port}", "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false", "--client.showErrorDetails=none",
            "--server.fileWatcherType=none", "--client.toolbarMode=minimal",
        ],
        cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((work / "streamlit.log").read_text())
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Page]:
    with sync_playwright() as playwright:
        # A fresh profile directory for every run.
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
            locale="fr-FR",
        )
        page = context.new_page()
        page.set_default_timeout(20000)
        try:
            yield page
        finally:
            context.close()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(800)  # let charts finish their transition
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def go_to(page: Page, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.wait_for_load_state("networkidle")


def test_register_onboard_observe_and_find(server: str, page: Page) -> None:
    page.goto(server)
    expect(page.get_by_text("Suivi de mon chien réactif")).to_be_visible()
    shot(page, "01-welcome")

    page.get_by_role("tab", name="Créer un compte").click()
    panel = page.locator('[role="tabpanel"]:visible')
    panel.get_by_label("Nom d'utilisateur").fill("celia")
    panel.get_by_label("Mot de passe", exact=True).fill("correct horse battery")
    panel.get_by_label("Confirmez le mot de passe").fill("correct horse battery")
    panel.get_by_role("button", name="Créer un compte").click()

    expect(page.get_by_text("Premiers pas")).to_be_visible()
    shot(page, "02-first-login")
    page.get_by_label("Nom du chien").fill("Rex")
    page.get_by_role("button", name="Commencer").click()

    expect(page.get_by_role("heading", name="Nouvelle observation")).to_be_visible()
    page.get_by_label("Nouveaux déclencheurs (séparés par des virgules)").fill("vélo, joggeur")
    page.get_by_label("Nouvelles réactions (séparées par des virgules)").fill("aboiement")
    page.get_by_label("Commentaire").fill("Grosse réaction au parc")
    shot(page, "03-new-observation")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Observation enregistrée.")).to_be_visible()

    go_to(page, "Recherche")
    expect(page.get_by_text("1 résultat(s)")).to_be_visible()
    expect(page.get_by_role("button", name="Télécharger en CSV")).to_be_visible()
    shot(page, "04-search")

    go_to(page, "Calendrier")
    expect(page.get_by_text("1 obs.")).to_be_visible()
    shot(page, "05-calendar")

    go_to(page, "Analyses")
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    shot(page, "06-analytics")

    go_to(page, "Déclencheurs et réactions")
    expect(page.locator('input[value="joggeur"]')).to_be_visible()
    shot(page, "07-catalog")
    assert not page.get_by_text("Traceback").count()
