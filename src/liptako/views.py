"""The dashboard's views, in navigation order: read by `app.py` (its `st.navigation`) and by the launcher, which
serves each view's address with the host preamble (`liptako.preamble`)."""

from typing import NamedTuple


class View(NamedTuple):
    file: str  # in pages/
    title_key: str
    icon: str
    url_path: str  # "" for the home page, served at the root


VIEWS = (
    View("home_view.py", "nav.home", ":material/home:", ""),
    View("map_view.py", "nav.map", ":material/map:", "map"),
    View("timeline_view.py", "nav.timeline", ":material/timeline:", "timeline"),
    View("charter_view.py", "nav.charter", ":material/gavel:", "charter"),
    View("sources_view.py", "nav.sources", ":material/menu_book:", "sources"),
)
