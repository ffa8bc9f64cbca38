import Foundation
import QadamGeo
import QadamContract
import Testing

/// The direct writers (`JSONTextWritable`: the hot results, and the audit's params the CLI
/// writes) held to their `Codable` definition on random values: the same text as
/// `JSONStreamEncoder` writes through `encode(to:)`, the same value as Foundation's
/// `JSONEncoder`, and the same refusal of a non-finite number.
@Suite struct ContractWritingTests {
    /// Hides a value's direct writer, so `JSONStreamEncoder` goes through its `encode(to:)`.
    struct ThroughCodable<T: Encodable>: Encodable {
        let value: T
        func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
    }

    static func maybe<T>(_ r: inout SplitMix64, _ make: (inout SplitMix64) -> T) -> T? {
        r.next() % 3 == 0 ? nil : make(&r)
    }

    static func coordinate(_ r: inout SplitMix64) -> Coordinate {
        Coordinate(lon: StreamCodingTests.randomDouble(&r), lat: StreamCodingTests.randomDouble(&r))
    }

    static func nearest(_ r: inout SplitMix64) -> RPC.Nearest.Result {
        let s = StreamCodingTests.randomString, d = StreamCodingTests.randomDouble
        let travel = TravelEcho(profile: TravelProfile.allCases[Int(r.next() % 3)], speedKmh: d(&r), maxSnapM: d(&r))
        let kind = FacilityKind.allCases[Int(r.next() % UInt64(FacilityKind.allCases.count))]
        let reason = maybe(&r) { r in
            Unreachable(code: Unreachable.Code.allCases[Int(r.next() % 5)], message: s(&r), distanceM: maybe(&r, d),
                        swappedPoint: maybe(&r, coordinate))
        }
        let hits = (0..<Int(r.next() % 4)).map { _ in
            RPC.Nearest.Result.Hit(id: s(&r), name: maybe(&r, s), kind: kind, point: coordinate(&r), lengthM: d(&r), timeS: d(&r),
                                   path: maybe(&r) { r in LineString(coordinates: (0..<Int(r.next() % 4)).map { _ in coordinate(&r) }) })
        }
        return RPC.Nearest.Result(kind: kind, from: coordinate(&r), k: Int(r.next() % 1000), travel: travel, reason: reason, facilities: hits)
    }

    static func location(_ r: inout SplitMix64) -> Location {
        let s = StreamCodingTests.randomString, d = StreamCodingTests.randomDouble
        func place(_ r: inout SplitMix64) -> PlaceRef { PlaceRef(id: s(&r), name: maybe(&r, s)) }
        var l = Location(point: coordinate(&r), oblast: maybe(&r, place), rayon: maybe(&r, place), cityDistrict: maybe(&r, place))
        l.nearestSettlement = maybe(&r) { r in
            .init(settlement: place(&r), place: maybe(&r, s), population: maybe(&r) { Int($0.next() % 2_000_000) }, distance: d(&r))
        }
        l.polycentre = maybe(&r, place)
        l.agglomeration = maybe(&r) { r in
            .init(agglomeration: place(&r), zone: AgglomerationZone.allCases[Int(r.next() % 3)], distanceFromCore: d(&r))
        }
        l.swappedPoint = maybe(&r, coordinate)
        l.note = maybe(&r, s)
        return l
    }

    static func auditOrigins(_ r: inout SplitMix64) -> RPC.Audit.OriginsResult {
        let s = StreamCodingTests.randomString, d = StreamCodingTests.randomDouble
        let basis = CostBasis.allCases[Int(r.next() % 2)]
        let rows = (0..<Int(r.next() % 6)).map { _ in
            r.next() % 4 == 0 ? RPC.Audit.OriginsResult.Row(id: s(&r), error: s(&r))
                : RPC.Audit.OriginsResult.Row(id: s(&r), distanceM: d(&r), timeS: d(&r), facilityID: s(&r), basis: basis)
        }
        return RPC.Audit.OriginsResult(kind: FacilityKind.allCases[Int(r.next() % 11)], profile: TravelProfile.allCases[Int(r.next() % 3)],
                                       speedKmh: d(&r), detourFactor: maybe(&r, d), basis: basis, rows: rows)
    }

    static func nearestParams(_ r: inout SplitMix64) -> RPC.Nearest.Params {
        let d = StreamCodingTests.randomDouble
        let travel = TravelParams(profile: maybe(&r) { TravelProfile.allCases[Int($0.next() % 3)] }, speedKmh: maybe(&r, d), maxSnapM: maybe(&r, d))
        return RPC.Nearest.Params(kind: FacilityKind.allCases[Int(r.next() % 11)], from: coordinate(&r),
                                  k: maybe(&r) { Int($0.next() % 50) }, includePath: maybe(&r) { $0.next() % 2 == 0 }, travel: travel)
    }

    static func auditParams(_ r: inout SplitMix64) -> RPC.Audit.Params {
        let s = StreamCodingTests.randomString, d = StreamCodingTests.randomDouble
        func int(_ r: inout SplitMix64) -> Int { Int(r.next() % 100_000) }
        let origins = maybe(&r) { r in
            (0..<Int(r.next() % 5)).map { _ in RPC.Audit.Params.Origin(id: s(&r), at: (0..<Int(r.next() % 4)).map { _ in d(&r) }) }
        }
        return RPC.Audit.Params(kind: maybe(&r) { FacilityKind.allCases[Int($0.next() % 11)] },
                                profile: maybe(&r) { TravelProfile.allCases[Int($0.next() % 3)] },
                                speedKmh: maybe(&r, d), detourFactor: maybe(&r, d), origins: origins,
                                layer: maybe(&r) { _ in .settlements }, area: maybe(&r, s), offset: maybe(&r, int),
                                limit: maybe(&r, int), originsOnly: maybe(&r) { $0.next() % 2 == 0 })
    }

    private func holdsToCodable<T: JSONTextWritable>(_ value: T) throws {
        let direct = try JSONStreamEncoder.encode(value)
        #expect(direct == (try JSONStreamEncoder.encode(ThroughCodable(value: value))))
        #expect(try JSONText.parse(direct) == JSONText.parse(JSONEncoder().encode(value), maximumDepth: .max), "\(direct)")
    }

    @Test func directWritersWriteWhatCodableWrites() throws {
        var r = SplitMix64(seed: 12)
        for _ in 0..<1500 {
            try holdsToCodable(Self.nearest(&r))
            try holdsToCodable(Self.location(&r))
            try holdsToCodable(Self.auditOrigins(&r))
            try holdsToCodable(Self.auditParams(&r))
        }
        try holdsToCodable(RPC.Ping.Result())
    }

    @Test func directWritersRefuseNonFiniteNumbers() throws {
        var r = SplitMix64(seed: 13)
        for _ in 0..<200 {
            var result = Self.nearest(&r)
            guard !result.facilities.isEmpty else { continue }
            result.facilities[Int(r.next() % UInt64(result.facilities.count))].timeS = r.next() % 2 == 0 ? .nan : -.infinity
            #expect(throws: EncodingError.self) { try JSONStreamEncoder.encode(result) }
            #expect(throws: EncodingError.self) { try JSONStreamEncoder.encode(ThroughCodable(value: result)) }
        }
    }
}
