"""Load and validate every data file; one loader per file.

Each loader returns typed data (a (Geo)DataFrame for tables and shapes, a tuple of records for the small YAML
files) or raises `DataError` naming the file, the row and the field, so that whoever edits `data/` learns exactly
what to fix.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import geopandas as gpd
import pandas as pd
import shapely
import yaml
from pydantic import BaseModel, ValidationError
from shapely.validation import explain_validity

from liptako.schema import (
    ZONE_IDS,
    Actor,
    AdminChange,
    ContextProps,
    Document,
    Event,
    Place,
    ProvinceProps,
    Provision,
    RegionProps,
    RulePeriod,
    SourceEntry,
    TodayUnit,
    TodayUnitProps,
    Zone,
)
from liptako.text import fold

M = typing.TypeVar("M", bound=BaseModel)


def default_data_dir() -> Path:
    """Where the data files are: `LIPTAKO_DATA_DIR` if set (tests point the app at a fixture data set; an install
    from a wheel points it at its copy of `data/`), else the `data/` folder of the checkout this package runs from
    (an editable install), else `./data` (the app started from its own folder, as `make run` and the container do).
    """
    return _data_dir(os.environ.get("LIPTAKO_DATA_DIR"), os.getcwd())


@functools.lru_cache(maxsize=8)
def _data_dir(setting: str | None, cwd: str) -> Path:
    """Remembered per setting and folder: every page run asks for it once per data file it reads."""
    return locate_data_dir(setting, Path(__file__).resolve(), Path(cwd))


def locate_data_dir(setting: str | None, module: Path, cwd: Path) -> Path:
    """The rule of `default_data_dir`, with its inputs explicit so that each case can be tested."""
    if setting:
        return Path(setting)
    checkout = module.parents[2] / "data"
    return checkout if (checkout / "SOURCES.yaml").is_file() else cwd / "data"


class DataError(Exception):
    """A defect in a data file, located precisely enough to fix it without reading code."""

    def __init__(self, file: str | Path, row: int | None, field: str | None, why: str) -> None:
        self.file = str(file)
        self.row = row
        self.field = field
        self.why = why
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        return f"{where}: {self.field or '-'}: {self.why}"


@dataclass(frozen=True)
class Located:
    """One raw record with the row (CSV line, YAML line or GeoJSON feature number) it came from."""

    row: int
    values: dict[str, object]


class Defects:
    """Where loaders put the defects they find: the app stops at the first one (`keep=False`, the default);
    validation keeps them all and carries on with the rows that are sound."""

    def __init__(self, keep: bool = False) -> None:
        self.keep = keep
        self.found: list[DataError] = []

    def add(self, error: DataError) -> None:
        if not self.keep:
            raise error
        self.found.append(error)


STOP_AT_FIRST = Defects()


# ---------------------------------------------------------------- reading raw records


def _display(path: Path) -> str:
    """Paths are shown relative to the data folder's parent (`data/events.csv`), which is what editors see."""
    return f"{path.parent.name}/{path.name}"


class _YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: 4× faster
    """Safe YAML that leaves dates as text, so a bad date is a located field defect, not a crash in the parser."""


_YamlLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_YAML_KEY = re.compile(r"^[\s-]*([A-Za-z_][\w]*)\s*:", re.MULTILINE)
_JSON_KEY = re.compile(r'"([A-Za-z_][\w]*)"\s*:')


def _field_at(path: Path, text: str, offset: int) -> str | None:
    """The column or key in which a character offset falls, so that even a broken file's defect names a field."""
    start = text.rfind("\n", 0, offset) + 1
    if path.suffix == ".csv":
        if start == 0:
            return None
        header = next(csv.reader(io.StringIO(text[: text.find("\n")])), [])
        cells = next(csv.reader(io.StringIO(text[start:offset] + "|")), [""])
        return header[len(cells) - 1] if len(cells) <= len(header) else None
    if text[start:].lstrip().startswith("#"):
        return "(comment)"
    keys = (_JSON_KEY if path.suffix in (".json", ".geojson") else _YAML_KEY).findall(text, 0, max(offset, 0))
    return keys[-1] if keys else None


