"""Welcome (log in, create an account, forgot password), reset, first login."""

from __future__ import annotations

import streamlit as st

import dogcare
from dogcare_ui.i18n import choices_placeholder, t
from dogcare_ui.session import (
    flash,
    language_of_account,
    message_for,
    require_principal,
    services,
    time_zone_input,
)


def welcome() -> None:
    st.title(f"🐕 {t('app_title')}")
    st.write(t("welcome_intro"))
    flash()
    login_tab, register_tab, forgot_tab = st.tabs([t("login"), t("register"), t("forgot")])
    with login_tab, st.form("login"):
        username = st.text_input(t("username"), key="login_username")
        password = st.text_input(t("password"), type="password", key="login_password")
        if st.form_submit_button(t("login"), type="primary"):
            try:
                token = services().accounts.login(username, password, client_key="streamlit")
            except dogcare.Error as error:
                st.error(message_for(error))
            else:
                st.session_state["token"] = token.access_token
                st.rerun()
    with register_tab, st.form("register"):
        new_username = st.text_input(t("username"), key="register_username")
        email = st.text_input(t("email_optional"), key="register_email")
        new_password = st.text_input(t("password"), type="password", key="register_password")
        again = st.text_input(t("password_again"), type="password", key="register_again")
        zone = time_zone_input(key="register_time_zone")
        if st.form_submit_button(t("register"), type="primary"):
            if new_password != again:
                st.error(t("passwords_differ"))
            else:
                try:
                    services().accounts.register(
                        username=new_username,
                        password=new_password,
                        email=email or None,
                        time_zone=zone,
                        language=language_of_account(),
                    )
                    token = services().accounts.login(new_username, new_password)
                except dogcare.Error as error:
                    st.error(message_for(error))
                else:
                    st.session_state["token"] = token.access_token
                    st.rerun()
    with forgot_tab:
        if not services().reset_enabled:
            st.info(t("reset_off"))
        else:
            with st.form("forgot"):
                address = st.text_input(t("email"), key="forgot_email")
                if st.form_submit_button(t("send_link")):
                    try:
                        services().accounts.request_password_reset(address)
                    except dogcare.Error as error:
                        st.error(message_for(error))
                    else:
                        st.success(t("link_sent"))


def reset_password() -> None:
    st.title(t("reset_title"))
    token = st.query_params.get("reset_token", "")
    with st.form("reset"):
        password = st.text_input(t("new_password"), type="password")
        again = st.text_input(t("password_again"), type="password")
        if st.form_submit_button(t("save"), type="primary"):
            if password != again:
                st.error(t("passwords_differ"))
                return
            try:
                services().accounts.confirm_password_reset(token, password)
            except dogcare.Error as error:
                st.error(message_for(error))
            else:
                st.query_params.clear()
                st.session_state["flash"] = t("reset_done")
                st.rerun()


def first_login() -> None:
    who = require_principal()
    st.title(f"👋 {t('first_login')}")
    st.write(t("first_intro"))
    catalog = services().catalog
    triggers = catalog.defaults(dogcare.CatalogKind.TRIGGER)
    reactions = catalog.defaults(dogcare.CatalogKind.REACTION)
    trigger_names = {item.name: item.id for item in triggers}
    reaction_names = {item.name: item.id for item in reactions}
    with st.form("onboarding"):
        chosen_triggers = st.multiselect(
            t("triggers"),
            list(trigger_names),
            default=list(trigger_names),
            placeholder=choices_placeholder(trigger_names),
        )
        chosen_reactions = st.multiselect(
            t("reactions"),
            list(reaction_names),
            default=list(reaction_names),
            placeholder=choices_placeholder(reaction_names),
        )
        dog_name = st.text_input(t("dog_name"), value=services().dogs.list(who)[0].name)
        if st.form_submit_button(t("start"), type="primary"):
            try:
                catalog.onboard(
                    who,
                    trigger_ids=[trigger_names[n] for n in chosen_triggers],
                    reaction_ids=[reaction_names[n] for n in chosen_reactions],
                    dog_name=dog_name,
                )
            except dogcare.Error as error:
                st.error(message_for(error))
            else:
                st.rerun()
