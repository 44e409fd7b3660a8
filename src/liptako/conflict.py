"""The analyst's own conflict data (an ACLED export or a UCDP GED / candidate-events CSV): read, placed in the
map's admin-1 regions, stored locally as Parquet, and aggregated for the views.

The files never ship with the app (ACLED's terms forbid redistribution) and never live in the repository: the store
is the folder named by `LIPTAKO_STORE`, by default a per-user data folder. One Parquet file per source
(`acled.parquet`, `ucdp.parquet`), written beside its final name and renamed over it, so a failed import leaves the
store exactly as it was and a re-import of a source replaces it.

Reading: only the needed columns, with pyarrow's multi-threaded CSV reader, every column as text first so that a
bad value is reported with its row (the reader itself does not say which row). Placing: the events of Mali, Burkina
Faso and Niger (by the files' country codes) are matched to `data/regions.geojson` through a spatial index (one
STRtree query for all points); a point on a shared border goes to the region with the smallest id, and a point just
outside every polygon (the boundaries are simplified) to the nearest region within `NEAREST_DEGREES`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import sys
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import shapely

SOURCES = ("acled", "ucdp")
SOURCE_NAMES = {"acled": "ACLED", "ucdp": "UCDP GED"}
"""How the views name each source (proper names, the same in every language)."""
NEAREST_DEGREES = 0.1
"""How far (in degrees, about 11 km) outside the simplified boundaries a point of the three countries may lie and
still be given the nearest region; beyond it the event is left out and counted in the import's report."""


@dataclass(frozen=True)
class Format:
    source: str
    id: str
    date: str
    fatalities: str
    country_code: str
    country_name: str
    codes: dict[str, str]
    """The three countries' codes in `country_code` → ISO 3166-1 alpha-3."""
    kind: str
    actor1: str
    actor2: str
    signature: tuple[str, ...]
    """Columns only this format has: how a file is recognised."""

    @property
    def columns(self) -> tuple[str, ...]:
        return (
            self.id,
            self.date,
            self.fatalities,
            self.country_code,
            self.country_name,
            self.kind,
            self.actor1,
            self.actor2,
            "latitude",
            "longitude",
        )


# ACLED: `iso` is the ISO 3166-1 numeric code (Mali 466, Burkina Faso 854, Niger 562); `event_date` is ISO
# (YYYY-MM-DD) in current exports, "15 March 2023" in older ones.
ACLED = Format(
    source="acled",
    id="event_id_cnty",
    date="event_date",
    fatalities="fatalities",
    country_code="iso",
    country_name="country",
    codes={"466": "MLI", "854": "BFA", "562": "NER"},
    kind="event_type",
    actor1="actor1",
    actor2="actor2",
    signature=("event_id_cnty", "event_date", "sub_event_type"),
)
# UCDP GED and candidate events: `country_id` is the Gleditsch-Ward code (Mali 432, Burkina Faso 439, Niger 436);
# `date_start` is "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS.000"; `best` is the best estimate of deaths.
UCDP = Format(
    source="ucdp",
    id="id",
    date="date_start",
    fatalities="best",
    country_code="country_id",
    country_name="country",
    codes={"432": "MLI", "439": "BFA", "436": "NER"},
    kind="type_of_violence",
    actor1="side_a",
    actor2="side_b",
    signature=("type_of_violence", "date_start", "side_a"),
)
FORMATS = (ACLED, UCDP)
UCDP_VIOLENCE = {"1": "state-based", "2": "non-state", "3": "one-sided"}

SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("date", pa.date32()),
        ("region", pa.string()),
        ("country", pa.string()),
        ("fatalities", pa.int32()),
        ("kind", pa.string()),
        ("actor1", pa.string()),
        ("actor2", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
    ]
)


class ConflictImportError(Exception):
    """A file that cannot be imported; the message names the file and the row or column."""


@dataclass(frozen=True)
class Report:
    source: str
    rows: int
    kept: int
    duplicates: int
    outside: int
    """Events of the three countries whose coordinates fall in no region (even within NEAREST_DEGREES)."""
    nearest: int
    """Events placed in the nearest region, their point lying just outside the simplified boundaries."""


# ---------------------------------------------------------------- where the store is


def default_store() -> Path:
    """`LIPTAKO_STORE`, else the per-user data folder (XDG on Linux, Application Support on macOS, LOCALAPPDATA on
    Windows), never inside the repository: the analyst's licensed data must not end up in a commit."""
    setting = os.environ.get("LIPTAKO_STORE")
    if setting:
        return Path(setting).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local")) / "liptako"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "liptako"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "liptako"


