import QadamData
import QadamGeo
import QadamNetwork
import QadamContract

/// Ids and positions of one side of a matrix.
struct MatrixSide {
    var ids: [String]
    var points: [Coordinate]

    /// The side named by `points` or `layer` (exactly one), checked as field `side`.
    static func resolve(side: String, points: [Coordinate]?, layer: MatrixLayer?, kind: FacilityKind?,
                        dataset: DatasetContent) throws(RPCError) -> MatrixSide {
        switch (points, layer) {
        case (let points?, nil):
            for (i, p) in points.enumerated() { try Params.validate(p, field: "\(side)[\(i)]") }
            return MatrixSide(ids: points.indices.map(String.init), points: points)
        case (nil, let layer?):
            switch layer {
            case .settlements:
                return MatrixSide(ids: dataset.settlements.map(\.id), points: dataset.settlements.map(\.point))
            case .demand:
                return MatrixSide(ids: dataset.demand.map(\.id), points: dataset.demand.map(\.point))
            case .facilities:
                let chosen = dataset.facilities.filter { kind == nil || $0.kind == kind }
                return MatrixSide(ids: chosen.map(\.id), points: chosen.map(\.point))
            }
        case (.some, .some):
            throw RPCError.invalidParams(field: side, "give either '\(side)' (points) or '\(side)_layer', not both")
        case (nil, nil):
            throw RPCError.invalidParams(field: side, "is required: a list of [lon, lat] points, or '\(side)_layer'")
        }
    }
}

extension MethodRegistry {
    /// The most origin-destination pairs one `matrix` request may ask for.
    static let matrixMaxCells = 100_000

    /// `matrix` (`RPC.Matrix`): one many-to-many search per page, on a worker.
    mutating func registerMatrix() {
        register(RPC.Matrix.self) { params, snapshot in
            let (mode, snap) = try params.travel.resolved()
            let dataset = try snapshot.dataset
            let origins = try MatrixSide.resolve(side: "from", points: params.from, layer: params.fromLayer, kind: params.fromKind, dataset: dataset)
            let destinations = try MatrixSide.resolve(side: "to", points: params.to, layer: params.toLayer, kind: params.toKind, dataset: dataset)
            let offset = params.fromOffset ?? 0
            guard offset >= 0 else { throw RPCError.invalidParams(field: "from_offset", "must not be negative, got \(offset)") }
            if let limit = params.fromLimit, limit < 1 { throw RPCError.invalidParams(field: "from_limit", "must be at least 1, got \(limit)") }
            // Bounded before adding, so huge offsets or limits cannot overflow.
            let start = min(origins.points.count, offset)
            let page = start..<(start + min(origins.points.count - start, params.fromLimit ?? origins.points.count))
            let cells = page.count * destinations.points.count
            guard cells <= Self.matrixMaxCells else {
                throw RPCError.invalidParams(field: params.fromLimit == nil ? "from" : "from_limit",
                    "asks for \(page.count) × \(destinations.points.count) = \(cells) pairs, over the limit of \(Self.matrixMaxCells) per request; ask for origins in batches (from_offset, from_limit) or use `qadam matrix`, which streams any size")
            }
            let queries = try snapshot.networkQueries
            var rows: [RPC.Matrix.Result.Row] = []
            rows.reserveCapacity(cells)
            try queries.withSearch { search in
                try search.matrix(origins: Array(origins.points[page]), destinations: destinations.points, mode: mode, snap: snap) { i, measures in
                    try Cancellation.check()
                    for (j, reach) in measures.enumerated() {
                        rows.append(.init(from: origins.ids[page.lowerBound + i], to: destinations.ids[j],
                                          lengthM: reach.value?.metres, timeS: reach.value?.seconds,
                                          reason: reach.reason.map { Unreachable($0).code }))
                    }
                }
            }
            return RPC.Matrix.Result(travel: TravelEcho(mode: mode, snap: snap), fromCount: origins.points.count,
                                     toCount: destinations.points.count, fromOffset: page.lowerBound, rows: rows)
        }
    }
}
