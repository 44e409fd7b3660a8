"""A copy of the data with attack strings in every text field a reader sees, still valid against the schema."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import yaml

SCRIPT = "<script>alert('xss')</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = "[click](javascript:alert(1))"
MD_IMAGE = "![x](javascript:alert(2))"
TEMPLATE = "`${alert(document.domain)}` \\"
"""Breaks out of a JavaScript template literal (folium writes tooltips into them) if it ever reaches one raw."""
PAYLOAD = f"{SCRIPT} {IMG} {LINK} {MD_IMAGE} {TEMPLATE}"

TEXT_FIELDS = {
    "title_fr",
    "title_en",
    "summary_fr",
    "summary_en",
    "note_fr",
    "note_en",
    "place",
    "label_fr",
    "label_en",
    "description_fr",
    "description_en",
    "name_fr",
    "name_en",
    "capital",
    "type_fr",
    "type_en",
    "name",
    "quote_fr",
    "title",
    "source",
    "licence",
    "citation",
    "source_fr",
    "source_en",
    "licence_fr",
    "licence_en",
    "citation_fr",
    "citation_en",
    "ratification_fr",
    "ratification_en",
}
LIST_FIELDS = {"people", "signatories", "new_units"}


def _poison(value: object, field: str) -> object:
    if field in TEXT_FIELDS and isinstance(value, str) and value:
        return f"{value} {PAYLOAD}"
    if field in LIST_FIELDS and isinstance(value, list) and value:
        return [*value, PAYLOAD]
    return value


def make(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("_drafts"))
    for path in target.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header, rows = reader.fieldnames, list(reader)
        for row in rows:
            for field in header:
                if field in LIST_FIELDS and row[field]:
                    row[field] += ";" + PAYLOAD.replace(";", ",")
                elif field in TEXT_FIELDS and row[field]:
                    row[field] = f"{row[field]} {PAYLOAD}"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    for path in target.glob("*.yaml"):
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(content, list):
            content = [{k: _poison(v, k) for k, v in item.items()} for item in content]
        else:
            content = {name: {k: _poison(v, k) for k, v in entry.items()} for name, entry in content.items()}
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in target.glob("*.geojson"):
        collection = json.loads(path.read_text(encoding="utf-8"))
        for feature in collection["features"]:
            feature["properties"] = {k: _poison(v, k) for k, v in feature["properties"].items()}
        path.write_text(json.dumps(collection, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
