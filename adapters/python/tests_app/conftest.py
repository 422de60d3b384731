"""AppTest flows: the real Streamlit script over a real SQLite file per test.

Every interaction goes through `Ui`, which reruns the script and then checks
that nothing reached the user as a traceback or as the catch-all "unexpected
error" message (the pages turn any stray exception into that message, so
`at.exception` alone would not catch a broken page).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button, Widget

HERE = Path(__file__).resolve().parent
APP = HERE.parent / "streamlit_app" / "app.py"
sys.path.insert(0, str(APP.parent))

from dogcare_ui.i18n import TEXT  # noqa: E402

PASSWORD = "correct horse battery"
UNEXPECTED = set(TEXT["unexpected"])


def fr(key: str, **values: object) -> str:
    """The French text the UI shows for `key`."""
    text = TEXT[key][0]
    return text.format(**values) if values else text


def en(key: str, **values: object) -> str:
    text = TEXT[key][1]
    return text.format(**values) if values else text


class Ui:
    """One browser session: an AppTest plus the steps a person takes."""

    def __init__(self) -> None:
        self.at = AppTest.from_file(str(APP), default_timeout=60)
        self.language = "fr"

    def tr(self, key: str) -> str:
        """The text the UI shows for `key` in the session's language."""
        return fr(key) if self.language == "fr" else en(key)

    # --- running and checking -------------------------------------------------
    def run(self) -> Ui:
        self.at.run()
        self.check()
        return self

    def check(self) -> None:
        assert not self.at.exception, [e.value for e in self.at.exception]
        shown = [e.value for e in self.at.error]
        assert not UNEXPECTED & set(shown), shown

    @property
    def errors(self) -> list[str]:
        return [e.value for e in self.at.error]

    @property
    def successes(self) -> list[str]:
        return [e.value for e in self.at.success]

    @property
    def infos(self) -> list[str]:
        return [e.value for e in self.at.info]

    @property
    def title(self) -> str:
        return str(self.at.title[0].value) if len(self.at.title) else ""

    # --- finding widgets --------------------------------------------------------
    def _one(self, widgets: Sequence[Any], label: str, index: int | None) -> Any:
        found = [w for w in widgets if w.label == label]
        if index is not None:
            return found[index]
        assert len(found) == 1, (label, [w.label for w in widgets])
        return found[0]

    def text(self, label: str, index: int | None = None) -> Any:
        return self._one(list(self.at.text_input) + list(self.at.text_area), label, index)

    def multiselect(self, label: str, index: int | None = None) -> Any:
        return self._one(list(self.at.multiselect), label, index)

    def selectbox(self, label: str, index: int | None = None) -> Any:
        return self._one(list(self.at.selectbox), label, index)

    def button(self, label: str, index: int | None = None) -> Button:
        return self._one(list(self.at.button), label, index)  # type: ignore[no-any-return]

    def widget(self, kind: str, label: str, index: int | None = None) -> Widget:
        return self._one(list(self.at.get(kind)), label, index)  # type: ignore[no-any-return]

    # --- acting -----------------------------------------------------------------
    def fill(self, label: str, value: str, index: int | None = None) -> Ui:
        self.text(label, index).input(value)
        return self

    def click(self, label: str, index: int | None = None) -> Ui:
        self.button(label, index).click()
        return self.run()

    def open(self, title: str) -> Ui:
        """Click a page in the sidebar navigation (pages are functions, not files)."""
        pages = {info["page_name"]: page for page, info in self.at._registered_pages.items()}
        assert title in pages, list(pages)
        self.at._page_hash = pages[title]
        return self.run()

    # --- whole steps --------------------------------------------------------------
    def register(
        self,
        username: str,
        password: str = PASSWORD,
        email: str = "",
        time_zone: str | None = None,
    ) -> Ui:
        self.at.text_input(key="register_username").input(username)
        if time_zone is not None:
            self.at.selectbox(key="register_time_zone").set_value(time_zone)
        self.at.text_input(key="register_email").input(email)
        self.at.text_input(key="register_password").input(password)
        self.at.text_input(key="register_again").input(password)
        return self.click(self.tr("register"))

    def login(self, username: str, password: str = PASSWORD) -> Ui:
        self.at.text_input(key="login_username").input(username)
        self.at.text_input(key="login_password").input(password)
        return self.click(self.tr("login"))

    def onboard(
        self,
        dog: str = "Rex",
        triggers: list[str] | None = None,
        reactions: list[str] | None = None,
    ) -> Ui:
        if triggers is not None:
            self.multiselect(self.tr("triggers")).set_value(triggers)
        if reactions is not None:
            self.multiselect(self.tr("reactions")).set_value(reactions)
        self.fill(self.tr("dog_name"), dog)
        return self.click(self.tr("start"))

    def signed_up(self, username: str, dog: str = "Rex", time_zone: str | None = None) -> Ui:
        """A new account, onboarded with the default catalog, on the new-observation page."""
        self.run().register(username, time_zone=time_zone).onboard(dog)
        assert self.title == "📝 " + self.tr("new_observation"), self.title
        return self

    def observe(
        self,
        *,
        comment: str,
        severity: int = 3,
        date: dt.date | None = None,
        triggers: Sequence[str] = (),
        reactions: Sequence[str] = (),
        new_triggers: str = "",
        new_reactions: str = "",
        distance: int | None = None,
    ) -> Ui:
        """Fill in and save the new-observation form (the page must be open)."""
        if date is not None:
            self.widget("date_input", self.tr("date")).set_value(date)
        self.at.slider[0].set_value(severity)
        self.multiselect(self.tr("triggers")).set_value(list(triggers))
        self.multiselect(self.tr("reactions")).set_value(list(reactions))
        self.fill(self.tr("new_triggers"), new_triggers)
        self.fill(self.tr("new_reactions"), new_reactions)
        self.fill(self.tr("comment"), comment)
        if distance is not None:
            self.widget("number_input", self.tr("distance")).set_value(distance)
        return self.click(self.tr("save"))


@pytest.fixture(autouse=True)
def fresh_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A new SQLite file and key file per test, and no services cached from the last one."""
    database = tmp_path / "var" / "dogcare.db"
    keys = tmp_path / "jwt-keys"
    keys.write_text("k1=" + "s3cret-for-tests-" * 3 + "\n")
    monkeypatch.setenv("DOGCARE_DATABASE", str(database))
    monkeypatch.setenv("DOGCARE_JWT_KEYS_FILE", str(keys))
    for name in ("DOGCARE_DATABASE_FILE", "DOGCARE_SMTP_URL", "DOGCARE_LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    st.cache_resource.clear()
    yield database
    st.cache_resource.clear()


@pytest.fixture
def ui() -> Ui:
    return Ui()
