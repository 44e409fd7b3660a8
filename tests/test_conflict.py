"""The conflict-data import (`liptako import`, `liptako summary`) on small generated files of both shapes: never
real ACLED or UCDP data. Counts must equal what the generator put in each region; a refused file must leave the
store byte for byte as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import re
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
import shapely

from liptako import cli, conflict

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("gen_conflict", ROOT / "scripts" / "gen_conflict.py")
gen = importlib.util.module_from_spec(_spec)
sys.modules["gen_conflict"] = gen
_spec.loader.exec_module(gen)


@pytest.fixture(scope="module")
def files(regions, tmp_path_factory):
    """One small file of each shape, with border events, other countries, rows without coordinates, repeats."""
    out = tmp_path_factory.mktemp("conflict")
    ucdp = gen.generate("ucdp", 900, out / "ged.csv", regions, seed=3, share_inside=0.3)
    acled = gen.generate("acled", 600, out / "acled.csv", regions, seed=4)
    return {"ucdp": (out / "ged.csv", ucdp), "acled": (out / "acled.csv", acled)}


@pytest.fixture(scope="module")
def filled(files, regions, tmp_path_factory):
    """A store holding both small files, to copy."""
    path = tmp_path_factory.mktemp("filled") / "store"
    for source in ("acled", "ucdp"):
        conflict.import_file(files[source][0], path, regions)
    return path


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "store"
    monkeypatch.setenv("LIPTAKO_STORE", str(path))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_each_shape_gives_the_generators_counts(files, regions, store, capsys):
    for source in ("ucdp", "acled"):
        path, truth = files[source]
        code, out, err = run(capsys, "import", str(path))
        assert code == 0, err
        assert "10 rows repeated an event id" in err
        assert (store / f"{source}.parquet").is_file()
    expected = files["ucdp"][1].merged(files["acled"][1]).csv(list(regions.index))
    assert out == expected
    assert len(out.splitlines()) == len(regions) + 1
    assert sum(files["ucdp"][1].events.values()) == pq.ParquetFile(store / "ucdp.parquet").metadata.num_rows
    code, again, _ = run(capsys, "summary")
    assert (code, again) == (0, expected)


def test_border_events_go_to_the_smaller_id(regions):
    """A vertex shared by two regions counts once, for the region whose id sorts first."""
    rng = np.random.default_rng(0)
    points = gen.border_points(regions, 15, rng)
    assert len(points) == 15
    lon, lat = np.array([p[0] for p in points]), np.array([p[1] for p in points])
    found, nearest = conflict.assign(lon, lat, regions)
    assert [str(regions.index[i]) for i in found] == [p[2] for p in points]
    assert not nearest.any()
    # Far from every region: none; just outside the border (the boundaries are simplified): the nearest region.
    north = shapely.get_coordinates(regions.geometry.union_all().exterior)
    top = north[north[:, 1].argmax()]
    found, nearest = conflict.assign(np.array([0.0, top[0]]), np.array([40.0, top[1] + 0.01]), regions)
    assert found[0] == -1 and found[1] >= 0 and nearest[1]


def test_reimport_replaces_and_changes_nothing(files, store, capsys):
    path, _ = files["ucdp"]
    run(capsys, "import", str(path))
    first = pq.read_table(store / "ucdp.parquet")
    code, out_first, _ = run(capsys, "summary")
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and out == out_first
    assert pq.read_table(store / "ucdp.parquet").equals(first)
    assert sorted(p.name for p in store.iterdir()) == ["ucdp.parquet"]  # no temporary file left behind


def test_sources_are_kept_apart(files, store, capsys):
    run(capsys, "import", str(files["acled"][0]))
    run(capsys, "import", str(files["ucdp"][0]))
    months = conflict.monthly(store)
    assert set(months["source"]) == {"acled", "ucdp"}
    by_source = months.groupby("source")["events"].sum()
    assert by_source["acled"] == sum(files["acled"][1].events.values())
    assert by_source["ucdp"] == sum(files["ucdp"][1].events.values())
    infos = {i.source: i for i in conflict.info(store)}
    assert infos["acled"].file == "acled.csv" and infos["ucdp"].file == "ged.csv"


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def _kept_row(lines: list[bytes], code: bytes) -> int:
    """The index of the first line of an event of the three countries (its country code field is `code`)."""
    return next(i for i, line in enumerate(lines) if i and b'"' + code + b'"' in line)


BAD = {
    "truncated mid-row": lambda lines, ucdp: b"".join(lines[:40]) + lines[40][: len(lines[40]) // 3],
    "truncated in a quote": lambda lines, ucdp: b"".join(lines[:40]) + lines[40][:20],
    "another shape": lambda lines, ucdp: b"a,b,c\n1,2,3\n",
    "empty": lambda lines, ucdp: b"",
    # A country name re-saved as Latin-1 ("Côte d'Ivoire"); bytes in columns the import does not read are not checked.
    "latin-1": lambda lines, ucdp: (
        b"".join(lines[:30])
        + re.sub(
            rb'"(Mali|Niger|Burkina Faso|Nigeria|Chad|Somalia|Colombia)"',
            lambda m: m.group(0)[:-1] + b' \xf4"',
            lines[30],
        )
        + b"".join(lines[31:])
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
@pytest.mark.parametrize("source", ["ucdp", "acled"])
def test_a_refused_file_leaves_the_store_untouched(case, source, files, filled, store, capsys, tmp_path):
    shutil.copytree(filled, store)
    before = snapshot(store)
    bad = tmp_path / f"bad {case}.csv"
    bad.write_bytes(BAD[case](_lines(files[source][0]), source == "ucdp"))
    code, out, err = run(capsys, "import", str(bad))
    assert code == 1 and out == ""
    assert str(bad) in err
    expected = {"another shape": "header", "empty": "row 0", "latin-1": "line 31"}.get(case, "row 40")
    assert expected in err, err
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("column", "value", "what"),
    [("latitude", b"", "latitude: missing"), ("longitude", b"east", "longitude: not a number"),
     ("date", b"someday", "not a date"), ("fatalities", b"-3", "not a count")],
)  # fmt: skip
@pytest.mark.parametrize("source", ["ucdp", "acled"])
def test_a_bad_value_in_a_kept_row_is_refused_with_its_row(source, column, value, what, files, store, capsys, tmp_path):
    fmt = conflict.UCDP if source == "ucdp" else conflict.ACLED
    name = {"date": fmt.date, "fatalities": fmt.fatalities}.get(column, column)
    frame = pd.read_csv(files[source][0], dtype=str, keep_default_na=False)
    at = int(np.flatnonzero(frame[fmt.country_code].isin(list(fmt.codes)))[5])
    frame.loc[at, name] = value.decode()
    bad = tmp_path / "bad.csv"
    frame.to_csv(bad, index=False)
    code, _, err = run(capsys, "import", str(bad))
    assert code == 1
    assert f"{bad}: row {at + 1} (id " in err and what in err and name in err, err
    assert not store.exists() or not any(store.iterdir())


def test_rows_outside_the_three_countries_may_lack_coordinates(files):
    lines = _lines(files["ucdp"][0])
    assert any(b'"475"' in line and b',"","",' in line for line in lines)  # the generator's rows without them


def test_older_acled_dates_and_spreadsheet_codes(regions, tmp_path):
    path = tmp_path / "acled.csv"
    truth = gen.generate("acled", 60, path, regions, seed=9, borders=0, duplicates=0, no_coordinates=0)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["event_date"] = pd.to_datetime(frame["event_date"]).dt.strftime("%d %B %Y")
    frame["iso"] = frame["iso"] + ".0"
    frame.to_csv(path, index=False)
    _, events, report = conflict.read(path, regions)
    assert report.kept == sum(truth.events.values())
    assert events.column("date").type.bit_width == 32


def test_summary_of_an_empty_store(regions, store, capsys):
    code, out, err = run(capsys, "summary")
    assert code == 0 and "no conflict data" in err
    assert out.splitlines()[0] == "region,events,fatalities"
    assert out.splitlines()[1:] == [f"{r},0,0" for r in sorted(regions.index)]


def test_the_store_is_never_in_the_repository(monkeypatch, capsys):
    monkeypatch.setenv("LIPTAKO_STORE", str(ROOT / "store"))
    code, _, err = run(capsys, "summary")
    assert code == 2 and "inside the repository" in err
    assert not (ROOT / "store").exists()
    monkeypatch.delenv("LIPTAKO_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", "/nowhere")
    assert conflict.default_store() in (Path("/nowhere/liptako"), conflict.default_store())


def test_queries_for_the_views(files, regions, store, capsys):
    run(capsys, "import", str(files["acled"][0]))
    months = conflict.monthly(store)
    totals = conflict.per_region(months, regions.index)
    assert list(totals.index) == list(regions.index)
    assert totals["events"].sum() == sum(files["acled"][1].events.values())
    some = conflict.per_region(months, regions.index, dt.date(2020, 1, 15), dt.date(2020, 3, 1))
    frame = pq.read_table(store / "acled.parquet").to_pandas()
    within = frame[(frame["date"] >= dt.date(2020, 1, 1)) & (frame["date"] < dt.date(2020, 4, 1))]
    assert some["events"].sum() == len(within)
    rid = totals["events"].idxmax()
    series = conflict.region_months(months, rid)
    assert series.sum().sum() == totals.loc[rid, "events"]
    assert series.index.is_monotonic_increasing


def _apptest_store(regions, tmp_path, monkeypatch) -> Path:
    store = tmp_path / "store"
    gen.generate("acled", 400, tmp_path / "acled.csv", regions, seed=5)
    gen.generate("ucdp", 400, tmp_path / "ged.csv", regions, seed=6)
    for name in ("acled.csv", "ged.csv"):
        conflict.import_file(tmp_path / name, store, regions)
    monkeypatch.setenv("LIPTAKO_STORE", str(store))
    return store


def test_map_colours_by_conflict_and_the_panel_shows_its_months(regions, tmp_path, monkeypatch):
    from .conftest import run_page

    store = _apptest_store(regions, tmp_path, monkeypatch)
    at = run_page("map", "en", {"region": "NE-6", "colour": "conflict", "from": "2015-01-01", "to": "2019-12-31"})
    assert not at.exception
    radio = at.radio(key="colour_choice")
    assert radio.value == "conflict" and radio.options[-2:] == [
        "Conflict events (ACLED / UCDP file)",
        "Conflict deaths (ACLED / UCDP file)",
    ]
    assert at.radio(key="conflict_source").value == "acled"
    months = conflict.monthly(store)
    totals = conflict.per_region(months, regions.index, dt.date(2015, 1, 1), dt.date(2019, 12, 31), ["acled"])
    legend = " ".join(str(h.proto.body) for h in at.get("html"))
    assert f"{totals['events'].sum():,} in all" in legend
    captions = " ".join(c.value for c in at.caption).replace("\\", "")  # Markdown escapes
    assert "used under its terms, not redistributed" in captions and "acled.csv" in captions
    assert "Sundberg" in captions  # the panel names both sources: UCDP with its citation
    assert at.get("plotly_chart")  # the region's sparkline
    at.radio(key="conflict_source").set_value("ucdp").run()
    legend = " ".join(str(h.proto.body) for h in at.get("html"))
    ucdp = conflict.per_region(months, regions.index, dt.date(2015, 1, 1), dt.date(2019, 12, 31), ["ucdp"])
    assert f"{ucdp['events'].sum():,} in all" in legend


def test_without_a_store_the_map_says_so(tmp_path, monkeypatch):
    from .conftest import run_page

    monkeypatch.setenv("LIPTAKO_STORE", str(tmp_path / "empty"))
    at = run_page("map", "fr", {"region": "NE-6", "colour": "fatalities"})
    assert not at.exception
    assert at.radio(key="colour_choice").value == "country"
    assert "conflict" not in " ".join(at.radio(key="colour_choice").options).lower()
    assert any("aucun fichier ACLED ou UCDP" in i.value for i in at.info)
    assert any("Aucune donnée de conflit chargée" in c.value for c in at.caption)
    assert not at.get("plotly_chart")


def test_a_session_upload_is_read_in_memory_by_the_same_parser(files, regions, tmp_path, monkeypatch):
    from .conftest import run_page

    path, truth = files["acled"]
    loaded, report = conflict.load_upload("my export.csv", path.read_bytes(), regions, "")
    assert report.kept == sum(truth.events.values())
    totals = conflict.per_region(loaded.months, regions.index)
    assert dict(totals["events"][totals["events"] > 0]) == dict(truth.events)
    with pytest.raises(conflict.ConflictImportError, match=r"my export\.csv: row 40"):
        conflict.load_upload("my export.csv", b"".join(_lines(path)[:41])[:-30], regions, "")

    monkeypatch.setenv("LIPTAKO_STORE", str(tmp_path / "empty"))  # nothing on disk: the upload alone
    at = run_page("map", "en")
    at.session_state["conflict_upload"] = loaded
    at.query_params["region"] = "NE-6"
    at.query_params["colour"] = "conflict"
    at.run()
    assert not at.exception
    assert at.radio(key="colour_choice").value == "conflict"
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "File my export.csv" in captions and "read for this session only, not stored" in captions
    assert not (tmp_path / "empty").exists()
