"""Support code shared by the tests and by `scripts/bench.py` (not part of the `liptako` package)."""