def store_files(store: Path) -> dict[str, Path]:
    """The sources present in the store and their files."""
    return {s: store / f"{s}.parquet" for s in SOURCES if (store / f"{s}.parquet").is_file()}


# ---------------------------------------------------------------- reading


def _fail(path: Path, where: str, what: str) -> ConflictImportError:
    return ConflictImportError(f"{path}: {where}: {what}")


def _open(path: Path, data: bytes | None) -> typing.BinaryIO:
    """The file, or the same bytes held in memory (a session upload: nothing is written to disk)."""
    return io.BytesIO(data) if data is not None else path.open("rb")


def _header(path: Path, data: bytes | None = None) -> list[str]:
    try:
        with _open(path, data) as handle:
            first = handle.readline(1 << 20)
    except OSError as error:
        raise _fail(path, "file", error.strerror or str(error)) from error
    if not first.strip():
        raise _fail(path, "row 0 (header)", "the file is empty")
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _fail(path, "row 0 (header)", "not UTF-8 text (ACLED and UCDP CSVs are UTF-8)") from error
    return [c.strip() for c in next(csv.reader([text]))]


def detect(path: Path, header: list[str] | None = None) -> Format:
    """The format of a CSV, from its header's documented column names."""
    columns = set(header if header is not None else _header(path))
    for fmt in FORMATS:
        if set(fmt.signature) <= columns:
            missing = [c for c in fmt.columns if c not in columns]
            if missing:
                raise _fail(path, "header", f"an {fmt.source.upper()} file without the column(s) {', '.join(missing)}")
            return fmt
    raise _fail(
        path,
        "header",
        "neither an ACLED export (event_id_cnty, event_date, sub_event_type, …) nor a UCDP GED / candidate CSV "
        "(id, type_of_violence, date_start, side_a, …)",
    )


