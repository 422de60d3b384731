"""Sharing a dog with professionals (the owner's side) and the dogs shared with me."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import dogcare
from dogcare_ui.i18n import language, t
from dogcare_ui.session import (
    DATE_PATTERNS,
    current_dog_id,
    message_for,
    require_principal,
    services,
)

SCOPE_LABELS = {
    dogcare.ShareScope.READ: "scope_read",
    dogcare.ShareScope.READ_COMMENT: "scope_read_comment",
}
KIND_LABELS = {
    dogcare.ProfessionalKind.TRAINER: "kind_trainer",
    dogcare.ProfessionalKind.BEHAVIOURIST: "kind_behaviourist",
    dogcare.ProfessionalKind.VET: "kind_vet",
}
# The code shown once after it was made, until the next run.
NEW_CODE = "sharing_new_code"


def scope_label(scope: dogcare.ShareScope) -> str:
    return t(SCOPE_LABELS[scope])


def kind_label(kind: dogcare.ProfessionalKind) -> str:
    return t(KIND_LABELS[kind])


def moment(value: dt.datetime) -> str:
    """A time the library answers (UTC), written the way the UI's language writes dates."""
    utc = value.astimezone(dt.UTC)
    return utc.strftime(DATE_PATTERNS[language()]) + utc.strftime(" %H:%M UTC")


