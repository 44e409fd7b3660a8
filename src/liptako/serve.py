"""Start the dashboard: `streamlit run app.py`, without Streamlit's legacy handling of a folder named `pages/`.

Streamlit 1.67 decides once per server, when the first session arrives, whether the app is an old-style
multipage app because a `pages/` folder sits next to the entrypoint. Until `st.navigation` has run once, that first
session is treated as one: a deep link such as `/map` gets a "Page not found" dialog (which also swallows the first
click on the map), and a link naming a page file's stem runs that file without `app.py`. This app always uses
`st.navigation`, so the launcher settles the question before the first session. It also imports the heavy
libraries (geopandas, folium, plotly) up front, which the first reader would otherwise wait for.

Usage: `python -m liptako.serve [streamlit run options]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parents[2] / "app.py"


def main() -> None:
    PagesManager.uses_pages_directory = False
    # Import the heavy libraries before serving, so the first reader does not wait for them.
    import liptako.cards  # noqa: F401, PLC0415
    import liptako.maps  # noqa: F401, PLC0415

    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
