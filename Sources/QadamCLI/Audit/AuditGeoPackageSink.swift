import Foundation

/// Audit rows as the GeoPackage layer `audit`, written when the sink is closed: a point per
/// origin (none on an error row), then `id`, `lon`, `lat`, the measure columns and `error`,
/// as the CSV has them. Not resumable: a GeoPackage is not a run of lines to continue, so an
/// interrupted run keeps the rows it had.
final class AuditGeoPackageSink: AuditSink {
    let path: String
    private var table: Tabular

    let resumedRowCount = 0
    let resumedLastID: String? = nil
    var destinationName: String { path }

    init(path: String, columns: [String]) {
        self.path = path
        table = Tabular(columns: ["id", "lon", "lat"] + columns + ["error"])
    }

    func write(_ row: AuditRow) throws {
        let located = row.error == nil && row.lon.isFinite && row.lat.isFinite
        table.append([.text(row.id), .double(row.lon, digits: 6), .double(row.lat, digits: 6)] + row.values
                     + [row.error.map(TabularValue.text) ?? .missing],
                     geometry: located ? GeometryText.point(lon: row.lon, lat: row.lat) : nil)
    }

    /// Nothing is on disk before `close`.
    func flush() throws {}

    func close() throws {
        try TabularGeoPackage.write([table.geoPackageLayer(named: "audit")], to: path)
    }
}