def day(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime(DATE_PATTERNS[language()])


def sharing_error(error: dogcare.Error) -> str:
    """A sharing refusal for a person: conflicts and unknown codes have their own words."""
    if isinstance(error, dogcare.Conflict):
        return t("share_conflict")
    return message_for(error)


def _done(message: str) -> None:
    st.session_state["sharing_message"] = message
    st.rerun()


def _message() -> None:
    message = st.session_state.pop("sharing_message", None)
    if isinstance(message, str):
        st.success(message)


def _scope_radio(key: str) -> dogcare.ShareScope:
    # Labels bound now: a format_func may be called outside the script run (tests).
    labels = {scope: scope_label(scope) for scope in SCOPE_LABELS}
    choice = st.radio(
        t("scope"),
        list(labels),
        format_func=labels.__getitem__,
        horizontal=True,
        key=key,
    )
    return choice if isinstance(choice, dogcare.ShareScope) else dogcare.ShareScope.READ


def _new_code() -> None:
    shown = st.session_state.pop(NEW_CODE, None)
    if isinstance(shown, dict):
        st.success(t("code_created", dog=shown["dog"], scope=shown["scope"], until=shown["until"]))
        st.code(shown["code"], language=None)


def _owner_side(who: dogcare.Principal) -> None:
    sharing = services().sharing
    dogs = {dog.id: dog.name for dog in services().dogs.list(who)}
    if not dogs:
        st.info(t("share_no_dogs"))
        return
    if st.session_state.get("share_dog") not in dogs:
        current = current_dog_id()
        st.session_state["share_dog"] = current if current in dogs else next(iter(dogs))
    dog_id = st.selectbox(t("share_dog"), list(dogs), format_func=dogs.__getitem__, key="share_dog")
    assert isinstance(dog_id, str)
    _new_code()
    code_col, invite_col = st.columns(2)
    with code_col, st.form("share_code_form", clear_on_submit=True):
        st.subheader(t("share_code_title"))
        st.caption(t("share_code_help"))
        scope = _scope_radio("code_scope")
        if st.form_submit_button(t("create_code"), type="primary"):
            try:
                code = sharing.create_code(who, dog_id, scope=scope)
            except dogcare.Error as error:
                st.error(sharing_error(error))
            else:
                st.session_state[NEW_CODE] = {
                    "code": code.code,
                    "dog": dogs[dog_id],
                    "scope": scope_label(code.scope),
                    "until": moment(code.expires_at),
                }
                st.rerun()
    with invite_col, st.form("share_invite_form", clear_on_submit=True):
        st.subheader(t("invite_title"))
        professional = st.text_input(t("professional"), key="invite_professional")
        scope = _scope_radio("invite_scope")
        if st.form_submit_button(t("invite"), type="primary"):
            try:
                sharing.invite(who, dog_id, professional=professional, scope=scope)
            except dogcare.Error as error:
                st.error(sharing_error(error))
            else:
                _done(t("invitation_sent"))

    listed = sharing.list_for_dog(who, dog_id)
    st.subheader(t("grants_title"))
    if not listed.shares:
        st.caption(t("no_grants"))
    for share in listed.shares:
        profile = share.profile
        parts = [f"**{profile.display_name if profile else share.professional_username}**"]
        if profile:
            parts.append(kind_label(profile.kind))
            if profile.organisation:
                parts.append(profile.organisation)
            if profile.contact:
                parts.append(profile.contact)
        else:
            parts.append(t("no_profile"))
        parts += [scope_label(share.scope), t("grant_since", d=day(share.created_at))]
        with st.container(border=True):
            st.markdown(" · ".join(parts))
            confirm = st.checkbox(t("confirm_revoke"), key=f"confirm_revoke_{share.id}")
            if st.button(t("revoke"), key=f"revoke_{share.id}", disabled=not confirm):
                try:
                    sharing.revoke(who, share.id)
                except dogcare.Error as error:
                    st.error(sharing_error(error))
                else:
                    _done(t("revoked"))
    st.subheader(t("pending_title"))
    if not listed.invitations:
        st.caption(t("no_pending"))
    for invitation in listed.invitations:
        who_for = invitation.invitee or t("pending_code")
        with st.container(border=True):
            st.markdown(
                " · ".join(
                    [
                        f"**{who_for}**",
                        scope_label(invitation.scope),
                        t("expires_on", d=moment(invitation.expires_at)),
                    ]
                )
            )
            confirm = st.checkbox(t("confirm_cancel"), key=f"confirm_cancel_{invitation.id}")
            if st.button(
                t("cancel_invitation"), key=f"cancel_{invitation.id}", disabled=not confirm
            ):
                try:
                    sharing.cancel_invitation(who, invitation.id)
                except dogcare.Error as error:
                    st.error(sharing_error(error))
                else:
                    _done(t("cancelled"))
    # Late import: the comment threads use this page's labels.
    from dogcare_ui.comment_pages import (
        access_log,
        comment_thread,
        conversations_of,
        unread_header,
    )

    unread_header(who, dog_id, "owner")
    comment_thread(who, dog_id, key="owner", conversations=conversations_of(who, dog_id))
    access_log(who, dog_id, dogs[dog_id])


def _professional_side(who: dogcare.Principal) -> None:
    sharing = services().sharing
    with st.form("accept_code_form", clear_on_submit=True):
        st.subheader(t("accept_code_title"))
        code = st.text_input(t("share_code"), key="accept_code")
        if st.form_submit_button(t("accept"), type="primary"):
            try:
                held = sharing.accept_code(who, code.strip())
            except dogcare.NotFound:
                st.error(t("code_not_found"))
            except dogcare.Error as error:
                st.error(sharing_error(error))
            else:
                _done(t("accepted", dog=held.dog_name))
    st.subheader(t("offers_title"))
    offers = sharing.invitations(who)
    if not offers:
        st.caption(t("no_offers"))
    for offer in offers:
        with st.container(border=True):
            parts = [
                f"**{offer.dog_name}**",
                t("owner_of", owner=offer.owner_name),
                scope_label(offer.scope),
            ]
            if offer.expires_at:
                parts.append(t("expires_on", d=moment(offer.expires_at)))
            st.markdown(" · ".join(parts))
            if st.button(t("accept"), key=f"accept_{offer.id}"):
                try:
                    held = sharing.accept(who, offer.id)
                except dogcare.Error as error:
                    st.error(sharing_error(error))
                else:
                    _done(t("accepted", dog=held.dog_name))
    st.subheader(t("held_title"))
    board = services().client_board.report(who)
    if not board.clients:
        st.caption(t("no_held"))
    else:
        st.caption(t("board_help"))
    since = {share.id: share.created_at for share in sharing.held(who)}
    for share in board.clients:
        with st.container(border=True):
            header = [
                f"**{share.dog_name}**",
                t("owner_of", owner=share.owner_name),
                scope_label(share.scope),
            ]
            if share.share_id in since:
                header.append(t("grant_since", d=day(since[share.share_id])))
            st.markdown(" · ".join(header))
            _board_figures(share)
            with st.expander(t("comments_with_owner")):
                from dogcare_ui.comment_pages import (
                    client_observation_threads,
                    comment_thread,
                    unread_header,
                )

                can_write = share.scope == dogcare.ShareScope.READ_COMMENT
                unread_header(who, share.dog_id, f"held_{share.share_id}")
                comment_thread(who, share.dog_id, key=f"held_{share.share_id}", can_write=can_write)
                client_observation_threads(
                    who, share.dog_id, key=f"held_{share.share_id}", can_write=can_write
                )
            confirm = st.checkbox(t("confirm_leave"), key=f"confirm_leave_{share.share_id}")
            if st.button(t("leave"), key=f"leave_{share.share_id}", disabled=not confirm):
                try:
                    sharing.leave(who, share.share_id)
                except dogcare.Error as error:
                    st.error(sharing_error(error))
                else:
                    _done(t("left"))


ALERT_LABELS = (
    ("worsening", "alert_worsening"),
    ("strong_days", "alert_strong_days"),
    ("no_recent_entry", "alert_no_recent_entry"),
)
TREND_LABELS = {
    dogcare.TrendDirection.IMPROVING: "board_trend_improving",
    dogcare.TrendDirection.STABLE: "board_trend_stable",
    dogcare.TrendDirection.WORSENING: "board_trend_worsening",
    dogcare.TrendDirection.INSUFFICIENT_DATA: "board_trend_insufficient",
}


def _board_figures(entry: dogcare.ClientBoardEntry) -> None:
    """One client on the board: the alerts first, then the figures behind them."""
    alerts = [t(label) for name, label in ALERT_LABELS if getattr(entry.alerts, name)]
    if alerts:
        st.warning(" · ".join(alerts), icon="⚠️")
    last, strong, unread = st.columns(3)
    if entry.last_entry is None:
        last.metric(t("board_last_entry"), t("board_never"))
    else:
        last.metric(
            t("board_last_entry"),
            entry.last_entry.strftime(DATE_PATTERNS[language()]),
            t("board_days_ago", n=entry.days_since_last_entry),
            delta_color="off",
            delta_arrow="off",
        )
    share = entry.strong_reactions
    strong.metric(
        t("board_strong_share"),
        f"{share.share:.0%}",
        t("board_strong_before", p=f"{share.previous_share:.0%}"),
        delta_color="off",
        delta_arrow="off",
    )
    unread.metric(t("board_unread"), entry.unread_comments)
    st.markdown(t("board_trend", trend=t(TREND_LABELS[entry.trend.direction])))


def sharing_page() -> None:
    who = require_principal()
    st.title(f"🤝 {t('sharing')}")
    _message()
    owner, professional = st.tabs([t("share_owner_tab"), t("share_pro_tab")])
    with owner:
        _owner_side(who)
    with professional:
        _professional_side(who)
