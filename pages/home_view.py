"""Overview: what the dashboard covers and where to start."""

import streamlit as st

from liptako import store, ui
from liptako.i18n import t
from liptako.views import page_file

lang = st.session_state.language

st.title(t("app.title", lang))
st.write(t("app.tagline", lang))
st.markdown(t("home.audience", lang))

regions = store.optional("regions")
places = store.optional("places")
events = store.optional("events")
provisions = store.optional("provisions")

SECTIONS = [  # heading, text, its figures, link target, link label, icon
    (
        "home.where",
        "home.where_text",
        {"regions": len(regions) if regions is not None else "–", "towns": len(places) if places is not None else "–"},
        page_file("map"),
        "home.open_map",
        ":material/map:",
    ),
    (
        "home.when",
        "home.when_text",
        {"events": len(events) if events is not None else "–"},
        page_file("timeline"),
        "home.open_timeline",
        ":material/timeline:",
    ),
    (
        "home.what",
        "home.what_text",
        {"provisions": len(provisions) if provisions is not None else "–"},
        page_file("charter"),
        "home.open_charter",
        ":material/gavel:",
    ),
    (
        "home.provenance",
        "home.provenance_text",
        {},
        page_file("sources"),
        "home.open_sources",
        ":material/menu_book:",
    ),
]
for column, (heading, text, figures, target, label, icon) in zip(st.columns(2) * 2, SECTIONS, strict=True):
    with column, st.container(border=True, height="stretch"):
        st.subheader(t(heading, lang))
        st.write(t(text, lang, **figures))
        # The reader's state in the address goes along (filters, selection), as through the sidebar's links.
        ui.page_link(target, t(label, lang), icon, {**st.query_params.to_dict(), "lang": lang})
