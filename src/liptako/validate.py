"""Check every data file and print every defect as `file:row: field: what is wrong`.

Usage: `python -m liptako.validate [DATA_DIR]` (or `make check-data`). Exits 1 if anything is wrong, so that it can
guard a commit or CI; the dashboard itself stops at the first defect of a file and says which.
"""

from __future__ import annotations

import sys
from pathlib import Path

from liptako.data import DATASETS, check_all, default_data_dir


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else default_data_dir()
    defects = check_all(folder)
    for defect in defects:
        print(defect)
    if defects:
        files = len({d.file for d in defects})
        print(f"\n{len(defects)} defect(s) in {files} file(s) of {folder}.", file=sys.stderr)
        return 1
    print(f"All {len(DATASETS)} data files of {folder} are valid, cross-references included.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
