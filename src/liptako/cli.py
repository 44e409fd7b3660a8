"""`liptako import FILE` and `liptako summary` (also `python -m liptako …`): the analyst's conflict data into the
local store, and the per-region summary of what the store holds.

The summary (`region,events,fatalities`, CSV) goes to standard output, so it can be piped; progress and messages go
to standard error. Exit status: 0 done, 1 the file was refused (the store is left as it was), 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from liptako import conflict
from liptako.data import DataError, default_data_dir, load_regions


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _inside_checkout(store: Path) -> bool:
    """Whether the store would sit inside this checkout (where a commit could carry licensed data away)."""
    root = default_data_dir().resolve().parent
    if not (root / "pyproject.toml").is_file():
        return False
    return store.resolve() == root or root in store.resolve().parents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="liptako", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    imp = commands.add_parser("import", help="import an ACLED export or a UCDP GED / candidate-events CSV")
    imp.add_argument("file", type=Path)
    commands.add_parser("summary", help="print region,events,fatalities for everything in the store")
    args = parser.parse_args(argv)

    store = conflict.default_store()
    if _inside_checkout(store):
        _say(f"liptako: the store {store} is inside the repository; set LIPTAKO_STORE to a folder outside it")
        return 2
    try:
        regions = load_regions(default_data_dir() / "regions.geojson")
    except DataError as error:
        _say(f"liptako: {error}")
        return 1

    if args.command == "import":
        started = time.perf_counter()
        _say(f"liptako: reading {args.file}")
        try:
            report = conflict.import_file(args.file, store, regions)
        except conflict.ConflictImportError as error:
            _say(f"liptako: refused, the store is unchanged: {error}")
            return 1
        _say(
            f"liptako: {report.source.upper()}: {report.rows} rows read, {report.kept} events of Mali, Burkina Faso "
            f"and Niger stored in {store} ({time.perf_counter() - started:.1f} s)"
        )
        if report.duplicates:
            _say(f"liptako: {report.duplicates} rows repeated an event id already read and were skipped")
        if report.nearest:
            _say(
                f"liptako: {report.nearest} events just outside the map's simplified boundaries went to the nearest "
                "region"
            )
        if report.outside:
            _say(f"liptako: {report.outside} events lie outside every region of the map and were left out")

    sources = conflict.info(store)
    if not sources:
        _say(f"liptako: no conflict data in {store} yet (liptako import FILE)")
    for source in sources:
        _say(
            f"liptako: in the store: {source.source.upper()} from {source.file}, {source.events} events, "
            f"{source.first} to {source.last}, imported {source.imported}"
        )
    sys.stdout.write(conflict.summary_csv(conflict.monthly(store), regions.index))
    return 0


if __name__ == "__main__":
    sys.exit(main())
