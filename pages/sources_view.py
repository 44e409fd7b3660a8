"""Sources: the provenance of every data file, as recorded in `data/SOURCES.yaml`."""

import streamlit as st

from liptako import exports, store, ui
from liptako.i18n import format_date, label_line, labelled, number, pick, t
from liptako.state import parse
from liptako.text import escape_md

lang = st.session_state.language
sources = ui.require("sources", lang)

st.title(t("sources.title", lang))
st.write(t("sources.intro", lang))
st.info(ui.as_of(lang), icon=":material/update:")

link, _ = parse(st.query_params.to_dict())


def _download_label(kind: str, count: int) -> str:
    """'Events (164, CSV)', the figure written as the reader's language writes numbers."""
    return t(f"downloads.{kind}", lang, count=number(count, lang))


with st.container(key="downloads", border=True):
    st.subheader(t("downloads.title", lang))
    st.caption(t("downloads.intro", lang))
    files = []  # (label, content, file name, MIME type), for the data that loads
    events = store.optional("events")
    if events is not None:
        payload, count = exports.events_csv(events, link)
        files.append((_download_label("events", count), payload, "liptako-events.csv", "text/csv"))
    regions, zones = store.optional("regions"), store.optional("zones")
    if regions is not None and zones is not None:
        files.append(
            (
                _download_label("regions", len(regions)),
                exports.regions_geojson(regions, zones),
                "liptako-regions.geojson",
                "application/geo+json",
            )
        )
    provisions = store.optional("provisions")
    if provisions is not None:
        payload, count = exports.provisions_csv(provisions, link)
        files.append((_download_label("provisions", count), payload, "liptako-provisions.csv", "text/csv"))
    for column, (label, content, name, mime) in zip(st.columns(3), files, strict=False):
        column.download_button(label, content, file_name=name, mime=mime, icon=":material/download:")

for file, entry in sources.items():
    with st.container(border=True, key=f"source-{file.replace('.', '-')}"):
        st.subheader(escape_md(pick(entry, "title", lang)))
        facts = [
            (t("sources.file", lang), escape_md(f"data/{file}")),
            (t("sources.source", lang), escape_md(pick(entry, "source", lang))),
            (t("sources.licence", lang), escape_md(pick(entry, "licence", lang))),
            (t("sources.accessed", lang), format_date(entry.accessed, lang)),
        ]
        st.markdown("  \n".join(labelled(label, value, lang) for label, value in facts))
        if entry.url:
            st.link_button(t("sources.link", lang), entry.url, icon=":material/open_in_new:")
        else:
            st.caption(t("sources.per_item", lang))
        st.caption(label_line(t("sources.citation", lang), escape_md(pick(entry, "citation", lang)), lang))
