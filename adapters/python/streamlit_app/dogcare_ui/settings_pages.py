"""Triggers and reactions, dogs, and the account."""

from __future__ import annotations

import streamlit as st

import dogcare
from dogcare_ui.i18n import t
from dogcare_ui.session import message_for, require_principal, services, time_zone_input
from dogcare_ui.sharing_pages import KIND_LABELS

# On the dogs page a dog's "name" is labelled "Nom du chien".
DOG_LABELS = {"name": "dog_name"}


def _done(key: str) -> None:
    st.session_state["settings_message"] = t(key)
    st.rerun()


def _message() -> None:
    message = st.session_state.pop("settings_message", None)
    if isinstance(message, str):
        st.success(message)


def _catalog_tab(who: dogcare.Principal, kind: dogcare.CatalogKind) -> None:
    catalog = services().catalog
    prefix = kind.name.lower()
    with st.form(f"add_{prefix}", clear_on_submit=True):
        name = st.text_input(t("name"), key=f"add_{prefix}_name")
        if st.form_submit_button(t("add"), type="primary"):
            try:
                catalog.create(who, kind, name)
            except dogcare.Error as error:
                st.error(message_for(error, subject=name.strip()))
            else:
                _done("added")
    for item in catalog.list(who, kind):
        name_col, rename_col, remove_col = st.columns([8, 2, 1], vertical_alignment="bottom")
        new_name = name_col.text_input(
            t("name"), value=item.name, key=f"name_{item.id}", label_visibility="collapsed"
        )
        if rename_col.button(t("rename"), key=f"rename_{item.id}"):
            try:
                catalog.rename(who, kind, item.id, new_name)
            except dogcare.Error as error:
                st.error(message_for(error, subject=new_name.strip()))
            else:
                _done("updated")
        if remove_col.button("🗑️", key=f"remove_{item.id}", help=t("delete")):
            try:
                catalog.remove(who, kind, item.id)
            except dogcare.Error as error:
                st.error(message_for(error))
            else:
                _done("deleted")


def catalog_page() -> None:
    who = require_principal()
    st.title(f"🏷️ {t('catalog')}")
    _message()
    triggers, reactions = st.tabs([t("triggers"), t("reactions")])
    with triggers:
        _catalog_tab(who, dogcare.CatalogKind.TRIGGER)
    with reactions:
        _catalog_tab(who, dogcare.CatalogKind.REACTION)


def dogs_page() -> None:
    who = require_principal()
    st.title(f"🐕 {t('dogs')}")
    _message()
    dogs = services().dogs
    with st.form("add_dog", clear_on_submit=True):
        name = st.text_input(t("dog_name"))
        breed = st.text_input(t("breed"))
        if st.form_submit_button(t("add"), type="primary"):
            try:
                dogs.create(who, name=name, breed=breed or None)
            except dogcare.Error as error:
                st.error(message_for(error, labels=DOG_LABELS))
            else:
                _done("added")
    for dog in dogs.list(who):
        with st.expander(f"{dog.name}" + (f" · {dog.breed}" if dog.breed else "")):
            new_name = st.text_input(t("dog_name"), value=dog.name, key=f"dog_{dog.id}")
            if st.button(t("rename"), key=f"rename_dog_{dog.id}"):
                try:
                    dogs.update(who, dog.id, name=new_name)
                except dogcare.Error as error:
                    st.error(message_for(error, labels=DOG_LABELS))
                else:
                    _done("updated")
            confirm = st.checkbox(t("confirm_delete"), key=f"confirm_dog_{dog.id}")
            if st.button(t("delete"), key=f"delete_dog_{dog.id}", disabled=not confirm):
                try:
                    dogs.remove(who, dog.id)
                except dogcare.Error as error:
                    st.error(message_for(error))
                else:
                    if st.session_state.get("dog_id") == dog.id:
                        st.session_state.pop("dog_id")
                    _done("deleted")


def logout() -> None:
    st.session_state.pop("token", None)
    st.session_state.pop("dog_id", None)
    st.session_state.pop("language_of", None)
    st.rerun()


