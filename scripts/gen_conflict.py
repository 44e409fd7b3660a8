"""Generate synthetic conflict-event CSVs in the documented shapes of an ACLED export and of the UCDP GED file, and
the per-region counts they must give once imported. Never real data: every row is made up here.

Usage: `python scripts/gen_conflict.py OUT_DIR [--ucdp-rows 400000] [--acled-rows 50000] [--seed 1]` writes
`OUT_DIR/ucdp_ged.csv`, `OUT_DIR/acled.csv` and `OUT_DIR/expected.csv` (`region,events,fatalities`, both sources,
as `liptako summary` prints it). The tests use `generate()` on small files.

Besides ordinary events placed well inside a region, each file holds the cases an import must get right: events on
a border shared by two regions (they count for the region with the smaller id), events of other countries (left
out), events of other countries without coordinates (left out), and repeated event ids (counted once).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from liptako.data import default_data_dir, load_regions  # noqa: E402

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
UCDP_COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id",
    "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a",
    "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates", "where_description",
    "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
)  # fmt: skip
# name, ISO 3166-1 numeric (ACLED `iso`), Gleditsch-Ward (UCDP `country_id`)
COUNTRIES = {"MLI": ("Mali", 466, 432), "BFA": ("Burkina Faso", 854, 439), "NER": ("Niger", 562, 436)}
OTHERS = [  # other countries, with a box of coordinates inside each (roughly), for the events to leave out
    ("Nigeria", 566, 475, (4.0, 8.0, 9.0, 12.0)),
    ("Chad", 148, 483, (16.0, 12.0, 20.0, 15.0)),
    ("Somalia", 706, 520, (43.0, 2.0, 47.0, 8.0)),
    ("Colombia", 170, 100, (-75.0, 3.0, -72.0, 7.0)),
]
ACLED_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests")
SIDES = ("Government of Mali", "JNIM", "IS Sahel", "Government of Burkina Faso", "Government of Niger", "Civilians")
FILLER = "Lorem ipsum dolor sit amet, synthetic text of no source; generated for tests and benchmarks only. " * 4


@dataclass
class Truth:
    """What an import of the generated file must give: events and fatalities per region id."""

    events: Counter = field(default_factory=Counter)
    fatalities: Counter = field(default_factory=Counter)

    def add(self, region: str, deaths: int) -> None:
        self.events[region] += 1
        self.fatalities[region] += deaths

    def merged(self, other: Truth) -> Truth:
        return Truth(self.events + other.events, self.fatalities + other.fatalities)

    def csv(self, region_ids: list[str]) -> str:
        lines = ["region,events,fatalities"]
        lines += [f"{r},{self.events[r]},{self.fatalities[r]}" for r in sorted(region_ids)]
        return "\n".join(lines) + "\n"


def interior_points(regions: gpd.GeoDataFrame, per_region: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Points well inside each region (at least 0.02° from its boundary), so that no reading can doubt where they
    lie."""
    pools = {}
    for rid, shape in regions.geometry.items():
        inner = shape.buffer(-0.02)
        if inner.is_empty:
            inner = shape
        x0, y0, x1, y1 = inner.bounds
        found: list[np.ndarray] = []
        count = 0
        while count < per_region:
            xy = np.column_stack([rng.uniform(x0, x1, 4 * per_region), rng.uniform(y0, y1, 4 * per_region)])
            inside = xy[shapely.contains_xy(inner, xy[:, 0], xy[:, 1])]
            found.append(inside)
            count += len(inside)
        pools[str(rid)] = np.concatenate(found)[:per_region]
    return pools


def border_points(regions: gpd.GeoDataFrame, count: int, rng: np.random.Generator) -> list[tuple[float, float, str]]:
    """Vertices shared by two or more regions, each with the region it counts for (the smallest id covering it)."""
    vertices = shapely.get_coordinates(regions.geometry.boundary.to_numpy())
    picks = vertices[rng.choice(len(vertices), size=min(len(vertices), 20 * count), replace=False)]
    found = []
    for x, y in picks:
        point = shapely.Point(x, y)
        covering = sorted(str(r) for r in regions.index[regions.geometry.covers(point)])
        if len(covering) >= 2:
            found.append((float(x), float(y), covering[0]))
            if len(found) == count:
                break
    return found


