"""Search, filter and cross-link the provisions of the agreed texts, and compare two texts by theme."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from liptako.i18n import Lang, t
from liptako.schema import Provision, Theme
from liptako.text import fold

_SEARCHED = ("number", "title_fr", "title_en", "summary_fr", "summary_en", "quote_fr", "note_fr", "note_en")


def provision_text(provision: Provision) -> str:
    """Everything a reader might search for in a provision, both languages, folded (accents and case ignored)."""
    return fold(" ".join(str(getattr(provision, f) or "") for f in _SEARCHED))


def search(provisions: Iterable[Provision], query: str) -> list[Provision]:
    """Provisions that contain every word of the query, in French or English: 'rebellion' finds 'rébellion'."""
    words = fold(query).split()
    return [p for p in provisions if all(w in provision_text(p) for w in words)]


def select(
    provisions: Iterable[Provision], document: str | None = None, themes: Sequence[str] = (), query: str = ""
) -> list[Provision]:
    """One document's provisions (all documents when None), with any of the themes, matching the query; in
    document order (the preamble first, then articles by number)."""
    picked = [p for p in provisions if document is None or p.document == document]
    if themes:
        picked = [p for p in picked if set(themes) & {str(th) for th in p.themes}]
    return sorted(search(picked, query), key=order)


def order(provision: Provision) -> tuple[str, int, str]:
    number = provision.number
    if number == "preamble":
        return (provision.document, -1, "")
    digits = "".join(c for c in number if c.isdigit())
    return (provision.document, int(digits) if digits else 10_000, number)


def events_for(events: pd.DataFrame, provision_id: str) -> pd.DataFrame:
    """The events that invoke or bear on a provision (the link is recorded once, on the event)."""
    return events[events["provision_ids"].map(lambda ids: provision_id in ids)]


def compare_by_theme(provisions: Iterable[Provision], documents: Sequence[str], lang: Lang) -> pd.DataFrame:
    """One row per theme, one column per document, listing the articles that deal with it ('—' where none)."""
    provisions = list(provisions)
    rows = []
    for theme in Theme:
        cells = {}
        for doc in documents:
            found = sorted((p for p in provisions if p.document == doc and theme in p.themes), key=order)
            cells[doc] = ", ".join(article_label(p, lang) for p in found) or "—"
        if any(v != "—" for v in cells.values()):
            rows.append({"theme": t(f"theme.{theme.value}", lang), **cells})
    return pd.DataFrame(rows)


def article_label(provision: Provision, lang: Lang) -> str:
    return (
        t("charter.preamble", lang)
        if provision.number == "preamble"
        else t("charter.article", lang, number=provision.number)
    )
