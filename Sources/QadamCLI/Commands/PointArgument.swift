import Foundation
import ArgumentParser
import QadamGeo
import QadamContract

/// A point on the command line (`--at`, `--from`, `--to`): `LON,LAT` in WGS 84 degrees, or
/// the name of a settlement or district in any spelling (Kazakh, Russian, Latin), which the
/// backend's `resolve` method turns into a point, or answers with "did you mean".
enum PointArgument {
    enum Value: Equatable {
        case point(Coordinate)
        case name(String)
    }

    /// What the text is; a malformed or out-of-range pair of numbers is a usage error naming
    /// the flag. Checked in `validate()`, before any backend is asked.
    static func classify(_ text: String, flag: String) throws -> Value {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) {
            let c = Coordinate(lon: lon, lat: lat)
            guard c.isValidWGS84 else { throw ValidationError("\(flag) \(text) is outside lon -180..180, lat -90..90") }
            return .point(c)
        }
        let name = text.trimmingCharacters(in: .whitespaces)
        guard name.contains(where: \.isLetter) else {
            throw ValidationError("\(flag) must be LON,LAT (two numbers) or a place name, got '\(text)'")
        }
        return .name(name)
    }

    /// The point, resolving a name through `backend`'s `resolve`; a name that is ambiguous or
    /// unknown is a usage error listing what it may mean.
    static func resolve(_ text: String, flag: String, backend: QueryBackend) throws -> Coordinate {
        switch try classify(text, flag: flag) {
        case .point(let c):
            return c
        case .name(let name):
            let answer = try backend.call(RPC.Resolve.self, .init(name: name)).result
            if answer.match == .found, let place = answer.place { return place.point }
            let candidates = answer.candidates.prefix(8).map { c in
                "  \(c.name) (\(c.detail ?? c.kind.rawValue), id \(c.id)) at \(String(format: "%.4f,%.4f", c.point.lon, c.point.lat))"
            }
            let why = answer.match == .ambiguous
                ? "\(flag) '\(name)' is ambiguous; did you mean one of these? Give its id or LON,LAT:"
                : "\(flag) '\(name)' names no settlement or district of the dataset" + (candidates.isEmpty ? "" : "; did you mean:")
            throw CLIError(([why] + candidates).joined(separator: "\n"), exitCode: .usage)
        }
    }
}
