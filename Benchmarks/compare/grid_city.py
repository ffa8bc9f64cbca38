"""Write a square street grid as a user would bring it to Qadam: GeoJSON lines (one LineString
per street segment), a CSV of schools on grid corners, and a CSV of every grid node as audit
origins. The same grid, schools and nodes then go to pandana (cli_race_pandana.py).

    python3 grid_city.py OUT_DIR [--side 200] [--schools 200] [--spacing-m 80] [--seed 1]
"""
import argparse
import json
import math
import os
import random

# The grid starts at Konaev (Kapchagay); degrees of latitude per metre from the mean radius.
ORIGIN_LON, ORIGIN_LAT = 77.05, 43.86
METRES_PER_DEG_LAT = 111_320.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--side", type=int, default=200, help="nodes per side (200: 40,000 nodes)")
    parser.add_argument("--schools", type=int, default=200)
    parser.add_argument("--spacing-m", type=float, default=80.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    d_lat = args.spacing_m / METRES_PER_DEG_LAT
    d_lon = args.spacing_m / (METRES_PER_DEG_LAT * math.cos(math.radians(ORIGIN_LAT)))
    side = args.side

    def coord(row, col):
        # Rounded to 1e-7 degrees (1 cm): the coordinates every tool reads are the same text.
        return [round(ORIGIN_LON + col * d_lon, 7), round(ORIGIN_LAT + row * d_lat, 7)]

    with open(os.path.join(args.out, "nodes.csv"), "w") as f:
        f.write("id,lon,lat\n")
        for row in range(side):
            for col in range(side):
                lon, lat = coord(row, col)
                f.write(f"n{row * side + col},{lon:.7f},{lat:.7f}\n")

    with open(os.path.join(args.out, "streets.geojson"), "w") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        first = True
        for row in range(side):
            for col in range(side):
                for (r2, c2) in ((row, col + 1), (row + 1, col)):
                    if r2 >= side or c2 >= side:
                        continue
                    feature = {"type": "Feature", "properties": {"highway": "residential"},
                               "geometry": {"type": "LineString", "coordinates": [coord(row, col), coord(r2, c2)]}}
                    f.write(("" if first else ",\n") + json.dumps(feature, separators=(",", ":")))
                    first = False
        f.write("\n]}\n")

    rng = random.Random(args.seed)
    picked = rng.sample(range(side * side), args.schools)
    with open(os.path.join(args.out, "schools.csv"), "w") as f:
        f.write("id,name,kind,lon,lat\n")
        for i, node in enumerate(sorted(picked)):
            lon, lat = coord(node // side, node % side)
            f.write(f"school{i},School {i},school,{lon:.7f},{lat:.7f}\n")
    print(f"{side * side} nodes, {2 * side * (side - 1)} street segments, {args.schools} schools in {args.out}")


if __name__ == "__main__":
    main()
