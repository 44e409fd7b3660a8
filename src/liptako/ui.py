"""What several pages lay out alike: a data error, link notices, cards, links to other views, the URL state and
the data's "as of" line. Pages call these; the text itself comes from the builders and the catalogs."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from liptako import store
from liptako.cards import Card
from liptako.data import DataError
from liptako.i18n import Lang, format_date, t
from liptako.state import Notice, State, to_query
from liptako.text import escape_md


def require(kind: str, lang: Lang):  # noqa: ANN201 - the data set's own type (see data.DATASETS)
    """The loaded data, or a readable error naming file, row and field, and the page stops there."""
    try:
        return store.get(kind)
    except DataError as exc:
        st.error(
            t(
                "error.data",
                lang,
                file=escape_md(exc.file),
                row=exc.row if exc.row is not None else "–",
                field=escape_md(exc.field or "–"),
                why=escape_md(exc.why),
            ),
            icon=":material/error:",
        )
        st.stop()
        raise  # st.stop() raises; this line only satisfies type checkers


def write_state(state: State, lang: Lang) -> None:
    """Put a state in the URL (the language first, so links read naturally); the next run reads it back."""
    st.query_params.from_dict({"lang": lang, **to_query(state)})
    # What the sidebar carries to the next page (app.py); kept here too, as a fragment's rerun skips app.py.
    st.session_state.shared_query = st.query_params.to_dict()


def show_notices(notices: list[Notice], lang: Lang, state: State | None = None) -> None:
    """Tell the reader which parts of the link were not understood (and so ignored or corrected); with `state`,
    the link is also cleaned so that it can be shared as it now works."""
    if notices and state is not None:
        write_state(state, lang)
    for notice in notices:
        st.warning(
            t(
                notice.reason,
                lang,
                param=escape_md(notice.param),
                value=escape_md(notice.value),
                fixed=escape_md(notice.fixed),
            ),
            icon=":material/link_off:",
        )


def render_card(card: Card) -> None:
    """Lay out a card built by `liptako.cards`: title, claim warning, Markdown blocks, links to other views."""
    st.subheader(escape_md(card.title))
    if card.warning:
        st.warning(card.warning, icon=":material/report:")
    if card.blocks:  # one element, not one per block: each element costs the browser its own layout and styles
        st.markdown("\n\n".join(card.blocks))
    for section in card.sections:
        with st.expander(section.title, expanded=section.expanded, icon=section.icon):
            if section.markdown:
                st.markdown(section.markdown)
            for link in section.links:
                page_link(link.page, escape_md(link.label), link.icon, link.query)
    if card.links and card.links_title:
        st.markdown(f"**{card.links_title}**")
    for link in card.links:
        page_link(link.page, escape_md(link.label), link.icon, link.query)


def page_link(page: str, label: str, icon: str | None, query: Mapping[str, str]) -> None:
    """A link to another view with its state; the language comes first so addresses read alike everywhere."""
    st.page_link(
        page, label=label, icon=icon, query_params={k: query[k] for k in sorted(query, key=lambda k: k != "lang")}
    )


def as_of(lang: Lang) -> str:
    """How current the data is: the newest event, and the latest date a source was checked."""
    events, provenance = store.optional("events"), store.optional("sources")
    newest = format_date(events["date"].max().date(), lang) if events is not None else "–"
    checked = format_date(max(e.accessed for e in provenance.values()), lang) if provenance else "–"
    return t("app.as_of", lang, newest=newest, checked=checked)
