"""What an event's card says, as data: Markdown blocks (already escaped) and links to other views.

Kept free of Streamlit so it can be tested directly; `ui.render_card` lays a card out on a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from liptako import reforms
from liptako.charter import article_label, events_for, order
from liptako.geo import RegionDetail, format_area, zone_sentence
from liptako.i18n import Lang, labelled, number, pick, t, tn
from liptako.schema import Actor, AdminChange, Provision, Zone
from liptako.state import Filters
from liptako.text import escape_md, fold, md_link
from liptako.timeline import event_label, filter_events, when
from liptako.views import page_file

MAP_PAGE = page_file("map")
TIMELINE_PAGE = page_file("timeline")
CHARTER_PAGE = page_file("charter")
PANEL_EVENTS = 8
"""The region panel lists this many newest events; the timeline link shows them all (a long list slows a click)."""


@dataclass(frozen=True)
class Link:
    """A link to another view of the app, with the query parameters that open it in the right state."""

    page: str
    label: str
    query: Mapping[str, str]
    icon: str = ":material/arrow_forward:"


@dataclass(frozen=True)
class Section:
    """A foldable part of a card: Markdown and/or links."""

    title: str
    markdown: str = ""
    links: list[Link] = field(default_factory=list)
    expanded: bool = False
    icon: str | None = None


@dataclass(frozen=True)
class Card:
    title: str
    blocks: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    links_title: str = ""
    warning: str = ""
    sections: list[Section] = field(default_factory=list)


def toll_range(low: int, high: int | None, lang: Lang) -> str:
    """'34', '34–40', or 'at least 34' when sources give only a floor (numbers written the reader's way)."""
    if high is None:
        return t("card.toll_floor", lang, low=number(low, lang))
    return number(low, lang) if low == high else f"{number(low, lang)}–{number(high, lang)}"


def toll_text(event: pd.Series, lang: Lang) -> str:
    """An event's death toll with the source of each figure, as Markdown."""
    low = int(event["fatalities_low"])
    high = int(event["fatalities_high"]) if pd.notna(event["fatalities_high"]) else None
    sources = [md_link(event["fatalities_low_source"])]
    if high is not None and event["fatalities_high_source"] != event["fatalities_low_source"]:
        sources.append(md_link(event["fatalities_high_source"]))
    return f"{toll_range(low, high, lang)} ({' · '.join(sources)})"


def actor_names(ids: Iterable[str], actors: Mapping[str, Actor] | None, lang: Lang) -> str:
    """The actors' names in the reader's language (an id the list does not know is shown as it is)."""
    return ", ".join(escape_md(pick(actors[a], "name", lang) if actors and a in actors else a) for a in ids)


def event_card(
    event: pd.Series,
    regions: gpd.GeoDataFrame,
    lang: Lang,
    provisions: Mapping[str, Provision] | None = None,
    actors: Mapping[str, Actor] | None = None,
) -> Card:
    precision = str(event["date_precision"])
    date_line = escape_md(when(event, lang))
    if precision != "day":
        date_line += f" {t(f'card.precision.{precision}', lang)}"
    facts = [
        (t("card.when", lang), date_line),
        (t("card.countries", lang), ", ".join(t(f"country.{c}", lang) for c in event["countries"])),
        (t("card.type", lang), t(f"type.{event['type']}", lang)),
    ]
    if event["people"]:
        facts.append((t("card.people", lang), ", ".join(escape_md(p) for p in event["people"])))
    if event["place"]:
        facts.append((t("card.places", lang), escape_md(event["place"])))
    if event["actors"]:
        facts.append((t("card.actors", lang), actor_names(event["actors"], actors, lang)))
    if pd.notna(event["fatalities_low"]):
        facts.append((t("card.toll", lang), toll_text(event, lang)))
    blocks = [
        "  \n".join(labelled(label, value, lang) for label, value in facts),
        escape_md(pick(event, "summary", lang)),
    ]
    if event["note_fr"]:
        blocks.append(f"**{t('card.note', lang)}** — {escape_md(pick(event, 'note', lang))}")
    blocks.append(labelled(t("card.sources", lang), " · ".join(md_link(u) for u in event["sources"]), lang))

    links = [
        Link(
            MAP_PAGE,
            t("card.on_map", lang, region=pick(regions.loc[rid], "name", lang)),
            {"region": rid, "lang": lang},
            ":material/map:",
        )
        for rid in event["region_ids"]
        if rid in regions.index
    ]
    for pid in event["provision_ids"]:
        provision = (provisions or {}).get(pid)
        if provision is not None:
            links.append(
                Link(
                    CHARTER_PAGE,
                    provision_label(provision, lang),
                    {"doc": provision.document, "article": provision.number, "lang": lang},
                    ":material/gavel:",
                )
            )
    return Card(
        title=pick(event, "title", lang),
        blocks=blocks,
        links=links,
        links_title=t("card.see_also", lang),
        warning=t("card.claim", lang) if event["claim"] else "",
    )


def provision_label(provision: Provision, lang: Lang) -> str:
    """'Art. 6 — Mutual defence' (plain text). A title that only names the provision ('Preamble') is not repeated
    after its label, and one that opens by naming it ('Article 9 — text not found') keeps only the rest; names are
    compared without case or accents."""
    label = article_label(provision, lang)
    title = pick(provision, "title", lang)
    names = [fold(label)] + ([] if provision.number == "preamble" else [fold(f"article {provision.number}")])
    if fold(title) in names:
        return label
    for end in range(1, len(title)):
        if fold(title[:end]) in names and not title[end].isalnum():
            rest = title[end:].lstrip(" \u00a0—–-:.")
            return f"{label} — {rest}" if rest else label
    return f"{label} — {title}"


def event_table(events: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The accessible alternative to the chart: one row per event, newest first, in the reader's language."""
    return pd.DataFrame(
        {
            t("card.when", lang): [when(e, lang) for _, e in events.iterrows()],
            t("card.countries", lang): [", ".join(t(f"country.{c}", lang) for c in cs) for cs in events["countries"]],
            t("card.type", lang): [t(f"type.{k}", lang) for k in events["type"]],
            t("timeline.picker", lang): [pick(e, "title", lang) for _, e in events.iterrows()],
            t("card.places", lang): events["place"].tolist(),
            t("card.sources", lang): [" ".join(s) for s in events["sources"]],
        }
    ).iloc[::-1]


def provisions_by_id(provisions: Iterable[Provision]) -> dict[str, Provision]:
    return {p.id: p for p in provisions}


STATUS_BADGES = {"verified": "green", "partial": "orange", "not_found": "gray"}


def status_badge(status: str, lang: Lang) -> str:
    """A coloured Markdown badge for a provision's verification status (text from the catalogs only)."""
    return f":{STATUS_BADGES[status]}-badge[{t(f'status.{status}', lang)}]"


def provision_card(
    provision: Provision, events: pd.DataFrame | None, lang: Lang, regions: gpd.GeoDataFrame | None = None
) -> Card:
    """What the charter page says about one provision: status, summary, attributed quote, caveats, sources, and
    the events that bear on it (each a link to its timeline card)."""
    blocks = [
        status_badge(str(provision.status), lang)
        + "  "
        + " ".join(f":blue-badge[{t(f'theme.{th}', lang)}]" for th in provision.themes),
        escape_md(pick(provision, "summary", lang)),
    ]
    if provision.quote_fr:
        source = md_link(provision.quote_source) if provision.quote_source else ""
        # The attribution follows the quote block instead of sitting in it (as HTML wants it): Streamlit fades a
        # block quote to 60 % opacity, which leaves a link in it below WCAG's contrast minimum.
        blocks.append(f"> « {escape_md(provision.quote_fr)} »\n\n— {t('charter.quoted_by', lang)} {source}")
    note = pick(provision, "note", lang)
    if note:
        blocks.append(f"*{t('charter.note', lang)}* {escape_md(note)}")
    if provision.sources:
        blocks.append(labelled(t("card.sources", lang), " · ".join(md_link(u) for u in provision.sources), lang))
    links = []
    if events is not None:
        bearing = events_for(events, provision.id)
        links = [
            Link(TIMELINE_PAGE, event_label(event, lang), {"event": str(eid), "lang": lang}, ":material/event:")
            for eid, event in bearing.iterrows()
        ]
        if regions is not None:
            region_ids = sorted({rid for rids in bearing["region_ids"] for rid in rids if rid in regions.index})
            links += [
                Link(
                    MAP_PAGE,
                    t("card.on_map", lang, region=pick(regions.loc[rid], "name", lang)),
                    {"region": rid, "lang": lang},
                    ":material/map:",
                )
                for rid in region_ids
            ]
    return Card(
        title=provision_label(provision, lang), blocks=blocks, links=links, links_title=t("charter.events", lang)
    )


def violence_lines(events: pd.DataFrame, actors: Mapping[str, Actor] | None, lang: Lang) -> list[str]:
    """The tolls of these events summed (low and high apart, over the events that have one) and the actors they
    name, most named first: what a region's panel says of the violence tied to it."""
    lines = []
    tolled = events[events["fatalities_low"].notna()]
    if not tolled.empty:
        low = int(tolled["fatalities_low"].sum())
        high = int(tolled["fatalities_high"].fillna(tolled["fatalities_low"]).sum())
        lines.append(tn("panel.toll", len(tolled), lang, toll=toll_range(low, high, lang)))
    named = events["actors"].explode().dropna().value_counts()
    if not named.empty:
        listed = ", ".join(f"{actor_names([a], actors, lang)} ({number(int(n), lang)})" for a, n in named.items())
        lines.append(labelled(t("panel.actors", lang), listed, lang))
    return lines


def provisions_cited(events: pd.DataFrame, provisions: Mapping[str, Provision]) -> list[Provision]:
    """The provisions these events bear on, once each, in document order."""
    ids = {pid for pids in events["provision_ids"] for pid in pids}
    return sorted((provisions[pid] for pid in ids if pid in provisions), key=order)


def region_card(
    detail: RegionDetail,
    zones: Iterable[Zone],
    changes: Iterable[AdminChange],
    events: pd.DataFrame | None,
    provisions: Mapping[str, Provision],
    lang: Lang,
    actors: Mapping[str, Actor] | None = None,
    lineage: str = "",
) -> Card:
    """What the map's panel says about a region: facts, zone, provinces, its events (each a link to its card), the
    provisions those events bear on, and the reforms that redrew it since the map's boundaries. `lineage` (escaped
    Markdown, `reforms.lineage_markdown`) says what the unit was or became across the two maps; a unit of today
    whose id is not an ISO code is not a region the timeline knows, so its links name no region."""
    name, other = (detail.name_fr, detail.name_en) if lang == "fr" else (detail.name_en, detail.name_fr)
    facts = [
        (t("panel.country", lang), t("country." + detail.country, lang)),
        (t("panel.type", lang), escape_md(detail.type)),
        (t("panel.capital", lang), escape_md(detail.capital)),
        (t("panel.area", lang), t("panel.area_value", lang, area=format_area(detail.area_km2, lang))),
    ]
    blocks = [f"*{t('panel.name_other', lang, name=escape_md(other))}*"] if other != name else []
    blocks += ["  \n".join(labelled(label, value, lang) for label, value in facts), zone_sentence(detail, zones, lang)]
    if lineage:
        blocks.append(lineage)
    later = reforms.changes_for(changes, detail.id)
    if later:
        blocks.append(f"**{t('panel.reforms', lang)}**  \n" + "  \n".join(reforms.change_line(c, lang) for c in later))
    blocks.append(f"*{t('panel.id' if detail.iso else 'panel.id_today', lang, id=detail.id)}*")
    region = {"region": detail.id} if detail.iso else {}

    sections = []
    if detail.provinces:
        sections.append(
            Section(
                t("panel.provinces", lang, count=len(detail.provinces)),
                markdown="\n".join(f"- {escape_md(p)}" for p in detail.provinces),
            )
        )
    links = []
    if events is not None:
        tied = filter_events(events, Filters(), detail.id)
        if tied.empty:
            blocks.append(f"*{t('panel.events_none', lang)}*")
        else:
            blocks += violence_lines(tied, actors, lang)
            newest = tied.iloc[::-1].head(PANEL_EVENTS)
            title = t("panel.events", lang, count=len(tied))
            if len(tied) > len(newest):
                title = t("panel.events_newest", lang, count=len(tied), shown=len(newest))
            sections.append(
                Section(
                    title,
                    links=[
                        Link(
                            TIMELINE_PAGE,
                            event_label(event, lang),
                            {"lang": lang, **region, "event": str(eid)},
                            ":material/event:",
                        )
                        for eid, event in newest.iterrows()
                    ],
                    expanded=True,
                    icon=":material/event:",
                )
            )
            if region:
                links.append(
                    Link(TIMELINE_PAGE, t("panel.events_link", lang), {"lang": lang, **region}, ":material/timeline:")
                )
            links += [
                Link(
                    CHARTER_PAGE,
                    provision_label(p, lang),
                    {"lang": lang, "doc": p.document, "article": p.number},
                    ":material/gavel:",
                )
                for p in provisions_cited(tied, provisions)
            ]
        country = t("country." + detail.country, lang)
        links.append(
            Link(
                TIMELINE_PAGE,
                t("panel.country_link", lang, country=country),
                {"lang": lang, "countries": detail.country},
                ":material/flag:",
            )
        )
    return Card(title=name, blocks=blocks, links=links, sections=sections)
