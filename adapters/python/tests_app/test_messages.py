"""Every validation error of every form, written in the session's language.

The library's messages are English sentences for logs; a French page shows
the field's French label and a French sentence made from the rule code and
its limits. Each test triggers the errors a form can get and compares the
whole message; `no_english` checks that no library sentence got through.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests_app.conftest import PASSWORD, Ui, en, fr

# Fragments of the library's English sentences (validation.cpp, accounts.cpp...).
LIBRARY_ENGLISH = (
    "must be",
    "is required",
    "at most",
    "at least",
    "characters",
    "is not",
    "holds",
    "wrong username",
    "already have",
    "not found",
    "does not name",
    "not valid",
    "a valid",
    "the current password",
)


def invalid(label: str, rule: str, **limits: object) -> str:
    return fr("invalid", f=fr(label), m=fr(rule, **limits))


def no_english(ui: Ui) -> None:
    for message in ui.errors:
        for fragment in LIBRARY_ENGLISH:
            assert fragment not in message, message


def only_error(ui: Ui) -> str:
    no_english(ui)
    (message,) = ui.errors
    return message


def register(ui: Ui, username: str, password: str = PASSWORD, email: str = "") -> str:
    ui.register(username, password, email)
    return only_error(ui)


def test_registration_and_login_errors_in_french(ui: Ui) -> None:
    ui.run()
    length = invalid("username", "rule_length", min=3, max=50)
    assert register(ui, "ab") == length
    assert register(ui, "a" * 51) == length
    assert register(ui, "célia") == invalid("username", "rule_invalid_format_username")
    assert register(ui, "celia", "court") == invalid("password", "rule_length", min=8, max=128)
    assert register(ui, "celia", "x" * 129) == invalid("password", "rule_length", min=8, max=128)
    assert register(ui, "celia", email="pas-une-adresse") == invalid(
        "email", "rule_invalid_format_email"
    )
    # Every bad field at once, one line each.
    assert register(ui, "ab", "court", "pas-une-adresse") == "\n\n".join(
        [
            length,
            invalid("password", "rule_length", min=8, max=128),
            invalid("email", "rule_invalid_format_email"),
        ]
    )
    ui.register("celia")
    assert ui.title == "👋 " + fr("first_login")

    other = Ui().run()
    other.login("celia", "wrong password")
    assert only_error(other) == fr("authentication")
    assert register(other, "CELIA") == fr("taken", f=fr("username"))


def test_onboarding_errors_in_french(ui: Ui) -> None:
    ui.run().register("celia")
    ui.onboard("R" * 101)
    assert only_error(ui) == invalid("dog_name", "rule_length", min=1, max=100)


def test_reset_errors_in_french(ui: Ui) -> None:
    ui.at.query_params["reset_token"] = "not-a-token"
    ui.run()
    assert ui.title == fr("reset_title")
    ui.fill(fr("new_password"), "court").fill(fr("password_again"), "court")
    ui.click(fr("save"))
    assert only_error(ui) == invalid("new_password", "rule_length", min=8, max=128)
    ui.fill(fr("new_password"), PASSWORD).fill(fr("password_again"), PASSWORD)
    ui.click(fr("save"))
    assert only_error(ui) == invalid("reset_link", "rule_invalid_format_token")


def test_forgotten_password_error_in_french(ui: Ui, monkeypatch: pytest.MonkeyPatch) -> None:
    # The address is refused before anything is sent: no SMTP server is needed.
    monkeypatch.setenv("DOGCARE_SMTP_URL", "smtp://127.0.0.1:9")
    monkeypatch.setenv("DOGCARE_SMTP_REQUIRE_TLS", "0")
    ui.run()
    ui.at.text_input(key="forgot_email").input("pas-une-adresse")
    ui.click(fr("send_link"))
    assert only_error(ui) == invalid("email", "rule_invalid_format_email")


def test_observation_errors_in_french(ui: Ui) -> None:
    ui.signed_up("celia")
    ui.observe(comment="x" * 2001)
    assert only_error(ui) == invalid("comment", "rule_too_long", max=2000)
    ui.observe(comment="x", new_triggers="t" * 101)
    assert only_error(ui) == invalid("triggers", "rule_length", min=1, max=100)
    ui.observe(comment="x", new_reactions=", ".join(f"r{i}" for i in range(51)))
    assert only_error(ui) == invalid("reactions", "rule_too_many", max=50)
    ui.fill(fr("handler_action"), "h" * 501)
    ui.observe(comment="x")
    assert only_error(ui) == invalid("handler_action", "rule_too_long", max=500)
    assert not ui.successes

    ui.fill(fr("handler_action"), "")
    ui.observe(comment="à corriger ensuite")
    assert ui.successes == [fr("saved")]
    ui.open(fr("manage"))
    ui.fill(fr("comment"), "y" * 2001)
    ui.click(fr("save"))
    assert only_error(ui) == invalid("comment", "rule_too_long", max=2000)


def local_today(zone: str) -> str:
    return dt.datetime.now(ZoneInfo(zone)).date().isoformat()


def test_observation_dates_follow_the_library_limits(ui: Ui) -> None:
    """Up to the user's own today, in the zone chosen at registration (25 hours apart here)."""
    ui.signed_up("celia", time_zone="Pacific/Kiritimati")
    picker = ui.widget("date_input", fr("date"))
    assert picker.proto.max == local_today("Pacific/Kiritimati")
    assert picker.value == dt.date.fromisoformat(local_today("Pacific/Kiritimati"))
    assert picker.proto.min == "1990-01-01"
    assert ui.at.slider[0].proto.min == 1 and ui.at.slider[0].proto.max == 5
    distance = ui.widget("number_input", fr("distance"))
    assert distance.proto.max == 100000


