import Foundation
import QadamGeo
import QadamContract

/// Reads a CSV file (RFC 4180: quoted fields may hold commas, quotes and newlines) with a
/// header row; geometry comes from `lon`/`lat` columns or a WKT `geometry` column.
enum CSVReader {
    static let lonColumns = ["lon", "lng", "longitude", "x"]
    static let latColumns = ["lat", "latitude", "y"]
    static let wktColumns = ["geometry", "wkt", "geom"]

    static func read(_ data: Data, file: String) throws -> SourceDocument {
        let records = try parse(data, file: file)
        guard let header = records.first?.map({ $0.trimmingCharacters(in: .whitespaces) }), !header.isEmpty else {
            throw ImportError.unreadable(file: file, problems: [DataProblem(.error, ProblemLocation(file: file, row: 1), "empty CSV file, expected a header row")])
        }
        let lower = header.map { $0.lowercased() }
        let lonIndex = lower.firstIndex { lonColumns.contains($0) }
        let latIndex = lower.firstIndex { latColumns.contains($0) }
        let wktIndex = lower.firstIndex { wktColumns.contains($0) }
        let hasGeometryColumns = (lonIndex != nil && latIndex != nil) || wktIndex != nil
        let geometryColumns = hasGeometryColumns ? [lonIndex, latIndex, wktIndex].compactMap { $0 } : []
        let geometryField = wktIndex.map { header[$0] }
            ?? (hasGeometryColumns ? "\(header[lonIndex!]),\(header[latIndex!])" : "lon,lat")
        var names = Set(header.indices.filter { !geometryColumns.contains($0) }.map { header[$0] })
        var features: [SourceFeature] = []
        for (r, record) in records.enumerated().dropFirst() {
            if record.count == 1, record[0].trimmingCharacters(in: .whitespaces).isEmpty { continue } // blank line
            var properties: [String: JSONValue] = [:]
            for (i, name) in header.enumerated() where !geometryColumns.contains(i) {
                let cell = i < record.count ? record[i] : ""
                properties[name] = cell.isEmpty ? .null : .string(cell)
            }
            var feature = SourceFeature(number: r + 1, properties: properties, geometry: nil,
                                        geometryProblem: nil, geometryField: geometryField)
            if record.count != header.count {
                feature.geometryProblem = "row has \(record.count) fields, the header has \(header.count)"
            } else if let wktIndex, !record[wktIndex].isEmpty {
                do { feature.geometry = try Geometry(wkt: record[wktIndex]) } catch { feature.geometryProblem = "\(error)" }
                if let g = feature.geometry, let p = CoordinateCheck.problem(envelopeOf: g) { feature.geometry = nil; feature.geometryProblem = p }
            } else if let lonIndex, let latIndex {
                let lonText = record[lonIndex].trimmingCharacters(in: .whitespaces)
                let latText = record[latIndex].trimmingCharacters(in: .whitespaces)
                if lonText.isEmpty || latText.isEmpty {
                    feature.geometryProblem = nil // missing geometry; reported by the layer mapper
                } else if let lon = Double(lonText), let lat = Double(latText) {
                    if let p = CoordinateCheck.problem(lon: lon, lat: lat) { feature.geometryProblem = p }
                    else { feature.geometry = .point(Coordinate(lon: lon, lat: lat)) }
                } else {
                    feature.geometryProblem = "coordinates '\(lonText)', '\(latText)' are not numbers"
                }
            }
            features.append(feature)
        }
        names.remove("")
        var document = SourceDocument(file: file, format: .csv, features: features, fieldNames: names)
        if !hasGeometryColumns {
            document.missingGeometryColumns = "no geometry columns: expected 'lon' and 'lat' (or longitude/latitude) or a WKT 'geometry' column; found \(header.joined(separator: ", "))"
        }
        return document
    }

    /// Splits CSV text into records of fields. A quoted field may span lines; CRLF and LF both end a record.
    /// The fields of every record; a syntax error (a stray quote, a quote left open) is an
    /// `ImportError` at its line.
    static func parse(_ data: Data, file: String) throws -> [[String]] {
        do {
            let records = try CSVRecordParser.records(in: Array(data))
            if let last = records.last, last.endsInsideQuote {
                throw CSVRecordParser.SyntaxError(line: last.line, message: "a quoted field is never closed")
            }
            return records.map(\.fields)
        } catch let error as CSVRecordParser.SyntaxError {
            throw ImportError.unreadable(file: file, problems: [
                DataProblem(.error, ProblemLocation(file: file, line: error.line), "CSV syntax: \(error.message)"),
            ])
        }
    }
}
