"""Every page reads in the reader's language: no English left in the French pages (the Sources page's provenance,
counts, the timeline's month names, the charter's labels), no French typography or text in the English ones."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from liptako import data
from liptako.data import DataError

from .conftest import DATA, run_page

PAGES = ["home", "map", "timeline", "charter", "sources"]
PARAMS = {  # each page opened on something, so that its cards and panels are read too
    "map": {"region": "NE-6"},
    "timeline": {"event": "ner-2023-07-26-coup"},
    "charter": {"doc": "lg_charter_2023", "article": "6"},
}

# What the French pages used to show in English (and must not any more), and the French that replaced it.
ENGLISH_IN_FRENCH = [
    "Admin-1 regions",
    "The 45 provinces",
    "as shipped in",
    "Compiled by the Liptako project",
    "Liptako project",
    "public domain",
    "Made with Natural Earth",
    "Facts with",
    "in the project's own words",
    "Written by the Liptako project",
    "like the project's code",
    "events shown",
    "provisions shown",
    "Preamble",
    "Sources and licences",
    "Open the source",
]
FRENCH_ON_SOURCES = [
    "Régions de premier niveau (admin-1) du Mali",
    "Compilé par le projet Liptako",
    "Données Natural Earth : domaine public",
    "Réalisé avec Natural Earth",
    "Projet Liptako, events.csv",
    "rédigés par le projet",
]
# And the other way round: French text of the catalogs or of SOURCES.yaml in the English pages.
FRENCH_IN_ENGLISH = [
    "Régions de premier niveau",
    "Compilé par",
    "domaine public",
    "Projet Liptako",
    "affichés",
    "affichées",
    "Préambule",
    "Consulté le",
    "Ouvrir la source",
]


def texts(at: AppTest) -> list[str]:
    """What a reader sees, as plain text (Markdown escapes dropped): headings, text, notes, labels."""
    found = []
    for kind in ("title", "subheader", "markdown", "caption", "info", "warning", "error"):
        found += [str(e.value) for e in getattr(at, kind)]
    for kind in ("expander", "button", "selectbox", "multiselect", "text_input", "radio", "slider"):
        found += [str(e.label) for e in getattr(at, kind)]
    for kind in ("download_button", "link_button", "page_link"):
        found += [str(e.proto.label) for e in at.get(kind)]
    return [re.sub(r"\\(.)", r"\1", text) for text in found]


def without_quotes(lines: list[str]) -> list[str]:
    """Drop the original French quotes (a Markdown quote block, « … »): they are French in every language."""
    return [re.sub(r"«[^»]*»", "", line) for line in lines if not line.lstrip().startswith(">")]


@pytest.fixture(scope="module")
def french() -> dict[str, list[str]]:
    pages = {}
    for page in PAGES:
        at = run_page(page, "fr", PARAMS.get(page))
        assert not at.exception and not at.error, page
        pages[page] = texts(at)
    return pages


@pytest.fixture(scope="module")
def english() -> dict[str, list[str]]:
    pages = {}
    for page in PAGES:
        at = run_page(page, "en", PARAMS.get(page))
        assert not at.exception and not at.error, page
        pages[page] = texts(at)
    return pages


@pytest.mark.parametrize("page", PAGES)
def test_french_pages_have_no_english_left(french, page: str) -> None:  # noqa: ANN001
    shown = "\n".join(french[page])
    assert [phrase for phrase in ENGLISH_IN_FRENCH if phrase in shown] == []


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_read_in_english(english, page: str) -> None:  # noqa: ANN001
    shown = "\n".join(without_quotes(english[page]))
    assert [phrase for phrase in FRENCH_IN_ENGLISH if phrase in shown] == []
    # English puts no space before a colon: neither after a bold label nor in a 'Label: value' line
    spaced = [
        line for text in without_quotes(english[page]) for line in text.splitlines() if re.search(r"\w\*{0,2} :", line)
    ]
    assert spaced == []


def test_sources_page_in_french() -> None:
    at = run_page("sources", "fr")
    shown = "\n".join(texts(at))
    assert [phrase for phrase in FRENCH_ON_SOURCES if phrase not in shown] == []
    entries = data.load_sources(DATA / "SOURCES.yaml")
    headings = [re.sub(r"\\(.)", r"\1", s.value) for s in at.subheader]
    assert [e.title_fr for e in entries.values()] == headings[-len(entries) :]
    citations = [c for c in texts(at) if c.startswith("Citation")]
    assert len(citations) == len(entries) and all(c.startswith("Citation : ") for c in citations)
    assert "**Licence** : Données Natural Earth" in "\n".join(m.value for m in at.markdown)


def test_sources_page_in_english() -> None:
    at = run_page("sources", "en")
    shown = "\n".join(texts(at))
    assert "Admin-1 regions of Mali, Burkina Faso and Niger (30 units)" in shown
    assert "Made with Natural Earth" in shown
    citations = [c for c in texts(at) if c.startswith("Citation")]
    assert citations and all(c.startswith("Citation: ") for c in citations)


def test_every_provenance_text_is_translated() -> None:
    for name, entry in data.load_sources(DATA / "SOURCES.yaml").items():
        for field in ("title", "source", "licence", "citation"):
            assert getattr(entry, f"{field}_fr") != getattr(entry, f"{field}_en"), f"{name}: {field} is not translated"


def test_a_one_language_provenance_text_is_named(data_copy: Path) -> None:
    path = data_copy / "SOURCES.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  title_fr: ", "  title: ", 1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        data.load_sources(path)
    assert info.value.field == "title" and "title_fr and title_en" in info.value.why


def count_line(at: AppTest, *words: str) -> str:
    return next(m.value for m in at.markdown if any(w in m.value for w in words))


def test_counts_agree_with_their_number() -> None:
    at = run_page("timeline", "fr", {"q": "Solhan"})
    assert re.match(r"1 événement affiché sur \d+\.", count_line(at, "affiché"))
    at = run_page("timeline", "fr", {"q": "zzzz-nothing"})
    assert re.match(r"0 événement affiché sur \d+\.", count_line(at, "affiché"))
    at = run_page("charter", "fr", {"doc": "alg_1970"})
    assert count_line(at, "affichée") == "1 disposition affichée sur 1 dans ce texte."
    at = run_page("charter", "en", {"doc": "alg_1970"})
    assert count_line(at, "shown") == "1 provision shown out of 1 in this text."
    at = run_page("charter", "en", {"doc": "lg_charter_2023"})
    assert count_line(at, "shown") == "18 provisions shown out of 18 in this text."


def test_preamble_is_named_once() -> None:
    for lang, name in (("fr", "Préambule"), ("en", "Preamble")):
        at = run_page("charter", lang, {"doc": "lg_charter_2023", "article": "preamble"})
        labels = [e.label for e in at.expander] + [s.value for s in at.subheader]
        assert name in labels
        assert not [label for label in labels if label.count(name) > 1 or label.startswith(f"{name} —")]


def test_timeline_axis_speaks_french() -> None:
    at = run_page("timeline", "fr", {"from": "2020-08-01", "to": "2022-06-30"})
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    ticks = [html.unescape(label) for label in spec["layout"]["xaxis"]["ticktext"]]
    assert ticks and any(re.search(r"janv\.|avr\.|juil\.|oct\.", tick) for tick in ticks), ticks
    assert not [tick for tick in ticks if re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", tick)]