def _read_text(path: Path) -> str:
    """The file's text, or a located error for a missing file or bytes that are not UTF-8."""
    name = _display(path)
    if not path.is_file():
        raise DataError(name, None, None, "file not found")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        before = raw[: exc.start].decode("utf-8", errors="replace")
        text = raw.decode("utf-8", errors="replace")
        raise DataError(
            name,
            line,
            _field_at(path, text, len(before)),
            f"not valid UTF-8 (byte {raw[exc.start]:#04x}); save the file as UTF-8",
        ) from None


def _unclosed(text: str) -> bool:
    """JSON whose text ends inside a string or before all its brackets close: it was cut short."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if escaped:
            escaped = False
        elif in_string:
            escaped, in_string = char == "\\", char != '"'
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return in_string or depth > 0


def _cut_short(text: str, offset: int) -> bool:
    """A parse error at the very end of the text: the file was probably cut short (a failed save or copy). A file
    that parses completely is never called truncated, final line break or not."""
    return offset >= len(text.rstrip())


def _csv_records(path: Path, columns: Iterable[str], required: Iterable[str], defects: Defects) -> Iterator[Located]:
    name = _display(path)
    reader = csv.DictReader(io.StringIO(_read_text(path), newline=""))
    header = reader.fieldnames or []
    if not header:
        raise DataError(name, 1, None, "the file is empty: a header row is expected")
    for column in required:
        if column not in header:
            raise DataError(name, 1, column, "missing column")
    allowed = set(columns)
    for column in header:
        if column not in allowed:
            raise DataError(name, 1, column, f"unknown column (expected: {', '.join(columns)})")
    for record in reader:
        if None in record:
            defects.add(DataError(name, reader.line_num, None, "more values than columns (an unquoted comma?)"))
            continue
        missing = [c for c, v in record.items() if v is None]
        if missing:
            defects.add(DataError(name, reader.line_num, missing[0], "row ends early: the file may be truncated"))
            continue
        yield Located(reader.line_num, dict(record))


def _parse_yaml(path: Path, text: str) -> tuple[yaml.Node | None, object]:
    """The node tree (for line numbers) and the values built from it, in one parse; a syntax error names its line
    and the key it falls in."""
    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        why = f"not valid YAML: {exc}"
        if mark and _cut_short(text, mark.index):
            why = f"the file ends in the middle of an entry: it may be truncated ({why})"
        raise DataError(
            _display(path), mark.line + 1 if mark else None, _field_at(path, text, mark.index) if mark else None, why
        ) from None
    finally:
        loader.dispose()


def _yaml_records(path: Path, defects: Defects) -> Iterator[Located]:
    name = _display(path)
    text = _read_text(path)
    node, values = _parse_yaml(path, text)
    if not isinstance(values, list) or not isinstance(node, yaml.SequenceNode):
        raise DataError(name, 1, None, "expected a list of entries")
    for item_node, item in zip(node.value, values, strict=True):
        row = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            defects.add(DataError(name, row, None, "each entry must be a mapping of fields"))
            continue
        yield Located(row, item)


def _feature_records(path: Path, defects: Defects) -> Iterator[tuple[Located, object]]:
    name = _display(path)
    text = _read_text(path)
    try:
        collection = json.loads(text)
    except json.JSONDecodeError as exc:
        why = f"not valid JSON: {exc.msg}"
        if _cut_short(text, exc.pos) or _unclosed(text):
            why = f"the file ends in the middle of its data: it may be truncated ({why})"
        raise DataError(name, exc.lineno, _field_at(path, text, exc.pos), why) from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise DataError(name, None, "type", "expected a GeoJSON FeatureCollection")
    for number, feature in enumerate(collection.get("features", []), start=1):
        if not isinstance(feature, dict):
            defects.add(DataError(name, number, None, "each feature must be an object"))
            continue
        try:
            geometry = shapely.geometry.shape(feature.get("geometry") or {})
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
            defects.add(DataError(name, number, "geometry", f"not a readable geometry: {exc}"))
            continue
        if geometry.is_empty or not geometry.is_valid:
            defects.add(DataError(name, number, "geometry", f"invalid geometry: {explain_validity(geometry)}"))
            continue
        yield Located(number, dict(feature.get("properties") or {})), geometry


# ---------------------------------------------------------------- typing raw records


def _is_list(annotation: object) -> bool:
    return typing.get_origin(annotation) is list


def _is_optional(annotation: object) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in typing.get_args(
        annotation
    )


def _from_csv_cells(model: type[BaseModel], values: dict[str, object]) -> dict[str, object]:
    """CSV cells are strings: split `;` lists, and let empty optional cells take their default."""
    out: dict[str, object] = {}
    for key, value in values.items():
        field = model.model_fields.get(key)
        if field is None or not isinstance(value, str):
            out[key] = value
        elif _is_list(field.annotation):
            out[key] = [part.strip() for part in value.split(";") if part.strip()]
        elif (
            value.strip() == "" and not field.is_required() and (_is_optional(field.annotation) or field.default == "")
        ):
            continue
        elif value.strip().lower() in ("true", "false") and field.annotation is bool:
            out[key] = value.strip().lower() == "true"
        else:
            out[key] = value
    return out


def _validate(model: type[M], file: str, located: Located) -> M:
    try:
        return model.model_validate(located.values)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = error["loc"]
        field = str(loc[0]) if loc else None
        why = "required field is missing or empty" if error["type"] == "missing" else error["msg"]
        if not loc:  # a check across fields names its field first: "Value error, end: the end is before…"
            blamed, _, rest = why.removeprefix("Value error, ").partition(": ")
            field, why = (blamed, rest) if rest and blamed.isidentifier() else (None, why)
        value = located.values.get(field) if field else None
        shown = f" (got {value!r})" if value not in (None, "") and error["type"] != "missing" else ""
        item = f" in item {loc[1] + 1}" if len(loc) > 1 and isinstance(loc[1], int) else ""
        raise DataError(file, located.row, field, f"{why}{item}{shown}") from None


def _unique(file: str, rows: list[tuple[int, M]], defects: Defects) -> list[tuple[int, M]]:
    """The rows whose id is not taken by an earlier row; each repeat is a defect."""
    seen: dict[str, int] = {}
    kept = []
    for row, record in rows:
        ident = record.id  # type: ignore[attr-defined]
        if ident in seen:
            defects.add(DataError(file, row, "id", f"duplicate id {ident!r} (first used at row {seen[ident]})"))
            continue
        seen[ident] = row
        kept.append((row, record))
    return kept


def _known(
    file: str, row: int, field: str, values: Iterable[str], known: set[str] | None, what: str, defects: Defects
) -> None:
    if known is None:
        return
    for value in values:
        if value not in known:
            defects.add(DataError(file, row, field, f"unknown {what} {value!r}"))


def _checked(model: type[M], file: str, located: Located, defects: Defects) -> M | None:
    try:
        return _validate(model, file, located)
    except DataError as error:
        defects.add(error)
        return None


def _table(path: Path, model: type[M], defects: Defects) -> list[tuple[int, M]]:
    file = _display(path)
    columns = list(model.model_fields)
    required = [c for c, f in model.model_fields.items() if f.is_required()]
    rows = []
    for loc in _csv_records(path, columns, required, defects):
        record = _checked(model, file, Located(loc.row, _from_csv_cells(model, loc.values)), defects)
        if record is not None:
            rows.append((loc.row, record))
    return _unique(file, rows, defects)


def _entries(path: Path, model: type[M], defects: Defects) -> list[tuple[int, M]]:
    file = _display(path)
    rows = []
    for loc in _yaml_records(path, defects):
        record = _checked(model, file, loc, defects)
        if record is not None:
            rows.append((loc.row, record))
    return _unique(file, rows, defects)


def _frame(records: Iterable[BaseModel]) -> pd.DataFrame:
    return pd.DataFrame([r.model_dump() for r in records])


def _shapes(path: Path, model: type[BaseModel], defects: Defects) -> gpd.GeoDataFrame:
    file = _display(path)
    props, geometries = [], {}
    for located, geometry in _feature_records(path, defects):
        record = _checked(model, file, located, defects)
        if record is not None:
            props.append((located.row, record))
            geometries[located.row] = geometry
    props = _unique(file, props, defects)
    if not props:
        raise DataError(file, None, "features", "no usable features")
    frame = gpd.GeoDataFrame(
        _frame(rec for _, rec in props), geometry=[geometries[row] for row, _ in props], crs="EPSG:4326"
    )
    return frame.set_index("id", drop=False)


# ---------------------------------------------------------------- one loader per file


def load_regions(path: Path, defects: Defects = STOP_AT_FIRST) -> gpd.GeoDataFrame:
    """Admin-1 units, indexed by ISO 3166-2 code."""
    return _shapes(path, RegionProps, defects)


def load_context(path: Path, defects: Defects = STOP_AT_FIRST) -> gpd.GeoDataFrame:
    """The map's context: neighbouring countries, rivers and lakes, indexed by id (`country-DZA`, `river-niger`)."""
    return _shapes(path, ContextProps, defects)


