import QadamData
import QadamGeo
import QadamNetwork
import QadamContract

/// What the network methods (`nearest`, `route`, `matrix`, `isochrone`) share beyond their
/// wire types (`TravelParams`, `TravelEcho`, `Unreachable`, `LineString` in QadamContract):
/// checking the travel parameters, writing an unreachable answer, and the error for a dataset
/// without a street network.

extension TravelParams {
    /// The travel mode and snap options asked for, checked field by field.
    func resolved() throws(RPCError) -> (mode: TravelMode, snap: SnapOptions) {
        if let speedKmh, !(speedKmh > 0 && speedKmh <= 300) {
            throw RPCError.invalidParams(field: "speed_kmh", "must be a speed in km/h above 0 and at most 300, got \(speedKmh)")
        }
        let snap = maxSnapM ?? Self.defaultMaxSnapMetres
        guard snap > 0 && snap <= 100_000 else {
            throw RPCError.invalidParams(field: "max_snap_m", "must be a distance in metres above 0 and at most 100000, got \(snap)")
        }
        return (TravelMode(profile: profile ?? .walk, speedKmh: speedKmh), SnapOptions(maxDistanceMetres: snap))
    }
}

extension TravelEcho {
    init(mode: TravelMode, snap: SnapOptions) {
        self.init(profile: mode.profile, speedKmh: mode.speedKmh, maxSnapM: snap.maxDistanceMetres)
    }
}

extension Unreachable {
    init(_ reason: UnreachableReason, point: String = "the point") {
        switch reason {
        case .offNetwork(let distance):
            self.init(code: .offNetwork,
                      message: distance.isFinite
                        ? "\(point) is \(Int(distance.rounded())) m from the nearest street this profile may use, beyond max_snap_m"
                        : "\(point) cannot be snapped: the network has no street this profile may use",
                      distanceM: distance.isFinite ? distance : nil)
        case .differentComponent:
            self.init(code: .differentComponent,
                      message: "origin and destination are on parts of the network that do not connect for this profile")
        case .noDirectedPath:
            self.init(code: .noDirectedPath, message: "no path in this direction (one-way streets)")
        case .beyondLimit:
            self.init(code: .beyondLimit, message: "not reached within the limit")
        }
    }

    init(noFacilitiesOf kind: FacilityKind) {
        self.init(code: .noFacilities, message: "the dataset has no facilities of kind \(kind.rawValue)")
    }

    /// Web maps give points as LAT, LON ("43.25, 76.93") and Qadam takes LON, LAT: a point off
    /// the network whose swap is on it gets the swap suggested, instead of only "4,023 km
    /// from the nearest street".
    func suggestingSwap(of c: Coordinate, network: StreetNetwork, profile: TravelProfile, snap: SnapOptions) -> Unreachable {
        guard code == .offNetwork else { return self }
        let swapped = Coordinate(lon: c.lat, lat: c.lon)
        guard swapped.isValidWGS84, case .reached(let at) = network.locate(swapped, profile: profile, options: snap) else { return self }
        var hinted = self
        hinted.swappedPoint = swapped
        hinted.message += "; swapped, [\(swapped.lon), \(swapped.lat)] is \(Int(at.offNetworkMetres.rounded())) m from a street:"
            + " points are [lon, lat], and [\(c.lon), \(c.lat)] looks like lat, lon pasted from a web map"
        return hinted
    }
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

extension Coordinate {
    /// Checked as a request field (finite, inside WGS 84 bounds).
    func validated(field: String) throws(RPCError) -> Coordinate {
        try Params.validate(self, field: field)
        return self
    }
}
