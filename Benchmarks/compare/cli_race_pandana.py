"""The pandana side of cli-race.sh: nearest school for every node of the grid written by
grid_city.py, timed end to end (read the files, build the network, set the POIs, query), and
checked against Qadam's audit CSV of the same grid.

    python3 cli_race_pandana.py GRID_DIR QADAM_AUDIT_CSV

Prints one line `pandana_s=<seconds> agree=<yes|no> worst_rel=<...> rows=<n>`.
"""
import json
import math
import sys
import time

import numpy as np
import pandas as pd

# pandana sums integer weights (weight x 1000, truncated); metres x 100 keeps the truncation
# at 1e-5 m per segment.
UNITS_PER_METRE = 100.0
MAX_METRES = 100_000.0
EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG), as Qadam's haversine fallback uses
RTOL = 1e-4  # Qadam stores segment lengths as 32-bit floats; pandana truncates per segment


def geodesic_metres(lon1, lat1, lon2, lat2):
    """Great-circle metres (haversine); the grid's segments are 80 m, where it and the ellipsoid
    differ by under 0.5 %, so the check compares on Qadam's own lengths instead (below)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(a))


def main():
    grid_dir, audit_csv = sys.argv[1], sys.argv[2]
    import pandana

    started = time.perf_counter()
    nodes = pd.read_csv(f"{grid_dir}/nodes.csv")
    key = {(round(lon, 7), round(lat, 7)): i for i, (lon, lat) in enumerate(zip(nodes.lon, nodes.lat))}
    with open(f"{grid_dir}/streets.geojson") as f:
        features = json.load(f)["features"]
    ends = np.array([[key[tuple(map(lambda v: round(v, 7), c))] for c in feat["geometry"]["coordinates"]] for feat in features])
    lon, lat = nodes.lon.to_numpy(), nodes.lat.to_numpy()
    metres = geodesic_metres(lon[ends[:, 0]], lat[ends[:, 0]], lon[ends[:, 1]], lat[ends[:, 1]])
    edges = pd.DataFrame({"from": ends[:, 0], "to": ends[:, 1], "w": metres * UNITS_PER_METRE})
    net = pandana.Network(nodes.lon, nodes.lat, edges["from"], edges["to"], edges[["w"]], twoway=True)
    schools = pd.read_csv(f"{grid_dir}/schools.csv")
    net.set_pois("school", MAX_METRES * UNITS_PER_METRE, 1, schools.lon, schools.lat)
    found = net.nearest_pois(MAX_METRES * UNITS_PER_METRE, "school", num_pois=1)
    theirs = found[1].reindex(range(len(nodes))).to_numpy() / UNITS_PER_METRE
    elapsed = time.perf_counter() - started

    ours = pd.read_csv(audit_csv).set_index("id").reindex(nodes.id)["distance_m"].to_numpy()
    rel = np.abs(theirs - ours) / np.maximum(ours, 1.0)
    worst = float(np.nanmax(rel)) if len(rel) else 0.0
    agree = bool(np.all(np.isfinite(ours)) and worst <= RTOL)
    print(f"pandana_s={elapsed:.3f} agree={'yes' if agree else 'no'} worst_rel={worst:.2e} rows={len(ours)}")


if __name__ == "__main__":
    main()
