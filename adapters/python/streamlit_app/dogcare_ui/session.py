"""The per-process services, the per-session login, and error messages."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import streamlit as st

import dogcare
from dogcare_ui.config import Services, open_services
from dogcare_ui.i18n import TEXT, language, t


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


def language_of_account() -> dogcare.Language:
    """The session's language as an account keeps it (its mails are written in it)."""
    return dogcare.Language[language().upper()]


def account_language(value: dogcare.Language) -> str:
    """The UI's code ("fr", "en") of an account's language."""
    return value.name.lower()


def save_language() -> None:
    """The sidebar's language, kept in the signed-in account for its mails."""
    who = principal()
    if who is not None:
        with reported():
            services().accounts.update_profile(who, language=language_of_account())


def require_principal() -> dogcare.Principal:
    who = principal()
    if who is None:
        st.rerun()
    assert who is not None
    return who


# The label (a TEXT key) of each field a violation can name.
FIELD_LABELS = {
    "username": "username",
    "password": "password",
    "new_password": "new_password",
    "current_password": "current_password",
    "email": "email",
    "dog_name": "dog_name",
    "name": "name",
    "breed": "breed",
    "notes": "notes",
    "birth_date": "birth_date",
    "date": "date",
    "severity": "severity",
    "comment": "comment",
    "triggers": "triggers",
    "reactions": "reactions",
    "trigger_ids": "triggers",
    "reaction_ids": "reactions",
    "distance_m": "distance",
    "recovery_min": "recovery",
    "handler_action": "handler_action",
    "dog_id": "dog",
    "token": "reset_link",
    "q": "text",
    "from": "from",
    "to": "to",
    "year": "year",
    "month": "month",
    "display_name": "display_name",
    "kind": "pro_kind",
    "organisation": "organisation",
    "contact": "contact",
    "professional": "professional",
    "code": "share_code",
    "time_zone": "time_zone",
}
DATE_PATTERNS = {"fr": "%d/%m/%Y", "en": "%Y/%m/%d"}


def _base_field(field: str) -> str:
    return field.split("[")[0]  # "triggers[2]" -> "triggers"


def field_label(field: str | None, labels: Mapping[str, str] | None = None) -> str:
    """The field's label as the form shows it, in the session's language."""
    name = _base_field(field or "")
    key = (labels or {}).get(name) or FIELD_LABELS.get(name)
    return t(key) if key else t("this_field")


def rule_text(violation: dogcare.Violation) -> str:
    """What is wrong, in the session's language, from the rule code and its limits."""
    rule, low, high = violation.rule, violation.min, violation.max
    field = _base_field(violation.field)

    def day(value: dt.date | None) -> str:
        return value.strftime(DATE_PATTERNS[language()]) if value else ""

    if rule in ("too_short", "too_long"):
        if low is not None and high is not None:
            return t("rule_length", min=low, max=high)
        return t("rule_too_short", min=low) if rule == "too_short" else t("rule_too_long", max=high)
    if rule == "out_of_range":
        if low is not None and high is not None:
            return t("rule_between", min=low, max=high)
        return t("rule_at_least", min=low) if low is not None else t("rule_at_most", max=high)
    if rule == "too_many":
        return t("rule_too_many", max=high)
    if rule == "too_early":
        return t("rule_too_early", d=day(violation.earliest))
    if rule == "too_late":
        return t("rule_too_late", d=day(violation.latest))
    if rule == "limit_reached" and high is not None:
        return t("rule_limit_reached_max", max=high)
    for key in (f"rule_{rule}_{field}", f"rule_{rule}"):
        if key in TEXT:
            return t(key)
    return t("rule_invalid")


def message_for(
    error: dogcare.Error, *, labels: Mapping[str, str] | None = None, subject: str | None = None
) -> str:
    """The error for a person, in the session's language, never the library's English.

    labels: this form's label keys for field names (e.g. a dog's "name" is "dog_name");
    subject: the value a conflict is about (a catalog name).
    """
    if isinstance(error, dogcare.RateLimited):
        return t("rate_limited", s=int(error.retry_after))
    if isinstance(error, dogcare.Unavailable):
        return t("reset_off") if error.field == "mailer" else t("unavailable")
    if isinstance(error, dogcare.ValidationError):
        violations = error.violations or [
            dogcare.Violation(field=error.field or "", rule="invalid")
        ]
        return "\n\n".join(
            t("invalid", f=field_label(v.field, labels), m=rule_text(v)) for v in violations
        )
    if isinstance(error, dogcare.Conflict):
        if subject:
            return t("taken_value", v=subject)
        return t("taken", f=field_label(error.field, labels)) if error.field else t("conflict")
    if isinstance(error, dogcare.AuthenticationError):
        return t("authentication")
    if isinstance(error, dogcare.NotFound):
        return t("not_found")
    return t("unexpected")


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


def shared_dogs(who: dogcare.Principal) -> dict[str, str]:
    """The dogs shared with the caller, each labelled with its owner."""
    return {
        share.dog_id: t("shared_dog", dog=share.dog_name, owner=share.owner_name)
        for share in services().sharing.held(who)
    }


def journal_dog(who: dogcare.Principal, key: str) -> tuple[str | None, dict[str, str]]:
    """The dog a reading page is about, and the names of the dogs it may show.

    The current dog, or, for a professional, one of the dogs shared with them:
    the library reads a shared dog's journal for a live grant and nothing else.
    """
    names = {dog.id: dog.name for dog in services().dogs.list(who)}
    current = current_dog_id()
    shared = shared_dogs(who)
    if not shared:
        return current, names
    options = {current: names[current]} if current in names else {}
    options.update(shared)
    if st.session_state.get(key) not in options:
        st.session_state[key] = next(iter(options))
    chosen = st.selectbox(t("journal_of"), list(options), format_func=options.__getitem__, key=key)
    return (chosen if isinstance(chosen, str) else None), {**names, **shared}


def split_names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def time_zone_input(current: str | None = None, *, key: str) -> str:
    """A zone of the tz database: the account's, else the browser's, else the default."""
    names = dogcare.time_zone_names()
    browser = st.context.timezone
    wanted = current or (browser if browser in names else dogcare.DEFAULT_TIME_ZONE)
    index = names.index(wanted) if wanted in names else names.index(dogcare.DEFAULT_TIME_ZONE)
    chosen = st.selectbox(t("time_zone"), names, index=index, key=key, help=t("time_zone_help"))
    return str(chosen)
