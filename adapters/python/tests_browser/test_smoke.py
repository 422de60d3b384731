"""The UI in a real browser: Debian's headless Chromium driven by Playwright.

Starts `streamlit run` on a free loopback port over a temporary SQLite
database, then registers, onboards, adds an observation and finds it in
search, calendar and analytics, and opens every other page. Two months of
history are added through the library in between, so the charts have
something to draw. A screenshot of each page goes to build/ui-screenshots/
(docs/ui.md shows a copy). Nothing is downloaded: Playwright drives
/usr/bin/chromium.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize, expect, sync_playwright

import dogcare

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


KEYS = "ui=" + "smoke-test-signing-key-" * 2
PASSWORD = "correct horse battery"
SIZE: ViewportSize = {"width": 1280, "height": 800}
expect.set_options(timeout=30000)  # plotly draws slowly on a loaded 2-core machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    url: str
    database: Path
    keys: Path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    work = tmp_path_factory.mktemp("ui")
    port = free_port()
    keys = work / "jwt-keys"
    keys.write_text(KEYS + "\n")
    database = work / "var" / "dogcare.db"
    env = dict(os.environ, DOGCARE_DATABASE=str(database), DOGCARE_JWT_KEYS_FILE=str(keys))
    env.pop("DOGCARE_LANGUAGE", None)
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
        yield Server(url, database, keys)
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
            viewport=SIZE,
            locale="fr-FR",
        )
        page = context.new_page()
        page.set_default_timeout(20000)
        try:
            yield page
        finally:
            context.close()


def shot(page: Page, name: str) -> None:
    """The whole page: the window grows to the content (Streamlit scrolls inside)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(800)  # let charts finish their transition
    height = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight ?? 0"
    )
    page.set_viewport_size(
        {"width": SIZE["width"], "height": max(SIZE["height"], min(height, 2400))}
    )
    page.wait_for_timeout(400)
    try:
        page.screenshot(path=str(SHOTS / f"{name}.png"))
    finally:
        page.set_viewport_size(SIZE)
    assert not page.get_by_text("Traceback").count()
    assert not page.get_by_text("Une erreur inattendue").count()


