"""Welcome, password reset by email, the account page, two users, the language."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
import socket
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller

from tests.test_smtp import Inbox  # the same loopback SMTP sink as the binding tests
from tests_app.conftest import PASSWORD, Ui, en, fr


def test_welcome_refuses_bad_input_with_messages(ui: Ui) -> None:
    ui.run()
    assert ui.title == "🐕 " + fr("app_title")
    assert fr("reset_off") in ui.infos  # no SMTP configured
    ui.at.text_input(key="register_username").input("celia")
    ui.at.text_input(key="register_password").input(PASSWORD)
    ui.at.text_input(key="register_again").input(PASSWORD + "!")
    ui.click(fr("register"))
    assert ui.errors == [fr("passwords_differ")]
    ui.register("ab")
    (message,) = ui.errors
    assert message.startswith("À corriger — " + fr("username"))
    ui.register("celia")
    assert ui.title == "👋 " + fr("first_login")

    other = Ui().run()
    other.login("celia", "wrong password")
    (message,) = other.errors
    assert message.startswith("Identification refusée : ")
    other.register("Celia")  # usernames are unique whatever the case
    assert other.errors[0].startswith("Existe déjà : ")
    other.login("CELIA")
    assert other.title == "👋 " + fr("first_login")


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("DOGCARE_SMTP_URL", f"smtp://127.0.0.1:{port}")
    monkeypatch.setenv("DOGCARE_SMTP_REQUIRE_TLS", "0")
    try:
        yield inbox
    finally:
        controller.stop()


def test_forgotten_password_reset_through_the_mailed_link(ui: Ui, inbox: Inbox) -> None:
    ui.run().register("celia", email="celia@example.org")
    lost = Ui().run()
    lost.fill(fr("email"), "celia@example.org")
    lost.click(fr("send_link"))
    assert lost.successes == [fr("link_sent")]
    (mail,) = inbox.messages
    assert isinstance(mail.content, bytes)
    body = email.message_from_bytes(mail.content, policy=email.policy.default)
    text = body.get_body(("plain",))
    assert text is not None
    match = re.search(r"reset_token=([A-Za-z0-9_\-.%]+)", text.get_content())
    assert match is not None

    link = Ui()
    link.at.query_params["reset_token"] = match.group(1)
    link.run()
    assert link.title == fr("reset_title")
    link.fill(fr("new_password"), "a brand new passphrase")
    link.fill(fr("password_again"), "a brand new passphrase")
    link.click(fr("save"))
    assert fr("reset_done") in link.infos
    link.login("celia")
    assert link.errors  # the old password no longer works
    link.login("celia", "a brand new passphrase")
    assert link.title == "👋 " + fr("first_login")

    again = Ui()
    again.at.query_params["reset_token"] = match.group(1)
    again.run()
    again.fill(fr("new_password"), "yet another passphrase")
    again.fill(fr("password_again"), "yet another passphrase")
    again.click(fr("save"))
    assert again.errors  # a reset link works once


def _reset_mail_subject(inbox: Inbox, address: str) -> str:
    Ui().run().fill(fr("email"), address).click(fr("send_link"))
    content = inbox.messages[-1].content
    assert isinstance(content, bytes)
    return str(email.message_from_bytes(content, policy=email.policy.default)["Subject"])


def test_the_account_keeps_its_language_for_its_mails(ui: Ui, inbox: Inbox) -> None:
    """Registered in English: its mails are English, a new session opens in English, and
    the sidebar's choice, once signed in, changes the account's language too."""
    ui.run()
    ui.selectbox(fr("language")).select("en")
    ui.run()
    ui.language = "en"
    ui.register("celia", email="celia@example.org")
    assert _reset_mail_subject(inbox, "celia@example.org") == "dogcare: reset your password"

    phone = Ui().run()  # a new session opens in French, then the account's language wins
    assert phone.title == "🐕 " + fr("app_title")
    phone.login("celia")
    assert phone.selectbox(en("language")).value == "en"
    assert phone.title == "👋 " + en("first_login")
    phone.selectbox(en("language")).select("fr")
    phone.run()
    assert phone.title == "👋 " + fr("first_login")
    assert (
        _reset_mail_subject(inbox, "celia@example.org")
        == "dogcare : réinitialiser votre mot de passe"
    )


def test_account_changes_logout_and_deletion(ui: Ui) -> None:
    ui.signed_up("celia")
    ui.open(fr("account"))
    ui.fill(fr("username"), "celia2")
    ui.fill(fr("email"), "celia@example.org")
    ui.click(fr("save"), index=0)
    assert ui.successes == [fr("updated")]
    assert "👤 celia2" in [c.value for c in ui.at.sidebar.caption]
    assert ui.text(fr("email")).value == "celia@example.org"

    ui.fill(fr("current_password"), "not the password")
    ui.fill(fr("new_password"), "a brand new passphrase")
    ui.fill(fr("password_again"), "a brand new passphrase")
    ui.click(fr("change_password"))
    assert ui.errors and not ui.successes
    ui.fill(fr("current_password"), PASSWORD)
    ui.fill(fr("new_password"), "a brand new passphrase")
    ui.fill(fr("password_again"), "a brand new passphrase")
    ui.click(fr("change_password"))
    assert ui.successes == [fr("updated")]
    assert ui.title == "👤 " + fr("account")  # still logged in with a fresh token

    ui.click(fr("logout"), index=1)
    assert ui.title == "🐕 " + fr("app_title")
    ui.login("celia2")
    assert ui.errors
    ui.login("celia2", "a brand new passphrase")
    assert ui.title == "📝 " + fr("new_observation")

    # Log out everywhere ends the other sessions too.
    phone = Ui().run().login("celia2", "a brand new passphrase")
    assert phone.title == "📝 " + fr("new_observation")
    ui.open(fr("account"))
    ui.click(fr("logout_everywhere"))
    assert ui.title == "🐕 " + fr("app_title")
    phone.run()
    assert phone.title == "🐕 " + fr("app_title")
    assert fr("session_expired") in phone.infos

    ui.login("celia2", "a brand new passphrase").open(fr("account"))
    assert ui.button(fr("delete_account")).disabled
    ui.fill(fr("type_username"), "celia")
    ui.run()
    assert ui.button(fr("delete_account")).disabled
    ui.fill(fr("type_username"), "celia2")
    ui.run()
    ui.click(fr("delete_account"))
    assert ui.title == "🐕 " + fr("app_title")
    ui.login("celia2", "a brand new passphrase")
    assert ui.errors and ui.title == "🐕 " + fr("app_title")


def test_the_time_zone_defaults_to_paris_and_moves_today(ui: Ui) -> None:
    """Europe/Paris when the browser says nothing; the account's zone then sets "today"."""
    ui.signed_up("celia")
    ui.open(fr("account"))
    assert ui.at.selectbox(key="profile_time_zone").value == "Europe/Paris"
    for zone in ("Pacific/Pago_Pago", "Pacific/Kiritimati"):  # 25 hours apart
        ui.at.selectbox(key="profile_time_zone").set_value(zone)
        ui.click(fr("save"), index=0)
        assert ui.successes == [fr("updated")]
        ui.open(fr("new_observation"))
        today = dt.datetime.now(ZoneInfo(zone)).date().isoformat()
        assert ui.widget("date_input", fr("date")).proto.max == today
        ui.open(fr("account"))
        assert ui.at.selectbox(key="profile_time_zone").value == zone


