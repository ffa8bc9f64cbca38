import Foundation

/// Writes the graph as two CSV files for inspection in a GIS or a spreadsheet:
/// `nodes.csv` (`id,lon,lat`, id = vertex index) and `edges.csv`
/// (`from,to,length_m,cost_s`), one row per arc the profile may use, so a two-way street
/// gives two rows and a one-way street one.
public enum GraphCSVExport {
    public static func write(_ g: StreetGraph, mode: TravelMode, toDirectory directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var nodes = "id,lon,lat\n"
        for v in 0..<g.vertexCount { nodes += "\(v),\(g.vertexLon[v]),\(g.vertexLat[v])\n" }
        try nodes.write(to: directory.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)

        let p = mode.profile.index, scale = mode.costScale
        var edges = "from,to,length_m,cost_s\n"
        for e in 0..<g.edgeCount {
            let length = g.edgeLength[e]
            let fwd = Double(g.forwardCost[p][e]), back = Double(g.backwardCost[p][e])
            if fwd.isFinite { edges += "\(g.edgeFrom[e]),\(g.edgeTo[e]),\(length),\(fwd * scale)\n" }
            if back.isFinite { edges += "\(g.edgeTo[e]),\(g.edgeFrom[e]),\(length),\(back * scale)\n" }
        }
        try edges.write(to: directory.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
    }
}
