"""The per-process services, the per-session login, and error messages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import streamlit as st

import dogcare
from dogcare_ui.config import Services, open_services
from dogcare_ui.i18n import t


@st.cache_resource
def services() -> Services:
    """One database pool and one set of services for every session of the process."""
    return open_services()


def principal() -> dogcare.Principal | None:
    """The logged-in user, checked again on every run (revocation, expiry)."""
    token = st.session_state.get("token")
    if not isinstance(token, str):
        return None
    try:
        return services().accounts.authenticate(token)
    except dogcare.AuthenticationError:
        st.session_state.pop("token", None)
        st.session_state["flash"] = t("session_expired")
        return None


def require_principal() -> dogcare.Principal:
    who = principal()
    if who is None:
        st.rerun()
    assert who is not None
    return who


def message_for(error: dogcare.Error) -> str:
    if isinstance(error, dogcare.RateLimited):
        return t("rate_limited", s=int(error.retry_after))
    if isinstance(error, dogcare.Unavailable):
        return t("unavailable") if "mail" not in str(error) else t("reset_off")
    if isinstance(error, dogcare.Internal):
        return t("unexpected")
    return str(error)


@contextmanager
def reported() -> Iterator[None]:
    """Library errors become a message saying what to do, never a traceback."""
    try:
        yield
    except dogcare.Error as error:
        st.error(message_for(error))


def guarded(page: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        try:
            page()
        except dogcare.Error as error:
            st.error(message_for(error))
        except Exception:
            st.error(t("unexpected"))

    run.__name__ = page.__name__
    return run


def flash() -> None:
    message = st.session_state.pop("flash", None)
    if isinstance(message, str):
        st.info(message)


def current_dog_id() -> str | None:
    value = st.session_state.get("dog_id")
    return value if isinstance(value, str) else None


def split_names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]