def generate(
    kind: str,
    rows: int,
    path: Path,
    regions: gpd.GeoDataFrame,
    seed: int = 1,
    share_inside: float = 0.6,
    borders: int = 20,
    duplicates: int = 10,
    no_coordinates: int = 10,
) -> Truth:
    """Write a `kind` ("acled" or "ucdp") CSV of about `rows` rows to `path`; return the counts it must give."""
    rng = np.random.default_rng(seed)
    region_ids = [str(r) for r in regions.index]
    country_of = dict(zip(region_ids, regions["country"], strict=True))
    pools = interior_points(regions, 500, rng)
    truth = Truth()

    inside = int(rows * share_inside)
    outside = rows - inside - borders - duplicates - no_coordinates
    if outside < 0:
        raise ValueError("too few rows for the special cases")
    chosen = rng.integers(0, len(region_ids), inside)
    lon, lat, region_col = np.empty(rows), np.empty(rows), np.empty(rows, dtype=object)
    for i, r in enumerate(chosen):
        pick = pools[region_ids[r]][rng.integers(0, 500)]
        lon[i], lat[i], region_col[i] = pick[0], pick[1], region_ids[r]
    at = inside
    for x, y, rid in border_points(regions, borders, rng):
        lon[at], lat[at], region_col[at] = x, y, rid
        at += 1
    inside_rows = at  # events of the three countries, placed
    other = rng.integers(0, len(OTHERS), rows - at)
    for j, o in enumerate(other):
        x0, y0, x1, y1 = OTHERS[o][3]
        lon[at + j], lat[at + j], region_col[at + j] = rng.uniform(x0, x1), rng.uniform(y0, y1), None
    country = [
        COUNTRIES[country_of[region_col[i]]] if i < inside_rows else OTHERS[other[i - inside_rows]][:3]
        for i in range(rows)
    ]
    deaths = rng.poisson(1.6, rows) * rng.integers(1, 4, rows)
    start = dt.date(2012, 1, 1).toordinal()
    dates = [dt.date.fromordinal(int(d)) for d in rng.integers(start, dt.date(2025, 12, 31).toordinal() + 1, rows)]
    ids = np.arange(1, rows + 1) + 100_000
    lat_text = [f"{v:.6f}" for v in lat]
    lon_text = [f"{v:.6f}" for v in lon]

    # The last rows: repeats of earlier events of the three countries (same id), then other countries' events
    # without coordinates.
    for k in range(duplicates):
        src, dst = k % max(inside_rows, 1), rows - duplicates - no_coordinates + k
        for column in (lat_text, lon_text, country, dates):
            column[dst] = column[src]
        ids[dst], deaths[dst], region_col[dst] = ids[src], deaths[src], None
    for k in range(no_coordinates):
        dst = rows - no_coordinates + k
        lat_text[dst] = lon_text[dst] = ""
        country[dst], region_col[dst] = OTHERS[0][:3], None
    for i in range(rows):
        if region_col[i] is not None:
            truth.add(region_col[i], int(deaths[i]))

    names = [c[0] for c in country]
    text = {
        "latitude": lat_text,
        "longitude": lon_text,
        "country": names,
    }
    pick = rng.integers(0, len(SIDES), (2, rows))
    if kind == "acled":
        columns = ACLED_COLUMNS
        prefix = {"Mali": "MLI", "Burkina Faso": "BFA", "Niger": "NER"}
        text |= {
            "event_id_cnty": [f"{prefix.get(n, n[:3].upper())}{i}" for n, i in zip(names, ids, strict=True)],
            "event_date": [d.isoformat() for d in dates],
            "year": [str(d.year) for d in dates],
            "event_type": [ACLED_TYPES[k % len(ACLED_TYPES)] for k in pick[0]],
            "sub_event_type": ["Armed clash"] * rows,
            "actor1": [SIDES[k] for k in pick[0]],
            "actor2": [SIDES[k] for k in pick[1]],
            "iso": [str(c[1]) for c in country],
            "region": ["Western Africa"] * rows,
            "fatalities": [str(d) for d in deaths],
            "notes": [FILLER[: 80 + k] for k in rng.integers(0, 200, rows)],
            "source": ["Synthetic"] * rows,
            "timestamp": ["1700000000"] * rows,
        }
    else:
        columns = UCDP_COLUMNS
        low = np.maximum(deaths - rng.integers(0, 3, rows), 0)
        text |= {
            "id": [str(i) for i in ids],
            "relid": [f"SYN-{i}" for i in ids],
            "year": [str(d.year) for d in dates],
            "type_of_violence": [str(1 + k % 3) for k in pick[0]],
            "side_a": [SIDES[k] for k in pick[0]],
            "side_b": [SIDES[k] for k in pick[1]],
            "country_id": [str(c[2]) for c in country],
            "region": ["Africa"] * rows,
            "date_start": [f"{d.isoformat()} 00:00:00.000" for d in dates],
            "date_end": [f"{d.isoformat()} 00:00:00.000" for d in dates],
            "best": [str(d) for d in deaths],
            "low": [str(v) for v in low],
            "high": [str(d + 2) for d in deaths],
            "source_article": [FILLER[: 250 + k] for k in rng.integers(0, 150, rows)],
            "source_headline": ["Synthetic headline"] * rows,
            "geom_wkt": [f"POINT ({x} {y})" if x else "" for x, y in zip(lon_text, lat_text, strict=True)],
        }
    table = pa.table({c: pa.array(text.get(c, [""] * rows), pa.string()) for c in columns})
    path.parent.mkdir(parents=True, exist_ok=True)
    pacsv.write_csv(table, path)
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--ucdp-rows", type=int, default=400_000)
    parser.add_argument("--acled-rows", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    regions = load_regions(default_data_dir() / "regions.geojson")
    # The global GED: most events elsewhere in the world; a regional ACLED export: most in the three countries.
    ucdp = generate("ucdp", args.ucdp_rows, args.out / "ucdp_ged.csv", regions, args.seed, share_inside=0.15)
    acled = generate("acled", args.acled_rows, args.out / "acled.csv", regions, args.seed + 1, share_inside=0.6)
    (args.out / "expected.csv").write_text(ucdp.merged(acled).csv(list(regions.index)))
    print(f"wrote {args.out}/ucdp_ged.csv, acled.csv, expected.csv", file=sys.stderr)


if __name__ == "__main__":
    main()