def go_to(page: Page, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.wait_for_load_state("networkidle")


def add_history(server: Server, username: str) -> int:
    """Two months of observations through the library, getting better over time."""
    database = dogcare.Database(str(server.database))
    try:
        accounts = dogcare.Accounts(database, dogcare.load_signing_keys(str(server.keys)))
        who = accounts.login(username, PASSWORD).principal
        observations = dogcare.Observations(database)
        today = dt.date.today()
        pick = random.Random(7)
        triggers = ["vélo", "joggeur", "chien", "enfant", "voiture"]
        reactions = ["aboiement", "grognement", "fuite", "regard fixe"]
        count = 0
        for back in range(60, 0, -1):
            if pick.random() < 0.45:
                continue
            expected = 1.5 + 2.5 * back / 60  # from about 4 down to about 1.5
            severity = min(5, max(1, round(pick.gauss(expected, 0.7))))
            observations.create(
                who,
                date=today - dt.timedelta(days=back),
                severity=severity,
                comment=pick.choice(["Balade au parc", "Sortie du matin", "Marché", ""]),
                triggers=pick.sample(triggers, pick.randint(1, 2)),
                reactions=pick.sample(reactions, pick.randint(1, 2)),
            )
            count += 1
        return count
    finally:
        database.close()


def test_every_page_in_the_browser(server: Server, page: Page) -> None:
    page.goto(server.url)
    expect(page.get_by_text("Suivi de mon chien réactif")).to_be_visible()
    shot(page, "01-welcome")

    page.get_by_role("tab", name="Créer un compte").click()
    panel = page.locator('[role="tabpanel"]:visible')
    panel.get_by_label("Nom d'utilisateur").fill("celia")
    panel.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    panel.get_by_label("Confirmez le mot de passe").fill(PASSWORD)
    panel.get_by_role("button", name="Créer un compte").click()

    expect(page.get_by_text("Premiers pas")).to_be_visible()
    shot(page, "02-first-login")
    page.get_by_label("Nom du chien").fill("Rex")
    page.get_by_role("button", name="Commencer").click()

    expect(page.get_by_role("heading", name="Nouvelle observation")).to_be_visible()
    page.get_by_label("Nouveaux déclencheurs (séparés par des virgules)").fill("tondeuse")
    page.get_by_label("Nouvelles réactions (séparées par des virgules)").fill("aboiement")
    page.get_by_label("Commentaire").fill("Grosse réaction au parc")
    page.get_by_text("Détail de l'incident (facultatif)").click()
    page.get_by_label("Distance au déclencheur (m)").fill("15")
    shot(page, "03-new-observation")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Observation enregistrée.")).to_be_visible()

    total = 1 + add_history(server, "celia")

    go_to(page, "Recherche")
    expect(page.get_by_text(f"{total} résultat(s)")).to_be_visible()
    expect(page.get_by_role("button", name="Télécharger en CSV")).to_have_count(0)
    page.get_by_role("button", name="Préparer l'export CSV").click()
    expect(page.get_by_role("button", name="Télécharger en CSV")).to_be_visible()
    shot(page, "04-search")

    go_to(page, "Calendrier")
    expect(page.get_by_text("Observations du mois")).to_be_visible()
    expect(page.locator(".dc-marked").first).to_be_visible()
    shot(page, "05-calendar")

    go_to(page, "Analyses")
    expect(page.locator(".js-plotly-plot")).to_have_count(4)
    expect(page.get_by_text("Ça va mieux : l'intensité baisse.")).to_be_visible()
    shot(page, "06-analytics")

    go_to(page, "Gérer les observations")
    expect(page.get_by_role("button", name="Supprimer")).to_be_disabled()
    shot(page, "07-manage")

    go_to(page, "Déclencheurs et réactions")
    expect(page.locator('input[value="tondeuse"]')).to_be_visible()
    shot(page, "08-catalog")

    go_to(page, "Chiens")
    expect(page.get_by_text("Rex").first).to_be_visible()
    shot(page, "09-dogs")

    go_to(page, "Compte")
    expect(page.get_by_role("button", name="Se déconnecter partout")).to_be_visible()
    shot(page, "10-account")

    go_to(page, "Partage")
    page.get_by_label("Nom d'utilisateur ou e-mail du professionnel").fill("educatrice")
    page.get_by_role("button", name="Inviter").click()
    expect(page.get_by_text("Invitation envoyée si ce compte existe.")).to_be_visible()
    page.get_by_role("button", name="Créer un code").click()
    expect(page.get_by_text("Code pour Rex (Lecture)")).to_be_visible()
    shot(page, "12-sharing")

    page.get_by_role("combobox", name="Langue").click()
    page.get_by_role("option", name="English").click()
    go_to(page, "Analytics")
    expect(page.get_by_role("heading", name="Analytics")).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(4)
    shot(page, "11-analytics-en")


@pytest.fixture
def two_pages() -> Iterator[tuple[Page, Page]]:
    """Two people at once: two browser contexts (cookies, sessions) of one browser."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pages = []
            for _ in range(2):
                context = browser.new_context(viewport=SIZE, locale="fr-FR")
                context.set_default_timeout(20000)
                pages.append(context.new_page())
            yield pages[0], pages[1]
        finally:
            browser.close()


def sign_up(page: Page, server: Server, username: str, dog: str) -> None:
    page.goto(server.url)
    page.get_by_role("tab", name="Créer un compte").click()
    panel = page.locator('[role="tabpanel"]:visible')
    panel.get_by_label("Nom d'utilisateur").fill(username)
    panel.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    panel.get_by_label("Confirmez le mot de passe").fill(PASSWORD)
    panel.get_by_role("button", name="Créer un compte").click()
    expect(page.get_by_text("Premiers pas")).to_be_visible()
    page.get_by_label("Nom du chien").fill(dog)
    page.get_by_role("button", name="Commencer").click()
    expect(page.get_by_role("heading", name="Nouvelle observation")).to_be_visible()


def test_an_owner_shares_and_a_professional_follows_and_comments(
    server: Server, two_pages: tuple[Page, Page]
) -> None:
    """The owner makes a code; the professional accepts it, finds the dog on the
    client board and writes a plan; the owner reads it on the sharing page."""
    owner, pro = two_pages
    sign_up(owner, server, "lea", "Filou")
    add_history(server, "lea")
    go_to(owner, "Partage")
    owner.get_by_text("Lecture et commentaires").first.click()
    owner.get_by_role("button", name="Créer un code").click()
    expect(owner.get_by_text("Code pour Filou (Lecture et commentaires)")).to_be_visible()
    code = owner.locator('[data-testid="stCode"]').inner_text().strip()
    assert len(code) == 43, code

    sign_up(pro, server, "marc", "Pixel")
    go_to(pro, "Partage")
    pro.get_by_role("tab", name="Mes clients").click()
    pro.locator('[role="tabpanel"]:visible').get_by_label("Code reçu").fill(code)
    pro.locator('[role="tabpanel"]:visible').get_by_role("button", name="Accepter").click()
    expect(pro.get_by_text("Accès accepté : Filou.")).to_be_visible()
    pro.get_by_role("tab", name="Mes clients").click()
    board = pro.locator('[role="tabpanel"]:visible')
    expect(board.get_by_text("Filou", exact=True)).to_be_visible()
    expect(board.get_by_text("Dernière entrée")).to_be_visible()
    expect(board.get_by_text("Réactions fortes ce mois")).to_be_visible()
    board.get_by_text("Commentaires avec le propriétaire").click()
    plan = "Plan : trois séances LAT cette semaine, à 20 m du vélo."
    board.get_by_label("Votre commentaire").first.fill(plan)
    board.get_by_role("button", name="Envoyer le commentaire").first.click()
    expect(pro.get_by_text("Commentaire envoyé.")).to_be_visible()
    pro.get_by_role("tab", name="Mes clients").click()
    shot(pro, "13-clients")

    go_to(owner, "Calendrier")  # the session lives in the page: navigate, never reload
    go_to(owner, "Partage")
    expect(owner.get_by_text(plan)).to_be_visible()
    expect(owner.get_by_text("1 commentaire(s) non lu(s)")).to_be_visible()
    shot(owner, "14-comments")