def load_provinces(
    path: Path, region_ids: set[str] | None = None, defects: Defects = STOP_AT_FIRST
) -> gpd.GeoDataFrame:
    """Burkina Faso's provinces; each must sit in a known region."""
    frame = _shapes(path, ProvinceProps, defects)
    for number, region_id in enumerate(frame["region_id"], start=1):
        _known(_display(path), number, "region_id", [region_id], region_ids, "region", defects)
    return frame


def load_places(path: Path, region_ids: set[str] | None = None, defects: Defects = STOP_AT_FIRST) -> pd.DataFrame:
    rows = _table(path, Place, defects)
    for row, place in rows:
        _known(_display(path), row, "region_id", [place.region_id], region_ids, "region", defects)
    return _frame(p for _, p in rows).set_index("id", drop=False)


def load_zones(path: Path, region_ids: set[str] | None = None, defects: Defects = STOP_AT_FIRST) -> tuple[Zone, ...]:
    rows = _entries(path, Zone, defects)
    for row, zone in rows:
        _known(_display(path), row, "unit_ids", zone.unit_ids, region_ids, "region", defects)
    present = {zone.id for _, zone in rows}
    for missing in (z for z in ZONE_IDS if z not in present):
        end = _read_text(path).count("\n") + 1
        why = f"no zone with id {missing!r}: the map and the region panel need the zones {', '.join(ZONE_IDS)}"
        defects.add(DataError(_display(path), end, "id", why))
    return tuple(z for _, z in rows)


