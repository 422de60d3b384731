"""The per-process services, the per-session login, and error messages."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import streamlit as st

import dogcare
from dogcare_ui.config import Services, open_services
from dogcare_ui.i18n import TEXT, t


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
    # The library's messages are English: the kind of error is said in the UI's
    # language, the library's detail (which name, which limit) follows.
    detail = str(error)
    if isinstance(error, dogcare.ValidationError):
        field = (error.field or "").split("[")[0]  # "triggers[2]" -> "triggers"
        return t("invalid", f=t(field) if field in TEXT else field, m=detail)
    if isinstance(error, dogcare.Conflict):
        return t("conflict", m=detail)
    if isinstance(error, dogcare.AuthenticationError):
        return t("authentication", m=detail)
    if isinstance(error, dogcare.NotFound):
        return t("not_found", m=detail)
    return detail


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
            # The user gets a message; the operator gets the traceback in the server log.
            logging.getLogger("dogcare_ui").exception("page %s failed", page.__name__)
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