def test_a_second_user_sees_nothing_of_the_first(ui: Ui) -> None:
    ui.signed_up("celia", dog="Rex")
    ui.observe(comment="secret de Rex", severity=5, new_triggers="facteur")
    ui.open(fr("dogs")).fill(fr("dog_name"), "Luna", index=0).click(fr("add"))

    bob = Ui().signed_up("bob", dog="Médor")
    assert bob.selectbox(fr("current_dog")).options == ["Médor"]
    assert "facteur" not in bob.multiselect(fr("triggers")).options
    bob.open(fr("search"))
    assert fr("results", n=0) in [m.value for m in bob.at.markdown]
    assert not bob.at.dataframe
    assert "facteur" not in bob.multiselect(fr("triggers")).options
    bob.open(fr("calendar"))
    assert fr("no_observations") in bob.infos
    bob.open(fr("analytics"))
    assert fr("no_observations") in bob.infos
    bob.open(fr("manage"))
    assert fr("no_observations") in bob.infos
    bob.open(fr("dogs"))
    assert [e.label for e in bob.at.expander] == ["Médor"]


def test_english_is_selectable_and_can_be_the_default(
    ui: Ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    ui.run()
    ui.selectbox(fr("language")).select("en")
    ui.run()
    ui.language = "en"
    assert ui.title == "🐕 " + en("app_title")
    ui.register("celia")
    assert ui.title == "👋 " + en("first_login")
    ui.multiselect(en("triggers")).set_value([])
    ui.run()
    assert ui.multiselect(en("triggers")).placeholder == en("choose_options")
    ui.fill(en("dog_name"), "Rex").click(en("start"))
    assert ui.title == "📝 " + en("new_observation")
    assert [p["page_name"] for p in ui.at._registered_pages.values()][:4] == [
        en("new_observation"),
        en("calendar"),
        en("search"),
        en("analytics"),
    ]
    ui.open(en("analytics"))
    assert en("trend_insufficient") in ui.infos

    monkeypatch.setenv("DOGCARE_LANGUAGE", "en")
    assert Ui().run().title == "🐕 " + en("app_title")


def test_french_widgets_have_no_english_placeholders(ui: Ui) -> None:
    ui.run().register("celia").onboard("Rex", triggers=[], reactions=[])
    assert ui.multiselect(fr("triggers")).placeholder == fr("no_options")
    ui.open(fr("search"))
    assert {m.placeholder for m in ui.at.multiselect} == {fr("no_options"), fr("choose_options")}
    assert {d.proto.format for d in ui.at.date_input} == {"DD/MM/YYYY"}
