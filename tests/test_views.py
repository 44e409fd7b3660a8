"""The views' list is the one place page files are named: every link target it gives is a page that exists."""

from pathlib import Path

import pytest

from liptako import cards
from liptako.views import VIEWS, page_file

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.url_path or "home")
def test_each_view_address_names_its_own_script(view) -> None:  # noqa: ANN001
    assert page_file(view.url_path) == f"pages/{view.file}"
    assert (ROOT / page_file(view.url_path)).is_file()


def test_the_cards_links_open_pages_that_exist() -> None:
    for target in (cards.MAP_PAGE, cards.TIMELINE_PAGE, cards.CHARTER_PAGE):
        assert (ROOT / target).is_file(), target


def test_an_unknown_address_is_an_error_not_a_guess() -> None:
    with pytest.raises(KeyError, match="no view at /nowhere"):
        page_file("nowhere")
