"""Run pandana, networkx and PySAL access on a city exported by `qadam-bench-export compare`,
check that their answers agree with Qadam's, and print time ratios (peer time / Qadam time).

    python compare.py DIR

DIR holds nodes.csv, edges.csv (walk arcs, cost_s), facilities.csv, demand.csv, costs.csv and
Qadam's answers (qadam_*.csv) and timings (qadam_timings.json). A peer that cannot be imported
is reported and skipped; the others still run. Exit status 1 when any answer disagrees.
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

# pandana stores edge weights as integers (weight x 1000, truncated, unsigned 32-bit sums).
# Seconds x 100 keeps the truncation at 1e-5 s per edge (well under 1e-6 relative on streets
# of tens of seconds) and leaves room for sums up to 42,949 s.
PANDANA_UNITS_PER_SECOND = 100.0
PANDANA_MAX_SECONDS = 30_000.0

NEAREST_RTOL = 1e-6
NEAREST_ATOL = 1e-5  # seconds; for vertices that are facilities (distance 0)
SEARCH_RTOL = 1e-9
FCA_RTOL = 1e-9
FCA_ATOL = 1e-12


class Report:
    def __init__(self, timings):
        self.timings = timings
        self.rows = []
        self.failed = False

    def add(self, task, qadam_s, peer, peer_s, agreement):
        self.rows.append((task, qadam_s, peer, peer_s, agreement))

    def check(self, ok, message):
        print(("  ok: " if ok else "  DISAGREE: ") + message)
        if not ok:
            self.failed = True
        return "yes" if ok else "NO"

    def skip(self, peer, error):
        print(f"skipped {peer}: cannot import it ({error})")
        self.rows.append((f"({peer} skipped)", None, peer, None, "-"))

    def print_table(self):
        print()
        print(f"| task | Qadam s | peer | peer s | peer / Qadam | answers agree |")
        print("|---|---:|---|---:|---:|---|")
        for task, q, peer, p, agree in self.rows:
            ratio = (f"{p / q:,.0f}x" if p / q >= 10 else f"{p / q:.1f}x") if q and p else "-"
            qs = f"{q:.4g}" if q is not None else "-"
            ps = f"{p:.4g}" if p is not None else "-"
            print(f"| {task} | {qs} | {peer} | {ps} | {ratio} | {agree} |")


def timed(body):
    start = time.perf_counter()
    value = body()
    return value, time.perf_counter() - start


def close(a, b, rtol, atol):
    """Element-wise |a - b| <= atol + rtol * |b|, with infinities equal only to each other."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    both_inf = np.isinf(a) & np.isinf(b)
    with np.errstate(invalid="ignore"):
        ok = np.abs(a - b) <= atol + rtol * np.abs(b)
    return ok | both_inf


def run_pandana(d, report):
    try:
        import pandana
    except Exception as error:  # noqa: BLE001 - any import failure means "not available"
        report.skip("pandana", error)
        return
    nodes, edges, facilities, demand = d["nodes"], d["edges"], d["facilities"], d["demand"]
    t = report.timings
    weights = edges[["cost_s"]] * PANDANA_UNITS_PER_SECOND
    net, build_s = timed(lambda: pandana.Network(nodes.lon, nodes.lat, edges["from"], edges["to"], weights, twoway=False))
    max_units = PANDANA_MAX_SECONDS * PANDANA_UNITS_PER_SECOND

    def nearest():
        net.set_pois("facility", max_units, 1, facilities.lon, facilities.lat)
        return net.nearest_pois(max_units, "facility", num_pois=1)

    found, answer_s = timed(nearest)
    theirs = found[1].reindex(nodes.index).to_numpy() / PANDANA_UNITS_PER_SECOND
    theirs[theirs >= PANDANA_MAX_SECONDS] = np.inf  # pandana fills "none found" with the search radius
    ours = d["qadam_nearest"].seconds.fillna(np.inf).to_numpy()
    ok = close(theirs, ours, NEAREST_RTOL, NEAREST_ATOL)
    finite = np.isfinite(ours)
    worst = np.max(np.abs(theirs[finite] - ours[finite]) / np.maximum(ours[finite], 1)) if finite.any() else 0
    print(f"pandana: network build {build_s:.2f} s, set_pois + nearest_pois {answer_s:.3f} s")
    agree = report.check(ok.all(), f"pandana nearest facility for {len(ours)} nodes: {np.count_nonzero(~ok)} differ "
                         f"beyond {NEAREST_RTOL:g} relative; largest relative difference {worst:.2e}")
    qadam_nearest = t["nearest_index_s"] + t["nearest_query_all_s"]
    report.add("nearest facility, every node, end to end", qadam_nearest, "pandana", build_s + answer_s, agree)
    report.add("nearest facility, every node, answer only", t["nearest_query_all_s"], "pandana", answer_s, agree)

    radius = t["ego_radius_s"] * PANDANA_UNITS_PER_SECOND
    population = demand.set_index("node").population

    def aggregate():
        net.set(population.index.to_numpy(), variable=population.to_numpy(), name="population")
        return net.aggregate(radius, type="sum", decay="flat", name="population")

    sums, aggregate_s = timed(aggregate)
    theirs = sums.reindex(nodes.index).fillna(0).to_numpy()
    ours = d["qadam_aggregate"].population.to_numpy()
    same = np.isclose(theirs, ours, rtol=1e-12, atol=0)
    # Not a strict check: pandana truncates each street's cost, so a vertex lying exactly
    # at the radius may fall on either side.
    print(f"  info: pandana aggregate (population within {t['ego_radius_s']:.0f} s): "
          f"{np.count_nonzero(same)} of {len(ours)} nodes equal")
    report.add("population within radius, every node", t["aggregate_all_s"], "pandana", aggregate_s,
               f"{np.count_nonzero(same) / len(ours):.2%} of nodes")


