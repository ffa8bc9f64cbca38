import ArgumentParser
import Foundation
import QadamData
import QadamGeo

/// `qadam locate --dataset D --at LON,LAT`: which oblast, rayon, city district, polycentre and
/// agglomeration zone a point is in, and its nearest settlement.
struct LocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "Where is a point: oblast, rayon, city district, nearest settlement, polycentre, agglomeration zone.")

    @Option(help: "Dataset file.")
    var dataset: String

    @Option(help: "The point as LON,LAT in WGS 84 degrees, e.g. 76.9286,43.2567.")
    var at: String

    @Option(help: "Output format: table, json, csv.")
    var format: OutputFormat = .table

    func validate() throws {
        _ = try point()
    }

    private func point() throws -> Coordinate {
        let parts = at.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lon = parts[0], let lat = parts[1] else {
            throw ValidationError("--at must be LON,LAT (two numbers), got '\(at)'")
        }
        let c = Coordinate(lon: lon, lat: lat)
        guard c.isValidWGS84 else { throw ValidationError("--at \(at) is outside lon -180..180, lat -90..90") }
        return c
    }

    func run() throws {
        let location: Location
        do {
            let gazetteer = try Gazetteer(store: DatasetStore.open(URL(fileURLWithPath: dataset)))
            location = gazetteer.locate(try point())
        } catch let e as DatasetError {
            throw CLIError(e.message, exitCode: .dataError)
        }
        if format == .json || format == .geojson {
            emit(try JSONOutput.string(location))
            return
        }
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
        emit(t.render(format))
    }
}
