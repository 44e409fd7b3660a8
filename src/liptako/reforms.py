"""Administrative reforms newer than the map's boundaries, phrased for the map page and the region panel."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from liptako.i18n import Lang, colon, format_date, label_line, pick, t
from liptako.schema import AdminChange, TodayUnit
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


def _names(units: Iterable[TodayUnit], lang: Lang) -> str:
    return ", ".join(escape_md(f"{pick(u, 'name', lang)} ({u.capital})") for u in units)


def lineage_markdown(unit_id: str, bounds: str, regions: pd.DataFrame, today: Iterable[TodayUnit], lang: Lang) -> str:
    """What the panel says of a unit across the two maps (issue 17): on today's map, the reference unit it comes
    from, the act, its sources and why its outline is approximate if it is; on the reference map, what the unit
    is today. An empty string when there is nothing to say (Niger's regions on the reference map)."""
    by_id = {u.id: u for u in today}
    if bounds == "today":
        unit = by_id.get(unit_id)
        if unit is None:  # a unit of the reference map kept on today's map (Mali)
            return f"*{t('panel.today.not_drawn', lang)}*"
        before = ", ".join(escape_md(pick(regions.loc[r], "name", lang)) for r in unit.reference_region_ids)
        if unit.reference_region_ids == [unit.id]:
            head = t("panel.today.unchanged", lang)
        else:
            head = t("panel.today.from", lang, before=before, name=escape_md(pick(unit, "name", lang)))
        parts = [f"**{head}**", escape_md(pick(unit, "act", lang))]
        if unit.provinces_today:
            parts.append(
                label_line(t("panel.today.provinces", lang), ", ".join(map(escape_md, unit.provinces_today)), lang)
            )
        if unit.aliases:
            parts.append(label_line(t("panel.today.aliases", lang), ", ".join(map(escape_md, unit.aliases)), lang))
        if unit.approximate:
            parts.append(
                f"*{t('panel.today.approximate', lang)}{colon(lang)}* {escape_md(pick(unit, 'approximate', lang))}"
            )
        parts.append(label_line(t("reforms.sources", lang), " · ".join(md_link(u) for u in unit.sources), lang))
        return "  \n".join(parts)
    after = [by_id[i] for i in sorted(i for i, u in by_id.items() if unit_id in u.reference_region_ids)]
    if not after or [u.id for u in after] == [unit_id]:
        return ""
    name = escape_md(pick(regions.loc[unit_id], "name", lang))
    head = t("panel.today.became", lang, name=name, after=_names(after, lang))
    acts = sorted({pick(u, "act", lang) for u in after})
    return f"**{head}**  \n" + "  \n".join(escape_md(a) for a in acts) + "  \n" + t("panel.today.switch", lang)
