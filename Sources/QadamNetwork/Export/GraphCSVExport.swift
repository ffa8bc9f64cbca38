import Foundation

/// Writes the graph as two CSV files for inspection in a GIS or a spreadsheet:
/// `nodes.csv` (`id,lon,lat`, id = vertex index) and `edges.csv`
/// (`from,to,length_m,cost_s`), one row per arc the profile may use, so a two-way street
/// gives two rows and a one-way street one. Rows are written in chunks, so a national
/// graph does not become one string in memory. Both files are written under temporary names
/// and renamed only when both are complete, so a failure never leaves a truncated file or a
/// new `nodes.csv` beside an old `edges.csv`.
public enum GraphCSVExport {
    public static func write(_ g: StreetGraph, mode: TravelMode, toDirectory directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let nodes = directory.appendingPathComponent("nodes.csv"), edges = directory.appendingPathComponent("edges.csv")
        let suffix = ".partial-\(getpid())"
        let nodesTemp = URL(fileURLWithPath: nodes.path + suffix), edgesTemp = URL(fileURLWithPath: edges.path + suffix)
        defer {
            try? FileManager.default.removeItem(at: nodesTemp)
            try? FileManager.default.removeItem(at: edgesTemp)
        }
        try writeRows(to: nodesTemp, header: "id,lon,lat") { emit in
            for v in 0..<g.vertexCount { emit("\(v),\(g.vertexLon[v]),\(g.vertexLat[v])") }
        }
        let p = mode.profile.index, scale = mode.costScale
        try writeRows(to: edgesTemp, header: "from,to,length_m,cost_s") { emit in
            for e in 0..<g.edgeCount {
                let length = g.edgeLength[e]
                let fwd = Double(g.forwardCost[p][e]), back = Double(g.backwardCost[p][e])
                if fwd.isFinite { emit("\(g.edgeFrom[e]),\(g.edgeTo[e]),\(length),\(fwd * scale)") }
                if back.isFinite { emit("\(g.edgeTo[e]),\(g.edgeFrom[e]),\(length),\(back * scale)") }
            }
        }
        for (temp, final) in [(nodesTemp, nodes), (edgesTemp, edges)] where rename(temp.path, final.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path])
        }
    }

    private static func writeRows(to url: URL, header: String, _ rows: ((String) -> Void) -> Void) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        defer { try? handle.close() }
        var buffer = header + "\n"
        var failure: Error?
        rows { row in
            buffer += row
            buffer += "\n"
            if buffer.utf8.count >= 1 << 20, failure == nil {
                do { try handle.write(contentsOf: Data(buffer.utf8)) } catch { failure = error }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if let failure { throw failure }
        try handle.write(contentsOf: Data(buffer.utf8))
    }
}
