"""Overview: what the dashboard covers and where to start."""

import streamlit as st

from liptako import access
from liptako.i18n import t

lang = st.session_state.language

st.title(t("app.title", lang))
st.write(t("app.tagline", lang))
st.markdown(t("home.audience", lang))

regions = access.require(access.regions, lang)
places = access.require(access.places, lang)

left, right = st.columns(2)
with left, st.container(border=True):
    st.subheader(t("home.where", lang))
    st.write(t("home.where_text", lang, regions=len(regions), towns=len(places)))
    st.page_link("pages/map_view.py", label=t("home.open_map", lang), icon=":material/map:")
with right, st.container(border=True):
    st.subheader(t("home.provenance", lang))
    st.write(t("home.provenance_text", lang))
    st.page_link("pages/sources_view.py", label=t("home.open_sources", lang), icon=":material/menu_book:")
