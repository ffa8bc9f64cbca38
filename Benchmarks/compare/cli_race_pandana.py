"""The pandana side of cli-race.sh: nearest school for every node of the grid written by
grid_city.py, timed end to end (read the files, build the network, set the POIs, query), and
checked against Qadam's audit CSV of the same grid.

    python3 cli_race_pandana.py GRID_DIR QADAM_AUDIT_CSV

Prints one line `pandana_s=<seconds> agree=<yes|no> worst_rel=<...> rows=<n>`.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import pyproj

# pandana keeps weights as integers (weight x 1000, truncated, in 32 bits): weights in metres
# keep the truncation at 1 mm per segment and a 5 km search far from overflow. 5 km covers the
# farthest node's nearest school on the default grid (200 schools on 16 x 16 km); a node with
# none within it comes back as NaN and fails the check below, so a too-short radius shows.
UNITS_PER_METRE = 1.0
MAX_METRES = 5_000.0
RTOL = 1e-4  # Qadam stores segment lengths as 32-bit floats; pandana truncates each to a millimetre


def geodesic_metres(lon1, lat1, lon2, lat2):
    """Ellipsoidal (WGS 84) segment lengths by GeographicLib through pyproj: the algorithm
    Qadam's import uses (PROJ's geod_inverse), so both tools search the same weights and the
    answers can be held equal, not merely close (haversine differs by up to 0.5 %)."""
    _, _, metres = pyproj.Geod(ellps="WGS84").inv(lon1, lat1, lon2, lat2)
    return np.asarray(metres)


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
