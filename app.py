"""Entrypoint: page config, the per-session language, navigation over `pages/`, and the sources footer.

The language switch lives here (not in a page) so it persists across pages; it starts from the link's `lang` or
the browser's locale and is written back to the URL.
"""

import json
from pathlib import Path

import streamlit as st

from liptako import ui
from liptako.i18n import LANGS, language_from_locale, t
from liptako.state import parse

ROOT = Path(__file__).parent
LANG_NAMES = {"fr": "Français", "en": "English"}

st.set_page_config(page_title="Liptako", page_icon=str(ROOT / "static" / "favicon.png"), layout="wide")

# The canonical language lives under its own key and is pushed into the widget on every run: a widget's own
# state can be dropped by the frontend (seen on a fresh server's first session), the session's choice must not be.
if "language" not in st.session_state:
    link_state, _ = parse(st.query_params.to_dict())
    st.session_state.language = link_state.lang or language_from_locale(st.context.locale)
st.session_state.language_choice = st.session_state.language


def _switch_language() -> None:
    st.session_state.language = st.session_state.language_choice


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
st.query_params["lang"] = lang
# Streamlit serves every page as <html lang="en">; screen readers pick their voice from it, so say the page's own
# language (a constant from LANGS, never reader input).
with st.sidebar:
    st.html(f"<script>document.documentElement.lang = {json.dumps(lang)};</script>", unsafe_allow_javascript=True)

PAGES = [  # (file in pages/, title key, icon, url path)
    ("home_view.py", "nav.home", ":material/home:", ""),
    ("map_view.py", "nav.map", ":material/map:", "map"),
    ("timeline_view.py", "nav.timeline", ":material/timeline:", "timeline"),
    ("charter_view.py", "nav.charter", ":material/gavel:", "charter"),
    ("sources_view.py", "nav.sources", ":material/menu_book:", "sources"),
]
page = st.navigation(
    [
        st.Page(ROOT / "pages" / file, title=t(title, lang), icon=icon, url_path=path or None, default=not path)
        for file, title, icon, path in PAGES
    ]
)
# One state for every page: the sidebar opens a page with a bare URL, so give it the state the reader left.
if st.session_state.get("last_page") != page.url_path and set(st.query_params) <= {"lang"}:
    st.query_params.from_dict({**st.session_state.get("shared_query", {}), "lang": lang})
st.session_state.last_page = page.url_path
page.run()
st.session_state.shared_query = st.query_params.to_dict()

st.divider()
st.caption(t("app.footer", lang))
st.caption(ui.as_of(lang))