def load_admin_changes(
    path: Path, region_ids: set[str] | None = None, defects: Defects = STOP_AT_FIRST
) -> tuple[AdminChange, ...]:
    """Reforms newer than the boundaries, oldest first."""
    rows = _entries(path, AdminChange, defects)
    for row, change in rows:
        _known(_display(path), row, "parent_region_ids", change.parent_region_ids, region_ids, "region", defects)
    return tuple(sorted((c for _, c in rows), key=lambda c: (c.date, c.id)))


def load_today_units(
    path: Path,
    region_ids: set[str] | None = None,
    province_ids: set[str] | None = None,
    change_ids: set[str] | None = None,
    defects: Defects = STOP_AT_FIRST,
) -> tuple[TodayUnit, ...]:
    """Where today's units come from (`admin_today.yaml`); the reference map's regions and provinces they are
    made of, and the reform entries they cite, must exist."""
    file = _display(path)
    rows = _entries(path, TodayUnit, defects)
    known_parts = None if region_ids is None or province_ids is None else region_ids | province_ids
    for row, unit in rows:
        _known(file, row, "reference_region_ids", unit.reference_region_ids, region_ids, "region", defects)
        _known(file, row, "made_of", unit.made_of, known_parts, "region or province", defects)
        _known(file, row, "change_id", [unit.change_id] if unit.change_id else [], change_ids, "reform", defects)
    return tuple(u for _, u in rows)


