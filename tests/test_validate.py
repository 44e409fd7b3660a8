"""The validation command an editor runs: quiet on sound data, and every planted defect reported, located."""

import csv
from pathlib import Path

from liptako import validate


def test_real_data_is_valid(capsys) -> None:  # noqa: ANN001
    assert validate.main([]) == 0
    assert "are valid" in capsys.readouterr().out


def _edit_csv(path: Path, row: int, field: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    rows[row - 2][field] = value  # row numbers count the header as row 1
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_five_planted_defects_are_all_reported(data_copy: Path, capsys) -> None:  # noqa: ANN001
    _edit_csv(data_copy / "events.csv", 5, "date", "2023-02-30")  # impossible date
    _edit_csv(data_copy / "events.csv", 9, "region_ids", "NE-42")  # dangling region
    _edit_csv(data_copy / "events.csv", 12, "sources", "")  # missing source
    _edit_csv(data_copy / "rule_periods.csv", 3, "kind", "royal")  # value outside the list
    places = data_copy / "places.csv"
    first_id = places.read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    _edit_csv(places, 7, "id", first_id)  # duplicate id

    assert validate.main([str(data_copy)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line]
    located = {tuple(line.split(": ", 2)[:2]) for line in lines}
    assert located == {
        ("data/events.csv:5", "date"),
        ("data/events.csv:9", "region_ids"),
        ("data/events.csv:12", "sources"),
        ("data/rule_periods.csv:3", "kind"),
        ("data/places.csv:7", "id"),
    }


def test_contributing_example_row_fits_the_events_contract(data_copy: Path) -> None:
    """The worked example in CONTRIBUTING.md stays in step with the columns of events.csv."""
    guide = (Path(__file__).resolve().parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    row = next(line.strip() for line in guide.splitlines() if line.strip().startswith("mli-2026-03-10-boni-example,"))
    with (data_copy / "events.csv").open("a", encoding="utf-8") as fh:
        fh.write(row + "\n")
    from liptako import data

    events = data.load_events(data_copy / "events.csv")
    assert "mli-2026-03-10-boni-example" in events.index
