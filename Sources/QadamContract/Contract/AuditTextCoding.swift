// The audit's origins call written and read without `Codable`'s containers: it carries up to a
// chunk of origins each way per request, so on the batch path its text is the work (see
// `JSONTextWritable`, `JSONTextReadable`). ContractWritingTests and ContractReadingTests hold
// each to its `Codable` definition.

extension RPC.Audit.Params: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("kind", kind?.rawValue)
            o.member("profile", profile?.rawValue)
            try o.member("speed_kmh", speedKmh)
            try o.member("detour_factor", detourFactor)
            if let origins { try o.member("origins", origins) }
            o.member("layer", layer?.rawValue)
            o.member("area", area)
            o.member("offset", offset)
            o.member("limit", limit)
            o.member("origins_only", originsOnly)
        }
    }
}

extension RPC.Audit.Params.Origin: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("id", id)
            o.key("at")
            try o.array(at) { (a: inout JSONTextWriter, v: Double) throws(EncodingError) in try a.double(v, of: "at") }
        }
    }
}

extension RPC.Audit.Params: JSONTextReadable {
    public init(reading json: inout JSONTextReader) throws(JSONSyntaxError) {
        var params = Self()
        try json.object { (key: String, v: inout JSONTextReader) throws(JSONSyntaxError) in
            switch key {
            case "kind": params.kind = try v.wordOrNull(FacilityKind.self)
            case "profile": params.profile = try v.wordOrNull(TravelProfile.self)
            case "speed_kmh": params.speedKmh = try v.doubleOrNull()
            case "detour_factor": params.detourFactor = try v.doubleOrNull()
            case "origins": params.origins = try v.arrayOrNull(of: Origin.self)
            case "layer": params.layer = try v.wordOrNull(AuditLayer.self)
            case "area": params.area = try v.stringOrNull()
            case "offset": params.offset = try v.intOrNull()
            case "limit": params.limit = try v.intOrNull()
            case "origins_only": params.originsOnly = try v.boolOrNull()
            default: try v.skip()
            }
        }
        self = params
    }
}

extension RPC.Audit.Params.Origin: JSONTextReadable {
    public init(reading json: inout JSONTextReader) throws(JSONSyntaxError) {
        var id: String?, at: [Double]?
        try json.object { (key: String, v: inout JSONTextReader) throws(JSONSyntaxError) in
            switch key {
            case "id": id = try v.string()
            case "at":
                var numbers: [Double] = []
                try v.array { (r: inout JSONTextReader) throws(JSONSyntaxError) in numbers.append(try r.double()) }
                at = numbers
            default: try v.skip()
            }
        }
        guard let id else { throw json.missing("id") }
        guard let at else { throw json.missing("at") }
        self.init(id: id, at: at)
    }
}

extension RPC.Audit.OriginsResult: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("kind", kind.rawValue)
            o.member("profile", profile.rawValue)
            try o.member("speed_kmh", speedKmh)
            try o.member("detour_factor", detourFactor)
            o.member("basis", basis.rawValue)
            o.key("columns")
            try o.array(columns) { (a: inout JSONTextWriter, name: String) in a.string(name) }
            try o.member("rows", rows)
        }
    }
}

extension RPC.Audit.OriginsResult.Row: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("id", id)
            o.key("distance_m")
            if let distanceM { try o.double(distanceM, of: "distance_m") } else { o.null() }
            o.key("time_s")
            if let timeS { try o.double(timeS, of: "time_s") } else { o.null() }
            o.key("facility_id")
            if let facilityID { o.string(facilityID) } else { o.null() }
            o.key("basis")
            if let basis { o.string(basis.rawValue) } else { o.null() }
            o.key("error")
            if let error { o.string(error) } else { o.null() }
        }
    }
}

extension RPC.Audit.OriginsResult: JSONTextReadable {
    public init(reading json: inout JSONTextReader) throws(JSONSyntaxError) {
        var kind: FacilityKind?, profile: TravelProfile?, speedKmh: Double?, detourFactor: Double?
        var basis: CostBasis?, columns: [String]?, rows: [Row]?
        try json.object { (key: String, v: inout JSONTextReader) throws(JSONSyntaxError) in
            switch key {
            case "kind": kind = try v.word(FacilityKind.self)
            case "profile": profile = try v.word(TravelProfile.self)
            case "speed_kmh": speedKmh = try v.double()
            case "detour_factor": detourFactor = try v.doubleOrNull()
            case "basis": basis = try v.word(CostBasis.self)
            case "columns":
                var names: [String] = []
                try v.array { (r: inout JSONTextReader) throws(JSONSyntaxError) in names.append(try r.string()) }
                columns = names
            case "rows": rows = try v.array(of: Row.self)
            default: try v.skip()
            }
        }
        guard let kind else { throw json.missing("kind") }
        guard let profile else { throw json.missing("profile") }
        guard let speedKmh else { throw json.missing("speed_kmh") }
        guard let basis else { throw json.missing("basis") }
        guard let columns else { throw json.missing("columns") }
        guard let rows else { throw json.missing("rows") }
        self.init(kind: kind, profile: profile, speedKmh: speedKmh, detourFactor: detourFactor, basis: basis, rows: rows)
        self.columns = columns
    }
}

extension RPC.Audit.OriginsResult.Row: JSONTextReadable {
    public init(reading json: inout JSONTextReader) throws(JSONSyntaxError) {
        var id: String?, distanceM: Double?, timeS: Double?, facilityID: String?, basis: CostBasis?, error: String?
        try json.object { (key: String, v: inout JSONTextReader) throws(JSONSyntaxError) in
            switch key {
            case "id": id = try v.string()
            case "distance_m": distanceM = try v.doubleOrNull()
            case "time_s": timeS = try v.doubleOrNull()
            case "facility_id": facilityID = try v.stringOrNull()
            case "basis": basis = try v.wordOrNull(CostBasis.self)
            case "error": error = try v.stringOrNull()
            default: try v.skip()
            }
        }
        guard let id else { throw json.missing("id") }
        self.init(id: id, error: "")
        (self.distanceM, self.timeS, self.facilityID, self.basis, self.error) = (distanceM, timeS, facilityID, basis, error)
    }
}
