"""New observation, and managing (editing, deleting) the ones recorded."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

import streamlit as st

import dogcare
from dogcare_ui.comment_pages import comment_thread, conversations_of
from dogcare_ui.i18n import choices_placeholder, date_format, t
from dogcare_ui.limits import bounds, earliest_date, latest_date
from dogcare_ui.session import (
    current_dog_id,
    message_for,
    require_principal,
    services,
    split_names,
)


def _names(who: dogcare.Principal, kind: dogcare.CatalogKind) -> list[str]:
    return [item.name for item in services().catalog.list(who, kind)]


def _dog_choice(who: dogcare.Principal, key: str, selected: str | None) -> str:
    dogs = {dog.id: dog.name for dog in services().dogs.list(who)}
    ids = list(dogs)
    index = ids.index(selected) if selected in ids else 0
    return st.selectbox(t("dog"), ids, index=index, format_func=dogs.__getitem__, key=key)


NEW = dogcare.ObservationInput
SEVERITY = bounds(NEW, "severity")
DISTANCE = bounds(NEW, "distance_m")
RECOVERY = bounds(NEW, "recovery_min")


def _severity(value: int) -> int:
    low, high = SEVERITY
    return st.slider(t("severity"), low, high, value)


def _bounded_number(label: str, limits: tuple[int, int], value: int | None) -> int | None:
    low, high = limits
    number = st.number_input(t(label), min_value=low, max_value=high, value=value)
    return None if number is None else int(number)


class IncidentDetail(TypedDict):
    distance_m: int | None
    recovery_min: int | None
    handler_action: str | None


def _incident_detail(current: dogcare.Observation | None) -> IncidentDetail:
    """The incident detail's widgets, their values as keyword arguments.

    An emptied detail is None, which clears it on an update (as JSON null does).
    """
    distance = _bounded_number("distance", DISTANCE, current.distance_m if current else None)
    recovery = _bounded_number("recovery", RECOVERY, current.recovery_min if current else None)
    action_now = current.handler_action if current else None
    action = st.text_input(t("handler_action"), value=action_now or "")
    return {"distance_m": distance, "recovery_min": recovery, "handler_action": action or None}


def _date(who: dogcare.Principal, value: dt.date | None = None) -> object:
    """A date within the library's range: up to the user's today, in their time zone."""
    today = dogcare.today(who)
    return st.date_input(
        t("date"),
        value=value or today,
        min_value=earliest_date(NEW, "date"),
        max_value=latest_date(NEW, "date", today),
        format=date_format(),
    )


def new_observation() -> None:
    who = require_principal()
    st.title(f"📝 {t('new_observation')}")
    message = st.session_state.pop("observation_message", None)
    if isinstance(message, str):
        st.success(message)
    with st.form("new_observation", clear_on_submit=True):
        left, right = st.columns(2)
        with left:
            date = _date(who)
        with right:
            dog_id = _dog_choice(who, "new_dog", current_dog_id())
        severity = _severity((SEVERITY[0] + SEVERITY[1]) // 2)
        trigger_names = _names(who, dogcare.CatalogKind.TRIGGER)
        triggers = st.multiselect(
            t("triggers"), trigger_names, placeholder=choices_placeholder(trigger_names)
        )
        extra_triggers = st.text_input(t("new_triggers"))
        reaction_names = _names(who, dogcare.CatalogKind.REACTION)
        reactions = st.multiselect(
            t("reactions"), reaction_names, placeholder=choices_placeholder(reaction_names)
        )
        extra_reactions = st.text_input(t("new_reactions"))
        comment = st.text_area(t("comment"))
        with st.expander(t("incident")):
            detail = _incident_detail(None)
        save, _reset = st.columns([1, 5])
        submitted = save.form_submit_button(t("save"), type="primary")
        _reset.form_submit_button(t("reset"))
    if submitted and isinstance(date, dt.date):
        try:
            services().observations.create(
                who,
                date=date,
                severity=severity,
                comment=comment,
                dog_id=dog_id,
                triggers=triggers + split_names(extra_triggers),
                reactions=reactions + split_names(extra_reactions),
                **detail,
            )
        except dogcare.Error as error:
            st.error(message_for(error))
        else:
            st.session_state["observation_message"] = t("saved")
            st.rerun()


def _label(observation: dogcare.Observation) -> str:
    triggers = ", ".join(item.name for item in observation.triggers)
    return f"{observation.date:%d/%m/%Y} · {observation.severity}/{SEVERITY[1]} · {triggers or '—'}"


MANAGE_PAGE = 50


def _manage_cursors() -> list[str | None]:
    """The keyset cursors of the pages walked so far for the current dog (first: None)."""
    walk = st.session_state.get("manage_walk")
    if not isinstance(walk, dict) or walk.get("dog") != current_dog_id():
        walk = {"dog": current_dog_id(), "cursors": [None]}
        st.session_state["manage_walk"] = walk
    cursors: list[str | None] = walk["cursors"]
    return cursors


def _manage_page(who: dogcare.Principal) -> tuple[dogcare.SearchPage, int]:
    """The page of observations being managed, newest first, and its first row's rank."""
    cursors = _manage_cursors()
    while True:
        query = dogcare.SearchQuery(
            dog_id=current_dog_id(), limit=MANAGE_PAGE, cursor=cursors[-1], total=True
        )
        page = services().observations.search(who, query)
        if page.items or len(cursors) == 1:
            return page, 1 + MANAGE_PAGE * (len(cursors) - 1)
        cursors.pop()  # the last ones of this page were deleted: show the one before