def _professional_profile(who: dogcare.Principal) -> None:
    professionals = services().professionals
    profile = professionals.profile(who)
    kind_names = {kind: t(key) for kind, key in KIND_LABELS.items()}
    kinds = list(kind_names)
    with st.form("pro_profile"):
        st.subheader(t("pro_profile"))
        st.caption(t("pro_profile_help"))
        display_name = st.text_input(
            t("display_name"), value=profile.display_name if profile else ""
        )
        kind = st.selectbox(
            t("pro_kind"),
            kinds,
            index=kinds.index(profile.kind) if profile else 0,
            format_func=kind_names.__getitem__,
        )
        organisation = st.text_input(
            t("organisation"), value=(profile.organisation or "") if profile else ""
        )
        contact = st.text_input(t("contact"), value=(profile.contact or "") if profile else "")
        if st.form_submit_button(t("save_pro_profile"), type="primary"):
            try:
                professionals.set_profile(
                    who,
                    display_name=display_name,
                    kind=kind if isinstance(kind, dogcare.ProfessionalKind) else kinds[0],
                    organisation=organisation or None,
                    contact=contact or None,
                )
            except dogcare.Error as error:
                st.error(message_for(error))
            else:
                _done("updated")
    if profile:
        confirm = st.checkbox(t("confirm_remove_profile"), key="confirm_remove_profile")
        if st.button(t("remove_pro_profile"), disabled=not confirm):
            try:
                professionals.clear_profile(who)
            except dogcare.Error as error:
                st.error(message_for(error))
            else:
                _done("deleted")


def _notifications(who: dogcare.Principal) -> None:
    comments = services().comments
    current = comments.settings(who)
    st.subheader(t("notifications"))
    wanted = st.checkbox(t("notify_comments"), value=current.notify_comments, key="notify_comments")
    if wanted != current.notify_comments:
        try:
            comments.set_settings(who, notify_comments=wanted)
        except dogcare.Error as error:
            st.error(message_for(error))
        else:
            _done("updated")


def account_page() -> None:
    who = require_principal()
    accounts = services().accounts
    me = accounts.me(who)
    st.title(f"👤 {t('account')}")
    _message()
    with st.form("profile"):
        st.subheader(t("profile"))
        username = st.text_input(t("username"), value=me.username)
        email = st.text_input(t("email"), value=me.email or "")
        zone = time_zone_input(me.time_zone, key="profile_time_zone")
        if st.form_submit_button(t("save"), type="primary"):
            try:
                accounts.update_profile(who, username=username, email=email or None, time_zone=zone)
            except dogcare.Error as error:
                st.error(message_for(error))
            else:
                _done("updated")
    with st.form("password", clear_on_submit=True):
        st.subheader(t("change_password"))
        current = st.text_input(t("current_password"), type="password")
        new = st.text_input(t("new_password"), type="password")
        again = st.text_input(t("password_again"), type="password")
        if st.form_submit_button(t("change_password")):
            if new != again:
                st.error(t("passwords_differ"))
            else:
                try:
                    accounts.change_password(who, current, new)
                    token = accounts.login(me.username, new)
                except dogcare.Error as error:
                    st.error(message_for(error))
                else:
                    st.session_state["token"] = token.access_token
                    _done("updated")
    _professional_profile(who)
    _notifications(who)
    left, right, _ = st.columns([1, 1, 2])  # the two logouts side by side
    if left.button(t("logout")):
        logout()
    if right.button(t("logout_everywhere")):
        try:
            accounts.logout_everywhere(who)
        except dogcare.Error as error:
            st.error(message_for(error))
        else:
            logout()
    st.divider()
    st.subheader(t("delete_account"))
    typed = st.text_input(t("type_username"), key="delete_confirm")
    if st.button(t("delete_account"), type="primary", disabled=typed != me.username):
        try:
            accounts.delete_account(who)
        except dogcare.Error as error:
            st.error(message_for(error))
        else:
            logout()
