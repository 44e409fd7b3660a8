"""The app as Streamlit serves it: `app.py` through `st.App`, with the host preamble on the views' pages.

`python -m liptako.serve` runs this file with `streamlit run`, which finds the `st.App` here and serves it; Streamlit
imports it by its file name, from this folder.
"""

import streamlit as st
from starlette.middleware import Middleware

from liptako.preamble import HostPreamble
from liptako.serve import entrypoint
from liptako.views import VIEWS

app = st.App(
    entrypoint(),
    middleware=[Middleware(HostPreamble, url_paths=[view.url_path for view in VIEWS])],
)
