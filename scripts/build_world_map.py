"""Generate extract/report/world_110m.json: one compact SVG path per country, keyed by ISO alpha-3.

Source: Natural Earth 1:110m countries (public domain) as TopoJSON from the npm package
``world-atlas`` 2.0.2 (ISC, Michael Bostock). Fetch and convert it once:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/build_world_map.py /tmp/package/countries-110m.json

world-atlas ids are ISO 3166-1 numeric codes, mapped to alpha-3 with pycountry; the three shapes
without an id are assigned by name (Northern Cyprus to CYP, Somaliland to SOM, Kosovo to the
user-assigned XKX). Antarctica is left out (news maps rarely need it and it doubles the height).
Coordinates are projected with the Natural Earth projection (Šavrič et al. 2011) and rounded to
whole units of a 1000-wide view box; paths use relative moves, so the file stays small.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pycountry

OUTPUT = Path(__file__).resolve().parents[1] / "extract" / "report" / "world_110m.json"
WIDTH = 1000
UNNUMBERED = {"N. Cyprus": "CYP", "Somaliland": "SOM", "Kosovo": "XKX"}
LEFT_OUT = {"ATA"}
ATTRIBUTION = (
    "Made with Natural Earth (public domain), 1:110m countries v4.1.0, via the npm package "
    "world-atlas 2.0.2 (ISC licence, copyright 2013-2019 Michael Bostock)."
)


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """The Natural Earth projection of a point in degrees, in radians-sized units."""
    lam, phi = math.radians(lon), math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


X_EXTENT = natural_earth(180, 0)[0]
Y_EXTENT = natural_earth(0, 90)[1]
SCALE = WIDTH / (2 * X_EXTENT)


def to_view(lon: float, lat: float) -> tuple[int, int]:
    x, y = natural_earth(lon, lat)
    return round((x + X_EXTENT) * SCALE), round((Y_EXTENT - y) * SCALE)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_lonlat(
    ring: list[int], arcs: list[list[tuple[float, float]]]
) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Longitudes made continuous: a ring crossing the antimeridian goes past ±180 instead of
    jumping across the whole map."""
    result = [points[0]]
    for lon, lat in points[1:]:
        previous = result[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        result.append((lon, lat))
    return result


def clip(
    points: list[tuple[float, float]], limit: float, keep_below: bool
) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a closed ring on one side of the meridian ``limit``."""

    def inside(point: tuple[float, float]) -> bool:
        return point[0] <= limit if keep_below else point[0] >= limit

    result: list[tuple[float, float]] = []
    if not points:
        return result
    for current, following in zip(points, [*points[1:], points[0]], strict=True):
        if inside(current):
            result.append(current)
        if inside(current) != inside(following):
            (x1, y1), (x2, y2) = current, following
            result.append((limit, y1 + (y2 - y1) * (limit - x1) / (x2 - x1)))
    return result


def split_at_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """The ring, or its pieces on either side of the antimeridian, each within ±180."""
    points = unwrap(points)
    if all(-180 <= lon <= 180 for lon, _ in points):
        return [points]
    pieces = []
    for offset in (0, 360, -360):
        shifted = [(lon + offset, lat) for lon, lat in points]
        piece = clip(clip(shifted, 180, keep_below=True), -180, keep_below=False)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


def project(points: list[tuple[float, float]]) -> list[tuple[int, int]]:
    projected: list[tuple[int, int]] = []
    for lon, lat in points:
        point = to_view(lon, lat)
        if not projected or projected[-1] != point:
            projected.append(point)
    return projected


def ring_path(points: list[tuple[int, int]]) -> str:
    x0, y0 = points[0]
    moves = [f"M{x0} {y0}l"]
    deltas = []
    for (xa, ya), (xb, yb) in zip(points, points[1:], strict=False):
        deltas.append(f"{xb - xa} {yb - ya}")
    return moves[0] + " ".join(deltas).replace(" -", "-") + "z"


def geometry_path(geometry: dict, arcs: list[list[tuple[float, float]]]) -> str:
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    paths = []
    for polygon in polygons:
        for ring in polygon:
            for piece in split_at_antimeridian(ring_lonlat(ring, arcs)):
                points = project(piece)
                if len(points) >= 3:
                    paths.append(ring_path(points))
    return "".join(paths)


def alpha3(geometry: dict) -> str:
    if geometry.get("id") is None:
        return UNNUMBERED[geometry["properties"]["name"]]
    country = pycountry.countries.get(numeric=str(geometry["id"]).zfill(3))
    if country is None:
        raise ValueError(f"no ISO country for numeric id {geometry['id']}")
    return str(country.alpha_3)


def build(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    countries: dict[str, dict[str, str]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = alpha3(geometry)
        if iso3 in LEFT_OUT:
            continue
        path = geometry_path(geometry, arcs)
        if iso3 in countries:  # Northern Cyprus joins Cyprus, Somaliland joins Somalia
            countries[iso3]["d"] += path
        else:
            countries[iso3] = {"name": geometry["properties"]["name"], "d": path}
    lowest = to_view(0, -58)[1]  # below Tierra del Fuego (55.9° S), the southernmost land kept
    return {
        "attribution": ATTRIBUTION,
        "view_box": [0, 0, WIDTH, lowest],
        "countries": dict(sorted(countries.items())),
    }


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    payload = build(topology)
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(payload['countries'])} countries, {len(text)} characters")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_world_map.py PATH/TO/countries-110m.json")
    main(sys.argv[1])
