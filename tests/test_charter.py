"""The agreed texts: the Charter is complete and honest, and search finds what readers look for."""

import pytest

from liptako import charter, data
from liptako.data import default_data_dir


@pytest.fixture(scope="module")
def provisions() -> tuple:
    folder = default_data_dir()
    documents = data.load_documents(folder / "documents.yaml")
    return data.load_provisions(folder / "provisions.yaml", {d.id for d in documents})


def numbers(found) -> set[str]:  # noqa: ANN001
    return {p.number for p in found if p.document == "lg_charter_2023"}


def test_charter_holds_its_preamble_and_seventeen_articles(provisions) -> None:  # noqa: ANN001
    assert numbers(provisions) == {"preamble", *(str(n) for n in range(1, 18))}


def test_every_verified_or_partial_provision_has_a_source(provisions) -> None:  # noqa: ANN001
    for p in provisions:
        if p.status != "not_found":
            assert p.sources, p.id
        if p.quote_fr:
            assert p.quote_source, p.id


def test_articles_not_found_say_so_and_carry_no_quote(provisions) -> None:  # noqa: ANN001
    missing = [p for p in provisions if p.status == "not_found"]
    assert missing
    for p in missing:
        assert not p.quote_fr
        assert "non trouvé" in p.title_fr.lower() or "non trouv" in p.summary_fr.lower(), p.id


@pytest.mark.parametrize(
    ("query", "expected"),
    [("terrorisme", {"4"}), ("défense collective", {"2", "6"}), ("rebellion", {"5"}), ("rébellion", {"5"})],
)
def test_search_finds_the_articles_readers_look_for(provisions, query: str, expected: set[str]) -> None:  # noqa: ANN001
    assert expected <= numbers(charter.search(provisions, query))


def test_select_orders_by_article_and_filters_by_theme(provisions) -> None:  # noqa: ANN001
    shown = charter.select(provisions, "lg_charter_2023")
    assert [p.number for p in shown][:3] == ["preamble", "1", "2"]
    assert [p.number for p in shown][-1] == "17"
    defence = charter.select(provisions, "lg_charter_2023", themes=["defence"])
    assert "6" in {p.number for p in defence} and all("defence" in p.themes for p in defence)


def test_events_link_to_provisions_and_back(provisions) -> None:  # noqa: ANN001
    events = data.load_events(default_data_dir() / "events.csv")
    linked = charter.events_for(events, "lg_charter_2023-6")
    assert "aes-2023-09-16-charter" in linked.index
    assert any("ecowas" in eid or "cedeao" in eid or "2023-08" in eid for eid in linked.index)


def test_comparison_by_theme(provisions) -> None:  # noqa: ANN001
    table = charter.compare_by_theme(provisions, ["lg_charter_2023", "aes_treaty_2024"], "en")
    defence = table[table["theme"] == "Defence"].iloc[0]
    assert "Art. 6" in defence["lg_charter_2023"]
