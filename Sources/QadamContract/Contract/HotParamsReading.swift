// The params of the methods the daemon answers most often, read straight from the request's
// text (`JSONTextReadable`, through `RPCParams`) rather than parsed into a tree and decoded
// through `Codable`. A reader accepts no more than the type's `init(from:)` and reads the same
// values; anything it refuses goes to that decoding, whose error names the field
// (ContractReadingTests hold the two together).

extension Coordinate: JSONTextReadable {
    /// Exactly `[lon, lat]` (decoding also takes and ignores a third number).
    public init(reading json: inout JSONTextReader) throws(JSONSyntaxError) {
        var numbers: [Double] = []
        try json.array { (r: inout JSONTextReader) throws(JSONSyntaxError) in numbers.append(try r.double()) }
        guard numbers.count == 2 else { throw json.refusal("expected [lon, lat], got \(numbers.count) numbers") }
        self.init(lon: numbers[0], lat: numbers[1])
    }
}

extension RPC.Nearest.Params: JSONTextReadable {
    public init(reading json: inout JSONTextReader) throws(JSONSyntaxError) {
        var kind: FacilityKind?, from: Coordinate?, k: Int?, includePath: Bool?
        var travel = TravelParams()
        try json.object { (key: String, v: inout JSONTextReader) throws(JSONSyntaxError) in
            switch key {
            case "kind": kind = try v.word(FacilityKind.self)
            case "from": from = try Coordinate(reading: &v)
            case "k": k = try v.intOrNull()
            case "include_path": includePath = try v.boolOrNull()
            case "profile": travel.profile = try v.wordOrNull(TravelProfile.self)
            case "speed_kmh": travel.speedKmh = try v.doubleOrNull()
            case "max_snap_m": travel.maxSnapM = try v.doubleOrNull()
            default: try v.skip()
            }
        }
        guard let kind else { throw json.missing("kind") }
        guard let from else { throw json.missing("from") }
        self.init(kind: kind, from: from, k: k, includePath: includePath, travel: travel)
    }
}
