"""Administrative reforms newer than the map's boundaries, phrased for the map page and the region panel."""

from __future__ import annotations

from collections.abc import Iterable

from liptako.i18n import Lang, colon, format_date, label_line, pick, t
from liptako.schema import AdminChange
from liptako.text import escape_md, md_link


def changes_for(changes: Iterable[AdminChange], region_id: str) -> list[AdminChange]:
    """The reforms that carved new units out of, or renamed, this region."""
    return [c for c in changes if region_id in c.parent_region_ids]


def change_line(change: AdminChange, lang: Lang) -> str:
    """One line: date, title and the new units' names."""
    when = format_date(change.date, lang, change.date_precision.value)
    units = ", ".join(escape_md(u) for u in change.new_units)
    return f"{when} — {escape_md(pick(change, 'title', lang))} ({label_line(t('reforms.units', lang), units, lang)})"


def change_markdown(change: AdminChange, lang: Lang) -> str:
    """A full entry: the line, the summary, any disagreement between sources, and the sources as links."""
    parts = [f"**{change_line(change, lang)}**  ", escape_md(pick(change, "summary", lang))]
    note = pick(change, "note", lang)
    if note:
        parts.append(f"*{t('reforms.note', lang)}{colon(lang)}* {escape_md(note)}")
    parts.append(label_line(t("reforms.sources", lang), " · ".join(md_link(u) for u in change.sources), lang))
    return "\n\n".join(parts)
