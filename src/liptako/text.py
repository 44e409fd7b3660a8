"""Text helpers shared by the builders: safe output and accent-insensitive matching."""

from __future__ import annotations

import html
import re
import unicodedata

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_html(value: object) -> str:
    """Everything from a data file or a user reaches HTML through here (folium tooltips, popups, legends)."""
    return html.escape(str(value), quote=True)


def escape_md(value: object) -> str:
    """Data shown with `st.markdown` is taken literally: no links, emphasis or HTML smuggled in from a file."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


def fold(value: str) -> str:
    """Lower-case, accent-free form for search: 'Rébellion' and 'rebellion' match."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
