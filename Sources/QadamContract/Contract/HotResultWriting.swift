// The results the daemon answers inline, many thousand times a second, written directly
// (`JSONTextWritable`) rather than through `Codable`: same members, same order, same text as
// each type's `encode(to:)`, which stays the definition (ContractWritingTests hold them equal).

extension Coordinate: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.pair(lon, lat, of: "coordinate")
    }
}

extension RPC.Ping.Result: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in o.member("pong", pong) }
    }
}

extension Unreachable: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("code", code.rawValue)
            o.member("message", message)
            try o.member("distance_m", distanceM)
            try o.member("swapped_point", swappedPoint)
        }
    }
}

extension LineString: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("type", "LineString")
            try o.member("coordinates", coordinates)
        }
    }
}

extension RPC.Nearest.Result: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("profile", profile.rawValue)
            try o.member("speed_kmh", speedKmh)
            try o.member("max_snap_m", maxSnapM)
            o.member("kind", kind.rawValue)
            try o.member("from", from)
            o.member("k", k)
            o.member("reachable", reachable)
            try o.member("reason", reason)
            try o.member("facilities", facilities)
        }
    }
}

extension RPC.Nearest.Result.Hit: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("id", id)
            o.member("name", name)
            o.member("kind", kind.rawValue)
            try o.member("point", point)
            try o.member("length_m", lengthM)
            try o.member("time_s", timeS)
            try o.member("path", path)
        }
    }
}

extension PlaceRef: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) in
            o.member("id", id)
            o.member("name", name)
        }
    }
}

extension Location: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            try o.member("point", point)
            try o.member("oblast", oblast)
            try o.member("rayon", rayon)
            try o.member("city_district", cityDistrict)
            try o.member("nearest_settlement", nearestSettlement)
            try o.member("polycentre", polycentre)
            try o.member("agglomeration", agglomeration)
            try o.member("swapped_point", swappedPoint)
            o.member("note", note)
        }
    }
}

extension Location.NearestSettlement: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            try o.member("settlement", settlement)
            o.member("place", place)
            o.member("population", population)
            try o.member("distance", distance)
        }
    }
}

extension Location.AgglomerationZoneRef: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            try o.member("agglomeration", agglomeration)
            o.member("zone", zone.rawValue)
            try o.member("distance_from_core", distanceFromCore)
        }
    }
}
