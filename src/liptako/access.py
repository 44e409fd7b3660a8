"""The pages' one door to the data (each file loaded once per change, cached by path and modification time), and
the rendering of the pieces several pages share (data errors, link notices, cards).

This is the only module of the package that calls Streamlit. A defect in one file stops only the views that need
that file: cross-references to a file that is itself broken are skipped here (that file reports its own error).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

import streamlit as st

from liptako import data
from liptako.cards import Card
from liptako.data import FILES, DataError
from liptako.i18n import Lang, format_date, t
from liptako.state import Notice, State, to_query
from liptako.text import escape_md

T = TypeVar("T")


def _path(kind: str) -> Path:
    return data.default_data_dir() / FILES[kind]


def _stamp(kind: str) -> tuple[str, float]:
    path = _path(kind)
    return str(path), path.stat().st_mtime if path.exists() else -1.0


def _ids_or_none(loader: Callable[[], object]) -> set[str] | None:
    try:
        loaded = loader()
    except DataError:
        return None
    if isinstance(loaded, tuple):
        return {item.id for item in loaded}  # type: ignore[attr-defined]
    return set(loaded.index)  # type: ignore[attr-defined]


@st.cache_data(max_entries=32, show_spinner=False)
def _load(kind: str, stamp: tuple[str, float], refs: tuple[frozenset[str] | None, ...]) -> object:
    """The cache key holds the file's stamp and the ids it is checked against, so edits are picked up."""
    path = Path(stamp[0])
    sets = [set(r) if r is not None else None for r in refs]
    match kind:
        case "regions":
            return data.load_regions(path)
        case "provinces":
            return data.load_provinces(path, *sets)
        case "places":
            return data.load_places(path, *sets)
        case "zones":
            return data.load_zones(path, *sets)
        case "admin_changes":
            return data.load_admin_changes(path, *sets)
        case "events":
            return data.load_events(path, *sets)
        case "rule_periods":
            return data.load_rule_periods(path)
        case "documents":
            return data.load_documents(path)
        case "provisions":
            return data.load_provisions(path, *sets)
        case "sources":
            return data.load_sources(path)
    raise KeyError(kind)


def _get(kind: str, *refs: Callable[[], object]) -> object:
    ids = tuple(frozenset(s) if (s := _ids_or_none(r)) is not None else None for r in refs)
    return _load(kind, _stamp(kind), ids)


def regions():  # noqa: ANN201 - geopandas.GeoDataFrame
    return _get("regions")


def provinces():  # noqa: ANN201
    return _get("provinces", regions)


def places():  # noqa: ANN201
    return _get("places", regions)


def zones():  # noqa: ANN201
    return _get("zones", regions)


def admin_changes():  # noqa: ANN201
    return _get("admin_changes", regions)


def documents():  # noqa: ANN201
    return _get("documents")


def provisions():  # noqa: ANN201
    return _get("provisions", documents)


def events():  # noqa: ANN201
    return _get("events", regions, provisions)


def rule_periods():  # noqa: ANN201
    return _get("rule_periods")


def sources():  # noqa: ANN201
    return _get("sources")


def require(loader: Callable[[], T], lang: Lang) -> T:
    """The loaded data, or a readable error naming file, row and field, and the page stops there."""
    try:
        return loader()
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


def show_notices(notices: list[Notice], lang: Lang, state: State | None = None) -> None:
    """Tell the reader which parts of the link were not understood (and so ignored); with `state`, the link is
    also cleaned so that it can be shared as it now works."""
    if notices and state is not None:
        write_state(state, lang)
    for notice in notices:
        st.warning(
            t(notice.reason, lang, param=escape_md(notice.param), value=escape_md(notice.value)),
            icon=":material/link_off:",
        )


def optional(loader: Callable[[], T]) -> T | None:
    """Data a view can do without (e.g. provision titles on an event card): None if its file is broken; the view
    that needs it reports the defect."""
    try:
        return loader()
    except DataError:
        return None


def render_card(card: Card) -> None:
    """Lay out a card built by `liptako.cards`: title, claim warning, Markdown blocks, links to other views."""
    st.subheader(escape_md(card.title))
    if card.warning:
        st.warning(card.warning, icon=":material/report:")
    for block in card.blocks:
        st.markdown(block)
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
    timeline_events, provenance = optional(events), optional(sources)
    newest = format_date(timeline_events["date"].max().date(), lang) if timeline_events is not None else "–"
    checked = format_date(max(e.accessed for e in provenance.values()), lang) if provenance else "–"
    return t("app.as_of", lang, newest=newest, checked=checked)