def test_search_errors_in_french(ui: Ui) -> None:
    ui.signed_up("celia")
    ui.open(fr("search"))
    ui.fill(fr("text"), "z" * 201)
    ui.click(fr("search"))
    assert only_error(ui) == invalid("text", "rule_too_long", max=200)
    ui.fill(fr("text"), "")
    ui.widget("date_input", fr("from")).set_value(dt.date(2025, 5, 2))
    ui.widget("date_input", fr("to")).set_value(dt.date(2025, 5, 1))
    ui.click(fr("search"))
    assert only_error(ui) == invalid("from", "rule_too_late", d="01/05/2025")


def test_catalog_errors_in_french(ui: Ui) -> None:
    ui.run().register("celia").onboard("Rex", triggers=["vélo"], reactions=[])
    ui.open(fr("catalog"))
    add = ui.at.tabs[0].text_input(key="add_trigger_name")
    add.input("   ")
    ui.click(fr("add"), index=0)
    assert only_error(ui) == invalid("name", "rule_required")
    ui.at.tabs[0].text_input(key="add_trigger_name").input("n" * 101)
    ui.click(fr("add"), index=0)
    assert only_error(ui) == invalid("name", "rule_length", min=1, max=100)
    ui.at.tabs[0].text_input(key="add_trigger_name").input("Vélo")
    ui.click(fr("add"), index=0)
    assert only_error(ui) == fr("taken_value", v="Vélo")
    (field,) = [w for w in ui.at.tabs[0].text_input if (w.key or "").startswith("name_")]
    field.input("")
    ui.click(fr("rename"))
    assert only_error(ui) == invalid("name", "rule_required")


def test_dog_errors_in_french(ui: Ui) -> None:
    ui.signed_up("celia")
    ui.open(fr("dogs"))
    ui.fill(fr("dog_name"), "", index=0)
    ui.click(fr("add"))
    assert only_error(ui) == invalid("dog_name", "rule_required")
    ui.fill(fr("dog_name"), "Luna", index=0).fill(fr("breed"), "b" * 101)
    ui.click(fr("add"))
    assert only_error(ui) == invalid("breed", "rule_too_long", max=100)
    ui.fill(fr("dog_name"), "", index=1)
    ui.click(fr("rename"))
    assert only_error(ui) == invalid("dog_name", "rule_required")


def test_account_errors_in_french(ui: Ui) -> None:
    Ui().run().register("bob")
    ui.signed_up("celia")
    ui.open(fr("account"))
    ui.fill(fr("username"), "ab")
    ui.click(fr("save"), index=0)
    assert only_error(ui) == invalid("username", "rule_length", min=3, max=50)
    ui.fill(fr("username"), "celia").fill(fr("email"), "pas-une-adresse")
    ui.click(fr("save"), index=0)
    assert only_error(ui) == invalid("email", "rule_invalid_format_email")
    ui.fill(fr("username"), "BOB").fill(fr("email"), "")
    ui.click(fr("save"), index=0)
    assert only_error(ui) == fr("taken", f=fr("username"))

    ui.fill(fr("username"), "celia")
    ui.fill(fr("current_password"), "not the password")
    ui.fill(fr("new_password"), "a brand new passphrase")
    ui.fill(fr("password_again"), "a brand new passphrase")
    ui.click(fr("change_password"))
    assert only_error(ui) == invalid("current_password", "rule_wrong")
    ui.fill(fr("current_password"), PASSWORD)
    ui.fill(fr("new_password"), "court").fill(fr("password_again"), "court")
    ui.click(fr("change_password"))
    assert only_error(ui) == invalid("new_password", "rule_length", min=8, max=128)


def test_errors_in_english(ui: Ui) -> None:
    ui.run()
    ui.selectbox(fr("language")).select("en")
    ui.run()
    ui.language = "en"
    ui.register("ab", "short")
    no_english_library = [m for m in ui.errors if "must be" in m or "is required" in m]
    assert not no_english_library
    assert ui.errors == [
        en("invalid", f=en("username"), m=en("rule_length", min=3, max=50))
        + "\n\n"
        + en("invalid", f=en("password"), m=en("rule_length", min=8, max=128))
    ]
    assert ui.errors == [
        "Please correct “Username”: 3 to 50 characters\n\n"
        "Please correct “Password”: 8 to 128 characters"
    ]
    ui.login("nobody", "wrong password")
    assert ui.errors == [en("authentication")]


def test_a_french_message_reads_as_french(ui: Ui) -> None:
    """The example of the issue, whole."""
    ui.run()
    ui.register("ab")
    assert ui.errors == ["À corriger — Nom d'utilisateur : de 3 à 50 caractères"]
