/// Where an audit's rows go, one per origin in input order: a streamed, resumable file of
/// lines (`AuditWriter`), or a GeoPackage written when the run ends (`AuditGeoPackageSink`).
public protocol AuditSink: AnyObject {
    /// Rows already there from an earlier run (0 unless resuming), and the id on the last one.
    var resumedRowCount: Int { get }
    var resumedLastID: String? { get }
    /// The destination, for messages.
    var destinationName: String { get }

    func write(_ row: AuditRow) throws
    /// Makes the rows written so far durable, at a row boundary.
    func flush() throws
    func close() throws
}