def load_admin_today(
    path: Path, unit_ids: set[str] | None = None, defects: Defects = STOP_AT_FIRST
) -> gpd.GeoDataFrame:
    """Today's first-level units (issue 17), indexed by id; each has its entry in `admin_today.yaml`, and each
    entry its shape."""
    file = _display(path)
    frame = _shapes(path, TodayUnitProps, defects)
    for number, unit_id in enumerate(frame["id"], start=1):
        _known(file, number, "id", [unit_id], unit_ids, "unit (no entry in admin_today.yaml)", defects)
    for missing in sorted(set(unit_ids or ()) - set(frame.index)):
        defects.add(DataError(file, None, "id", f"admin_today.yaml lists {missing!r}, which has no shape here"))
    return frame


ENCYCLOPAEDIAS = ("wikipedia.org", "wikiwand.com", "theinfolist.com", "yodibujo.es", "britannica.com", "wikimonde.com")
COUNTRY_PAGES = {"mali", "niger", "burkina-faso", "haute-volta", "upper-volta", "republique-du-niger"}


def place_page(url: str, place_ids: set[str]) -> bool:
    """Whether a URL is an encyclopaedia's page about a town or a country (`…/wiki/Bamako`), which says nothing of
    an event: the page's title, accents and case ignored, is a place id of `places.csv` or a country's name."""
    parts = urlsplit(url)
    if not (parts.hostname or "").endswith(ENCYCLOPAEDIAS):
        return False
    query = dict(parse_qsl(parts.query))
    title = query.get("title") or unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    title = re.sub(r"\.(html?|php)$", "", title)
    title = re.sub(r"\s*\(.*\)$", "", title.replace("_", " "))
    slug = fold(title).strip().replace(" ", "-")
    return slug in place_ids or slug in COUNTRY_PAGES


def load_events(
    path: Path,
    region_ids: set[str] | None = None,
    provision_ids: set[str] | None = None,
    actor_ids: set[str] | None = None,
    place_ids: set[str] | None = None,
    defects: Defects = STOP_AT_FIRST,
) -> pd.DataFrame:
    """Events sorted by date; references to regions, provisions and actors are checked when those ids are given,
    and with the towns' ids, no source may be an encyclopaedia's page of a town or a country."""
    file = _display(path)
    rows = _table(path, Event, defects)
    for row, event in rows:
        _known(file, row, "region_ids", event.region_ids, region_ids, "region", defects)
        _known(file, row, "provision_ids", event.provision_ids, provision_ids, "provision", defects)
        _known(file, row, "actors", event.actors, actor_ids, "actor", defects)
        for url in event.sources if place_ids is not None else ():
            if place_page(url, place_ids):
                why = f"{url} is an encyclopaedia's page of a town or a country: cite a source that reports the event"
                defects.add(DataError(file, row, "sources", why))
    frame = _frame(e for _, e in rows)
    if frame.empty:
        raise DataError(file, None, None, "no usable events")
    for column in ("date", "end_date"):
        frame[column] = pd.to_datetime(frame[column])
    for column in ("fatalities_low", "fatalities_high"):
        frame[column] = frame[column].astype("Int64")
    return frame.sort_values(["date", "id"]).set_index("id", drop=False)


def load_actors(path: Path, defects: Defects = STOP_AT_FIRST) -> tuple[Actor, ...]:
    return tuple(a for _, a in _entries(path, Actor, defects))


def load_rule_periods(path: Path, defects: Defects = STOP_AT_FIRST) -> pd.DataFrame:
    frame = _frame(p for _, p in _table(path, RulePeriod, defects))
    if frame.empty:
        raise DataError(_display(path), None, None, "no usable periods")
    for column in ("start", "end"):
        frame[column] = pd.to_datetime(frame[column])
    return frame.sort_values(["country", "start"]).set_index("id", drop=False)


def load_documents(path: Path, defects: Defects = STOP_AT_FIRST) -> tuple[Document, ...]:
    return tuple(d for _, d in _entries(path, Document, defects))


def load_provisions(
    path: Path, document_ids: set[str] | None = None, defects: Defects = STOP_AT_FIRST
) -> tuple[Provision, ...]:
    rows = _entries(path, Provision, defects)
    for row, provision in rows:
        _known(_display(path), row, "document", [provision.document], document_ids, "document", defects)
    return tuple(p for _, p in rows)


