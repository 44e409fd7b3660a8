"""Both languages everywhere: the two catalogs must hold the same keys and the same placeholders."""

import datetime as dt
import re

from liptako.i18n import catalog, format_date, label_line, labelled, language_from_locale, number, t, tn

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
    "map.more_events",
    "reforms.sources",
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


NNBSP = "\u202f"  # CLDR's French group separator: a narrow no-break space


def test_counts_follow_cldr_plural_rules() -> None:
    """French takes the singular for 0 and 1, English only for 1; numbers are written the language's way."""
    french = {n: tn("charter.count", n, "fr", total=18) for n in (0, 1, 2, 1000)}
    assert french[0] == "0 disposition affichée sur 18 dans ce texte."
    assert french[1] == "1 disposition affichée sur 18 dans ce texte."
    assert french[2] == "2 dispositions affichées sur 18 dans ce texte."
    assert french[1000] == f"1{NNBSP}000 dispositions affichées sur 18 dans ce texte."
    english = {n: tn("charter.count", n, "en", total=18) for n in (0, 1, 2, 1000)}
    assert english[0] == "0 provisions shown out of 18 in this text."
    assert english[1] == "1 provision shown out of 18 in this text."
    assert english[2] == "2 provisions shown out of 18 in this text."
    assert english[1000] == "1,000 provisions shown out of 18 in this text."


def test_timeline_count_agrees_in_both_languages() -> None:
    assert tn("timeline.count", 0, "fr", total=164) == "0 événement affiché sur 164."
    assert tn("timeline.count", 1, "fr", total=164) == "1 événement affiché sur 164."
    assert tn("timeline.count", 2, "fr", total=164) == "2 événements affichés sur 164."
    assert tn("timeline.count", 1000, "fr", total=2000) == f"1{NNBSP}000 événements affichés sur 2{NNBSP}000."
    assert tn("timeline.count", 0, "en", total=164) == "0 of 164 events shown."
    assert tn("timeline.count", 1, "en", total=164) == "1 of 164 events shown."
    assert tn("timeline.count", 2, "en", total=164) == "2 of 164 events shown."
    assert tn("timeline.count", 1000, "en", total=2000) == "1,000 of 2,000 events shown."
    assert "1 événement du" in tn("timeline.alt", 1, "fr", start="a", end="b", lanes="c")
    assert "2 events from" in tn("timeline.alt", 2, "en", start="a", end="b", lanes="c")


def test_count_messages_have_their_plural_forms_and_no_bare_count_key() -> None:
    for lang in ("fr", "en"):
        keys = set(catalog(lang))
        bases = {k.rsplit(".", 1)[0] for k in keys if k.endswith((".one", ".other"))}
        assert {"timeline.count", "timeline.alt", "charter.count"} <= bases
        for base in bases:
            assert {f"{base}.one", f"{base}.other"} <= keys, base
            assert base not in keys, f"{base} is both a message and a plural family"
    assert tn("no.such.count", 2, "fr") == "⟦no.such.count⟧"


def test_numbers_and_labels_follow_the_language() -> None:
    assert number(1000, "fr") == f"1{NNBSP}000" and number(1000, "en") == "1,000"
    assert label_line("Citation", "x", "fr") == "Citation : x"
    assert label_line("Citation", "x", "en") == "Citation: x"
    assert labelled("Source", "x", "fr") == "**Source** : x"
    assert labelled("Source", "x", "en") == "**Source**: x"


def test_english_catalog_has_no_french_colon_spacing() -> None:
    """' :' (a space before the colon) is French typography; English writes ':' straight after the word."""
    assert [key for key, text in catalog("en").items() if re.search(r"\s[:;]", text)] == []