def manage_observations() -> None:
    who = require_principal()
    st.title(f"🛠️ {t('manage')}")
    message = st.session_state.pop("manage_message", None)
    if isinstance(message, str):
        st.success(message)
    page, first = _manage_page(who)
    if not page.items:
        st.info(t("no_observations"))
        return
    last = first + len(page.items) - 1
    st.caption(t("observation_range", first=first, last=last, total=page.total or last))
    newer, older = st.columns(2)
    if newer.button(t("newer"), disabled=first == 1):
        _manage_cursors().pop()
        st.rerun()
    if older.button(t("older"), disabled=page.next_cursor is None):
        _manage_cursors().append(page.next_cursor)
        st.rerun()
    by_id = {o.id: o for o in page.items}
    chosen = st.selectbox(
        t("pick_observation"), list(by_id), format_func=lambda i: _label(by_id[i])
    )
    observation = by_id[chosen]
    trigger_names = _names(who, dogcare.CatalogKind.TRIGGER)
    reaction_names = _names(who, dogcare.CatalogKind.REACTION)
    current_triggers = [i.name for i in observation.triggers]
    current_reactions = [i.name for i in observation.reactions]
    with st.form(f"edit_{observation.id}"):
        date = _date(who, observation.date)
        dog_id = _dog_choice(who, f"edit_dog_{observation.id}", observation.dog_id)
        severity = _severity(observation.severity)
        triggers = st.multiselect(
            t("triggers"),
            sorted(set(trigger_names) | set(current_triggers)),
            default=current_triggers,
            placeholder=choices_placeholder(trigger_names),
        )
        reactions = st.multiselect(
            t("reactions"),
            sorted(set(reaction_names) | set(current_reactions)),
            default=current_reactions,
            placeholder=choices_placeholder(reaction_names),
        )
        comment = st.text_area(t("comment"), value=observation.comment)
        detail = _incident_detail(observation)
        if st.form_submit_button(t("save"), type="primary") and isinstance(date, dt.date):
            try:
                services().observations.update(
                    who,
                    observation.id,
                    dog_id=dog_id,
                    date=date,
                    severity=severity,
                    comment=comment,
                    triggers=triggers,
                    reactions=reactions,
                    **detail,
                )
            except dogcare.Error as error:
                st.error(message_for(error))
            else:
                st.session_state["manage_message"] = t("updated")
                st.rerun()
    confirm = st.checkbox(t("confirm_delete"), key=f"confirm_{observation.id}")
    if st.button(t("delete"), disabled=not confirm):
        try:
            services().observations.remove(who, observation.id)
        except dogcare.Error as error:
            st.error(message_for(error))
        else:
            st.session_state["manage_message"] = t("deleted")
            st.rerun()
    st.subheader(t("observation_comments"))
    comment_thread(
        who,
        observation.dog_id,
        key="manage",
        observation_id=observation.id,
        conversations=conversations_of(who, observation.dog_id),
        message_key="manage_message",
    )