def load_sources(path: Path, defects: Defects = STOP_AT_FIRST) -> dict[str, SourceEntry]:
    """Provenance per data file; every file in the data folder must have an entry, and every text of an entry is
    given in French and in English (`title_fr`/`title_en`, …): a one-language `title` is named as such."""
    file = _display(path)
    text = _read_text(path)
    _, raw = _parse_yaml(path, text)
    if not isinstance(raw, dict):
        raise DataError(file, 1, None, "expected a mapping from data file name to its provenance")
    lines = {line.split(":", 1)[0]: n for n, line in enumerate(text.splitlines(), 1) if line and line[0] not in " #"}
    entries = {}
    for name, value in raw.items():
        located = Located(lines.get(name, 1), value if isinstance(value, dict) else {})
        single = next((f for f in ("title", "source", "licence", "citation") if f in located.values), None)
        if single is not None:
            why = f"give this text in both languages, as {single}_fr and {single}_en (entry {name!r})"
            defects.add(DataError(file, located.row, single, why))
            continue
        entry = _checked(SourceEntry, file, located, defects)
        if entry is not None:
            entries[name] = entry
    for data_file in sorted(p.name for p in path.parent.iterdir() if p.is_file()):  # folders (drafts) are not data
        if data_file not in raw and data_file not in UNSOURCED:
            defects.add(DataError(file, None, data_file, "this entry of the data folder has no provenance entry"))
    return entries


@dataclass(frozen=True)
class Dataset:
    """One data file: its name in the data folder, its loader, and the data sets whose ids its references are
    checked against (passed to the loader in that order)."""

    file: str
    load: Callable[..., object]
    checks: tuple[str, ...] = ()


DATASETS: dict[str, Dataset] = {  # the one list of data files, each after the ones it refers to
    "regions": Dataset("regions.geojson", load_regions),
    "provinces": Dataset("provinces_bfa.geojson", load_provinces, ("regions",)),
    "context": Dataset("context.geojson", load_context),
    "places": Dataset("places.csv", load_places, ("regions",)),
    "zones": Dataset("lg_zone.yaml", load_zones, ("regions",)),
    "admin_changes": Dataset("admin_changes.yaml", load_admin_changes, ("regions",)),
    "today_units": Dataset("admin_today.yaml", load_today_units, ("regions", "provinces", "admin_changes")),
    "admin_today": Dataset("admin_today.geojson", load_admin_today, ("today_units",)),
    "documents": Dataset("documents.yaml", load_documents),
    "provisions": Dataset("provisions.yaml", load_provisions, ("documents",)),
    "actors": Dataset("actors.yaml", load_actors),
    "events": Dataset("events.csv", load_events, ("regions", "provisions", "actors", "places")),
    "rule_periods": Dataset("rule_periods.csv", load_rule_periods),
    "sources": Dataset("SOURCES.yaml", load_sources),
}


def ids_of(loaded: object) -> set[str]:
    """The ids of a loaded data set (a table indexed by id, or a tuple of records with an `id`)."""
    if isinstance(loaded, tuple):
        return {item.id for item in loaded}  # type: ignore[attr-defined]
    return set(loaded.index)  # type: ignore[attr-defined]


def check_all(folder: Path) -> list[DataError]:
    """Every defect of every data file, cross-references included (for `python -m liptako.validate`); a file that
    cannot be read at all skips the reference checks that need it (it reports its own error)."""
    defects = Defects(keep=True)
    loaded: dict[str, object] = {}
    for kind, dataset in DATASETS.items():
        refs = [ids_of(loaded[k]) if loaded.get(k) is not None else None for k in dataset.checks]
        try:
            loaded[kind] = dataset.load(folder / dataset.file, *refs, defects=defects)
        except DataError as error:  # a defect that makes the rest of the file unreadable
            defects.found.append(error)
            loaded[kind] = None
    return defects.found


UNSOURCED = {"SOURCES.yaml"}
"""The one file in `data/` without an entry of its own: the provenance file itself."""
