"""A conflict store made of generated files (scripts/gen_conflict.py: synthetic rows in the documented ACLED and
UCDP columns, never real data), imported the way `liptako import` does, for the AppTests and the browser tests of
the views that read it. Expectations are read back from the store, never written as literals."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from liptako import conflict
from liptako.data import default_data_dir, load_regions

ROOT = Path(__file__).resolve().parents[2]


def generator():  # noqa: ANN201 - the script's module
    """scripts/gen_conflict.py as a module (it is a script, not part of the package)."""
    if "gen_conflict" not in sys.modules:
        spec = importlib.util.spec_from_file_location("gen_conflict", ROOT / "scripts" / "gen_conflict.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["gen_conflict"] = module
        spec.loader.exec_module(module)
    return sys.modules["gen_conflict"]


def make_store(folder: Path, rows: int = 1500) -> Path:
    """`folder/store` holding a generated ACLED-shaped and a generated UCDP-shaped file, both imported."""
    regions = load_regions(default_data_dir() / "regions.geojson")
    gen = generator()
    store = folder / "store"
    for source, name, seed in (("acled", "acled.csv", 5), ("ucdp", "ged.csv", 6)):
        gen.generate(source, rows, folder / name, regions, seed=seed)
        conflict.import_file(folder / name, store, regions)
    return store
