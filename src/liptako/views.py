"""The dashboard's views, in navigation order: read by `app.py` (its `st.navigation`), by the launcher, which
serves each view's address with the host preamble (`liptako.preamble`), and by every link to a view (`page_file`)."""

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


def page_file(url_path: str) -> str:
    """The script of the view at `url_path`, as `st.page_link` names it: links name a view by its address, so a
    page file can be renamed here alone."""
    for view in VIEWS:
        if view.url_path == url_path:
            return f"pages/{view.file}"
    raise KeyError(f"no view at /{url_path} (liptako.views.VIEWS)")
