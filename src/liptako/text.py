"""Text helpers shared by the builders: safe output and accent-insensitive matching."""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


_TEMPLATE_SPECIAL = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def escape_html(value: object) -> str:
    """Everything from a data file or a user reaches HTML through here (folium tooltips, popups, legends).

    Besides `<>&"'`, the backtick, `$` and backslash become character references: folium writes some HTML into
    JavaScript template literals, where `${...}` would run and a lone backtick would end the string. As references
    they read the same in HTML and are inert in JavaScript."""
    return html.escape(str(value), quote=True).translate(_TEMPLATE_SPECIAL)


def escape_md(value: object) -> str:
    """Data shown with `st.markdown` is taken literally: no links, emphasis or HTML smuggled in from a file."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


def fold(value: str) -> str:
    """Lower-case, accent-free form for search: 'Rébellion' and 'rebellion' match."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def md_link(url: str) -> str:
    """A Markdown link to a source, labelled by its host; the URL cannot break out of the link syntax."""
    host = urlsplit(url).hostname or url
    safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"[{escape_md(host.removeprefix('www.'))}]({safe})"
