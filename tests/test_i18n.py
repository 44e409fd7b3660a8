"""Both languages everywhere: the two catalogs must hold the same keys and the same placeholders."""

import datetime as dt
import re

from liptako.i18n import catalog, format_date, language_from_locale, t

# Keys whose French and English texts are rightly the same (proper names, words shared by both languages).
SAME_IN_BOTH = {
    "nav.sources",
    "country.MLI",
    "country.BFA",
    "country.NER",
    "map.province",
    "panel.type",
    "panel.area_value",
    "panel.provinces",
    "sources.source",
    "sources.licence",
    "sources.citation",
    "home.provenance",
    "type.sanction",
    "timeline.dates",
    "card.when",
    "card.type",
    "card.sources",
    "charter.article",
    "charter.ratification",
    "text_status.full_text_public",
    "theme.institutions",
    "theme.culture",
}


def test_catalogs_have_the_same_keys() -> None:
    assert set(catalog("fr")) == set(catalog("en"))


def test_every_key_is_translated_and_keeps_its_placeholders() -> None:
    for key, english in catalog("en").items():
        french = catalog("fr")[key]
        assert french.strip() and english.strip(), key
        assert set(re.findall(r"{(\w+)}", french)) == set(re.findall(r"{(\w+)}", english)), key
        if key not in SAME_IN_BOTH:
            assert french != english, f"{key} is not translated"


def test_missing_key_is_visible_not_silent() -> None:
    assert t("no.such.key", "fr") == "⟦no.such.key⟧"


def test_language_from_browser_locale() -> None:
    assert language_from_locale("en-GB") == "en"
    assert language_from_locale("fr-BF") == "fr"
    assert language_from_locale("de-DE") == "fr"
    assert language_from_locale(None) == "fr"


def test_dates_follow_the_language_and_the_precision() -> None:
    day = dt.date(2023, 9, 16)
    assert format_date(day, "fr") == "16 septembre 2023"
    assert format_date(day, "en") == "September 16, 2023"
    assert format_date(day, "fr", "month") == "septembre 2023"
    assert format_date(day, "en", "year") == "2023"