def _diagnose(path: Path, width: int, data: bytes | None = None) -> str:
    """Where a CSV that the fast reader refused goes wrong: the first row that is not UTF-8, has the wrong number
    of fields, or opens a quote that never closes (a truncated file). Runs only on the failure path."""
    with _open(path, data) as raw:
        for number, line in enumerate(raw):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return f"line {number + 1}: not UTF-8 text (ACLED and UCDP CSVs are UTF-8; re-save it as UTF-8)"
    with io.TextIOWrapper(_open(path, data), encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        number = -1  # the header is row 0, the first event row 1 (as in every message of the import)
        try:
            for number, fields in enumerate(reader):  # noqa: B007 - read after the loop on a csv.Error
                if number and fields and len(fields) != width:
                    return f"row {number}: {len(fields)} fields where the header has {width} (truncated file?)"
        except csv.Error as error:
            return f"row {number + 1}: {error} (truncated file?)"
    return "unreadable CSV"


def _numbers(path: Path, table: pa.Table, column: str, rows: np.ndarray, ids: pa.Array) -> np.ndarray:
    """A text column as floats; an empty or non-numeric cell of a kept row is refused with its row."""
    text = table.column(column).combine_chunks()
    values = pd.to_numeric(pd.Series(text.to_numpy(zero_copy_only=False)), errors="coerce").to_numpy(float)
    bad = np.flatnonzero(~np.isfinite(values))
    if len(bad):
        first = bad[0]
        cell = text[first].as_py()
        what = "missing" if not (cell or "").strip() else f"not a number: {cell!r}"
        raise _fail(path, f"row {rows[first] + 1} (id {ids[first].as_py()})", f"{column}: {what}")
    return values


def _dates(path: Path, fmt: Format, table: pa.Table, rows: np.ndarray, ids: pa.Array) -> np.ndarray:
    text = pd.Series(table.column(fmt.date).combine_chunks().to_numpy(zero_copy_only=False), dtype="string")
    iso = pd.to_datetime(text.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    if iso.isna().any():  # older ACLED exports: "15 March 2023"
        spelt = pd.to_datetime(text.where(iso.isna()), format="%d %B %Y", errors="coerce")
        iso = iso.fillna(spelt)
    bad = np.flatnonzero(iso.isna().to_numpy())
    if len(bad):
        first = bad[0]
        raise _fail(
            path, f"row {rows[first] + 1} (id {ids[first].as_py()})", f"{fmt.date}: not a date: {text[first]!r}"
        )
    return iso.to_numpy("datetime64[D]")


def read(path: Path, regions: gpd.GeoDataFrame, data: bytes | None = None) -> tuple[Format, pa.Table, Report]:
    """The events of Mali, Burkina Faso and Niger in an ACLED or UCDP CSV, each with its region; raises
    `ConflictImportError` naming the file and the row or column of the first defect. With `data`, the file's
    bytes are read from memory and `path` only names it."""
    path = Path(path)
    header = _header(path, data)
    fmt = detect(path, header)
    columns = list(dict.fromkeys(fmt.columns))
    try:
        table = pacsv.read_csv(
            path if data is None else pa.BufferReader(data),
            read_options=pacsv.ReadOptions(block_size=16 << 20),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                include_columns=columns, column_types={c: pa.string() for c in columns}, strings_can_be_null=False
            ),
        )
    except (pa.ArrowInvalid, OSError) as error:
        raise _fail(path, *_diagnose(path, len(header), data).split(": ", 1)) from error
    total = table.num_rows

    code = pc.utf8_trim_whitespace(table.column(fmt.country_code))
    # A code written as a number with a decimal part ("466.0") by a spreadsheet is still the code.
    code = pc.replace_substring_regex(code, r"\.0+$", "")
    keep = pc.is_in(code, value_set=pa.array(list(fmt.codes)))
    rows = np.flatnonzero(keep.to_numpy(zero_copy_only=False))
    table = table.take(rows)
    ids = pc.utf8_trim_whitespace(table.column(fmt.id)).combine_chunks()

    empty_id = np.flatnonzero(pc.equal(ids, "").to_numpy(zero_copy_only=False))
    if len(empty_id):
        raise _fail(path, f"row {rows[empty_id[0]] + 1}", f"{fmt.id}: missing")
    lat = _numbers(path, table, "latitude", rows, ids)
    lon = _numbers(path, table, "longitude", rows, ids)
    out_of_range = np.flatnonzero((np.abs(lat) > 90) | (np.abs(lon) > 180))
    if len(out_of_range):
        first = out_of_range[0]
        raise _fail(path, f"row {rows[first] + 1} (id {ids[first].as_py()})", "latitude/longitude: out of range")
    deaths = _numbers(path, table, fmt.fatalities, rows, ids)
    negative = np.flatnonzero((deaths < 0) | (deaths != np.round(deaths)))
    if len(negative):
        first = negative[0]
        raise _fail(path, f"row {rows[first] + 1} (id {ids[first].as_py()})", f"{fmt.fatalities}: not a count")
    dates = _dates(path, fmt, table, rows, ids)

    region, nearest = assign(lon, lat, regions)
    placed = region >= 0
    country = pd.Series(code.take(rows).to_numpy(zero_copy_only=False)).map(fmt.codes).to_numpy(object)
    kind = table.column(fmt.kind).combine_chunks()
    if fmt is UCDP:
        kind = pa.array(pd.Series(kind.to_numpy(zero_copy_only=False)).map(lambda k: UCDP_VIOLENCE.get(k, k)))
    region_ids = np.asarray(regions.index, dtype=object)
    events = pa.table(
        {
            "event_id": ids,
            "date": pa.array(dates, pa.date32()),
            "region": pa.array(np.where(placed, region_ids[np.maximum(region, 0)], None), pa.string()),
            "country": pa.array(country, pa.string()),
            "fatalities": pa.array(deaths.astype(np.int32)),
            "kind": kind,
            "actor1": table.column(fmt.actor1),
            "actor2": table.column(fmt.actor2),
            "latitude": pa.array(lat),
            "longitude": pa.array(lon),
        },
        schema=SCHEMA,
    ).filter(pa.array(placed))
    kept_before = events.num_rows
    # One row per event id: the first occurrence wins (a repeated row is a copy, not a second event).
    first_rows = pd.Series(events.column("event_id").to_numpy(zero_copy_only=False)).duplicated().to_numpy()
    events = events.filter(pa.array(~first_rows))
    report = Report(
        fmt.source,
        total,
        events.num_rows,
        kept_before - events.num_rows,
        int((~placed).sum()),
        int(nearest[placed].sum()),
    )
    return fmt, events, report


def assign(lon: np.ndarray, lat: np.ndarray, regions: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each point's region, as a position in `regions` (-1: none), by one spatial-index query: on a border shared
    by several regions, the first of them in `regions`' order (sorted by id); outside every region but within
    `NEAREST_DEGREES` of one, the nearest. Also returns which points were placed by nearness."""
    order = np.argsort(np.asarray(regions.index, dtype=str), kind="stable")
    geoms = regions.geometry.to_numpy()[order]
    tree = shapely.STRtree(geoms)
    points = shapely.points(lon, lat)
    found = np.full(len(points), np.iinfo(np.int64).max, dtype=np.int64)
    hit_point, hit_region = tree.query(points, predicate="covered_by")
    np.minimum.at(found, hit_point, hit_region)
    missing = np.flatnonzero(found == np.iinfo(np.int64).max)
    nearest = np.zeros(len(points), dtype=bool)
    if len(missing):
        near_point, near_region = tree.query_nearest(points[missing], max_distance=NEAREST_DEGREES, all_matches=True)
        np.minimum.at(found, missing[near_point], near_region)
        nearest[missing[near_point]] = True
    result = np.where(found == np.iinfo(np.int64).max, -1, order[np.minimum(found, len(order) - 1)])
    return result, nearest


# ---------------------------------------------------------------- storing


def write(store: Path, source: str, events: pa.Table, origin: Path) -> Path:
    """The source's Parquet file, written aside and renamed over the old one (atomic on one file system)."""
    store.mkdir(parents=True, exist_ok=True)
    final = store / f"{source}.parquet"
    temp = store / f".{source}.parquet.{os.getpid()}.tmp"
    meta = {
        b"liptako.source": source.encode(),
        b"liptako.file": origin.name.encode(),
        b"liptako.imported": dt.datetime.now(dt.UTC).isoformat(timespec="seconds").encode(),
    }
    events = events.sort_by([("region", "ascending"), ("date", "ascending")])
    try:
        pq.write_table(events.replace_schema_metadata(meta), temp, compression="zstd", row_group_size=256_000)
        os.replace(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return final


def import_file(path: Path, store: Path, regions: gpd.GeoDataFrame) -> Report:
    fmt, events, report = read(Path(path), regions)
    write(store, fmt.source, events, Path(path))
    return report


# ---------------------------------------------------------------- reading the store back


@dataclass(frozen=True)
class SourceInfo:
    source: str
    file: str
    imported: str
    events: int
    first: dt.date | None
    last: dt.date | None


def info(store: Path) -> list[SourceInfo]:
    """What each source in the store is: its original file's name, when it was imported, its span."""
    found = []
    for source, path in store_files(store).items():
        parquet = pq.ParquetFile(path)
        meta = parquet.schema_arrow.metadata or {}
        dates = pq.read_table(path, columns=["date"]).column("date")
        span = pc.min_max(dates).as_py() if len(dates) else {"min": None, "max": None}
        found.append(
            SourceInfo(
                source,
                meta.get(b"liptako.file", b"").decode(),
                meta.get(b"liptako.imported", b"").decode(),
                parquet.metadata.num_rows,
                span["min"],
                span["max"],
            )
        )
    return found


def _aggregate(table: pa.Table, source: str) -> pd.DataFrame:
    """One source's events and fatalities per region and month."""
    if not pa.types.is_dictionary(table.schema.field("region").type):
        table = table.set_column(
            table.schema.get_field_index("region"), "region", pc.dictionary_encode(table["region"])
        )
    # Grouped with NumPy on integer keys (region code × month): a few milliseconds for 100,000 events.
    region = table["region"].unify_dictionaries().combine_chunks()
    codes = region.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    names = np.asarray(region.dictionary.to_pylist(), dtype=object)
    months = table["date"].to_numpy().astype("datetime64[M]").astype(np.int64)
    first, span = months.min(), months.max() - months.min() + 1
    keys, position = np.unique(codes * span + (months - first), return_inverse=True)
    return pd.DataFrame(
        {
            "source": source,
            "region": names[keys // span],
            "month": (keys % span + first).astype("datetime64[M]").astype("datetime64[ns]"),
            "events": np.bincount(position),
            "fatalities": np.bincount(position, weights=table["fatalities"].to_numpy()).astype(np.int64),
        }
    )


def monthly(store: Path) -> pd.DataFrame:
    """Events and fatalities per source, region and month (first day of the month): the one aggregate the views
    read (a few thousand rows, whatever the size of the files)."""
    frames = []
    for source, path in store_files(store).items():
        table = pq.read_table(path, columns=["region", "date", "fatalities"], read_dictionary=["region"])
        if table.num_rows:
            frames.append(_aggregate(table, source))
    return _combine(frames)


def _combine(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame({"source": [], "region": [], "month": pd.to_datetime([]), "events": [], "fatalities": []})
    result = pd.concat(frames, ignore_index=True).sort_values(["source", "region", "month"], ignore_index=True)
    result["events"] = result["events"].astype("int64")
    result["fatalities"] = result["fatalities"].astype("int64")
    return result


def per_region(
    months: pd.DataFrame,
    region_ids: Iterable[str],
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    sources: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Events and fatalities per region over the months that overlap [date_from, date_to], every region listed."""
    chosen = months
    if sources is not None:
        chosen = chosen[chosen["source"].isin(list(sources))]
    if date_from is not None:
        chosen = chosen[chosen["month"] >= pd.Timestamp(date_from).to_period("M").to_timestamp()]
    if date_to is not None:
        chosen = chosen[chosen["month"] <= pd.Timestamp(date_to)]
    totals = chosen.groupby("region")[["events", "fatalities"]].sum()
    return totals.reindex(list(region_ids), fill_value=0).astype("int64")


def per_region_filtered(
    months: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    countries: Iterable[str],
    date_from: dt.date | None,
    date_to: dt.date | None,
    source: str,
) -> pd.DataFrame:
    """Events and fatalities per region of the map for one source, over the timeline's dates and countries (every
    region listed; regions of countries not chosen count zero)."""
    countries = list(countries)
    kept = regions.index[regions["country"].isin(countries)] if countries else regions.index
    return per_region(months, kept, date_from, date_to, [source]).reindex(regions.index, fill_value=0)


def months_filtered(
    months: pd.DataFrame,
    regions: gpd.GeoDataFrame,
    countries: Iterable[str],
    region: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    source: str,
) -> pd.DataFrame:
    """One source's events and fatalities per month over the timeline's filters: its countries, its region, the
    months overlapping its dates. Every month the source covers within those dates is listed (zeros kept, so a
    quiet month shows as one); months before the source's first event or after its last are left out rather than
    counted as zero, as the file says nothing about them."""
    columns = ["events", "fatalities"]
    mine = months[months["source"] == source]
    if mine.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in columns}, index=pd.DatetimeIndex([], name="month"))
    countries = list(countries)
    kept = regions.index[regions["country"].isin(countries)] if countries else regions.index
    if region is not None:
        kept = kept.intersection([region])
    first, last = mine["month"].min(), mine["month"].max()
    if date_from is not None:
        first = max(first, pd.Timestamp(date_from).to_period("M").to_timestamp())
    if date_to is not None:
        last = min(last, pd.Timestamp(date_to).to_period("M").to_timestamp())
    span = pd.date_range(first, last, freq="MS", name="month")  # empty when the dates miss the source's span
    totals = mine[mine["region"].isin(kept)].groupby("month")[columns].sum()
    return totals.reindex(span, fill_value=0).astype("int64")


def region_months(months: pd.DataFrame, region_id: str) -> pd.DataFrame:
    """One region's events and fatalities per month and source, every month of the store's span (zeros kept)."""
    chosen = months[months["region"] == region_id]
    if months.empty:
        return chosen
    span = pd.date_range(months["month"].min(), months["month"].max(), freq="MS")
    table = chosen.pivot_table(index="month", columns="source", values="events", aggfunc="sum", fill_value=0)
    return table.reindex(span, fill_value=0).rename_axis("month")


@dataclass(frozen=True)
class Loaded:
    """What the views read of the store: the region × month aggregate and what each source is."""

    months: pd.DataFrame
    sources: tuple[SourceInfo, ...]


def load(store: Path) -> Loaded | None:
    """The store's aggregate and sources; None when no file has been imported."""
    if not store_files(store):
        return None
    return Loaded(monthly(store), tuple(info(store)))


def load_upload(name: str, data: bytes, regions: gpd.GeoDataFrame, imported: str) -> tuple[Loaded, Report]:
    """A file uploaded for one session, read by the same parser as `liptako import` but kept in memory only (and
    only its aggregate); `imported` is what the views say in place of an import date."""
    fmt, events, report = read(Path(name), regions, data)
    months = _combine([_aggregate(events, fmt.source)] if events.num_rows else [])
    span = pc.min_max(events["date"]).as_py() if events.num_rows else {"min": None, "max": None}
    source = SourceInfo(fmt.source, Path(name).name, imported, events.num_rows, span["min"], span["max"])
    return Loaded(months, (source,)), report


def summary_csv(months: pd.DataFrame, region_ids: Iterable[str]) -> str:
    """`region,events,fatalities`, one row per region id, sorted, over every source in the store."""
    totals = per_region(months, sorted(region_ids))
    out = io.StringIO()
    out.write("region,events,fatalities\n")
    for rid, row in totals.iterrows():
        out.write(f"{rid},{row['events']},{row['fatalities']}\n")
    return out.getvalue()


__all__ = [
    "ACLED",
    "Loaded",
    "UCDP",
    "ConflictImportError",
    "Report",
    "default_store",
    "detect",
    "import_file",
    "info",
    "load",
    "load_upload",
    "monthly",
    "months_filtered",
    "per_region",
    "read",
    "region_months",
    "summary_csv",
]
