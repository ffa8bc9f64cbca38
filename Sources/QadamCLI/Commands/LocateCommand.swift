import ArgumentParser
import Foundation
import QadamData
import QadamGeo
import QadamContract

/// `qadam locate --at LON,LAT`: which oblast, rayon, city district, polycentre and
/// agglomeration zone a point is in, and its nearest settlement — the `locate` method, asked
/// of either backend.
struct LocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "Where is a point: oblast, rayon, city district, nearest settlement, polycentre, agglomeration zone.",
        discussion: "--format geojson (or gpkg) gives one Point feature whose properties are the places found.")

    @OptionGroup var backend: BackendOptions

    @Option(help: "The point as LON,LAT in WGS 84 degrees (e.g. 76.9286,43.2567), or a settlement or district name.")
    var at: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try PointArgument.classify(at, flag: "--at")
    }

    func run() throws {
        let queries = try backend.makeBackend()
        let answer = try queries.call(RPC.Locate.self, .init(at: try PointArgument.resolve(at, flag: "--at", backend: queries)))
        let location = answer.result
        if output.format == .text(.geojson) || output.format == .gpkg {
            return try output.write(Self.feature(location, snapshot: answer.snapshot), layer: "locate")
        }
        try ResultOutput.write(answer.json, to: output, layer: "locate", preamble: location.note.map { "note: \($0)" }) {
            var t = Tabular(columns: ["what", "id", "name", "detail"])
            func add(_ what: String, _ ref: PlaceRef?, _ detail: TabularValue = .missing) {
                t.append([.text(what), ref.map { .text($0.id) } ?? .missing, ref?.name.map(TabularValue.text) ?? .missing, detail])
            }
            add("oblast", location.oblast)
            add("rayon", location.rayon)
            add("city_district", location.cityDistrict)
            let s = location.nearestSettlement
            add("nearest_settlement", s?.settlement, s.map { .text(String(format: "%.0f m", $0.distance)) } ?? .missing)
            add("polycentre", location.polycentre)
            let a = location.agglomeration
            add("agglomeration", a?.agglomeration,
                a.map { .text("\($0.zone.rawValue), \(String(format: "%.1f", $0.distanceFromCore / 1000)) km from core") } ?? .missing)
            return t
        }
    }

    /// The answer as one feature at the point, each place flattened to `<what>_id`/`<what>`.
    private static func feature(_ l: Location, snapshot: String?) -> Tabular {
        let places: [(String, PlaceRef?)] = [("oblast", l.oblast), ("rayon", l.rayon), ("city_district", l.cityDistrict),
                                            ("nearest_settlement", l.nearestSettlement?.settlement),
                                            ("polycentre", l.polycentre), ("agglomeration", l.agglomeration?.agglomeration)]
        var columns: [String] = [], row: [TabularValue] = []
        for (what, ref) in places {
            columns += [what + "_id", what]
            row += [ref.map { .text($0.id) } ?? .missing, ref?.name.map(TabularValue.text) ?? .missing]
        }
        columns += ["nearest_settlement_distance_m", "agglomeration_zone", "agglomeration_distance_from_core_m", "snapshot"]
        row += [.double(l.nearestSettlement?.distance), l.agglomeration.map { .text($0.zone.rawValue) } ?? .missing,
                .double(l.agglomeration?.distanceFromCore), snapshot.map(TabularValue.text) ?? .missing]
        return Tabular(columns: columns, rows: [row], geometries: [GeometryText.point(l.point)])
    }
}
