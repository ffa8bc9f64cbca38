import Foundation
import QadamData
import QadamContract

/// A broken origins file, located by file and row (CSV) or feature index (GeoJSON).
public struct OriginsFileError: Error, CustomStringConvertible, LocalizedError, Equatable {
    public var file: String
    /// "row 12", "feature 3", or "" when the whole file is at fault.
    public var location: String
    public var message: String

    public var description: String {
        location.isEmpty ? "\(file): \(message)" : "\(file): \(location): \(message)"
    }

    public var errorDescription: String? { description }
}

/// Reads audit origins from CSV (`id`, `lon`, `lat` columns, any others ignored) or GeoJSON
/// (a FeatureCollection of Points with an `id`).
///
/// Structure problems (no `lon` column, unbalanced quotes, a duplicate id, not JSON) stop the
/// read with a located error. A row whose coordinate is unreadable is kept as an origin with a
/// `readProblem`, so the audit reports it as an error row and goes on.
public enum OriginsReader {
    /// Column names accepted for each field (compared case-insensitively).
    static let idNames = ["id"]
    static let lonNames = ["lon", "lng", "longitude", "x"]
    static let latNames = ["lat", "latitude", "y"]

    public static func read(from url: URL) throws -> [AuditOrigin] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw OriginsFileError(file: url.path, location: "", message: "cannot read the file (\(error.localizedDescription))")
        }
        return try read(data, name: url.path)
    }

    /// Parses file contents; GeoJSON when the first non-blank character is `{`, CSV otherwise.
    public static func read(_ data: Data, name: String) throws -> [AuditOrigin] {
        let bytes = [UInt8](data)
        let firstContent = bytes.drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }).first
        let origins = firstContent == UInt8(ascii: "{") ? try readGeoJSON(bytes, name: name) : try readCSV(bytes, name: name)
        try checkUniqueIDs(origins, name: name)
        return origins.map(\.origin)
    }

    /// Where an origin was read, written out only for an error message.
    private enum Place: CustomStringConvertible {
        case line(Int)
        case feature(Int)

        var description: String {
            switch self {
            case .line(let n): return "line \(n)"
            case .feature(let n): return "feature \(n)"
            }
        }
    }

    private typealias Located = (origin: AuditOrigin, place: Place)

    private static func readCSV(_ bytes: [UInt8], name: String) throws -> [Located] {
        let records: [CSVRecordParser.Record]
        do { records = try CSVRecordParser.records(in: bytes) } catch let error as CSVRecordParser.SyntaxError {
            throw OriginsFileError(file: name, location: "line \(error.line)", message: error.message)
        }
        if let last = records.last, last.endsInsideQuote {
            throw OriginsFileError(file: name, location: "line \(last.line)", message: "a quoted field is never closed")
        }
        let nonBlank = records.filter { $0.fields != [""] }
        guard let header = nonBlank.first else {
            throw OriginsFileError(file: name, location: "", message: "the file is empty (expected a header with id, lon, lat)")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ accepted: [String]) throws -> Int {
            guard let i = names.firstIndex(where: accepted.contains) else {
                throw OriginsFileError(file: name, location: "line \(header.line)",
                                       message: "no \(accepted[0]) column in the header (found: \(header.fields.joined(separator: ", ")); accepted names: \(accepted.joined(separator: ", ")))")
            }
            return i
        }
        let (idColumn, lonColumn, latColumn) = (try column(idNames), try column(lonNames), try column(latNames))
        return try nonBlank.dropFirst().map { record in
            let place = Place.line(record.line)
            guard record.fields.count == header.fields.count else {
                throw OriginsFileError(file: name, location: place.description,
                                       message: "\(record.fields.count) fields where the header has \(header.fields.count)")
            }
            let id = record.fields[idColumn].trimmingBlanks
            guard !id.isEmpty else { throw OriginsFileError(file: name, location: place.description, message: "empty id") }
            let lonText = record.fields[lonColumn].trimmingBlanks
            let latText = record.fields[latColumn].trimmingBlanks
            let lon = Double(lonText), lat = Double(latText)
            let problem = lon == nil ? "lon '\(lonText)' is not a number" : lat == nil ? "lat '\(latText)' is not a number" : nil
            return (AuditOrigin(id: id, lon: lon ?? .nan, lat: lat ?? .nan, readProblem: problem), place)
        }
    }

    private static func readGeoJSON(_ bytes: [UInt8], name: String) throws -> [Located] {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes, allowNonFinite: false) } catch {
            throw OriginsFileError(file: name, location: "", message: "not valid JSON (\(error))")
        }
        guard root["type"]?.stringValue == "FeatureCollection", case .array(let features)? = root["features"] else {
            throw OriginsFileError(file: name, location: "", message: "expected a GeoJSON FeatureCollection with a features array")
        }
        return try features.enumerated().map { index, feature in
            let place = Place.feature(index)
            guard case .object = feature, feature["type"]?.stringValue == "Feature" else {
                throw OriginsFileError(file: name, location: place.description, message: "not a GeoJSON Feature object")
            }
            guard let id = idText(feature["properties"]?["id"]) ?? idText(feature["id"]) else {
                throw OriginsFileError(file: name, location: place.description, message: "no id (set the feature's id or properties.id)")
            }
            guard let geometry = feature["geometry"], case .object = geometry else {
                return (AuditOrigin(id: id, lon: .nan, lat: .nan, readProblem: "feature has no geometry"), place)
            }
            guard geometry["type"]?.stringValue == "Point" else {
                let type = geometry["type"]?.stringValue ?? "unknown"
                return (AuditOrigin(id: id, lon: .nan, lat: .nan, readProblem: "geometry is a \(type), expected a Point"), place)
            }
            guard case .array(let position)? = geometry["coordinates"], position.count >= 2,
                  let lon = position[0].doubleValue, let lat = position[1].doubleValue else {
                return (AuditOrigin(id: id, lon: .nan, lat: .nan, readProblem: "Point coordinates are not [lon, lat] numbers"), place)
            }
            return (AuditOrigin(id: id, lon: lon, lat: lat), place)
        }
    }

    /// Ids may be strings or numbers in GeoJSON; either becomes the id text.
    private static func idText(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)? where !s.isEmpty: return s
        case .int?, .double?: return value?.scalarText
        default: return nil
        }
    }

    /// Resume finds its place by id, so ids must be unique.
    private static func checkUniqueIDs(_ origins: [Located], name: String) throws {
        var firstSeen: [String: Place] = [:]
        firstSeen.reserveCapacity(origins.count)
        for (origin, place) in origins {
            if let earlier = firstSeen.updateValue(place, forKey: origin.id) {
                throw OriginsFileError(file: name, location: place.description, message: "duplicate id '\(origin.id)' (first at \(earlier))")
            }
        }
    }
}

extension String {
    /// Without leading and trailing blanks (spaces of any kind and tabs, as
    /// `CharacterSet.whitespaces`). Most cells have none and come back as they are: Foundation's
    /// `trimmingCharacters` was a fifth of reading a 40,000-row origins file.
    var trimmingBlanks: String {
        // An ASCII letter, digit or sign at both ends settles it without building Characters.
        func plainASCII(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x7F } ?? true }
        if plainASCII(utf8.first) && plainASCII(utf8.last) { return self }
        func blank(_ c: Character) -> Bool { c.isWhitespace && !c.isNewline }
        guard let first, let last, blank(first) || blank(last) else { return self }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }
}