def run_networkx(d, report):
    try:
        import networkx as nx
    except Exception as error:  # noqa: BLE001
        report.skip("networkx", error)
        return
    edges, t = d["edges"], report.timings
    graph = nx.DiGraph()
    graph.add_nodes_from(d["nodes"].index)
    graph.add_weighted_edges_from(zip(edges["from"], edges["to"], edges["cost_s"]), weight="cost_s")
    ours = d["qadam_dijkstra"]
    ego_ours = d["qadam_ego"]
    sources = ours.source.unique()
    dijkstra_s = ego_s = 0.0
    mismatches = ego_mismatches = 0
    for source in sources:
        lengths, seconds = timed(lambda: nx.single_source_dijkstra_path_length(graph, source, weight="cost_s"))
        dijkstra_s += seconds
        mine = ours[ours.source == source]
        theirs = np.array([lengths.get(v, np.inf) for v in mine.node])
        mismatches += np.count_nonzero(~close(theirs, mine.seconds.to_numpy(), SEARCH_RTOL, 1e-9))
        mismatches += abs(len(lengths) - len(mine))
        ego, seconds = timed(lambda: nx.ego_graph(graph, source, radius=t["ego_radius_s"], distance="cost_s"))
        ego_s += seconds
        ego_mismatches += len(set(ego.nodes) ^ set(ego_ours[ego_ours.source == source].node))
    n = len(sources)
    agree = report.check(mismatches == 0, f"networkx single-source Dijkstra from {n} sources: {mismatches} distances differ")
    report.add("one-to-all (single-source Dijkstra)", t["one_to_all_s"], "networkx", dijkstra_s / n, agree)
    agree = report.check(ego_mismatches == 0, f"networkx ego graph ({t['ego_radius_s']:.0f} s) from {n} sources: "
                         f"{ego_mismatches} nodes differ")
    report.add(f"ego graph / {t['ego_radius_s']:.0f} s reach", t["ego_s"], "networkx", ego_s / n, agree)


def run_access(d, report):
    try:
        from access import Access
    except Exception as error:  # noqa: BLE001
        report.skip("access (PySAL)", error)
        return
    t = report.timings
    demand = d["demand"].set_index("id")
    supply = d["facilities"].set_index("id")

    def two_stage():
        a = Access(demand_df=demand, demand_index=True, demand_value="population",
                   supply_df=supply, supply_index=True, supply_value="capacity",
                   cost_df=d["costs"], cost_origin="demand", cost_dest="supply", cost_name="cost_s")
        return a.two_stage_fca(name="2sfca", max_cost=t["catchment_s"], normalize=False)

    result, seconds = timed(two_stage)
    column = [c for c in result.columns if c.startswith("2sfca")][0]
    ours = d["qadam_2sfca"].set_index("demand").ratio
    theirs = result[column].reindex(ours.index).fillna(0).to_numpy()
    ok = close(theirs, ours.to_numpy(), FCA_RTOL, FCA_ATOL)
    agree = report.check(ok.all(), f"PySAL access 2SFCA for {len(ours)} demand points: {np.count_nonzero(~ok)} differ "
                         f"beyond {FCA_RTOL:g} relative")
    report.add("2SFCA on the same cost rows", t["2sfca_s"], "access (PySAL)", seconds, agree)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: compare.py DIR")
    directory = Path(sys.argv[1])
    timings = json.loads((directory / "qadam_timings.json").read_text())
    read = lambda name, **kw: pd.read_csv(directory / f"{name}.csv", **kw)  # noqa: E731
    d = {
        "nodes": read("nodes", index_col="id"),
        "edges": read("edges"),
        "facilities": read("facilities"),
        "demand": read("demand"),
        "costs": read("costs"),
        "qadam_nearest": read("qadam_nearest"),
        "qadam_dijkstra": read("qadam_dijkstra"),
        "qadam_ego": read("qadam_ego"),
        "qadam_aggregate": read("qadam_aggregate"),
        "qadam_2sfca": read("qadam_2sfca"),
    }
    print(f"city: {int(timings['vertices'])} vertices, {len(d['edges'])} walk arcs, {len(d['facilities'])} facilities, "
          f"{len(d['demand'])} demand points; Qadam graph build {timings['graph_build_s']:.2f} s")
    report = Report(timings)
    for peer in (run_pandana, run_networkx, run_access):
        peer(d, report)
    report.print_table()
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
