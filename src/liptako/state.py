"""The shared selection and filters, and their one mapping to and from URL query parameters.

Every page reads the same `State` from the URL and writes changes back, so any view can be bookmarked and shared.
`parse` is total: whatever a link holds, it returns a usable state plus notices for what it had to ignore.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

from liptako.i18n import LANGS, Lang
from liptako.schema import Country, EventType, Theme

MAX_TEXT = 200


@dataclass(frozen=True)
class Filters:
    """Which events are in view; empty tuples mean 'all'."""

    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    themes: tuple[str, ...] = ()
    """Provision themes shown on the charter page; empty means all."""
    charter_text: str = ""
    """The charter page's own search, kept apart from the events' text filter."""
    actors: tuple[str, ...] = ()
    """Events naming any of these actors (ids of `actors.yaml`); empty means all."""


@dataclass(frozen=True)
class Selection:
    """What the reader is looking at: at most one region, event and provision (within a document)."""

    region: str | None = None
    event: str | None = None
    doc: str | None = None
    article: str | None = None


@dataclass(frozen=True)
class State:
    lang: Lang | None = None
    filters: Filters = field(default_factory=Filters)
    selection: Selection = field(default_factory=Selection)
    lanes: str = "country"
    """How the timeline groups events: `country` or `type`."""
    colour: str = "country"
    """What the map's regions are coloured by: `country`, `events` (the timeline's filtered events per region), or
    `conflict` / `fatalities` (the imported ACLED or UCDP events, or their deaths, per region over its dates)."""
    bounds: str = "reference"
    """Which boundaries the map draws: `reference` (Natural Earth's, before the reforms) or `today` (issue 17)."""

    def with_selection(self, **changes: str | None) -> State:
        return replace(self, selection=replace(self.selection, **changes))

    def with_filters(self, **changes: object) -> State:
        return replace(self, filters=replace(self.filters, **changes))

    def with_colour(self, colour: str) -> State:
        return replace(self, colour=colour)


@dataclass(frozen=True)
class Notice:
    """A query parameter that was ignored, and why (an i18n key), for the page to tell the reader."""

    param: str
    value: str
    reason: str
    fixed: str = ""
    """What the value was replaced with, when it was corrected rather than ignored."""


@dataclass(frozen=True)
class Known:
    """The ids that exist in the data; a link naming anything else falls back to the default.

    `None` means "not checked here" (a page checks only the kinds of ids it shows)."""

    regions: Collection[str] | None = None
    events: Collection[str] | None = None
    docs: Collection[str] | None = None
    provisions: Collection[str] | None = None
    actors: Collection[str] | None = None


COUNTRIES = tuple(c.value for c in Country)
TYPES = tuple(t.value for t in EventType)
LANES = ("country", "type")
COLOURINGS = ("country", "events", "conflict", "fatalities")
"""`conflict` and `fatalities` need an imported ACLED or UCDP file (`liptako import`); without one the map
falls back to `country`."""
BOUNDS = ("reference", "today")
THEMES = tuple(t.value for t in Theme)


def _first(value: str | list[str] | None) -> str:
    if isinstance(value, list):
        value = value[-1] if value else ""
    return (value or "").strip()


def _date(param: str, raw: str, notices: list[Notice]) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        notices.append(Notice(param, raw, "notice.bad_date"))
        return None


def _choices(param: str, raw: str, allowed: tuple[str, ...], notices: list[Notice]) -> tuple[str, ...]:
    picked: list[str] = []
    for part in (p.strip() for p in raw.split(",") if p.strip()):
        if part in allowed and part not in picked:
            picked.append(part)
        else:
            notices.append(Notice(param, part, "notice.unknown_value"))
    return tuple(sorted(picked, key=allowed.index))


def _ids(param: str, raw: str, known: Collection[str] | None, notices: list[Notice]) -> tuple[str, ...]:
    """A comma-separated list of ids, in the data's order when it is known; unknown ones are dropped with a notice."""
    picked: list[str] = []
    for part in (p.strip() for p in raw.split(",") if p.strip()):
        if known is not None and part not in known:
            notices.append(Notice(param, part, "notice.unknown_id"))
        elif part not in picked:
            picked.append(part)
    order = list(known) if known is not None else sorted(picked)
    return tuple(sorted(picked, key=order.index))


def _id(param: str, raw: str, known: Collection[str] | None, notices: list[Notice]) -> str | None:
    if not raw:
        return None
    if known is not None and raw not in known:
        notices.append(Notice(param, raw, "notice.unknown_id"))
        return None
    return raw


def parse(params: Mapping[str, str | list[str]], known: Known | None = None) -> tuple[State, list[Notice]]:
    """The state a URL describes. Never raises: bad values become defaults plus a notice."""
    notices: list[Notice] = []
    get = {str(k): _first(v) for k, v in params.items()}

    lang_raw = get.get("lang", "")
    lang: Lang | None = lang_raw if lang_raw in LANGS else None  # type: ignore[assignment]
    if lang_raw and lang is None:
        notices.append(Notice("lang", lang_raw, "notice.unknown_value"))

    date_from = _date("from", get.get("from", ""), notices)
    date_to = _date("to", get.get("to", ""), notices)
    if date_from and date_to and date_from > date_to:
        notices.append(Notice("to", get["to"], "notice.dates_reversed"))
        date_from, date_to = date_to, date_from

    filters = Filters(
        countries=_choices("countries", get.get("countries", ""), COUNTRIES, notices),
        types=_choices("types", get.get("types", ""), TYPES, notices),
        date_from=date_from,
        date_to=date_to,
        text=get.get("q", "")[:MAX_TEXT],
        themes=_choices("themes", get.get("themes", ""), THEMES, notices),
        charter_text=get.get("cq", "")[:MAX_TEXT],
        actors=_ids("actors", get.get("actors", ""), (known or Known()).actors, notices),
    )

    k = known or Known()
    doc = _id("doc", get.get("doc", ""), k.docs, notices)
    article = get.get("article", "") or None
    if article and (doc is None or (k.provisions is not None and f"{doc}-{article}" not in k.provisions)):
        notices.append(Notice("article", article, "notice.unknown_id"))
        article = None
    selection = Selection(
        region=_id("region", get.get("region", ""), k.regions, notices),
        event=_id("event", get.get("event", ""), k.events, notices),
        doc=doc,
        article=article,
    )
    lanes = get.get("lanes", "") or "country"
    if lanes not in LANES:
        notices.append(Notice("lanes", lanes, "notice.unknown_value"))
        lanes = "country"
    colour = get.get("colour", "") or "country"
    if colour not in COLOURINGS:
        notices.append(Notice("colour", colour, "notice.unknown_value"))
        colour = "country"
    bounds = get.get("bounds", "") or "reference"
    if bounds not in BOUNDS:
        notices.append(Notice("bounds", bounds, "notice.unknown_value"))
        bounds = "reference"
    state = State(lang=lang, filters=filters, selection=selection, lanes=lanes, colour=colour, bounds=bounds)
    return state, notices


def clamp_dates(state: State, first: dt.date, last: dt.date) -> tuple[State, list[Notice]]:
    """The state with its date filters inside the data's span [first, last]: a link written before newer events
    were added, or one that asks for 1900 or 2030, opens on the nearest dates that exist, with a notice. A date on
    a bound is the default (no filter), so the link stays short."""
    notices: list[Notice] = []

    def inside(param: str, value: dt.date | None) -> dt.date | None:
        if value is None:
            return None
        fixed = min(max(value, first), last)
        if fixed != value:
            notices.append(Notice(param, value.isoformat(), "notice.date_clamped", fixed.isoformat()))
        return None if fixed == (first if param == "from" else last) else fixed

    date_from, date_to = inside("from", state.filters.date_from), inside("to", state.filters.date_to)
    return state.with_filters(date_from=date_from, date_to=date_to), notices


def to_query(state: State) -> dict[str, str]:
    """The query parameters that describe `state`; defaults are left out so links stay short."""
    f, s = state.filters, state.selection
    pairs = {
        "lang": state.lang or "",
        "region": s.region or "",
        "event": s.event or "",
        "doc": s.doc or "",
        "article": s.article or "",
        "countries": ",".join(f.countries),
        "types": ",".join(f.types),
        "from": f.date_from.isoformat() if f.date_from else "",
        "to": f.date_to.isoformat() if f.date_to else "",
        "q": f.text,
        "themes": ",".join(f.themes),
        "cq": f.charter_text,
        "actors": ",".join(f.actors),
        "lanes": "" if state.lanes == "country" else state.lanes,
        "colour": "" if state.colour == "country" else state.colour,
        "bounds": "" if state.bounds == "reference" else state.bounds,
    }
    return {k: v for k, v in pairs.items() if v}
