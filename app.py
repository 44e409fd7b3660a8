"""Entrypoint: page config, the per-session language, navigation over `pages/`, and the sources footer.

The language switch lives here (not in a page) so it persists across pages; the link's `lang` decides it on every
run (so Back across a switch restores it), else the session's choice, else the browser's locale; a switch writes it
to the URL. Page writes to the URL happen in the pages, once per move (README, "Browser history").
"""

import json
from pathlib import Path

import streamlit as st

from liptako import ui
from liptako.i18n import LANGS, language_from_locale, t
from liptako.state import parse
from liptako.views import VIEWS

ROOT = Path(__file__).parent
LANG_NAMES = {"fr": "Français", "en": "English"}

st.set_page_config(page_title="Liptako", page_icon=str(ROOT / "static" / "favicon.png"), layout="wide")

# The canonical language lives under its own key and is pushed into the widget on every run: a widget's own
# state can be dropped by the frontend (seen on a fresh server's first session), the session's choice must not be.
# The address names it whenever it can, so Back and Forward across a switch bring the other language back.
query = st.query_params.to_dict()
link_lang = parse(query)[0].lang
if link_lang:
    st.session_state.language = link_lang
elif "language" not in st.session_state:
    st.session_state.language = language_from_locale(st.context.locale)
st.session_state.language_choice = st.session_state.language
if not query:
    # A sidebar link opens a page with an empty query: give it the state the reader left (`shared_query`, kept at
    # the end of every run), written once and before `st.navigation`: the browser then records a single entry for
    # the move (README, "Browser history").
    st.query_params.from_dict({"lang": st.session_state.language, **st.session_state.get("shared_query", {})})


def _switch_language() -> None:
    st.session_state.language = st.session_state.language_choice
    st.query_params["lang"] = st.session_state.language  # a history entry of its own, read back on the next run


with st.sidebar:
    st.radio(
        "Langue / Language",
        LANGS,
        key="language_choice",
        format_func=LANG_NAMES.__getitem__,
        horizontal=True,
        on_change=_switch_language,
    )
lang = st.session_state.language
# Streamlit serves every page as <html lang="en">; screen readers pick their voice from it, so say the page's own
# language (a constant from LANGS, never reader input).
with st.sidebar:
    st.html(f"<script>document.documentElement.lang = {json.dumps(lang)};</script>", unsafe_allow_javascript=True)

page = st.navigation(
    [
        st.Page(
            ROOT / "pages" / view.file,
            title=t(view.title_key, lang),
            icon=view.icon,
            url_path=view.url_path or None,
            default=not view.url_path,
        )
        for view in VIEWS
    ]
)
page.run()
st.session_state.shared_query = st.query_params.to_dict()

st.divider()
st.caption(f"{t('app.footer', lang)}  \n{ui.as_of(lang)}")  # one element: each costs the browser a layout pass
