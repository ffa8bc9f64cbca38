import QadamData
import QadamGeo
import QadamNetwork
import QadamProtocol

/// `matrix`: network length and time from every origin to every destination, as rows
/// `from, to, length_m, time_s` (plus `reason` where there is no route).
///
/// Either side is a list of points (`from`/`to`, ids are their positions `0`, `1`, ...) or a
/// dataset layer (`from_layer`/`to_layer`: settlements, facilities, demand; ids are the
/// features' ids, `*_kind` narrows facilities to one kind). Origins can be taken a page at a
/// time (`from_offset`, `from_limit`), which is how `qadam matrix` streams a large matrix;
/// one request may ask for at most `maxCells` pairs.
struct MatrixParams: Decodable {
    let from: [Coordinate]?
    let to: [Coordinate]?
    let fromLayer: String?
    let toLayer: String?
    let fromKind: String?
    let toKind: String?
    let fromOffset: Int?
    let fromLimit: Int?

    enum CodingKeys: String, CodingKey {
        case from, to, fromLayer = "from_layer", toLayer = "to_layer", fromKind = "from_kind", toKind = "to_kind"
        case fromOffset = "from_offset", fromLimit = "from_limit"
    }
}

struct MatrixResult: Encodable {
    let travel: TravelEcho
    let fromCount: Int
    let toCount: Int
    let fromOffset: Int
    let rows: [Row]

    struct Row: Encodable {
        let from: String
        let to: String
        let lengthM: Double?
        let timeS: Double?
        let reason: Unreachable.Code?

        enum CodingKeys: String, CodingKey { case from, to, lengthM = "length_m", timeS = "time_s", reason }
    }

    enum CodingKeys: String, CodingKey { case fromCount = "from_count", toCount = "to_count", fromOffset = "from_offset", rows }

    func encode(to encoder: Encoder) throws {
        try travel.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fromCount, forKey: .fromCount)
        try c.encode(toCount, forKey: .toCount)
        try c.encode(fromOffset, forKey: .fromOffset)
        try c.encode(rows, forKey: .rows)
    }
}

/// Ids and positions of one side of a matrix.
struct MatrixSide {
    var ids: [String]
    var points: [Coordinate]

    static let layers = ["settlements", "facilities", "demand"]

    /// The side named by `points` or `layer` (exactly one), checked as fields `side` / `side_layer`.
    static func resolve(side: String, points: [Coordinate]?, layer: String?, kind: String?,
                        dataset: DatasetContent) throws(RPCError) -> MatrixSide {
        switch (points, layer) {
        case (let points?, nil):
            for (i, p) in points.enumerated() { try Params.validate(p, field: "\(side)[\(i)]") }
            return MatrixSide(ids: points.indices.map(String.init), points: points)
        case (nil, let layer?):
            let kindFilter = try kind.map { text throws(RPCError) in try FacilityKind.requested(text, field: "\(side)_kind") }
            switch layer {
            case "settlements":
                return MatrixSide(ids: dataset.settlements.map(\.id), points: dataset.settlements.map(\.point))
            case "demand":
                return MatrixSide(ids: dataset.demand.map(\.id), points: dataset.demand.map(\.point))
            case "facilities":
                let chosen = dataset.facilities.filter { kindFilter == nil || $0.kind == kindFilter }
                return MatrixSide(ids: chosen.map(\.id), points: chosen.map(\.point))
            default:
                throw RPCError.invalidParams(field: "\(side)_layer", "must be one of \(layers.joined(separator: ", ")), got '\(layer)'")
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

    mutating func registerMatrix() {
        register("matrix") { raw, snapshot in
            let params = try Params.decode(MatrixParams.self, from: raw)
            let (mode, snap) = try Params.decode(TravelParams.self, from: raw).resolved()
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
            var rows: [MatrixResult.Row] = []
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
            return try Params.encodeResult(MatrixResult(travel: TravelEcho(mode: mode, snap: snap), fromCount: origins.points.count,
                                                        toCount: destinations.points.count, fromOffset: page.lowerBound, rows: rows))
        }
    }
}
