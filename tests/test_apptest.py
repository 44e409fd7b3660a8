"""Every page runs headless (Streamlit's AppTest) in both languages, and links open the state they describe."""

import pytest

from .conftest import run_page

PAGES = ["home", "map", "sources"]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page: str, lang: str) -> None:
    at = run_page(page, lang)
    assert not at.exception
    assert at.title and at.title[0].value


def test_language_comes_from_the_link() -> None:
    assert run_page("sources", "fr").title[0].value == "Sources et licences"
    assert run_page("sources", "en").title[0].value == "Sources and licences"


def test_region_link_shows_its_panel() -> None:
    at = run_page("map", "en", {"region": "NE-6"})
    assert [s.value for s in at.subheader] == ["Tillabéri"]
    assert at.selectbox(key="region_picker").value == "NE-6"
    facts = " ".join(m.value for m in at.markdown)
    assert "Niger" in facts and "91,433 km²" in facts
    assert at.query_params["region"] == ["NE-6"] or at.query_params["region"] == "NE-6"


def test_unknown_region_gives_a_notice_not_an_exception() -> None:
    at = run_page("map", "en", {"region": "<script>alert(1)</script>"})
    assert not at.exception
    assert any("does not exist" in w.value for w in at.warning)
    assert not at.subheader
    assert "region" not in at.query_params


def test_picking_a_region_updates_panel_and_link() -> None:
    at = run_page("map", "fr")
    at.selectbox(key="region_picker").set_value("ML-8").run()
    assert [s.value for s in at.subheader] == ["Kidal"]
    assert "ML-8" in str(at.query_params["region"])


def test_broken_data_file_shows_a_readable_error_and_other_pages_work(data_copy, monkeypatch) -> None:  # noqa: ANN001
    text = (data_copy / "places.csv").read_text(encoding="utf-8").splitlines()
    text[2] = text[2].replace(",town,", ",metropolis,").replace(",regional_capital,", ",metropolis,")
    (data_copy / "places.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    monkeypatch.setenv("LIPTAKO_DATA_DIR", str(data_copy))
    at = run_page("map", "en")
    assert not at.exception
    message = at.error[0].value.replace("\\", "")  # Markdown escapes are not what the reader sees
    assert "data/places.csv" in message and "row 3" in message and "field **kind**" in message
    assert "metropolis" in message
    sources = run_page("sources", "en")
    assert not sources.exception and not sources.error
