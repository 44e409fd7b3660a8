"""Sources: the provenance of every data file, as recorded in `data/SOURCES.yaml`."""

import streamlit as st

from liptako import access
from liptako.i18n import format_date, labelled, t
from liptako.text import escape_md

lang = st.session_state.language
sources = access.require(access.sources, lang)

st.title(t("sources.title", lang))
st.write(t("sources.intro", lang))

for file, entry in sources.items():
    with st.container(border=True, key=f"source-{file.replace('.', '-')}"):
        st.subheader(escape_md(entry.title))
        facts = [
            (t("sources.file", lang), escape_md(f"data/{file}")),
            (t("sources.source", lang), escape_md(entry.source)),
            (t("sources.licence", lang), escape_md(entry.licence)),
            (t("sources.accessed", lang), format_date(entry.accessed, lang)),
        ]
        st.markdown("  \n".join(labelled(label, value, lang) for label, value in facts))
        if entry.url:
            st.link_button(t("sources.link", lang), entry.url, icon=":material/open_in_new:")
        else:
            st.caption(t("sources.per_item", lang))
        st.caption(f"{t('sources.citation', lang)} : {escape_md(entry.citation)}")
