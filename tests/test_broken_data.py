"""Every data file, broken in every way an editor might break it: the defect is named by file, row and field,
the view that needs the file says so readably, and the other views keep working."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from liptako import data

from .conftest import run_page


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def truncate(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    cut = text.index("\n", len(text) // 2) + 40  # part-way into a row, an entry or a feature
    path.write_text(text[:cut], encoding="utf-8")


def wrong_encoding(path: Path) -> None:
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))


def missing_field(path: Path) -> None:
    if path.suffix == ".csv":
        lines = _lines(path)
        lines[0] = lines[0].replace(",", ",x", 1)  # the second column's name is misspelt
        _write(path, lines)
    elif path.suffix == ".geojson":
        collection = json.loads(path.read_text(encoding="utf-8"))
        del collection["features"][2]["properties"]["name_fr"]
        path.write_text(json.dumps(collection) + "\n", encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        key = next(k for k in ("title_en:", "label_en:", "name_en:") if k in text)
        path.write_text(re.sub(rf"\n\s+{key}.*", "", text, count=1), encoding="utf-8")


def duplicate_id(path: Path) -> None:
    if path.suffix == ".csv":
        lines = _lines(path)
        _write(path, [*lines, lines[1]])
    elif path.suffix == ".geojson":
        collection = json.loads(path.read_text(encoding="utf-8"))
        collection["features"][3]["properties"]["id"] = collection["features"][2]["properties"]["id"]
        path.write_text(json.dumps(collection) + "\n", encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        ids = re.findall(r"^- id: (.+)$", text, re.MULTILINE)
        path.write_text(text.replace(f"- id: {ids[1]}\n", f"- id: {ids[0]}\n", 1), encoding="utf-8")


DATE_FIELDS = ("date", "start", "since", "accessed")


def bad_date(path: Path) -> None:
    """A month 13 in the first date field (not in a URL that happens to hold a date)."""
    if path.suffix == ".csv":
        lines = _lines(path)
        column = next(i for i, name in enumerate(lines[0].split(",")) if name in DATE_FIELDS)
        cells = lines[1].split(",")
        cells[column] = re.sub(r"-\d{2}-", "-13-", cells[column], count=1)
        lines[1] = ",".join(cells)
        _write(path, lines)
    else:
        text = path.read_text(encoding="utf-8")
        pattern = rf"(\b(?:{'|'.join(DATE_FIELDS)}): '?\d{{4}})-\d{{2}}"
        path.write_text(re.sub(pattern, r"\1-13", text, count=1), encoding="utf-8")


def dangling(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\bNE-6\b", "NE-9", text, count=1), encoding="utf-8")


def invalid_geometry(path: Path) -> None:
    collection = json.loads(path.read_text(encoding="utf-8"))
    collection["features"][4]["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]],
    }
    path.write_text(json.dumps(collection) + "\n", encoding="utf-8")


MUTATIONS: dict[str, Callable[[Path], None]] = {
    "truncated": truncate,
    "missing field": missing_field,
    "bad date": bad_date,
    "duplicate id": duplicate_id,
    "dangling reference": dangling,
    "invalid geometry": invalid_geometry,
    "wrong encoding": wrong_encoding,
}
APPLIES = {  # which mutations make sense for which file
    "regions.geojson": ["truncated", "missing field", "duplicate id", "invalid geometry", "wrong encoding"],
    "provinces_bfa.geojson": ["truncated", "missing field", "duplicate id", "invalid geometry", "wrong encoding"],
    "context.geojson": ["truncated", "missing field", "duplicate id", "invalid geometry", "wrong encoding"],
    "places.csv": ["truncated", "missing field", "duplicate id", "dangling reference", "wrong encoding"],
    "lg_zone.yaml": ["truncated", "missing field", "bad date", "duplicate id", "dangling reference", "wrong encoding"],
    "admin_changes.yaml": ["truncated", "missing field", "bad date", "duplicate id", "wrong encoding"],
    "events.csv": ["truncated", "missing field", "bad date", "duplicate id", "dangling reference", "wrong encoding"],
    "rule_periods.csv": ["truncated", "missing field", "bad date", "duplicate id", "wrong encoding"],
    "documents.yaml": ["truncated", "missing field", "bad date", "duplicate id", "wrong encoding"],
    "provisions.yaml": ["truncated", "missing field", "duplicate id", "wrong encoding"],
    "actors.yaml": ["truncated", "missing field", "duplicate id", "wrong encoding"],
    "SOURCES.yaml": ["truncated", "missing field", "bad date", "wrong encoding"],
}
CASES = [(file, kind) for file, kinds in APPLIES.items() for kind in kinds]


@pytest.mark.parametrize(("file", "kind"), CASES)
def test_defect_names_file_row_and_field(data_copy: Path, file: str, kind: str) -> None:
    MUTATIONS[kind](data_copy / file)
    defects = [d for d in data.check_all(data_copy) if d.file == f"data/{file}"]
    assert defects, f"{kind} in {file} went unnoticed"
    first = defects[0]
    assert first.row is not None and first.field, f"{kind} in {file}: {first}"


VIEWS = {  # a defect, the page that needs the file, and one that does not
    "regions.geojson": ("invalid geometry", "map", "charter"),
    "places.csv": ("dangling reference", "map", "timeline"),
    "events.csv": ("bad date", "timeline", "map"),
    "rule_periods.csv": ("missing field", "timeline", "charter"),
    "provisions.yaml": ("duplicate id", "charter", "map"),
    "SOURCES.yaml": ("bad date", "sources", "charter"),
}


@pytest.mark.parametrize("file", list(VIEWS))
def test_broken_file_gives_a_readable_message_and_other_views_work(data_copy, monkeypatch, file: str) -> None:  # noqa: ANN001
    kind, broken, working = VIEWS[file]
    MUTATIONS[kind](data_copy / file)
    monkeypatch.setenv("LIPTAKO_DATA_DIR", str(data_copy))
    at = run_page(broken, "en")
    assert not at.exception
    message = at.error[0].value.replace("\\", "")
    assert f"data/{file}" in message and "row " in message and "field **" in message
    other = run_page(working, "en")
    assert not other.exception and not other.error


@pytest.mark.parametrize("file", ["regions.geojson", "events.csv", "lg_zone.yaml"])
def test_a_complete_file_without_a_final_line_break_is_sound(data_copy: Path, file: str) -> None:
    """Editors often save without a last line break: a file that parses completely is not called truncated."""
    path = data_copy / file
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    assert [d for d in data.check_all(data_copy) if d.file == f"data/{file}"] == []


def test_a_geojson_cut_short_is_called_truncated(data_copy: Path) -> None:
    truncate(data_copy / "regions.geojson")
    defects = [d for d in data.check_all(data_copy) if d.file == "data/regions.geojson"]
    assert defects and "truncated" in defects[0].why
