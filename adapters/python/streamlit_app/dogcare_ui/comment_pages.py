"""Comment threads of a shared dog, for its owner and its professionals, and
the owner's list of who read the dog's journal."""

from __future__ import annotations

import streamlit as st

import dogcare
from dogcare_ui.i18n import t
from dogcare_ui.session import message_for, services
from dogcare_ui.sharing_pages import kind_label, moment

VIEW_LABELS = {
    dogcare.AccessView.DOG: "view_dog",
    dogcare.AccessView.OBSERVATIONS: "view_observations",
    dogcare.AccessView.SEARCH: "view_search",
    dogcare.AccessView.CALENDAR: "view_calendar",
    dogcare.AccessView.ANALYTICS: "view_analytics",
    dogcare.AccessView.EXPORT: "view_export",
    dogcare.AccessView.COMMENTS: "view_comments",
}


def author_label(comment: dogcare.Comment) -> str:
    """Who wrote it, in the reader's language; a deleted professional has no name left."""
    if comment.mine:
        return t("comment_mine")
    if comment.author_name is None:
        return t("former_professional")
    return comment.author_name


def _done(message_key: str, message: str) -> None:
    st.session_state[message_key] = message
    st.rerun()


def _one_comment(
    who: dogcare.Principal, comment: dogcare.Comment, key: str, message_key: str
) -> None:
    comments = services().comments
    edited = t("comment_edited") if comment.updated_at != comment.created_at else ""
    with st.container(border=True):
        st.markdown(f"**{author_label(comment)}** · {moment(comment.created_at)}{edited}")
        st.text(comment.body)
        if not comment.mine:
            return
        with st.expander(t("edit_comment")):
            with st.form(f"{key}_edit_{comment.id}"):
                body = st.text_area(
                    t("comment_body"), value=comment.body, key=f"{key}_edit_body_{comment.id}"
                )
                if st.form_submit_button(t("save")):
                    try:
                        comments.update(who, comment.id, body=body)
                    except dogcare.Error as error:
                        st.error(message_for(error))
                    else:
                        _done(message_key, t("comment_saved"))
            confirm = st.checkbox(t("confirm_delete_comment"), key=f"{key}_confirm_{comment.id}")
            if st.button(
                t("delete_comment"), key=f"{key}_delete_{comment.id}", disabled=not confirm
            ):
                try:
                    comments.remove(who, comment.id)
                except dogcare.Error as error:
                    st.error(message_for(error))
                else:
                    _done(message_key, t("comment_deleted"))


def comment_thread(
    who: dogcare.Principal,
    dog_id: str,
    *,
    key: str,
    observation_id: str | None = None,
    conversations: dict[str, str] | None = None,
    can_write: bool = True,
    message_key: str = "sharing_message",
) -> None:
    """A dog's (or one observation's) thread. The owner writes to one of
    `conversations` (grant id -> professional's name); a professional to
    their own conversation, when `can_write` (a read_comment grant). What
    was done is told on the next run by the page's message (`message_key`)."""
    comments = services().comments
    try:
        if observation_id is None:
            page = comments.dog_thread(who, dog_id)
        else:
            page = comments.observation_thread(who, observation_id)
    except dogcare.Error as error:
        st.error(message_for(error))
        return
    if not page.items:
        st.caption(t("no_comments"))
    for comment in page.items:
        _one_comment(who, comment, key, message_key)
    if conversations is not None and not conversations:
        st.caption(t("comment_needs_grant"))
        return
    if not can_write:
        st.caption(t("comment_read_only"))
        return
    with st.form(f"{key}_new_comment", clear_on_submit=True):
        share_id = None
        if conversations:
            labels = dict(conversations)
            choice = st.selectbox(
                t("comment_to"), list(labels), format_func=labels.__getitem__, key=f"{key}_to"
            )
            share_id = choice if isinstance(choice, str) else None
        body = st.text_area(t("comment_body"), key=f"{key}_body")
        if st.form_submit_button(t("send_comment"), type="primary"):
            try:
                if observation_id is None:
                    comments.add_to_dog(who, dog_id, body=body, share_id=share_id)
                else:
                    comments.add_to_observation(who, observation_id, body=body, share_id=share_id)
            except dogcare.Error as error:
                st.error(message_for(error))
            else:
                _done(message_key, t("comment_sent"))


def unread_header(who: dogcare.Principal, dog_id: str, key: str) -> None:
    """The thread's title with the unread count, and the button that clears it."""
    unread = services().comments.unread_count(who, dog_id)
    st.subheader(t("comments_title"))
    if unread:
        st.caption(t("unread_comments", n=unread))
        if st.button(t("mark_read"), key=f"{key}_mark_read"):
            services().comments.mark_read(who, dog_id)
            st.rerun()


def access_log(who: dogcare.Principal, dog_id: str, dog_name: str) -> None:
    """The owner's "who read the journal" list: the first page, newest first."""
    st.subheader(t("access_log_title", dog=dog_name))
    page = services().access_log.list_for_dog(who, dog_id)
    if not page.items:
        st.caption(t("no_access"))
    for entry in page.items:
        parts = [f"**{entry.professional_name or t('former_professional')}**"]
        if entry.professional_kind is not None:
            parts.append(kind_label(entry.professional_kind))
        parts += [t(VIEW_LABELS[entry.view]), moment(entry.accessed_at)]
        st.markdown(" · ".join(parts))
    if page.next_cursor:
        st.caption(t("access_log_more"))


def conversations_of(who: dogcare.Principal, dog_id: str) -> dict[str, str]:
    """The owner's conversations on a dog: each grant's id and its professional's name."""
    return {
        share.id: share.profile.display_name if share.profile else share.professional_username
        for share in services().sharing.list_for_dog(who, dog_id).shares
    }


def client_observation_threads(
    who: dogcare.Principal, dog_id: str, *, key: str, can_write: bool
) -> None:
    """A professional's view of a client dog's recent observations, each with its thread."""
    page = services().observations.search(who, dogcare.SearchQuery(dog_id=dog_id, limit=20))
    if not page.items:
        return
    by_id = {o.id: o for o in page.items}
    labels = {
        o.id: f"{o.date:%d/%m/%Y} · {o.severity}/5 · {o.comment[:60] or '—'}" for o in page.items
    }
    chosen = st.selectbox(
        t("observation_comments"), list(by_id), format_func=labels.__getitem__, key=f"{key}_obs"
    )
    if isinstance(chosen, str):
        comment_thread(
            who, dog_id, key=f"{key}_{chosen}", observation_id=chosen, can_write=can_write
        )
