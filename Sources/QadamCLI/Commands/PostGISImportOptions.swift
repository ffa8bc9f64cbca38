import ArgumentParser
import QadamPostGIS

/// The options of `qadam import` for a PostGIS source: a `postgresql://` URI in place of the
/// file, with the table or the query whose rows become the layer (see `PostGISSource`).
struct PostGISImportOptionGroup: ParsableArguments {
    @Option(help: "With a postgresql:// source: the SQL query whose rows to import (one geometry column, any SRID).")
    var query: String?

    @Option(help: "With a postgresql:// source: the table to import (name or schema.name).")
    var table: String?

    /// The server and what to read from it when `source` is a connection URI; nil for a file.
    /// A URI needs exactly one of --query and --table, and a file neither.
    func selection(for source: String) throws -> (url: PostgresURI, selection: PostGISSource.Selection)? {
        guard PostgresURI.isPostgresURI(source) else {
            if query != nil || table != nil {
                throw ValidationError("--query and --table read from PostgreSQL: give a postgresql:// URI instead of \(source)")
            }
            return nil
        }
        let url: PostgresURI
        do { url = try PostgresURI(source) } catch let e as PostgresURIError { throw ValidationError(e.description) }
        switch (query, table) {
        case (let query?, nil): return (url, .query(query))
        case (nil, let table?): return (url, .table(table))
        case (nil, nil): throw ValidationError("a postgresql:// source needs --query 'SELECT ...' or --table NAME")
        case (_?, _?): throw ValidationError("give --query or --table, not both")
        }
    }
}
