"""Counts the tests and the bench expect on screen, derived from the data folder the app reads
(`LIPTAKO_DATA_DIR` or `data/`): adding an event, a town or a provision must not break a test, so no data row
count is ever written as a literal."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from liptako import charter, data, timeline
from liptako.schema import Provision
from liptako.state import Filters


def folder(path: Path | None = None) -> Path:
    return path or data.default_data_dir()


def regions(path: Path | None = None) -> gpd.GeoDataFrame:
    return data.load_regions(folder(path) / "regions.geojson")


def events(path: Path | None = None) -> pd.DataFrame:
    return data.load_events(folder(path) / "events.csv")


def events_matching(text: str, path: Path | None = None) -> int:
    """How many events the timeline's text search keeps."""
    return len(timeline.filter_events(events(path), Filters(text=text)))


def default_document_provisions(query: str = "", path: Path | None = None) -> list[Provision]:
    """The provisions of the document the charter page opens on (the first of documents.yaml), those the charter's
    search keeps when a query is given."""
    documents = data.load_documents(folder(path) / "documents.yaml")
    provisions = data.load_provisions(folder(path) / "provisions.yaml")
    return charter.select(provisions, documents[0].id, query=query)
