"""Start the dashboard: `streamlit run app.py`, without Streamlit's legacy handling of a folder named `pages/`, and
with the host preamble on the views' pages (`liptako.preamble`, served through `asgi/liptako_app.py`, an `st.App`).

This is the one way every documented route starts the app (`make run`, the README, the container). Streamlit 1.67
decides once per server, when the first session arrives, whether the app is an old-style multipage app because a
`pages/` folder sits next to the entrypoint (`PagesManager.uses_pages_directory`, a class attribute that only
`st.navigation` resets, and no option turns off). Until `st.navigation` has run once, that first session is treated
as one: a deep link such as `/map` gets a "Page not found" dialog (which also swallows the first click on the map),
and a link naming a page file's stem runs that file without `app.py`. This app always uses `st.navigation`, so the
launcher settles the question before the first session. `tests/test_serve.py` fails if a Streamlit upgrade changes
the attribute this relies on. The launcher also imports the heavy libraries (geopandas, folium, plotly) up front,
which the first reader would otherwise wait for, and freezes them out of the garbage collector's way.

Usage: `python -m liptako.serve [streamlit run options]`, from the app's folder (the one holding `app.py`).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

# `app.py` as an `st.App` with the host preamble (`liptako.preamble`): what `streamlit run` is given.
LAUNCHER = Path(__file__).resolve().parent / "asgi" / "liptako_app.py"


def app_path(module: Path, cwd: Path) -> Path:
    """The app's entrypoint: the checkout's `app.py` for an editable install, else the one in the current folder
    (an install from a wheel, started from the app's folder)."""
    checkout = module.parents[2] / "app.py"
    return checkout if checkout.is_file() else cwd / "app.py"


def entrypoint() -> Path:
    """This app's `app.py`."""
    return app_path(Path(__file__).resolve(), Path.cwd())


def main() -> None:
    PagesManager.uses_pages_directory = False
    # Import the heavy libraries before serving, so the first reader does not wait for them.
    import liptako.cards  # noqa: F401, PLC0415
    import liptako.maps  # noqa: F401, PLC0415

    # What exists now (modules, classes, functions: most of the process's objects) lives as long as the process:
    # keep it out of the garbage collector's way, so a full collection walks only sessions and data (≈ 20 ms, not
    # ≈ 120 ms: `.streamlit/config.toml`, runner section).
    gc.freeze()
    sys.argv = ["streamlit", "run", str(LAUNCHER), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
