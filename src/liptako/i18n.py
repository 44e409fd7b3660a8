"""Translations: `t(key, lang)` over one French and one English catalog.

The language is always passed in (it lives in each session's state and URL), never stored in this module, so two
readers in different languages on one server never see each other's strings.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import Literal, get_args

import yaml
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "fr"


@cache
def catalog(lang: Lang) -> dict[str, str]:
    """The flat key → text mapping of one language, read once from `locales/<lang>.yaml`."""
    text = resources.files("liptako").joinpath(f"locales/{lang}.yaml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in yaml.safe_load(text).items()}


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled; a missing key shows itself, loudly."""
    text = catalog(lang).get(key)
    if text is None:
        return f"⟦{key}⟧"
    return text.format(**values) if values else text


def number(value: float, lang: Lang) -> str:
    """A number as a reader of `lang` writes it: '1 000' (narrow no-break space) in French, '1,000' in English."""
    return format_decimal(value, locale=lang)


def plural_category(count: float, lang: Lang) -> str:
    """The CLDR plural category of `count` in `lang`: French takes 'one' for 0 and 1, English only for 1."""
    return Locale.parse(lang).plural_form(count)


def tn(key: str, count: int, lang: Lang, **values: object) -> str:
    """A message about `count` things, in the plural form `lang` gives that count: the catalog holds
    `<key>.one`, `<key>.other` (and any other CLDR category the language needs, falling back to `.other`).
    `{count}` and every other whole number among `values` are written with `number`."""
    texts = catalog(lang)
    text = texts.get(f"{key}.{plural_category(count, lang)}") or texts.get(f"{key}.other")
    if text is None:
        return f"⟦{key}⟧"
    numbers = {k: number(v, lang) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in values.items()}
    return text.format(**numbers, count=number(count, lang))


def pick(record: object, field: str, lang: Lang) -> str:
    """The `<field>_<lang>` attribute or item of a bilingual record (`title_fr` / `title_en`)."""
    name = f"{field}_{lang}"
    return str(record[name] if isinstance(record, dict) else getattr(record, name))


def language_from_locale(locale: str | None) -> Lang:
    """The browser's locale decides the first language: French for any `fr-*`, English for any `en-*`."""
    prefix = (locale or "").split("-")[0].split("_")[0].lower()
    return prefix if prefix in LANGS else DEFAULT_LANG  # type: ignore[return-value]


def format_date(value: dt.date, lang: Lang, precision: str = "day") -> str:
    """A date as a reader of `lang` writes it, no more precise than the source allows."""
    pattern = {"day": "long", "month": "MMMM y", "year": "y"}[precision]
    return babel_format_date(value, format=pattern, locale=lang)


def labelled(label: str, value: str, lang: Lang) -> str:
    """'**Label** : value' in French typography, '**Label**: value' in English (Markdown)."""
    return f"**{label}**{colon(lang)} {value}"


def colon(lang: Lang) -> str:
    """The colon after a label: ' :' (a space before it) in French, ':' in English."""
    return " :" if lang == "fr" else ":"


def label_line(label: str, value: str, lang: Lang) -> str:
    """'Label : value' in French typography, 'Label: value' in English (plain text; escape `value` for its context)."""
    return f"{label}{colon(lang)} {value}"
