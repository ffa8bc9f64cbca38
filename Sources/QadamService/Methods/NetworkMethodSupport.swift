import QadamData
import QadamGeo
import QadamNetwork
import QadamProtocol

/// What the network methods (`nearest`, `route`, `matrix`, `isochrone`) share: the travel
/// parameters every one of them takes and echoes, how an unreachable answer is written, and
/// the error for a dataset without a street network.

/// `profile`, `speed_kmh` and `max_snap_m`, decoded from the same params object as the
/// method's own fields.
struct TravelParams: Decodable {
    let profile: String?
    let speedKmh: Double?
    let maxSnapM: Double?

    enum CodingKeys: String, CodingKey {
        case profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m"
    }

    static let defaultMaxSnapMetres = 500.0

    /// The travel mode and snap options asked for, checked field by field.
    func resolved() throws(RPCError) -> (mode: TravelMode, snap: SnapOptions) {
        let name = profile ?? TravelProfile.walk.rawValue
        guard let profile = TravelProfile(rawValue: name) else {
            throw RPCError.invalidParams(field: "profile", "must be one of \(TravelProfile.allCases.map(\.rawValue).joined(separator: ", ")), got '\(name)'")
        }
        if let speedKmh, !(speedKmh > 0 && speedKmh <= 300) {
            throw RPCError.invalidParams(field: "speed_kmh", "must be a speed in km/h above 0 and at most 300, got \(speedKmh)")
        }
        let snap = maxSnapM ?? Self.defaultMaxSnapMetres
        guard snap > 0 && snap <= 100_000 else {
            throw RPCError.invalidParams(field: "max_snap_m", "must be a distance in metres above 0 and at most 100000, got \(snap)")
        }
        return (TravelMode(profile: profile, speedKmh: speedKmh), SnapOptions(maxDistanceMetres: snap))
    }
}

/// The parameters a network answer used, echoed in every result so a stored answer says
/// how it was made.
struct TravelEcho: Encodable {
    let profile: String
    let speedKmh: Double
    let maxSnapM: Double

    init(mode: TravelMode, snap: SnapOptions) {
        profile = mode.profile.rawValue; speedKmh = mode.speedKmh; maxSnapM = snap.maxDistanceMetres
    }

    enum CodingKeys: String, CodingKey {
        case profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m"
    }
}

/// Why an answer has no route: `code` for programs (`off_network`, `different_component`,
/// `beyond_limit`, `no_directed_path`, `no_facilities`), `message` for people, and for
/// `off_network` the distance to the nearest usable street when there is one.
struct UnreachableJSON: Encodable, Equatable {
    let code: String
    private(set) var message: String
    let distanceM: Double?
    /// For `off_network`: the point with its two numbers swapped, when that one is on the
    /// network (the point was most likely pasted from a web map as LAT, LON).
    private(set) var swappedPoint: Coordinate?

    enum CodingKeys: String, CodingKey {
        case code, message, distanceM = "distance_m", swappedPoint = "swapped_point"
    }

    init(_ reason: UnreachableReason, point: String = "the point") {
        switch reason {
        case .offNetwork(let distance):
            code = "off_network"
            distanceM = distance.isFinite ? distance : nil
            message = distance.isFinite
                ? "\(point) is \(Int(distance.rounded())) m from the nearest street this profile may use, beyond max_snap_m"
                : "\(point) cannot be snapped: the network has no street this profile may use"
        case .differentComponent:
            code = "different_component"; distanceM = nil
            message = "origin and destination are on parts of the network that do not connect for this profile"
        case .noDirectedPath:
            code = "no_directed_path"; distanceM = nil
            message = "no path in this direction (one-way streets)"
        case .beyondLimit:
            code = "beyond_limit"; distanceM = nil
            message = "not reached within the limit"
        }
    }

    init(noFacilitiesOf kind: FacilityKind) {
        code = "no_facilities"; distanceM = nil
        message = "the dataset has no facilities of kind \(kind.rawValue)"
    }

    /// Web maps give points as LAT, LON ("43.25, 76.93") and Qadam takes LON, LAT: a point off
    /// the network whose swap is on it gets the swap suggested, instead of only "4,023 km
    /// from the nearest street".
    func suggestingSwap(of c: Coordinate, network: StreetNetwork, profile: TravelProfile, snap: SnapOptions) -> UnreachableJSON {
        guard code == "off_network" else { return self }
        let swapped = Coordinate(lon: c.lat, lat: c.lon)
        guard swapped.isValidWGS84, case .reached(let at) = network.locate(swapped, profile: profile, options: snap) else { return self }
        var hinted = self
        hinted.swappedPoint = swapped
        hinted.message += "; swapped, [\(swapped.lon), \(swapped.lat)] is \(Int(at.offNetworkMetres.rounded())) m from a street:"
            + " points are [lon, lat], and [\(c.lon), \(c.lat)] looks like lat, lon pasted from a web map"
        return hinted
    }
}

/// A GeoJSON LineString.
struct LineStringJSON: Encodable, Equatable {
    let type = "LineString"
    let coordinates: [Coordinate]

    enum CodingKeys: String, CodingKey { case type, coordinates }
}

extension RPCError {
    /// The dataset lacks a layer the method needs (-32006).
    static let missingLayerCode = -32006

    static var noNetwork: RPCError {
        RPCError(code: missingLayerCode,
                 message: "dataset has no network layer; import an OSM extract with qadam import",
                 data: ["layer": "network"])
    }
}

extension Snapshot {
    /// The snapshot's network query state, or the error that says the dataset has no network.
    var networkQueries: NetworkQueries {
        get throws(RPCError) {
            guard let queries = try dataset.networkQueries else { throw RPCError.noNetwork }
            return queries
        }
    }
}

extension FacilityKind {
    /// A facility kind from a request field; our names and the usual OSM values are accepted.
    static func requested(_ text: String, field: String) throws(RPCError) -> FacilityKind {
        guard let kind = FacilityKind(parsing: text) else {
            throw RPCError.invalidParams(field: field, "must be a facility kind (\(FacilityKind.allCases.map(\.rawValue).joined(separator: ", "))), got '\(text)'")
        }
        return kind
    }
}

extension Coordinate {
    /// Checked as a request field (finite, inside WGS 84 bounds).
    func validated(field: String) throws(RPCError) -> Coordinate {
        try Params.validate(self, field: field)
        return self
    }
}
