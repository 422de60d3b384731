"""dogcare's Streamlit UI: `streamlit run adapters/python/streamlit_app/app.py`."""

from __future__ import annotations

import streamlit as st
from dogcare_ui import (
    auth_pages,
    observation_pages,
    settings_pages,
    sharing_pages,
    view_pages,
)
from dogcare_ui.config import default_language
from dogcare_ui.i18n import LANGUAGES, t
from dogcare_ui.session import (
    account_language,
    guarded,
    principal,
    save_language,
    services,
)

# Streamlit's own input hints ("Press Enter to submit form") are English only:
# hidden rather than shown in English on a French page. Enter still submits.
HIDE_ENGLISH_HINTS = '<style>[data-testid="InputInstructions"]{display:none}</style>'


def main() -> None:
    st.set_page_config(page_title="dogcare", page_icon="🐕", layout="wide")
    st.html(HIDE_ENGLISH_HINTS)
    st.session_state.setdefault("language", default_language())
    who = principal()
    me = services().accounts.me(who) if who is not None else None
    if me is not None and st.session_state.get("language_of") != me.id:
        # Once per login the account's language wins; then the sidebar changes both.
        st.session_state["language"] = account_language(me.language)
        st.session_state["language_of"] = me.id
    with st.sidebar:
        st.selectbox(
            t("language"),
            list(LANGUAGES),
            format_func=LANGUAGES.__getitem__,
            key="language",
            on_change=save_language,
        )
    if who is None:
        pages = [st.Page(guarded(auth_pages.welcome), title=t("welcome"), icon="🐕")]
        if st.query_params.get("reset_token"):
            pages.insert(0, st.Page(guarded(auth_pages.reset_password), title=t("reset_title")))
        st.navigation(pages).run()
        return
    assert me is not None
    if not me.onboarded:
        st.navigation(
            [st.Page(guarded(auth_pages.first_login), title=t("first_login"), icon="👋")]
        ).run()
        return
    dogs = {dog.id: dog.name for dog in services().dogs.list(who)}
    with st.sidebar:
        st.caption(f"👤 {me.username}")
        if dogs:
            if st.session_state.get("dog_id") not in dogs:
                st.session_state["dog_id"] = next(iter(dogs))
            st.selectbox(t("current_dog"), list(dogs), format_func=dogs.__getitem__, key="dog_id")
        if st.button(t("logout")):
            settings_pages.logout()
    sections = {
        "": [
            st.Page(
                guarded(observation_pages.new_observation),
                title=t("new_observation"),
                icon="📝",
                url_path="new",
                default=True,
            ),
            st.Page(
                guarded(view_pages.calendar_page),
                title=t("calendar"),
                icon="📅",
                url_path="calendar",
            ),
            st.Page(
                guarded(view_pages.search_page), title=t("search"), icon="🔎", url_path="search"
            ),
            st.Page(
                guarded(view_pages.analytics_page),
                title=t("analytics"),
                icon="📊",
                url_path="analytics",
            ),
            st.Page(
                guarded(sharing_pages.sharing_page),
                title=t("sharing"),
                icon="🤝",
                url_path="sharing",
            ),
        ],
        "⚙️": [
            st.Page(
                guarded(observation_pages.manage_observations),
                title=t("manage"),
                icon="🛠️",
                url_path="manage",
            ),
            st.Page(
                guarded(settings_pages.catalog_page),
                title=t("catalog"),
                icon="🏷️",
                url_path="catalog",
            ),
            st.Page(guarded(settings_pages.dogs_page), title=t("dogs"), icon="🐕", url_path="dogs"),
            st.Page(
                guarded(settings_pages.account_page),
                title=t("account"),
                icon="👤",
                url_path="account",
            ),
        ],
    }
    st.navigation(sections).run()


main()
