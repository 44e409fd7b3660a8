"""Charter: every provision of the agreed texts, searchable in both languages, with the events they bear on."""

import streamlit as st

from liptako import cards, charter, store, ui
from liptako.i18n import format_date, labelled, pick, t, tn
from liptako.state import THEMES, Known, parse
from liptako.text import escape_md, md_link

lang = st.session_state.language
documents = ui.require("documents", lang)
provisions = ui.require("provisions", lang)
events = store.optional("events")
regions = store.optional("regions")

st.title(t("charter.title", lang))
st.caption(t("charter.intro", lang))

docs = {d.id: d for d in documents}
link, notices = parse(st.query_params.to_dict(), Known(docs=set(docs), provisions={p.id for p in provisions}))
ui.show_notices(notices, lang, link)
doc_id = link.selection.doc or next(iter(docs))

# The URL is the state: push it into the widgets on every run; every widget writes back to the URL.
st.session_state.ch_doc = doc_id
st.session_state.ch_text = link.filters.charter_text
st.session_state.ch_themes = list(link.filters.themes)


def _on_doc() -> None:
    ui.write_state(link.with_selection(doc=st.session_state.ch_doc, article=None), lang)


def _on_filter() -> None:
    ui.write_state(
        link.with_filters(charter_text=st.session_state.ch_text.strip(), themes=tuple(st.session_state.ch_themes)), lang
    )


def _toggle(key: str, article: str) -> None:
    """Opening an article names it in the address (a history entry, a link to share); closing it clears it."""
    if st.session_state[key]:
        ui.write_state(link.with_selection(doc=doc_id, article=article), lang)
    elif link.selection.article == article:
        ui.write_state(link.with_selection(article=None), lang)


st.selectbox(
    t("charter.document", lang),
    list(docs),
    key="ch_doc",
    on_change=_on_doc,
    format_func=lambda d: pick(docs[d], "title", lang),
)
document = docs[doc_id]
with st.expander(t("charter.about", lang), icon=":material/description:"):
    facts = [
        (t("charter.date", lang), format_date(document.date, lang)),
        (t("charter.place", lang), escape_md(document.place)),
        (t("charter.signatories", lang), ", ".join(escape_md(s) for s in document.signatories) or "—"),
        (t("charter.text_status", lang), t(f"text_status.{document.text_status}", lang)),
    ]
    st.markdown("  \n".join(labelled(label, value, lang) for label, value in facts))
    st.markdown(escape_md(pick(document, "summary", lang)))
    ratification = pick(document, "ratification", lang)
    if ratification:
        st.markdown(labelled(t("charter.ratification", lang), escape_md(ratification), lang))
    st.markdown(labelled(t("card.sources", lang), " · ".join(md_link(u) for u in document.sources), lang))

row = st.columns([3, 2])
row[0].text_input(
    t("charter.search", lang), key="ch_text", on_change=_on_filter, max_chars=200, help=t("timeline.search_help", lang)
)
row[1].multiselect(
    t("charter.themes", lang),
    THEMES,
    key="ch_themes",
    placeholder=t("filter.all", lang),
    on_change=_on_filter,
    format_func=lambda th: t(f"theme.{th}", lang),
)

shown = charter.select(provisions, doc_id, link.filters.themes, link.filters.charter_text)
st.markdown(tn("charter.count", len(shown), lang, total=sum(p.document == doc_id for p in provisions)))
if not shown:
    st.info(t("charter.empty", lang), icon=":material/search_off:")
# Which articles are open follows the address whenever it changes (a link, Back, Forward) and when the page is
# opened: the linked article, or every match of a search. In between, the reader's own opening and closing stand.
query = st.query_params.to_dict()
follow_link = st.session_state.get("ch_last_query") != query
st.session_state.ch_last_query = query
with st.container(key="provision_list"):
    for provision in shown:
        key = f"article-{provision.id}"
        if follow_link or key not in st.session_state or provision.number == link.selection.article:
            st.session_state[key] = provision.number == link.selection.article or bool(link.filters.charter_text)
        with st.expander(
            escape_md(cards.provision_label(provision, lang)), key=key, on_change=_toggle, args=(key, provision.number)
        ):
            if st.session_state.get(key):  # a closed article's card is built when it is opened
                with st.container(key="provision_card" if provision.number == link.selection.article else None):
                    ui.render_card(cards.provision_card(provision, events, lang, regions))

with st.expander(t("charter.compare", lang), icon=":material/compare_arrows:"):
    compared = ["lg_charter_2023", "aes_treaty_2024"]
    table = charter.compare_by_theme(provisions, [d for d in compared if d in docs], lang)
    st.dataframe(
        table.rename(
            columns={
                "theme": t("charter.theme", lang),
                **{d: pick(docs[d], "title", lang) for d in compared if d in docs},
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(t("charter.compare_note", lang))
